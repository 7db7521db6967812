import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeCardRef } from '../../handlers/blocks/card-ref.js';
import { ACTIONS, BLOCKS, VIEWS } from '../../handlers/ids.js';
import { normalizeClientId } from '../../src/domain/client-id.js';
import type { EmulatedMessage } from '../fakes/slack-api.js';
import { startTestSlackApp, type TestSlackApp } from '../fakes/slack-app.js';

const DESCRIPTION =
  'Client: Huaneng Power. AAA-rated state-owned utility, third project with us, wants a long-term framework and FX hedging.';

let t: TestSlackApp;
beforeEach(async () => {
  t = await startTestSlackApp();
  t.slack.addUser({ id: 'URM', name: 'Rita' });
  t.slack.addChannel({ id: 'CLOANS', name: 'loans', members: ['URM', t.slack.bot.userId] });
  t.slack.addChannel({ id: 'CDEALS', name: 'deals', members: ['URM', t.slack.bot.userId] });
  t.slack.addChannel({ id: 'CNOBOT', name: 'nobot', members: ['URM'] });
});
afterEach(async () => {
  await t.close();
});

const blocksOf = (m: { blocks?: unknown[] } | undefined) => JSON.stringify(m?.blocks ?? []);
type Element = { action_id?: string; value?: string };
const actionsBlock = (m: EmulatedMessage) =>
  (m.blocks as Array<{ type: string; block_id?: string; elements?: Element[] }>).find((b) => b.type === 'actions');
const buttonValue = (m: EmulatedMessage, actionId: string) =>
  actionsBlock(m)?.elements?.find((e) => e.action_id === actionId)?.value ?? '';

const cardInThread = async () => {
  const { ts } = await t.mention('URM', 'CLOANS', `<@${t.slack.bot.userId}> ${DESCRIPTION}`);
  return t.slack.waitFor(() => t.slack.thread('CLOANS', ts).find((m) => blocksOf(m).includes(ACTIONS.confirm)));
};

const viewer = { userId: 'URM', teamId: 'T0QUADRANT', isAdmin: false };

describe('Confirm', () => {
  it('logs the decision once, even on a double click, and updates the card in place', async () => {
    const card = await cardInThread();
    const value = buttonValue(card, ACTIONS.confirm);
    const where = { channel: 'CLOANS', ts: card.ts };
    const [a, b] = await Promise.all([
      t.click('URM', { actionId: ACTIONS.confirm, value }, where),
      t.click('URM', { actionId: ACTIONS.confirm, value }, where),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const updated = await t.slack.waitFor(() => {
      const m = t.slack.workspace.findMessage('CLOANS', card.ts);
      return m && blocksOf(m).includes('confirmed') ? m : undefined;
    });
    // Both clicks answer with the decided card (the second finds the decision already logged).
    await t.slack.waitFor(() => t.slack.callsTo('chat.update').length >= 2);
    const history = await t.deps.decisions.history(normalizeClientId('Huaneng Power'), viewer);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ type: 'strategic', source: 'rules', userId: 'URM', visibility: 'team' });
    // The decision id sits in the small print, shortened; the log keeps it whole.
    expect(blocksOf(updated)).toContain((history[0]?.id ?? 'missing').slice(-8));
    expect(blocksOf(updated)).toContain('<@URM>');
    expect(blocksOf(updated)).not.toContain(ACTIONS.confirm);
  });

  it('marks a decision made in a DM as private', async () => {
    const dm = await t.dm('URM', DESCRIPTION);
    const card = await t.slack.waitFor(() =>
      t.slack.thread(dm.channel, dm.ts).find((m) => blocksOf(m).includes(ACTIONS.confirm)),
    );
    await t.click(
      'URM',
      { actionId: ACTIONS.confirm, value: buttonValue(card, ACTIONS.confirm) },
      { channel: dm.channel, ts: card.ts },
    );
    await t.slack.waitFor(() => blocksOf(t.slack.workspace.findMessage(dm.channel, card.ts)).includes('confirmed'));
    const [decision] = await t.deps.decisions.history(normalizeClientId('Huaneng Power'), viewer);
    expect(decision?.visibility).toBe('private');
  });

  it('tells the user the card expired when its state is gone, instead of failing silently', async () => {
    const card = await cardInThread();
    const stale = JSON.stringify({ k: 'T0QUADRANT:CLOANS:1.000001', c: 'gone' });
    await t.click('URM', { actionId: ACTIONS.confirm, value: stale }, { channel: 'CLOANS', ts: card.ts });
    const notice = await t.slack.waitFor(() => t.slack.ephemeralsFor('URM').at(-1));
    expect(notice.text).toContain('expired');
  });
});

