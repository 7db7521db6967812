import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS } from '../../handlers/ids.js';
import { sleep } from '../../src/lib/sleep.js';
import { startTestSlackApp, type TestSlackApp } from '../fakes/slack-app.js';
import { needs, type RedisServer, skipWithout, startRedis } from '../support/services.js';

/**
 * Finding 3: with the store down, the event claim threw in the global middleware, Slack had its
 * 200, and the mention was never answered. Now each acknowledged mention or DM that cannot be
 * claimed gets a short localized "please send it again" in its thread, and once the store is
 * back mentions are answered as before.
 */
const DESCRIPTION = 'Client: Huaneng Power. AAA-rated state-owned utility, third project with us, long-term framework.';
describe.skipIf(skipWithout('redis-server'))(`mentions while the store is down ${needs('redis-server')}`, () => {
  let redis: RedisServer;
  let t: TestSlackApp;
  beforeAll(async () => {
    redis = await startRedis();
    t = await startTestSlackApp({ storeUrl: redis.url });
    t.slack.addUser({ id: 'URM' });
    t.slack.addChannel({ id: 'CLOANS', members: ['URM', t.slack.bot.userId] });
  });
  afterAll(async () => {
    await t.close();
    await redis.stop();
  });
  const botReplies = (channel: string, ts: string) =>
    t.slack.thread(channel, ts).filter((m) => m.user === t.slack.bot.userId);

  it('every acknowledged mention and DM gets a reply asking to resend, in its own language', async () => {
    await redis.kill();
    const sent = [];
    for (let i = 0; i < 5; i++) {
      const { ts } = await t.mention('URM', 'CLOANS', `<@${t.slack.bot.userId}> ${DESCRIPTION} #${i}`);
      sent.push(ts);
    }
    const zh = await t.mention('URM', 'CLOANS', `<@${t.slack.bot.userId}> 客户:华能电力,大型国企,AAA评级。`);
    const dm = await t.dm('URM', DESCRIPTION);
    for (const ts of sent) {
      const reply = await t.slack.waitFor(() => botReplies('CLOANS', ts)[0]);
      expect(reply.text).toContain('send it again');
    }
    expect((await t.slack.waitFor(() => botReplies('CLOANS', zh.ts)[0])).text).toContain('重新发送');
    expect((await t.slack.waitFor(() => botReplies(dm.channel, dm.ts)[0])).text).toContain('send it again');
    // One reply each, with a reference that is also in the log.
    for (const ts of sent) expect(botReplies('CLOANS', ts)).toHaveLength(1);
    const ref = /ref `([a-z0-9]+)`/.exec(botReplies('CLOANS', sent[0] ?? '')[0]?.text ?? '')?.[1];
    expect(ref).toBeDefined();
    expect(t.logs.join('\n')).toContain(`[${ref}] delivery claim failed`);
  });

  it('once the store is back, a mention is answered with a card', async () => {
    await redis.restart();
    // The client reconnects in the background: until then mentions still get the resend reply.
    let ts = '';
    for (let attempt = 0; attempt < 40 && ts === ''; attempt++) {
      const posted = await t.mention('URM', 'CLOANS', `<@${t.slack.bot.userId}> ${DESCRIPTION}`);
      const first = await t.slack.waitFor(() => botReplies('CLOANS', posted.ts)[0], 5_000);
      if (JSON.stringify(first.blocks ?? []).includes(ACTIONS.confirm)) ts = posted.ts;
      else await sleep(250);
    }
    expect(ts).not.toBe('');
    expect(botReplies('CLOANS', ts)).toHaveLength(1);
  });
});
