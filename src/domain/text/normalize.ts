import { simplifiedOf, simplifiedUnit } from './traditional.js';

/**
 * Case-, width- and script-insensitive view of a text with a map back to the original offsets, so the
 * matcher works on one canonical form while evidence spans always quote the RM's own words.
 */
export type NormalizedText = {
  /**
   * NFKC, lowercased, traditional Chinese characters in their simplified form, zero-width characters
   * dropped, whitespace runs collapsed to one space.
   */
  text: string;
  /** For each UTF-16 unit of `text`: start offset, in the original, of the code point it came from. */
  origStart: Int32Array;
  /** For each UTF-16 unit of `text`: end offset, in the original, of the code point it came from. */
  origEnd: Int32Array;
};

/**
 * Characters that carry no meaning but can split a word or hide text from a reviewer (and are
 * pasted from chat apps): soft hyphen, Mongolian vowel separator, zero-width characters, bidi
 * embeddings, overrides and isolates, word joiners, the byte-order mark. The one list both text
 * forms below drop.
 */
const INVISIBLE_RANGES: readonly (readonly [number, number])[] = [
  [0x00ad, 0x00ad],
  [0x180e, 0x180e],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x2064],
  [0x2066, 0x206f],
  [0xfeff, 0xfeff],
];

const hex = (cp: number) => `\\u${cp.toString(16).padStart(4, '0')}`;
const INVISIBLE = new RegExp(`[${INVISIBLE_RANGES.map(([lo, hi]) => `${hex(lo)}-${hex(hi)}`).join('')}]`, 'g');

// A lookup table over the BMP keeps the per-character test of the hot path to one array read.
const INVISIBLE_TABLE = new Uint8Array(0x10000);
for (const [lo, hi] of INVISIBLE_RANGES) INVISIBLE_TABLE.fill(1, lo, hi + 1);

const isInvisible = (cp: number): boolean => cp < 0x10000 && INVISIBLE_TABLE[cp] === 1;

// biome-ignore lint/suspicious/noControlCharactersInRegex: replacing control characters is the point.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/**
 * Removes only the invisible characters above: for names, ids and stored text, where "华‍鑫制造"
 * and "华鑫制造" must be one client but width and case stay as typed.
 */
export const stripInvisible = (text: string): string => text.replace(INVISIBLE, '');

/**
 * The text with its case and offsets' meaning kept, for pattern detection (personal data, model
 * output): NFKC (full-width digits and letters become ASCII), invisible characters removed, C0/C1
 * controls other than tab, newline and carriage return turned into spaces.
 */
export const cleanText = (text: string): string => text.normalize('NFKC').replace(INVISIBLE, '').replace(CONTROL, ' ');

const isSpaceOrControl = (cp: number): boolean =>
  cp <= 0x20 ||
  (cp >= 0x7f && cp <= 0xa0) ||
  cp === 0x3000 ||
  (cp >= 0x2000 && cp <= 0x200a) ||
  cp === 0x2028 ||
  cp === 0x2029;

/** Common CJK and typographic punctuation that NFKC leaves as is ("。", "、", "【", "—", curly double quotes). */
const isStableSymbol = (cp: number): boolean =>
  (cp >= 0x3001 && cp <= 0x3011) || cp === 0x2014 || cp === 0x2013 || cp === 0x201c || cp === 0x201d || cp === 0xb7;

/** Canonical form of a code point outside the fast paths (accents, ligatures, compatibility forms). */
const slowCanonical = (cp: number): string => {
  // Curly apostrophes from phones and word processors: "isn’t" must match "isn't".
  if (cp === 0x2018 || cp === 0x2019 || cp === 0x2032) return "'";
  // Lone surrogates cannot be normalized meaningfully; keep them as inert text.
  if (cp >= 0xd800 && cp <= 0xdfff) return String.fromCharCode(cp);
  const form = String.fromCodePoint(cp).normalize('NFKC').toLowerCase();
  // Compatibility ideographs and CJK extension characters: NFKC first, then traditional → simplified.
  if (form.length === 1) return simplifiedOf(form.charCodeAt(0)) ?? form;
  const single = form.codePointAt(0) ?? 0;
  return form.length === 2 && single > 0xffff ? (simplifiedOf(single) ?? form) : form;
};

