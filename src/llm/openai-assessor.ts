import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import type { ChatCompletion, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { Playbook } from '../domain/playbook.js';
import type { LlmAssessor, LlmFailureCode, LlmLogger, LlmOutcome, LlmOutputMode, LlmUsage } from './port.js';
import { loadPromptSet, promptVersion, renderSystemPrompt, renderUserMessage } from './prompt.js';
import { buildAssessmentSchema, type RawAssessment, toAssessment } from './schema.js';
import { estimateMessagesTokens, estimateTokens } from './tokens.js';

export type OpenAiAssessorOptions = {
  apiKey: string;
  /** Any OpenAI-compatible endpoint (Azure OpenAI v1, vLLM, Ollama, DeepSeek, Qwen…); default api.openai.com. */
  baseURL?: string | undefined;
  model: string;
  /** Per-request timeout (QUADRANT_LLM_TIMEOUT_MS). */
  timeoutMs: number;
  playbook: Playbook;
  /** Injected for tests and proxies; defaults to the global fetch. */
  fetch?: typeof globalThis.fetch;
  promptsDir?: string;
  /** Longest Retry-After honoured on a 429; a longer one fails the call at once. */
  retryAfterCapMs?: number;
  /** Pause before retrying a 5xx or a dropped connection. */
  retryBackoffMs?: number;
  maxOutputTokens?: number;
  logger?: LlmLogger;
};

export const DEFAULT_RETRY_AFTER_CAP_MS = 5_000;
const DEFAULT_RETRY_BACKOFF_MS = 250;
const DEFAULT_MAX_OUTPUT_TOKENS = 1_200;
const MAX_ECHOED_OUTPUT_CHARS = 4_000;

/**
 * The whole assessment (retry, JSON-mode fallback and repair included) is cut off after this:
 * 2 × timeout + the Retry-After cap, 35 s with the defaults.
 */
export const assessmentDeadlineMs = (timeoutMs: number, retryAfterCapMs = DEFAULT_RETRY_AFTER_CAP_MS): number =>
  2 * timeoutMs + retryAfterCapMs;

type Failure = { code: LlmFailureCode; detail: string; retryable: boolean; waitMs: number; schemaUnsupported: boolean };

const failure = (code: LlmFailureCode, detail: string, extra: Partial<Failure> = {}): Failure => ({
  code,
  detail,
  retryable: false,
  waitMs: 0,
  schemaUnsupported: false,
  ...extra,
});

/** Retry-After in ms from `retry-after-ms`, or `retry-after` as seconds or an HTTP date. */
const retryAfterMs = (headers: Headers | undefined): number | null => {
  const ms = Number(headers?.get('retry-after-ms') ?? Number.NaN);
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers?.get('retry-after');
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : null;
};

// Endpoints without structured outputs answer 400/422 naming the unsupported parameter.
const SCHEMA_UNSUPPORTED = /response_format|json_schema|structured|schema/i;

/** Maps what the SDK threw to a failure; the detail never carries the server's message (it may echo input). */
const classifyError = (error: unknown, retryAfterCapMs: number, backoffMs: number): Failure => {
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
    if ((status === 400 || status === 422) && SCHEMA_UNSUPPORTED.test(error.message)) {
      return failure('llm_unavailable', `http ${status} (json_schema unsupported)`, { schemaUnsupported: true });
    }
    return failure('llm_unavailable', `http ${status}`);
  }
  return failure('llm_unavailable', error instanceof Error ? error.name : 'unknown error');
};

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (ms <= 0 || signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });

