import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareDecision } from '../src/store/decision-input.js';
import { createIdGenerator } from '../src/store/ids.js';
import { openStore } from '../src/store/open-store.js';
import type { Viewer } from '../src/store/ports.js';
import { openSqlite } from '../src/store/sqlite-connection.js';
import { newDecision } from '../test/contracts/decision-builder.js';
import { testStoreOptions } from '../test/support/test-store.js';

const TOTAL = 100_000;
const LONG_HISTORY = 1_000;
const SHORT_HISTORY = 5;
const APPENDS = 2_000;
const READS = 300;
const viewer: Viewer = { userId: 'U0BENCH', teamId: 'T0BANK', isAdmin: false };

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

/**
 * Seeds rows in one transaction straight into the table: seeding is setup, not what is measured.
 * 100,000 decisions: one client with LONG_HISTORY, the rest spread over clients of SHORT_HISTORY.
 */
const seed = async (file: string, total: number): Promise<void> => {
  const db = await openSqlite(file);
  const newId = createIdGenerator();
  const last = new Map<string, string>();
  const start = Date.now() - total * 1_000;
  await db.exec('BEGIN');
  const BATCH = 500;
  for (let from = 0; from < total; from += BATCH) {
    const params: (string | null)[] = [];
    const count = Math.min(BATCH, total - from);
    for (let i = from; i < from + count; i++) {
      const clientName =
        i % (total / LONG_HISTORY) === 0 ? 'Long History Ltd' : `Client ${Math.floor(i / SHORT_HISTORY)} Ltd`;
      const d = prepareDecision(newDecision({ clientName, idempotencyKey: `seed:${i}` }), {
        redact: (t) => t,
        newId,
        now: () => new Date(start + i * 1_000),
      });
      params.push(d.id, d.idempotencyKey, d.clientId, d.type, d.visibility, d.userId, d.teamId, d.createdAt);
      params.push(last.get(d.clientId) ?? null, JSON.stringify(d));
      last.set(d.clientId, d.id);
    }
    await db.run(
      `INSERT INTO decisions (id, idempotency_key, client_id, type, visibility, user_id, team_id, created_at, supersedes, body)
       VALUES ${Array.from({ length: count }, () => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      params,
    );
  }
  await db.exec('COMMIT');
  await db.close();
};

const measureHistory = async (read: () => Promise<unknown>): Promise<{ p50: number; p99: number }> => {
  const times: number[] = [];
  for (let i = 0; i < READS; i++) {
    const t = performance.now();
    await read();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p99: percentile(times, 0.99) };
};

const fmt = (r: { p50: number; p99: number }) => `p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms`;

/** `npm run bench -- store`: SQLite appends per second and client-history latency with 100,000 decisions. */
export const run = async (): Promise<void> => {
  const dir = mkdtempSync(join(tmpdir(), 'quadrant-bench-'));
  try {
    for (const total of [10_000, TOTAL]) {
      const file = join(dir, `bench-${total}.db`);
      const store = await openStore(
        testStoreOptions(`sqlite://${file}`, {
          logger: { info: () => {}, warn: () => {}, error: (m) => console.error(m) },
        }),
      );
      await seed(file, total);
      const short = await measureHistory(() => store.decisions.history('Client 7 Ltd', viewer));
      const long = await measureHistory(() => store.decisions.history('Long History Ltd', viewer));
      const longCount = (await store.decisions.history('Long History Ltd', viewer)).length;
      console.log(`sqlite, ${total.toLocaleString('en')} decisions in the store:`);
      console.log(`  history of a client with ${SHORT_HISTORY} decisions:  ${fmt(short)}`);
      console.log(`  history of a client with ${longCount.toLocaleString('en')} decisions: ${fmt(long)}`);
      if (total === TOTAL) {
        const t = performance.now();
        for (let i = 0; i < APPENDS; i++)
          await store.decisions.append(newDecision({ clientName: `Client ${i % 50} Ltd` }));
        const seconds = (performance.now() - t) / 1_000;
        console.log(
          `  appends (each its own durable write, WAL + synchronous=FULL): ${Math.round(APPENDS / seconds)} /s`,
        );
      }
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

if (import.meta.url === `file://${process.argv[1]}`) await run();
