import type { CueEntry, Lexicon, LexiconEntry } from '../lexicon/types.js';
import type { Segments } from './clauses.js';
import { normalizeTerm } from './normalize.js';
import { buildFlatTrie, stepTrie } from './trie.js';

/** How far the second part of a gapped term (`工资…发不出`) may sit from the first, in normalized chars. */
export const MAX_GAP = 30;

type Piece = { text: string; prefix: boolean; leftBound: boolean; rightBound: boolean };
type CompiledTerm = { head: Piece; tail: Piece | null };
type Output = { term: CompiledTerm; entry: LexiconEntry | null; cue: CueEntry | null };

/** A lexicon entry or cue found in the normalized text. `gapStart === gapEnd` when the term has no gap. */
export type TermMatch = {
  start: number;
  end: number;
  gapStart: number;
  gapEnd: number;
  entry: LexiconEntry | null;
  cue: CueEntry | null;
};

/** The compiled lexicon: one trie for every term and cue, walked once per position. */
export type TermMatcher = { scan(text: string, segments: Segments): TermMatch[] };

const isWordCode = (code: number): boolean =>
  (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);

const isWordAt = (text: string, i: number): boolean => i >= 0 && i < text.length && isWordCode(text.charCodeAt(i));

const compilePiece = (raw: string): Piece => {
  const prefix = raw.endsWith('*');
  const text = normalizeTerm(prefix ? raw.slice(0, -1) : raw);
  return {
    text,
    prefix,
    leftBound: isWordCode(text.charCodeAt(0)),
    rightBound: !prefix && isWordCode(text.charCodeAt(text.length - 1)),
  };
};

const compileTerm = (raw: string, owner: string): CompiledTerm => {
  const parts = raw.split('…');
  const [headRaw, tailRaw, ...rest] = parts;
  if (
    headRaw === undefined ||
    headRaw.trim() === '' ||
    rest.length > 0 ||
    (tailRaw !== undefined && tailRaw.trim() === '')
  ) {
    throw new Error(`lexicon term "${raw}" in ${owner} must be words with at most one … gap`);
  }
  return { head: compilePiece(headRaw), tail: tailRaw === undefined ? null : compilePiece(tailRaw) };
};

/**
 * Where a piece that starts at `start` really ends: at a word end for prefix terms, after an
 * optional plural `s` for whole-word terms, or -1 when the boundary does not hold.
 */
const pieceEnd = (text: string, piece: Piece, start: number): number => {
  if (piece.leftBound && isWordAt(text, start - 1)) return -1;
  let end = start + piece.text.length;
  if (piece.prefix) {
    while (isWordAt(text, end)) end++;
    return end;
  }
  if (!piece.rightBound) return end;
  if (!isWordAt(text, end)) return end;
  if (text.charCodeAt(end) === 0x73 && !isWordAt(text, end + 1)) return end + 1;
  return -1;
};

/** Finds the tail of a gapped term inside the bounded window, so long inputs stay linear. */
const findTail = (text: string, tail: Piece, from: number, limit: number): { start: number; end: number } | null => {
  const window = text.slice(from, limit);
  let at = window.indexOf(tail.text);
  while (at !== -1) {
    const end = pieceEnd(text, tail, from + at);
    if (end !== -1) return { start: from + at, end };
    at = window.indexOf(tail.text, at + 1);
  }
  return null;
};

/** Compiles every term of `lexicon` once; throws on malformed terms so a bad lexicon fails at start. */
export const compileMatcher = (lexicon: Lexicon): TermMatcher => {
  const words: Array<{ word: string; payload: Output }> = [];
  for (const entry of lexicon.entries) {
    for (const raw of entry.terms) {
      const term = compileTerm(raw, entry.id);
      words.push({ word: term.head.text, payload: { term, entry, cue: null } });
    }
  }
  for (const cue of lexicon.cues) {
    for (const raw of cue.terms) {
      const term = compileTerm(raw, cue.id);
      words.push({ word: term.head.text, payload: { term, entry: null, cue } });
    }
  }
  const trie = buildFlatTrie(words);
  return {
    scan(text, segments) {
      const matches: TermMatch[] = [];
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        // Inside an ASCII word no term can start: ASCII terms need a word start, CJK terms a CJK char.
        if (isWordCode(code) && i > 0 && isWordCode(text.charCodeAt(i - 1))) continue;
        let node = trie.first[code] ?? -1;
        for (let j = i; node !== -1; ) {
          const outputs = trie.outputs[node] ?? [];
          for (let k = 0; k < outputs.length; k++) {
            const output = outputs[k];
            if (output === undefined) continue;
            const headEnd = pieceEnd(text, output.term.head, i);
            if (headEnd === -1) continue;
            const tail = output.term.tail;
            if (tail === null) {
              matches.push({
                start: i,
                end: headEnd,
                gapStart: headEnd,
                gapEnd: headEnd,
                entry: output.entry,
                cue: output.cue,
              });
              continue;
            }
            const clauseEnd = segments.clauseEnd[segments.clauseOf[i] ?? 0] ?? text.length;
            const found = findTail(text, tail, headEnd, Math.min(clauseEnd, headEnd + MAX_GAP + tail.text.length));
            if (found === null) continue;
            matches.push({
              start: i,
              end: found.end,
              gapStart: headEnd,
              gapEnd: found.start,
              entry: output.entry,
              cue: output.cue,
            });
          }
          j++;
          node = j < text.length ? stepTrie(trie, node, text.charCodeAt(j)) : -1;
        }
      }
      return matches;
    },
  };
};
