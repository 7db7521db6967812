import { QuadrantError } from '../../src/domain/errors.js';
import { checkBlocks, checkView } from './block-limits.js';
import type { ChangeEvent, EmulatedChannel, EmulatedMessage, EmulatedView, Workspace } from './workspace.js';

/** A Slack error code answered as `{ ok: false, error }` with HTTP 200, like the real API. */
/** A Web API error as Slack reports it: `code` is Slack's `error` field (`channel_not_found`, …). */
export class SlackMethodError extends QuadrantError {
  constructor(
    code: string,
    readonly detail?: string,
  ) {
    super(code);
  }
}

export type MethodContext = {
  workspace: Workspace;
  bot: { userId: string; botId: string; teamId: string; teamName: string; appId: string };
  emit: (event: ChangeEvent) => void;
};

type Body = Record<string, unknown>;
type Method = (body: Body, ctx: MethodContext) => Record<string, unknown>;

const str = (body: Body, key: string): string | undefined => {
  const value = body[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

const required = (body: Body, key: string, error = `invalid_arguments`): string => {
  const value = str(body, key);
  if (value === undefined) throw new SlackMethodError(error, `missing ${key}`);
  return value;
};

const bool = (body: Body, key: string): boolean | undefined => {
  const value = body[key];
  if (value === undefined) return undefined;
  return value === true || value === 'true' || value === '1' || value === 1;
};

const checkMessageBody = (body: Body): { text: string; blocks?: unknown[] } => {
  const text = str(body, 'text') ?? '';
  const blocks = body.blocks;
  if (text === '' && (!Array.isArray(blocks) || blocks.length === 0)) throw new SlackMethodError('no_text');
  if ([...text].length > 40_000) throw new SlackMethodError('msg_too_long');
  const problem = checkBlocks(blocks, 'message');
  if (problem) throw new SlackMethodError('invalid_blocks', problem);
  return Array.isArray(blocks) ? { text, blocks } : { text };
};

/** Resolves a channel argument; a user id means the bot's DM with that user, as in Slack. */
const resolveChannel = (ctx: MethodContext, id: string): EmulatedChannel => {
  if (id.startsWith('U') || id.startsWith('W')) {
    if (!ctx.workspace.users.has(id)) throw new SlackMethodError('channel_not_found');
    return ctx.workspace.dmWith(id, ctx.bot.userId);
  }
  const channel = ctx.workspace.channels.get(id);
  if (!channel) throw new SlackMethodError('channel_not_found');
  return channel;
};

/** The bot can write only where it is a member (no chat:write.public: least privilege). */
const writableChannel = (ctx: MethodContext, id: string): EmulatedChannel => {
  const channel = resolveChannel(ctx, id);
  if (!channel.members.has(ctx.bot.userId)) {
    // Slack hides private channels the bot is not in.
    throw new SlackMethodError(channel.isPrivate && !channel.isIm ? 'channel_not_found' : 'not_in_channel');
  }
  return channel;
};

const messageJson = (m: EmulatedMessage) => ({
  type: 'message',
  ts: m.ts,
  ...(m.threadTs ? { thread_ts: m.threadTs } : {}),
  user: m.user,
  ...(m.botId ? { bot_id: m.botId } : {}),
  text: m.text,
  ...(m.blocks ? { blocks: m.blocks } : {}),
});

const channelJson = (c: EmulatedChannel, botUserId: string) => ({
  id: c.id,
  name: c.name,
  is_channel: !c.isIm && !c.isPrivate,
  is_group: c.isPrivate && !c.isIm,
  is_im: c.isIm,
  is_private: c.isPrivate,
  is_member: c.members.has(botUserId),
  ...(c.user ? { user: c.user } : {}),
});

const threadKey = (channel: string, threadTs: string) => `${channel}:${threadTs}`;

const postMessage: Method = (body, ctx) => {
  const channel = writableChannel(ctx, required(body, 'channel', 'channel_not_found'));
  const content = checkMessageBody(body);
  const threadTs = str(body, 'thread_ts');
  if (threadTs && !ctx.workspace.findMessage(channel.id, threadTs)) throw new SlackMethodError('thread_not_found');
  const message: EmulatedMessage = {
    channel: channel.id,
    ts: ctx.workspace.nextTs(),
    user: ctx.bot.userId,
    botId: ctx.bot.botId,
    ...content,
    ...(threadTs ? { threadTs } : {}),
  };
  const unfurlLinks = bool(body, 'unfurl_links');
  const unfurlMedia = bool(body, 'unfurl_media');
  if (unfurlLinks !== undefined) message.unfurlLinks = unfurlLinks;
  if (unfurlMedia !== undefined) message.unfurlMedia = unfurlMedia;
  ctx.workspace.addMessage(message);
  ctx.emit({ kind: 'message', message });
  return { channel: channel.id, ts: message.ts, message: messageJson(message) };
};

const update: Method = (body, ctx) => {
  const channel = resolveChannel(ctx, required(body, 'channel', 'channel_not_found'));
  const message = ctx.workspace.findMessage(channel.id, required(body, 'ts', 'message_not_found'));
  if (!message) throw new SlackMethodError('message_not_found');
  if (message.user !== ctx.bot.userId) throw new SlackMethodError('cant_update_message');
  const content = checkMessageBody({ text: body.text ?? message.text, blocks: body.blocks ?? message.blocks });
  message.text = content.text;
  if (content.blocks) message.blocks = content.blocks;
  message.edited = true;
  ctx.emit({ kind: 'message_changed', message });
  return { channel: channel.id, ts: message.ts, text: message.text, message: messageJson(message) };
};

const remove: Method = (body, ctx) => {
  const channel = resolveChannel(ctx, required(body, 'channel', 'channel_not_found'));
  const ts = required(body, 'ts', 'message_not_found');
  const message = ctx.workspace.findMessage(channel.id, ts);
  if (!message) throw new SlackMethodError('message_not_found');
  if (message.user !== ctx.bot.userId) throw new SlackMethodError('cant_delete_message');
  ctx.workspace.removeMessage(message);
  ctx.emit({ kind: 'message_deleted', channel: channel.id, ts });
  return { channel: channel.id, ts };
};

const postEphemeral: Method = (body, ctx) => {
  const channel = writableChannel(ctx, required(body, 'channel', 'channel_not_found'));
  const user = required(body, 'user', 'user_not_found');
  if (!ctx.workspace.users.has(user)) throw new SlackMethodError('user_not_found');
  if (!channel.isIm && !channel.members.has(user)) throw new SlackMethodError('user_not_in_channel');
  const content = checkMessageBody(body);
  const threadTs = str(body, 'thread_ts');
  const ephemeral = {
    id: ctx.workspace.nextId('E'),
    channel: channel.id,
    user,
    ts: ctx.workspace.nextTs(),
    ...content,
    ...(threadTs ? { threadTs } : {}),
  };
  ctx.workspace.ephemerals.push(ephemeral);
  ctx.emit({ kind: 'ephemeral', ephemeral });
  return { message_ts: ephemeral.ts };
};

const viewJson = (v: EmulatedView, ctx: MethodContext) => ({
  id: v.id,
  team_id: ctx.bot.teamId,
  app_id: ctx.bot.appId,
  bot_id: ctx.bot.botId,
  hash: `${v.id}-hash`,
  root_view_id: v.rootViewId ?? v.id,
  ...v.view,
});

const parseView = (body: Body): Record<string, unknown> => {
  const view = body.view;
  const problem = checkView(view);
  if (problem) throw new SlackMethodError('invalid_arguments', problem);
  return view as Record<string, unknown>;
};

const openModal = (body: Body, ctx: MethodContext, rootViewId?: string): Record<string, unknown> => {
  // Slack issues trigger ids with each interaction; the emulator only checks one was passed.
  required(body, 'trigger_id', 'invalid_trigger_id');
  const view: EmulatedView = {
    id: ctx.workspace.nextId('V'),
    user: str(body, 'user_id') ?? 'unknown',
    type: 'modal',
    view: parseView(body),
    ...(rootViewId ? { rootViewId } : {}),
  };
  ctx.workspace.views.set(view.id, view);
  ctx.emit({ kind: 'view', view });
  return { view: viewJson(view, ctx) };
};

const viewsUpdate: Method = (body, ctx) => {
  const id = str(body, 'view_id');
  const externalId = str(body, 'external_id');
  const existing = id
    ? ctx.workspace.views.get(id)
    : [...ctx.workspace.views.values()].find((v) => v.view.external_id === externalId);
  if (!existing) throw new SlackMethodError('not_found');
  existing.view = parseView(body);
  ctx.emit({ kind: 'view', view: existing });
  return { view: viewJson(existing, ctx) };
};

const viewsPublish: Method = (body, ctx) => {
  const user = required(body, 'user_id', 'user_not_found');
  if (!ctx.workspace.users.has(user)) throw new SlackMethodError('user_not_found');
  const view = parseView(body);
  if (view.type !== 'home') throw new SlackMethodError('invalid_arguments', 'views.publish takes a home view');
  ctx.workspace.homeTabs.set(user, view);
  ctx.emit({ kind: 'home', user, view });
  return { view: { id: `VH${user}`, ...view } };
};

const setStatus: Method = (body, ctx) => {
  const channel = required(body, 'channel_id', 'channel_not_found');
  const threadTs = required(body, 'thread_ts');
  resolveChannel(ctx, channel);
  const status = typeof body.status === 'string' ? body.status : '';
  const loadingMessages = Array.isArray(body.loading_messages) ? body.loading_messages.map(String) : [];
  if (loadingMessages.length > 10) throw new SlackMethodError('invalid_arguments', 'at most 10 loading_messages');
  const value = { status, loadingMessages };
  if (status === '') ctx.workspace.statuses.delete(threadKey(channel, threadTs));
  else ctx.workspace.statuses.set(threadKey(channel, threadTs), value);
  ctx.emit({ kind: 'status', channel, threadTs, status: value });
  return {};
};

/** Agent-view apps set prompts on the channel (no `thread_ts`); assistant threads may name one. */
const setSuggestedPrompts: Method = (body, ctx) => {
  const channel = required(body, 'channel_id', 'channel_not_found');
  const threadTs = typeof body.thread_ts === 'string' ? body.thread_ts : '';
  resolveChannel(ctx, channel);
  const prompts = Array.isArray(body.prompts) ? body.prompts : [];
  if (prompts.length === 0 || prompts.length > 4) throw new SlackMethodError('invalid_arguments', '1 to 4 prompts');
  ctx.workspace.suggestedPrompts.set(threadKey(channel, threadTs), prompts);
  ctx.emit({ kind: 'suggested_prompts', channel, threadTs, prompts });
  return {};
};

const setTitle: Method = (body, ctx) => {
  const channel = required(body, 'channel_id', 'channel_not_found');
  const threadTs = required(body, 'thread_ts');
  const title = required(body, 'title');
  ctx.workspace.titles.set(threadKey(channel, threadTs), title);
  ctx.emit({ kind: 'title', channel, threadTs, title });
  return {};
};

const streamText = (body: Body): string => {
  let text = typeof body.markdown_text === 'string' ? body.markdown_text : '';
  if (Array.isArray(body.chunks)) {
    for (const chunk of body.chunks) {
      if (typeof chunk === 'object' && chunk !== null && typeof (chunk as Body).text === 'string') {
        text += (chunk as Body).text as string;
      }
    }
  }
  return text;
};

const startStream: Method = (body, ctx) => {
  const channel = writableChannel(ctx, required(body, 'channel', 'channel_not_found'));
  const threadTs = required(body, 'thread_ts', 'invalid_arguments');
  const message: EmulatedMessage = {
    channel: channel.id,
    ts: ctx.workspace.nextTs(),
    threadTs,
    user: ctx.bot.userId,
    botId: ctx.bot.botId,
    text: streamText(body),
    streaming: true,
  };
  ctx.workspace.addMessage(message);
  ctx.emit({ kind: 'message', message });
  return { channel: channel.id, ts: message.ts };
};

const openStream = (body: Body, ctx: MethodContext): EmulatedMessage => {
  const channel = resolveChannel(ctx, required(body, 'channel', 'channel_not_found'));
  const message = ctx.workspace.findMessage(channel.id, required(body, 'ts', 'message_not_found'));
  if (!message) throw new SlackMethodError('message_not_found');
  if (!message.streaming) throw new SlackMethodError('message_not_in_streaming_state');
  return message;
};

const appendStream: Method = (body, ctx) => {
  const message = openStream(body, ctx);
  message.text += streamText(body);
  if ([...message.text].length > 40_000) throw new SlackMethodError('msg_too_long');
  ctx.emit({ kind: 'message_changed', message });
  return { channel: message.channel, ts: message.ts };
};

const stopStream: Method = (body, ctx) => {
  const message = openStream(body, ctx);
  message.text += streamText(body);
  const problem = checkBlocks(body.blocks, 'message');
  if (problem) throw new SlackMethodError('invalid_blocks', problem);
  if (Array.isArray(body.blocks)) message.blocks = body.blocks;
  message.streaming = false;
  ctx.emit({ kind: 'message_changed', message });
  return { channel: message.channel, ts: message.ts, message: messageJson(message) };
};

const conversationsInfo: Method = (body, ctx) => {
  const channel = resolveChannel(ctx, required(body, 'channel', 'channel_not_found'));
  if (channel.isPrivate && !channel.members.has(ctx.bot.userId)) throw new SlackMethodError('channel_not_found');
  return { channel: channelJson(channel, ctx.bot.userId) };
};

const conversationsMembers: Method = (body, ctx) => {
  const channel = resolveChannel(ctx, required(body, 'channel', 'channel_not_found'));
  if (channel.isPrivate && !channel.members.has(ctx.bot.userId)) throw new SlackMethodError('channel_not_found');
  return { members: [...channel.members], response_metadata: { next_cursor: '' } };
};

const usersInfo: Method = (body, ctx) => {
  const user = ctx.workspace.users.get(required(body, 'user', 'user_not_found'));
  if (!user) throw new SlackMethodError('user_not_found');
  return {
    user: {
      id: user.id,
      team_id: ctx.bot.teamId,
      name: user.name,
      real_name: user.realName,
      is_bot: user.isBot,
      ...(user.locale ? { locale: user.locale } : {}),
      profile: { real_name: user.realName, display_name: user.name },
    },
  };
};

const authTest: Method = (_body, ctx) => ({
  url: `https://${ctx.bot.teamName.toLowerCase()}.slack.com/`,
  team: ctx.bot.teamName,
  user: 'quadrant',
  team_id: ctx.bot.teamId,
  user_id: ctx.bot.userId,
  bot_id: ctx.bot.botId,
  is_enterprise_install: false,
});

const teamInfo: Method = (_body, ctx) => ({
  team: { id: ctx.bot.teamId, name: ctx.bot.teamName, domain: ctx.bot.teamName.toLowerCase() },
});

/** Every Web API method the app may call; anything else answers `unknown_method`. */
export const METHODS: Record<string, Method> = {
  'chat.postMessage': postMessage,
  'chat.update': update,
  'chat.delete': remove,
  'chat.postEphemeral': postEphemeral,
  'chat.startStream': startStream,
  'chat.appendStream': appendStream,
  'chat.stopStream': stopStream,
  'views.open': (body, ctx) => openModal(body, ctx),
  'views.push': (body, ctx) => openModal(body, ctx, str(body, 'view_id')),
  'views.update': viewsUpdate,
  'views.publish': viewsPublish,
  'assistant.threads.setStatus': setStatus,
  'assistant.threads.setSuggestedPrompts': setSuggestedPrompts,
  'assistant.threads.setTitle': setTitle,
  'conversations.info': conversationsInfo,
  'conversations.members': conversationsMembers,
  'users.info': usersInfo,
  'auth.test': authTest,
  'team.info': teamInfo,
};
