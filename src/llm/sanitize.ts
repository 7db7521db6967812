import { cleanText } from '../domain/text/normalize.js';

/**
 * The model's strings (rationale, follow-up, quotes, profile values) are untrusted data. The Slack
 * layer escapes what it shows; this is the second wall, so that even unescaped output can never
 * become a mention, a broadcast or a link.
 */

/** Length caps for model strings, in characters. */
export const MODEL_TEXT_LIMITS = { rationale: 400, followUp: 200, quote: 160, value: 120, name: 80 } as const;

// Slack control sequences: <!channel>, <!here>, <!subteam^…>, <@U123>, <#C123>, <http://…|label>.
const SLACK_SEQUENCE = /<(?:[!@#]|[a-z][a-z0-9+.-]*:)[^<>]{0,500}>/gi;
const URL_LIKE = /\b(?:(?:https?|ftp|mailto|slack|file|javascript|data):\/*|www\.)\S*/gi;
const BROADCAST = /[@＠](channel|here|everyone)\b/gi;

/**
 * Normalizes (NFKC, zero-width and control characters removed), drops Slack control sequences and
 * URLs, defuses `@channel`-style broadcasts, replaces leftover angle brackets, collapses whitespace
 * and caps the length.
 */
export const sanitizeModelText = (value: string, maxLength: number): string => {
  const cleaned = cleanText(value)
    .replace(SLACK_SEQUENCE, ' ')
    .replace(URL_LIKE, '[link removed]')
    .replace(BROADCAST, '$1')
    .replace(/</g, '‹')
    .replace(/>/g, '›')
    .replace(/\s+/g, ' ')
    .trim();
  return cleaned.length > maxLength ? `${cleaned.slice(0, maxLength - 1)}…` : cleaned;
};
