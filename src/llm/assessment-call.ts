import type OpenAI from 'openai';
import type { ChatCompletion, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { ResponseFormatJSONSchema } from 'openai/resources/shared';
import { sleep } from '../lib/sleep.js';
import { classifyError, type Failure, failure } from './failures.js';
import type { LlmFailureCode, LlmLogger, LlmOutcome, LlmOutputMode, LlmUsage } from './port.js';
import { estimateMessagesTokens, estimateTokens } from './tokens.js';

export type Sent = { ok: true; completion: ChatCompletion } | { ok: false; failure: Failure };

/** What every call of one adapter shares: the client, the model and the limits. */
export type CallSettings = {
  client: OpenAI;
  model: string;
  maxTokens: number;
  /** Per request. */
  timeoutMs: number;
  /** For the whole call, retry, fallback and repair included. */
  deadlineMs: number;
  retryAfterCapMs: number;
  backoffMs: number;
  structuredFormat: ResponseFormatJSONSchema;
  /** The JSON schema as text, to estimate its tokens when the endpoint reports none. */
  structuredSchemaText: string;
  logger?: LlmLogger | undefined;
};

/**
 * One `assess` call's budget and bookkeeping, owned in one place: the deadline, the single
 * transport retry the call may spend, the requests made and the tokens used.
 */
export type AssessmentCall = {
  /** Sends the messages, retrying once (for the whole call) on a retryable failure within the deadline. */
  send(messages: ChatCompletionMessageParam[], mode: LlmOutputMode): Promise<Sent>;
  fail(code: LlmFailureCode, detail: string): LlmOutcome;
  /** The outcome fields every success reports. */
  totals(): { usage: LlmUsage; latencyMs: number; requests: number };
  /** Clears the deadline timer. */
  end(): void;
};

const textOf = (messages: ChatCompletionMessageParam[]) =>
  messages.map((m) => ({ content: typeof m.content === 'string' ? m.content : '' }));

export const startAssessmentCall = (settings: CallSettings): AssessmentCall => {
  const started = performance.now();
  const controller = new AbortController();
  const deadline = setTimeout(() => controller.abort(), settings.deadlineMs);
  const usage: LlmUsage = { inputTokens: 0, outputTokens: 0 };
  let requests = 0;
  let retriesLeft = 1;
  const elapsed = () => performance.now() - started;

  /** Counts what the endpoint reports, or an estimate when it reports nothing. */
  const count = (completion: ChatCompletion, messages: ChatCompletionMessageParam[], mode: LlmOutputMode) => {
    const reported = completion.usage;
    usage.inputTokens +=
      reported?.prompt_tokens ??
      estimateMessagesTokens(textOf(messages), mode === 'json_schema' ? settings.structuredSchemaText : '');
    usage.outputTokens += reported?.completion_tokens ?? estimateTokens(completion.choices[0]?.message.content ?? '');
  };

  const attempt = async (messages: ChatCompletionMessageParam[], mode: LlmOutputMode): Promise<Sent> => {
    const remaining = settings.deadlineMs - elapsed();
    if (remaining <= 0 || controller.signal.aborted)
      return { ok: false, failure: failure('llm_unavailable', 'deadline') };
    requests += 1;
    const body = {
      model: settings.model,
      messages,
      max_tokens: settings.maxTokens,
      response_format: mode === 'json_schema' ? settings.structuredFormat : ({ type: 'json_object' } as const),
    };
    try {
      const completion = await settings.client.chat.completions.create(body, {
        signal: controller.signal,
        timeout: Math.max(1, Math.min(settings.timeoutMs, remaining)),
        maxRetries: 0,
      });
      count(completion, messages, mode);
      return { ok: true, completion };
    } catch (error) {
      return { ok: false, failure: classifyError(error, settings.retryAfterCapMs, settings.backoffMs) };
    }
  };

  const mayRetry = (f: Failure) => f.retryable && retriesLeft > 0 && f.waitMs < settings.deadlineMs - elapsed();

  return {
    send: async (messages, mode) => {
      const first = await attempt(messages, mode);
      if (first.ok || !mayRetry(first.failure)) return first;
      retriesLeft -= 1;
      await sleep(first.failure.waitMs, controller.signal);
      return attempt(messages, mode);
    },
    fail: (code, detail) => {
      const latencyMs = elapsed();
      settings.logger?.warn('llm call failed', { code, detail, requests, latencyMs: Math.round(latencyMs) });
      return { ok: false, code, detail, latencyMs, usage: usage.inputTokens > 0 ? usage : null, requests };
    },
    totals: () => ({ usage, latencyMs: elapsed(), requests }),
    end: () => clearTimeout(deadline),
  };
};
