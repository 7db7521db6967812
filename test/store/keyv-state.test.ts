import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KeyvPostgres } from '@keyv/postgres';
import KeyvRedis from '@keyv/redis';
import { KeyvSqlite } from '@keyv/sqlite';
import { createClient } from '@redis/client';
import { Keyv, type KeyvStoreAdapter } from 'keyv';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { sleep } from '../../src/lib/sleep.js';
import { guarded, type StoreHandle } from '../../src/store/backend.js';
import { KEYV_NAMESPACES, KEYV_TABLE, openKeyvState, type ThreadRecord } from '../../src/store/keyv-state.js';
import { type OpenStoreOptions, openStore } from '../../src/store/open-store.js';
import type { ThreadState } from '../../src/store/ports.js';
import { openSqlite } from '../../src/store/sqlite-connection.js';
import { newDecision } from '../contracts/decision-builder.js';
import { freePort, needs, type PostgresServer, skipWithout, startPostgres, startRedis } from '../support/services.js';
import { codeOf, eventually, recordingLogger, testStoreOptions } from '../support/test-store.js';

const dir = mkdtempSync(join(tmpdir(), 'quadrant-keyv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const sqliteUrl = () => {
  files += 1;
  return `sqlite://${join(dir, `s${files}`, 'q.db')}`;
};

const silent = recordingLogger().logger;

const options = (url: string, overrides: Partial<OpenStoreOptions> = {}): OpenStoreOptions =>
  testStoreOptions(url, { redact: (text) => text.replace(/\d{7,}/g, '[PHONE]'), logger: silent, ...overrides });

const thread = (text: string): ThreadState => ({
  profile: { needs: [], priorities: [], distress: [], loyalty: [] },
  turns: [{ role: 'rm', text, at: '2025-01-01T00:00:00.000Z' }],
  followUpsAsked: 0,
  lang: 'zh',
  updatedAt: '2025-01-01T00:00:00.000Z',
});

describe('keyv state on SQLite', () => {
  it('keeps threads and settings in keyv rows of the store file, which runs in WAL mode', async () => {
    const url = sqliteUrl();
    const store = await openStore(options(url));
    await store.state.setThread('T0BANK:C1:1.1', thread('客户电话13800138000'));
    await store.state.setUserSettings('U1', { lang: 'en' });
    await store.state.setWorkspaceSettings('T1', { cycle: 'downturn' });
    await store.decisions.append(newDecision());
    await store.close();

    // A plain Keyv over @keyv/sqlite sees exactly what the store wrote, redacted.
    const path = url.replace('sqlite://', '');
    const read = async <T>(namespace: string, key: string): Promise<T | undefined> => {
      const keyv = new Keyv<T>(new KeyvSqlite({ uri: url, table: KEYV_TABLE }), { namespace });
      try {
        return await keyv.get(key);
      } finally {
        await keyv.disconnect();
      }
    };
    const record = await read<ThreadRecord>(KEYV_NAMESPACES.thread, 'T0BANK:C1:1.1');
    expect(record?.state.turns[0]?.text).toBe('客户电话[PHONE]');
    expect(typeof record?.savedAt).toBe('number');
    expect(await read(KEYV_NAMESPACES.user, 'U1')).toEqual({ lang: 'en' });
    expect(await read(KEYV_NAMESPACES.workspace, 'T1')).toEqual({ cycle: 'downturn' });

    const db = await openSqlite(path);
    try {
      const tables = await db.all<{ name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
      );
      expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['decisions', 'dedupe', KEYV_TABLE]));
      expect(tables.map((t) => t.name)).not.toContain('threads');
      expect(await db.get<{ journal_mode: string }>('PRAGMA journal_mode')).toEqual({ journal_mode: 'wal' });
    } finally {
      await db.close();
    }
  });

  it('purges old and expired threads with one native delete on keyv rows, never settings or decisions', async () => {
    const url = sqliteUrl();
    let offsetMs = 0;
    const now = () => new Date(Date.now() + offsetMs);
    const store = await openStore(options(url, { now }));
    const shortLived = await openStore(options(url, { stateTtlMs: 200 }));
    try {
      const decision = await store.decisions.append(newDecision());
      await store.state.setUserSettings('U1', { lang: 'zh' });
      offsetMs = -30 * 86_400_000;
      await store.state.setThread('old', thread('old'));
      offsetMs = 0;
      await store.state.setThread('fresh', thread('fresh'));
      await shortLived.state.setThread('expired', thread('expired'));
      await sleep(300);

      expect(await store.state.purgeStale(new Date(Date.now() - 7 * 86_400_000))).toBe(2);
      expect(await store.state.getThread('old')).toBeUndefined();
      expect(await store.state.getThread('fresh')).toBeDefined();
      expect(await store.state.getUserSettings('U1')).toEqual({ lang: 'zh' });
      expect(
        (await store.decisions.history(decision.clientName, { userId: 'x', teamId: 'T0BANK', isAdmin: true })).map(
          (d) => d.id,
        ),
      ).toEqual([decision.id]);
      const db = await openSqlite(url.replace('sqlite://', ''));
      try {
        const rows = await db.all<{ key: string }>(`SELECT key FROM ${KEYV_TABLE} ORDER BY key`);
        expect(rows.map((r) => r.key)).toEqual(['quadrant-thread:fresh', 'quadrant-user-settings:U1']);
      } finally {
        await db.close();
      }
    } finally {
      await shortLived.close();
      await store.close();
    }
  });

  it('three processes writing state to one file at once lose nothing', async () => {
    const url = sqliteUrl();
    const setup = await openStore(options(url));
    const script = `
      import { openStore } from './src/store/open-store.ts';
      const [url, name] = process.argv.slice(1);
      const store = await openStore({ url, stateTtlMs: 60000, dedupeTtlMs: 60000, retentionDays: 90, admins: [],
        redact: (t) => t, logger: { info() {}, warn() {}, error: (m) => console.error(m) } });
      for (let i = 0; i < 150; i++) {
        await store.state.setThread(name + ':' + i, { profile: { needs: [], priorities: [], distress: [], loyalty: [] },
          turns: [], followUpsAsked: i % 3, lang: 'en', updatedAt: new Date().toISOString() });
        await store.state.setUserSettings(name + ':' + i, { lang: 'zh' });
      }
      await store.close();
    `;
    const run = (name: string) =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, url, name], {
          cwd: join(import.meta.dirname, '..', '..'),
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        let stderr = '';
        child.stderr.setEncoding('utf8').on('data', (c: string) => {
          stderr += c;
        });
        child.on('exit', (code) => resolve({ code, stderr }));
      });
    try {
      const results = await Promise.all(['p1', 'p2', 'p3'].map(run));
      expect(results).toEqual([0, 0, 0].map(() => ({ code: 0, stderr: '' })));
      for (const name of ['p1', 'p2', 'p3']) {
        for (const i of [0, 77, 149]) {
          expect((await setup.state.getThread(`${name}:${i}`))?.followUpsAsked).toBe(i % 3);
          expect(await setup.state.getUserSettings(`${name}:${i}`)).toEqual({ lang: 'zh' });
        }
      }
      const db = await openSqlite(url.replace('sqlite://', ''));
      try {
        expect(await db.get(`SELECT count(*) AS n FROM ${KEYV_TABLE}`)).toEqual({ n: 900 });
      } finally {
        await db.close();
      }
    } finally {
      await setup.close();
    }
  }, 60_000);

  it('a state write waits for another connection holding the write lock instead of failing (busy timeout)', async () => {
    const url = sqliteUrl();
    const store = await openStore(options(url));
    const holder = await openSqlite(url.replace('sqlite://', ''));
    try {
      await holder.exec('BEGIN IMMEDIATE');
      await holder.run('INSERT INTO dedupe (key, expires_at) VALUES (?, ?)', ['held', 0]);
      const write = store.state.setUserSettings('U1', { lang: 'zh' });
      // Longer than sqlite3's default busy timeout (1 s), well within the adapters' 10 s.
      await sleep(1_500);
      await holder.exec('COMMIT');
      await write;
      expect(await store.state.getUserSettings('U1')).toEqual({ lang: 'zh' });
    } finally {
      await holder.close();
      await store.close();
    }
  });

  it('close() closes every keyv connection: the WAL file goes away and later calls fail clearly', async () => {
    const url = sqliteUrl();
    const path = url.replace('sqlite://', '');
    const store = await openStore(options(url));
    await store.state.setThread('k', thread('x'));
    await store.state.setUserSettings('U1', { lang: 'en' });
    expect(existsSync(`${path}-wal`)).toBe(true);
    await store.close();
    // SQLite removes the WAL when its last connection closes: one keyv connection left open keeps it.
    expect(existsSync(`${path}-wal`)).toBe(false);
    expect(await codeOf(store.state.getThread('k'))).toBe('store_unavailable');
    expect(await codeOf(store.state.setUserSettings('U1', { lang: 'zh' }))).toBe('store_unavailable');
  });
});

