/**
 * Builds and sends requests exactly as Slack signs them (v0 HMAC-SHA256 over
 * `v0:<timestamp>:<raw body>`), for the app's HTTP receiver: Events API callbacks (with
 * `event_id` and Slack's retry headers), slash commands (form bodies), interactivity
 * (`payload=` form bodies) and `url_verification`. Payload builders cover the events and
 * interactions Quadrant handles.
 */
import { createHmac, randomUUID } from 'node:crypto';

export type SignedRequest = { body: string; contentType: string; headers?: Record<string, string> };
export type SignedResponse = { status: number; body: string; headers: Headers };

/** The two headers Slack sends; `timestamp` is in seconds since the epoch. */
export const signSlackRequest = (
  signingSecret: string,
  body: string,
  timestamp = Math.floor(Date.now() / 1000),
): Record<string, string> => ({
  'x-slack-request-timestamp': String(timestamp),
  'x-slack-signature': `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`,
});

export type SendOptions = {
  /** The app's endpoint, e.g. `http://127.0.0.1:PORT/slack/events`. */
  url: string;
  signingSecret: string;
  /** Override to test stale requests. */
  timestamp?: number;
  /** Override to test forged requests. */
  signature?: string;
  /** Slack's redelivery: 1, 2 or 3, with a reason such as `http_timeout`. */
  retry?: { num: number; reason: string };
};

/** POSTs a signed request and returns the app's answer (its ack). */
export const sendSignedRequest = async (request: SignedRequest, options: SendOptions): Promise<SignedResponse> => {
  const headers: Record<string, string> = {
    'content-type': request.contentType,
    ...signSlackRequest(options.signingSecret, request.body, options.timestamp),
    ...request.headers,
  };
  if (options.signature !== undefined) headers['x-slack-signature'] = options.signature;
  if (options.retry) {
    headers['x-slack-retry-num'] = String(options.retry.num);
    headers['x-slack-retry-reason'] = options.retry.reason;
  }
  const response = await fetch(options.url, { method: 'POST', headers, body: request.body });
  return { status: response.status, body: await response.text(), headers: response.headers };
};

export type TeamContext = { teamId: string; apiAppId?: string };

let counter = 0;
const uniqueSuffix = () => {
  counter += 1;
  return `${Date.now().toString(36)}${counter.toString(36)}`.toUpperCase();
};

/** A fresh Slack-looking timestamp ("seconds.micro") unique within this process. */
export const newTs = (): string => `${Math.floor(Date.now() / 1000)}.${String(++counter % 1_000_000).padStart(6, '0')}`;

/** Wraps an event in Slack's `event_callback` envelope with a fresh (or given) `event_id`. */
export const eventCallback = (
  event: Record<string, unknown>,
  team: TeamContext,
  eventId = `Ev${uniqueSuffix()}`,
): SignedRequest & { eventId: string } => ({
  eventId,
  contentType: 'application/json',
  body: JSON.stringify({
    token: 'verification-token-unused',
    team_id: team.teamId,
    api_app_id: team.apiAppId ?? 'A0QUADRANT',
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: team.teamId, user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
  }),
});

export const urlVerification = (challenge: string): SignedRequest => ({
  contentType: 'application/json',
  body: JSON.stringify({ token: 'unused', challenge, type: 'url_verification' }),
});

export type SlashCommandFields = {
  command: string;
  text: string;
  userId: string;
  channelId: string;
  teamId: string;
  responseUrl: string;
  triggerId?: string;
  userName?: string;
  channelName?: string;
};

/** A slash command as Slack sends it: a form body. */
export const slashCommand = (fields: SlashCommandFields): SignedRequest => ({
  contentType: 'application/x-www-form-urlencoded',
  body: new URLSearchParams({
    token: 'unused',
    team_id: fields.teamId,
    team_domain: 'quadrant-test',
    channel_id: fields.channelId,
    channel_name: fields.channelName ?? fields.channelId,
    user_id: fields.userId,
    user_name: fields.userName ?? fields.userId.toLowerCase(),
    command: fields.command,
    text: fields.text,
    api_app_id: 'A0QUADRANT',
    is_enterprise_install: 'false',
    response_url: fields.responseUrl,
    trigger_id: fields.triggerId ?? `trigger-${uniqueSuffix()}`,
  }).toString(),
});

/** An interactivity payload as Slack sends it: `payload=<json>` in a form body. */
export const interaction = (payload: Record<string, unknown>): SignedRequest => ({
  contentType: 'application/x-www-form-urlencoded',
  body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
});

export const appMention = (f: { user: string; channel: string; text: string; ts?: string; threadTs?: string }) => ({
  type: 'app_mention',
  user: f.user,
  text: f.text,
  ts: f.ts ?? newTs(),
  channel: f.channel,
  event_ts: f.ts ?? newTs(),
  ...(f.threadTs ? { thread_ts: f.threadTs } : {}),
});

