import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqlite } from '../../src/store/sqlite-connection.js';
import { type MixedLoadResult, runMixedLoad } from './mixed-load.js';

/**
 * Finding 4: SQLite refused decisions when clicks overlapped turns in flight (48 of 300 logged at
 * 20 mentions/s). The cause was a `get` on the shared connection that left its statement, and so
 * a read transaction, open; a write on that connection then had to upgrade a stale snapshot and
 * failed with SQLITE_BUSY without waiting. Here the same mixed load runs at 40/s in one process,
 * and at 20/s in each of two processes on one file: nothing may be refused.
 */
const SCRIPT = join(import.meta.dirname, 'mixed-load.ts');
let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const expectNothingRefused = (result: MixedLoadResult) => {
  expect(result.errors).toEqual([]);
  expect(result.refused).toBe(0);
  expect(result.turnsDone).toBe(result.mentions);
  expect(result.decisionsLogged).toBe(result.clicks);
};

const countDecisions = async (file: string): Promise<number> => {
  const db = await openSqlite(file);
  const row = await db.get<{ n: number }>('SELECT count(*) AS n FROM decisions');
  await db.close();
  return row?.n ?? -1;
};

const inChild = (url: string, rate: number, seconds: number, prefix: string): Promise<MixedLoadResult> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, url, String(rate), String(seconds), prefix]);
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(out) as MixedLoadResult) : reject(new Error(`exit ${code}: ${err}`)),
    );
  });

describe('SQLite under mixed load (mentions with overlapping confirms)', () => {
  it('one process at 40 mentions/s: every click logged, none refused', { timeout: 60_000 }, async () => {
    dir = mkdtempSync(join(tmpdir(), 'quadrant-mixed-'));
    const file = join(dir, 'q.db');
    const result = await runMixedLoad(`sqlite://${file}`, { rate: 40, seconds: 3, prefix: 'one' });
    expectNothingRefused(result);
    // Double clicks are one decision: one row per card.
    expect(await countDecisions(file)).toBe(result.mentions);
  });

  it('two processes at 20 mentions/s each on one file: none refused', { timeout: 90_000 }, async () => {
    dir = mkdtempSync(join(tmpdir(), 'quadrant-mixed-'));
    const file = join(dir, 'q.db');
    const url = `sqlite://${file}`;
    // Creates the file first, as the first instance of a deployment would.
    await runMixedLoad(url, { rate: 10, seconds: 0.1, prefix: 'warm', clickDelayMs: 0 });
    const [here, there] = await Promise.all([
      runMixedLoad(url, { rate: 20, seconds: 3, prefix: 'a' }),
      inChild(url, 20, 3, 'b'),
    ]);
    expectNothingRefused(here);
    expectNothingRefused(there);
    expect(await countDecisions(file)).toBe(1 + here.mentions + there.mentions);
  });
});
