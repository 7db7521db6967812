import { afterEach, describe, expect, it } from 'vitest';
import { sleep } from '../../src/lib/sleep.js';
import type { NewDecision } from '../../src/store/ports.js';
import { confirmedNote } from '../contracts/decision-builder.js';
import { jargonCases } from '../domain/team-model/jargon-corpus.js';
import { ADMIN, startTestSlackApp, type TestSlackApp } from '../fakes/slack-app.js';
import { runQuadrant } from '../support/cli-io.js';

/**
 * Two instances of the app over one SQLite file, as two processes behind a load balancer would run:
 * a decision logged through one teaches the other's team model, in the log's order, exactly once.
 */
const apps: TestSlackApp[] = [];
afterEach(async () => {
  // The first instance owns the emulator: close it last.
  for (const app of apps.reverse()) await app.close();
  apps.length = 0;
});

const twoInstances = async () => {
  const a = await startTestSlackApp();
  apps.push(a);
  const b = await startTestSlackApp({ shared: { slack: a.slack, storeUrl: a.storeUrl } });
  apps.push(b);
  a.slack.addUser({ id: 'URM' });
  a.slack.addChannel({ id: 'CLOANS', members: ['URM', a.slack.bot.userId] });
  return { a, b };
};

const decided = (c: Parameters<typeof confirmedNote>[0], teamId: string, extra: Partial<NewDecision> = {}) =>
  confirmedNote(c, { teamId, ...extra });

const summary = (app: TestSlackApp) => {
  const model = app.quadrant.teamModels.model(app.teamId);
  return { decisions: model.decisions, fingerprint: model.fingerprint() };
};

const rebuilt = async (storeUrl: string) => {
  const { code, stdout } = await runQuadrant(['model', 'rebuild', '--json'], { env: { QUADRANT_STORE_URL: storeUrl } });
  expect(code).toBe(0);
  return JSON.parse(stdout) as Array<{ teamId: string; decisions: number; fingerprint: string }>;
};

const NOTE = 'Client: Orion Foods. 下周回访,快单通道;team notes,flash quote。';

