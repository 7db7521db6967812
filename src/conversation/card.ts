import { z } from 'zod';
import type { Recommendation } from '../domain/recommender.js';
import { RELATIONSHIP_TYPES, SIGNAL_CATEGORIES } from '../domain/types.js';

const bilingual = z.object({ zh: z.string(), en: z.string() });
const relationshipType = z.enum(RELATIONSHIP_TYPES);

const signalSchema = z.object({
  id: z.string(),
  type: relationshipType,
  category: z.enum(SIGNAL_CATEGORIES),
  weight: z.number(),
  text: z.string(),
  start: z.number(),
  end: z.number(),
  negated: z.boolean().exactOptional(),
  discounted: z.boolean().exactOptional(),
});

export const decisionStampSchema = z.object({
  id: z.string(),
  userId: z.string(),
  type: relationshipType,
  source: z.enum(['rules', 'hybrid', 'manager_override']),
  reason: z.string().nullable(),
  at: z.string(),
});

/**
 * Everything a classification card shows, stored with the thread so any button (Confirm,
 * Change type, Share, Full playbook) can rebuild the card and log exactly what the RM saw,
 * across restarts and instances. Parsed with zod because it comes back from the store.
 */
export const cardViewSchema = z.object({
  id: z.string(),
  threadKey: z.string(),
  lang: z.enum(['zh', 'en']),
  clientName: z.string().nullable(),
  /** `named` from the text or the RM; `anonymized` ("某城投平台") and `unnamed` get a per-thread id. */
  clientKind: z.enum(['named', 'anonymized', 'unnamed']).default('named'),
  /** Null when the description carries no real signal: the card offers the four types instead. */
  type: relationshipType.nullable(),
  secondary: relationshipType.nullable(),
  confidence: z.number(),
  /** The confidence before calibration, when it was calibrated (absent on older cards). */
  rawConfidence: z.number().exactOptional(),
  source: z.enum(['rules', 'hybrid']),
  rulesType: relationshipType,
  signals: z.array(signalSchema),
  llm: z.object({ type: relationshipType, confidence: z.number(), rationale: z.string() }).nullable(),
  agreement: z.enum(['agree', 'disagree']).nullable(),
  notices: z.array(bilingual),
  recommendations: z.array(z.object({ id: z.string(), title: bilingual, why: bilingual })),
  versions: z.object({
    playbook: z.string(),
    rules: z.string(),
    prompt: z.string().nullable(),
    model: z.string().nullable(),
    teamModel: z.string().nullable().exactOptional(),
  }),
  /** The team model's part (absent on cards stored before it existed). */
  team: z
    .object({
      type: relationshipType,
      confidence: z.number(),
      weight: z.number(),
      decisions: z.number(),
      version: z.string(),
      changed: z.boolean(),
      guarded: z.boolean(),
      similar: z.array(
        z.object({ decisionId: z.string(), clientName: z.string(), type: relationshipType, date: z.string() }),
      ),
    })
    .nullable()
    .exactOptional(),
  /** The facts that would decide the type (shown when there is not enough information). */
  deciding: z.array(bilingual).default([]),
  description: z.string(),
  createdAt: z.string(),
  decision: decisionStampSchema.nullable(),
  /** What the classifier said before the RM changed the type. */
  was: z
    .object({ type: relationshipType.nullable(), source: z.enum(['rules', 'hybrid']), confidence: z.number() })
    .nullable()
    .default(null),
  /** Every decision logged on this card, oldest first (a confirm, then a correction). */
  decisionIds: z.array(z.string()).default([]),
  /** Copies posted to channels; sharing makes the card's decisions team-visible. */
  shares: z.array(z.object({ channel: z.string(), ts: z.string(), by: z.string().default('') })).default([]),
});

export type CardView = z.infer<typeof cardViewSchema>;
export type DecisionStamp = z.infer<typeof decisionStampSchema>;
export type CardRecommendation = Pick<Recommendation, 'id' | 'title' | 'why'>;

/** How many cards a thread keeps (a long thread re-classifies; older cards expire). */
export const MAX_CARDS_PER_THREAD = 5;

/** Reads a stored card, or undefined when it is missing or not in the expected shape. */
export const parseCard = (value: unknown): CardView | undefined => {
  const parsed = cardViewSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
};
