import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sleep } from '../../src/lib/sleep.js';
import type { StoreHandle } from '../../src/store/backend.js';
import type { Redact, ThreadState, Viewer } from '../../src/store/ports.js';
import { StoreError } from '../../src/store/ports.js';
import { newDecision } from './decision-builder.js';
import { registerFeedContract } from './feed-contract.js';

/** What a backend's test file supplies: a fresh, empty store per call, with these options. */
export type StoreFactory = (options: {
  admins: string[];
  redact: Redact;
  stateTtlMs: number;
  dedupeTtlMs: number;
  now: () => Date;
}) => Promise<StoreHandle>;

export const ADMIN = 'U0ADMIN';
const author: Viewer = { userId: 'U0AUTHOR', teamId: 'T0BANK', isAdmin: false };
const colleague: Viewer = { userId: 'U0COLLEAGUE', teamId: 'T0BANK', isAdmin: false };
const outsider: Viewer = { userId: 'U0OUTSIDER', teamId: 'T0OTHER', isAdmin: false };
const admin: Viewer = { userId: ADMIN, teamId: 'T0BANK', isAdmin: false };

/** Masks phone-like digit runs: enough to see that the store redacts before writing. */
const maskDigits: Redact = (text) => text.replace(/\d{7,}/g, '[PHONE]');

const thread = (text: string): ThreadState => ({
  profile: {
    needs: [{ value: 'fast loan', quote: `call 13800138000 ${text}` }],
    priorities: [],
    distress: [],
    loyalty: [],
  },
  turns: [{ role: 'rm', text: `客户电话13800138000,${text}`, at: new Date().toISOString() }],
  followUpsAsked: 1,
  lang: 'zh',
  updatedAt: new Date().toISOString(),
});

const rejection = async (promise: Promise<unknown>): Promise<StoreError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreError);
  return error as StoreError;
};

/**
 * The behaviour every backend must have. Each backend's test file calls this with a factory that
 * opens a real, empty store (a SQLite file, a redis-server, a PostgreSQL cluster).
 */
