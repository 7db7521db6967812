/**
 * The store calls of a busy hour, at a steady rate: each mention claims its event, takes the
 * thread's lease, reads and writes the thread and releases the lease, as a turn does; each card is
 * confirmed a second later (claim of the action, then the decision), so clicks overlap new
 * mentions, and every tenth card is clicked twice. Used by the tests (one process, and a second
 * process on the same file) and by `npm run bench -- reliability`.
 *
 * As a script: node --import tsx test/store/mixed-load.ts URL RATE SECONDS PREFIX
 * prints one JSON line of {@link MixedLoadResult}.
 */
import { emptyProfile } from '../../src/domain/profile.js';
import { sleep } from '../../src/lib/sleep.js';
import { openStore } from '../../src/store/open-store.js';
import type { StateStore, ThreadState } from '../../src/store/ports.js';
import { newDecision } from '../contracts/decision-builder.js';

export type MixedLoadResult = {
  mentions: number;
  turnsDone: number;
  clicks: number;
  decisionsLogged: number;
  refused: number;
  errors: string[];
};

const thread = (i: number): ThreadState => ({
  profile: { ...emptyProfile(), clientName: `Client ${i}` },
  turns: [{ role: 'rm', text: `turn ${i}`, at: new Date().toISOString() }],
  followUpsAsked: 0,
  lang: 'en',
  updatedAt: new Date().toISOString(),
});

/** One mention's store calls; waits for the lease like a turn behind another turn of its thread. */
const turn = async (state: StateStore, prefix: string, i: number): Promise<void> => {
  if (!(await state.claimOnce(`event:${prefix}:${i}`))) throw new Error('fresh event claimed twice');
  const key = `thread:${prefix}:${i % 50}`;
  let token: string | null = null;
  for (let tries = 0; token === null; tries++) {
    token = await state.acquireLease(key, 30_000);
    if (token === null) {
      if (tries > 200) throw new Error('lease never freed');
      await sleep(20);
    }
  }
  try {
    await state.getThread(key);
    await state.getUserSettings(`U${i % 7}`);
    await state.setThread(key, thread(i));
  } finally {
    await state.releaseLease(key, token);
  }
};

export const runMixedLoad = async (
  url: string,
  options: { rate: number; seconds: number; prefix: string; clickDelayMs?: number },
): Promise<MixedLoadResult> => {
  const store = await openStore({
    url,
    stateTtlMs: 3_600_000,
    dedupeTtlMs: 3_600_000,
    retentionDays: 90,
    admins: [],
    redact: (t) => t,
    logger: { info: () => {}, warn: () => {}, error: () => {} },
  });
  const result: MixedLoadResult = { mentions: 0, turnsDone: 0, clicks: 0, decisionsLogged: 0, refused: 0, errors: [] };
  const note = (error: unknown) => {
    result.refused++;
    if (result.errors.length < 5) result.errors.push(error instanceof Error ? error.message : String(error));
  };
  const click = async (i: number): Promise<void> => {
    result.clicks++;
    try {
      // A double click is the same action twice: the same idempotency key.
      await store.state.claimOnce(`action:${options.prefix}:${i}:${result.clicks}`);
      await store.decisions.append(
        newDecision({ idempotencyKey: `${options.prefix}:card:${i}`, clientName: `Client ${i}` }),
      );
      result.decisionsLogged++;
    } catch (error) {
      note(error);
    }
  };
  const total = Math.round(options.rate * options.seconds);
  const pending: Promise<void>[] = [];
  const started = Date.now();
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / options.rate;
    if (due > Date.now()) await sleep(due - Date.now());
    result.mentions++;
    pending.push(
      turn(store.state, options.prefix, i).then(
        async () => {
          result.turnsDone++;
          await sleep(options.clickDelayMs ?? 1_000);
          await Promise.all(i % 10 === 0 ? [click(i), click(i)] : [click(i)]);
        },
        (error: unknown) => note(error),
      ),
    );
  }
  await Promise.all(pending);
  await store.close();
  return result;
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const [url, rate, seconds, prefix] = process.argv.slice(2);
  if (url === undefined || rate === undefined || seconds === undefined || prefix === undefined) {
    console.error('usage: mixed-load.ts URL RATE SECONDS PREFIX');
    process.exit(2);
  }
  const result = await runMixedLoad(url, { rate: Number(rate), seconds: Number(seconds), prefix });
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
