import { z } from 'zod';
import { actionIds, type Playbook } from '../domain/playbook.js';
import type { ClientProfile, ProfileFact } from '../domain/profile.js';
import { RELATIONSHIP_TYPES } from '../domain/types.js';
import type { LlmAssessment } from './port.js';
import { MODEL_TEXT_LIMITS, sanitizeModelText } from './sanitize.js';

/** Kinds of profile facts the model extracts; single kinds keep their first fact, list kinds accumulate. */
export const FACT_KINDS = ['segment', 'size', 'rating', 'history', 'need', 'priority', 'distress', 'loyalty'] as const;
type FactKind = (typeof FACT_KINDS)[number];

const LIST_KIND = { need: 'needs', priority: 'priorities', distress: 'distress', loyalty: 'loyalty' } as const;
const isListKind = (kind: FactKind): kind is keyof typeof LIST_KIND => kind in LIST_KIND;

/**
 * The output schema of the one call per turn. It is the only channel back from the model:
 * structured outputs (`json_schema`, strict) where the endpoint supports it, otherwise JSON mode
 * parsed with the same schema. Strict mode wants every key present, so "absent" is `null`.
 * Action ids are an enum of the playbook's ids, so the model cannot invent actions.
 */
export const buildAssessmentSchema = (playbook: Playbook) => {
  const ids = actionIds(playbook);
  const first = ids[0];
  // The playbook schema guarantees at least one action per type; this keeps the enum well-typed.
  if (first === undefined) throw new Error('playbook has no actions');
  const type = z.enum(RELATIONSHIP_TYPES);
  // One flat list of facts keeps the JSON schema (sent with every call) small.
  return z.object({
    clientName: z.string().nullable(),
    facts: z.array(z.object({ kind: z.enum(FACT_KINDS), value: z.string(), quote: z.string() })),
    evidence: z.array(z.string()).describe('verbatim spans supporting the type'),
    counterEvidence: z.array(z.string()).describe('verbatim spans showing apparent distress is resolved or untrue'),
    type,
    confidence: z.number().describe('0 to 1'),
    secondary: type.nullable(),
    rationale: z.string(),
    followUp: z.string().nullable().describe('one question for the most important missing fact, or null'),
    actionIds: z.array(z.enum([first, ...ids.slice(1)])),
  });
};

export type AssessmentSchema = ReturnType<typeof buildAssessmentSchema>;
export type RawAssessment = z.output<AssessmentSchema>;

const MAX_FACTS = 24;
const MAX_QUOTES = 8;
const MAX_ACTIONS = 6;

const cleanFact = (f: { value: string; quote: string }): ProfileFact => ({
  value: sanitizeModelText(f.value, MODEL_TEXT_LIMITS.value),
  quote: sanitizeModelText(f.quote, MODEL_TEXT_LIMITS.quote),
});
const cleanQuotes = (quotes: string[]) =>
  quotes
    .slice(0, MAX_QUOTES)
    .map((q) => sanitizeModelText(q, MODEL_TEXT_LIMITS.quote))
    .filter((q) => q !== '');
const orNull = (s: string | null, max: number) => {
  if (s === null) return null;
  const cleaned = sanitizeModelText(s, max);
  return cleaned === '' ? null : cleaned;
};

/** Turns validated model output into the domain's assessment: every string sanitized and capped. */
export const toAssessment = (raw: RawAssessment): LlmAssessment => {
  const profile: ClientProfile = { needs: [], priorities: [], distress: [], loyalty: [] };
  const clientName = orNull(raw.clientName, MODEL_TEXT_LIMITS.name);
  if (clientName !== null) profile.clientName = clientName;
  for (const rawFact of raw.facts.slice(0, MAX_FACTS)) {
    const fact = cleanFact(rawFact);
    if (fact.value === '') continue;
    if (isListKind(rawFact.kind)) profile[LIST_KIND[rawFact.kind]].push(fact);
    else profile[rawFact.kind] ??= fact;
  }
  const confidence = Number.isFinite(raw.confidence) ? Math.min(1, Math.max(0, raw.confidence)) : 0;
  return {
    profile,
    opinion: {
      type: raw.type,
      confidence,
      secondary: raw.secondary === raw.type ? null : raw.secondary,
      rationale: sanitizeModelText(raw.rationale, MODEL_TEXT_LIMITS.rationale),
      evidence: cleanQuotes(raw.evidence),
      actionIds: [...new Set(raw.actionIds)].slice(0, MAX_ACTIONS),
      followUp: orNull(raw.followUp, MODEL_TEXT_LIMITS.followUp),
    },
    counterEvidence: cleanQuotes(raw.counterEvidence),
  };
};
