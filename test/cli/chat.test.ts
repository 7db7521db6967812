import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runChatCommand } from '../../src/cli/chat-command.js';
import { loadConfig } from '../../src/config.js';
import { redact } from '../../src/domain/redact.js';
import { openStore } from '../../src/store/open-store.js';

let dir: string;
let env: Record<string, string>;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'quadrant-chat-'));
  env = { QUADRANT_STORE_URL: `sqlite://${join(dir, 'quadrant.db')}` };
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Pipes the lines into `quadrant chat` in-process, as `printf ... | quadrant chat` would. */
const chat = async (lines: string[], args: string[] = ['--user', 'tester']) => {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk));
  stderr.on('data', (chunk: Buffer) => err.push(chunk));
  const code = await runChatCommand(args, { stdin: Readable.from([`${lines.join('\n')}\n`]), stdout, stderr, env });
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
};

const storedDecisions = async () => {
  const config = loadConfig(env);
  const store = await openStore({ ...config.store, admins: [], redact, logger: { info() {}, warn() {}, error() {} } });
  try {
    return await store.decisions.list({}, { userId: 'cli:tester', teamId: 'CLI', isAdmin: false });
  } finally {
    await store.close();
  }
};

const TYPE_OF_CARD =
  /^(Strategic|Transactional|Partnership|Problem-solving|战略合作型|交易型|伙伴型|问题解决型)[^·]* · /m;

describe('quadrant chat', () => {
  it('asks a follow-up about a vague client, takes the answer, shows the card and logs the confirmed decision', async () => {
    const result = await chat(['Acme Power wants a quick loan for a new plant.', 'no', '/classify', '/confirm']);
    expect(result.code).toBe(0);
    const out = result.stdout;
    // A vague description lacks the facts that decide the type: Quadrant asks before it classifies.
    expect(out).toMatch(/^\? .+\?/m);
    expect(out).toMatch(TYPE_OF_CARD);
    expect(out).toContain('Recommended actions');
    const confirmed = /✔ (\w+) confirmed · (\w+)/.exec(out);
    expect(confirmed).not.toBeNull();
    // Piped output is plain text: no colour codes.
    expect(out).not.toContain('\u001b[');
    const decisions = await storedDecisions();
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatchObject({
      id: confirmed?.[2],
      type: confirmed?.[1],
      source: 'rules',
      userId: 'cli:tester',
      visibility: 'private',
      channelId: null,
    });
  });

  it('answers in Chinese when the RM writes Chinese', async () => {
    const result = await chat(['华能新能源是大型国企,AAA评级,和我们合作了十年', '/classify']);
    expect(result.stdout).toContain('客户: 华能新能源');
    expect(result.stdout).toContain('建议行动');
  });

  it('classifies now on request and logs an override with its reason', async () => {
    const result = await chat([
      'A small trading company needs a quick loan and compares prices',
      '/classify',
      '/override partnership',
      '/override friendly long family ties',
      '/override partnership Family firm, second generation, banks only with us',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Recommended actions');
    expect(result.stdout).toContain('An override needs a reason: /override TYPE REASON');
    expect(result.stdout).toContain(
      'Unknown type. Use one of: strategic, transactional, partnership, problem_solving.',
    );
    expect(result.stdout).toMatch(/✔ partnership overridden · \w+/);
    const [decision] = await storedDecisions();
    expect(decision).toMatchObject({
      type: 'partnership',
      source: 'manager_override',
      reason: 'Family firm, second generation, banks only with us',
    });
  });

  it('explains commands, refuses deciding without a card, and starts over on /new', async () => {
    const result = await chat(['', '/confirm', '/help', '/frobnicate', '/new', '/quit', 'never read']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('There is no card to decide on yet.');
    expect(result.stdout).toContain('/override TYPE REASON');
    expect(result.stdout).toContain('Unknown command; /help lists them.');
    expect(result.stdout).toContain('New client. Describe them.');
    expect(result.stdout.trimEnd().endsWith('Bye.')).toBe(true);
    expect(await storedDecisions()).toEqual([]);
  });

  it('never lets a description write control sequences to the terminal', async () => {
    const result = await chat(['\u001b[2J\u001b]0;pwned\u0007客户\u001b[31m是大型国企,AAA评级', '/classify']);
    expect(result.code).toBe(0);
    const controls = [...result.stdout].filter((ch) => ch !== '\n' && (ch < ' ' || ch === '\u007f'));
    expect(controls).toEqual([]);
  });

  it('prints its help and rejects stray arguments', async () => {
    const help = await chat([], ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('quadrant chat [--user NAME]');
    await expect(chat([], ['extra'])).rejects.toThrow('unexpected argument "extra"');
  });

  it('names the bad variable when the store URL is malformed', async () => {
    env = { QUADRANT_STORE_URL: 'ftp://nope' };
    await expect(chat(['hi'])).rejects.toThrow(/QUADRANT_STORE_URL/);
  });
});