describe('Change type', () => {
  it('opens a reason modal, rejects an empty reason, then logs an override and updates the card', async () => {
    const card = await cardInThread();
    const block = actionsBlock(card);
    await t.click(
      'URM',
      { actionId: ACTIONS.changeType, blockId: block?.block_id ?? '', selectedOption: 'partnership' },
      { channel: 'CLOANS', ts: card.ts },
    );
    const opened = await t.slack.waitFor(() => t.slack.callsTo('views.open')[0]);
    const view = opened.body.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe(VIEWS.changeTypeReason);

    const empty = await t.submit('URM', VIEWS.changeTypeReason, view.private_metadata, {
      [BLOCKS.reason]: { [BLOCKS.reasonInput]: { type: 'plain_text_input', value: '   ' } },
    });
    expect(JSON.parse(empty.body)).toMatchObject({
      response_action: 'errors',
      errors: { [BLOCKS.reason]: expect.any(String) },
    });

    const values = {
      [BLOCKS.reason]: { [BLOCKS.reasonInput]: { type: 'plain_text_input', value: 'Co-invests with us <!channel>' } },
    };
    await t.submit('URM', VIEWS.changeTypeReason, view.private_metadata, values, 'VSAME');
    await t.submit('URM', VIEWS.changeTypeReason, view.private_metadata, values, 'VSAME');
    const updated = await t.slack.waitFor(() => {
      const m = t.slack.workspace.findMessage('CLOANS', card.ts);
      return m && blocksOf(m).includes('changed the type') ? m : undefined;
    });
    expect(blocksOf(updated)).toContain('&lt;!channel&gt;');
    expect(blocksOf(updated)).not.toContain('<!channel>');
    const history = await t.deps.decisions.history(normalizeClientId('Huaneng Power'), viewer);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ type: 'partnership', suggestedType: 'strategic', source: 'manager_override' });
    expect(history[0]?.reason).toContain('Co-invests');
  });
});

describe('Share to channel', () => {
  const openShare = async () => {
    const card = await cardInThread();
    await t.click(
      'URM',
      { actionId: ACTIONS.share, value: buttonValue(card, ACTIONS.share) },
      { channel: 'CLOANS', ts: card.ts },
    );
    const opened = await t.slack.waitFor(() => t.slack.callsTo('views.open')[0]);
    return (opened.body.view as { private_metadata: string }).private_metadata;
  };
  const pick = (channel: string) => ({
    [BLOCKS.shareChannel]: {
      [BLOCKS.shareChannelInput]: { type: 'conversations_select', selected_conversation: channel },
    },
  });

  it('posts the card without buttons and with "shared by"', async () => {
    const metadata = await openShare();
    await t.submit('URM', VIEWS.shareCard, metadata, pick('CDEALS'));
    const shared = await t.slack.waitFor(() => t.slack.workspace.messages.find((m) => m.channel === 'CDEALS'));
    expect(blocksOf(shared)).toContain('Shared by <@URM>');
    expect(blocksOf(shared)).not.toContain(ACTIONS.confirm);
    expect(shared.unfurlLinks).toBe(false);
    expect(decodeCardRef(JSON.stringify({ k: 'a', c: 'b' }))).toEqual({ threadKey: 'a', cardId: 'b' });
  });

  it('says how to invite the bot when it is not in the channel', async () => {
    const metadata = await openShare();
    await t.submit('URM', VIEWS.shareCard, metadata, pick('CNOBOT'));
    const notice = await t.slack.waitFor(() => t.slack.ephemeralsFor('URM').find((e) => e.text.includes('/invite')));
    expect(notice.text).toContain('<#CNOBOT>');
    expect(notice.channel).toBe('CLOANS');
  });
});

describe('Full playbook', () => {
  it('opens the type playbook in a modal', async () => {
    const card = await cardInThread();
    await t.click(
      'URM',
      { actionId: ACTIONS.fullPlaybook, value: buttonValue(card, ACTIONS.fullPlaybook) },
      { channel: 'CLOANS', ts: card.ts },
    );
    const opened = await t.slack.waitFor(() => t.slack.callsTo('views.open')[0]);
    expect(JSON.stringify(opened.body.view)).toContain('strategic.dedicated-team');
    expect([...t.slack.workspace.views.values()]).toHaveLength(1);
  });
});
