import { isTraditional } from './traditional.js';

/** How a text is written, for measuring the classifier per writing system. */
export const SCRIPTS = ['zh-Hans', 'zh-Hant', 'en', 'mixed'] as const;
export type Script = (typeof SCRIPTS)[number];

/** A Han character carries about half an English word; below this share of English, Chinese text is not mixed. */
const MIXED_LATIN_SHARE = 0.2;
/** Share of Han characters with a different simplified form from which a text counts as traditional. */
const TRADITIONAL_SHARE = 0.04;

/**
 * Simplified or traditional Chinese, English, or Chinese mixed with enough English to be both.
 * Linear in the text, no regular expressions.
 */
export const detectScript = (text: string): Script => {
  let han = 0;
  let traditional = 0;
  let latinWords = 0;
  let inWord = false;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const latin = (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
    if (latin && !inWord) latinWords++;
    inWord = latin;
    if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0xf900 && cp <= 0xfaff)) {
      han++;
      if (isTraditional(cp)) traditional++;
    }
  }
  if (han === 0) return 'en';
  const latinShare = latinWords / (latinWords + han / 2);
  if (latinShare >= 1 - MIXED_LATIN_SHARE) return 'en';
  if (latinShare >= MIXED_LATIN_SHARE) return 'mixed';
  return traditional >= 2 && traditional / han >= TRADITIONAL_SHARE ? 'zh-Hant' : 'zh-Hans';
};
