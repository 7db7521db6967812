import { afterEach, describe, expect, it } from 'vitest';
import { ACTIONS } from '../../handlers/ids.js';
import { appMention, sendSignedRequest } from '../fakes/slack-api.js';
import { SIGNING_SECRET, startTestSlackApp, type TestSlackApp } from '../fakes/slack-app.js';

/**
 * Finding 2 (malformed but signed) and finding 7 (future timestamps), against the real Bolt
 * receiver: each hostile request gets its status, and the process keeps answering mentions.
 */
let t: TestSlackApp;
afterEach(async () => {
  await t.close();
});

const DESCRIPTION = 'Client: Huaneng Power. AAA-rated state-owned utility, third project with us, long-term framework.';

const stillAnswers = async () => {
  const { ts } = await t.mention('URM', 'CLOANS', `<@${t.slack.bot.userId}> ${DESCRIPTION}`);
  const card = await t.slack.waitFor(() =>
    t.slack.thread('CLOANS', ts).find((m) => JSON.stringify(m.blocks ?? []).includes(ACTIONS.confirm)),
  );
  expect(card.threadTs).toBe(ts);
};

const start = async () => {
  t = await startTestSlackApp();
  t.slack.addUser({ id: 'URM' });
  t.slack.addChannel({ id: 'CLOANS', members: ['URM', t.slack.bot.userId] });
};

describe('malformed but correctly signed requests', () => {
  it.each([
    ['JSON null', 'null', 'application/json'],
    ['a JSON number', '42', 'application/json'],
    ['a JSON array', '[1,2]', 'application/json'],
    ['a JSON string', '"event"', 'application/json'],
    ['payload=null', 'payload=null', 'application/x-www-form-urlencoded'],
    ['payload=true', 'payload=true', 'application/x-www-form-urlencoded'],
  ])('%s gets 400 and the app keeps running', async (_name, body, contentType) => {
    await start();
    const response = await sendSignedRequest({ body, contentType }, { url: t.url, signingSecret: SIGNING_SECRET });
    expect(response.status).toBe(400);
    expect(t.logs.join('\n')).toContain('body is not an object');
    await stillAnswers();
  });

  it('the same bodies with a wrong signature get 401, as any forged request', async () => {
    await start();
    const response = await sendSignedRequest(
      { body: 'null', contentType: 'application/json' },
      { url: t.url, signingSecret: 'not-the-secret' },
    );
    expect(response.status).toBe(401);
    await stillAnswers();
  });

  it('malformed JSON gets 400 from Bolt and ssl_check still answers 200', async () => {
    await start();
    const bad = await sendSignedRequest(
      { body: '{', contentType: 'application/json' },
      { url: t.url, signingSecret: SIGNING_SECRET },
    );
    expect(bad.status).toBe(400);
    const ssl = await sendSignedRequest(
      { body: 'ssl_check=1&token=x', contentType: 'application/x-www-form-urlencoded' },
      { url: t.url, signingSecret: 'unsigned' },
    );
    expect(ssl.status).toBe(200);
  });
});

describe('request timestamps', () => {
  const mentionAt = (offsetS: number) => {
    const event = appMention({ user: 'URM', channel: 'CLOANS', text: `<@${t.slack.bot.userId}> ${DESCRIPTION}` });
    return t.slack.sendToApp(
      {
        body: JSON.stringify({
          type: 'event_callback',
          team_id: t.teamId,
          event,
          event_id: `Ev${offsetS}x`,
          event_time: 1,
        }),
        contentType: 'application/json',
      },
      { url: t.url, signingSecret: SIGNING_SECRET, timestamp: Math.floor(Date.now() / 1000) + offsetS },
    );
  };

  it('rejects a request signed a day ahead, or six minutes ahead, and no reply is posted', async () => {
    await start();
    expect((await mentionAt(86_400)).status).toBe(401);
    expect((await mentionAt(6 * 60)).status).toBe(401);
    expect(t.logs.join('\n')).toContain('in the future');
    expect(t.slack.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('accepts small clock skew either way and rejects stale requests as before', async () => {
    await start();
    expect((await mentionAt(60)).status).toBe(200);
    expect((await mentionAt(-60)).status).toBe(200);
    expect((await mentionAt(-6 * 60)).status).toBe(401);
  });
});
