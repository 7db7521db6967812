import { WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type SlackEmulator, startSlackEmulator } from '../fakes/slack-api.js';

const TOKEN = 'xoxb-emulator-test';
let slack: SlackEmulator;
let client: WebClient;

const rawCall = async (method: string, body: string, headers: Record<string, string>) => {
  const response = await fetch(`${slack.apiUrl}${method}`, { method: 'POST', body, headers });
  return {
    status: response.status,
    headers: response.headers,
    json: (await response.json()) as Record<string, unknown>,
  };
};

beforeEach(async () => {
  slack = await startSlackEmulator({ botToken: TOKEN });
  slack.addUser({ id: 'UALICE', name: 'Alice' });
  slack.addChannel({ id: 'CLOANS', name: 'loans', members: ['UALICE', slack.bot.userId] });
  slack.addChannel({ id: 'COTHER', name: 'other', members: ['UALICE'] });
  slack.addChannel({ id: 'GSECRET', name: 'secret', isPrivate: true, members: ['UALICE'] });
  client = new WebClient(TOKEN, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
});

afterEach(async () => {
  await slack.close();
});

describe('Slack emulator: messages', () => {
  it('answers chat.postMessage like Slack and records the call with its token', async () => {
    const result = await client.chat.postMessage({ channel: 'CLOANS', text: 'hello', unfurl_links: false });
    expect(result.ok).toBe(true);
    expect(result.channel).toBe('CLOANS');
    expect(result.ts).toMatch(/^\d+\.\d{6}$/);
    expect(result.message?.text).toBe('hello');
    const [call] = slack.callsTo('chat.postMessage');
    expect(call?.token).toBe(TOKEN);
    expect(call?.body.channel).toBe('CLOANS');
    expect(slack.workspace.findMessage('CLOANS', result.ts ?? '')?.unfurlLinks).toBe(false);
  });

  it('accepts JSON bodies as well as form bodies', async () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*hi*' } }];
    const json = await rawCall('chat.postMessage', JSON.stringify({ channel: 'CLOANS', blocks }), {
      authorization: `Bearer ${TOKEN}`,
      'content-type': 'application/json; charset=utf-8',
    });
    const form = await rawCall(
      'chat.postMessage',
      new URLSearchParams({ channel: 'CLOANS', blocks: JSON.stringify(blocks), token: TOKEN }).toString(),
      { 'content-type': 'application/x-www-form-urlencoded' },
    );
    expect(json.json.ok).toBe(true);
    expect(form.json.ok).toBe(true);
    expect(slack.workspace.messages.map((m) => m.blocks)).toEqual([blocks, blocks]);
  });

  it('rejects a wrong or missing token', async () => {
    const wrong = new WebClient('xoxb-wrong', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
    await expect(wrong.auth.test()).rejects.toMatchObject({ data: { error: 'invalid_auth' } });
    const missing = await rawCall('auth.test', '', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(missing.json).toEqual({ ok: false, error: 'not_authed' });
  });

  it('refuses channels the bot is not in, and hides private ones', async () => {
    await expect(client.chat.postMessage({ channel: 'COTHER', text: 'x' })).rejects.toMatchObject({
      data: { error: 'not_in_channel' },
    });
    await expect(client.chat.postMessage({ channel: 'GSECRET', text: 'x' })).rejects.toMatchObject({
      data: { error: 'channel_not_found' },
    });
    await expect(client.chat.postMessage({ channel: 'CNOPE', text: 'x' })).rejects.toMatchObject({
      data: { error: 'channel_not_found' },
    });
  });

  it('posts to a user id through the bot DM and keeps threads', async () => {
    const root = await client.chat.postMessage({ channel: 'UALICE', text: 'root' });
    await client.chat.postMessage({ channel: root.channel ?? '', thread_ts: root.ts ?? '', text: 'reply' });
    expect(root.channel).toBe(slack.dmWith('UALICE').id);
    expect(slack.thread(root.channel ?? '', root.ts ?? '').map((m) => m.text)).toEqual(['root', 'reply']);
  });

  it('updates and deletes the bot messages', async () => {
    const posted = await client.chat.postMessage({ channel: 'CLOANS', text: 'draft' });
    await client.chat.update({ channel: 'CLOANS', ts: posted.ts ?? '', text: 'final' });
    expect(slack.workspace.findMessage('CLOANS', posted.ts ?? '')?.text).toBe('final');
    await client.chat.delete({ channel: 'CLOANS', ts: posted.ts ?? '' });
    expect(slack.workspace.findMessage('CLOANS', posted.ts ?? '')).toBeUndefined();
    await expect(client.chat.update({ channel: 'CLOANS', ts: '1.000001', text: 'x' })).rejects.toMatchObject({
      data: { error: 'message_not_found' },
    });
  });

  it('stores ephemeral messages per user, only for channel members', async () => {
    await client.chat.postEphemeral({ channel: 'CLOANS', user: 'UALICE', text: 'only you' });
    expect(slack.ephemeralsFor('UALICE').map((e) => e.text)).toEqual(['only you']);
    slack.addUser({ id: 'UBOB' });
    await expect(client.chat.postEphemeral({ channel: 'CLOANS', user: 'UBOB', text: 'x' })).rejects.toMatchObject({
      data: { error: 'user_not_in_channel' },
    });
  });
});

describe('Slack emulator: Block Kit limits', () => {
  const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });

  it('accepts exactly the limits and rejects one more', async () => {
    const fifty = Array.from({ length: 50 }, () => section('x'));
    await expect(client.chat.postMessage({ channel: 'CLOANS', blocks: fifty, text: 'ok' })).resolves.toMatchObject({
      ok: true,
    });
    await expect(
      client.chat.postMessage({ channel: 'CLOANS', blocks: [...fifty, section('x')], text: 'x' }),
    ).rejects.toMatchObject({ data: { error: 'invalid_blocks' } });
  });

  it.each([
    ['section text over 3,000', [section('a'.repeat(3001))]],
    ['header over 150', [{ type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } }]],
    [
      'button label over 75',
      [{ type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'b'.repeat(76) } }] }],
    ],
  ])('rejects %s', async (_name, blocks) => {
    await expect(client.chat.postMessage({ channel: 'CLOANS', blocks, text: 'x' })).rejects.toMatchObject({
      data: { error: 'invalid_blocks' },
    });
  });

  it('answers msg_too_long over 40,000 characters of text', async () => {
    await expect(client.chat.postMessage({ channel: 'CLOANS', text: 'x'.repeat(40_001) })).rejects.toMatchObject({
      data: { error: 'msg_too_long' },
    });
  });

  it('allows 100 blocks in a home view but not 101', async () => {
    const home = (n: number) => ({ type: 'home' as const, blocks: Array.from({ length: n }, () => section('x')) });
    await expect(client.views.publish({ user_id: 'UALICE', view: home(100) })).resolves.toMatchObject({ ok: true });
    await expect(client.views.publish({ user_id: 'UALICE', view: home(101) })).rejects.toMatchObject({
      data: { error: 'invalid_arguments' },
    });
    expect(slack.workspace.homeTabs.get('UALICE')?.blocks).toHaveLength(100);
  });
});

