// The intake turn: a stale button changes nothing, intents are answered directly, a description
// is added to the thread and either gets the next follow-up question or is classified into a card.
import { randomUUID } from 'node:crypto';
import { normalizeClientId } from '../domain/client-id.js';
import { messages } from '../domain/messages/messages.js';
import { redact } from '../domain/redact.js';
import { classifyWithRules } from '../domain/rules.js';
import type { Lang } from '../domain/types.js';
import type { ThreadState } from '../store/ports.js';
import { assembleCard } from './card-assembly.js';
import { resolveThreadClient } from './client-label.js';
import type { FollowUpAnswer, RetiredQuestion, TurnOutcome, TurnRequest } from './contract.js';
import { type ConversationContext, description, newThread, withCard } from './conversation-context.js';
import { choicesFor, nextFollowUp } from './follow-up-policy.js';
import { routeIntent } from './intent.js';
import { isClassifyNow } from './language.js';
import { withModelIntent } from './model-intent.js';

/** The words a button answer adds to the description; a "no" adds nothing the rules could misread. */
const answerText = (answer: FollowUpAnswer, question: string, lang: Lang): string => {
  const choice = answer.choice === undefined ? undefined : choicesFor(answer.questionId)[answer.choice];
  if (choice) return choice.says[lang];
  return answer.yes === true ? `${question} ${messages(lang).yes}` : '';
};

/** Greeting, playbook, history or unclear: answered without touching the thread's description. */
const routed = async (ctx: ConversationContext, request: TurnRequest, thread: ThreadState | undefined, lang: Lang) => {
  if (request.answer || request.forceClassify || request.intent === 'description') return null;
  if (isClassifyNow(request.text)) return null;
  const describing = (thread?.turns.some((t) => t.role === 'rm') ?? false) || thread?.openQuestion !== undefined;
  const signalCount = classifyWithRules(request.text).signals.filter((s) => s.weight > 0 && !s.negated).length;
  const intent = await withModelIntent(routeIntent(request.text, { describing, signalCount }), request.text, {
    signalCount,
    describing,
    intentOf: ctx.deps.classifier.intentOf,
  });
  switch (intent.kind) {
    case 'greeting':
      return { kind: 'welcome', lang } as const;
    case 'playbook':
      return { kind: 'playbook', lang, type: intent.type, topic: intent.topic } as const;
    case 'unclear':
      return { kind: 'clarify', lang, text: request.text.trim() } as const;
    case 'history': {
      const history = await ctx.deps.decisions.history(
        normalizeClientId(intent.clientName),
        ctx.viewer(request.userId, request.teamId),
      );
      return { kind: 'history', lang, clientName: intent.clientName, history } as const;
    }
    default:
      return null;
  }
};

/** Adds this turn's words to the thread; says which typed answer retired an open question. */
const recordTurn = (request: TurnRequest, thread: ThreadState, lang: Lang, at: Date) => {
  const open = thread.openQuestion;
  const typed = isClassifyNow(request.text) ? '' : request.text.trim();
  const words = request.answer && open ? answerText(request.answer, open.text, lang) : typed;
  if (words !== '') thread.turns.push({ role: 'rm', text: words, at: at.toISOString() });
  thread.lang = lang;
  thread.updatedAt = at.toISOString();
  delete thread.openQuestion;
  if (!open || request.answer || request.forceClassify || typed === '') return undefined;
  const retired: RetiredQuestion = { text: open.text, answer: typed };
  if (open.channel) retired.channel = open.channel;
  if (open.ts) retired.ts = open.ts;
  return retired;
};

/** A button answer or "Classify now" for a question that is no longer open changes nothing. */
const isStaleButton = (request: TurnRequest, thread: ThreadState | undefined): boolean => {
  const number =
    request.answer?.number ?? (typeof request.forceClassify === 'object' ? request.forceClassify.number : undefined);
  if (number === undefined) return false;
  return thread?.openQuestion?.number !== number;
};

const classifyTurn = async (
  ctx: ConversationContext,
  request: TurnRequest,
  thread: ThreadState,
  lang: Lang,
  at: Date,
) => {
  const text = description(thread);
  // The first turn has no profile yet: the LLM reads the text alone.
  const known = thread.turns.length > 1 ? thread.profile : null;
  const result = await ctx.deps.classifier.classify({ text, profile: known, lang, teamId: request.teamId });
  thread.profile = result.profile;
  const force = request.forceClassify !== undefined || isClassifyNow(request.text);
  const question = force ? null : nextFollowUp(result.classification, thread, lang, ctx.deps.playbook);
  if (question) {
    thread.followUpsAsked += 1;
    thread.turns.push({ role: 'bot', text: question.id, at: at.toISOString() });
    thread.openQuestion = { id: question.id, number: thread.followUpsAsked, text: question.question };
    await ctx.deps.state.setThread(request.threadKey, thread);
    return { kind: 'question', lang, ...question, number: thread.followUpsAsked } as const;
  }
  thread.client ??= await resolveThreadClient(ctx.deps, {
    llmName: result.profile.clientName ?? null,
    text,
    teamId: request.teamId,
    lang,
    at,
  });
  const client = thread.client;
  const facts = await ctx.recommendationFacts(client.name, request.userId, request.teamId);
  const context = {
    id: randomUUID().slice(0, 12),
    threadKey: request.threadKey,
    lang,
    clientName: client.name,
    clientKind: client.kind,
    description: redact(text),
    playbookVersion: ctx.deps.playbook.version,
    createdAt: at.toISOString(),
  };
  const card = assembleCard(result.classification, context, ctx.deps.playbook, facts);
  thread.turns.push({ role: 'bot', text: `card:${card.id}`, at: at.toISOString() });
  await ctx.deps.state.setThread(request.threadKey, withCard(thread, card));
  return { kind: 'card', lang, card } as const;
};

export const handleTurn = async (ctx: ConversationContext, request: TurnRequest): Promise<TurnOutcome> => {
  const at = ctx.now();
  const stored = await ctx.deps.state.getThread(request.threadKey);
  const lang =
    request.lang ?? (await ctx.langFor(request.userId, request.text || description(stored ?? newThread('en', at))));
  if (isStaleButton(request, stored)) return { kind: 'stale', lang };
  const answered = await routed(ctx, request, stored, lang);
  if (answered) return answered;
  const thread = stored ?? newThread(lang, at);
  const retired = recordTurn(request, thread, lang, at);
  const withRetired = <T extends TurnOutcome>(outcome: T): T => (retired ? { ...outcome, retired } : outcome);
  if (description(thread).trim() === '') {
    if (retired) await ctx.deps.state.setThread(request.threadKey, thread);
    return withRetired({ kind: 'empty', lang });
  }
  return withRetired(await classifyTurn(ctx, request, thread, lang, at));
};
