import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPlaybook } from '../../src/domain/playbook.js';
import { learningFeed, replayForStats, statsFromModels } from '../../src/learning/team-stats-source.js';
import { learnFromLog } from '../../src/learning/team-sync.js';
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

  it("the app's own models tell the view what they said, however far back they learned, and a window replay cannot", async () => {
    const teamId = 'T0LIVESTATS';
    const learning = await learnFromLog(store.decisions, defaultPlaybook());
    const logged = async (i: number, type: 'partnership' | 'strategic', visibility: 'team' | 'private' = 'team') =>
      learning.decisions.append(
        newDecision({
          teamId,
          clientName: `Live ${i}`,
          type,
          suggestedType: 'strategic',
          source: type === 'strategic' ? 'rules' : 'manager_override',
          reason: type === 'strategic' ? null : 'the family banks with us for the trust',
          visibility,
          description: `Client ${i}: quorvex and blenthar account, talked over dinner`,
        }),
      );
    // A team that keeps deciding this wording is a partnership, long before the view's window.
    for (let i = 0; i < 40; i++) await logged(i, 'partnership');
    const window = [await logged(40, 'partnership'), await logged(41, 'strategic', 'private')];

    const live = statsFromModels(window, learning.models);
    const fullReplay = (await replayForStats(learningFeed(store.decisions), defaultPlaybook())).slice(-2);
    const windowReplay = await replayForStats(window, defaultPlaybook());

    expect(live.map((r) => r.teamType)).toEqual(['partnership', null]);
    expect(live).toEqual(fullReplay);
    // A fresh model knows only the seed prior, which has never seen these words decided.
    expect(windowReplay[0]?.teamType).not.toBe('partnership');
  });
});