describe('Slack emulator: failures on demand', () => {
  it('answers 429 with Retry-After, then recovers', async () => {
    slack.failNext('chat.postMessage', { status: 429, retryAfter: 7 });
    const limited = await rawCall(
      'chat.postMessage',
      new URLSearchParams({ channel: 'CLOANS', text: 'x' }).toString(),
      {
        authorization: `Bearer ${TOKEN}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
    );
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    await expect(client.chat.postMessage({ channel: 'CLOANS', text: 'x' })).resolves.toMatchObject({ ok: true });
  });

  it('makes the WebClient wait out a 429 and retry', async () => {
    const patient = new WebClient(TOKEN, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 1, minTimeout: 10 } });
    slack.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    await expect(patient.chat.postMessage({ channel: 'CLOANS', text: 'late' })).resolves.toMatchObject({ ok: true });
    expect(slack.callsTo('chat.postMessage')).toHaveLength(2);
  });

  it('answers 500 and Slack errors in order', async () => {
    slack.failNext('chat.postMessage', { status: 500 });
    slack.failNext('chat.postMessage', { error: 'not_in_channel' });
    await expect(client.chat.postMessage({ channel: 'CLOANS', text: 'x' })).rejects.toMatchObject({
      code: 'slack_webapi_http_error',
    });
    await expect(client.chat.postMessage({ channel: 'CLOANS', text: 'x' })).rejects.toMatchObject({
      data: { error: 'not_in_channel' },
    });
    await expect(client.chat.postMessage({ channel: 'CLOANS', text: 'x' })).resolves.toMatchObject({ ok: true });
  });

  it('delays an answer when asked, then answers normally', async () => {
    slack.failNext('auth.test', { delayMs: 50 });
    const pending = client.auth.test();
    expect(slack.workspace.messages).toHaveLength(0);
    await expect(pending).resolves.toMatchObject({ ok: true, user_id: slack.bot.userId });
  });
});

describe('Slack emulator: views, assistant threads, streams, response_url', () => {
  it('opens modals and publishes home tabs', async () => {
    const opened = await client.views.open({
      trigger_id: 't1',
      view: { type: 'modal', title: { type: 'plain_text', text: 'Reason' }, blocks: [] },
    });
    expect(opened.view?.id).toMatch(/^V/);
    await client.views.update({
      view_id: opened.view?.id ?? '',
      view: { type: 'modal', title: { type: 'plain_text', text: 'Done' }, blocks: [] },
    });
    expect(slack.workspace.views.get(opened.view?.id ?? '')?.view.title).toEqual({ type: 'plain_text', text: 'Done' });
    await expect(
      client.views.open({
        trigger_id: 't2',
        view: { type: 'modal', title: { type: 'plain_text', text: 'x'.repeat(25) }, blocks: [] },
      }),
    ).rejects.toMatchObject({ data: { error: 'invalid_arguments' } });
  });

  it('keeps and clears the status of an assistant thread, and its suggested prompts', async () => {
    const dm = slack.dmWith('UALICE');
    await client.assistant.threads.setStatus({
      channel_id: dm.id,
      thread_ts: '1.000001',
      status: 'is thinking…',
      loading_messages: ['Reading', 'Scoring'],
    });
    expect(slack.workspace.statuses.get(`${dm.id}:1.000001`)).toEqual({
      status: 'is thinking…',
      loadingMessages: ['Reading', 'Scoring'],
    });
    await client.assistant.threads.setStatus({ channel_id: dm.id, thread_ts: '1.000001', status: '' });
    expect(slack.workspace.statuses.has(`${dm.id}:1.000001`)).toBe(false);
    await client.assistant.threads.setSuggestedPrompts({
      channel_id: dm.id,
      thread_ts: '1.000001',
      prompts: [{ title: 'a', message: 'b' }],
    });
    expect(slack.workspace.suggestedPrompts.get(`${dm.id}:1.000001`)).toHaveLength(1);
  });

  it('streams a message: startStream returns ts, append grows it, stop finalizes it', async () => {
    const root = slack.postAsUser({ channel: 'CLOANS', user: 'UALICE', text: 'question' });
    const streamer = client.chatStream({
      channel: 'CLOANS',
      thread_ts: root.ts,
      recipient_team_id: slack.team.id,
      recipient_user_id: 'UALICE',
      buffer_size: 1,
    });
    await streamer.append({ markdown_text: 'Hello ' });
    await streamer.append({ markdown_text: 'world' });
    await streamer.stop({ blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'card' } }] });
    const reply = slack.thread('CLOANS', root.ts).at(-1);
    expect(reply?.text).toBe('Hello world');
    expect(reply?.streaming).toBe(false);
    expect(slack.callsTo('chat.startStream')).toHaveLength(1);
  });

  it('serves response_url: a new ephemeral, then replace_original, then delete_original', async () => {
    const url = slack.responseUrl({ channel: 'CLOANS', user: 'UALICE' });
    const post = (body: unknown) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post({ text: 'first' })).status).toBe(200);
    expect((await post({ text: 'second', replace_original: true })).status).toBe(200);
    expect(slack.ephemeralsFor('UALICE').map((e) => e.text)).toEqual(['second']);
    expect((await post({ text: 'x'.repeat(40_001) })).status).toBe(400);
    expect((await post({ delete_original: true })).status).toBe(200);
    expect(slack.ephemeralsFor('UALICE')).toEqual([]);
  });

  it('emits changes and lets callers wait for a state', async () => {
    const seen: string[] = [];
    const stop = slack.onChange((event) => seen.push(event.kind));
    const waiting = slack.waitFor(() => slack.workspace.messages.find((m) => m.text === 'later'));
    await client.chat.postMessage({ channel: 'CLOANS', text: 'later' });
    await expect(waiting).resolves.toMatchObject({ text: 'later' });
    stop();
    expect(seen).toEqual(['call', 'message']);
    await expect(slack.waitFor(() => false, 20)).rejects.toThrow(/timed out.*chat.postMessage/);
  });
});
