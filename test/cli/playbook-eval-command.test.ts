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
