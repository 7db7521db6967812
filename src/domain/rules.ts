import { DEFAULT_LEXICON } from './lexicon/index.js';
import { MISSING_FACTS, type MissingFactId } from './lexicon/missing-facts.js';
import type { Lexicon, LexiconEntry } from './lexicon/types.js';
import { bilingual } from './messages/messages.js';
import { segmentText } from './text/clauses.js';
import { compileMatcher } from './text/matcher.js';
import { type NormalizedText, normalizeText } from './text/normalize.js';
import { applyScopes, type ScopedMatch } from './text/scopes.js';
import { selectMatches } from './text/select.js';
import {
  type Bilingual,
  type Classification,
  type MissingFact,
  RELATIONSHIP_TYPES,
  type RelationshipType,
  type Signal,
  type SignalCategory,
} from './types.js';

/** Longest input classified; longer text is cut to its head and flagged `truncated`. */
export const MAX_INPUT_CHARS = 20_000;

/** Version of the scoring code; the lexicon version is appended to it in every result. */
const ENGINE_VERSION = 'rules-1.1.0';

/** Version string of the default classifier, logged with every decision. */
export const RULES_VERSION = `${ENGINE_VERSION}+${DEFAULT_LEXICON.version}`;

/** Shown to the RM when their text was cut to `MAX_INPUT_CHARS`. */
export const TRUNCATION_NOTICE: Bilingual = bilingual((m) => m.notices.inputTruncated(MAX_INPUT_CHARS));

/** Thresholds of the priority policy and of confidence; named so tests and reviewers can find them. */
export const RULES_POLICY = {
  /** Distress evidence at or above this makes `problem_solving` primary whatever else is said. */
  distressDominance: 2.5,
  /** Size/standing evidence at or above this makes price/speed talk a complaint, not a segment. */
  largeClient: 4,
  /** Large-client evidence plus repeat history at or above this also counts as a large repeat client. */
  largeRepeatClient: 5,
  /** Price/speed weight kept when the client is large (a complaint from a big client is not a segment). */
  largeClientPriceFactor: 0.3,
  /** Partnership loyalty/history weight kept when the client leaves or shops around for a cheaper rate. */
  switchingLoyaltyFactor: 0.3,
  /** Secondary type needs this share of the primary's score... */
  secondaryShare: 0.35,
  /**
   * ...or, when distress dominates, this share of the distress evidence alone: the secondary then says
   * who the client is beneath the crisis (a strategic client in distress).
   */
  secondaryShareUnderDistress: 0.25,
  /** ...and at least this absolute score. */
  secondaryFloor: 1.5,
  /**
   * Most a type can score when all of its evidence is weak words ("集团", "一笔", "fast", "brand"):
   * below any single specific signal, so a weak word never decides against one.
   */
  weakOnlyCap: 1.5,
  /** Evidence total at which confidence reaches half its margin-based value. */
  evidenceHalfPoint: 2.5,
  maxSignals: 64,
  maxMissing: 3,
} as const;

type Scored = { scoped: ScopedMatch; type: RelationshipType; weight: number };

const emptyScores = (): Record<RelationshipType, number> => ({
  strategic: 0,
  transactional: 0,
  partnership: 0,
  problem_solving: 0,
});

const round = (n: number) => Math.round(n * 1000) / 1000;

/** Cuts to the limit without splitting a surrogate pair. */
const headWithinLimit = (input: string): string => {
  if (input.length <= MAX_INPUT_CHARS) return input;
  const code = input.charCodeAt(MAX_INPUT_CHARS - 1);
  return input.slice(0, code >= 0xd800 && code <= 0xdbff ? MAX_INPUT_CHARS - 1 : MAX_INPUT_CHARS);
};

const hasEffect = (entry: LexiconEntry, effect: 'large_client' | 'contradicts_loyalty') =>
  entry.effects?.includes(effect) === true;

/** One weighted contribution per (type, entry): repeating a word does not repeat its evidence. */
const strongestPerEntry = (scored: readonly Scored[]): Scored[] => {
  const best = new Map<LexiconEntry, Scored>();
  const strongest: Scored[] = [];
  for (const type of RELATIONSHIP_TYPES) {
    best.clear();
    for (const s of scored) {
      if (s.type !== type || s.weight <= 0) continue;
      const current = best.get(s.scoped.match.entry);
      if (current === undefined || s.weight > current.weight) best.set(s.scoped.match.entry, s);
    }
    strongest.push(...best.values());
  }
  return strongest;
};

/** What the priority policy concluded about the client as a whole. */
type PolicyView = { isLarge: boolean; switching: boolean; distress: number };

/**
 * The priority policy, part 1: is this a large (repeat) client, so price/speed talk is a complaint
 * rather than a segment? Does the client leave for a cheaper rate, which contradicts loyalty?
 */
