import { LogLevel, WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type SlackEmulator, startSlackEmulator } from '../../playground/emulator/web-api.js';
import { webClientOptions } from '../../src/slack/client-options.js';
import { createSlackTransport, type SlackTransport } from '../../src/slack/http-transport.js';

const TOKEN = 'xoxb-transport-test';
let slack: SlackEmulator;
let transport: SlackTransport;

const clientWith = (timeoutMs: number, retries: number) => {
  transport = createSlackTransport({ timeoutMs });
  const options = webClientOptions({ apiUrl: slack.apiUrl, fetch: transport.fetch, retries });
  return new WebClient(TOKEN, { ...options, logLevel: LogLevel.ERROR });
};

beforeEach(async () => {
  slack = await startSlackEmulator({ botToken: TOKEN });
  slack.addUser({ id: 'URM' });
  slack.addChannel({ id: 'CLOANS', members: ['URM', slack.bot.userId] });
});

afterEach(async () => {
  await transport.close();
  await slack.close();
});

describe('the Web API transport', () => {
  it('carries form bodies, the bearer token and Slack answers both ways', async () => {
    const client = clientWith(5_000, 0);
    const posted = await client.chat.postMessage({
      channel: 'CLOANS',
      text: '中文 & <b>',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'x' } }],
    });
    expect(posted.ok).toBe(true);
    expect(slack.workspace.findMessage('CLOANS', posted.ts ?? '')?.text).toBe('中文 & <b>');
    expect(slack.callsTo('chat.postMessage')[0]?.token).toBe(TOKEN);
    // A Slack error answer (HTTP 200, ok: false) still becomes the client's platform error.
    await expect(client.chat.update({ channel: 'CLOANS', ts: '1.000001', text: 'x' })).rejects.toMatchObject({
      data: { error: 'message_not_found' },
    });
  });

  it('passes Retry-After through, so the client waits out a 429 and retries', async () => {
    const client = clientWith(5_000, 1);
    slack.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const posted = await client.chat.postMessage({ channel: 'CLOANS', text: 'after the limit' });
    expect(posted.ok).toBe(true);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(2);
  });

  it('ends a call that takes longer than the deadline, with a timeout error', async () => {
    const client = clientWith(200, 0);
    slack.failNext('chat.postMessage', { delayMs: 1_500 });
    const error = await client.chat.postMessage({ channel: 'CLOANS', text: 'slow' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'slack_webapi_request_error' });
    expect(String((error as { original?: unknown }).original)).toMatch(/timed out after 200 ms/);
  });

  it('is the client of the Slack app, with the client timeout left to it', () => {
    transport = createSlackTransport({ timeoutMs: 10_000 });
    const options = webClientOptions({ apiUrl: undefined, fetch: transport.fetch });
    // Wrapped by the per-channel rate limiter, which calls the transport.
    expect(options.fetch).toBeTypeOf('function');
    expect(options.timeout).toBe(0);
  });
});
