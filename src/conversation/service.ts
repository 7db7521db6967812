import { randomUUID } from 'node:crypto';
import { normalizeClientId } from '../domain/client-id.js';
import { QuadrantError } from '../domain/errors.js';
import type { Playbook } from '../domain/playbook.js';
import { emptyProfile } from '../domain/profile.js';
import { redact } from '../domain/redact.js';
import { classifyWithRules } from '../domain/rules.js';
import type { Lang, RelationshipType } from '../domain/types.js';
import { messages } from '../i18n/messages.js';
import type { Classifier } from '../llm/port.js';
import type { Decision, DecisionLog, StateStore, ThreadState, Viewer } from '../store/ports.js';
import { type CardView, MAX_CARDS_PER_THREAD, parseCard } from './card.js';
import { assembleCard, type RecommendationFacts, redrawAs } from './card-assembly.js';
import { cleanTypedName, resolveThreadClient } from './client-label.js';
import { type DecisionRequest, logDecision } from './decision-logging.js';
import { type Choice, choicesFor, nextFollowUp } from './follow-up-policy.js';
import { routeIntent } from './intent.js';
import { isClassifyNow, resolveLang } from './language.js';
import { withModelIntent } from './model-intent.js';
import { createThreadLock } from './thread-lock.js';

export { MAX_FOLLOW_UPS } from './follow-up-policy.js';
export { THREAD_LEASE_MS } from './thread-lock.js';

export type ConversationDeps = {
  classifier: Classifier;
  state: StateStore;
  decisions: DecisionLog;
  playbook: Playbook;
  admins: readonly string[];
  now?: () => Date;
};

/** An answer to a follow-up question given with its button: which question, and which answer. */
export type FollowUpAnswer = { questionId: string; number: number; yes?: boolean; choice?: number };

export type TurnRequest = {
  /** Identifies the conversation: `team:channel:thread_ts` in Slack, a session id in the CLI. */
  threadKey: string;
  teamId: string;
  userId: string;
  text: string;
  /** "Classify now": skip any remaining follow-up question (`number`: the question it was shown on). */
  forceClassify?: boolean | { number: number };
  answer?: FollowUpAnswer;
  /** The RM said what the message is (the "unclear" question's buttons). */
  intent?: 'description';
  /** The reply language when the caller already resolved it (saves a settings read per turn). */
  lang?: Lang;
};

/** A question answered by typing: its message loses its buttons and shows the answer. */
export type RetiredQuestion = { text: string; answer: string; channel?: string; ts?: string };

export type TurnOutcome = (
  | { kind: 'empty' }
  | { kind: 'welcome' }
  | { kind: 'playbook'; type: RelationshipType | null; topic: string }
  | { kind: 'history'; clientName: string; history: Decision[] }
  | { kind: 'clarify'; text: string }
  | { kind: 'question'; id: string; question: string; yesNo: boolean; choices: Choice[]; number: number }
  | { kind: 'card'; card: CardView }
  /** A button from an old message: nothing new happens. */
  | { kind: 'stale' }
) & { lang: Lang; retired?: RetiredQuestion };

export type DecideRequest = DecisionRequest & { threadKey: string; cardId: string };

/** Where a card was posted and by whom. */
export type ShareRequest = { threadKey: string; cardId: string; channel: string; ts: string; by: string };

/** A problem the user caused or can fix; the Slack layer turns the code into a localized message. */
export class ConversationError extends QuadrantError<
  'stale_card' | 'reason_required' | 'type_required' | 'name_required'
> {}

export type ConversationService = {
  /** One RM turn: answers by intent, asks a follow-up, or classifies and returns the card. */
  handleTurn(request: TurnRequest): Promise<TurnOutcome>;
  /** Logs a decision on a card (confirm, or override with a reason) and returns the card redrawn. */
  decide(request: DecideRequest): Promise<{ card: CardView; decision: Decision | null }>;
  /** The RM named the client (before or after deciding); logged decisions move to that name. */
  renameClient(request: { threadKey: string; cardId: string; name: string }): Promise<CardView>;
  /** The card was posted to a channel: its decisions, now and later, are visible to the team. */
  recordShare(request: ShareRequest): Promise<CardView>;
  /** Where a follow-up question was posted, so answering it by typing can retire its buttons. */
  rememberQuestion(threadKey: string, number: number, where: { channel: string; ts: string }): Promise<void>;
  getCard(threadKey: string, cardId: string): Promise<CardView | undefined>;
  /** The language to answer a user in: their setting, else the language of `text`. */
  langFor(userId: string, text: string): Promise<Lang>;
};

