import { afterEach, describe, expect, it } from 'vitest';
import { ACTIONS } from '../../handlers/ids.js';
import type { Classifier } from '../../src/llm/port.js';
import { interaction } from '../fakes/slack-api.js';
import { SIGNING_SECRET, startTestSlackApp, type TestSlackApp } from '../fakes/slack-app.js';

const DESCRIPTION = 'Client: Huaneng Power. AAA-rated state-owned utility, third project with us, long-term framework.';
let t: TestSlackApp;
const start = async (options: Parameters<typeof startTestSlackApp>[0] = {}) => {
  t = await startTestSlackApp(options);
  t.slack.addUser({ id: 'URM' });
  t.slack.addChannel({ id: 'CLOANS', members: ['URM', t.slack.bot.userId] });
  return t;
};
afterEach(async () => {
  await t.close();
});

const blocksOf = (m: { blocks?: unknown[] } | undefined) => JSON.stringify(m?.blocks ?? []);
const botReplies = (ts: string) => t.slack.thread('CLOANS', ts).filter((m) => m.user === t.slack.bot.userId);

describe('hostile and oversized input', () => {
  it('escapes mentions, broadcasts and links from the description', async () => {
    await start();
    const hostile = `Client: <!channel> Evil & Co <@UCEO> <https://evil.example|click me>. ${DESCRIPTION}`;
    const { ts } = await t.mention('URM', 'CLOANS', `<@${t.slack.bot.userId}> ${hostile}`);
    const card = await t.slack.waitFor(() => botReplies(ts).find((m) => blocksOf(m).includes(ACTIONS.confirm)));
    const text = blocksOf(card) + card.text;
    expect(text).not.toMatch(/<!channel>|<@UCEO>|<https:\/\/evil/);
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).toContain('&amp;');
  });

  it('keeps a huge description within Block Kit limits instead of being rejected', async () => {
    await start();
    const huge = `${DESCRIPTION} ${'The client wants a long-term framework with FX hedging, '.repeat(900)}`;
    const { ts } = await t.mention('URM', 'CLOANS', `<@${t.slack.bot.userId}> ${huge}`);
    const card = await t.slack.waitFor(() => botReplies(ts).find((m) => blocksOf(m).includes(ACTIONS.confirm)));
    expect(card.blocks?.length).toBeLessThanOrEqual(50);
  });
});

describe('Web API failures', () => {
  it('honours a 429 by waiting for Retry-After and retrying', async () => {
    await start({ retries: 1 });
    t.slack.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const { ts } = await t.mention('URM', 'CLOANS', `<@${t.slack.bot.userId}> ${DESCRIPTION}`);
    await t.slack.waitFor(() => botReplies(ts).find((m) => blocksOf(m).includes(ACTIONS.confirm)), 8000);
    expect(t.slack.callsTo('chat.postMessage')).toHaveLength(2);
  });

  it('still answers when the placeholder cannot be posted', async () => {
    await start({ modelConfigured: true });
    t.slack.failNext('chat.postMessage', { status: 500 });
    const { ts } = await t.mention('URM', 'CLOANS', `<@${t.slack.bot.userId}> ${DESCRIPTION}`);
    const card = await t.slack.waitFor(() => botReplies(ts).find((m) => blocksOf(m).includes(ACTIONS.confirm)));
    expect(card.threadTs).toBe(ts);
  });

  it.each([
    [{ error: 'msg_too_long' }, 'too long', 'chat.postMessage', false],
    [{ error: 'ratelimited' }, 'rate-limiting', 'chat.postMessage', false],
    [{ error: 'msg_too_long' }, 'too long', 'chat.update', true],
  ])('turns %o from %s into a message the user understands', async (failure, words, method, modelConfigured) => {
    // Rules only the card is posted; with a model it replaces the placeholder through chat.update.
    await start({ modelConfigured });
    t.slack.failNext(method, failure);
    const { ts } = await t.mention('URM', 'CLOANS', `<@${t.slack.bot.userId}> ${DESCRIPTION}`);
    const reply = await t.slack.waitFor(() => botReplies(ts).find((m) => m.text.includes(words)));
    expect(reply.threadTs).toBe(ts);
  });

  it('logs a handler error with a correlation id and shows the same id to the user', async () => {
    const broken: Classifier = {
      classify: async () => {
        throw new Error('classifier exploded');
      },
    };
    await start({ classifier: broken });
    const { ts } = await t.mention('URM', 'CLOANS', `<@${t.slack.bot.userId}> ${DESCRIPTION}`);
    const reply = await t.slack.waitFor(() => botReplies(ts).find((m) => m.text.includes('ref')));
    const ref = /ref `([a-z0-9]+)`/.exec(reply.text)?.[1] ?? 'missing';
    expect(t.logs.some((line) => line.includes(`[${ref}]`) && line.includes('classifier exploded'))).toBe(true);
    expect(reply.text).not.toContain('classifier exploded');
  });
});

describe('bad payloads', () => {
  it('survives garbage and half-formed payloads and keeps serving', async () => {
    await start();
    const garbage = await t.slack.sendToApp(
      { contentType: 'application/x-www-form-urlencoded', body: 'payload=%7Bnot-json' },
      { url: t.url, signingSecret: SIGNING_SECRET },
    );
    expect(garbage.status).toBeGreaterThanOrEqual(400);
    await t.slack.sendToApp(interaction({ type: 'block_actions', actions: [], user: { id: 'URM' }, team: null }), {
      url: t.url,
      signingSecret: SIGNING_SECRET,
    });
    await t.click('URM', { actionId: ACTIONS.confirm, value: '{"k":' }, { channel: 'CLOANS', ts: '1.000001' });
    await t.click('URM', { actionId: ACTIONS.fullPlaybook, value: 'not json' }, { channel: 'CLOANS', ts: '1.000001' });
    await t.send({ type: 'app_mention', channel: 'CLOANS', ts: '1.000002' });
    const { ts } = await t.mention('URM', 'CLOANS', `<@${t.slack.bot.userId}> ${DESCRIPTION}`);
    await t.slack.waitFor(() => botReplies(ts).find((m) => blocksOf(m).includes(ACTIONS.confirm)));
  });
});
