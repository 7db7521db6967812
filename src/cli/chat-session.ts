import { randomUUID } from 'node:crypto';
import { createColors } from 'picocolors';
import type { CardView } from '../conversation/card.js';
import type {
  ConversationService,
  DecideRequest,
  FollowUpAnswer,
  TurnOutcome,
  TurnRequest,
} from '../conversation/service.js';
import { messages } from '../domain/messages/messages.js';
import type { Playbook } from '../domain/playbook.js';
import { isRelationshipType, type Lang, RELATIONSHIP_TYPES } from '../domain/types.js';
import { chooseTypeHint, decisionLine, evidenceLines, renderCardText, renderOutcomeText } from './chat-render.js';

const YES = /^(y|yes|是|是的|对|有)$/i;
const NO = /^(n|no|否|不是|没有|无)$/i;

export type ChatSessionDeps = {
  service: ConversationService;
  playbook: Playbook;
  userId: string;
  color: boolean;
  say: (text: string) => void;
  help: string;
};

type OpenQuestion = Extract<TurnOutcome, { kind: 'question' }>;

type State = {
  threadKey: string;
  lang: Lang;
  card: CardView | null;
  question: OpenQuestion | null;
  /** The words of an "unclear" message, classified as a description on /yes. */
  unclear: string | null;
};

/** The open question's answer in a typed line (yes/no, or a choice's number), else null. */
export const bareAnswer = (q: OpenQuestion, line: string): FollowUpAnswer | null => {
  const base = { questionId: q.id, number: q.number };
  if (q.yesNo && (YES.test(line) || NO.test(line))) return { ...base, yes: YES.test(line) };
  const choice = Number.parseInt(line, 10);
  if (q.choices.length > 0 && String(choice) === line && choice >= 1 && choice <= q.choices.length)
    return { ...base, choice: choice - 1 };
  return null;
};

/**
 * The workspace of the terminal's decisions and of its team model: every `quadrant chat` on one
 * store is one workspace.
 */
export const CLI_TEAM_ID = 'CLI';

/** A terminal decision: private, keyed so a repeated command logs it once. */
const decisionRequest = (
  state: State,
  cardId: string,
  userId: string,
  override?: { type: string; reason: string },
): DecideRequest => {
  const key = override ? `${override.type}:${override.reason}` : 'confirm';
  return {
    threadKey: state.threadKey,
    cardId,
    userId,
    teamId: CLI_TEAM_ID,
    channelId: null,
    threadTs: null,
    visibility: 'private',
    idempotencyKey: `cli:${state.threadKey}:${cardId}:${key}`,
    ...(override && isRelationshipType(override.type)
      ? { override: { type: override.type, reason: override.reason } }
      : {}),
  };
};

/** /confirm or /override on the open card: checked here, logged once by the service. */
const decideCard = async (
  deps: ChatSessionDeps,
  state: State,
  override?: { type: string; reason: string },
): Promise<void> => {
  const { service, userId, color, say } = deps;
  const chat = messages(state.lang).chat;
  const card = state.card;
  if (!card) return say(chat.noCard);
  if (override && !isRelationshipType(override.type)) return say(chat.badType(RELATIONSHIP_TYPES));
  if (override && override.reason.trim() === '') return say(chat.reasonRequired);
  if (!override && card.type === null && !card.decision) return say(chooseTypeHint(card));
  const { card: decided } = await service.decide(decisionRequest(state, card.id, userId, override));
  state.card = decided;
  say(decisionLine(decided, color));
};

/** /name on the open card. */
const renameCard = async (deps: ChatSessionDeps, state: State, name: string): Promise<void> => {
  if (!state.card) return deps.say(messages(state.lang).chat.noCard);
  state.card = await deps.service.renameClient({ threadKey: state.threadKey, cardId: state.card.id, name });
  deps.say(messages(state.lang).cliRenamed(state.card.clientName ?? name));
};

/**
 * One `quadrant chat` conversation: the same service, intents and client naming as Slack. Typed
 * lines are turns; bare yes/no or a choice number answer an open question; slash commands decide.
 */
export const createChatSession = (deps: ChatSessionDeps) => {
  const { service, playbook, userId, color, say } = deps;
  const c = createColors(color);
  const t = (key: 'empty' | 'next' | 'noCard' | 'reasonRequired' | 'newClient' | 'unknownCommand' | 'yesNoHint') =>
    messages(state.lang).chat[key];
  const state: State = { threadKey: `cli:${randomUUID()}`, lang: 'en', card: null, question: null, unclear: null };

  const showCard = (card: CardView) => {
    state.card = card;
    say(renderCardText(card, playbook, color));
    if (card.clientKind !== 'named') say(c.dim(messages(card.lang).cliUnnamedHint));
    say(c.dim(card.type === null && !card.decision ? chooseTypeHint(card) : t('next')));
  };

  const turn = async (text: string, extra: Omit<TurnRequest, 'threadKey' | 'teamId' | 'userId' | 'text'> = {}) => {
    const request = { threadKey: state.threadKey, teamId: CLI_TEAM_ID, userId, text, ...extra };
    const outcome = await service.handleTurn(request);
    state.lang = outcome.lang;
    state.question = outcome.kind === 'question' ? outcome : null;
    state.unclear = outcome.kind === 'clarify' ? outcome.text : null;
    if (outcome.kind === 'card') return showCard(outcome.card);
    if (outcome.kind === 'empty') return say(t('empty'));
    say(renderOutcomeText(outcome, playbook, color));
    if (outcome.kind === 'question' && outcome.yesNo) say(c.dim(t('yesNoHint')));
  };

  /** A bare answer to the open question: yes/no, or the number of a fixed choice. */
  const answer = async (line: string): Promise<boolean> => {
    const given = state.question ? bareAnswer(state.question, line) : null;
    if (given) await turn('', { answer: given });
    return given !== null;
  };

  const command = async (word: string, rest: string[]): Promise<'quit' | undefined> => {
    switch (word.toLowerCase()) {
      case '/quit':
      case '/exit':
        return 'quit';
      case '/help':
        return void say(deps.help);
      case '/new':
        Object.assign(state, { threadKey: `cli:${randomUUID()}`, card: null, question: null, unclear: null });
        return void say(t('newClient'));
      case '/classify':
        return void (await turn(
          '',
          state.question ? { forceClassify: { number: state.question.number } } : { forceClassify: true },
        ));
      case '/yes':
        return void (state.unclear ? await turn(state.unclear, { intent: 'description' }) : say(t('noCard')));
      case '/confirm':
        return void (await decideCard(deps, state));
      case '/override':
        return void (await decideCard(deps, state, { type: rest[0] ?? '', reason: rest.slice(1).join(' ') }));
      case '/name':
        return void (await renameCard(deps, state, rest.join(' ')));
      case '/evidence':
        return void say(state.card ? evidenceLines(state.card, playbook).join('\n') : t('noCard'));
      default:
        return void say(t('unknownCommand'));
    }
  };

  const handleLine = async (raw: string): Promise<'quit' | undefined> => {
    const line = raw.trim();
    if (line === '') return;
    if (line.startsWith('/')) {
      const [word = '', ...rest] = line.split(/\s+/);
      return command(word, rest);
    }
    if (await answer(line)) return;
    await turn(line);
  };

  return { handleLine, lang: () => state.lang };
};
