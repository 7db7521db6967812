import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type SlackEmulator, startSlackEmulator } from '../fakes/slack-api.js';
import { clientMention } from '../fakes/user-requests.js';
import { ROOT, startArgs } from '../support/entry.js';

const freePort = async (): Promise<number> => {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  return typeof address === 'object' && address !== null ? address.port : 0;
};

const run = (env: Record<string, string>) => {
  const child = spawn(process.execPath, startArgs(), {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += String(chunk);
  });
  child.stderr.on('data', (chunk) => {
    stderr += String(chunk);
  });
  return { child, out: () => stdout, err: () => stderr };
};

let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

describe('npm start (dist/src/main.js)', () => {
  it.each([
    [{ SLACK_SIGNING_SECRET: 'secret' }, 'SLACK_BOT_TOKEN'],
    [{ SLACK_APP_TOKEN: 'xapp-1-alone' }, 'SLACK_BOT_TOKEN'],
    [{ SLACK_BOT_TOKEN: 'xoxb-alone' }, 'SLACK_APP_TOKEN or SLACK_SIGNING_SECRET'],
    [{ SLACK_API_URL: 'http://127.0.0.1:1/api/' }, 'SLACK_BOT_TOKEN'],
    [{ QUADRANT_LOG_FORMAT: 'xml' }, 'QUADRANT_LOG_FORMAT'],
    [{ HTTPS_PROXY: 'not a url' }, 'HTTPS_PROXY'],
    [{ PORT: 'eighty' }, 'PORT'],
  ])('exits 1 with one line naming the bad variable (%o)', async (env, name) => {
    const proc = run(env);
    const [code] = await once(proc.child, 'exit');
    expect(code).toBe(1);
    const lines = proc.err().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(name);
    expect(proc.err()).not.toMatch(/\n\s+at /);
  });

  it('runs in HTTP mode against SLACK_API_URL and answers a signed app_mention in its thread', async () => {
    const token = 'xoxb-main-test-token';
    const secret = 'main-test-signing-secret';
    const slack: SlackEmulator = await startSlackEmulator({ botToken: token, signingSecret: secret });
    cleanup.push(() => slack.close());
    slack.addUser({ id: 'URM' });
    slack.addChannel({ id: 'CLOANS', members: ['URM', slack.bot.userId] });
    const dir = await mkdtemp(join(tmpdir(), 'quadrant-main-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const port = await freePort();
    const proc = run({
      SLACK_BOT_TOKEN: token,
      SLACK_SIGNING_SECRET: secret,
      SLACK_API_URL: slack.apiUrl,
      PORT: String(port),
      QUADRANT_STORE_URL: `sqlite://${join(dir, 'q.db')}`,
    });
    cleanup.push(async () => {
      if (proc.child.exitCode === null) {
        proc.child.kill('SIGTERM');
        await once(proc.child, 'exit');
      }
    });
    const health = `http://127.0.0.1:${port}/healthz`;
    await slack.waitFor(() => proc.err().includes('listening') || proc.child.exitCode !== null, 20_000);
    expect((await fetch(health)).status).toBe(200);

    const { root, request } = clientMention(slack);
    const ack = await slack.sendToApp(request, { url: `http://127.0.0.1:${port}/slack/events`, signingSecret: secret });
    expect(ack.status).toBe(200);
    const reply = await slack.waitFor(
      () => slack.thread('CLOANS', root.ts).find((m) => m.blocks !== undefined),
      10_000,
    );
    expect(JSON.stringify(reply.blocks)).toContain('Huaneng Power');
    // main.ts verified its token with auth.test, as in production.
    expect(slack.callsTo('auth.test').length).toBeGreaterThan(0);
    expect(proc.err() + proc.out()).not.toContain(token);
    expect(proc.err() + proc.out()).not.toContain(secret);
  });

  it('runs in Socket Mode against SLACK_API_URL: connects with the app token and answers over the WebSocket', async () => {
    const token = 'xoxb-main-socket-token';
    const appToken = 'xapp-1-main-socket-app-token';
    const slack: SlackEmulator = await startSlackEmulator({ botToken: token, appToken });
    cleanup.push(() => slack.close());
    slack.addUser({ id: 'URM' });
    slack.addChannel({ id: 'CLOANS', members: ['URM', slack.bot.userId] });
    const dir = await mkdtemp(join(tmpdir(), 'quadrant-main-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const proc = run({
      SLACK_BOT_TOKEN: token,
      SLACK_APP_TOKEN: appToken,
      SLACK_API_URL: slack.apiUrl,
      QUADRANT_STORE_URL: `sqlite://${join(dir, 'q.db')}`,
    });
    cleanup.push(async () => {
      if (proc.child.exitCode === null) {
        proc.child.kill('SIGTERM');
        await once(proc.child, 'exit');
      }
    });
    await slack.socketMode.waitForConnection({ timeoutMs: 20_000 });
    expect(slack.callsTo('apps.connections.open').map((c) => c.token)).toEqual([appToken]);

    const { root, request } = clientMention(slack);
    const envelope = slack.socketMode.deliverRequest(request);
    await slack.socketMode.waitForAck(envelope.envelopeId, 10_000);
    const reply = await slack.waitFor(
      () => slack.thread('CLOANS', root.ts).find((m) => m.blocks !== undefined),
      10_000,
    );
    expect(JSON.stringify(reply.blocks)).toContain('Huaneng Power');
    expect(slack.callsTo('chat.postMessage').every((c) => c.token === token)).toBe(true);
    expect(proc.err() + proc.out()).not.toContain(token);
    expect(proc.err() + proc.out()).not.toContain(appToken);
  });
});
