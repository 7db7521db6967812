import type { Lang } from './types.js';

const HAN = /\p{Script=Han}/gu;
const LATIN_WORD = /[A-Za-z]{2,}/g;

/**
 * The language to answer in: Chinese when Han characters carry a real share of the text
 * (mixed notes such as "AAA央企, covenant breach" are answered in Chinese), else English.
 */
export const detectLang = (text: string, fallback: Lang = 'en'): Lang => writtenLang(text) ?? fallback;

/** The language a text is written in, or undefined when it has neither Han characters nor Latin words. */
export const writtenLang = (text: string): Lang | undefined => {
  const han = text.match(HAN)?.length ?? 0;
  const latinWords = text.match(LATIN_WORD)?.length ?? 0;
  if (han === 0 && latinWords === 0) return undefined;
  // One Han character carries about as much as one English word.
  return han >= latinWords * 0.5 ? 'zh' : 'en';
};
