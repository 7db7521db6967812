import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreHandle } from '../../src/store/backend.js';
import { openStore } from '../../src/store/open-store.js';
import type { Decision } from '../../src/store/ports.js';
import { openSqlite } from '../../src/store/sqlite-connection.js';
import { newDecision } from '../contracts/decision-builder.js';
import { needs, type RedisServer, skipWithout, startRedis } from '../support/services.js';
import { testStoreOptions } from '../support/test-store.js';

const WRITER = join(import.meta.dirname, 'writer-process.ts');
const admin = { userId: 'U0ADMIN', teamId: 'T0BANK', isAdmin: true };

const open = (url: string) => openStore(testStoreOptions(url));

type Writer = { child: ChildProcess; written: string[]; done: Promise<number | null> };

/** Spawns a writer process; `written` fills with the ids it reported as durably written. */
const spawnWriter = (url: string, count: number, client: string, keyPrefix: string): Writer => {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, url, String(count), client, keyPrefix], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const written: string[] = [];
  let buffered = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      const [tag, id] = line.split(' ');
      if (tag === 'WROTE' && id !== undefined) written.push(id);
    }
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const done = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      if (code !== 0 && code !== null) console.error(`writer ${keyPrefix} failed: ${stderr}`);
      resolve(code);
    }),
  );
  return { child, written, done };
};

const readAll = async (store: StoreHandle): Promise<Decision[]> => {
  const out: Decision[] = [];
  for await (const d of store.decisions.all()) out.push(d);
  return out;
};

/** Three processes × 1,000 decisions for one client, then two processes retrying the same 200 keys. */
const registerConcurrentWriters = (backend: string, url: () => string) => {
  it(`${backend}: three processes × 1,000 decisions for one client lose and duplicate nothing`, async () => {
    const setup = await open(url());
    const writers = [1, 2, 3].map((n) => spawnWriter(url(), 1_000, '同一客户有限公司', `w${n}`));
    expect(await Promise.all(writers.map((w) => w.done))).toEqual([0, 0, 0]);
    const reported = writers.flatMap((w) => w.written);
    expect(reported).toHaveLength(3_000);

    const all = await readAll(setup);
    expect(all).toHaveLength(3_000);
    expect(new Set(all.map((d) => d.id)).size).toBe(3_000);
    expect(new Set(all.map((d) => d.idempotencyKey)).size).toBe(3_000);
    expect(new Set(all.map((d) => d.id))).toEqual(new Set(reported));

    // One unbroken supersedes chain: no two writers ever saw the same "latest" decision.
    const history = await setup.decisions.history('同一客户', admin);
    expect(history).toHaveLength(3_000);
    expect(history[0]?.supersedes).toBeNull();
    for (let i = 1; i < history.length; i++) expect(history[i]?.supersedes).toBe(history[i - 1]?.id);
    await setup.close();
  }, 120_000);

  it(`${backend}: two processes retrying the same decisions store each once`, async () => {
    const setup = await open(url());
    const writers = [1, 2].map(() => spawnWriter(url(), 200, 'Retry Client Ltd', 'same-keys'));
    expect(await Promise.all(writers.map((w) => w.done))).toEqual([0, 0]);
    const history = await setup.decisions.history('retry client', admin);
    expect(history).toHaveLength(200);
    // Both processes were told about the same stored decision for each key.
    expect(new Set(writers[0]?.written)).toEqual(new Set(writers[1]?.written));
    expect(new Set(history.map((d) => d.id))).toEqual(new Set(writers[0]?.written));
    await setup.close();
  }, 120_000);
};

const dir = mkdtempSync(join(tmpdir(), 'quadrant-mp-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('multi-process writers', () => {
  const sqliteUrl = `sqlite://${join(dir, 'shared.db')}`;

  registerConcurrentWriters('sqlite', () => sqliteUrl);
  describe.skipIf(skipWithout('redis-server'))(`on Redis ${needs('redis-server')}`, () => {
    let redis: RedisServer;
    beforeAll(async () => {
      redis = await startRedis();
    });
    afterAll(async () => {
      await redis?.stop();
    });
    registerConcurrentWriters('redis', () => redis.url);
  });

  it('sqlite: kill -9 mid-write leaves a readable file holding every decision reported as written', async () => {
    const file = join(dir, 'killed.db');
    const url = `sqlite://${file}`;
    const writer = spawnWriter(url, 100_000, 'Killed Client', 'k');
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (writer.written.length >= 300) {
          clearInterval(poll);
          resolve();
        }
      }, 10);
    });
    writer.child.kill('SIGKILL');
    expect(await writer.done).toBeNull();
    const reported = [...writer.written];

    const db = await openSqlite(file);
    expect(await db.get<{ integrity_check: string }>('PRAGMA integrity_check')).toEqual({ integrity_check: 'ok' });
    await db.close();
    const store = await open(url);
    const stored = new Set((await readAll(store)).map((d) => d.id));
    expect(reported.filter((id) => !stored.has(id))).toEqual([]);
    // The store still takes writes after the crash, chained onto the last surviving decision.
    const history = await store.decisions.history('killed client', admin);
    const next = await store.decisions.append(newDecision({ clientName: 'Killed Client' }));
    expect(next.supersedes).toBe(history.at(-1)?.id);
    await store.close();
  }, 60_000);
});
