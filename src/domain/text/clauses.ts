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

const SENTENCE_BREAKS = new Set(['。', '!', '?', ';', '\n', '…']);
const CLAUSE_BREAKS = new Set([',', ':', '—', '–', '(', ')', '|']);

const isAsciiWordChar = (ch: string | undefined): boolean => ch !== undefined && /[0-9a-z]/.test(ch);

/**
 * A full stop ends a sentence unless it sits inside a number or token ("1.0x", "3.2%");
 * fullwidth forms were already folded by normalization.
 */
const isSentenceBreak = (text: string, i: number): boolean => {
  const ch = text[i];
  if (ch === undefined) return false;
  if (SENTENCE_BREAKS.has(ch)) return true;
  return ch === '.' && !isAsciiWordChar(text[i + 1]);
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
    const sentenceBreak = isSentenceBreak(text, i);
    const ch = text[i] ?? '';
    if (!sentenceBreak && !CLAUSE_BREAKS.has(ch)) continue;
    clauseEnd.push(i);
    clause++;
    clauseStart.push(i + 1);
    if (sentenceBreak) {
      sentenceEnd.push(i);
      sentenceStart.push(i + 1);
    }
    sentenceOfClause.push(sentenceStart.length - 1);
  }
  clauseEnd.push(text.length);
  sentenceEnd.push(text.length);
  return { clauseOf, clauseStart, clauseEnd, sentenceOfClause, sentenceStart, sentenceEnd };
};