describe('keyv pitfalls, handled once for every backend', () => {
  const baseOptions = (adapter: (namespace: string) => KeyvStoreAdapter, logger = silent) => ({
    logger,
    redact: (t: string) => t,
    stateTtlMs: 60_000,
    now: () => new Date(),
    adapter,
    useKeyPrefix: true,
    run: <T>(operation: string, call: () => Promise<T>) => guarded(logger, operation, call),
    dedupeTtlMs: 60_000,
    claim: async () => 'token',
    release: async () => undefined,
    purgeStale: async () => 0,
  });

  it('a write keyv reports as false is store_unavailable with a log line, never a silent success', async () => {
    // keyv's adapter contract lets set() resolve false; our real adapters never do, so this one is made up.
    const refusing: KeyvStoreAdapter = Object.assign(new EventEmitter(), {
      opts: {},
      namespace: undefined,
      get: async () => undefined,
      set: async () => false,
      delete: async () => false,
      clear: async () => undefined,
    });
    const { lines, logger } = recordingLogger();
    const { state, disconnect } = openKeyvState(baseOptions(() => refusing, logger));
    expect(await codeOf(state.setThread('k', thread('x')))).toBe('store_unavailable');
    expect(await codeOf(state.setWorkspaceSettings('T1', { cycle: 'downturn' }))).toBe('store_unavailable');
    expect(lines.some((l) => l.startsWith('error store: setThread failed: keyv quadrant-thread did not store'))).toBe(
      true,
    );
    await disconnect();
  });

  it("adapter 'error' events are logged once per message and never thrown", async () => {
    const url = sqliteUrl();
    mkdirSync(join(url.replace('sqlite://', ''), '..'), { recursive: true });
    const adapters: KeyvSqlite[] = [];
    const { lines, logger } = recordingLogger();
    const { state, disconnect } = openKeyvState(
      baseOptions(() => {
        const adapter = new KeyvSqlite({ uri: url, table: KEYV_TABLE, busyTimeout: 5_000 });
        adapters.push(adapter);
        return adapter;
      }, logger),
    );
    expect(adapters).toHaveLength(3);
    expect(new Set(adapters).size).toBe(3);
    // Without a listener, an EventEmitter throws an emitted 'error': that would crash the process.
    expect(() => adapters[0]?.emit('error', new Error('disk I/O error'))).not.toThrow();
    expect(() => adapters[0]?.emit('error', new Error('disk I/O error'))).not.toThrow();
    expect(lines).toEqual(['warn store: keyv quadrant-thread: disk I/O error']);
    await state.setUserSettings('U1', { lang: 'en' });
    expect(await state.getUserSettings('U1')).toEqual({ lang: 'en' });
    await disconnect();
  });
});