export const registerStoreContract = (backend: string, open: StoreFactory): void => {
  describe(`store contract: ${backend}`, () => {
    let store: StoreHandle;
    let offsetMs = 0;
    const now = () => new Date(Date.now() + offsetMs);

    beforeEach(async () => {
      offsetMs = 0;
      store = await open({ admins: [ADMIN], redact: maskDigits, stateTtlMs: 60_000, dedupeTtlMs: 60_000, now });
    });
    afterEach(async () => {
      await store.close();
    });

    it('appends with a time-sortable id, a normalized client id and a supersedes chain across name spellings', async () => {
      const first = await store.decisions.append(newDecision({ clientName: '华能新能源有限公司' }));
      const second = await store.decisions.append(newDecision({ clientName: ' 华能新能源 集团 ' }));
      expect(first.id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
      expect(second.id > first.id).toBe(true);
      expect(first.clientId).toBe('华能新能源');
      expect(second.clientId).toBe(first.clientId);
      expect(first.supersedes).toBeNull();
      expect(second.supersedes).toBe(first.id);
      expect(Number.isNaN(Date.parse(second.createdAt))).toBe(false);
    });

    it('stores a retried decision once, even when the retries race', async () => {
      const decision = newDecision();
      const results = await Promise.all(Array.from({ length: 10 }, () => store.decisions.append(decision)));
      expect(new Set(results.map((r) => r.id)).size).toBe(1);
      const again = await store.decisions.append({ ...decision, type: 'transactional' });
      expect(again.id).toBe(results[0]?.id);
      expect(again.type).toBe('strategic');
      expect(await store.decisions.history(decision.clientName, author)).toHaveLength(1);
    });

    it('returns a complete history, oldest first, with type transitions marked', async () => {
      const types = ['strategic', 'strategic', 'problem_solving', 'partnership'] as const;
      const written = [];
      for (const type of types)
        written.push(await store.decisions.append(newDecision({ clientName: 'Acme Co., Ltd.', type })));
      await store.decisions.append(newDecision({ clientName: 'Other Corp', type: 'transactional' }));
      const history = await store.decisions.history('ACME', colleague);
      expect(history.map((d) => d.id)).toEqual(written.map((d) => d.id));
      expect(history.map((d) => d.transition)).toEqual([
        undefined,
        undefined,
        { from: 'strategic', to: 'problem_solving' },
        { from: 'problem_solving', to: 'partnership' },
      ]);
      expect(history.slice(1).map((d) => d.supersedes)).toEqual(written.slice(0, -1).map((d) => d.id));
    });

    it('amends a decision only in the two allowed ways: shared to the team, and filed under a new name', async () => {
      const unnamed = 'Unnamed client · 11-30 #7';
      const first = await store.decisions.append(newDecision({ clientName: unnamed, visibility: 'private' }));
      const second = await store.decisions.append(
        newDecision({ clientName: unnamed, visibility: 'private', type: 'partnership' }),
      );
      await store.decisions.append(newDecision({ clientName: 'Blue Harbour', type: 'transactional' }));
      expect(await store.decisions.history(unnamed, colleague)).toEqual([]);
      const shared = await store.decisions.amend(first.id, { visibility: 'team' });
      expect(shared).toMatchObject({ id: first.id, visibility: 'team', type: 'strategic' });
      expect((await store.decisions.history(unnamed, colleague)).map((d) => d.id)).toEqual([first.id]);
      for (const d of [first, second]) await store.decisions.amend(d.id, { clientName: 'Blue Harbour Ltd.' });
      expect(await store.decisions.history(unnamed, author)).toEqual([]);
      const moved = await store.decisions.history('blue harbour', author);
      // Where moved decisions sit among the client's others is the backend's order (log order or naming order).
      expect(moved.map((d) => d.type).sort()).toEqual(['partnership', 'strategic', 'transactional']);
      expect(moved.findIndex((d) => d.id === first.id)).toBeLessThan(moved.findIndex((d) => d.id === second.id));
      expect(moved.find((d) => d.id === first.id)).toMatchObject({
        clientName: 'Blue Harbour Ltd.',
        visibility: 'team',
      });
      expect(moved.find((d) => d.id === second.id)?.visibility).toBe('private');
      expect(await store.decisions.amend('01NOPE00000000000000000000', { visibility: 'team' })).toBeUndefined();
    });

    it('shows private decisions only to their author and admins, team ones only within the workspace', async () => {
      const open = await store.decisions.append(newDecision({ clientName: 'Sino Power', type: 'strategic' }));
      const secret = await store.decisions.append(
        newDecision({ clientName: 'Sino Power', type: 'problem_solving', visibility: 'private' }),
      );
      const ids = async (viewer: Viewer) => (await store.decisions.history('sino power', viewer)).map((d) => d.id);
      expect(await ids(author)).toEqual([open.id, secret.id]);
      expect(await ids(admin)).toEqual([open.id, secret.id]);
      expect(await ids({ ...colleague, isAdmin: true })).toEqual([open.id, secret.id]);
      expect(await ids(colleague)).toEqual([open.id]);
      expect(await ids(outsider)).toEqual([]);
      const listed = await store.decisions.list({}, colleague);
      expect(listed.map((d) => d.id)).toEqual([open.id]);
      // A later team decision must not reveal the hidden private type through its transition.
      const later = await store.decisions.append(newDecision({ clientName: 'Sino Power', type: 'partnership' }));
      const seen = await store.decisions.history('Sino Power', colleague);
      expect(seen.find((d) => d.id === later.id)?.transition).toEqual({ from: 'strategic', to: 'partnership' });
    });

    it('rejects invalid decisions with store_invalid and writes nothing', async () => {
      const override = await rejection(
        store.decisions.append(newDecision({ source: 'manager_override', type: 'transactional', reason: ' ' })),
      );
      expect(override.code).toBe('store_invalid');
      expect(override.message).toContain('reason');
      expect((await rejection(store.decisions.append(newDecision({ clientName: ' ,.。 ' })))).code).toBe(
        'store_invalid',
      );
      expect((await rejection(store.decisions.append(newDecision({ confidence: 2 })))).code).toBe('store_invalid');
      expect(await store.decisions.list({}, admin)).toEqual([]);
      const ok = await store.decisions.append(
        newDecision({ source: 'manager_override', type: 'transactional', reason: 'client only wants price' }),
      );
      expect(ok.reason).toBe('client only wants price');
    });

    it('stores descriptions, reasons and rationales redacted, never raw', async () => {
      await store.decisions.append(
        newDecision({
          description: '联系人手机13800138000',
          source: 'manager_override',
          reason: '他说打 13900139000',
          llmRationale: 'phone 13700137000 mentioned',
        }),
      );
      const exported = [];
      for await (const d of store.decisions.all()) exported.push(d);
      expect(exported).toHaveLength(1);
      expect(exported[0]).toMatchObject({
        description: '联系人手机[PHONE]',
        reason: '他说打 [PHONE]',
        llmRationale: 'phone [PHONE] mentioned',
      });
    });

    it('lists newest first with client, type, since, user and limit filters', async () => {
      const a = await store.decisions.append(newDecision({ clientName: 'A Ltd', type: 'strategic' }));
      offsetMs = 10 * 86_400_000;
      const b = await store.decisions.append(
        newDecision({ clientName: 'B Ltd', type: 'transactional', userId: 'U0OTHER' }),
      );
      const c = await store.decisions.append(newDecision({ clientName: 'A Ltd', type: 'problem_solving' }));
      expect((await store.decisions.list({}, admin)).map((d) => d.id)).toEqual([c.id, b.id, a.id]);
      expect((await store.decisions.list({ clientId: 'a ltd' }, admin)).map((d) => d.id)).toEqual([c.id, a.id]);
      expect((await store.decisions.list({ type: 'transactional' }, admin)).map((d) => d.id)).toEqual([b.id]);
      expect((await store.decisions.list({ userId: 'U0OTHER' }, admin)).map((d) => d.id)).toEqual([b.id]);
      const since = new Date(Date.parse(a.createdAt) + 86_400_000);
      expect((await store.decisions.list({ since }, admin)).map((d) => d.id)).toEqual([c.id, b.id]);
      const limited = await store.decisions.list({ limit: 1, clientId: 'A' }, admin);
      expect(limited.map((d) => d.id)).toEqual([c.id]);
      expect(limited[0]?.transition).toEqual({ from: 'strategic', to: 'problem_solving' });
    });

    it('streams every decision oldest first, past one page', async () => {
      const written = [];
      for (let i = 0; i < 520; i++)
        written.push((await store.decisions.append(newDecision({ clientName: `Client ${i % 7}` }))).id);
      const streamed = [];
      for await (const d of store.decisions.all()) streamed.push(d.id);
      expect(streamed).toEqual(written);
    });

    it('purges old decisions only for admins, records the purge, and keeps the rest intact', async () => {
      offsetMs = -400 * 86_400_000;
      const old = await store.decisions.append(newDecision({ clientName: 'Old Client' }));
      const oldSameClient = await store.decisions.append(newDecision({ clientName: 'Kept Client' }));
      offsetMs = 0;
      const recent = await store.decisions.append(newDecision({ clientName: 'Kept Client', type: 'partnership' }));
      const cutoff = new Date(Date.now() - 365 * 86_400_000);
      const denied = await rejection(store.decisions.purge(cutoff, 'U0AUTHOR'));
      expect(denied.code).toBe('store_forbidden');
      expect(await store.decisions.purges()).toEqual([]);
      expect(await store.decisions.purge(cutoff, ADMIN)).toBe(2);
      expect((await store.decisions.list({}, admin)).map((d) => d.id)).toEqual([recent.id]);
      expect(await store.decisions.history('Old Client', admin)).toEqual([]);
      const kept = await store.decisions.history('Kept Client', admin);
      expect(kept.map((d) => d.supersedes)).toEqual([oldSameClient.id]);
      const purges = await store.decisions.purges();
      expect(purges).toHaveLength(1);
      expect(purges[0]).toMatchObject({ by: ADMIN, before: cutoff.toISOString(), removed: 2 });
      expect(old.id).not.toBe(recent.id);
      // Appends keep working and keep chaining after a purge.
      const next = await store.decisions.append(newDecision({ clientName: 'Kept Client' }));
      expect(next.supersedes).toBe(recent.id);
    });

    it('keeps thread state redacted, expires it after its TTL and purges stale threads, never decisions', async () => {
      await store.close();
      store = await open({ admins: [ADMIN], redact: maskDigits, stateTtlMs: 1_500, dedupeTtlMs: 60_000, now });
      await store.state.setThread('T0BANK:C1:1.1', thread('需要快速放款'));
      const read = await store.state.getThread('T0BANK:C1:1.1');
      expect(read?.turns[0]?.text).toBe('客户电话[PHONE],需要快速放款');
      expect(read?.profile.needs[0]?.quote).toBe('call [PHONE] 需要快速放款');
      expect(read?.followUpsAsked).toBe(1);
      expect(await store.state.getThread('T0BANK:C1:unknown')).toBeUndefined();
      await sleep(1_700);
      expect(await store.state.getThread('T0BANK:C1:1.1')).toBeUndefined();

      await store.close();
      store = await open({ admins: [ADMIN], redact: maskDigits, stateTtlMs: 60_000, dedupeTtlMs: 60_000, now });
      const decision = await store.decisions.append(newDecision());
      offsetMs = -30 * 86_400_000;
      await store.state.setThread('old', thread('old'));
      offsetMs = 0;
      await store.state.setThread('fresh', thread('fresh'));
      expect(await store.state.purgeStale(new Date(Date.now() - 7 * 86_400_000))).toBe(1);
      expect(await store.state.getThread('old')).toBeUndefined();
      expect(await store.state.getThread('fresh')).toBeDefined();
      expect((await store.decisions.list({}, admin)).map((d) => d.id)).toEqual([decision.id]);
    });

    it('claims a dedupe key once, atomically, until its TTL passes', async () => {
      await store.close();
      store = await open({ admins: [ADMIN], redact: maskDigits, stateTtlMs: 60_000, dedupeTtlMs: 1_000, now });
      const claims = await Promise.all(Array.from({ length: 20 }, () => store.state.claimOnce('event:Ev1')));
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await store.state.claimOnce('event:Ev2')).toBe(true);
      expect(await store.state.claimOnce('event:Ev1')).toBe(false);
      await sleep(1_200);
      expect(await store.state.claimOnce('event:Ev1')).toBe(true);
      expect(await store.state.claimOnce('event:Ev1')).toBe(false);
    });

    it('leases a key to one holder at a time, releases only its own lease, and lets a lapsed one go', async () => {
      const key = 'T1:C1:1700000000.000100';
      const tokens = await Promise.all(Array.from({ length: 10 }, () => store.state.acquireLease(key, 60_000)));
      const [held, ...others] = tokens.filter((token) => token !== null);
      expect(held).toBeDefined();
      expect(others).toEqual([]);
      // Leases and dedupe claims live side by side without colliding.
      expect(await store.state.claimOnce(key)).toBe(true);
      await store.state.releaseLease(key, 'someone-else');
      expect(await store.state.acquireLease(key, 60_000)).toBeNull();
      await store.state.releaseLease(key, held ?? '');
      const short = await store.state.acquireLease(key, 300);
      expect(short).not.toBeNull();
      await sleep(450);
      const takeover = await store.state.acquireLease(key, 60_000);
      expect(takeover).not.toBeNull();
      // The lapsed holder finishing late must not free the lease someone else now holds.
      await store.state.releaseLease(key, short ?? '');
      expect(await store.state.acquireLease(key, 60_000)).toBeNull();
    });

    it('keeps settings per user and per workspace, with defaults', async () => {
      expect(await store.state.getUserSettings('U1')).toEqual({ lang: 'auto' });
      expect(await store.state.getWorkspaceSettings('T1')).toEqual({ cycle: 'normal' });
      await store.state.setUserSettings('U1', { lang: 'zh' });
      await store.state.setWorkspaceSettings('T1', { cycle: 'downturn' });
      expect(await store.state.getUserSettings('U1')).toEqual({ lang: 'zh' });
      expect(await store.state.getUserSettings('U2')).toEqual({ lang: 'auto' });
      expect(await store.state.getWorkspaceSettings('T1')).toEqual({ cycle: 'downturn' });
      const bad = await rejection(store.state.getUserSettings(''));
      expect(bad.code).toBe('store_invalid');
    });

    it('describes itself without any password', () => {
      expect(store.describe()).not.toMatch(/secret|password/i);
      expect(store.describe()).toMatch(new RegExp(backend, 'i'));
    });
  });
  registerFeedContract(backend, open);
};
