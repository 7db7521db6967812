import OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import type { ChatCompletion, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { Playbook } from '../domain/playbook.js';
import { sleep } from '../lib/sleep.js';
import { classifyError, type Failure, failure } from './failures.js';
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

/**
 * Drops `<think>…</think>` blocks (any case) in one forward pass. A lazy regex would rescan the
 * rest of the reply from every unclosed `<think>`, which is quadratic on a hostile reply.
 */
export const removeThinking = (content: string): string => {
  const lower = content.toLowerCase();
  let out = '';
  let from = 0;
  for (let open = lower.indexOf('<think>'); open !== -1; open = lower.indexOf('<think>', from)) {
    const close = lower.indexOf('</think>', open + 7);
    if (close === -1) break;
    out += content.slice(from, open);
    from = close + 8;
  }
  return out + content.slice(from);
};

const summarizeIssues = (issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>) =>
  issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`)
    .join('; ');

/**
 * The OpenAI-compatible adapter of the {@link LlmAssessor} port: one structured call per turn.
 *
 * - Structured outputs (`json_schema`, strict) built from the zod schema; when the endpoint
 *   rejects them (any 400/422), one retry in JSON mode validated with the same schema; once that
 *   works, this adapter stays in JSON mode for later turns.
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
    // JSON-mode models sometimes wrap the object in a fence, prose or a <think> block; the schema
    // still decides what is accepted.
    const withoutThinking = removeThinking(content);
    const from = withoutThinking.indexOf('{');
    const to = withoutThinking.lastIndexOf('}');
    let json: unknown;
    try {
      json = JSON.parse(from >= 0 && to > from ? withoutThinking.slice(from, to + 1) : withoutThinking);
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
          mode = 'json_object';
          messages = messagesFor(mode);
          sent = await send(messages, mode);
          // Remembered only once JSON mode was accepted, so a 400 for another reason does not stick.
          if (sent.ok) outputMode = 'json_object';
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