const viewOf = (contributions: readonly Scored[]): PolicyView => {
  let largeClient = 0;
  let repeatHistory = 0;
  let distress = 0;
  let stays = false;
  let leaves = false;
  for (const s of contributions) {
    const entry = s.scoped.match.entry;
    if (s.type === 'strategic' && hasEffect(entry, 'large_client')) largeClient += s.weight;
    if (s.type === 'strategic' && entry.category === 'history') repeatHistory += s.weight;
    if (s.type === 'problem_solving' && entry.category === 'distress') distress += s.weight;
    if (entry.id === 'loyalty.stays') stays = true;
    if (hasEffect(entry, 'contradicts_loyalty')) leaves = true;
  }
  return {
    isLarge: largeClient >= RULES_POLICY.largeClient || largeClient + repeatHistory >= RULES_POLICY.largeRepeatClient,
    // Saying the client stayed despite a cheaper offer outweighs a mention of other banks.
    switching: leaves && !stays,
    distress,
  };
};

/** The factor the policy applies to one contribution; also shown on the signal so evidence matches scores. */
const policyFactor = (view: PolicyView, type: RelationshipType, category: SignalCategory): number => {
  if (view.isLarge && type === 'transactional' && category === 'price_speed')
    return RULES_POLICY.largeClientPriceFactor;
  if (view.switching && type === 'partnership' && (category === 'loyalty' || category === 'history')) {
    return RULES_POLICY.switchingLoyaltyFactor;
  }
  return 1;
};

/** The priority policy, part 2: per-type scores, with non-negated distress dominating everything else. */
const scoreWithPolicy = (contributions: readonly Scored[], view: PolicyView) => {
  const scores = emptyScores();
  const specific = new Set<RelationshipType>();
  for (const s of contributions) {
    scores[s.type] += s.weight * policyFactor(view, s.type, s.scoped.match.entry.category);
    if (s.scoped.match.entry.weak !== true) specific.add(s.type);
  }
  // Per-type scale the cap applied, so the evidence shown on the card adds up to the score.
  const capFactor = { strategic: 1, transactional: 1, partnership: 1, problem_solving: 1 };
  for (const type of RELATIONSHIP_TYPES) {
    if (specific.has(type) || scores[type] <= RULES_POLICY.weakOnlyCap) continue;
    capFactor[type] = RULES_POLICY.weakOnlyCap / scores[type];
    scores[type] = RULES_POLICY.weakOnlyCap;
  }
  const dominant = view.distress >= RULES_POLICY.distressDominance;
  const rawDistress = scores.problem_solving;
  if (dominant) {
    const strongestOther = Math.max(scores.strategic, scores.transactional, scores.partnership);
    scores.problem_solving += strongestOther;
  }
  return { scores, dominant, rawDistress, capFactor };
};

const rank = (scores: Record<RelationshipType, number>): RelationshipType[] =>
  [...RELATIONSHIP_TYPES].sort(
    (a, b) => scores[b] - scores[a] || RELATIONSHIP_TYPES.indexOf(a) - RELATIONSHIP_TYPES.indexOf(b),
  );

/** Few signals or a close race both lower confidence. */
const confidenceOf = (top: number, second: number): number => {
  if (top <= 0) return 0;
  const margin = (top - second) / top;
  const support = top / (top + RULES_POLICY.evidenceHalfPoint);
  return round(Math.min(1, Math.max(0, support * (0.45 + 0.55 * margin))));
};

/** A type is in the race when it could become primary or secondary once the missing fact is known. */
const inRace = (scores: Record<RelationshipType, number>, primary: RelationshipType, type: RelationshipType) =>
  scores[primary] === 0 || (scores[type] > 0 && scores[type] >= scores[primary] * RULES_POLICY.secondaryShare);

/** The facts whose absence most changes the result, strongest first. */
const missingFacts = (
  known: ReadonlySet<SignalCategory>,
  ranked: readonly RelationshipType[],
  scores: Record<RelationshipType, number>,
  dominant: boolean,
): MissingFact[] => {
  const [primary = 'strategic', runnerUp = 'transactional'] = ranked;
  const close = scores[runnerUp] >= scores[primary] * 0.6;
  const candidates: Array<[MissingFactId, number]> = [];
  if (!known.has('distress')) candidates.push(['distress', 3]);
  else if (primary === 'problem_solving' && !dominant) candidates.push(['distress_actual', 3]);
  if (!known.has('segment')) candidates.push(['segment', close ? 2.4 : 1.6]);
  if (!known.has('price_speed') && inRace(scores, primary, 'transactional'))
    candidates.push(['price_sensitivity', 2.2]);
  if (!known.has('history') && primary !== 'problem_solving') candidates.push(['history', close ? 2.3 : 1.8]);
  if (!known.has('loyalty') && inRace(scores, primary, 'partnership')) candidates.push(['loyalty', 1.7]);
  return candidates
    .sort((a, b) => b[1] - a[1])
    .slice(0, RULES_POLICY.maxMissing)
    .map(([id]) => MISSING_FACTS[id]);
};

/** The evidence span of a contribution, mapped back to the (possibly truncated) original text. */
const toSignal = (s: Scored, text: string, normalized: NormalizedText): Signal => {
  const start = normalized.origStart[s.scoped.match.start] ?? 0;
  const end = normalized.origEnd[s.scoped.match.end - 1] ?? start;
  const signal: Signal = {
    id: s.scoped.match.entry.id,
    type: s.type,
    category: s.scoped.match.entry.category,
    weight: round(s.weight),
    text: text.slice(start, end),
    start,
    end,
  };
  if (s.scoped.negated) signal.negated = true;
  if (s.scoped.discounted) signal.discounted = true;
  return signal;
};

