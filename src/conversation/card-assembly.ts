import { DEFAULT_LEXICON } from '../domain/lexicon/index.js';
import type { Playbook } from '../domain/playbook.js';
import { type Recommendation, type RecommendationContext, recommendActions } from '../domain/recommender.js';
import type {
  Bilingual,
  EconomicCycle,
  HybridClassification,
  Lang,
  RelationshipType,
  Signal,
} from '../domain/types.js';
import type { CardView } from './card.js';
import { hasNoSignal } from './follow-up-policy.js';

/** Evidence kept with a card for "Show all evidence"; the card itself shows the first few. */
const MAX_KEPT_SIGNALS = 30;

const overlaps = (a: Signal, b: Signal) => a.start < b.end && b.start < a.end;

/** Lexicon entries that are common words ("一笔", "利息", "集团"): they lean one way without saying much. */
const WEAK_ENTRY_IDS: ReadonlySet<string> = new Set(
  DEFAULT_LEXICON.entries.filter((entry) => entry.weak === true).map((entry) => entry.id),
);

const isCurrentDistress = (s: Signal) => s.type === 'problem_solving' && s.weight > 0 && !s.negated && !s.discounted;

/**
 * On a card that is problem_solving because of current distress, the other types backed only by
 * weak words ("还了一笔利息" is not a transactional client): their matches are background.
 */
const backgroundTypes = (signals: readonly Signal[], primary: RelationshipType | null): Set<RelationshipType> => {
  if (primary !== 'problem_solving' || !signals.some(isCurrentDistress)) return new Set();
  const specific = new Set(signals.filter((s) => !s.negated && !WEAK_ENTRY_IDS.has(s.id)).map((s) => s.type));
  return new Set(signals.filter((s) => s.type !== primary && !specific.has(s.type)).map((s) => s.type));
};

/**
 * The evidence an RM reads: strongest first, each phrase once, and one span never counted for two
 * types (the type the card shows keeps it, else the heavier reading). Background matches (see
 * {@link backgroundTypes}) come after every other match, negated matches last.
 */
export const rankEvidence = (signals: readonly Signal[], primary: RelationshipType | null): Signal[] => {
  const background = backgroundTypes(signals, primary);
  const tier = (s: Signal) => (s.negated ? 0 : background.has(s.type) ? 1 : 2);
  const strength = (s: Signal) => (s.negated ? -1 : s.weight) + (s.type === primary ? 0.001 : 0);
  const ordered = [...signals].sort((a, b) => tier(b) - tier(a) || strength(b) - strength(a));
  const kept: Signal[] = [];
  const phrases = new Set<string>();
  for (const signal of ordered) {
    const phrase = signal.text.normalize('NFKC').toLowerCase().trim();
    if (phrases.has(phrase) || kept.some((k) => overlaps(k, signal))) continue;
    phrases.add(phrase);
    kept.push(signal);
  }
  return kept.slice(0, MAX_KEPT_SIGNALS);
};

export type CardContext = {
  id: string;
  threadKey: string;
  lang: Lang;
  clientName: string;
  clientKind: CardView['clientKind'];
  description: string;
  playbookVersion: string;
  createdAt: string;
};

export type RecommendationFacts = { cycle: EconomicCycle; previousType: RelationshipType | null };

const pickFields = (recommendations: Recommendation[]): CardView['recommendations'] =>
  recommendations.map(({ id, title, why }) => ({ id, title, why }));

/** The four types' strategies for a card's evidence, as the recommender picks them for `type`. */
export const recommendFor = (
  type: RelationshipType,
  c: Pick<CardView, 'secondary' | 'confidence' | 'signals'>,
  playbook: Playbook,
  facts: RecommendationFacts & Pick<RecommendationContext, 'preferredIds' | 'chosenByManager'>,
): CardView['recommendations'] =>
  pickFields(
    recommendActions({ type, secondary: c.secondary, confidence: c.confidence, signals: c.signals }, playbook, facts),
  );

/**
 * A classification as a card. With no real signal there is no type: the card says so, lists the
 * facts that would decide it and recommends nothing.
 */
export const assembleCard = (
  c: HybridClassification,
  context: CardContext,
  playbook: Playbook,
  facts: RecommendationFacts,
): CardView => {
  const undecided = hasNoSignal(c);
  const type = undecided ? null : c.type;
  const signals = rankEvidence(c.signals, type);
  const deciding: Bilingual[] = undecided ? c.missing.map((m) => m.question) : [];
  const secondary = undecided ? null : c.secondary;
  const recommendations =
    type === null
      ? []
      : recommendFor(type, { secondary, confidence: c.confidence, signals }, playbook, {
          ...facts,
          preferredIds: c.llm?.actionIds ?? [],
        });
  const { playbookVersion, ...rest } = context;
  return {
    ...rest,
    type,
    secondary,
    confidence: undecided ? 0 : c.confidence,
    ...(c.rawConfidence === undefined || undecided ? {} : { rawConfidence: c.rawConfidence }),
    source: c.source,
    rulesType: c.rules.type,
    signals,
    llm: c.llm ? { type: c.llm.type, confidence: c.llm.confidence, rationale: c.llm.rationale } : null,
    agreement: c.agreement,
    notices: c.notices,
    recommendations,
    versions: { playbook: playbookVersion, ...c.versions },
    team: c.team ?? null,
    deciding,
    decision: null,
    was: null,
    decisionIds: [],
    shares: [],
  };
};

/**
 * The card redrawn as the type the RM chose: that type's actions from the recommender, and what
 * the classifier had said kept in `was` (once: a second change keeps the first reading).
 */
export const redrawAs = (
  card: CardView,
  type: RelationshipType,
  playbook: Playbook,
  facts: RecommendationFacts,
): CardView => {
  const secondary = card.secondary === type ? null : card.secondary;
  return {
    ...card,
    type,
    secondary,
    was: card.was ?? { type: card.type, source: card.source, confidence: card.confidence },
    recommendations: recommendFor(type, { ...card, secondary }, playbook, { ...facts, chosenByManager: true }),
  };
};
