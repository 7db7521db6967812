import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLogCommand } from '../../src/cli/log-command.js';
import { openStore } from '../../src/store/open-store.js';
import { newDecision } from '../contracts/decision-builder.js';
import { testStoreOptions } from '../support/test-store.js';

const dir = mkdtempSync(join(tmpdir(), 'quadrant-logcli-'));
const url = `sqlite://${join(dir, 'log.db')}`;
const env = { QUADRANT_STORE_URL: url, QUADRANT_ADMINS: 'U0ADMIN' };

const run = async (args: string[], extraEnv: Record<string, string> = {}) => {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (c: Buffer) => out.push(c.toString('utf8')));
  stderr.on('data', (c: Buffer) => err.push(c.toString('utf8')));
  const status = await runLogCommand(args, { stdin: new PassThrough(), stdout, stderr, env: { ...env, ...extraEnv } });
  return { status, stdout: out.join(''), stderr: err.join('') };
};

/** A minimal RFC 4180 reader, to check the export parses back to the same cells. */
const parseCsv = (text: string): string[][] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
};

describe('quadrant log', () => {
  beforeAll(async () => {
    const store = await openStore({
      ...testStoreOptions(url, { admins: ['U0ADMIN'] }),
      now: () => new Date('2020-03-15T08:00:00Z'),
    });
    await store.decisions.append(newDecision({ clientName: '华能新能源有限公司', type: 'strategic' }));
    await store.close();
    const later = await openStore(testStoreOptions(url, { admins: ['U0ADMIN'] }));
    await later.decisions.append(
      newDecision({
        clientName: '华能新能源',
        type: 'problem_solving',
        source: 'manager_override',
        reason: '逾期两期, "展期" 谈判中',
        description: '=HYPERLINK("http://evil","点我")\n第二行',
      }),
    );
    await later.decisions.append(
      newDecision({ clientName: 'Acme Co., Ltd.', type: 'transactional', visibility: 'private' }),
    );
    await later.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists decisions newest first with transitions, filtered by client, type and date', async () => {
    const all = await run(['list']);
    expect(all.status).toBe(0);
    const lines = all.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('Acme Co., Ltd.');
    expect(lines[1]).toContain('strategic → problem_solving');
    expect(lines[1]).toContain('reason: 逾期两期');
    const byClient = await run(['list', '--client', '华能新能源集团']);
    expect(byClient.stdout.trim().split('\n')).toHaveLength(2);
    const byType = await run(['list', '--type', 'transactional']);
    expect(byType.stdout).toContain('Acme');
    expect(byType.stdout).not.toContain('华能');
    const recent = await run(['list', '--since', '2021-01-01']);
    expect(recent.stdout.trim().split('\n')).toHaveLength(2);
    const none = await run(['list', '--type', 'partnership', '--lang', 'zh']);
    expect(none.stdout).toContain('没有符合条件');
  });

  it('exports CSV that Excel opens as UTF-8, quoted per RFC 4180, with formulas neutralized', async () => {
    const { status, stdout } = await run(['export', '--format', 'csv']);
    expect(status).toBe(0);
    expect(stdout.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(stdout.slice(1));
    expect(rows).toHaveLength(4);
    const header = rows[0] ?? [];
    const cell = (row: string[] | undefined, name: string) => row?.[header.indexOf(name)];
    expect(rows.slice(1).map((r) => cell(r, 'client_name'))).toEqual([
      '华能新能源有限公司',
      '华能新能源',
      'Acme Co., Ltd.',
    ]);
    expect(cell(rows[2], 'description')).toBe('\'=HYPERLINK("http://evil","点我")\n第二行');
    expect(cell(rows[2], 'reason')).toBe('逾期两期, "展期" 谈判中');
    expect(cell(rows[2], 'transition')).toBe('strategic->problem_solving');
    expect(cell(rows[3], 'visibility')).toBe('private');
  });

  it('exports JSON lines, oldest first', async () => {
    const { status, stdout } = await run(['export', '--format', 'jsonl']);
    expect(status).toBe(0);
    const decisions = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(decisions.map((d) => d.type)).toEqual(['strategic', 'problem_solving', 'transactional']);
    expect(decisions[1].transition).toEqual({ from: 'strategic', to: 'problem_solving' });
  });

  it('prints counts by type and transitions by month', async () => {
    const { status, stdout } = await run(['stats']);
    expect(status).toBe(0);
    expect(stdout).toContain('decisions: 3');
    expect(stdout).toMatch(/strategic\s+1/);
    expect(stdout).toMatch(/partnership\s+0/);
    expect(stdout).toMatch(/manager_override\s+1/);
    // The team lead's view: two of the three final types differ from the suggestion.
    expect(stdout).toMatch(/override rate:\s+67% \(2\/3\)/);
    expect(stdout).toContain('confusion (rows: suggested, columns: final):');
    expect(stdout).toMatch(/last 30 days: override rate/);
    const month = new Date().toISOString().slice(0, 7);
    expect(stdout).toMatch(new RegExp(`${month}\\s+strategic->problem_solving\\s+1`));
  });

  it('rejects bad usage with exit 2 and a clear message', async () => {
    for (const args of [
      [],
      ['frobnicate'],
      ['list', '--since', 'yesterday'],
      ['list', '--type', 'vip'],
      ['export'],
      ['export', '--format', 'xlsx'],
      ['purge', '--before', '2021-01-01'],
      ['list', '--bogus'],
    ]) {
      const result = await run(args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toContain('usage:');
    }
    const badUrl = await run(['list'], { QUADRANT_STORE_URL: 'ftp://x' });
    expect(badUrl.status).toBe(2);
    expect(badUrl.stderr).toContain('QUADRANT_STORE_URL');
  });

  it('purges only for an admin, logs the purge, and never touches newer decisions', async () => {
    const denied = await run(['purge', '--before', '2021-01-01', '--by', 'U0AUTHOR', '--lang', 'zh']);
    expect(denied.status).toBe(1);
    expect(denied.stderr).toContain('只有管理员');
    const done = await run(['purge', '--before', '2021-01-01', '--by', 'U0ADMIN']);
    expect(done.status).toBe(0);
    expect(done.stdout).toContain('Purged 1 decisions');
    const stats = await run(['stats']);
    expect(stats.stdout).toContain('decisions: 2');
    expect(stats.stdout).toMatch(/purge \d{4}-\d{2}-\d{2} by U0ADMIN: 1 removed \(before 2021-01-01\)/);
  });
});
