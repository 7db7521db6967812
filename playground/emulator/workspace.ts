/**
 * The in-memory workspace the emulated Web API reads and writes: users, conversations,
 * messages, ephemeral messages, views, home tabs, assistant thread status and streams.
 */

export type EmulatedUser = {
  id: string;
  name: string;
  realName: string;
  isBot: boolean;
  locale?: string;
};

export type EmulatedChannel = {
  id: string;
  name: string;
  isPrivate: boolean;
  isIm: boolean;
  /** For a DM, the human on the other side. */
  user?: string;
  members: Set<string>;
};

export type EmulatedMessage = {
  channel: string;
  ts: string;
  /** Set on replies; a root message has none. */
  threadTs?: string;
  user: string;
  botId?: string;
  text: string;
  blocks?: unknown[];
  unfurlLinks?: boolean;
  unfurlMedia?: boolean;
  edited?: boolean;
  /** Set while a chat stream is open on this message. */
  streaming?: boolean;
};

export type EmulatedEphemeral = {
  id: string;
  channel: string;
  user: string;
  ts: string;
  threadTs?: string;
  text: string;
  blocks?: unknown[];
};

export type EmulatedView = {
  id: string;
  user: string;
  type: 'modal' | 'home';
  view: Record<string, unknown>;
  /** Modals only: the stack a views.push grows. */
  rootViewId?: string;
  closed?: boolean;
};

export type ThreadStatus = { status: string; loadingMessages: string[] };

export type ChangeEvent =
  | { kind: 'message'; message: EmulatedMessage }
  | { kind: 'message_changed'; message: EmulatedMessage }
  | { kind: 'message_deleted'; channel: string; ts: string }
  | { kind: 'ephemeral'; ephemeral: EmulatedEphemeral }
  | { kind: 'ephemeral_deleted'; ephemeral: EmulatedEphemeral }
  | { kind: 'view'; view: EmulatedView }
  | { kind: 'home'; user: string; view: Record<string, unknown> }
  | { kind: 'status'; channel: string; threadTs: string; status: ThreadStatus }
  | { kind: 'suggested_prompts'; channel: string; threadTs: string; prompts: unknown[] }
  | { kind: 'title'; channel: string; threadTs: string; title: string }
  | { kind: 'call'; method: string };

export class Workspace {
  readonly users = new Map<string, EmulatedUser>();
  readonly channels = new Map<string, EmulatedChannel>();
  /** In posting order; add and remove through `addMessage` / `removeMessage` to keep the index. */
  readonly messages: EmulatedMessage[] = [];
  private readonly messageIndex = new Map<string, EmulatedMessage>();
  readonly ephemerals: EmulatedEphemeral[] = [];
  readonly views = new Map<string, EmulatedView>();
  readonly homeTabs = new Map<string, Record<string, unknown>>();
  readonly statuses = new Map<string, ThreadStatus>();
  readonly suggestedPrompts = new Map<string, unknown[]>();
  readonly titles = new Map<string, string>();
  private clock = 0;
  private ids = 0;

  /** Slack timestamps are unique per channel; a counter on top of wall time keeps them unique and ordered. */
  nextTs(): string {
    const seconds = Math.floor(Date.now() / 1000);
    this.clock += 1;
    return `${seconds}.${String(this.clock).padStart(6, '0')}`;
  }

  nextId(prefix: string): string {
    this.ids += 1;
    return `${prefix}${String(this.ids).padStart(8, '0')}`;
  }

  // Indexed by channel and ts: lookups stay constant-time when a bench fills the channel with thousands of threads.
  findMessage(channel: string, ts: string): EmulatedMessage | undefined {
    return this.messageIndex.get(`${channel}/${ts}`);
  }

  addMessage(message: EmulatedMessage): void {
    this.messages.push(message);
    this.messageIndex.set(`${message.channel}/${message.ts}`, message);
  }

  removeMessage(message: EmulatedMessage): void {
    const index = this.messages.indexOf(message);
    if (index >= 0) this.messages.splice(index, 1);
    this.messageIndex.delete(`${message.channel}/${message.ts}`);
  }

  /** The DM between the bot and a user, created on first use like Slack's App Home messages tab. */
  dmWith(userId: string, botUserId: string): EmulatedChannel {
    for (const channel of this.channels.values()) if (channel.isIm && channel.user === userId) return channel;
    const channel: EmulatedChannel = {
      id: `D${userId.slice(1)}`,
      name: userId,
      isPrivate: true,
      isIm: true,
      user: userId,
      members: new Set([userId, botUserId]),
    };
    this.channels.set(channel.id, channel);
    return channel;
  }
}
