// The conversation service's contract: its deps, requests, outcomes and errors.
import { QuadrantError } from '../domain/errors.js';
import type { Playbook } from '../domain/playbook.js';
import type { Lang, RelationshipType } from '../domain/types.js';
import type { Classifier } from '../llm/port.js';
import type { Decision, DecisionLog, StateStore } from '../store/ports.js';
import type { CardView } from './card.js';
import type { DecisionRequest } from './decision-logging.js';
import type { Choice } from './follow-up-policy.js';

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