describe.skipIf(skipWithout('redis-server'))(`keyv state on Redis ${needs('redis-server')}`, () => {
  it('keeps threads in @keyv/redis keys with a native TTL, settings without one, and fails and recovers with the server', async () => {
    const redis = await startRedis();
    const admin = createClient({ url: redis.url });
    const { lines, logger } = recordingLogger();
    let store: StoreHandle | undefined;
    try {
      store = await openStore(options(redis.url, { logger }));
      await store.state.setThread('T0BANK:C1:1.1', thread('电话13800138000'));
      await store.state.setUserSettings('U1', { lang: 'zh' });
      await admin.connect();
      const ttl = await admin.pTTL('quadrant-thread::T0BANK:C1:1.1');
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(60_000);
      expect(await admin.pTTL('quadrant-user-settings::U1')).toBe(-1);
      const plain = new Keyv<ThreadRecord>(new KeyvRedis(redis.url), {
        namespace: KEYV_NAMESPACES.thread,
        useKeyPrefix: false,
      });
      expect((await plain.get('T0BANK:C1:1.1'))?.state.turns[0]?.text).toBe('电话[PHONE]');
      await plain.disconnect();

      admin.destroy();
      await redis.kill();
      expect(await codeOf(store.state.setThread('k', thread('x')))).toBe('store_unavailable');
      expect(await codeOf(store.state.getUserSettings('U1'))).toBe('store_unavailable');
      expect(lines.some((l) => l.startsWith('error store: setThread failed'))).toBe(true);

      await redis.restart();
      const live = store;
      await eventually(() => live.state.setUserSettings('U2', { lang: 'en' }));
      expect(await live.state.getUserSettings('U2')).toEqual({ lang: 'en' });
      await live.close();
      store = undefined;
      // The adapters share the store's client: after close() no connection but ours is left.
      await admin.connect();
      const others = (await admin.clientList()).filter((c) => c.cmd !== 'client|list');
      expect(others).toEqual([]);
    } finally {
      if (admin.isOpen) admin.destroy();
      await store?.close();
      await redis.stop();
    }
  }, 60_000);
});

