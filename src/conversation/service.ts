import { randomUUID } from 'node:crypto';
import { normalizeClientId } from '../domain/client-id.js';
import { QuadrantError } from '../domain/errors.js';
import type { Playbook } from '../domain/playbook.js';
import { emptyProfile } from '../domain/profile.js';
import { recommendActions } from '../domain/recommender.js';
import { redact } from '../domain/redact.js';
import type { HybridClassification, Lang, RelationshipType } from '../domain/types.js';
import { messages } from '../i18n/messages.js';
import { sleep } from '../lib/sleep.js';
import type { Classifier } from '../llm/port.js';
import type { Decision, DecisionLog, StateStore, ThreadState, Viewer, Visibility } from '../store/ports.js';
import { type CardView, MAX_CARDS_PER_THREAD, parseCard } from './card.js';
import { guessClientName } from './client-name.js';
import { isClassifyNow, resolveLang } from './language.js';

/** At most this many follow-up questions per thread, then it classifies whatever it has. */
export const MAX_FOLLOW_UPS = 2;
/** The runner-up type is "close" when its score is at least this share of the leader's. */
const CLOSE_CALL_RATIO = 0.8;
const CLOSE_CALL_MARK = 'close-call';
/** A confident result is shown at once; below this, a missing key fact is worth a question. */
const ASK_BELOW_CONFIDENCE = 0.7;
/** Evidence kept on a card; the rest is counted. */
const MAX_CARD_SIGNALS = 8;

export type ConversationDeps = {
  classifier: Classifier;
  state: StateStore;
  decisions: DecisionLog;
  playbook: Playbook;
  admins: readonly string[];
  now?: () => Date;
};

export type TurnRequest = {
  /** Identifies the conversation: `team:channel:thread_ts` in Slack, a session id in the CLI. */
  threadKey: string;
  teamId: string;
  userId: string;
  text: string;
  /** "Classify now": skip any remaining follow-up question. */
  forceClassify?: boolean;
  /** A quick-reply answer to a yes/no follow-up question. */
  answer?: { question: string; yes: boolean };
  /** The reply language when the caller already resolved it (saves a settings read per turn). */
  lang?: Lang;
};

export type TurnOutcome =
  | { kind: 'empty'; lang: Lang }
  | { kind: 'question'; lang: Lang; question: string; yesNo: boolean; number: number }
  | { kind: 'card'; lang: Lang; card: CardView };

export type DecideRequest = {
  threadKey: string;
  cardId: string;
  userId: string;
  teamId: string;
  channelId: string | null;
  threadTs: string | null;
  visibility: Visibility;
  /** Same key, same decision: a double click or a Slack retry never logs twice. */
  idempotencyKey: string;
  override?: { type: RelationshipType; reason: string };
};

/** A problem the user caused or can fix; the Slack layer turns the code into a localized message. */
export class ConversationError extends QuadrantError<'stale_card' | 'reason_required'> {}

