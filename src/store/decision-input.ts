import { z } from 'zod';
import { normalizeClientId } from '../domain/client-id.js';
import { stripInvisible } from '../domain/text/normalize.js';
import { RELATIONSHIP_TYPES } from '../domain/types.js';
import type { Decision, NewDecision, Redact } from './ports.js';
import { StoreError } from './ports.js';

const type = z.enum(RELATIONSHIP_TYPES);
const shortText = z.string().trim().min(1).max(500);

const signal = z.object({
  id: z.string(),
  type,
  category: z.enum(['segment', 'rating', 'history', 'needs', 'price_speed', 'loyalty', 'distress']),
  weight: z.number().finite(),
  text: z.string().max(2_000),
  start: z.number().int(),
  end: z.number().int(),
  negated: z.boolean().optional(),
  discounted: z.boolean().optional(),
});

/** What the store accepts; anything else is `store_invalid` before it touches a backend. */
const newDecisionSchema = z
  .object({
    idempotencyKey: shortText,
    clientName: z.string().trim().min(1).max(300),
    type,
    secondary: type.nullable(),
    confidence: z.number().min(0).max(1),
    rawConfidence: z.number().min(0).max(1).optional(),
    source: z.enum(['rules', 'hybrid', 'manager_override']),
    suggestedType: type,
    evidence: z.array(signal).max(200),
    llmRationale: z.string().max(20_000).nullable(),
    recommendedActionIds: z.array(z.string().max(200)).max(100),
    keptActionIds: z.array(z.string().max(200)).max(100),
    reason: z.string().max(5_000).nullable(),
    description: z.string().max(50_000),
    userId: shortText,
    teamId: shortText,
    channelId: z.string().max(100).nullable(),
    threadTs: z.string().max(100).nullable(),
    visibility: z.enum(['team', 'private']),
    versions: z.object({
      playbook: z.string().max(100),
      rules: z.string().max(100),
      prompt: z.string().max(100).nullable(),
      model: z.string().max(200).nullable(),
      teamModel: z.string().max(100).nullable().optional(),
    }),
  })
  .superRefine((d, ctx) => {
    if (d.source === 'manager_override' && (d.reason === null || d.reason.trim() === '')) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'an override needs a reason' });
    }
  });

/** A decision as a backend writes it: everything but `supersedes`, which the backend sets atomically. */
export type PreparedDecision = Omit<Decision, 'supersedes' | 'transition'>;

/**
 * Validates a decision, derives its client id and redacts the free text (description, reason,
 * rationale) so nothing raw is ever written. Throws `store_invalid` naming the first bad field.
 */
export const prepareDecision = (
  input: NewDecision,
  deps: { redact: Redact; newId: () => string; now: () => Date },
): PreparedDecision => {
  const parsed = newDecisionSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || 'decision';
    throw new StoreError('store_invalid', `${field}: ${issue?.message ?? 'invalid'}`);
  }
  const clientId = normalizeClientId(input.clientName);
  if (clientId === '') throw new StoreError('store_invalid', 'clientName: has no letters or digits');
  return {
    ...input,
    clientName: stripInvisible(input.clientName).trim(),
    description: deps.redact(input.description),
    reason: input.reason === null ? null : deps.redact(input.reason),
    llmRationale: input.llmRationale === null ? null : deps.redact(input.llmRationale),
    id: deps.newId(),
    clientId,
    createdAt: deps.now().toISOString(),
  };
};

/** Rebuilds a stored decision; `body` is the JSON of a {@link PreparedDecision}. */
export const decisionFromRow = (body: string, supersedes: string | null): Decision => ({
  ...(JSON.parse(body) as PreparedDecision),
  supersedes,
});

/** A stored decision's body with an amendment applied (see DecisionLog.amend). */
export const amendedBody = (decision: Decision, patch: { visibility?: 'team'; clientName?: string }): Decision => {
  const clientName = patch.clientName?.trim();
  return {
    ...decision,
    ...(patch.visibility ? { visibility: patch.visibility } : {}),
    ...(clientName ? { clientName, clientId: normalizeClientId(clientName) } : {}),
  };
};
