/**
 * Case- and width-insensitive view of a text with a map back to the original offsets, so the
 * matcher works on one canonical form while evidence spans always quote the RM's own words.
 */
export type NormalizedText = {
  /** NFKC, lowercased, zero-width characters dropped, whitespace runs collapsed to one space. */
  text: string;
  /** For each UTF-16 unit of `text`: start offset, in the original, of the code point it came from. */
  origStart: Int32Array;
  /** For each UTF-16 unit of `text`: end offset, in the original, of the code point it came from. */
  origEnd: Int32Array;
};

/** Characters that carry no meaning but can split a word (and are pasted from chat apps). */
const isInvisible = (cp: number): boolean =>
  (cp >= 0x200b && cp <= 0x200f) || cp === 0x2060 || cp === 0xfeff || cp === 0x00ad || (cp >= 0x202a && cp <= 0x202e);

const isControl = (cp: number): boolean => (cp < 0x20 && cp !== 0x0a && cp !== 0x09) || (cp >= 0x7f && cp < 0xa0);

const isSpace = (cp: number): boolean =>
  cp === 0x20 || cp === 0x09 || cp === 0x0d || cp === 0xa0 || cp === 0x3000 || (cp >= 0x2000 && cp <= 0x200a);

/** One code point to its canonical form; fast paths keep ASCII and CJK text off `String#normalize`. */
const canonical = (cp: number, raw: string): string => {
  if (cp < 0x80) return cp >= 0x41 && cp <= 0x5a ? String.fromCharCode(cp + 32) : raw;
  if (cp >= 0x4e00 && cp <= 0x9fff) return raw;
  // Curly apostrophes from phones and word processors: "isn’t" must match "isn't".
  if (cp === 0x2018 || cp === 0x2019 || cp === 0x2032) return "'";
  // Fullwidth ASCII (，：ＡＡＡ): NFKC maps these to ASCII; do it arithmetically.
  if (cp >= 0xff01 && cp <= 0xff5e) return canonical(cp - 0xfee0, String.fromCharCode(cp - 0xfee0));
  // Lone surrogates cannot be normalized meaningfully; keep them as inert text.
  if (cp >= 0xd800 && cp <= 0xdfff) return raw;
  return raw.normalize('NFKC').toLowerCase();
};

/**
 * Builds the canonical view of `input`. Linear in the input length; newlines are kept because
 * RMs use them as sentence breaks in bullet-style notes.
 */
export const normalizeText = (input: string): NormalizedText => {
  const parts: string[] = [];
  // Canonical forms are at most a few units per code point; grow on demand to stay linear.
  let starts = new Int32Array(input.length + 16);
  let ends = new Int32Array(input.length + 16);
  let length = 0;
  let lastWasSpace = true;
  const push = (unit: string, start: number, end: number) => {
    if (length + unit.length > starts.length) {
      const grownStarts = new Int32Array((starts.length + unit.length) * 2);
      const grownEnds = new Int32Array((starts.length + unit.length) * 2);
      grownStarts.set(starts);
      grownEnds.set(ends);
      starts = grownStarts;
      ends = grownEnds;
    }
    for (let k = 0; k < unit.length; k++) {
      starts[length] = start;
      ends[length] = end;
      length++;
    }
    parts.push(unit);
  };
  let i = 0;
  while (i < input.length) {
    const cp = input.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    const next = i + width;
    if (isInvisible(cp)) {
      i = next;
      continue;
    }
    if (cp === 0x0a) {
      push('\n', i, next);
      lastWasSpace = true;
    } else if (isSpace(cp) || isControl(cp)) {
      if (!lastWasSpace) push(' ', i, next);
      lastWasSpace = true;
    } else {
      const form = canonical(cp, input.slice(i, next));
      if (form.length > 0) {
        push(form, i, next);
        lastWasSpace = false;
      }
    }
    i = next;
  }
  return { text: parts.join(''), origStart: starts.subarray(0, length), origEnd: ends.subarray(0, length) };
};

/** Canonical form of a lexicon term, identical to what `normalizeText` produces for the same words. */
export const normalizeTerm = (term: string): string => normalizeText(term).text.trim();