const summarizeIssues = (issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>) =>
  issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`)
    .join('; ');

/**
 * The OpenAI-compatible adapter of the {@link LlmAssessor} port: one structured call per turn.
 *
 * - Structured outputs (`json_schema`, strict) built from the zod schema; when the endpoint
 *   rejects them (400/422 naming the parameter), JSON mode validated with the same schema, and
 *   this adapter remembers it for later turns.
 * - At most one transport retry per turn: 429 when Retry-After ≤ the cap (5 s), 5xx, a dropped
 *   connection or a timeout. Output that fails validation gets at most one repair request.
 * - Length cut-offs, refusals and anything else give `ok: false`; it never throws.
 * - Everything is bounded by {@link assessmentDeadlineMs}.
 */
export const createOpenAiAssessor = (options: OpenAiAssessorOptions): LlmAssessor => {
  const client = new OpenAI({
    apiKey: options.apiKey,
    baseURL: options.baseURL ?? null,
    timeout: options.timeoutMs,
    // Retries are ours: bounded, with a capped Retry-After.
    maxRetries: 0,
    // Explicit values so the SDK reads nothing from process.env and logs nothing.
    organization: null,
    project: null,
    webhookSecret: null,
    logLevel: 'off',
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const schema = buildAssessmentSchema(options.playbook);
  const structuredFormat = zodResponseFormat(schema, 'assessment');
  const structuredSchemaText = JSON.stringify(structuredFormat.json_schema);
  const prompts = loadPromptSet(options.promptsDir);
  const systemPrompts: Record<LlmOutputMode, string> = {
    json_schema: renderSystemPrompt(prompts, options.playbook, 'json_schema'),
    json_object: renderSystemPrompt(prompts, options.playbook, 'json_object'),
  };
  const retryAfterCapMs = options.retryAfterCapMs ?? DEFAULT_RETRY_AFTER_CAP_MS;
  const backoffMs = options.retryBackoffMs ?? DEFAULT_RETRY_BACKOFF_MS;
  const maxTokens = options.maxOutputTokens ?? DEFAULT_MAX_OUTPUT_TOKENS;
  const deadlineMs = assessmentDeadlineMs(options.timeoutMs, retryAfterCapMs);
  // Learned once per adapter: an endpoint that rejected json_schema will not accept it next turn.
  let outputMode: LlmOutputMode = 'json_schema';

  const parseContent = (content: string): { ok: true; value: RawAssessment } | { ok: false; error: string } => {
    // JSON-mode models sometimes fence their answer despite being told not to.
    const unfenced = content
      .trim()
      .replace(/^```(?:json)?\s*/i, '')
      .replace(/\s*```$/, '');
    let json: unknown;
    try {
      json = JSON.parse(unfenced);
    } catch {
      return { ok: false, error: 'the reply is not a JSON object' };
    }
    const parsed = schema.safeParse(json);
    return parsed.success
      ? { ok: true, value: parsed.data }
      : { ok: false, error: summarizeIssues(parsed.error.issues) };
  };

  return {
    async assess(input): Promise<LlmOutcome> {
      const started = performance.now();
      const controller = new AbortController();
      const deadline = setTimeout(() => controller.abort(), deadlineMs);
      const usage: LlmUsage = { inputTokens: 0, outputTokens: 0 };
      let requests = 0;
      let retriesLeft = 1;
      const elapsed = () => performance.now() - started;
      const fail = (code: LlmFailureCode, detail: string): LlmOutcome => {
        const latencyMs = elapsed();
        options.logger?.warn('llm call failed', { code, detail, requests, latencyMs: Math.round(latencyMs) });
        return {
          ok: false,
          code,
          detail,
          latencyMs,
          usage: usage.inputTokens > 0 ? usage : null,
          requests,
        };
      };

      const send = async (
        messages: ChatCompletionMessageParam[],
        mode: LlmOutputMode,
      ): Promise<{ ok: true; completion: ChatCompletion } | { ok: false; failure: Failure }> => {
        const body = {
          model: options.model,
          messages,
          max_tokens: maxTokens,
          response_format: mode === 'json_schema' ? structuredFormat : ({ type: 'json_object' } as const),
        };
        for (;;) {
          const remaining = deadlineMs - elapsed();
          if (remaining <= 0 || controller.signal.aborted)
            return { ok: false, failure: failure('llm_unavailable', 'deadline') };
          requests += 1;
          try {
            const completion = await client.chat.completions.create(body, {
              signal: controller.signal,
              timeout: Math.max(1, Math.min(options.timeoutMs, remaining)),
              maxRetries: 0,
            });
            const reported = completion.usage;
            usage.inputTokens +=
              reported?.prompt_tokens ??
              estimateMessagesTokens(
                messages.map((m) => ({ content: typeof m.content === 'string' ? m.content : '' })),
                mode === 'json_schema' ? structuredSchemaText : '',
              );
            usage.outputTokens +=
              reported?.completion_tokens ?? estimateTokens(completion.choices[0]?.message.content ?? '');
            return { ok: true, completion };
          } catch (error) {
            const f = classifyError(error, retryAfterCapMs, backoffMs);
            if (!f.retryable || retriesLeft === 0 || f.waitMs >= deadlineMs - elapsed())
              return { ok: false, failure: f };
            retriesLeft -= 1;
            await sleep(f.waitMs, controller.signal);
          }
        }
      };

      try {
        const user = renderUserMessage({ description: input.description, profile: input.profile, lang: input.lang });
        const messagesFor = (mode: LlmOutputMode): ChatCompletionMessageParam[] => [
          { role: 'system', content: systemPrompts[mode] },
          { role: 'user', content: user.content },
        ];
        let mode = outputMode;
        let messages = messagesFor(mode);
        let sent = await send(messages, mode);
        if (!sent.ok && sent.failure.schemaUnsupported && mode === 'json_schema') {
          outputMode = 'json_object';
          mode = 'json_object';
          messages = messagesFor(mode);
          sent = await send(messages, mode);
        }
        let repairsLeft = 1;
        for (;;) {
          if (!sent.ok) return fail(sent.failure.code, sent.failure.detail);
          const choice = sent.completion.choices[0];
          if (choice === undefined) return fail('llm_bad_output', 'no choices');
          if (choice.finish_reason === 'length') return fail('llm_bad_output', 'finish_reason length');
          if (choice.finish_reason === 'content_filter') return fail('llm_refused', 'content filter');
          if (choice.message.refusal) return fail('llm_refused', 'refusal');
          const content = choice.message.content ?? '';
          const parsed = parseContent(content);
          if (parsed.ok) {
            return {
              ok: true,
              assessment: toAssessment(parsed.value),
              usage,
              model: options.model,
              promptVersion: promptVersion(prompts, mode),
              latencyMs: elapsed(),
              outputMode: mode,
              requests,
            };
          }
          if (repairsLeft === 0) return fail('llm_bad_output', `invalid output: ${parsed.error}`);
          repairsLeft -= 1;
          messages = [
            ...messages,
            { role: 'assistant', content: content.slice(0, MAX_ECHOED_OUTPUT_CHARS) },
            {
              role: 'user',
              content: `That reply was invalid (${parsed.error}). Reply again with only the corrected JSON object.`,
            },
          ];
          sent = await send(messages, mode);
        }
      } catch (error) {
        // A bug or an unexpected SDK error must not lose the turn: the caller falls back to the rules.
        return fail('llm_unavailable', error instanceof Error ? error.name : 'unexpected error');
      } finally {
        clearTimeout(deadline);
      }
    },
  };
};
