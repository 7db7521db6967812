import { afterEach, describe, expect, it } from 'vitest';
import { ACTIONS } from '../../handlers/ids.js';
import { sleep } from '../../src/lib/sleep.js';
import { appMention } from '../fakes/slack-api.js';
import { startTestSlackApp, type TestSlackApp } from '../fakes/slack-app.js';

const DESCRIPTION = 'Client: Huaneng Power. AAA-rated state-owned utility, third project with us, long-term framework.';
const apps: TestSlackApp[] = [];
afterEach(async () => {
  // The first instance owns the emulator: close it last.
  for (const app of apps.reverse()) await app.close();
  apps.length = 0;
});

describe('several instances sharing one store', () => {
  it('a retry delivered to another instance never replies twice, and a click on either logs once', async () => {
    const a = await startTestSlackApp();
    apps.push(a);
    const b = await startTestSlackApp({ shared: { slack: a.slack, storeUrl: a.storeUrl } });
    apps.push(b);
    a.slack.addUser({ id: 'URM' });
    a.slack.addChannel({ id: 'CLOANS', members: ['URM', a.slack.bot.userId] });

    const root = a.slack.postAsUser({ channel: 'CLOANS', user: 'URM', text: DESCRIPTION });
    const event = appMention({
      user: 'URM',
      channel: 'CLOANS',
      text: `<@${a.slack.bot.userId}> ${DESCRIPTION}`,
      ts: root.ts,
    });
    const first = await a.send(event);
    await b.send(event, first.eventId);
    const card = await a.slack.waitFor(() =>
      a.slack.thread('CLOANS', root.ts).find((m) => JSON.stringify(m.blocks ?? []).includes(ACTIONS.confirm)),
    );
    // A later event through B proves B is live and has finished with the duplicate.
    const other = a.slack.postAsUser({ channel: 'CLOANS', user: 'URM', text: 'x' });
    await b.send(
      appMention({ user: 'URM', channel: 'CLOANS', text: `<@${a.slack.bot.userId}> ${DESCRIPTION}`, ts: other.ts }),
    );
    await a.slack.waitFor(() => a.slack.thread('CLOANS', other.ts).find((m) => m.blocks !== undefined));
    expect(a.slack.thread('CLOANS', root.ts).filter((m) => m.user === a.slack.bot.userId)).toHaveLength(1);

    const actions = (
      card.blocks as Array<{ type: string; elements?: Array<{ action_id?: string; value?: string }> }>
    ).find((block) => block.type === 'actions');
    const value = actions?.elements?.find((e) => e.action_id === ACTIONS.confirm)?.value ?? '';
    await Promise.all([
      a.click('URM', { actionId: ACTIONS.confirm, value }, { channel: 'CLOANS', ts: card.ts }),
      b.click('URM', { actionId: ACTIONS.confirm, value }, { channel: 'CLOANS', ts: card.ts }),
    ]);
    await a.slack.waitFor(() =>
      JSON.stringify(a.slack.workspace.findMessage('CLOANS', card.ts)?.blocks).includes('confirmed'),
    );
    // Both clicks answer with the decided card; the decision is logged once.
    await a.slack.waitFor(() => a.slack.callsTo('chat.update').length >= 2);
    const viewer = { userId: 'URM', teamId: a.teamId, isAdmin: false };
    expect(await b.deps.decisions.list({ userId: 'URM' }, viewer)).toHaveLength(1);
  });

  it('two replies in one thread, at once on two instances, both land in the thread', async () => {
    // Each turn takes 300 ms, like a model call: without a lease across instances both would read
    // the same state and the later write would drop the other's turn.
    const a = await startTestSlackApp({ modelConfigured: true, classifyDelayMs: 300 });
    apps.push(a);
    const b = await startTestSlackApp({
      modelConfigured: true,
      classifyDelayMs: 300,
      shared: { slack: a.slack, storeUrl: a.storeUrl },
    });
    apps.push(b);
    a.slack.addUser({ id: 'URM' });
    const first = await a.dm('URM', 'Client: Acme Steel Ltd. Mid-size manufacturer.');
    const threadKey = `${a.teamId}:${first.channel}:${first.ts}`;
    await Promise.all([
      a.dm('URM', 'They compare three banks on price and want approval within a week.', first.ts),
      b.dm('URM', 'Their CFO says the relationship is purely transactional.', first.ts),
    ]);
    const rmTurns = async () =>
      ((await a.deps.state.getThread(threadKey))?.turns ?? []).filter((turn) => turn.role === 'rm').length;
    for (let waited = 0; (await rmTurns()) < 3 && waited < 5_000; waited += 50) await sleep(50);
    expect(await rmTurns()).toBe(3);
    const thread = await b.deps.state.getThread(threadKey);
    expect(thread?.turns.map((turn) => turn.text).join(' ')).toMatch(/three banks[\s\S]*CFO|CFO[\s\S]*three banks/);
  });
});