describe('team models across instances sharing one store', () => {
  it('learn what either instance logs, in the same order, once, and equal `model rebuild`', async () => {
    const { a, b } = await twoInstances();
    // Both instances log at once, pair by pair: the store decides the order both must learn in.
    const cases = jargonCases(80);
    for (let i = 0; i < cases.length; i += 2) {
      const [x, y] = [cases[i], cases[i + 1]];
      if (x === undefined || y === undefined) break;
      await Promise.all([a.deps.decisions.append(decided(x, a.teamId)), b.deps.decisions.append(decided(y, a.teamId))]);
    }
    await Promise.all([a.quadrant.teamSync.catchUp(), b.quadrant.teamSync.catchUp()]);
    expect(summary(a).decisions).toBe(80);
    expect(summary(b)).toEqual(summary(a));
    // Catching up again learns nothing twice.
    await b.quadrant.teamSync.catchUp();
    expect(summary(b).decisions).toBe(80);
    expect(await rebuilt(a.storeUrl)).toEqual([
      expect.objectContaining({ teamId: a.teamId, decisions: 80, fingerprint: summary(a).fingerprint }),
    ]);

    // A decision logged through A shows in the card B answers next, in its similar-decision line.
    await a.deps.decisions.append(
      decided({ id: 'zephyr', label: 'transactional', text: NOTE }, a.teamId, { clientName: 'Zephyr Mills' }),
    );
    expect(summary(b).decisions).toBe(80);
    const asked = await b.mention('URM', 'CLOANS', `<@${a.slack.bot.userId}> ${NOTE}`);
    const card = await a.slack.waitFor(() =>
      a.slack.thread('CLOANS', asked.ts).find((m) => /similar|相似/.test(JSON.stringify(m.blocks ?? []))),
    );
    expect(JSON.stringify(card.blocks)).toContain('Zephyr Mills');
    expect(summary(b)).toEqual(summary(a));
    expect(summary(b).decisions).toBe(81);
  });

  it('a private decision logged through one instance teaches neither; shared later, both learn it once', async () => {
    const { a, b } = await twoInstances();
    for (const c of jargonCases(20)) await a.deps.decisions.append(decided(c, a.teamId));
    const secret = await a.deps.decisions.append(
      decided({ id: 'secret', label: 'problem_solving', text: NOTE }, a.teamId, {
        clientName: 'Secret Holdings',
        visibility: 'private',
        userId: 'URM',
      }),
    );
    await b.quadrant.teamSync.catchUp();
    const before = summary(b);
    expect(before.decisions).toBe(20);
    expect(JSON.stringify(b.quadrant.teamModels.similar(a.teamId, NOTE, 20))).not.toContain('Secret Holdings');
    expect(summary(a)).toEqual(before);

    // Shared to a channel through B: A learns it on its next catch-up, at the position it was shared.
    await b.deps.decisions.amend(secret.id, { visibility: 'team' });
    await b.deps.decisions.append(decided(jargonCases(1, 20)[0] ?? { id: '', label: 'strategic', text: '' }, a.teamId));
    await a.quadrant.teamSync.catchUp();
    expect(summary(a).decisions).toBe(22);
    expect(summary(a)).toEqual(summary(b));
    expect(JSON.stringify(a.quadrant.teamModels.similar(a.teamId, NOTE, 3))).toContain('Secret Holdings');
    expect((await rebuilt(a.storeUrl))[0]?.fingerprint).toBe(summary(a).fingerprint);
  });

  it('forget what an admin purged: the instance that purged at once, the other at its next turn', async () => {
    const { a, b } = await twoInstances();
    for (const c of jargonCases(20)) await a.deps.decisions.append(decided(c, a.teamId));
    await a.deps.decisions.append(
      decided({ id: 'zephyr', label: 'transactional', text: NOTE }, a.teamId, { clientName: 'Zephyr Mills' }),
    );
    // created_at has millisecond precision: the cutoff falls strictly between the two batches.
    await sleep(5);
    const cutoff = new Date();
    await sleep(5);
    for (const c of jargonCases(20, 20)) await a.deps.decisions.append(decided(c, a.teamId));
    await b.quadrant.teamSync.catchUp();
    expect(summary(b).decisions).toBe(41);
    const similarOf = (app: TestSlackApp) => JSON.stringify(app.quadrant.teamModels.similar(a.teamId, NOTE, 41));
    expect(similarOf(b)).toContain('Zephyr Mills');

    expect(await a.deps.decisions.purge(cutoff, ADMIN)).toBe(21);
    expect(summary(a).decisions).toBe(20);
    expect(similarOf(a)).not.toContain('Zephyr Mills');
    expect(a.quadrant.teamModels.examples(a.teamId, NOTE, 41).map((e) => e.description)).not.toContain(NOTE);
    expect(summary(b).decisions).toBe(41);

    // B learns of the purge before the next card it answers, and learns incrementally after it.
    const asked = await b.mention('URM', 'CLOANS', `<@${a.slack.bot.userId}> ${NOTE}`);
    await a.slack.waitFor(() => a.slack.thread('CLOANS', asked.ts).find((m) => (m.blocks ?? []).length > 0));
    expect(summary(b)).toEqual(summary(a));
    expect(similarOf(b)).not.toContain('Zephyr Mills');
    await b.deps.decisions.append(decided(jargonCases(1, 40)[0] ?? { id: '', label: 'strategic', text: '' }, a.teamId));
    await a.quadrant.teamSync.catchUp();
    expect(summary(a).decisions).toBe(21);
    expect(summary(b)).toEqual(summary(a));
    expect(await rebuilt(a.storeUrl)).toEqual([
      expect.objectContaining({ teamId: a.teamId, decisions: 21, fingerprint: summary(a).fingerprint }),
    ]);
  });
});