export const directMessage = (f: { user: string; channel: string; text: string; ts?: string; threadTs?: string }) => {
  const ts = f.ts ?? newTs();
  return {
    type: 'message',
    channel_type: 'im',
    user: f.user,
    text: f.text,
    ts,
    channel: f.channel,
    event_ts: ts,
    ...(f.threadTs ? { thread_ts: f.threadTs } : {}),
  };
};

export const appHomeOpened = (f: { user: string; channel: string; tab: 'home' | 'messages' }) => ({
  type: 'app_home_opened',
  user: f.user,
  channel: f.channel,
  tab: f.tab,
  event_ts: newTs(),
});

export type InteractionContext = {
  userId: string;
  teamId: string;
  responseUrl?: string;
  triggerId?: string;
};

const interactionBase = (c: InteractionContext) => ({
  user: { id: c.userId, username: c.userId.toLowerCase(), name: c.userId.toLowerCase(), team_id: c.teamId },
  api_app_id: 'A0QUADRANT',
  token: 'unused',
  team: { id: c.teamId, domain: 'quadrant-test' },
  trigger_id: c.triggerId ?? `trigger-${uniqueSuffix()}`,
  is_enterprise_install: false,
  enterprise: null,
});

export type ClickedElement = {
  actionId: string;
  blockId?: string;
  /** Button value. */
  value?: string;
  /** For a static_select: the chosen option's value. */
  selectedOption?: string;
};

/** A `block_actions` payload from a button or select in a message (or ephemeral message) or a view. */
export const blockActions = (
  c: InteractionContext,
  f: {
    action: ClickedElement;
    /** The message the element sits in; omit for views. */
    message?: { channel: string; ts: string; threadTs?: string; blocks?: unknown[]; ephemeral?: boolean };
    view?: { id: string; callbackId?: string; privateMetadata?: string; type?: 'modal' | 'home' };
    actionTs?: string;
  },
) => {
  const action = {
    type: f.action.selectedOption === undefined ? 'button' : 'static_select',
    action_id: f.action.actionId,
    block_id: f.action.blockId ?? 'block',
    action_ts: f.actionTs ?? newTs(),
    ...(f.action.value === undefined ? {} : { value: f.action.value }),
    ...(f.action.selectedOption === undefined
      ? {}
      : {
          selected_option: {
            text: { type: 'plain_text', text: f.action.selectedOption },
            value: f.action.selectedOption,
          },
        }),
  };
  const m = f.message;
  return {
    type: 'block_actions',
    ...interactionBase(c),
    ...(c.responseUrl ? { response_url: c.responseUrl } : {}),
    container: m
      ? { type: 'message', message_ts: m.ts, channel_id: m.channel, is_ephemeral: m.ephemeral === true }
      : { type: 'view', view_id: f.view?.id ?? 'V0' },
    ...(m ? { channel: { id: m.channel, name: m.channel } } : {}),
    ...(m && !m.ephemeral
      ? {
          message: {
            type: 'message',
            ts: m.ts,
            text: '',
            blocks: m.blocks ?? [],
            ...(m.threadTs ? { thread_ts: m.threadTs } : {}),
          },
        }
      : {}),
    ...(f.view
      ? {
          view: {
            id: f.view.id,
            type: f.view.type ?? 'modal',
            callback_id: f.view.callbackId ?? '',
            private_metadata: f.view.privateMetadata ?? '',
            state: { values: {} },
          },
        }
      : {}),
    actions: [action],
  };
};

/**
 * A `view_submission`. `values` is `{ blockId: { actionId: stateValue } }` with Slack's state
 * shapes, e.g. `{ type: 'plain_text_input', value: '...' }` or
 * `{ type: 'conversations_select', selected_conversation: 'C1' }`.
 */
export const viewSubmission = (
  c: InteractionContext,
  f: { callbackId: string; privateMetadata?: string; values: Record<string, Record<string, unknown>>; viewId?: string },
) => ({
  type: 'view_submission',
  ...interactionBase(c),
  view: {
    id: f.viewId ?? `V${uniqueSuffix()}`,
    type: 'modal',
    callback_id: f.callbackId,
    private_metadata: f.privateMetadata ?? '',
    state: { values: f.values },
    hash: 'hash',
  },
  response_urls: [],
});

/** A message shortcut ("Classify this client") invoked on a message. */
export const messageAction = (
  c: InteractionContext,
  f: { callbackId: string; channel: string; message: { ts: string; text: string; user: string; threadTs?: string } },
) => ({
  type: 'message_action',
  ...interactionBase(c),
  callback_id: f.callbackId,
  ...(c.responseUrl ? { response_url: c.responseUrl } : {}),
  channel: { id: f.channel, name: f.channel },
  message_ts: f.message.ts,
  message: {
    type: 'message',
    user: f.message.user,
    ts: f.message.ts,
    text: f.message.text,
    ...(f.message.threadTs ? { thread_ts: f.message.threadTs } : {}),
  },
});

/** A fresh random id, for tests that want unique users or channels. */
export const randomSlackId = (prefix: 'U' | 'C' | 'G' | 'D' | 'T'): string =>
  `${prefix}${randomUUID().replaceAll('-', '').slice(0, 10).toUpperCase()}`;
