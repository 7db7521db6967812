import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runChatCommand } from '../../src/cli/chat-command.js';
import { CLI_TEAM_ID } from '../../src/cli/chat-session.js';
import { loadConfig } from '../../src/config.js';
import { redact } from '../../src/domain/redact.js';
import { openStore } from '../../src/store/open-store.js';
import type { NewDecision } from '../../src/store/ports.js';
import { confirmedNote, newDecision } from '../contracts/decision-builder.js';
import { jargonCases } from '../domain/team-model/jargon-corpus.js';

/** `quadrant chat` uses the team model of the terminal's workspace, as Slack cards use theirs. */
let dir: string;
let env: Record<string, string>;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'quadrant-chat-team-'));
  env = { QUADRANT_STORE_URL: `sqlite://${join(dir, 'quadrant.db')}` };
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const NOTE = 'Client: Orion Foods. 下周回访,快单通道;team notes,flash quote。';

const chat = async (lines: string[]) => {
  const stdout = new PassThrough();
  const out: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk));
  const code = await runChatCommand(['--user', 'tester'], {
    stdin: Readable.from([`${lines.join('\n')}\n`]),
    stdout,
    stderr: new PassThrough(),
    env,
  });
  return { code, stdout: Buffer.concat(out).toString('utf8') };
};

/** Logs decisions straight into the store the chat reads, as the Slack app would. */
const logged = async (decisions: NewDecision[]) => {
  const config = loadConfig(env);
  const store = await openStore({ ...config.store, admins: [], redact, logger: { info() {}, warn() {}, error() {} } });
  try {
    for (const d of decisions) await store.decisions.append(d);
  } finally {
    await store.close();
  }
};

const teamDecisions = (teamId: string, count: number) => jargonCases(count).map((c) => confirmedNote(c, { teamId }));

const secret = newDecision({
  clientName: 'Secret Holdings',
  description: NOTE,
  type: 'problem_solving',
  suggestedType: 'transactional',
  source: 'manager_override',
  reason: 'private view',
  visibility: 'private',
  teamId: CLI_TEAM_ID,
  evidence: [],
});

/** The card's team-model line (English or Chinese). */
const TEAM_LINE = /^(Learned from (\d+) team decisions|参考团队 (\d+) 条决定).*$/m;

describe('quadrant chat and the team model', () => {
  it('shows the team model’s line with similar team decisions, learned from the store, never a private one', async () => {
    await logged([...teamDecisions(CLI_TEAM_ID, 80), secret]);
    const { code, stdout } = await chat([NOTE, '/classify']);
    expect(code).toBe(0);
    const line = TEAM_LINE.exec(stdout);
    expect(line).not.toBeNull();
    expect(line?.[2] ?? line?.[3]).toBe('80');
    expect(line?.[0]).toMatch(/Client j\d+/);
    expect(stdout).not.toContain('Secret Holdings');
  });

  it('learns only from its own workspace: another workspace’s decisions give it nothing to say', async () => {
    await logged(teamDecisions('T0BANK', 80));
    const { stdout } = await chat([NOTE, '/classify']);
    expect(stdout).toMatch(/Orion Foods/);
    expect(stdout).not.toMatch(TEAM_LINE);
  });
});