const newThread = (lang: Lang, now: Date): ThreadState => ({
  profile: emptyProfile(),
  turns: [],
  followUpsAsked: 0,
  lang,
  updatedAt: now.toISOString(),
});

const description = (thread: ThreadState): string =>
  thread.turns
    .filter((turn) => turn.role === 'rm')
    .map((turn) => turn.text)
    .join('\n');

/** Keeps the newest cards only, so a long thread's state stays small. */
const withCard = (thread: ThreadState, card: CardView): ThreadState => {
  const cards = Object.entries(thread.cards ?? {}).slice(-(MAX_CARDS_PER_THREAD - 1));
  return { ...thread, cards: Object.fromEntries([...cards.filter(([id]) => id !== card.id), [card.id, card]]) };
};

/** The words a button answer adds to the description; a "no" adds nothing the rules could misread. */
const answerText = (answer: FollowUpAnswer, question: string, lang: Lang): string => {
  const choice = answer.choice === undefined ? undefined : choicesFor(answer.questionId)[answer.choice];
  if (choice) return choice.says[lang];
  return answer.yes === true ? `${question} ${messages(lang).yes}` : '';
};

/**
 * The Slack-independent conversation: per-thread state in the StateStore (merged profile, turns,
 * follow-ups, the client, cards shown), intent routing, classification, recommendations and
 * decisions. Used by the Slack handlers and by `quadrant chat`. The jobs live in their own
 * modules: the thread lock, the follow-up policy, card assembly and decision logging.
 */
