import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Config, loadConfig } from '../../src/config.js';
import { sleep } from '../../src/lib/sleep.js';
import { createQuadrant, type QuadrantApp } from '../../src/quadrant.js';
import { fakeAssessment, startFakeOpenAi } from '../fakes/openai-server.js';
import { type SlackEmulator, startSlackEmulator } from '../fakes/slack-api.js';
import { startTestSlackApp } from '../fakes/slack-app.js';
import { startConnectProxy } from '../support/connect-proxy.js';
import { startPostgres } from '../support/services.js';

// What a bank's IT probes and scrapes: /healthz, /readyz and /metrics in every Slack mode, JSON
// logs, the outbound proxy, and a Slack outage at start.
let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

const until = async <T>(probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 20_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(50);
  }
};

const tempDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'quadrant-ops-'));
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
};

/** The production app (no known bot identity: it runs auth.test itself) against the emulator. */
const startApp = async (env: Record<string, string>, slack: SlackEmulator, logs: string[] = []) => {
  const config: Config = loadConfig({ SLACK_API_URL: slack.apiUrl, QUADRANT_LOG_LEVEL: 'debug', ...env });
  const quadrant = await createQuadrant(config, { logSink: (line) => logs.push(line), retries: 0 });
  const app: QuadrantApp = quadrant.createApp();
  const { port } = await app.slackApp.start({ port: 0, host: '127.0.0.1' });
  cleanup.push(async () => {
    await app.stop(1_000);
    await quadrant.close();
  });
  return { quadrant, app, base: `http://127.0.0.1:${port}`, logs };
};

const readyz = async (base: string) => {
  const response = await fetch(`${base}/readyz`);
  return { status: response.status, body: (await response.json()) as { status: string; reasons?: string[] } };
};

describe('readiness', () => {
  it('goes 503 while the store is unreachable and back to 200 when it returns', async () => {
    const slack = await startSlackEmulator({ botToken: 'xoxb-ready', signingSecret: 'ready-secret' });
    cleanup.push(() => slack.close());
    const pg = await startPostgres();
    cleanup.push(() => pg.stop());
    const { base } = await startApp(
      { SLACK_BOT_TOKEN: 'xoxb-ready', SLACK_SIGNING_SECRET: 'ready-secret', QUADRANT_STORE_URL: pg.url },
      slack,
    );
    expect(await until(async () => ((await readyz(base)).status === 200 ? true : undefined))).toBe(true);

    await pg.pause();
    const down = await until(async () => {
      const r = await readyz(base);
      return r.status === 503 ? r : undefined;
    });
    expect(down.body.status).toBe('not_ready');
    expect(down.body.reasons?.join(' ')).toMatch(/^store: /);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);

    await pg.resume();
    expect(await until(async () => ((await readyz(base)).status === 200 ? true : undefined), 30_000)).toBe(true);
  }, 120_000);

  it('a Slack 5xx at start: keeps serving, not ready, retries auth.test with backoff until it succeeds', async () => {
    const slack = await startSlackEmulator({ botToken: 'xoxb-retry', signingSecret: 'retry-secret' });
    cleanup.push(() => slack.close());
    slack.failNext('auth.test', { status: 500 });
    slack.failNext('auth.test', { status: 500 });
    const dir = await tempDir();
    const { base, logs } = await startApp(
      {
        SLACK_BOT_TOKEN: 'xoxb-retry',
        SLACK_SIGNING_SECRET: 'retry-secret',
        QUADRANT_STORE_URL: `sqlite://${join(dir, 'q.db')}`,
      },
      slack,
    );
    const first = await until(async () => {
      const r = await readyz(base);
      return r.status === 503 && r.body.reasons?.some((reason) => reason.startsWith('slack:')) ? r : undefined;
    });
    expect(first.body.status).toBe('not_ready');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect(await until(async () => ((await readyz(base)).status === 200 ? true : undefined))).toBe(true);
    expect(slack.callsTo('auth.test').length).toBe(3);
    expect(logs.some((line) => line.includes('auth.test failed') && line.includes('retrying'))).toBe(true);
  }, 60_000);
});

