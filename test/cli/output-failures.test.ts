import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { newDecision } from '../contracts/decision-builder.js';
import { testStoreOptions } from '../support/test-store.js';

/**
 * Finding 8, with the real bin in its own process: `| head` closing the pipe ends quietly with
 * status 0, a full disk (/dev/full) gives one line and status 1, and a byte-order mark at the
 * start of a JSONL file no longer costs its first record.
 */
const root = new URL('../..', import.meta.url).pathname;
let dir = '';
let env: Record<string, string | undefined> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'quadrant-cli-out-'));
  const url = `sqlite://${join(dir, 'q.db')}`;
  const store = await openStore(testStoreOptions(url));
  for (let i = 0; i < 400; i++) await store.decisions.append(newDecision({ clientName: `Client ${i} Ltd` }));
  await store.close();
  env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NO_COLOR: '1',
    QUADRANT_STORE_URL: url,
    QUADRANT_ADMINS: 'U0ADMIN',
  };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Run = { code: number | null; stdout: string; stderr: string };

/** Runs the bin; `firstLineOnly` closes its stdout after the first line, as `| head -1` does. */
const run = (args: string[], options: { stdin?: string; firstLineOnly?: boolean; stdoutFd?: number } = {}) =>
  new Promise<Run>((resolve) => {
    const child = spawn(process.execPath, ['bin/quadrant.js', ...args], {
      cwd: root,
      env,
      stdio: ['pipe', options.stdoutFd ?? 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (options.firstLineOnly && stdout.includes('\n')) child.stdout?.destroy();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdin?.on('error', () => {});
    child.stdin?.end(options.stdin ?? '');
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });

const manyNotes = Array.from({ length: 3_000 }, (_, i) =>
  JSON.stringify({ id: i, text: `SME borrower ${i}, lowest rate, fast approval, compares three banks` }),
).join('\n');

describe('CLI output that cannot be written', () => {
  it.each([
    ['log export --format jsonl', ['log', 'export', '--format', 'jsonl'], ''],
    ['log list', ['log', 'list'], ''],
    ['classify --jsonl', ['classify', '--jsonl'], manyNotes],
  ])('%s | head -1 ends quietly with status 0', async (_name, args, stdin) => {
    const result = await run(args, { stdin, firstLineOnly: true });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]?.length).toBeGreaterThan(0);
  });

  it('a full disk gives one line and status 1', async () => {
    if (!existsSync('/dev/full')) {
      console.log('skipped: /dev/full is missing on this system');
      return;
    }
    const full = openSync('/dev/full', 'w');
    const result = await run(['log', 'export', '--format', 'jsonl'], { stdoutFd: full });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual(['quadrant: cannot write the output: no space left on device']);
  });
});

describe('byte-order marks', () => {
  it('classify --jsonl keeps the first record of a file that starts with a BOM', async () => {
    const input = `\uFEFF${JSON.stringify({ id: 'first', text: 'SME, lowest rate, fast approval' })}\n${JSON.stringify({ id: 'second', text: 'AAA state-owned utility, long-term framework' })}\n`;
    const result = await run(['classify', '--jsonl'], { stdin: input });
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; error?: string });
    expect(lines.map((l) => l.id)).toEqual(['first', 'second']);
    expect(lines.every((l) => l.error === undefined)).toBe(true);
    expect(result.code).toBe(0);
  });

  it('eval reads a labelled file that starts with a BOM', async () => {
    const file = join(dir, 'bom.jsonl');
    writeFileSync(
      file,
      `\uFEFF${JSON.stringify({ id: 'a', text: 'SME, lowest rate, fast approval', label: 'transactional' })}\n`,
    );
    const result = await run(['eval', file]);
    expect(result.stderr).not.toContain('not valid JSON');
    expect(result.code).toBe(0);
  });
});
