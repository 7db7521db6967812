import OpenAI from 'openai';
import { z } from 'zod';
import { RELATIONSHIP_TYPES } from '../domain/types.js';
import type { IntentOpinion, IntentRouter, LlmLogger } from './port.js';
import { DEFAULT_PROMPTS_DIR, readPromptFile } from './prompt.js';

export type LlmIntentRouterOptions = {
  apiKey: string;
  baseURL?: string | undefined;
  model: string;
  timeoutMs: number;
  fetch?: typeof globalThis.fetch;
  promptsDir?: string;
  logger?: LlmLogger;
};

/** Only a short message is worth a model call for its intent; a long one is a description. */
export const MAX_INTENT_CHARS = 300;

const replySchema = z.object({
  intent: z.enum(['greeting', 'playbook', 'history', 'description', 'unclear']),
  type: z.enum(RELATIONSHIP_TYPES).nullable().optional(),
  clientName: z.string().trim().min(1).max(80).nullable().optional(),
});

/** The model's reply as an opinion, or null when it cannot be used (a history without a client). */
export const parseIntentReply = (content: string): IntentOpinion | null => {
  const from = content.indexOf('{');
  const to = content.lastIndexOf('}');
  if (from < 0 || to <= from) return null;
  let json: unknown;
  try {
    json = JSON.parse(content.slice(from, to + 1));
  } catch {
    return null;
  }
  const parsed = replySchema.safeParse(json);
  if (!parsed.success) return null;
  const { intent, type, clientName } = parsed.data;
  if (intent === 'history') return clientName ? { kind: 'history', clientName } : null;
  if (intent === 'playbook') return { kind: 'playbook', type: type ?? null };
  return { kind: intent };
};

/**
 * Asks an OpenAI-compatible model what a short message wants, with the versioned intent prompt
 * and a zod-checked JSON reply. One request, no retry (the rules already gave an answer); any
 * failure (transport, status, refusal, bad output) gives null and the caller keeps the rules'.
 */
export const createLlmIntentRouter = (options: LlmIntentRouterOptions): IntentRouter => {
  const prompt = readPromptFile(options.promptsDir ?? DEFAULT_PROMPTS_DIR, 'intent-system.md');
  const client = new OpenAI({
    apiKey: options.apiKey,
    baseURL: options.baseURL ?? null,
    timeout: options.timeoutMs,
    maxRetries: 0,
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  });
  return {
    promptVersion: `${prompt.id}@${prompt.version}`,
    async intentOf(text) {
      if (text.length > MAX_INTENT_CHARS) return null;
      try {
        const completion = await client.chat.completions.create({
          model: options.model,
          messages: [
            { role: 'system', content: prompt.body },
            { role: 'user', content: `<message>\n${text}\n</message>` },
          ],
          response_format: { type: 'json_object' },
          max_completion_tokens: 200,
        });
        const choice = completion.choices[0];
        if (choice?.finish_reason !== 'stop' || choice.message.refusal) return null;
        const opinion = parseIntentReply(choice.message.content ?? '');
        if (opinion === null) options.logger?.warn('intent reply unusable; rules kept');
        return opinion;
      } catch (error) {
        options.logger?.warn('intent call failed; rules kept', {
          error: error instanceof Error ? error.name : 'error',
        });
        return null;
      }
    },
  };
};