describe('metrics and logs', () => {
  it('/metrics counts a classified event, with no user text or ids in any label', async () => {
    const t = await startTestSlackApp();
    cleanup.push(() => t.close());
    t.slack.addUser({ id: 'URM' });
    t.slack.addChannel({ id: 'CLOANS', members: ['URM', t.slack.bot.userId] });
    const text = `<@${t.slack.bot.userId}> Client: Huaneng Power. AAA-rated SOE, long-term framework agreement.`;
    const { ts } = await t.mention('URM', 'CLOANS', text);
    await t.slack.waitFor(() => t.slack.thread('CLOANS', ts).find((m) => m.blocks !== undefined));
    const base = t.url.replace('/slack/events', '');
    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body).toMatch(/^quadrant_events_total\{kind="app_mention"\} 1$/m);
    expect(body).toMatch(/^quadrant_classifications_total\{type="strategic",source="rules"\} 1$/m);
    expect(body).toMatch(/^quadrant_event_ack_seconds_count 1$/m);
    expect(body).toMatch(/^quadrant_process_cpu_user_seconds_total /m);
    for (const name of [
      'decisions_total',
      'llm_requests_total',
      'llm_tokens_total',
      'store_errors_total',
      'slack_api_errors_total',
    ]) {
      expect(body).toContain(`# TYPE quadrant_${name} counter`);
    }
    const labels = body.split('\n').filter((line) => line.startsWith('quadrant_') && line.includes('{'));
    expect(labels.join('\n')).not.toMatch(/Huaneng|URM|CLOANS|T0QUADRANT|\d{10}\.\d{6}/);

    const lines = t.logs.map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const line of lines) {
      expect(typeof line.time).toBe('string');
      expect(['debug', 'info', 'warn', 'error']).toContain(line.level);
      expect(typeof line.msg).toBe('string');
    }
    expect(lines.some((line) => typeof line.event_id === 'string' && line.team === t.teamId)).toBe(true);
    // Message bodies are never logged, even at debug level.
    expect(t.logs.join('\n')).not.toContain('Huaneng');
  });

  it('counts Slack API errors by method and code', async () => {
    const t = await startTestSlackApp();
    cleanup.push(() => t.close());
    t.slack.addUser({ id: 'URM' });
    t.slack.addChannel({ id: 'CLOANS', members: ['URM', t.slack.bot.userId] });
    t.slack.failNext('chat.postMessage', { error: 'not_in_channel' });
    await t.mention('URM', 'CLOANS', `<@${t.slack.bot.userId}> Client: Acme. Small firm, price only.`);
    const base = t.url.replace('/slack/events', '');
    const body = await until(async () => {
      const text = await (await fetch(`${base}/metrics`)).text();
      return text.includes('quadrant_slack_api_errors_total{method="chat.postMessage",code="not_in_channel"} 1')
        ? text
        : undefined;
    });
    expect(body).toContain('not_in_channel');
  });
});

describe('Socket Mode listener', () => {
  it('serves only /healthz, /readyz and /metrics', async () => {
    const slack = await startSlackEmulator({ botToken: 'xoxb-sock-ops', appToken: 'xapp-1-sock-ops' });
    cleanup.push(() => slack.close());
    const dir = await tempDir();
    const { base } = await startApp(
      {
        SLACK_BOT_TOKEN: 'xoxb-sock-ops',
        SLACK_APP_TOKEN: 'xapp-1-sock-ops',
        QUADRANT_STORE_URL: `sqlite://${join(dir, 'q.db')}`,
      },
      slack,
    );
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect(await until(async () => ((await readyz(base)).status === 200 ? true : undefined))).toBe(true);
    expect((await fetch(`${base}/metrics`)).status).toBe(200);
    expect((await fetch(`${base}/slack/events`, { method: 'POST', body: '{}' })).status).toBe(404);
    expect((await fetch(`${base}/`)).status).toBe(404);
  });
});

describe('outbound proxy', () => {
  it('sends the Web API, the Socket Mode WebSocket and the LLM through HTTPS_PROXY, and NO_PROXY hosts direct', async () => {
    const proxy = await startConnectProxy();
    cleanup.push(() => proxy.close());
    const slack = await startSlackEmulator({ botToken: 'xoxb-proxied', appToken: 'xapp-1-proxied' });
    cleanup.push(() => slack.close());
    const llm = await startFakeOpenAi({ script: { kind: 'ok', content: fakeAssessment() } });
    cleanup.push(() => llm.close());
    const dir = await tempDir();
    const { quadrant } = await startApp(
      {
        SLACK_BOT_TOKEN: 'xoxb-proxied',
        SLACK_APP_TOKEN: 'xapp-1-proxied',
        QUADRANT_STORE_URL: `sqlite://${join(dir, 'q.db')}`,
        HTTPS_PROXY: proxy.url,
        OPENAI_API_KEY: llm.apiKey,
        OPENAI_BASE_URL: llm.url,
        QUADRANT_LLM_MODE: 'always',
      },
      slack,
    );
    await slack.socketMode.waitForConnection({ timeoutMs: 20_000 });
    const slackHost = new URL(slack.apiUrl).host;
    expect(slack.callsTo('auth.test').length).toBeGreaterThan(0);
    expect(slack.callsTo('apps.connections.open').length).toBeGreaterThan(0);
    // Every tunnel so far went to the emulator: the Web API calls and the WebSocket upgrade.
    expect(proxy.targets.length).toBeGreaterThanOrEqual(2);
    expect(new Set(proxy.targets)).toEqual(new Set([slackHost]));

    await quadrant.classifier.classify({ text: 'Listed SOE, AAA, long-term framework agreement.', lang: 'en' });
    expect(llm.requests.length).toBeGreaterThan(0);
    expect(proxy.targets).toContain(new URL(llm.url).host);

    // NO_PROXY: the same calls go direct.
    const direct = await startConnectProxy();
    cleanup.push(() => direct.close());
    const noProxyConfig = loadConfig({
      QUADRANT_STORE_URL: `sqlite://${join(dir, 'q2.db')}`,
      HTTPS_PROXY: direct.url,
      NO_PROXY: '127.0.0.1',
      OPENAI_API_KEY: llm.apiKey,
      OPENAI_BASE_URL: llm.url,
      QUADRANT_LLM_MODE: 'always',
    });
    const other = await createQuadrant(noProxyConfig, { logSink: () => {} });
    cleanup.push(() => other.close());
    const before = llm.requests.length;
    await other.classifier.classify({ text: 'Listed SOE, AAA, long-term framework agreement.', lang: 'en' });
    expect(llm.requests.length).toBeGreaterThan(before);
    expect(direct.targets).toEqual([]);
  });
});