describe('keyv state on PostgreSQL', () => {
  it('down at start: settings fail clearly, then keyv works once the server is up, and close() leaves no connection', async () => {
    const port = await freePort();
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    let store: StoreHandle | undefined = await openStore(options(url));
    let server: PostgresServer | undefined;
    try {
      const live = store;
      expect(await codeOf(live.state.getUserSettings('U1'))).toBe('store_unavailable');
      server = await startPostgres(port);
      // @keyv/postgres creates its table once, at construction: the store's schema retry creates it now.
      await eventually(() => live.state.setUserSettings('U1', { lang: 'zh' }));
      await live.state.setThread('T0BANK:C1:1.1', thread('电话13800138000'));
      expect(await live.state.getUserSettings('U1')).toEqual({ lang: 'zh' });
      expect((await live.state.getThread('T0BANK:C1:1.1'))?.turns[0]?.text).toBe('电话[PHONE]');

      const plain = new Keyv<ThreadRecord>(new KeyvPostgres({ uri: url, table: KEYV_TABLE }), {
        namespace: KEYV_NAMESPACES.thread,
      });
      expect((await plain.get('T0BANK:C1:1.1'))?.state.turns[0]?.text).toBe('电话[PHONE]');
      await plain.disconnect();

      await live.close();
      store = undefined;
      // A backend leaves pg_stat_activity a moment after its client hangs up (the server process
      // exits on its own schedule), so wait for the count to reach zero; a leaked connection never does.
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const others = async () =>
        (
          await client.query<{ n: number }>(
            "SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()",
          )
        ).rows[0]?.n;
      const left = await eventually(async () => {
        const n = await others();
        if (n !== 0) throw new Error(`${n} client backends still open`);
        return n;
      }).catch(() => others());
      await client.end();
      expect(left).toBe(0);

      // The server going away drops the pool's idle connections: keyv shares the store's pool and
      // its 'error' listener, so this is a log line and a clear error, not a crashed process.
      const { lines, logger } = recordingLogger();
      store = await openStore(options(url, { logger }));
      const again = store;
      expect(await again.state.getUserSettings('U1')).toEqual({ lang: 'zh' });
      await server.stop();
      server = undefined;
      await eventually(async () => {
        if (!lines.some((l) => l.startsWith('error store: postgres at'))) throw new Error('no pool error yet');
      });
      expect(await codeOf(again.state.getThread('T0BANK:C1:1.1'))).toBe('store_unavailable');
    } finally {
      await store?.close();
      await server?.stop();
    }
  }, 120_000);
});
