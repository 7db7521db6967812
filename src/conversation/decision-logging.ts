import type { RelationshipType } from '../domain/types.js';
import type { Decision, DecisionLog, NewDecision, Visibility } from '../store/ports.js';
import type { CardView, DecisionStamp } from './card.js';

export type DecisionRequest = {
  userId: string;
  teamId: string;
  channelId: string | null;
  threadTs: string | null;
  visibility: Visibility;
  idempotencyKey: string;
  override?: { type: RelationshipType; reason: string };
};

/**
 * What the log keeps for a decision on a card: everything the RM saw (evidence, actions, versions,
 * the model's rationale) plus who decided what and why. A card already shared to a channel is
 * team-visible: sharing was the RM's consent.
 */
export const decisionRecord = (card: CardView, type: RelationshipType, request: DecisionRequest): NewDecision => {
  const override = request.override;
  const suggested = card.was ? card.was.type : card.type;
  return {
    idempotencyKey: request.idempotencyKey,
    clientName: card.clientName ?? 'unnamed',
    type,
    secondary: card.secondary === type ? null : card.secondary,
    confidence: card.was ? card.was.confidence : card.confidence,
    ...(card.rawConfidence === undefined ? {} : { rawConfidence: card.rawConfidence }),
    source: override ? 'manager_override' : card.source,
    suggestedType: suggested ?? type,
    evidence: card.signals,
    llmRationale: card.llm?.rationale ?? null,
    recommendedActionIds: card.recommendations.map((r) => r.id),
    keptActionIds: card.recommendations.map((r) => r.id),
    reason: override ? override.reason.trim() : null,
    description: card.description,
    userId: request.userId,
    teamId: request.teamId,
    channelId: request.channelId,
    threadTs: request.threadTs,
    visibility: card.shares.length > 0 ? 'team' : request.visibility,
    versions: card.versions,
  };
};

export const stampOf = (decision: Decision): DecisionStamp => ({
  id: decision.id,
  userId: decision.userId,
  type: decision.type,
  source: decision.source,
  reason: decision.reason,
  at: decision.createdAt,
});

/** Logs one decision and returns the card with it stamped on. */
export const logDecision = async (
  log: DecisionLog,
  card: CardView,
  type: RelationshipType,
  request: DecisionRequest,
): Promise<{ card: CardView; decision: Decision }> => {
  const decision = await log.append(decisionRecord(card, type, request));
  const decisionIds = card.decisionIds.includes(decision.id) ? card.decisionIds : [...card.decisionIds, decision.id];
  return { card: { ...card, decision: stampOf(decision), decisionIds }, decision };
};
