import type { Config } from '../config.js';
import { bilingual } from '../domain/messages/messages.js';
import type { Bilingual } from '../domain/types.js';
import type { LlmFailureCode } from './port.js';

/** Short, localized notices the card footer and the CLI show about the LLM layer; texts live in the catalogue. */

export const LLM_OFF_NOTICE: Bilingual = bilingual((m) => m.llm.off);

export const llmFailureNotice = (code: LlmFailureCode): Bilingual => bilingual((m) => m.llm.failures[code]);

export const llmTruncatedNotice = (maxChars: number): Bilingual => bilingual((m) => m.llm.truncated(maxChars));

/** The endpoint without credentials, path or query, safe to print. */
const safeHost = (baseUrl: string | undefined): string => {
  if (baseUrl === undefined) return 'api.openai.com';
  try {
    return new URL(baseUrl).host;
  } catch {
    return '(invalid URL)';
  }
};

/** One line for the start-up log and the CLI: what the LLM layer will do, never the key. */
export const describeLlmSetup = (llm: Config['llm']): Bilingual => {
  if (llm.mode === 'off' || llm.apiKey === undefined) {
    const noKey = llm.apiKey === undefined;
    return bilingual((m) => m.llm.setupOff(noKey ? m.llm.setupNoKey : m.llm.setupModeOff));
  }
  const { mode, threshold, model, timeoutMs } = llm;
  const host = safeHost(llm.baseUrl);
  return bilingual((m) =>
    m.llm.setupOn(
      model,
      host,
      mode === 'always' ? m.llm.setupEveryTurn : m.llm.setupUnderThreshold(threshold),
      timeoutMs / 1000,
    ),
  );
};
