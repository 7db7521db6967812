import type { CueKind } from '../lexicon/types.js';
import type { Segments } from './clauses.js';
import { type CueMatch, type EntryMatch, lastAtOrBefore } from './select.js';

/** How much each modifier scales a signal's weight. */
export const MODIFIER_FACTORS = {
  contrastDiscount: 0.5,
  mainClauseBoost: 1.25,
  recencyBoost: 1.25,
  pastDiscount: 0.5,
  hedge: 0.7,
  resolvedDistress: 0.3,
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

/** Interval marks via a difference array: O(1) per region, one prefix-sum pass at the end. */
const makeMarks = (length: number) => {
  const diff = new Int32Array(length + 2);
  return {
    mark(from: number, to: number) {
      if (to <= from) return;
      diff[Math.max(0, from)] = (diff[Math.max(0, from)] ?? 0) + 1;
      diff[Math.min(length, to)] = (diff[Math.min(length, to)] ?? 0) - 1;
    },
    /** Turns the differences into counts; call once, then read with `at`. */
    settle() {
      for (let i = 1; i < diff.length; i++) diff[i] = (diff[i] ?? 0) + (diff[i - 1] ?? 0);
    },
    at: (i: number) => (diff[i] ?? 0) > 0,
  };
};

const clauseIndex = (segments: Segments, at: number) => segments.clauseOf[at] ?? segments.clauseStart.length - 1;

/** The part of the text an adversative ("但", "but") turns away from. */
const adversativeTarget = (text: string, segments: Segments, cue: CueMatch): [number, number] => {
  const clause = clauseIndex(segments, cue.start);
  const sentence = segments.sentenceOfClause[clause] ?? 0;
  const sentenceStart = segments.sentenceStart[sentence] ?? 0;
  const clauseStart = segments.clauseStart[clause] ?? 0;
  const leadsFrom = (from: number) => cue.start - from <= 3 && text.slice(from, cue.start).trim() === '';
  if (leadsFrom(sentenceStart)) {
    return sentence > 0 ? [segments.sentenceStart[sentence - 1] ?? 0, segments.sentenceEnd[sentence - 1] ?? 0] : [0, 0];
  }
  if (leadsFrom(clauseStart) && clause > 0) return [segments.clauseStart[clause - 1] ?? 0, segments.clauseEnd[clause - 1] ?? 0];
  return [clauseStart, cue.start];
};

const buildRegions = (text: string, segments: Segments, cues: readonly CueMatch[]) => {
  const discount = makeMarks(text.length);
  const boost = makeMarks(text.length);
  const past = makeMarks(text.length);
  const hedge = makeMarks(text.length);
  const resolved = makeMarks(text.length);
  // Next adversative at or after each cue, so a concessive finds its "但" in O(1).
  const nextAdversative: Array<CueMatch | null> = new Array(cues.length).fill(null);
  for (let i = cues.length - 1, next: CueMatch | null = null; i >= 0; i--) {
    const cue = cues[i];
    if (cue?.cue.kind === 'adversative') next = cue;
    nextAdversative[i] = next;
  }
  cues.forEach((cue, i) => {
    const clause = clauseIndex(segments, cue.start);
    const clauseEnd = segments.clauseEnd[clause] ?? text.length;
    const sentenceEnd = segments.sentenceEnd[segments.sentenceOfClause[clause] ?? 0] ?? text.length;
    const reach = cue.cue.reach ?? 20;
    switch (cue.cue.kind) {
      case 'concessive': {
        const adversative = nextAdversative[i] ?? null;
        const end = adversative !== null && adversative.start < sentenceEnd ? adversative.start : clauseEnd;
        discount.mark(cue.end, end);
        break;
      }
      case 'adversative': {
        const [from, to] = adversativeTarget(text, segments, cue);
        discount.mark(from, to);
        boost.mark(cue.end, sentenceEnd);
        break;
      }
      case 'recency':
        boost.mark(cue.end, sentenceEnd);
        break;
      case 'past':
        past.mark(cue.end, Math.min(clauseEnd, cue.end + reach));
        break;
      case 'hedge':
        hedge.mark(cue.end, Math.min(clauseEnd, cue.end + reach));
        break;
      case 'resolved': {
        const sentenceStart = segments.sentenceStart[segments.sentenceOfClause[clause] ?? 0] ?? 0;
        resolved.mark(Math.max(sentenceStart, cue.start - reach), cue.start);
        break;
      }
      default:
        break;
    }
  });
  for (const marks of [discount, boost, past, hedge, resolved]) marks.settle();
  return { discount, boost, past, hedge, resolved };
};

const sameClause = (segments: Segments, a: number, b: number) => segments.clauseOf[a] === segments.clauseOf[b];

/** Negation before the match (same clause, within reach, not cut by a contrast), inside its gap, or right after it. */
const isNegated = (
  signal: EntryMatch,
  window: readonly CueMatch[],
  signalStarts: readonly number[],
  segments: Segments,
): boolean => {
  for (const cue of window) {
    const reach = cue.cue.reach ?? 20;
    if (cue.cue.kind === 'negation') {
      if (cue.start >= signal.gapStart && cue.end <= signal.gapEnd && signal.gapStart < signal.gapEnd) return true;
      if (cue.end > signal.start || signal.start - cue.end > reach) continue;
      if (!sameClause(segments, cue.start, signal.start)) continue;
      const cut = window.some((w) => NEGATION_STOPPERS.has(w.cue.kind) && w.start >= cue.end && w.start < signal.start);
      if (!cut) return true;
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
    const window: CueMatch[] = [];
    for (let i = first; i < cues.length; i++) {
      const cue = cues[i];
      if (cue === undefined || cue.start > match.end + LOOK_AHEAD) break;
      window.push(cue);
    }
    const negated = isNegated(match, window, signalStarts, segments);
    const at = match.start;
    const discounted = regions.discount.at(at) || regions.past.at(at);
    let factor = 1;
    if (regions.discount.at(at)) factor *= MODIFIER_FACTORS.contrastDiscount;
    if (regions.past.at(at)) factor *= MODIFIER_FACTORS.pastDiscount;
    if (regions.boost.at(at)) factor *= MODIFIER_FACTORS.mainClauseBoost;
    if (regions.hedge.at(at)) factor *= MODIFIER_FACTORS.hedge;
    if (regions.resolved.at(at) && match.entry.category === 'distress') factor *= MODIFIER_FACTORS.resolvedDistress;
    return { match, negated, discounted, factor };
  });
};
