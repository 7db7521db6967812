import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sleep } from '../../src/lib/sleep.js';
import { fakeAssessment, startFakeOpenAi } from '../fakes/openai-server.js';
import { startSlackEmulator } from '../fakes/slack-api.js';
import { clientMention } from '../fakes/user-requests.js';
import { NPM_START, ROOT } from '../support/entry.js';
import { freePort } from '../support/services.js';

// What a container runtime does: SIGTERM to the process it started (`npm start`) while a turn is in
// flight. The app stops taking events, lets the turn finish and post its reply, closes the store
// and exits 0.
let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

const refused = async (url: string): Promise<boolean> => {
  try {
    await fetch(url);
    return false;
  } catch {
    return true;
  }
};

describe('graceful shutdown of npm start', () => {
  it('on SIGTERM with a turn in flight: no new events, the turn finishes and replies, exit 0', async () => {
    const token = 'xoxb-shutdown-token';
    const secret = 'shutdown-signing-secret';
    const slack = await startSlackEmulator({ botToken: token, signingSecret: secret });
    cleanup.push(() => slack.close());
    slack.addUser({ id: 'URM' });
    slack.addChannel({ id: 'CLOANS', members: ['URM', slack.bot.userId] });
    let release = () => {};
    const hold = new Promise<void>((resolve) => {
      release = resolve;
    });
    const llm = await startFakeOpenAi({
      script: { kind: 'ok', content: fakeAssessment({ clientName: 'Huaneng Power' }) },
      hold,
    });
    cleanup.push(() => {
      release();
      return llm.close();
    });
    const dir = await mkdtemp(join(tmpdir(), 'quadrant-shutdown-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const port = await freePort();
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([key]) => !/^(SLACK_|OPENAI_|QUADRANT_|PORT$)/.test(key)),
    );
    const [command, args] = NPM_START;
    const child = spawn(command, args, {
      cwd: ROOT,
      env: {
        ...env,
        SLACK_BOT_TOKEN: token,
        SLACK_SIGNING_SECRET: secret,
        SLACK_API_URL: slack.apiUrl,
        PORT: String(port),
        QUADRANT_STORE_URL: `sqlite://${join(dir, 'q.db')}`,
        OPENAI_API_KEY: llm.apiKey,
        OPENAI_BASE_URL: llm.url,
        QUADRANT_LLM_MODE: 'always',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    const exited = once(child, 'exit');
    cleanup.push(async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
    });
    await slack.waitFor(() => output.includes('listening') || child.exitCode !== null, 20_000);
    expect(output).toContain('listening');

    const { root, request } = clientMention(slack);
    const ack = await slack.sendToApp(request, { url: `http://127.0.0.1:${port}/slack/events`, signingSecret: secret });
    expect(ack.status).toBe(200);
    // The turn is in flight: the model has the request and holds its answer.
    while (llm.requests.length === 0) await sleep(20);

    child.kill('SIGTERM');
    // No new events: the listener closes while the turn is still waiting for the model.
    while (!(await refused(`http://127.0.0.1:${port}/healthz`))) await sleep(50);
    expect(slack.thread('CLOANS', root.ts).find((m) => m.blocks !== undefined)).toBeUndefined();
    expect(child.exitCode).toBeNull();

    release();
    const reply = await slack.waitFor(
      () => slack.thread('CLOANS', root.ts).find((m) => m.blocks !== undefined),
      10_000,
    );
    expect(JSON.stringify(reply.blocks)).toContain('Huaneng Power');
    const [code, signal] = await exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(output).toContain('SIGTERM: shutting down');
    expect(output).toContain('stopped');
  });
});
