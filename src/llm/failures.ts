import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import type { LlmFailureCode } from './port.js';

/**
 * How a failed request is handled: which failures are worth the single retry, how long to wait,
 * and when the endpoint just lacks structured outputs. Details never carry the server's message,
 * which may echo the input.
 */

export type Failure = {
  code: LlmFailureCode;
  detail: string;
  retryable: boolean;
  waitMs: number;
  /** A 400/422: on a json_schema request, most likely an endpoint without structured outputs. */
  schemaUnsupported: boolean;
};

export const failure = (code: LlmFailureCode, detail: string, extra: Partial<Failure> = {}): Failure => ({
  code,
  detail,
  retryable: false,
  waitMs: 0,
  schemaUnsupported: false,
  ...extra,
});

/** Retry-After in ms from `retry-after-ms`, or `retry-after` as seconds or an HTTP date. */
export const retryAfterMs = (headers: Headers | undefined): number | null => {
  const ms = Number(headers?.get('retry-after-ms') ?? Number.NaN);
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers?.get('retry-after');
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : null;
};

/** Maps what the SDK threw to a failure; the detail never carries the server's message (it may echo input). */
export const classifyError = (error: unknown, retryAfterCapMs: number, backoffMs: number): Failure => {
  if (error instanceof APIUserAbortError) return failure('llm_unavailable', 'deadline');
  if (error instanceof APIConnectionTimeoutError) {
    return failure('llm_unavailable', 'timeout', { retryable: true, waitMs: 0 });
  }
  if (error instanceof APIConnectionError) {
    return failure('llm_unavailable', 'connection failed', { retryable: true, waitMs: backoffMs });
  }
  if (error instanceof APIError) {
    const status = error.status ?? 0;
    if (status === 429) {
      const wait = retryAfterMs(error.headers) ?? backoffMs;
      return wait <= retryAfterCapMs
        ? failure('llm_unavailable', 'http 429', { retryable: true, waitMs: wait })
        : failure('llm_unavailable', `http 429 (retry-after ${Math.round(wait / 1000)}s over the cap)`);
    }
    if (status >= 500 || status === 408) {
      return failure('llm_unavailable', `http ${status}`, { retryable: true, waitMs: backoffMs });
    }
    // Endpoints without structured outputs answer 400/422, not always in OpenAI's error shape
    // (vLLM's body has no `error` key, so the SDK cannot read its message): any 400/422 to a
    // json_schema request earns one JSON-mode attempt.
    if (status === 400 || status === 422) {
      return failure('llm_unavailable', `http ${status}`, { schemaUnsupported: true });
    }
    return failure('llm_unavailable', `http ${status}`);
  }
  return failure('llm_unavailable', error instanceof Error ? error.name : 'unknown error');
};
