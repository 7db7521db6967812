/**
 * Each delivery from Slack is handled once, on any instance: events by `event_id` (Slack's
 * retries), commands, shortcuts, clicks and form submissions by their `trigger_id` (a replayed
 * payload carries the same one). When the store cannot take the claim, a mention or DM is not
 * dropped in silence: the user is asked in the thread to send it again. Commands and clicks go on
 * to their handlers, which meet the store themselves and say it is unavailable.
 */
import type { AnyMiddlewareArgs, Middleware, webApi } from '@slack/bolt';
import { detectLang } from '../../src/domain/lang.js';
import { messages } from '../../src/domain/messages/messages.js';
import { correlationId, describeError } from '../../src/slack/errors.js';
import type { HandlerDeps } from '../deps.js';
import { NO_UNFURL } from './slack-context.js';

/** The claim key of one delivery, or null for payloads that carry no id. */
export const deliveryKey = (body: unknown): string | null => {
  if (typeof body !== 'object' || body === null) return null;
  const { event_id: eventId, trigger_id: triggerId } = body as { event_id?: unknown; trigger_id?: unknown };
  if (typeof eventId === 'string' && eventId !== '') return `event:${eventId}`;
  if (typeof triggerId === 'string' && triggerId !== '') return `payload:${triggerId}`;
  return null;
};

type MessageEvent = {
  type?: string;
  user?: string;
  bot_id?: string;
  subtype?: string;
  channel?: string;
  channel_type?: string;
  text?: string;
  ts?: string;
  thread_ts?: string;
};

/** A mention, or a message in a DM, that a person wrote: the events the user waits an answer to. */
const awaitedMessage = (body: unknown): MessageEvent | null => {
  const event = (body as { event?: MessageEvent }).event;
  if (!event?.user || event.bot_id || event.subtype || !event.channel || !event.ts) return null;
  if (event.type === 'app_mention') return event;
  if (event.type === 'message' && (event.channel_type === 'im' || event.channel.startsWith('D'))) return event;
  return null;
};

const askToResend = async (deps: HandlerDeps, client: webApi.WebClient, event: MessageEvent, ref: string) => {
  const m = messages(detectLang(event.text ?? '', 'en'));
  await client.chat
    .postMessage({
      channel: event.channel ?? '',
      thread_ts: event.thread_ts ?? event.ts ?? '',
      text: m.errorStoreResend(ref),
      ...NO_UNFURL,
    })
    .catch((error: unknown) => deps.logger.error(`[${ref}] could not ask to resend: ${describeError(error)}`));
};

export const claimDeliveries =
  (deps: HandlerDeps): Middleware<AnyMiddlewareArgs> =>
  async (args) => {
    const { body, next } = args;
    const key = deliveryKey(body);
    if (key === null) {
      await next();
      return;
    }
    let fresh: boolean;
    try {
      fresh = await deps.state.claimOnce(key);
    } catch (error) {
      const ref = correlationId();
      deps.logger.error(`[${ref}] delivery claim failed: ${describeError(error)}`);
      const event = awaitedMessage(body);
      if (event) await askToResend(deps, args.client, event, ref);
      else if (!key.startsWith('event:')) await next();
      return;
    }
    if (!fresh) {
      deps.logger.debug(`duplicate delivery ${key} ignored`);
      const { ack } = args as { ack?: () => Promise<void> };
      if (typeof ack === 'function') await ack();
      return;
    }
    await next();
  };
