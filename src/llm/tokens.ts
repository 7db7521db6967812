/**
 * Token estimate used when the endpoint returns no `usage`. No tokenizer ships at run time:
 * one token per Han/kana/hangul character and one per three other non-space characters, which
 * errs on the high side for GPT-4o-class tokenizers (o200k) on Chinese, English and JSON alike
 * (checked against gpt-tokenizer in test/llm/tokens.test.ts).
 */
const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;

export const estimateTokens = (text: string): number => {
  const wide = text.match(WIDE)?.length ?? 0;
  const other = text.replace(WIDE, '').replace(/\s+/g, '').length;
  return wide + Math.ceil(other / 3);
};

/** Overhead the chat format adds per message (role markers), as OpenAI documents it. */
const PER_MESSAGE = 4;

export const estimateMessagesTokens = (messages: ReadonlyArray<{ content: string }>, extra = ''): number =>
  messages.reduce((sum, m) => sum + estimateTokens(m.content) + PER_MESSAGE, 0) + estimateTokens(extra);