const CHUNK = 8192;

/** UTF-16 units to a string, in chunks that stay under the engine's argument limit. */
const decodeUnits = (units: Uint16Array, length: number): string => {
  let out = '';
  for (let i = 0; i < length; i += CHUNK) {
    const chunk = units.subarray(i, Math.min(length, i + CHUNK));
    out += String.fromCharCode.apply(null, chunk as unknown as number[]);
  }
  return out;
};

type Buffers = { units: Uint16Array; starts: Int32Array; ends: Int32Array };

const allocate = (capacity: number): Buffers => ({
  units: new Uint16Array(capacity),
  starts: new Int32Array(capacity),
  ends: new Int32Array(capacity),
});

/** Doubles the buffers; a module-level function because closures created per call are costly in hot paths. */
const grow = (old: Buffers): Buffers => {
  const grown = allocate(old.units.length * 2);
  grown.units.set(old.units);
  grown.starts.set(old.starts);
  grown.ends.set(old.ends);
  return grown;
};

/**
 * Builds the canonical view of `input`. Linear in the input length; ASCII and CJK take a fast path
 * that never calls `String#normalize`. Newlines are kept because RMs use them as sentence breaks.
 */
export const normalizeText = (input: string): NormalizedText => {
  let buffers = allocate(input.length + 16);
  let { units, starts, ends } = buffers;
  let length = 0;
  let lastWasSpace = true;
  let i = 0;
  while (i < input.length) {
    let cp = input.charCodeAt(i);
    let next = i + 1;
    if (cp >= 0xd800 && cp <= 0xdbff && next < input.length) {
      const low = input.charCodeAt(next);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = (cp - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        next++;
      }
    }
    if (length + 8 > units.length) {
      buffers = grow(buffers);
      ({ units, starts, ends } = buffers);
    }
    if (cp === 0x0a) {
      units[length] = 0x0a;
      starts[length] = i;
      ends[length++] = next;
      lastWasSpace = true;
    } else if (isSpaceOrControl(cp)) {
      if (!lastWasSpace) {
        units[length] = 0x20;
        starts[length] = i;
        ends[length++] = next;
      }
      lastWasSpace = true;
    } else if (isInvisible(cp)) {
      // dropped: the span around it still quotes the original, invisible character included
    } else {
      // Fullwidth ASCII (，：ＡＡＡ) folds arithmetically, as NFKC would.
      const folded = cp >= 0xff01 && cp <= 0xff5e ? cp - 0xfee0 : cp;
      if (folded >= 0x4e00 && folded <= 0x9fff) {
        // Traditional characters fold to simplified one for one, so offsets stay exact.
        units[length] = simplifiedUnit(folded);
        starts[length] = i;
        ends[length++] = next;
      } else if (folded < 0x80 || isStableSymbol(folded)) {
        units[length] = folded >= 0x41 && folded <= 0x5a ? folded + 32 : folded;
        starts[length] = i;
        ends[length++] = next;
      } else {
        const form = slowCanonical(folded);
        while (length + form.length + 8 > units.length) {
          buffers = grow(buffers);
          ({ units, starts, ends } = buffers);
        }
        for (let k = 0; k < form.length; k++) {
          units[length] = form.charCodeAt(k);
          starts[length] = i;
          ends[length++] = next;
        }
      }
      lastWasSpace = false;
    }
    i = next;
  }
  return { text: decodeUnits(units, length), origStart: starts.subarray(0, length), origEnd: ends.subarray(0, length) };
};

/** Canonical form of a lexicon term, identical to what `normalizeText` produces for the same words. */
export const normalizeTerm = (term: string): string => normalizeText(term).text.trim();
