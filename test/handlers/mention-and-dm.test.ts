import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTIONS } from '../../handlers/ids.js';
import { BOT_TOKEN, SIGNING_SECRET, startTestSlackApp, type TestSlackApp } from '../fakes/slack-app.js';

const STRONG_EN =
  'Client: Huaneng Power. AAA-rated state-owned utility, third project with us, wants a long-term framework and FX hedging.';
const STRONG_ZH = '客户:华能电力。AAA评级的国有电力企业,与我行第三次合作,希望签订长期框架协议并做汇率避险。';

let t: TestSlackApp;
beforeEach(async () => {
  t = await startTestSlackApp();
  t.slack.addUser({ id: 'URM', name: 'Rita' });
  t.slack.addChannel({ id: 'CLOANS', name: 'loans', members: ['URM', t.slack.bot.userId] });
});
afterEach(async () => {
  await t.close();
});

const blocksText = (blocks: unknown[] | undefined) => JSON.stringify(blocks ?? []);
const cardIn = (channel: string, threadTs: string) => () =>
  t.slack.thread(channel, threadTs).find((m) => blocksText(m.blocks).includes(ACTIONS.confirm));

describe('app_mention in a channel', () => {
  it('acks at once and, rules only, posts the card in the thread directly', async () => {
    const root = t.slack.postAsUser({ channel: 'CLOANS', user: 'URM', text: 'x' });
    const ack = await t.send({
      type: 'app_mention',
      user: 'URM',
      channel: 'CLOANS',
      text: `<@${t.slack.bot.userId}> ${STRONG_EN}`,
      ts: root.ts,
      event_ts: root.ts,
    });
    expect(ack.status).toBe(200);
    const card = await t.slack.waitFor(cardIn('CLOANS', root.ts));
    expect(card.threadTs).toBe(root.ts);
    expect(card.unfurlLinks).toBe(false);
    const text = blocksText(card.blocks);
    expect(text).toContain('Long-term strategic cooperation');
    expect(text).toContain('Huaneng Power');
    expect(text).toContain('rules only');
    expect(text).toContain('Set up a dedicated client service team');
    expect(text).not.toMatch(/strategic\.[a-z-]+/);
    // The answer takes milliseconds: one post, no placeholder to replace.
    expect(card.edited).toBeFalsy();
    const posts = t.slack.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body.thread_ts).toBe(root.ts);
    expect(t.slack.callsTo('chat.update')).toHaveLength(0);
    expect(t.slack.workspace.messages.filter((m) => m.user === t.slack.bot.userId && !m.threadTs)).toEqual([]);
  });

  it('with a model configured, shows a placeholder in the thread, then replaces it with the card', async () => {
    await t.close();
    t = await startTestSlackApp({ modelConfigured: true });
    t.slack.addUser({ id: 'URM', name: 'Rita' });
    t.slack.addChannel({ id: 'CLOANS', name: 'loans', members: ['URM', t.slack.bot.userId] });
    const { ts } = await t.mention('URM', 'CLOANS', `<@${t.slack.bot.userId}> ${STRONG_EN}`);
    const card = await t.slack.waitFor(cardIn('CLOANS', ts));
    expect(card.threadTs).toBe(ts);
    expect(card.edited).toBe(true);
    // The placeholder was the only post: the card replaced it in place, in the thread.
    const posts = t.slack.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body.text).toMatch(/Classifying|分类/);
    expect(posts[0]?.body.thread_ts).toBe(ts);
    expect(t.slack.workspace.messages.filter((m) => m.user === t.slack.bot.userId && !m.threadTs)).toEqual([]);
  });

  it('answers in the language the RM wrote in', async () => {
    const { ts } = await t.mention('URM', 'CLOANS', `<@${t.slack.bot.userId}> ${STRONG_ZH}`);
    const card = await t.slack.waitFor(cardIn('CLOANS', ts));
    const text = blocksText(card.blocks);
    expect(text).toContain('置信度');
    expect(text).toContain('确认');
    expect(text).not.toContain('Confidence');
  });

  it('never replies twice to a replayed event, even with Slack retry headers', async () => {
    const { ts } = await t.mention('URM', 'CLOANS', `<@${t.slack.bot.userId}> ${STRONG_EN}`);
    await t.slack.waitFor(cardIn('CLOANS', ts));
    const event = {
      type: 'app_mention',
      user: 'URM',
      channel: 'CLOANS',
      text: `<@${t.slack.bot.userId}> again`,
      ts,
      event_ts: ts,
    };
    const sent = await t.send(event, 'EvREPLAYED1');
    await t.slack.waitFor(() => t.slack.callsTo('chat.postMessage').length >= 2);
    const postsBefore = t.slack.callsTo('chat.postMessage').length;
    const retry = await t.slack.sendToApp(
      (await import('../fakes/slack-api.js')).eventCallback(event, { teamId: t.teamId }, sent.eventId),
      { url: t.url, signingSecret: SIGNING_SECRET, retry: { num: 1, reason: 'http_timeout' } },
    );
    expect(retry.status).toBe(200);
    // Give a (wrong) second reply every chance to show up: wait for a later, unrelated reply.
    const other = await t.mention('URM', 'CLOANS', `<@${t.slack.bot.userId}> ${STRONG_ZH}`);
    await t.slack.waitFor(cardIn('CLOANS', other.ts));
    expect(t.slack.callsTo('chat.postMessage').length).toBe(postsBefore + 1);
  });
});

