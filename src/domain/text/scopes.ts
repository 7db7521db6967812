import type { CueKind } from '../lexicon/types.js';
import type { Segments } from './clauses.js';
import { type CueMatch, type EntryMatch, lastAtOrBefore } from './select.js';

/** How much each modifier scales a signal's weight. */
export const MODIFIER_FACTORS = {
  contrastDiscount: 0.5,
  /** The main clause after "但/but", or what follows "最近/now". */
  boost: 1.25,
  pastDiscount: 0.5,
  hedge: 0.7,
  resolvedDistress: 0.3,
  /** Distress inside a condition ("如逾期", "if you pay late"): a product's terms, not the client's state. */
  conditionalDistress: 0.2,
  /** Distress that belongs to another party (a supplier, a competitor). */
  otherPartyDistress: 0.3,
} as const;

/** A signal with its modifiers resolved. */
export type ScopedMatch = {
  match: EntryMatch;
  negated: boolean;
  /** In the concessive part of a contrast or described as past. */
  discounted: boolean;
  /** Product of the modifier factors (1 when none applies). */
  factor: number;
};

/** How far around a signal cues are looked up; bounds the work per signal so long inputs stay linear. */
const LOOK_BEHIND = 60;
const LOOK_AHEAD = 40;
const NEGATION_STOPPERS: ReadonlySet<CueKind> = new Set(['breaker', 'adversative', 'concessive']);

/**
 * Interval marks as a difference array: O(1) per region, one prefix-sum pass at the end. Allocated
 * only when a cue of that kind exists, since most notes use few kinds.
 */
type Marks = { diff: Int32Array | null; length: number };

const newMarks = (length: number): Marks => ({ diff: null, length });

const mark = (marks: Marks, from: number, to: number) => {
  if (to <= from) return;
  marks.diff ??= new Int32Array(marks.length + 1);
  const a = Math.max(0, from);
  const b = Math.min(marks.length, to);
  marks.diff[a] = (marks.diff[a] ?? 0) + 1;
  marks.diff[b] = (marks.diff[b] ?? 0) - 1;
};

const settle = (marks: Marks) => {
  const diff = marks.diff;
  if (diff === null) return;
  for (let i = 1; i < diff.length; i++) diff[i] = (diff[i] ?? 0) + (diff[i - 1] ?? 0);
};

const marked = (marks: Marks, i: number) => marks.diff !== null && (marks.diff[i] ?? 0) > 0;

const clauseIndex = (segments: Segments, at: number) => segments.clauseOf[at] ?? segments.clauseStart.length - 1;

/** True when only spaces separate `from` and the cue: the cue opens the clause or sentence. */
const leadsFrom = (text: string, from: number, cueStart: number) =>
  cueStart - from <= 3 && text.slice(from, cueStart).trim() === '';

/** The part of the text an adversative ("但", "but") turns away from. */
const adversativeTarget = (text: string, segments: Segments, cue: CueMatch): [number, number] => {
  const clause = clauseIndex(segments, cue.start);
  const sentence = segments.sentenceOfClause[clause] ?? 0;
  const sentenceStart = segments.sentenceStart[sentence] ?? 0;
  const clauseStart = segments.clauseStart[clause] ?? 0;
  if (leadsFrom(text, sentenceStart, cue.start)) {
    return sentence > 0 ? [segments.sentenceStart[sentence - 1] ?? 0, segments.sentenceEnd[sentence - 1] ?? 0] : [0, 0];
  }
  if (leadsFrom(text, clauseStart, cue.start) && clause > 0)
    return [segments.clauseStart[clause - 1] ?? 0, segments.clauseEnd[clause - 1] ?? 0];
  return [clauseStart, cue.start];
};

