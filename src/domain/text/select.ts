import type { LexiconEntry } from '../lexicon/types.js';
import type { TermMatch } from './matcher.js';

/** A signal match with its entry known. */
export type EntryMatch = TermMatch & { entry: LexiconEntry };
/** A cue match with its cue known. */
export type CueMatch = TermMatch & { cue: NonNullable<TermMatch['cue']> };

const byStartThenLongest = (a: TermMatch, b: TermMatch) => a.start - b.start || b.end - a.end;

/**
 * Leftmost-longest selection: a match inside a longer gap-free match is dropped ("违约" inside "债务违约"),
 * while matches inside the gap of a gapped term stay (they are separate words).
 * Equal spans from different entries are all kept; exact duplicates are not.
 */
const dropContained = <T extends TermMatch>(matches: T[], sameSource: (a: T, b: T) => boolean): T[] => {
  matches.sort(byStartThenLongest);
  const kept: T[] = [];
  let coverStart = -1;
  let coverEnd = -1;
  for (const m of matches) {
    if (m.end <= coverEnd && !(m.start === coverStart && m.end === coverEnd)) continue;
    // Exact duplicates (one concept listing two spellings that fold alike) sit next to each other.
    let duplicate = false;
    for (let k = kept.length - 1; k >= 0; k--) {
      const other = kept[k];
      if (other === undefined || other.start !== m.start) break;
      if (other.end === m.end && sameSource(other, m)) duplicate = true;
    }
    if (duplicate) continue;
    kept.push(m);
    if (m.gapStart === m.gapEnd && m.end > coverEnd) {
      coverStart = m.start;
      coverEnd = m.end;
    }
  }
  return kept;
};

/** Spans covered by the literal words of the kept signals (not their gaps), sorted, with running max end. */
const solidSpans = (signals: readonly EntryMatch[]) => {
  const spans: Array<[number, number]> = [];
  for (const s of signals) {
    if (s.entry.negationScopesForward === true) continue;
    if (s.gapStart === s.gapEnd) spans.push([s.start, s.end]);
    else spans.push([s.start, s.gapStart], [s.gapEnd, s.end]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  const starts = spans.map((s) => s[0]);
  const maxEnd: number[] = [];
  let running = -1;
  for (const s of spans) {
    running = Math.max(running, s[1]);
    maxEnd.push(running);
  }
  return { starts, maxEnd };
};

/** Index of the last element of sorted `values` that is <= `target`, or -1. */
export const lastAtOrBefore = (values: readonly number[], target: number): number => {
  let lo = 0;
  let hi = values.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((values[mid] ?? 0) <= target) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
};

/**
 * Splits raw matches into signals and effective cues. A cue that is part of a signal's words is
 * absorbed ("没有" in "没有按时支付" is the distress itself, not a negation of what follows), except
 * post-negations and other-party cues. Inert cues only block shorter cues.
 */
export const selectMatches = (matches: readonly TermMatch[]): { signals: EntryMatch[]; cues: CueMatch[] } => {
  const rawSignals: EntryMatch[] = [];
  const rawCues: CueMatch[] = [];
  for (const m of matches) {
    if (m.entry !== null) rawSignals.push(m as EntryMatch);
    else if (m.cue !== null) rawCues.push(m as CueMatch);
  }
  const signals = dropContained(rawSignals, (a, b) => a.entry === b.entry);
  const { starts, maxEnd } = solidSpans(signals);
  const cues: CueMatch[] = [];
  for (const c of dropContained(rawCues, (a, b) => a.cue === b.cue)) {
    if (c.cue.kind === 'inert') continue;
    // Post-negations speak about the word before them; another party stays another party even when its
    // name is also a signal ("competitor").
    if (c.cue.kind !== 'post_negation' && c.cue.kind !== 'other_party') {
      const i = lastAtOrBefore(starts, c.start);
      if (i !== -1 && (maxEnd[i] ?? -1) >= c.end) continue;
    }
    cues.push(c);
  }
  return { signals, cues };
};
