import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messages } from '../../src/domain/messages/messages.js';
import type { StoreHandle } from '../../src/store/backend.js';
import { openStore } from '../../src/store/open-store.js';
import { newDecision } from '../contracts/decision-builder.js';
import { freePort, needs, skipWithout, startPostgres, startRedis } from '../support/services.js';
import { codeOf, eventually, recordingLogger, testStoreOptions } from '../support/test-store.js';

const admin = { userId: 'U0ADMIN', teamId: 'T0BANK', isAdmin: true };

const open = (url: string, logger: ReturnType<typeof recordingLogger>['logger']) =>
  openStore(testStoreOptions(url, { logger }));

describe('store outages', () => {
  it.skipIf(skipWithout('redis-server'))(
    `redis going away mid-run: writes fail with store_unavailable, nothing is reported as logged, and it recovers ${needs('redis-server')}`,
    async () => {
      const redis = await startRedis();
      const { lines, logger } = recordingLogger();
      let store: StoreHandle | undefined;
      try {
        store = await open(redis.url, logger);
        const before = await store.decisions.append(newDecision({ clientName: 'Outage Client' }));
        await redis.kill();
        expect(await codeOf(store.decisions.append(newDecision({ clientName: 'Outage Client' })))).toBe(
          'store_unavailable',
        );
        expect(await codeOf(store.state.claimOnce('event:1'))).toBe('store_unavailable');
        expect(
          lines.some((l) => l.startsWith('error store: redis at redis://127.0.0.1') && l.includes('unavailable')),
        ).toBe(true);
        expect(messages('zh').storeErrors.store_unavailable).toContain('没有记录');

        await redis.restart();
        const live = store;
        // The throwaway server has no persistence, so the log restarts empty; what matters is that writes work again.
        const after = await eventually(() => live.decisions.append(newDecision({ clientName: 'Outage Client' })));
        expect(after.id > before.id).toBe(true);
        expect((await live.decisions.history('outage client', admin)).map((d) => d.id)).toEqual([after.id]);
        expect(lines.some((l) => l.includes('is back'))).toBe(true);
      } finally {
        await store?.close();
        await redis.stop();
      }
    },
    60_000,
  );

  it.skipIf(skipWithout('redis-server'))(
    `redis down at start: openStore returns, calls fail clearly, and it works once redis is up ${needs('redis-server')}`,
    async () => {
      const redis = await startRedis();
      await redis.kill();
      const { lines, logger } = recordingLogger();
      const store = await open(redis.url, logger);
      try {
        expect(await codeOf(store.decisions.history('x', admin))).toBe('store_unavailable');
        expect(lines.some((l) => l.includes('not reachable at start'))).toBe(true);
        await redis.restart();
        const stored = await eventually(() => store.decisions.append(newDecision()));
        expect(stored.supersedes).toBeNull();
      } finally {
        await store.close();
        await redis.stop();
      }
    },
    60_000,
  );

  it('postgres down at start: openStore returns, calls fail clearly, and it works once postgres is up', async () => {
    const port = await freePort();
    const url = `postgres://postgres:s3cret-pw@127.0.0.1:${port}/postgres`;
    const { lines, logger } = recordingLogger();
    const store = await open(url, logger);
    expect(await codeOf(store.decisions.append(newDecision()))).toBe('store_unavailable');
    expect(lines.some((l) => l.includes('not reachable at start'))).toBe(true);
    // Neither the log lines nor describe() may carry the password.
    expect(lines.join('\n')).not.toContain('s3cret-pw');
    expect(store.describe()).not.toContain('s3cret-pw');
    const server = await startPostgres(port);
    try {
      const stored = await eventually(() => store.decisions.append(newDecision({ clientName: 'Late Start Ltd' })));
      expect((await store.decisions.history('late start', admin)).map((d) => d.id)).toEqual([stored.id]);
    } finally {
      await store.close();
      await server.stop();
    }
  }, 120_000);

  it('sqlite: an unusable path fails openStore with store_unavailable and a log line', async () => {
    const { lines, logger } = recordingLogger();
    // A folder cannot be made under a regular file (ENOTDIR).
    const dir = mkdtempSync(join(tmpdir(), 'quadrant-bad-'));
    writeFileSync(join(dir, 'a-file'), 'not a folder');
    try {
      expect(await codeOf(open(`sqlite://${join(dir, 'a-file', 'sub', 'q.db')}`, logger))).toBe('store_unavailable');
      expect(lines.some((l) => l.includes('open sqlite store'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects an unknown URL scheme with store_invalid', async () => {
    const { logger } = recordingLogger();
    expect(await codeOf(open('mysql://u:p@h/db', logger))).toBe('store_invalid');
  });
});