const buildRegions = (text: string, segments: Segments, cues: readonly CueMatch[]) => {
  const discount = newMarks(text.length);
  const boost = newMarks(text.length);
  const past = newMarks(text.length);
  const hedge = newMarks(text.length);
  const resolved = newMarks(text.length);
  const conditional = newMarks(text.length);
  const otherParty = newMarks(text.length);
  // Next adversative at or after each cue, so a concessive finds its "但" in O(1).
  const nextAdversative: Array<CueMatch | null> = new Array(cues.length).fill(null);
  for (let i = cues.length - 1, next: CueMatch | null = null; i >= 0; i--) {
    const cue = cues[i];
    if (cue?.cue.kind === 'adversative') next = cue;
    nextAdversative[i] = next;
  }
  for (let i = 0; i < cues.length; i++) {
    const cue = cues[i];
    if (cue === undefined) continue;
    const clause = clauseIndex(segments, cue.start);
    const clauseEnd = segments.clauseEnd[clause] ?? text.length;
    const sentenceEnd = segments.sentenceEnd[segments.sentenceOfClause[clause] ?? 0] ?? text.length;
    const reach = cue.cue.reach ?? 20;
    switch (cue.cue.kind) {
      case 'concessive': {
        const adversative = nextAdversative[i] ?? null;
        const end = adversative !== null && adversative.start < sentenceEnd ? adversative.start : clauseEnd;
        mark(discount, cue.end, end);
        break;
      }
      case 'adversative': {
        const [from, to] = adversativeTarget(text, segments, cue);
        mark(discount, from, to);
        mark(boost, cue.end, sentenceEnd);
        break;
      }
      case 'recency':
        mark(boost, cue.end, sentenceEnd);
        break;
      case 'past':
        mark(past, cue.end, Math.min(clauseEnd, cue.end + reach));
        break;
      case 'hedge':
        mark(hedge, cue.end, Math.min(clauseEnd, cue.end + reach));
        break;
      case 'conditional':
        // From the cue's start: the condition may itself contain the distress word ("如逾期").
        mark(conditional, cue.start, Math.min(clauseEnd, cue.end + reach));
        break;
      case 'other_party':
        mark(otherParty, cue.end, Math.min(clauseEnd, cue.end + reach));
        break;
      case 'resolved': {
        const sentenceStart = segments.sentenceStart[segments.sentenceOfClause[clause] ?? 0] ?? 0;
        mark(resolved, Math.max(sentenceStart, cue.start - reach), cue.start);
        break;
      }
      default:
        break;
    }
  }
  for (const marks of [discount, boost, past, hedge, resolved, conditional, otherParty]) settle(marks);
  return { discount, boost, past, hedge, resolved, conditional, otherParty };
};

const sameClause = (segments: Segments, a: number, b: number) => segments.clauseOf[a] === segments.clauseOf[b];

/** True when a contrast or breaker cue sits in [from, to): it ends a negation's scope. */
const cutBetween = (cues: readonly CueMatch[], first: number, last: number, from: number, to: number) => {
  for (let k = first; k < last; k++) {
    const w = cues[k];
    if (w !== undefined && NEGATION_STOPPERS.has(w.cue.kind) && w.start >= from && w.start < to) return true;
  }
  return false;
};

/**
 * Negation before the match (same clause, within reach, not cut by a contrast), inside its gap, or
 * right after it. Only cues[first..last) (those near the match) are looked at.
 */
const isNegated = (
  signal: EntryMatch,
  cues: readonly CueMatch[],
  first: number,
  last: number,
  signalStarts: readonly number[],
  segments: Segments,
): boolean => {
  for (let k = first; k < last; k++) {
    const cue = cues[k];
    if (cue === undefined) continue;
    const reach = cue.cue.reach ?? 20;
    if (cue.cue.kind === 'negation') {
      if (cue.start >= signal.gapStart && cue.end <= signal.gapEnd && signal.gapStart < signal.gapEnd) return true;
      if (cue.end > signal.start || signal.start - cue.end > reach) continue;
      if (!sameClause(segments, cue.start, signal.start)) continue;
      if (!cutBetween(cues, first, last, cue.end, signal.start)) return true;
    } else if (cue.cue.kind === 'post_negation') {
      if (cue.start < signal.end || cue.start - signal.end > reach) continue;
      if (!sameClause(segments, signal.start, cue.start)) continue;
      // Only the nearest word before the post-negation is negated ("对价格不太敏感").
      const next = lastAtOrBefore(signalStarts, cue.start - 1);
      const between = next !== -1 && (signalStarts[next] ?? 0) >= signal.end;
      if (!between) return true;
    }
  }
  return false;
};

/** Resolves negation, contrast, recency, past, hedge and resolution scopes for every signal. */
export const applyScopes = (
  text: string,
  segments: Segments,
  signals: readonly EntryMatch[],
  cues: readonly CueMatch[],
): ScopedMatch[] => {
  const regions = buildRegions(text, segments, cues);
  const cueStarts = cues.map((c) => c.start);
  const signalStarts = signals.map((s) => s.start);
  return signals.map((match) => {
    const first = lastAtOrBefore(cueStarts, match.start - LOOK_BEHIND) + 1;
    const last = lastAtOrBefore(cueStarts, match.end + LOOK_AHEAD) + 1;
    const negated = isNegated(match, cues, first, last, signalStarts, segments);
    const at = match.start;
    const discounted = marked(regions.discount, at) || marked(regions.past, at);
    let factor = 1;
    if (marked(regions.discount, at)) factor *= MODIFIER_FACTORS.contrastDiscount;
    if (marked(regions.past, at)) factor *= MODIFIER_FACTORS.pastDiscount;
    if (marked(regions.boost, at)) factor *= MODIFIER_FACTORS.boost;
    if (marked(regions.hedge, at)) factor *= MODIFIER_FACTORS.hedge;
    if (match.entry.category === 'distress') {
      if (marked(regions.resolved, at)) factor *= MODIFIER_FACTORS.resolvedDistress;
      if (marked(regions.conditional, at)) factor *= MODIFIER_FACTORS.conditionalDistress;
      if (marked(regions.otherParty, at)) factor *= MODIFIER_FACTORS.otherPartyDistress;
    }
    return { match, negated, discounted, factor };
  });
};