export type ConversationService = {
  /** One RM turn: asks a follow-up question, or classifies and returns the card. */
  handleTurn(request: TurnRequest): Promise<TurnOutcome>;
  /** Logs a decision on a card (confirm, or override with a reason) and returns the updated card. */
  decide(request: DecideRequest): Promise<{ card: CardView; decision: Decision }>;
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

const isCloseCall = (c: HybridClassification): boolean => {
  const [top = 0, second = 0] = Object.values(c.scores).sort((a, b) => b - a);
  return top > 0 && second >= top * CLOSE_CALL_RATIO;
};

const cardFrom = (
  c: HybridClassification,
  context: { id: string; threadKey: string; lang: Lang; clientName: string | null; description: string },
  recommendations: CardView['recommendations'],
  playbookVersion: string,
  now: Date,
): CardView => ({
  ...context,
  type: c.type,
  secondary: c.secondary,
  confidence: c.confidence,
  source: c.source,
  rulesType: c.rules.type,
  signals: c.signals.slice(0, MAX_CARD_SIGNALS),
  llm: c.llm ? { type: c.llm.type, confidence: c.llm.confidence, rationale: c.llm.rationale } : null,
  agreement: c.agreement,
  notices: c.notices,
  recommendations: recommendations.map(({ id, title, why }) => ({ id, title, why })),
  versions: { playbook: playbookVersion, ...c.versions },
  team: c.team ?? null,
  createdAt: now.toISOString(),
  decision: null,
});

/** Keeps the newest cards only, so a long thread's state stays small. */
const withCard = (thread: ThreadState, card: CardView): ThreadState => {
  const cards = Object.entries(thread.cards ?? {}).slice(-(MAX_CARDS_PER_THREAD - 1));
  return { ...thread, cards: Object.fromEntries([...cards.filter(([id]) => id !== card.id), [card.id, card]]) };
};

/** Longest a turn may hold its thread (an LLM turn with retries included); a crashed holder's lease lapses then. */
export const THREAD_LEASE_MS = 60_000;

/**
 * Runs `work` holding the thread's lease, waiting (20 ms, doubling to 250 ms) while another
 * instance holds it. Past the lease's own lifetime the turn runs anyway: the holder is gone or
 * stuck, and an answer matters more than strict order.
 */
const underThreadLease = async <T>(state: StateStore, threadKey: string, work: () => Promise<T>): Promise<T> => {
  const key = `thread:${threadKey}`;
  const giveUpAt = Date.now() + THREAD_LEASE_MS;
  let token = await state.acquireLease(key, THREAD_LEASE_MS);
  for (let wait = 20; token === null && Date.now() < giveUpAt; wait = Math.min(wait * 2, 250)) {
    await sleep(wait);
    token = await state.acquireLease(key, THREAD_LEASE_MS);
  }
  try {
    return await work();
  } finally {
    // A failed release only means the lease lapses by itself.
    if (token !== null) await state.releaseLease(key, token).catch(() => undefined);
  }
};

/**
 * The Slack-independent conversation: per-thread state in the StateStore (merged profile,
 * turns, follow-ups asked, cards shown), follow-up questions, classification, recommendations
 * and decisions. Used by the Slack handlers and by `quadrant chat`.
 */
export const createConversationService = (deps: ConversationDeps): ConversationService => {
  const now = deps.now ?? (() => new Date());
  // Turns of one thread run one after another, so two quick messages never overwrite each
  // other's state: in this process through a queue, across instances through a lease in the store.
  const queues = new Map<string, Promise<unknown>>();
  const serialized = <T>(key: string, work: () => Promise<T>): Promise<T> => {
    const previous = queues.get(key) ?? Promise.resolve();
    const leased = () => underThreadLease(deps.state, key, work);
    const run = previous.then(leased, leased);
    const settled = run.catch(() => undefined);
    queues.set(key, settled);
    void settled.then(() => {
      if (queues.get(key) === settled) queues.delete(key);
    });
    return run;
  };
  const viewer = (userId: string, teamId: string): Viewer => ({
    userId,
    teamId,
    isAdmin: deps.admins.includes(userId),
  });

  const langFor = async (userId: string, text: string): Promise<Lang> => {
    const settings = await deps.state.getUserSettings(userId);
    return resolveLang(settings.lang, text);
  };

  const previousType = async (clientName: string | null, userId: string, teamId: string) => {
    if (clientName === null) return null;
    const history = await deps.decisions.history(normalizeClientId(clientName), viewer(userId, teamId));
    return history.at(-1)?.type ?? null;
  };

  const nextQuestion = (c: HybridClassification, thread: ThreadState, lang: Lang) => {
    if (thread.followUpsAsked >= MAX_FOLLOW_UPS) return null;
    const closeCall = isCloseCall(c);
    if (!closeCall && c.confidence >= ASK_BELOW_CONFIDENCE) return null;
    const askedBefore = new Set(thread.turns.filter((t) => t.role === 'bot').map((t) => t.text));
    const fact = c.missing.find((m) => !askedBefore.has(m.id));
    if (fact) return { mark: fact.id, question: fact.question[lang], yesNo: fact.yesNo };
    if (closeCall && !askedBefore.has(CLOSE_CALL_MARK)) {
      const ranked = (Object.entries(c.scores) as Array<[RelationshipType, number]>).sort((a, b) => b[1] - a[1]);
      const name = (type: RelationshipType | undefined) =>
        deps.playbook.types.find((t) => t.id === type)?.shortName[lang] ?? String(type);
      return {
        mark: CLOSE_CALL_MARK,
        question: messages(lang).closeCallQuestion(name(ranked[0]?.[0]), name(ranked[1]?.[0])),
        yesNo: false,
      };
    }
    return null;
  };

  const handleTurn = async (request: TurnRequest): Promise<TurnOutcome> => {
    const at = now();
    const stored = await deps.state.getThread(request.threadKey);
    const lang =
      request.lang ?? (await langFor(request.userId, request.text || description(stored ?? newThread('en', at))));
    const thread = stored ?? newThread(lang, at);
    const saysClassifyNow = isClassifyNow(request.text);
    const force = request.forceClassify === true || saysClassifyNow;
    const turnText = request.answer
      ? // A "no" adds nothing the rules could misread as a signal; a "yes" affirms the question.
        request.answer.yes
        ? `${request.answer.question} ${messages(lang).yes}`
        : ''
      : saysClassifyNow
        ? ''
        : request.text.trim();
    if (turnText !== '') thread.turns.push({ role: 'rm', text: turnText, at: at.toISOString() });
    thread.lang = lang;
    thread.updatedAt = at.toISOString();
    const text = description(thread);
    if (text.trim() === '') return { kind: 'empty', lang };

    const result = await deps.classifier.classify({
      text,
      profile: stored?.profile ?? null,
      lang,
      teamId: request.teamId,
    });
    thread.profile = result.profile;
    const question = force ? null : nextQuestion(result.classification, thread, lang);
    if (question) {
      thread.followUpsAsked += 1;
      thread.turns.push({ role: 'bot', text: question.mark, at: at.toISOString() });
      await deps.state.setThread(request.threadKey, thread);
      return {
        kind: 'question',
        lang,
        question: question.question,
        yesNo: question.yesNo,
        number: thread.followUpsAsked,
      };
    }

    const c = result.classification;
    const clientName = result.profile.clientName ?? guessClientName(text);
    const [cycle, previous] = await Promise.all([
      deps.state.getWorkspaceSettings(request.teamId).then((s) => s.cycle),
      previousType(clientName, request.userId, request.teamId),
    ]);
    const recommendations = recommendActions(c, deps.playbook, {
      cycle,
      previousType: previous,
      preferredIds: c.llm?.actionIds ?? [],
    });
    const card = cardFrom(
      c,
      { id: randomUUID().slice(0, 12), threadKey: request.threadKey, lang, clientName, description: redact(text) },
      recommendations,
      deps.playbook.version,
      at,
    );
    thread.turns.push({ role: 'bot', text: `card:${card.id}`, at: at.toISOString() });
    await deps.state.setThread(request.threadKey, withCard(thread, card));
    return { kind: 'card', lang, card };
  };

  const getCard = async (threadKey: string, cardId: string) => {
    const thread = await deps.state.getThread(threadKey);
    return parseCard(thread?.cards?.[cardId]);
  };

  const decide = async (request: DecideRequest) => {
    const thread = await deps.state.getThread(request.threadKey);
    const card = parseCard(thread?.cards?.[request.cardId]);
    if (!thread || !card) throw new ConversationError('stale_card', `card ${request.cardId} is gone`);
    const override = request.override;
    if (override && override.reason.trim() === '') throw new ConversationError('reason_required', 'reason required');
    const decision = await deps.decisions.append({
      idempotencyKey: request.idempotencyKey,
      clientName: card.clientName ?? messages(card.lang).unnamedClient,
      type: override?.type ?? card.type,
      secondary: card.secondary,
      confidence: card.confidence,
      source: override ? 'manager_override' : card.source,
      suggestedType: card.type,
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
      visibility: request.visibility,
      versions: card.versions,
    });
    const decided: CardView = {
      ...card,
      decision: {
        id: decision.id,
        userId: decision.userId,
        type: decision.type,
        source: decision.source,
        reason: decision.reason,
        at: decision.createdAt,
      },
    };
    await deps.state.setThread(request.threadKey, withCard(thread, decided));
    return { card: decided, decision };
  };

  return {
    handleTurn: (request) => serialized(request.threadKey, () => handleTurn(request)),
    decide: (request) => serialized(request.threadKey, () => decide(request)),
    getCard,
    langFor,
  };
};
