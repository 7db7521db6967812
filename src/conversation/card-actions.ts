// The conversation's card actions: confirm or override (decide), name the client, record a share,
// remember where a question was posted. Each loads the thread's card and writes the thread back.
import type { CardView } from './card.js';
import { redrawAs } from './card-assembly.js';
import { cleanTypedName } from './client-label.js';
import { ConversationError, type DecideRequest, type ShareRequest } from './contract.js';
import { type ConversationContext, loadCard, withCard } from './conversation-context.js';
import { logDecision } from './decision-logging.js';

export const decide = async (ctx: ConversationContext, request: DecideRequest) => {
  const { thread, card } = await loadCard(ctx, request.threadKey, request.cardId);
  const override = request.override;
  if (override && override.reason.trim() === '') throw new ConversationError('reason_required', 'reason required');
  // An old Confirm, or a change to the type already decided, logs nothing new.
  if (card.decision && (!override || override.type === card.decision.type)) return { card, decision: null };
  const type = override?.type ?? card.type;
  if (type === null) throw new ConversationError('type_required', 'choose a type first');
  const facts = await ctx.recommendationFacts(card.clientName ?? '', request.userId, request.teamId);
  const shown =
    override && override.type !== card.type ? redrawAs(card, override.type, ctx.deps.playbook, facts) : card;
  const logged = await logDecision(ctx.deps.decisions, shown, type, request);
  await ctx.deps.state.setThread(request.threadKey, withCard(thread, logged.card));
  return logged;
};

export const renameClient = async (
  ctx: ConversationContext,
  request: { threadKey: string; cardId: string; name: string },
) => {
  const name = cleanTypedName(request.name);
  if (name === null) throw new ConversationError('name_required', 'a client name is required');
  const { thread, card } = await loadCard(ctx, request.threadKey, request.cardId);
  for (const id of card.decisionIds) await ctx.deps.decisions.amend(id, { clientName: name });
  const renamed: CardView = { ...card, clientName: name, clientKind: 'named' };
  await ctx.deps.state.setThread(request.threadKey, { ...withCard(thread, renamed), client: { name, kind: 'named' } });
  return renamed;
};

export const recordShare = async (ctx: ConversationContext, request: ShareRequest) => {
  const { thread, card } = await loadCard(ctx, request.threadKey, request.cardId);
  for (const id of card.decisionIds) await ctx.deps.decisions.amend(id, { visibility: 'team' });
  const shared: CardView = {
    ...card,
    shares: [...card.shares, { channel: request.channel, ts: request.ts, by: request.by }],
  };
  await ctx.deps.state.setThread(request.threadKey, withCard(thread, shared));
  return shared;
};

export const rememberQuestion = async (
  ctx: ConversationContext,
  threadKey: string,
  number: number,
  where: { channel: string; ts: string },
) => {
  const thread = await ctx.deps.state.getThread(threadKey);
  if (thread?.openQuestion?.number !== number) return;
  thread.openQuestion = { ...thread.openQuestion, ...where };
  await ctx.deps.state.setThread(threadKey, thread);
};
