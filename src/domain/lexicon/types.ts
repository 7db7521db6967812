import type { RelationshipType, SignalCategory } from '../types.js';

/**
 * What an entry does beyond adding weight, applied by the classifier's priority policy.
 * - `contradicts_loyalty`: the client leaves or shops around, so loyalty/affinity evidence is weakened.
 * - `large_client`: evidence of size or standing, which makes price/speed complaints weak evidence.
 */
export type LexiconEffect = 'contradicts_loyalty' | 'large_client';

/**
 * One concept of the signal lexicon. Terms are matched case- and width-insensitively.
 * Term syntax: plain words; a trailing `*` accepts any word ending in ASCII ("breach*");
 * `…` between two parts accepts a short gap inside the same clause ("工资…发不出").
 * ASCII terms match whole words (a plural `s` is accepted); CJK terms match anywhere.
 */
export type LexiconEntry = {
  /** Stable id, `<category>.<concept>`, shown as evidence and logged. */
  id: string;
  category: SignalCategory;
  /** Weight per type this concept supports (1 weak, 2 clear, 3 decisive). */
  weights: Partial<Record<RelationshipType, number>>;
  terms: readonly string[];
  effects?: readonly LexiconEffect[];
  /**
   * A common word that points at a type without saying much on its own ("集团", "一笔", "利息", "fast",
   * "brand"). A type backed only by weak entries is capped (`RULES_POLICY.weakOnlyCap`), so one weak
   * word never decides a type against specific signals.
   */
  weak?: boolean;
  /**
   * The phrase opens with a negation that goes on to scope over what follows ("not interested in
   * wealth products"), so its cue is not absorbed into the phrase.
   */
  negationScopesForward?: boolean;
};

/**
 * Cue kinds that modify nearby signals instead of carrying weight.
 * - `negation` scopes forward over a match in the same clause; `post_negation` ("不太在意", "barely comes up")
 *   negates the match just before it.
 * - `concessive` (虽然, although) discounts its own clause; `adversative` (但, but) discounts what came
 *   before it in the sentence and boosts what follows.
 * - `recency` (最近, now) boosts the rest of the sentence; `past` (曾经, used to) discounts the rest of the clause.
 * - `hedge` (担心, worried) weakens the rest of the clause; `resolved` (已结清, repaid) weakens the distress before it.
 * - `inert` words look like cues but are not ("不仅", "not only", "无法"); the longest cue at a position wins.
 * - `breaker` ends a negation scope without being a contrast ("and want").
 * - `conditional` (如逾期, if you pay late) puts the distress after it in a product's terms, not the client's state.
 * - `other_party` (供应商, a competitor) makes the distress after it someone else's trouble.
 */
export type CueKind =
  | 'negation'
  | 'post_negation'
  | 'concessive'
  | 'adversative'
  | 'recency'
  | 'past'
  | 'hedge'
  | 'resolved'
  | 'inert'
  | 'breaker'
  | 'conditional'
  | 'other_party';

export type CueEntry = {
  id: string;
  kind: CueKind;
  terms: readonly string[];
  /** How many normalized characters the cue reaches (negation, hedge, past, resolved). */
  reach?: number;
};

export type Lexicon = {
  version: string;
  entries: readonly LexiconEntry[];
  cues: readonly CueEntry[];
};
