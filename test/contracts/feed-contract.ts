import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreHandle } from '../../src/store/backend.js';
import type { Decision } from '../../src/store/ports.js';
import { newDecision } from './decision-builder.js';
import type { StoreFactory } from './store-contract.js';

const ADMIN = 'U0ADMIN';

/**
 * The learning feed (DecisionLog.feed) on every backend: the order team models learn in, which
 * several processes sharing one store must all read alike.
 */
export const registerFeedContract = (backend: string, open: StoreFactory): void => {
  describe(`learning feed contract: ${backend}`, () => {
    let store: StoreHandle;
    let offsetMs = 0;
    const now = () => new Date(Date.now() + offsetMs);

    beforeEach(async () => {
      offsetMs = 0;
      store = await open({ admins: [ADMIN], redact: (t) => t, stateTtlMs: 60_000, dedupeTtlMs: 60_000, now });
    });
    afterEach(async () => {
      await store.close();
    });

    /** The whole feed after `cursor`, page by page of `size`. */
    const readAll = async (cursor = 0, size = 3): Promise<{ ids: string[]; decisions: Decision[]; cursor: number }> => {
      const decisions: Decision[] = [];
      let at = cursor;
      for (;;) {
        const page = await store.decisions.feed(at, size);
        expect(page.decisions.length).toBeLessThanOrEqual(size);
        if (page.cursor === at) return { ids: decisions.map((d) => d.id), decisions, cursor: at };
        expect(page.cursor).toBeGreaterThan(at);
        decisions.push(...page.decisions);
        at = page.cursor;
      }
    };

    it('lists appended decisions once each, in append order, paged by a cursor that reads on from where it stopped', async () => {
      const empty = await store.decisions.feed(0, 10);
      expect(empty).toEqual({ decisions: [], cursor: 0 });
      const first = [];
      for (let i = 0; i < 4; i++) first.push(await store.decisions.append(newDecision({ clientName: `Feed ${i}` })));
      // What calibration fits on travels with the decision.
      const retried = newDecision({ clientName: 'Feed retried', confidence: 0.5, rawConfidence: 0.91 });
      first.push(await store.decisions.append(retried));
      await store.decisions.append(retried);
      const read = await readAll();
      expect(read.ids).toEqual(first.map((d) => d.id));
      expect(read.decisions[0]).toMatchObject({ clientName: 'Feed 0', teamId: 'T0BANK', type: 'strategic' });
      expect(read.decisions[4]).toMatchObject({ confidence: 0.5, rawConfidence: 0.91 });
      // Nothing new: the cursor stays; one more decision: only it is read.
      expect(await store.decisions.feed(read.cursor, 10)).toEqual({ decisions: [], cursor: read.cursor });
      const later = await store.decisions.append(newDecision({ clientName: 'Feed later', visibility: 'private' }));
      const next = await readAll(read.cursor);
      expect(next.ids).toEqual([later.id]);
      // Not filtered by visibility: the reader applies the privacy rule.
      expect(next.decisions[0]?.visibility).toBe('private');
    });

    it('moves a private decision shared with the team to the end, once, as it is now', async () => {
      const secret = await store.decisions.append(newDecision({ clientName: 'Feed secret', visibility: 'private' }));
      const open1 = await store.decisions.append(newDecision({ clientName: 'Feed open' }));
      const before = await readAll();
      expect(before.ids).toEqual([secret.id, open1.id]);
      await store.decisions.amend(secret.id, { clientName: 'Feed secret renamed' });
      expect((await readAll(before.cursor)).ids).toEqual([]);
      await store.decisions.amend(secret.id, { visibility: 'team' });
      const after = await readAll(before.cursor);
      expect(after.ids).toEqual([secret.id]);
      expect(after.decisions[0]).toMatchObject({ visibility: 'team', clientName: 'Feed secret renamed' });
      // Read from the start, the shared decision is where it was shared, not where it was logged.
      expect((await readAll()).ids).toEqual([open1.id, secret.id]);
      // Sharing again changes nothing.
      await store.decisions.amend(secret.id, { visibility: 'team' });
      expect((await readAll(after.cursor)).ids).toEqual([]);
    });

    it('gives concurrent appends distinct positions, each decision exactly once', async () => {
      const written = await Promise.all(
        Array.from({ length: 24 }, (_, i) => store.decisions.append(newDecision({ clientName: `Feed race ${i % 5}` }))),
      );
      const read = await readAll(0, 5);
      expect(read.ids.sort()).toEqual(written.map((d) => d.id).sort());
    });

    it('drops purged decisions and reads on past them', async () => {
      offsetMs = -400 * 86_400_000;
      const old = await store.decisions.append(newDecision({ clientName: 'Feed old' }));
      offsetMs = 0;
      const kept = await store.decisions.append(newDecision({ clientName: 'Feed kept' }));
      expect(await store.decisions.purge(new Date(Date.now() - 365 * 86_400_000), ADMIN)).toBe(1);
      const read = await readAll();
      expect(read.ids).toEqual([kept.id]);
      expect(read.ids).not.toContain(old.id);
      const next = await store.decisions.append(newDecision({ clientName: 'Feed next' }));
      expect((await readAll(read.cursor)).ids).toEqual([next.id]);
    });
  });
};

/**
 * A log written before the learning feed existed: opening the store places its decisions in the
 * feed in log order, once, and new decisions follow them. `forgetFeed` removes the backend's feed
 * (as an older version left the store); `open` opens the store, emptied first when `fresh`.
 */
export const registerFeedBackfill = (
  backend: string,
  open: (fresh: boolean) => Promise<StoreHandle>,
  forgetFeed: () => Promise<void>,
): void => {
  it(`learning feed (${backend}): places the decisions of a log older than the feed, in log order`, async () => {
    let store = await open(true);
    const written: string[] = [];
    for (const visibility of ['team', 'private', 'team'] as const)
      written.push((await store.decisions.append(newDecision({ clientName: 'Backfill Co', visibility }))).id);
    await store.close();
    await forgetFeed();
    store = await open(false);
    try {
      const first = await store.decisions.feed(0, 10);
      expect(first.decisions.map((d) => d.id)).toEqual(written);
      const next = await store.decisions.append(newDecision({ clientName: 'Backfill Co' }));
      const after = await store.decisions.feed(first.cursor, 10);
      expect(after.decisions.map((d) => d.id)).toEqual([next.id]);
      expect((await store.decisions.feed(0, 10)).decisions).toHaveLength(4);
    } finally {
      await store.close();
    }
  });
};
