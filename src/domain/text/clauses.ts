/**
 * Sentence and clause boundaries of a normalized text. Negation stays inside its clause; contrast
 * and recency reach to the end of their sentence.
 */
export type Segments = {
  /** Clause index of each UTF-16 unit. */
  clauseOf: Int32Array;
  clauseStart: number[];
  clauseEnd: number[];
  /** Sentence index of each clause. */
  sentenceOfClause: number[];
  sentenceStart: number[];
  sentenceEnd: number[];
};

/** 0 inside a clause, 1 at a clause break (, : — ( ) |), 2 at a sentence break (。 ! ? ; newline, full stop). */
const breakKind = (text: string, i: number): 0 | 1 | 2 => {
  switch (text.charCodeAt(i)) {
    case 0x3002: // 。
    case 0x21: // !
    case 0x3f: // ?
    case 0x3b: // ;
    case 0x0a:
      return 2;
    case 0x2e: {
      // A full stop inside a number or token ("1.0x", "3.2%") does not end a sentence.
      const next = text.charCodeAt(i + 1);
      const inToken = (next >= 0x30 && next <= 0x39) || (next >= 0x61 && next <= 0x7a);
      return inToken ? 0 : 2;
    }
    case 0x2c: // ,
    case 0x3a: // :
    case 0x2014: // —
    case 0x2013: // –
    case 0x28:
    case 0x29:
    case 0x7c:
      return 1;
    default:
      return 0;
  }
};

/** Splits `text` into sentences and clauses in one linear pass. */
export const segmentText = (text: string): Segments => {
  const clauseOf = new Int32Array(text.length);
  const clauseStart: number[] = [0];
  const clauseEnd: number[] = [];
  const sentenceOfClause: number[] = [0];
  const sentenceStart: number[] = [0];
  const sentenceEnd: number[] = [];
  let clause = 0;
  for (let i = 0; i < text.length; i++) {
    clauseOf[i] = clause;
    const kind = breakKind(text, i);
    if (kind === 0) continue;
    clauseEnd.push(i);
    clause++;
    clauseStart.push(i + 1);
    if (kind === 2) {
      sentenceEnd.push(i);
      sentenceStart.push(i + 1);
    }
    sentenceOfClause.push(sentenceStart.length - 1);
  }
  clauseEnd.push(text.length);
  sentenceEnd.push(text.length);
  return { clauseOf, clauseStart, clauseEnd, sentenceOfClause, sentenceStart, sentenceEnd };
};
