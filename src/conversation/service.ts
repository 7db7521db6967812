import { parseCard } from './card.js';
import * as cardActions from './card-actions.js';
import type { ConversationDeps, ConversationService } from './contract.js';
import { createConversationContext } from './conversation-context.js';
import { handleTurn } from './intake.js';
import { createThreadLock } from './thread-lock.js';

export {
  type ConversationDeps,
  ConversationError,
  type ConversationService,
  type DecideRequest,
  type FollowUpAnswer,
  type RetiredQuestion,
  type ShareRequest,
  type TurnOutcome,
  type TurnRequest,
} from './contract.js';
export { MAX_FOLLOW_UPS } from './follow-up-policy.js';
export { THREAD_LEASE_MS } from './thread-lock.js';

/**
 * The Slack-independent conversation: per-thread state in the StateStore (merged profile, turns,
 * follow-ups, the client, cards shown), intent routing, classification, recommendations and
 * decisions. Used by the Slack handlers and by `quadrant chat`. This closure keeps the
 * orchestration (one job at a time per thread); the jobs live in their own modules: the intake
 * turn, the card actions (decide, rename, share), the thread lock, the follow-up policy, card
 * assembly and decision logging, all built from one shared context.
 */
export const createConversationService = (deps: ConversationDeps): ConversationService => {
  const ctx = createConversationContext(deps);
  const serialized = createThreadLock({ state: deps.state, now: ctx.now });
  return {
    handleTurn: (request) => serialized(request.threadKey, () => handleTurn(ctx, request)),
    decide: (request) => serialized(request.threadKey, () => cardActions.decide(ctx, request)),
    renameClient: (request) => serialized(request.threadKey, () => cardActions.renameClient(ctx, request)),
    recordShare: (request) => serialized(request.threadKey, () => cardActions.recordShare(ctx, request)),
    rememberQuestion: (key, number, where) =>
      serialized(key, () => cardActions.rememberQuestion(ctx, key, number, where)),
    getCard: async (threadKey, cardId) => parseCard((await deps.state.getThread(threadKey))?.cards?.[cardId]),
    langFor: ctx.langFor,
  };
};
