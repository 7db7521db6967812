import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runQuadrant } from '../support/cli-io.js';

const devCases = new URL('../../eval/dev-cases.jsonl', import.meta.url).pathname;

describe('quadrant playbook', () => {
  it('shows the four types at a glance', async () => {
    const { code, stdout } = await runQuadrant(['playbook', '--lang', 'en']);
    expect(code).toBe(0);
    for (const id of ['strategic', 'transactional', 'partnership', 'problem_solving']) expect(stdout).toContain(id);
  });

  it('shows one type in full, in Chinese', async () => {
    const { stdout } = await runQuadrant(['playbook', 'partnership', '--lang', 'zh']);
    expect(stdout).toContain('基于信任与情感的伙伴型客户关系');
    expect(stdout).toContain('高忠诚度');
    expect(stdout).toContain('[partnership.client-salons]');
  });

  it('finds actions by keyword: quadrant playbook 纾困', async () => {
    const { code, stdout } = await runQuadrant(['playbook', '纾困']);
    expect(code).toBe(0);
    expect(stdout).toContain('[problem_solving.flexible-financing]');
  });

  it('says so when nothing matches, and rejects a bad --lang', async () => {
    const none = await runQuadrant(['playbook', 'xyzzy']);
    expect(none.code).toBe(1);
    expect(none.stdout).toContain('Nothing in the playbook matches "xyzzy"');
    const bad = await runQuadrant(['playbook', '--lang', 'fr']);
    expect(bad.code).toBe(2);
  });
});

describe('quadrant eval', () => {
  it('reaches macro-F1 >= 0.95 on the dev cases and prints the report', async () => {
    const { code, stdout } = await runQuadrant(['eval', devCases]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/macro-F1: /);
    expect(stdout).toContain('confusion');
    const json = await runQuadrant(['eval', '--json', devCases]);
    const report = JSON.parse(json.stdout);
    expect(report.total).toBe(44);
    expect(report.macroF1).toBeGreaterThanOrEqual(0.95);
  });

  it('breaks the figures down by language and by source kind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quadrant-eval-'));
    const file = join(dir, 'slices.jsonl');
    const rows = [
      { id: 'a', text: '債委會表決通過債務重組方案,同意展期兩年。', label: 'problem_solving' },
      { id: 'b', text: '小微企业主只想要线上秒批的信用贷,利率越低越好。', label: 'transactional', kind: 'rm_note' },
      {
        id: 'c',
        text: 'Lenders agreed a standstill while the group restructures its debt.',
        label: 'problem_solving',
        kind: 'news',
      },
      {
        id: 'd',
        text: '客户是 family office,三代人都在我们私行,relationship 很深,非常 loyal。',
        label: 'partnership',
        lang: 'mixed',
      },
    ];
    writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n'));
    const { code, stdout } = await runQuadrant(['eval', file]);
    expect(code).toBe(0);
    expect(stdout).toContain('by language');
    expect(stdout).toMatch(/zh-Hant\s+1 cases/);
    expect(stdout).toMatch(/zh-Hans\s+1 cases/);
    expect(stdout).toMatch(/en\s+1 cases/);
    expect(stdout).toMatch(/mixed\s+1 cases/);
    expect(stdout).toContain('by source kind');
    expect(stdout).toMatch(/RM note\s+3 cases/);
    expect(stdout).toMatch(/news\/announcement\s+1 cases/);
    const report = JSON.parse((await runQuadrant(['eval', '--json', file])).stdout);
    expect(Object.keys(report.byLang).sort()).toEqual(['en', 'mixed', 'zh-Hans', 'zh-Hant']);
    expect(report.byKind['news/announcement'].total).toBe(1);
    expect(report.byKind['RM note'].accuracy).toBeGreaterThan(0);
  });

  it("takes a team's own file as it comes: no ids, repeated ids, labels in other spellings, kinds of its own", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quadrant-eval-'));
    const file = join(dir, 'team.jsonl');
    const rows = [
      { text: '債委會表決通過債務重組方案,同意展期兩年。', label: 'Problem-solving' },
      { id: 'x', text: '小微企业主只想要线上秒批的信用贷,利率越低越好。', label: 'TRANSACTIONAL', kind: 'email' },
      { id: 'x', text: 'Lenders agreed a standstill while the group restructures its debt.', label: 'problem solving' },
      { text: '客户是 family office,三代人都在我们私行,relationship 很深,非常 loyal。', label: 'partnership' },
    ];
    writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n'));
    const report = JSON.parse((await runQuadrant(['eval', '--json', file])).stdout);
    expect(report.total).toBe(4);
    expect(report.accuracy).toBe(1);
    expect(report.byKind.email.total).toBe(1);
    const curve = await runQuadrant(['eval', file, '--learning-curve', '--folds', '2', '--json']);
    expect(curve.code).toBe(0);
    expect(JSON.parse(curve.stdout).rulesOnly).toBe(1);
  });

  it('names the bad line of a malformed file and exits 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quadrant-eval-'));
    const file = join(dir, 'cases.jsonl');
    writeFileSync(
      file,
      `${JSON.stringify({ id: '1', text: 'x', label: 'strategic' })}\n${JSON.stringify({ id: '2', text: 'y', label: 'vip' })}\n`,
    );
    const { code, stderr } = await runQuadrant(['eval', file]);
    expect(code).toBe(2);
    expect(stderr).toContain('cases.jsonl:2: label');
    expect((await runQuadrant(['eval'])).code).toBe(2);
  });
});
