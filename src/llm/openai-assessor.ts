import OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { Playbook } from '../domain/playbook.js';
import { type AssessmentCall, type CallSettings, type Sent, startAssessmentCall } from './assessment-call.js';
import type { LlmAssessor, LlmFailureCode, LlmLogger, LlmOutcome, LlmOutputMode } from './port.js';
import { loadPromptSet, promptVersion, renderSystemPrompt, renderUserMessage, withExamplesVersion } from './prompt.js';
import { buildAssessmentSchema, type RawAssessment, toAssessment } from './schema.js';

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

type Reply =
  | { kind: 'failed'; code: LlmFailureCode; detail: string }
  | { kind: 'invalid'; error: string; content: string }
  | { kind: 'valid'; value: RawAssessment };

/**
 * What a reply holds: a failure (transport, cut-off, refusal), output that fails validation, or
 * the assessment. JSON-mode models sometimes wrap the object in a fence, prose or a <think>
 * block; the schema still decides what is accepted.
 */
const readReply = (sent: Sent, schema: ReturnType<typeof buildAssessmentSchema>): Reply => {
  if (!sent.ok) return { kind: 'failed', code: sent.failure.code, detail: sent.failure.detail };
  const choice = sent.completion.choices[0];
  if (choice === undefined) return { kind: 'failed', code: 'llm_bad_output', detail: 'no choices' };
  if (choice.finish_reason === 'length')
    return { kind: 'failed', code: 'llm_bad_output', detail: 'finish_reason length' };
  if (choice.finish_reason === 'content_filter')
    return { kind: 'failed', code: 'llm_refused', detail: 'content filter' };
  if (choice.message.refusal) return { kind: 'failed', code: 'llm_refused', detail: 'refusal' };
  const content = choice.message.content ?? '';
  const withoutThinking = removeThinking(content);
  const from = withoutThinking.indexOf('{');
  const to = withoutThinking.lastIndexOf('}');
  let json: unknown;
  try {
    json = JSON.parse(from >= 0 && to > from ? withoutThinking.slice(from, to + 1) : withoutThinking);
  } catch {
    return { kind: 'invalid', error: 'the reply is not a JSON object', content };
  }
  const parsed = schema.safeParse(json);
  return parsed.success
    ? { kind: 'valid', value: parsed.data }
    : { kind: 'invalid', error: summarizeIssues(parsed.error.issues), content };
};

/** The reply's assessment; output that fails validation gets one repair request. */
const readWithRepair = async (
  call: AssessmentCall,
  { sent, mode, messages }: { sent: Sent; mode: LlmOutputMode; messages: ChatCompletionMessageParam[] },
  deps: {
    schema: ReturnType<typeof buildAssessmentSchema>;
    model: string;
    promptVersion: (mode: LlmOutputMode) => string;
  },
): Promise<LlmOutcome> => {
  let reply = readReply(sent, deps.schema);
  if (reply.kind === 'invalid') {
    const repair: ChatCompletionMessageParam[] = [
      ...messages,
      { role: 'assistant', content: reply.content.slice(0, MAX_ECHOED_OUTPUT_CHARS) },
      {
        role: 'user',
        content: `That reply was invalid (${reply.error}). Reply again with only the corrected JSON object.`,
      },
    ];
    reply = readReply(await call.send(repair, mode), deps.schema);
  }
  if (reply.kind === 'failed') return call.fail(reply.code, reply.detail);
  if (reply.kind === 'invalid') return call.fail('llm_bad_output', `invalid output: ${reply.error}`);
  return {
    ok: true,
    assessment: toAssessment(reply.value),
    model: deps.model,
    promptVersion: deps.promptVersion(mode),
    outputMode: mode,
    ...call.totals(),
  };
};

/** The SDK client with our own retries and nothing read from process.env. */
const buildClient = (options: OpenAiAssessorOptions): OpenAI =>
  new OpenAI({
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
  const client = buildClient(options);
  const schema = buildAssessmentSchema(options.playbook);
  const structuredFormat = zodResponseFormat(schema, 'assessment');
  const prompts = loadPromptSet(options.promptsDir);
  const systemPrompts: Record<LlmOutputMode, string> = {
    json_schema: renderSystemPrompt(prompts, options.playbook, 'json_schema'),
    json_object: renderSystemPrompt(prompts, options.playbook, 'json_object'),
  };
  const settings: CallSettings = {
    client,
    model: options.model,
    maxTokens: options.maxOutputTokens ?? DEFAULT_MAX_OUTPUT_TOKENS,
    timeoutMs: options.timeoutMs,
    deadlineMs: assessmentDeadlineMs(options.timeoutMs, options.retryAfterCapMs ?? DEFAULT_RETRY_AFTER_CAP_MS),
    retryAfterCapMs: options.retryAfterCapMs ?? DEFAULT_RETRY_AFTER_CAP_MS,
    backoffMs: options.retryBackoffMs ?? DEFAULT_RETRY_BACKOFF_MS,
    structuredFormat,
    structuredSchemaText: JSON.stringify(structuredFormat.json_schema),
    logger: options.logger,
  };
  // Learned once per adapter: an endpoint that rejected json_schema will not accept it next turn.
  let outputMode: LlmOutputMode = 'json_schema';

  /** Sends in the learned mode; a json_schema request the endpoint rejects gets one JSON-mode attempt. */
  const sendFirst = async (
    call: AssessmentCall,
    messagesFor: (mode: LlmOutputMode) => ChatCompletionMessageParam[],
  ) => {
    let mode = outputMode;
    let messages = messagesFor(mode);
    let sent = await call.send(messages, mode);
    if (!sent.ok && sent.failure.schemaUnsupported && mode === 'json_schema') {
      mode = 'json_object';
      messages = messagesFor(mode);
      sent = await call.send(messages, mode);
      // Remembered only once JSON mode was accepted, so a 400 for another reason does not stick.
      if (sent.ok) outputMode = 'json_object';
    }
    return { sent, mode, messages };
  };

  return {
    async assess(input): Promise<LlmOutcome> {
      const call = startAssessmentCall(settings);
      try {
        const examples = input.examples ?? [];
        const user = renderUserMessage({
          description: input.description,
          profile: input.profile,
          lang: input.lang,
          examples,
        });
        const messagesFor = (mode: LlmOutputMode): ChatCompletionMessageParam[] => [
          { role: 'system', content: systemPrompts[mode] },
          { role: 'user', content: user.content },
        ];
        return await readWithRepair(call, await sendFirst(call, messagesFor), {
          schema,
          model: options.model,
          promptVersion: (mode) => withExamplesVersion(promptVersion(prompts, mode), examples.length),
        });
      } catch (error) {
        // A bug or an unexpected SDK error must not lose the turn: the caller falls back to the rules.
        return call.fail('llm_unavailable', error instanceof Error ? error.name : 'unexpected error');
      } finally {
        call.end();
      }
    },
  };
};
