import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NPM_START, ROOT } from '../support/entry.js';

// `npm start` on a machine with no Slack tokens: the real entry point starts the playground; SIGTERM
// to the npm process reaches the app, which exits 0.
let dir: string;
let child: ChildProcess;
let output = '';
let port: number;

/** A port that was free a moment ago (the entry point has no "pick one" mode: PORT must be > 0). */
const freePort = async (): Promise<number> => {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const address = probe.address();
  probe.close();
  await once(probe, 'close');
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'quadrant-start-'));
  port = await freePort();
  // Only what a fresh machine would have: no Slack, LLM or Quadrant variables from this shell.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(SLACK_|OPENAI_|QUADRANT_|PORT$)/.test(key)),
  );
  const [command, args] = NPM_START;
  child = spawn(command, args, {
    cwd: ROOT,
    env: { ...env, PORT: String(port), QUADRANT_STORE_URL: `sqlite://${join(dir, 'quadrant.db')}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  await new Promise<void>((resolve, reject) => {
    const check = () => {
      if (output.includes('To connect a real workspace')) resolve();
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => reject(new Error(`exited with ${code} before starting:\n${output}`)));
  });
});

afterAll(async () => {
  if (child && child.exitCode === null) {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('npm start without tokens', () => {
  it('prints where to open the playground and how to connect a real workspace', () => {
    expect(output).toContain(`Quadrant playground: open http://localhost:${port}`);
    expect(output).toContain('create the app from manifest.json, then set SLACK_APP_TOKEN and SLACK_BOT_TOKEN');
    expect(output).toContain('rules only');
    expect(output).not.toMatch(/xoxb-/);
  });

  it('serves the page and offers the commands from manifest.json', async () => {
    const page = await fetch(`http://127.0.0.1:${port}/`);
    expect(page.status).toBe(200);
    const session = (await (await fetch(`http://127.0.0.1:${port}/api/session`)).json()) as {
      session: { commands: Array<{ command: string }> };
    };
    expect(session.session.commands.map((c) => c.command)).toEqual(['/playbook', '/classify', '/client']);
  });

  it('stops cleanly on SIGTERM', async () => {
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
  });
});
