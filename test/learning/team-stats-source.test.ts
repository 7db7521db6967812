import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPlaybook } from '../../src/domain/playbook.js';
import { learningFeed, replayForStats } from '../../src/learning/team-stats-source.js';
import type { StoreHandle } from '../../src/store/backend.js';
import { openStore } from '../../src/store/open-store.js';
import { newDecision } from '../contracts/decision-builder.js';
import { testStoreOptions } from '../support/test-store.js';

const dir = mkdtempSync(join(tmpdir(), 'quadrant-statsfeed-'));
let store: StoreHandle;

const collect = async <T>(items: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
};

describe('the team lead view replays the learning feed', () => {
  beforeAll(async () => {
    store = await openStore(testStoreOptions(`sqlite://${join(dir, 'log.db')}`, { admins: ['U0ADMIN'] }));
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads a decision shared later where it was shared, as the app learned it, not where it was logged', async () => {
    const secret = await store.decisions.append(
      newDecision({ clientName: 'Stats secret', visibility: 'private', description: '家族企业,二代接班,信任我行' }),
    );
    const open = await store.decisions.append(newDecision({ clientName: 'Stats open' }));
    await store.decisions.amend(secret.id, { visibility: 'team' });

    expect((await collect(store.decisions.all())).map((d) => d.id)).toEqual([secret.id, open.id]);
    expect((await collect(learningFeed(store.decisions))).map((d) => d.id)).toEqual([open.id, secret.id]);

    const replayed = await replayForStats(learningFeed(store.decisions), defaultPlaybook());
    expect(replayed).toHaveLength(2);
    // Both are team-visible now, so the team model gave each an opinion before learning it.
    expect(replayed.every((r) => r.teamType !== null)).toBe(true);
  });

  it('reads every page of a long feed, each decision once', async () => {
    const before = (await collect(learningFeed(store.decisions))).length;
    for (let i = 0; i < 520; i++) await store.decisions.append(newDecision({ clientName: `Stats bulk ${i}` }));
    const ids = (await collect(learningFeed(store.decisions))).map((d) => d.id);
    expect(ids).toHaveLength(before + 520);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
