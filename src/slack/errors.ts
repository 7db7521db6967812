import { QuadrantError } from '../domain/errors.js';
import { messages } from '../domain/messages/messages.js';
import type { Lang } from '../domain/types.js';
import { StoreError } from '../store/ports.js';

/** What went wrong, in terms a user message can be chosen from. */
export type FailureKind =
  | 'not_in_channel'
  | 'channel_not_found'
  | 'msg_too_long'
  | 'rate_limited'
  | 'slack_unreachable'
  | 'store_unavailable'
  | 'admin_only'
  | 'stale_card'
  | 'unknown';

/** An error raised by our own code with a kind the user should hear about. */
export class QuadrantSlackError extends QuadrantError<FailureKind> {}

const slackErrorCode = (error: unknown): string | undefined => {
  if (typeof error !== 'object' || error === null) return undefined;
  const data = (error as { data?: { error?: unknown } }).data;
  return typeof data?.error === 'string' ? data.error : undefined;
};

/** Classifies any thrown value: Web API errors by Slack's error code, store and our own errors by kind. */
export const failureKind = (error: unknown): FailureKind => {
  if (error instanceof QuadrantSlackError) return error.code;
  if (error instanceof StoreError) return 'store_unavailable';
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'slack_webapi_rate_limited_error') return 'rate_limited';
  if (code === 'slack_webapi_request_error' || code === 'slack_webapi_http_error') return 'slack_unreachable';
  switch (slackErrorCode(error)) {
    case 'not_in_channel':
      return 'not_in_channel';
    case 'channel_not_found':
      return 'channel_not_found';
    case 'msg_too_long':
    case 'invalid_blocks':
      return 'msg_too_long';
    case 'ratelimited':
      return 'rate_limited';
    default:
      return 'unknown';
  }
};

/** The message a user sees for a failure; `ref` is the correlation id also written to the log. */
export const failureMessage = (error: unknown, lang: Lang, ref: string, channel?: string): string => {
  const m = messages(lang);
  switch (failureKind(error)) {
    case 'not_in_channel':
      return channel ? m.notInChannel(channel) : m.channelNotFound;
    case 'channel_not_found':
      return m.channelNotFound;
    case 'msg_too_long':
      return m.errorTooLong;
    case 'rate_limited':
      return m.errorRateLimited;
    case 'slack_unreachable':
      return m.errorSlackDown;
    case 'store_unavailable':
      return m.errorStore;
    case 'admin_only':
      return m.errorAdminOnly;
    case 'stale_card':
      return m.errorStale;
    default:
      return m.errorGeneric(ref);
  }
};

/** A short id to quote to the user and find in the log. */
export const correlationId = (): string => Math.random().toString(36).slice(2, 10);

/** A loggable description of an error: never the request, headers or tokens, only code and message. */
export const describeError = (error: unknown): string => {
  if (!(error instanceof Error)) return String(error).replace(/xox[a-z]-[A-Za-z0-9-]+/g, 'xox?-***');
  const code = (error as { code?: unknown }).code;
  const slack = slackErrorCode(error);
  const text = `${typeof code === 'string' ? `${code}: ` : ''}${error.message}${slack ? ` (${slack})` : ''}`;
  return text.replace(/xox[a-z]-[A-Za-z0-9-]+/g, 'xox?-***').replace(/xapp-[A-Za-z0-9-]+/g, 'xapp-***');
};
