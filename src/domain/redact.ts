/**
 * Personal-data redaction, applied before any text leaves the process (LLM) or is stored.
 * Pure and linear-time: a handful of anchored regular expressions, each candidate confirmed by a
 * checksum or by its context so that ordinary figures (amounts, dates, percentages) survive.
 */

import { cleanText } from './text/normalize.js';

export const REDACTION_KINDS = ['email', 'uscc', 'id', 'card', 'phone'] as const;
export type RedactionKind = (typeof REDACTION_KINDS)[number];

/** The placeholder that replaces a redacted span, e.g. `[REDACTED:phone]`: the same in every language. */
export const redactionToken = (kind: RedactionKind): string => `[REDACTED:${kind}]`;

export type RedactionResult = {
  /** The normalized text with every detected personal datum replaced by its token. */
  text: string;
  /** How many spans of each kind were replaced. */
  found: Record<RedactionKind, number>;
};

// Every function here assumes input cleaned by `cleanText`: invisible characters can hide text
// from a reviewer and split a number so a pattern misses it.

/** GB 11643-1999 check character of an 18-character resident ID. */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export const isValidResidentId18 = (id: string): boolean => {
  if (!/^[1-9]\d{16}[\dX]$/i.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(id[i]) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK[sum % 11] === id[17]?.toUpperCase();
};

/** A 15-digit (first-generation) ID has no checksum: require a plausible region digit and YYMMDD birth date. */
const isPlausibleResidentId15 = (id: string): boolean => {
  if (!/^[1-8]\d{14}$/.test(id)) return false;
  const month = Number(id.slice(8, 10));
  const day = Number(id.slice(10, 12));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
};

/** GB 32100-2015 unified social credit code: 31-character alphabet, weighted mod-31 check. */
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export const isValidUscc = (code: string): boolean => {
  const upper = code.toUpperCase();
  if (upper.length !== 18) return false;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = USCC_ALPHABET.indexOf(upper[i] ?? '');
    if (value < 0) return false;
    sum += value * (USCC_WEIGHTS[i] ?? 0);
  }
  const check = (31 - (sum % 31)) % 31;
  return USCC_ALPHABET[check] === upper[17];
};

/** Luhn (mod 10) check, which every UnionPay/Visa/Mastercard card number passes. */
export const passesLuhn = (digits: string): boolean => {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i -= 1) {
    let d = Number(digits[i]);
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
};

const CURRENCY_BEFORE = /(?:[¥$€£]|RMB|CNY|USD|HKD|EUR)\s*$/i;
const UNIT_AFTER = /^\s*(?:[元万亿千百块%‰]|RMB|CNY|USD|HKD|EUR|yuan|dollars?|bn|mn|million|billion)/i;

/**
 * Numbers without a checksum (mobiles, old IDs) or with a weak one (Luhn) are kept when their
 * context says they are an amount: a currency before, a unit after, or a decimal part. A comma
 * next to the candidate is not a thousands separator (those group exactly three digits), so
 * "13812345678,13912345678" is two phones, not an amount.
 */
const looksLikeAmount = (text: string, start: number, end: number): boolean => {
  const before = text.slice(Math.max(0, start - 5), start);
  const after = text.slice(end, end + 12);
  return CURRENCY_BEFORE.test(before) || UNIT_AFTER.test(after) || /^\.\d/.test(after) || /\d\.$/.test(before);
};

type Detector = {
  kind: RedactionKind;
  pattern: RegExp;
  accept: (match: string, text: string, start: number, end: number) => boolean;
};

const digitsOf = (s: string) => s.replace(/\D/g, '');

// Order matters: emails first (they may contain digits), then checksummed codes, then the rest.
const DETECTORS: Detector[] = [
  {
    kind: 'email',
    // The look-behind lets a match start only where a run of address characters starts: without
    // it, each position of a long unbroken run rescans the rest of the run (quadratic time).
    pattern: /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g,
    accept: () => true,
  },
  {
    kind: 'id',
    pattern: /(?<![0-9A-Za-z])\d{6}[ -]?\d{8}[ -]?\d{3}[\dXx](?![0-9A-Za-z])/g,
    accept: (m) => isValidResidentId18(m.replace(/[ -]/g, '')),
  },
  {
    kind: 'uscc',
    pattern: /(?<![0-9A-Za-z])[0-9A-Za-z]{18}(?![0-9A-Za-z])/g,
    accept: (m) => /\d/.test(m) && isValidUscc(m),
  },
  {
    kind: 'card',
    pattern: /(?<!\d)(?:\d{16,19}|\d{4}([ -])\d{4}\1\d{4}\1\d{4}(?:\1\d{1,3})?)(?!\d)/g,
    accept: (m, text, start, end) => passesLuhn(digitsOf(m)) && !looksLikeAmount(text, start, end),
  },
  {
    kind: 'id',
    pattern: /(?<!\d)\d{15}(?!\d)/g,
    accept: (m, text, start, end) => isPlausibleResidentId15(m) && !looksLikeAmount(text, start, end),
  },
  {
    kind: 'phone',
    pattern: /(?<![\d+])(?:(?:\+|00)?86[-\s]?|\(\+?86\)\s?)?1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}(?!\d)/g,
    accept: (_m, text, start, end) => !looksLikeAmount(text, start, end),
  },
];

/**
 * Normalizes the text, then replaces Chinese resident IDs (18 digits with GB 11643 checksum, and
 * 15 digits with a valid birth date), unified social credit codes (GB 32100 checksum), mainland
 * mobile numbers (with or without +86), bank card numbers (16–19 digits passing Luhn, optionally
 * grouped by spaces or dashes) and emails with `[REDACTED:kind]` tokens.
 */
export const redactPersonalData = (input: string): RedactionResult => {
  const found: Record<RedactionKind, number> = { email: 0, uscc: 0, id: 0, card: 0, phone: 0 };
  let text = cleanText(input);
  for (const detector of DETECTORS) {
    text = text.replace(detector.pattern, (match: string, ...rest: unknown[]) => {
      // replace() passes (match, ...groups, offset, whole); the offset is the first number after the groups.
      const offset = rest.find((v): v is number => typeof v === 'number') ?? 0;
      if (!detector.accept(match, text, offset, offset + match.length)) return match;
      found[detector.kind] += 1;
      return redactionToken(detector.kind);
    });
  }
  return { text, found };
};

/** {@link redactPersonalData} as the store's `Redact` port: text in, redacted text out. */
export const redact = (text: string): string => redactPersonalData(text).text;
