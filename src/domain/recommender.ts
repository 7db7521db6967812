import { bilingual } from './messages/messages.js';
import { findAction, type Playbook, typeProfile } from './playbook.js';
import type { PlaybookCondition } from './playbook-schema.js';
import type { Bilingual, EconomicCycle, RelationshipType, Signal } from './types.js';

/** One recommended playbook action, with why it applies to this client. */
export type Recommendation = { id: string; title: Bilingual; howTo: Bilingual; why: Bilingual };

export type RecommendationContext = {
  cycle: EconomicCycle;
  /** The client's type at its last logged decision, if any. */
  previousType?: RelationshipType | null;
  /** Action ids an LLM preferred; they move first among the primary type's actions. */
  preferredIds?: readonly string[];
  /**
   * The RM chose the type over the classifier's reading: its strategies rest on that choice, not on
   * matched words, which argued for another type (a "一笔" in "一笔利息逾期" is no reason to offer a
   * distressed client a fast standard process).
   */
  chosenByManager?: boolean;
};

/** The part of a classification the recommender reads (rules-only and hybrid results both fit). */
export type RecommendationInput = {
  type: RelationshipType;
  secondary: RelationshipType | null;
  confidence: number;
  signals: readonly Signal[];
};

export const MIN_RECOMMENDATIONS = 3;
export const MAX_RECOMMENDATIONS = 6;

const conditionHolds = (
  condition: PlaybookCondition,
  facts: { type: RelationshipType; cycle: EconomicCycle; typeChanged: boolean; confidence: number },
) =>
  (condition.types === undefined || condition.types.includes(facts.type)) &&
  (condition.cycle === undefined || condition.cycle === facts.cycle) &&
  (condition.typeChanged === undefined || condition.typeChanged === facts.typeChanged) &&
  (condition.maxConfidence === undefined || facts.confidence <= condition.maxConfidence);

const quote = (signal: Signal | undefined): Bilingual =>
  signal ? bilingual((m) => m.reasons.evidence(signal.text)) : { zh: '', en: '' };

const folded = (text: string) => text.normalize('NFKC').toLowerCase();

/**
 * The evidence that speaks for one action: a signal whose words the action's own text or
 * keywords share, else the strongest signal for the type (the reason the type, and so its
 * strategy, applies).
 */
export const relevantEvidence = (
  action: { title: Bilingual; howTo: Bilingual; keywords: readonly string[] },
  support: readonly Signal[],
): Signal | undefined => {
  const actionText = folded(`${action.title.zh} ${action.title.en} ${action.howTo.zh} ${action.howTo.en}`);
  const keywords = action.keywords.map(folded);
  const shares = (signal: Signal) => {
    const text = folded(signal.text);
    return actionText.includes(text) || keywords.some((k) => text.includes(k) || k.includes(text));
  };
  return support.find(shares) ?? support[0];
};

/**
 * A secondary type whose strategies would contradict the primary one: a client in distress gets
 * the workout, never growth or speed offers ("fast standard process").
 */
const secondaryFits = (primary: RelationshipType, secondary: RelationshipType): boolean =>
  primary !== 'problem_solving' && secondary !== primary;

/**
 * Picks 3 to 6 playbook actions for a classification, ordered: transition actions when the type
 * changed, then the primary type's strategies, then the cross-cutting practices whose conditions
 * hold (cycle, type change, low confidence), then the secondary type's first strategy.
 * Only ids that exist in the playbook are ever returned.
 */
export const recommendActions = (
  classification: RecommendationInput,
  playbook: Playbook,
  context: RecommendationContext,
): Recommendation[] => {
  const { type, secondary, confidence } = classification;
  const previousType = context.previousType ?? null;
  const typeChanged = previousType !== null && previousType !== type;
  const picked = new Map<string, Recommendation>();
  const add = (id: string, why: Bilingual) => {
    if (picked.has(id) || picked.size >= MAX_RECOMMENDATIONS) return;
    const action = findAction(playbook, id);
    if (action) picked.set(id, { id, title: action.title, howTo: action.howTo, why });
  };

  if (typeChanged) {
    const transitions = playbook.transitions
      .filter((tr) => tr.to === type && (tr.from === undefined || tr.from === previousType))
      // A transition naming its origin is more specific than a "from anywhere" one.
      .sort((a, b) => Number(b.from !== undefined) - Number(a.from !== undefined));
    for (const transition of transitions) for (const id of transition.actionIds) add(id, transition.why);
  }

  const primary = typeProfile(playbook, type);
  const preferred = new Set(context.preferredIds ?? []);
  const primaryActions = [...primary.actions].sort((a, b) => Number(preferred.has(b.id)) - Number(preferred.has(a.id)));
  // Each strategy cites a different piece of evidence where there is enough of it.
  const support = classification.signals
    .filter((s) => s.type === type && s.weight > 0 && !s.negated)
    .sort((a, b) => b.weight - a.weight);
  for (const action of primaryActions) {
    const evidence = context.chosenByManager
      ? bilingual((m) => m.reasons.chosen)
      : quote(relevantEvidence(action, support));
    add(
      action.id,
      bilingual((m, lang) => m.reasons.core(primary.shortName[lang], evidence[lang])),
    );
  }

  const facts = { type, cycle: context.cycle, typeChanged, confidence };
  for (const practice of playbook.practices) {
    if (practice.when.some((condition) => conditionHolds(condition, facts))) add(practice.id, practice.why);
  }

  if (secondary !== null && secondaryFits(type, secondary)) {
    const profile = typeProfile(playbook, secondary);
    const first = profile.actions[0];
    const secondarySupport = classification.signals.filter((s) => s.type === secondary && s.weight > 0 && !s.negated);
    const evidence = quote(first ? relevantEvidence(first, secondarySupport) : undefined);
    if (first) {
      add(
        first.id,
        bilingual((m, lang) => m.reasons.secondary(profile.shortName[lang], evidence[lang])),
      );
    }
  }

  // A bank's own playbook may give a type fewer strategies; never show fewer than three actions.
  for (const practice of playbook.practices) {
    if (picked.size >= MIN_RECOMMENDATIONS) break;
    add(practice.id, practice.why);
  }
  return [...picked.values()];
};
