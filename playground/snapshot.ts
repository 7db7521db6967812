import type { SlackEmulator } from './emulator/web-api.js';
import type { EmulatedView } from './emulator/workspace.js';
import { PERSONAS, type Persona, TEAM_CHANNEL } from './personas.js';

/** One message as the page shows it; ephemeral ones carry the id their response_url targets. */
export type PageMessage = {
  channel: string;
  ts: string;
  threadTs?: string;
  user: string;
  author: string;
  isBot: boolean;
  text: string;
  blocks?: unknown[];
  edited?: boolean;
  streaming?: boolean;
  ephemeral?: boolean;
  ephemeralId?: string;
};

/** What one user's page shows: only what Slack would show that user. */
export type PageSnapshot = {
  me: Persona;
  bot: { id: string; name: string };
  users: Array<{ id: string; name: string }>;
  conversations: Array<{ id: string; name: string; label: string; kind: 'dm' | 'channel' }>;
  dm: string;
  team: string;
  messages: PageMessage[];
  statuses: Array<{ channel: string; threadTs: string; status: string; loadingMessages: string[] }>;
  home: { id: string; blocks: unknown[] } | null;
  /** The newest suggested prompts the app set in this user's DM. */
  suggestedPrompts: Array<{ title: string; message: string }>;
  modal: { id: string; hash: string; view: Record<string, unknown>; errors?: Record<string, string> } | null;
};

/** The open modal stack's top view for a user: the newest view of the newest open stack. */
export const topModal = (views: Iterable<EmulatedView>, userId: string): EmulatedView | undefined => {
  let top: EmulatedView | undefined;
  for (const view of views) if (view.type === 'modal' && view.user === userId && !view.closed) top = view;
  return top;
};

const tsOrder = (a: { ts: string }, b: { ts: string }) => Number.parseFloat(a.ts) - Number.parseFloat(b.ts);

/**
 * Builds a user's view of the emulated workspace. `viewErrors` holds the errors a
 * view_submission answered with, by view id; `viewVersions` counts updates so the page knows
 * when to rebuild a modal.
 */
export const buildSnapshot = (
  emulator: SlackEmulator,
  me: Persona,
  extras: { viewErrors: ReadonlyMap<string, Record<string, string>>; viewVersions: ReadonlyMap<string, number> },
): PageSnapshot => {
  const { workspace } = emulator;
  const dm = emulator.dmWith(me.id);
  const visible = new Set([dm.id, TEAM_CHANNEL.id]);
  const nameOf = (id: string) => (id === emulator.bot.userId ? 'Quadrant' : (workspace.users.get(id)?.realName ?? id));
  const messages: PageMessage[] = [
    ...workspace.messages
      .filter((m) => visible.has(m.channel))
      .map((m) => ({
        channel: m.channel,
        ts: m.ts,
        ...(m.threadTs ? { threadTs: m.threadTs } : {}),
        user: m.user,
        author: nameOf(m.user),
        isBot: m.user === emulator.bot.userId || m.botId !== undefined,
        text: m.text,
        ...(m.blocks ? { blocks: m.blocks } : {}),
        ...(m.edited ? { edited: true } : {}),
        ...(m.streaming ? { streaming: true } : {}),
      })),
    ...workspace.ephemerals
      .filter((e) => e.user === me.id && visible.has(e.channel))
      .map((e) => ({
        channel: e.channel,
        ts: e.ts,
        ...(e.threadTs ? { threadTs: e.threadTs } : {}),
        user: emulator.bot.userId,
        author: 'Quadrant',
        isBot: true,
        text: e.text,
        ...(e.blocks ? { blocks: e.blocks } : {}),
        ephemeral: true,
        ephemeralId: e.id,
      })),
  ].sort(tsOrder);
  const statuses = [...workspace.statuses.entries()]
    .map(([key, value]) => {
      const [channel = '', threadTs = ''] = key.split(':');
      return { channel, threadTs, status: value.status, loadingMessages: value.loadingMessages };
    })
    .filter((s) => visible.has(s.channel) && s.status !== '');
  const home = workspace.homeTabs.get(me.id);
  const prompts = [...workspace.suggestedPrompts.entries()].filter(([key]) => key.startsWith(`${dm.id}:`)).at(-1)?.[1];
  const modal = topModal(workspace.views.values(), me.id);
  const errors = modal ? extras.viewErrors.get(modal.id) : undefined;
  return {
    me,
    bot: { id: emulator.bot.userId, name: 'Quadrant' },
    users: PERSONAS.map((p) => ({ id: p.id, name: p.name })),
    conversations: [
      { id: TEAM_CHANNEL.id, name: TEAM_CHANNEL.name, label: `#${TEAM_CHANNEL.name}`, kind: 'channel' },
      { id: dm.id, name: 'Quadrant', label: 'Quadrant (DM)', kind: 'dm' },
    ],
    dm: dm.id,
    team: TEAM_CHANNEL.id,
    messages,
    statuses,
    suggestedPrompts: (prompts ?? []).flatMap((p) => {
      const prompt = p as { title?: unknown; message?: unknown };
      return typeof prompt.title === 'string' && typeof prompt.message === 'string'
        ? [{ title: prompt.title, message: prompt.message }]
        : [];
    }),
    home: home ? { id: `VH${me.id}`, blocks: Array.isArray(home.blocks) ? home.blocks : [] } : null,
    modal: modal
      ? {
          id: modal.id,
          hash: `${modal.id}-${extras.viewVersions.get(modal.id) ?? 0}`,
          view: modal.view,
          ...(errors ? { errors } : {}),
        }
      : null,
  };
};
