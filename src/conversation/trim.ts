/**
 * Trims characters from the ends of a string by walking them, not with an end-anchored regex
 * (`[…]+$` backtracks quadratically on a long run of those characters that does not end the text).
 */
export const trimChars = (text: string, chars: string, ends: { start?: boolean; end?: boolean } = {}): string => {
  const set = new Set(chars);
  let from = 0;
  let to = text.length;
  if (ends.start !== false) while (from < to && set.has(text[from] ?? '')) from += 1;
  if (ends.end !== false) while (to > from && set.has(text[to - 1] ?? '')) to -= 1;
  return text.slice(from, to);
};
