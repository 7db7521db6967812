import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jargonCases } from '../domain/team-model/jargon-corpus.js';
import { runQuadrant } from '../support/cli-io.js';

const casesFile = (count: number) => {
  const path = join(mkdtempSync(join(tmpdir(), 'quadrant-curve-')), 'cases.jsonl');
  writeFileSync(
    path,
    `${jargonCases(count)
      .map((c) => JSON.stringify(c))
      .join('\n')}\n`,
  );
  return path;
};

describe('quadrant eval --learning-curve', () => {
  it('prints the JSON the issue specifies: rules-only and the points by decisions', async () => {
    const { code, stdout } = await runQuadrant(['eval', casesFile(120), '--learning-curve', '--folds', '4', '--json']);
    expect(code).toBe(0);
    const curve = JSON.parse(stdout) as { rulesOnly: number; points: Array<{ decisions: number; macroF1: number }> };
    expect(Object.keys(curve)).toEqual(['rulesOnly', 'points']);
    expect(curve.points.map((p) => p.decisions)).toEqual([0, 10, 25, 50, 90]);
    expect(curve.points[0]?.macroF1).toBe(curve.rulesOnly);
    expect(curve.points.at(-1)?.macroF1).toBeGreaterThan(curve.rulesOnly);
  });

  it('prints a readable table by default', async () => {
    const { code, stdout } = await runQuadrant(['eval', casesFile(60), '--learning-curve']);
    expect(code).toBe(0);
    expect(stdout).toContain('5 folds');
    expect(stdout).toMatch(/rules-only\s+\d\.\d{3}/);
    expect(stdout).toMatch(/\n\s+48\s+\d\.\d{3}\s+[+-]\d\.\d{3}/);
  });

  it('--seed picks another shuffle: same seed, same curve; the table names the seed', async () => {
    const file = casesFile(60);
    const run = async (seed: string) =>
      (await runQuadrant(['eval', file, '--learning-curve', '--seed', seed, '--folds', '3', '--json'])).stdout;
    expect(await run('7')).toBe(await run('7'));
    const seeds = new Set(await Promise.all(['1', '2', '3', '4'].map(run)));
    expect(seeds.size).toBeGreaterThan(1);
    const table = await runQuadrant(['eval', file, '--learning-curve', '--seed', '9']);
    expect(table.stdout).toContain('shuffle seed 9');
    expect((await runQuadrant(['eval', file, '--learning-curve', '--seed', '-1'])).code).toBe(2);
    const alone = await runQuadrant(['eval', file, '--seed', '3']);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('--seed needs --learning-curve');
  });

  it('rejects a bad fold count, and --folds without --learning-curve', async () => {
    const file = casesFile(20);
    expect((await runQuadrant(['eval', file, '--learning-curve', '--folds', '1'])).code).toBe(2);
    expect((await runQuadrant(['eval', file, '--learning-curve', '--folds', 'x'])).code).toBe(2);
    const alone = await runQuadrant(['eval', file, '--folds', '3']);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('--folds needs --learning-curve or --calibration');
  });
});

describe('quadrant eval --calibration', () => {
  it('prints per source a reliability table and the ECE before and after calibration', async () => {
    const file = casesFile(80);
    const json = await runQuadrant(['eval', file, '--calibration', '--json']);
    expect(json.code).toBe(0);
    const results = JSON.parse(json.stdout) as Array<{
      source: string;
      raw: { ece: number; count: number; rows: unknown[] };
      calibrated: { ece: number; count: number };
    }>;
    expect(results.map((r) => r.source)).toEqual(['rules', 'team_model']);
    for (const r of results) {
      expect(r.raw.count).toBe(80);
      expect(r.calibrated.count).toBe(80);
      expect(r.raw.rows).toHaveLength(10);
      expect(r.raw.ece).toBeGreaterThanOrEqual(0);
      expect(r.calibrated.ece).toBeLessThanOrEqual(1);
    }
    const text = await runQuadrant(['eval', file, '--calibration']);
    expect(text.stdout).toMatch(/rules: ECE \d\.\d{3} raw → \d\.\d{3} calibrated \(80 cases\)/);
  });
});