describe('DM conversation', () => {
  it('shows a loading status, asks a follow-up with quick replies, and classifies on "classify now"', async () => {
    await t.close();
    t = await startTestSlackApp({ modelConfigured: true });
    t.slack.addUser({ id: 'URM', name: 'Rita' });
    const first = await t.dm(
      'URM',
      'Mid-size manufacturer, compares three banks on price, wants approval within a week.',
    );
    const question = await t.slack.waitFor(() =>
      t.slack.thread(first.channel, first.ts).find((m) => blocksText(m.blocks).includes(ACTIONS.followUpYes)),
    );
    expect(question.threadTs).toBe(first.ts);
    const status = t.slack.callsTo('assistant.threads.setStatus');
    expect(status[0]?.body).toMatchObject({ channel_id: first.channel, thread_ts: first.ts, status: 'is thinking…' });
    await t.slack.waitFor(() => t.slack.callsTo('assistant.threads.setStatus').at(-1)?.body.status === '');
    expect(t.slack.workspace.statuses.size).toBe(0);

    await t.dm('URM', 'classify now', first.ts);
    const card = await t.slack.waitFor(cardIn(first.channel, first.ts));
    expect(blocksText(card.blocks)).toContain('Transactional');
  });

  it('keeps per-thread state: a reply refines the same client', async () => {
    const first = await t.dm('URM', 'Client: Acme Steel Ltd. Mid-size manufacturer, compares three banks on price.');
    await t.slack.waitFor(() =>
      t.slack.thread(first.channel, first.ts).find((m) => blocksText(m.blocks).includes(ACTIONS.followUpYes)),
    );
    const botReplies = () => t.slack.thread(first.channel, first.ts).filter((m) => m.botId !== undefined).length;
    const before = botReplies();
    await t.dm('URM', 'They missed a payment last month and ask to restructure the loan.', first.ts);
    // Slack acks a message before Quadrant works on it: like an RM, wait for the answer before the next one.
    await t.slack.waitFor(() => botReplies() > before);
    await t.dm('URM', '直接分类', first.ts);
    const card = await t.slack.waitFor(cardIn(first.channel, first.ts));
    const thread = await t.deps.state.getThread(`${t.teamId}:${first.channel}:${first.ts}`);
    expect(thread?.turns.filter((turn) => turn.role === 'rm')).toHaveLength(2);
    // Rules only, every answer is there within milliseconds: no loading status to show or clear.
    expect(t.slack.callsTo('assistant.threads.setStatus')).toHaveLength(0);
    expect(blocksText(card.blocks)).toContain('Acme Steel');
  });

  it('answers a yes/no question through its button and never asks more than two', async () => {
    const first = await t.dm('URM', 'A client.');
    const q1 = await t.slack.waitFor(() =>
      t.slack.thread(first.channel, first.ts).find((m) => blocksText(m.blocks).includes(ACTIONS.followUpYes)),
    );
    const value = JSON.stringify({
      k: `${t.teamId}:${first.channel}:${first.ts}`,
      i: 'distress',
      n: 1,
      q: 'Is the client behind on a payment?',
    });
    await t.click('URM', { actionId: ACTIONS.followUpNo, value }, { channel: first.channel, ts: q1.ts });
    await t.slack.waitFor(() => t.slack.workspace.findMessage(first.channel, q1.ts)?.text.includes('→ No'));
    await t.dm('URM', 'Still nothing to add.', first.ts);
    // Nothing in the thread points to a type: the card offers the four types instead of a guess.
    const card = await t.slack.waitFor(() =>
      t.slack.thread(first.channel, first.ts).find((m) => blocksText(m.blocks).includes(ACTIONS.chooseType)),
    );
    expect(blocksText(card.blocks)).not.toContain(ACTIONS.confirm);
    const thread = await t.deps.state.getThread(`${t.teamId}:${first.channel}:${first.ts}`);
    expect(thread?.followUpsAsked).toBe(2);
    expect(card.threadTs).toBe(first.ts);
  });

  it('ignores bot messages, edits and channel messages without a mention', async () => {
    const dm = t.slack.dmWith('URM').id;
    await t.send({
      type: 'message',
      channel_type: 'im',
      channel: dm,
      user: 'URM',
      text: 'x',
      ts: '1.000001',
      subtype: 'message_changed',
    });
    await t.send({ type: 'message', channel_type: 'im', channel: dm, bot_id: 'BOTHER', text: 'x', ts: '1.000002' });
    await t.send({
      type: 'message',
      channel_type: 'channel',
      channel: 'CLOANS',
      user: 'URM',
      text: 'x',
      ts: '1.000003',
    });
    const sentinel = await t.dm(
      'URM',
      'Client: Sentinel Co. AAA-rated state-owned utility, long-term framework, third project.',
    );
    await t.slack.waitFor(cardIn(sentinel.channel, sentinel.ts));
    expect(t.slack.callsTo('chat.postMessage').every((c) => c.body.thread_ts === sentinel.ts)).toBe(true);
  });
});

