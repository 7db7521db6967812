import { afterEach, describe, expect, it } from 'vitest';
import { ACTIONS } from '../../handlers/ids.js';
import { startTestSlackApp, type TestSlackApp } from '../fakes/slack-app.js';

/**
 * Finding 5: a 429 on one channel paused the Web API client's whole queue, so every channel
 * waited for Retry-After; a persistent 500 on one channel left users without any answer. Here
 * the emulator fails calls about one channel only, and the order of what reaches Slack shows
 * whether the other channel had to wait (no clock is read).
 */
const DESCRIPTION = 'Client: Huaneng Power. AAA-rated state-owned utility, third project with us, long-term framework.';
let t: TestSlackApp;
afterEach(async () => {
  await t.close();
});

const start = async () => {
  t = await startTestSlackApp({ retries: 0 });
  t.slack.addUser({ id: 'URM' });
  t.slack.addChannel({ id: 'CBUSY', members: ['URM', t.slack.bot.userId] });
  t.slack.addChannel({ id: 'CQUIET', members: ['URM', t.slack.bot.userId] });
};

const cardIn = (channel: string, ts: string) =>
  t.slack
    .thread(channel, ts)
    .find((m) => m.user === t.slack.bot.userId && JSON.stringify(m.blocks ?? []).includes(ACTIONS.confirm));

const postsTo = (channel: string) =>
  t.slack.callsTo('chat.postMessage').filter((call) => call.body.channel === channel);

describe('rate limits per channel', () => {
  it('a 429 with Retry-After on one channel does not hold up another channel', async () => {
    await start();
    t.slack.failChannel('CBUSY', { status: 429, retryAfter: 2 }, { method: 'chat.postMessage', times: 1 });
    const busy = await t.mention('URM', 'CBUSY', `<@${t.slack.bot.userId}> ${DESCRIPTION}`);
    await t.slack.waitFor(() => postsTo('CBUSY').length === 1);
    const quiet = await t.mention('URM', 'CQUIET', `<@${t.slack.bot.userId}> ${DESCRIPTION}`);
    await t.slack.waitFor(() => cardIn('CQUIET', quiet.ts));
    // The quiet channel was answered while the busy one still waited for its Retry-After.
    expect(cardIn('CBUSY', busy.ts)).toBeUndefined();
    expect(postsTo('CBUSY')).toHaveLength(1);
    // Then the busy channel is answered too, with exactly one retry.
    await t.slack.waitFor(() => cardIn('CBUSY', busy.ts), 10_000);
    expect(postsTo('CBUSY')).toHaveLength(2);
    expect(t.logs.join('\n')).toContain('Slack rate limit on chat.postMessage CBUSY');
  });

  it('Retry-After holds back later calls of the same method and channel, which wait instead of failing', async () => {
    await start();
    t.slack.failChannel('CBUSY', { status: 429, retryAfter: 1 }, { method: 'chat.postMessage', times: 1 });
    const first = await t.mention('URM', 'CBUSY', `<@${t.slack.bot.userId}> ${DESCRIPTION}`);
    await t.slack.waitFor(() => postsTo('CBUSY').length === 1);
    const second = await t.mention('URM', 'CBUSY', `<@${t.slack.bot.userId}> ${DESCRIPTION}`);
    await t.slack.waitFor(() => cardIn('CBUSY', first.ts) && cardIn('CBUSY', second.ts), 10_000);
    // One refused call, then both answers: the second was held, not sent into the limit.
    expect(postsTo('CBUSY')).toHaveLength(3);
  });

  it('a persistent 5xx on one channel: other channels are answered, and the user hears once, directly', async () => {
    await start();
    t.slack.failChannel('CBUSY', { status: 500 });
    const busy = await t.mention('URM', 'CBUSY', `<@${t.slack.bot.userId}> ${DESCRIPTION}`);
    const quiet = await t.mention('URM', 'CQUIET', `<@${t.slack.bot.userId}> ${DESCRIPTION}`);
    await t.slack.waitFor(() => cardIn('CQUIET', quiet.ts));
    const dm = t.slack.dmWith('URM').id;
    const notice = await t.slack.waitFor(() =>
      t.slack.workspace.messages.find((m) => m.channel === dm && m.text.includes('kept failing')),
    );
    expect(notice.text).toContain('<#CBUSY>');
    expect(t.slack.thread('CBUSY', busy.ts).filter((m) => m.user === t.slack.bot.userId)).toHaveLength(0);
    expect(t.slack.workspace.messages.filter((m) => m.channel === dm)).toHaveLength(1);
  });
});
