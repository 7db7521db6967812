import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type SlackEmulator, startSlackEmulator } from '../fakes/slack-api.js';
import { cliArgs, RECORD_MODULES, ROOT, startArgs } from '../support/entry.js';
import { freePort } from '../support/services.js';

// The playground and its Slack emulator are an adapter at the edge: a Slack deployment and the
// CLI's non-chat commands never load a file from playground/. The playground-mode case shows the
// recorder sees playground files when they are loaded.
const PROJECT = new URL('../../', import.meta.url).href;

let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'quadrant-modules-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
};

const cleanEnv = () =>
  Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(SLACK_|OPENAI_|QUADRANT_|PORT$)/.test(key)));

const spawnRecorded = (args: string[], env: Record<string, string>, moduleLog: string) => {
  writeFileSync(moduleLog, '');
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...cleanEnv(), ...env, QUADRANT_TEST_MODULE_LOG: moduleLog },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  cleanup.push(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
  });
  return { child, output: () => output };
};

const stop = async (child: ChildProcess) => {
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
};

const loaded = (moduleLog: string) => readFileSync(moduleLog, 'utf8').split('\n').filter(Boolean);
const ours = (urls: string[]) => urls.filter((url) => url.startsWith(PROJECT) && !url.includes('/node_modules/'));
const fromPlayground = (urls: string[]) =>
  ours(urls).filter((url) => /^(dist\/)?playground\//.test(url.slice(PROJECT.length)));
const fromSrc = (urls: string[]) => ours(urls).filter((url) => /^(dist\/)?src\//.test(url.slice(PROJECT.length)));

describe('the playground is off the production path', () => {
  it('HTTP mode loads no playground module', async () => {
    const slack: SlackEmulator = await startSlackEmulator({ botToken: 'xoxb-path-test', signingSecret: 'path-secret' });
    cleanup.push(() => slack.close());
    const dir = tempDir();
    const log = join(dir, 'modules.txt');
    const proc = spawnRecorded(
      startArgs(RECORD_MODULES),
      {
        SLACK_BOT_TOKEN: 'xoxb-path-test',
        SLACK_SIGNING_SECRET: 'path-secret',
        SLACK_API_URL: slack.apiUrl,
        PORT: String(await freePort()),
        QUADRANT_STORE_URL: `sqlite://${join(dir, 'q.db')}`,
      },
      log,
    );
    await slack.waitFor(() => proc.output().includes('listening') || proc.child.exitCode !== null, 20_000);
    expect(proc.output()).toContain('listening');
    await stop(proc.child);
    const urls = loaded(log);
    expect(fromSrc(urls).some((url) => url.includes('/src/quadrant.'))).toBe(true);
    expect(fromPlayground(urls)).toEqual([]);
  });

  it('Socket Mode loads no playground module', async () => {
    const slack: SlackEmulator = await startSlackEmulator({ botToken: 'xoxb-path-socket', appToken: 'xapp-1-path' });
    cleanup.push(() => slack.close());
    const dir = tempDir();
    const log = join(dir, 'modules.txt');
    const proc = spawnRecorded(
      startArgs(RECORD_MODULES),
      {
        SLACK_BOT_TOKEN: 'xoxb-path-socket',
        SLACK_APP_TOKEN: 'xapp-1-path',
        SLACK_API_URL: slack.apiUrl,
        PORT: String(await freePort()),
        QUADRANT_STORE_URL: `sqlite://${join(dir, 'q.db')}`,
      },
      log,
    );
    await slack.socketMode.waitForConnection({ timeoutMs: 20_000 });
    await stop(proc.child);
    const urls = loaded(log);
    expect(fromSrc(urls).some((url) => url.includes('/src/quadrant.'))).toBe(true);
    expect(fromPlayground(urls)).toEqual([]);
  });

  it.each([
    [['playbook', 'strategic']],
    [['classify', 'AAA-rated state-owned utility, long-term framework agreement']],
    [['eval', '--help']],
    [['log', 'list']],
  ])('the CLI (%j) loads no playground module', async (args) => {
    const dir = tempDir();
    const log = join(dir, 'modules.txt');
    const proc = spawnRecorded(
      cliArgs(args, RECORD_MODULES),
      { QUADRANT_STORE_URL: `sqlite://${join(dir, 'q.db')}` },
      log,
    );
    proc.child.stdin?.end();
    const [code] = await once(proc.child, 'exit');
    expect(code, proc.output()).toBe(0);
    const urls = loaded(log);
    expect(fromSrc(urls).length).toBeGreaterThan(0);
    expect(fromPlayground(urls)).toEqual([]);
  });

  it('with no Slack variable, the playground is loaded (the recorder sees it)', async () => {
    const dir = tempDir();
    const log = join(dir, 'modules.txt');
    const proc = spawnRecorded(
      startArgs(RECORD_MODULES),
      { PORT: String(await freePort()), QUADRANT_STORE_URL: `sqlite://${join(dir, 'q.db')}` },
      log,
    );
    await new Promise<void>((resolve, reject) => {
      const check = () => proc.output().includes('To connect a real workspace') && resolve();
      proc.child.stdout?.on('data', check);
      proc.child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${proc.output()}`)));
    });
    await stop(proc.child);
    const urls = fromPlayground(loaded(log));
    expect(urls.some((url) => url.includes('/playground/index.'))).toBe(true);
    expect(urls.some((url) => url.includes('/playground/emulator/'))).toBe(true);
  });
});