describe('request verification and secrets', () => {
  it('rejects a bad signature and a stale timestamp with 401', async () => {
    const { eventCallback } = await import('../fakes/slack-api.js');
    const request = eventCallback(
      { type: 'app_mention', user: 'URM', channel: 'CLOANS', text: 'x', ts: '1.1' },
      { teamId: t.teamId },
    );
    const forged = await t.slack.sendToApp(request, {
      url: t.url,
      signingSecret: SIGNING_SECRET,
      signature: 'v0=deadbeef',
    });
    expect(forged.status).toBe(401);
    const wrongSecret = await t.slack.sendToApp(request, { url: t.url, signingSecret: 'not-the-secret' });
    expect(wrongSecret.status).toBe(401);
    const stale = await t.slack.sendToApp(request, {
      url: t.url,
      signingSecret: SIGNING_SECRET,
      timestamp: Math.floor(Date.now() / 1000) - 60 * 10,
    });
    expect(stale.status).toBe(401);
    expect(t.slack.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('answers url_verification and never logs tokens or the signing secret', async () => {
    const { urlVerification } = await import('../fakes/slack-api.js');
    const answer = await t.slack.sendToApp(urlVerification('challenge-123'), {
      url: t.url,
      signingSecret: SIGNING_SECRET,
    });
    expect(answer.body).toContain('challenge-123');
    const { ts } = await t.mention('URM', 'CLOANS', `<@${t.slack.bot.userId}> ${STRONG_EN}`);
    await t.slack.waitFor(cardIn('CLOANS', ts));
    expect(t.logs.length).toBeGreaterThan(0);
    expect(t.logs.join('\n')).not.toContain(BOT_TOKEN);
    expect(t.logs.join('\n')).not.toContain(SIGNING_SECRET);
  });
});
