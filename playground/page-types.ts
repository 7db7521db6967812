/**
 * The types the page's plain JavaScript (public/*.js) is checked against through JSDoc
 * (a `@typedef` that imports this file's types): what the page server sends it and what its
 * renderers take. Types only; the browser never loads this file.
 */
import type {
  ActionsBlockElement,
  Confirm,
  ImageElement,
  InputBlockElement,
  SectionBlockAccessory,
} from '@slack/types';
import type { AppManifest } from './app-manifest.js';
import type { BrowserAction } from './browser-action-schema.js';
import type { PageSnapshot } from './snapshot.js';

export type { PageMessage, PageSnapshot } from './snapshot.js';

/** One run of inline mrkdwn with its styles; `text` is what is shown. */
export type MrkdwnSpan = {
  text: string;
  bold?: boolean;
  italic?: boolean;
  strike?: boolean;
  code?: boolean;
  link?: string;
  /** Epoch seconds of a <!date^…> token; `text` is its fallback. */
  date?: number;
  mention?: { kind: 'user' | 'channel' | 'special'; id: string; label?: string | undefined };
};
export type MrkdwnStyle = 'bold' | 'italic' | 'strike';
export type MrkdwnBlock = { kind: 'line' | 'quote'; spans: MrkdwnSpan[] } | { kind: 'pre'; text: string };

/** What `GET /api/session` answers: who can be chosen, and the manifest's commands and shortcuts. */
export type PageSession = {
  users: Array<{ id: string; label: string }>;
  commands: AppManifest['commands'];
  messageShortcuts: AppManifest['messageShortcuts'];
};

/** Every answer of the page server: the payload under its name, or a refusal in both languages. */
export type ApiReply<T = object> = ({ ok: true } & T) | { ok: false; error?: { en: string; zh: string } };
export type SessionReply = ApiReply<{ session: PageSession }>;
export type StateReply = ApiReply<{ state: PageSnapshot }>;

/** A browser action as the page sends it; the page adds the chosen user. */
export type PageAction = BrowserAction extends infer A ? (A extends { user: string } ? Omit<A, 'user'> : never) : never;

/** Where a clicked block sits: a message, an ephemeral message, a modal or App Home. */
export type BlockActionSource = Extract<BrowserAction, { type: 'block_actions' }>['source'];

/** Slack's view.state.values: block id → action id → the element's state. */
export type ViewStateValues = Record<string, Record<string, Record<string, unknown>>>;

/** A Slack-shaped action object, as a block_actions payload carries it. */
export type BlockActionPayload = { type: string; action_id: string; block_id: string; [field: string]: unknown };

/** What the Block Kit renderer may be given besides the blocks (see renderBlocks). */
export type RenderContext = {
  onAction?: (action: BlockActionPayload) => void;
  state?: ViewStateValues;
  errors?: Record<string, string>;
  userName?: (id: string) => string | undefined;
  channelName?: (id: string) => string | undefined;
  users?: PageSnapshot['users'];
  conversations?: PageSnapshot['conversations'];
  confirm?: (dialog: Confirm) => Promise<boolean>;
  currentConversation?: string | undefined;
};

/** An element the renderer draws: anything an actions block, an input block or a section accessory holds, images aside. */
export type PageElement = Exclude<ActionsBlockElement | InputBlockElement | SectionBlockAccessory, ImageElement>;
