import type { Config } from '../config.js';
import type { Bilingual } from '../domain/types.js';
import type { LlmFailureCode } from './port.js';

/** Short, localized notices the card footer and the CLI show about the LLM layer. */

export const LLM_OFF_NOTICE: Bilingual = {
  zh: '未启用LLM:仅按规则分类(设置 OPENAI_API_KEY 可启用)。',
  en: 'LLM off: rules-only classification (set OPENAI_API_KEY to enable it).',
};

const FAILURE_NOTICES: Record<LlmFailureCode, Bilingual> = {
  llm_unavailable: {
    zh: 'LLM暂不可用(超时或服务错误),以下为仅按规则的结果。',
    en: 'The LLM was unavailable (timeout or service error); this is the rules-only result.',
  },
  llm_bad_output: {
    zh: 'LLM的回答无法使用,以下为仅按规则的结果。',
    en: "The LLM's answer was unusable; this is the rules-only result.",
  },
  llm_refused: {
    zh: 'LLM拒绝回答,以下为仅按规则的结果。',
    en: 'The LLM declined to answer; this is the rules-only result.',
  },
};

export const llmFailureNotice = (code: LlmFailureCode): Bilingual => FAILURE_NOTICES[code];

export const llmTruncatedNotice = (maxChars: number): Bilingual => ({
  zh: `描述过长,只有${maxChars}个字符发送给LLM。`,
  en: `The description is long; only ${maxChars.toLocaleString('en')} characters were sent to the LLM.`,
});

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
    const why =
      llm.apiKey === undefined
        ? { zh: '未设置 OPENAI_API_KEY', en: 'no OPENAI_API_KEY' }
        : { zh: 'QUADRANT_LLM_MODE=off', en: 'QUADRANT_LLM_MODE=off' };
    return { zh: `LLM:关闭(${why.zh}),仅按规则分类。`, en: `LLM: off (${why.en}); rules-only classification.` };
  }
  const when =
    llm.mode === 'always'
      ? { zh: '每轮调用', en: 'every turn' }
      : { zh: `规则置信度低于${llm.threshold}时调用`, en: `when the rules' confidence is under ${llm.threshold}` };
  const host = safeHost(llm.baseUrl);
  return {
    zh: `LLM:${llm.model} @ ${host},${when.zh},单次超时${llm.timeoutMs / 1000}秒。`,
    en: `LLM: ${llm.model} @ ${host}, ${when.en}, ${llm.timeoutMs / 1000} s timeout per request.`,
  };
};