export const createConversationService = (deps: ConversationDeps): ConversationService => {
  const now = deps.now ?? (() => new Date());
  const serialized = createThreadLock({ state: deps.state, now });
  const viewer = (userId: string, teamId: string): Viewer => ({
    userId,
    teamId,
    isAdmin: deps.admins.includes(userId),
  });

  const langFor = async (userId: string, text: string): Promise<Lang> =>
    resolveLang((await deps.state.getUserSettings(userId)).lang, text);

  const recommendationFacts = async (clientName: string, userId: string, teamId: string) => {
    const [cycle, history] = await Promise.all([
      deps.state.getWorkspaceSettings(teamId).then((s) => s.cycle),
      deps.decisions.history(normalizeClientId(clientName), viewer(userId, teamId)),
    ]);
    return { cycle, previousType: history.at(-1)?.type ?? null } satisfies RecommendationFacts;
  };

  const loadCard = async (threadKey: string, cardId: string) => {
    const thread = await deps.state.getThread(threadKey);
    const card = parseCard(thread?.cards?.[cardId]);
    if (!thread || !card) throw new ConversationError('stale_card', `card ${cardId} is gone`);
    return { thread, card };
  };

  /** Greeting, playbook, history or unclear: answered without touching the thread's description. */
  const routed = async (request: TurnRequest, thread: ThreadState | undefined, lang: Lang) => {
    if (request.answer || request.forceClassify || request.intent === 'description') return null;
    if (isClassifyNow(request.text)) return null;
    const describing = (thread?.turns.some((t) => t.role === 'rm') ?? false) || thread?.openQuestion !== undefined;
    const signalCount = classifyWithRules(request.text).signals.filter((s) => s.weight > 0 && !s.negated).length;
    const intent = await withModelIntent(routeIntent(request.text, { describing, signalCount }), request.text, {
      signalCount,
      describing,
      intentOf: deps.classifier.intentOf,
    });
    switch (intent.kind) {
      case 'greeting':
        return { kind: 'welcome', lang } as const;
      case 'playbook':
        return { kind: 'playbook', lang, type: intent.type, topic: intent.topic } as const;
      case 'unclear':
        return { kind: 'clarify', lang, text: request.text.trim() } as const;
      case 'history': {
        const history = await deps.decisions.history(
          normalizeClientId(intent.clientName),
          viewer(request.userId, request.teamId),
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

  const classifyTurn = async (request: TurnRequest, thread: ThreadState, lang: Lang, at: Date) => {
    const text = description(thread);
    // The first turn has no profile yet: the LLM reads the text alone.
    const known = thread.turns.length > 1 ? thread.profile : null;
    const result = await deps.classifier.classify({ text, profile: known, lang, teamId: request.teamId });
    thread.profile = result.profile;
    const force = request.forceClassify !== undefined || isClassifyNow(request.text);
    const question = force ? null : nextFollowUp(result.classification, thread, lang, deps.playbook);
    if (question) {
      thread.followUpsAsked += 1;
      thread.turns.push({ role: 'bot', text: question.id, at: at.toISOString() });
      thread.openQuestion = { id: question.id, number: thread.followUpsAsked, text: question.question };
      await deps.state.setThread(request.threadKey, thread);
      return { kind: 'question', lang, ...question, number: thread.followUpsAsked } as const;
    }
    thread.client ??= await resolveThreadClient(deps, {
      llmName: result.profile.clientName ?? null,
      text,
      teamId: request.teamId,
      lang,
      at,
    });
    const client = thread.client;
    const facts = await recommendationFacts(client.name, request.userId, request.teamId);
    const context = {
      id: randomUUID().slice(0, 12),
      threadKey: request.threadKey,
      lang,
      clientName: client.name,
      clientKind: client.kind,
      description: redact(text),
      playbookVersion: deps.playbook.version,
      createdAt: at.toISOString(),
    };
    const card = assembleCard(result.classification, context, deps.playbook, facts);
    thread.turns.push({ role: 'bot', text: `card:${card.id}`, at: at.toISOString() });
    await deps.state.setThread(request.threadKey, withCard(thread, card));
    return { kind: 'card', lang, card } as const;
  };

  const handleTurn = async (request: TurnRequest): Promise<TurnOutcome> => {
    const at = now();
    const stored = await deps.state.getThread(request.threadKey);
    const lang =
      request.lang ?? (await langFor(request.userId, request.text || description(stored ?? newThread('en', at))));
    if (isStaleButton(request, stored)) return { kind: 'stale', lang };
    const answered = await routed(request, stored, lang);
    if (answered) return answered;
    const thread = stored ?? newThread(lang, at);
    const retired = recordTurn(request, thread, lang, at);
    const withRetired = <T extends TurnOutcome>(outcome: T): T => (retired ? { ...outcome, retired } : outcome);
    if (description(thread).trim() === '') {
      if (retired) await deps.state.setThread(request.threadKey, thread);
      return withRetired({ kind: 'empty', lang });
    }
    return withRetired(await classifyTurn(request, thread, lang, at));
  };

  const decide = async (request: DecideRequest) => {
    const { thread, card } = await loadCard(request.threadKey, request.cardId);
    const override = request.override;
    if (override && override.reason.trim() === '') throw new ConversationError('reason_required', 'reason required');
    // An old Confirm, or a change to the type already decided, logs nothing new.
    if (card.decision && (!override || override.type === card.decision.type)) return { card, decision: null };
    const type = override?.type ?? card.type;
    if (type === null) throw new ConversationError('type_required', 'choose a type first');
    const facts = await recommendationFacts(card.clientName ?? '', request.userId, request.teamId);
    const shown = override && override.type !== card.type ? redrawAs(card, override.type, deps.playbook, facts) : card;
    const logged = await logDecision(deps.decisions, shown, type, request);
    await deps.state.setThread(request.threadKey, withCard(thread, logged.card));
    return logged;
  };

  const renameClient = async (request: { threadKey: string; cardId: string; name: string }) => {
    const name = cleanTypedName(request.name);
    if (name === null) throw new ConversationError('name_required', 'a client name is required');
    const { thread, card } = await loadCard(request.threadKey, request.cardId);
    for (const id of card.decisionIds) await deps.decisions.amend(id, { clientName: name });
    const renamed: CardView = { ...card, clientName: name, clientKind: 'named' };
    await deps.state.setThread(request.threadKey, { ...withCard(thread, renamed), client: { name, kind: 'named' } });
    return renamed;
  };

  const recordShare = async (request: ShareRequest) => {
    const { thread, card } = await loadCard(request.threadKey, request.cardId);
    for (const id of card.decisionIds) await deps.decisions.amend(id, { visibility: 'team' });
    const shared: CardView = {
      ...card,
      shares: [...card.shares, { channel: request.channel, ts: request.ts, by: request.by }],
    };
    await deps.state.setThread(request.threadKey, withCard(thread, shared));
    return shared;
  };

  const rememberQuestion = async (threadKey: string, number: number, where: { channel: string; ts: string }) => {
    const thread = await deps.state.getThread(threadKey);
    if (thread?.openQuestion?.number !== number) return;
    thread.openQuestion = { ...thread.openQuestion, ...where };
    await deps.state.setThread(threadKey, thread);
  };

  return {
    handleTurn: (request) => serialized(request.threadKey, () => handleTurn(request)),
    decide: (request) => serialized(request.threadKey, () => decide(request)),
    renameClient: (request) => serialized(request.threadKey, () => renameClient(request)),
    recordShare: (request) => serialized(request.threadKey, () => recordShare(request)),
    rememberQuestion: (key, number, where) => serialized(key, () => rememberQuestion(key, number, where)),
    getCard: async (threadKey, cardId) => parseCard((await deps.state.getThread(threadKey))?.cards?.[cardId]),
    langFor,
  };
};
