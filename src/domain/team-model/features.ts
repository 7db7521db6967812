import { normalizeText } from '../text/normalize.js';

/**
 * The team model's view of a text: a set of features in both languages, so a note and a pasted
 * news paragraph about the same situation share features whatever their wording.
 *
 * - Chinese: character unigrams and bigrams inside each run of CJK characters (Chinese has no
 *   spaces, and two-character words carry most of the meaning: 逾期, 展期, 银团, 合作).
 * - Latin script: lowercased words with a light suffix strip ("restructuring", "restructured" →
 *   "restructur"), and adjacent word pairs ("missed payment").
 * - Numbers are dropped: amounts and dates identify one client, not a relationship type.
 *
 * The text goes through the rules' normalization first (NFKC, width, case), so the team model and
 * the rules read the same canonical text. Only the head of a long text is read: features are a set,
 * and the head of a note says what it is about.
 */

/** Characters read; keeps the update and the prediction cost flat for pasted documents. */
export const MAX_FEATURE_CHARS = 4_000;

const STOPWORDS = new Set(
  'the a an and or of to in on for with by at as is are was were be been it its this that these those from has have had will would can could our we they their them he she his her you your not but if than then so into about over per also which who what when there here do does did'.split(
    ' ',
  ),
);

const isCjk = (code: number) => (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);
const isLatinLetter = (code: number) => (code >= 0x61 && code <= 0x7a) || (code >= 0xe0 && code <= 0x24f);

/** A light, predictable English stem: enough for "default/defaults/defaulted", not a linguist's stemmer. */
export const stem = (word: string): string => {
  for (const suffix of ['ations', 'ation', 'ings', 'ing', 'ied', 'ies', 'ed', 'es', 's', 'ly']) {
    if (word.length - suffix.length >= 4 && word.endsWith(suffix)) {
      const base = word.slice(0, -suffix.length);
      return suffix === 'ied' || suffix === 'ies' ? `${base}y` : base;
    }
  }
  return word;
};

/**
 * The features of `text`, each once (a set: repeating a word does not repeat its evidence).
 * `canonical` is applied after normalization; traditional→simplified conversion plugs in there.
 */
export const featuresOf = (text: string, canonical: (s: string) => string = (s) => s): string[] => {
  const normalized = canonical(normalizeText(text.slice(0, MAX_FEATURE_CHARS)).text);
  const out = new Set<string>();
  let previousWord = '';
  let i = 0;
  const n = normalized.length;
  while (i < n) {
    const code = normalized.charCodeAt(i);
    if (isCjk(code)) {
      let j = i;
      while (j < n && isCjk(normalized.charCodeAt(j))) j++;
      for (let k = i; k < j; k++) {
        out.add(normalized[k] as string);
        if (k + 1 < j) out.add(normalized.slice(k, k + 2));
      }
      previousWord = '';
      i = j;
    } else if (isLatinLetter(code)) {
      let j = i;
      while (j < n && (isLatinLetter(normalized.charCodeAt(j)) || normalized[j] === '-')) j++;
      let wordEnd = j;
      while (wordEnd > i && normalized[wordEnd - 1] === '-') wordEnd--;
      const word = normalized.slice(i, wordEnd);
      if (word.length >= 2 && !STOPWORDS.has(word)) {
        const stemmed = stem(word);
        out.add(`w:${stemmed}`);
        if (previousWord !== '') out.add(`w:${previousWord} ${stemmed}`);
        previousWord = stemmed;
      } else if (word.length >= 2) {
        // A stopword breaks a phrase: "loan of the" yields no pair across it.
        previousWord = '';
      }
      i = j;
    } else {
      // Sentence punctuation ends a phrase; spaces and hyphens do not.
      if (code !== 0x20) previousWord = '';
      i++;
    }
  }
  return [...out];
};