/**
 * A span counts for one type only. Spans that could support several types (a shared entry such as
 * "多年", or two entries on the same words) go to the type the rest of the text already points to;
 * ties go to the heavier weight, then to the type order.
 */
const oneTypePerSpan = (scored: readonly Scored[]): Scored[] => {
  const bySpan = new Map<number, Scored[]>();
  for (const s of scored) {
    const key = s.scoped.match.start * 0x100000 + s.scoped.match.end;
    const group = bySpan.get(key);
    if (group === undefined) bySpan.set(key, [s]);
    else group.push(s);
  }
  const context = emptyScores();
  for (const group of bySpan.values()) {
    const types = new Set(group.map((s) => s.type));
    if (types.size === 1) for (const s of group) context[s.type] += s.weight;
  }
  const kept: Scored[] = [];
  for (const group of bySpan.values()) {
    const types = new Set(group.map((s) => s.type));
    if (types.size === 1) {
      kept.push(...group);
      continue;
    }
    let best: Scored | undefined;
    for (const s of group) {
      if (
        best === undefined ||
        context[s.type] > context[best.type] ||
        (context[s.type] === context[best.type] &&
          (s.weight > best.weight ||
            (s.weight === best.weight && RELATIONSHIP_TYPES.indexOf(s.type) < RELATIONSHIP_TYPES.indexOf(best.type))))
      )
        best = s;
    }
    if (best !== undefined) kept.push(...group.filter((s) => s.type === best.type));
  }
  return kept;
};

/** What the classifier returns for one description; see `Classification`. */
export type RulesClassifier = (text: string) => Classification;

/**
 * Compiles `lexicon` once and returns a pure, deterministic classifier: no I/O, no LLM, no shared
 * state. Time is linear in the input length (inputs over `MAX_INPUT_CHARS` are truncated).
 */
export const createRulesClassifier = (lexicon: Lexicon = DEFAULT_LEXICON): RulesClassifier => {
  const matcher = compileMatcher(lexicon);
  const rulesVersion = `${ENGINE_VERSION}+${lexicon.version}`;
  return (rawInput) => {
    const input = typeof rawInput === 'string' ? rawInput : '';
    const text = headWithinLimit(input);
    const normalized = normalizeText(text);
    const segments = segmentText(normalized.text);
    const { signals, cues } = selectMatches(matcher.scan(normalized.text, segments));
    const scoped = applyScopes(normalized.text, segments, signals, cues);
    const candidates: Scored[] = [];
    const known = new Set<SignalCategory>();
    for (const s of scoped) {
      known.add(s.match.entry.category);
      for (const type of RELATIONSHIP_TYPES) {
        const base = s.match.entry.weights[type];
        if (base === undefined || base <= 0) continue;
        candidates.push({ scoped: s, type, weight: s.negated ? 0 : base * s.factor });
      }
    }
    const scored = oneTypePerSpan(candidates);
    const contributions = strongestPerEntry(scored);
    const view = viewOf(contributions);
    const { scores, dominant, rawDistress, capFactor } = scoreWithPolicy(contributions, view);
    for (const s of scored) s.weight *= policyFactor(view, s.type, s.scoped.match.entry.category) * capFactor[s.type];
    const ranked = rank(scores);
    const [primary = 'strategic', runnerUp = 'transactional'] = ranked;
    const top = scores[primary];
    const second = scores[runnerUp];
    const secondaryBar = dominant
      ? rawDistress * RULES_POLICY.secondaryShareUnderDistress
      : top * RULES_POLICY.secondaryShare;
    const secondary = second >= RULES_POLICY.secondaryFloor && second >= secondaryBar ? runnerUp : null;
    const orderedSignals = [...scored]
      .sort((a, b) => b.weight - a.weight || a.scoped.match.start - b.scoped.match.start)
      .slice(0, RULES_POLICY.maxSignals)
      .map((s) => toSignal(s, text, normalized));
    const roundedScores = emptyScores();
    for (const type of RELATIONSHIP_TYPES) roundedScores[type] = round(scores[type]);
    return {
      type: primary,
      confidence: confidenceOf(top, second),
      secondary,
      scores: roundedScores,
      signals: orderedSignals,
      missing: missingFacts(known, ranked, scores, dominant),
      truncated: text.length < input.length,
      inputLength: input.length,
      rulesVersion,
    };
  };
};

/** Lazily compiled default classifier: compiling once is an optimization, not state that changes results. */
const makeDefaultClassifier = () => {
  let compiled: RulesClassifier | null = null;
  return (text: string): Classification => {
    compiled ??= createRulesClassifier(DEFAULT_LEXICON);
    return compiled(text);
  };
};

/**
 * Classifies an RM's free-text description (zh, en or mixed) with the default lexicon.
 * Never throws: any string, however odd, gets a valid `Classification`.
 */
export const classifyWithRules: RulesClassifier = makeDefaultClassifier();
