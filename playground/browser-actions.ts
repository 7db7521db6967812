import { z } from 'zod';
import type { AppManifest } from './app-manifest.js';
import { type BrowserAction, browserActionSchema, MAX_MESSAGE_CHARS } from './browser-action-schema.js';
import {
  appHomeOpened,
  appMention,
  blockActions,
  directMessage,
  eventCallback,
  interaction,
  messageAction,
  newTs,
  type SignedRequest,
  type SignedResponse,
  slashCommand,
  viewSubmission,
} from './emulator/signed-requests.js';
import type { SlackEmulator } from './emulator/web-api.js';
import type { EmulatedMessage, EmulatedView } from './emulator/workspace.js';
import { PlaygroundError } from './messages.js';
import { applyViewAck, closeView, type PlaygroundViews, viewHash, viewPayload } from './modal-views.js';
import { findPersona, type Persona, TEAM_CHANNEL } from './personas.js';

/** A command's immediate answer: Bolt acks with text, or with a message object. */
const commandAckSchema = z.object({
  text: z.string().optional(),
  blocks: z.array(z.unknown()).optional(),
  response_type: z.enum(['ephemeral', 'in_channel']).optional(),
});

export type ActionRouterDeps = {
  emulator: SlackEmulator;
  manifest: AppManifest;
  /** Delivers a signed request to the app (the emulator's `sendToApp`). */
  send: (request: SignedRequest) => Promise<SignedResponse>;
  /** Modal state the page needs that Slack keeps server-side: errors and update counts. */
  views: PlaygroundViews;
  /** Called after the playground itself changed state (not through the Web API). */
  changed: () => void;
};

let triggerCount = 0;
const newTriggerId = () => {
  triggerCount += 1;
  return `${Date.now()}.${triggerCount}.playground`;
};

/** Slack clients send &, < and > escaped; a typed "@Quadrant" becomes a real mention. */
export const encodeUserText = (text: string, botUserId: string): string =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replace(/@quadrant\b/gi, `<@${botUserId}>`);

const requirePersona = (id: string): Persona => {
  const persona = findPersona(id);
  if (!persona) throw new PlaygroundError('unknown_user');
  return persona;
};

const expectOk = (response: SignedResponse) => {
  if (response.status !== 200) throw new PlaygroundError('app_error', { status: String(response.status) });
};

const messageJson = (m: EmulatedMessage) => ({
  type: 'message',
  ts: m.ts,
  user: m.user,
  text: m.text,
  ...(m.botId ? { bot_id: m.botId } : {}),
  ...(m.threadTs ? { thread_ts: m.threadTs } : {}),
  ...(m.blocks ? { blocks: m.blocks } : {}),
});

/** What every action handler needs: the router's dependencies plus the workspace checks Slack does. */
type RouterContext = ActionRouterDeps & {
  team: { teamId: string };
  visibleChannel: (persona: Persona, channel: string) => void;
  openView: (persona: Persona, viewId: string) => EmulatedView;
  interactionContext: (
    persona: Persona,
    responseUrl?: string,
  ) => { userId: string; teamId: string; triggerId: string; responseUrl?: string };
};

const createRouterContext = (deps: ActionRouterDeps): RouterContext => {
  const { emulator, views } = deps;
  const visibleChannel = (persona: Persona, channel: string) => {
    if (channel !== TEAM_CHANNEL.id && channel !== emulator.dmWith(persona.id).id) {
      throw new PlaygroundError('not_visible');
    }
  };
  const openView = (persona: Persona, viewId: string): EmulatedView => {
    const view = emulator.workspace.views.get(viewId);
    if (!view || view.user !== persona.id || view.closed) throw new PlaygroundError('view_gone');
    return view;
  };
  const interactionContext = (persona: Persona, responseUrl?: string) => {
    const triggerId = newTriggerId();
    views.triggers.set(triggerId, persona.id);
    return { userId: persona.id, teamId: emulator.team.id, triggerId, ...(responseUrl ? { responseUrl } : {}) };
  };
  return { ...deps, team: { teamId: emulator.team.id }, visibleChannel, openView, interactionContext };
};

// Slack shows a command's ack body as a message (ephemeral unless in_channel): post it through
// the same response_url so it lands where Slack would put it.
const showCommandAck = async (body: string, responseUrl: string) => {
  if (body.trim() === '') return;
  let message: z.infer<typeof commandAckSchema>;
  try {
    const parsed = commandAckSchema.safeParse(JSON.parse(body));
    message = parsed.success ? parsed.data : { text: body };
  } catch {
    message = { text: body };
  }
  if (!message.text && !message.blocks) return;
  await fetch(responseUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(message),
  });
};

const postMessage = async (ctx: RouterContext, action: Extract<BrowserAction, { type: 'message' }>) => {
  const { emulator, manifest, team, visibleChannel } = ctx;
  const persona = requirePersona(action.user);
  visibleChannel(persona, action.channel);
  const text = action.text.trim();
  if (text === '') throw new PlaygroundError('empty_message');
  if ([...text].length > MAX_MESSAGE_CHARS) {
    throw new PlaygroundError('message_too_long', { max: String(MAX_MESSAGE_CHARS) });
  }
  if (action.threadTs && !emulator.workspace.findMessage(action.channel, action.threadTs)) {
    throw new PlaygroundError('message_gone');
  }
  const encoded = encodeUserText(text, emulator.bot.userId);
  const message = emulator.postAsUser({
    channel: action.channel,
    user: persona.id,
    text: encoded,
    ...(action.threadTs ? { threadTs: action.threadTs } : {}),
  });
  const fields = {
    user: persona.id,
    channel: action.channel,
    text: encoded,
    ts: message.ts,
    ...(action.threadTs ? { threadTs: action.threadTs } : {}),
  };
  const events: Record<string, unknown>[] = [];
  if (action.channel === TEAM_CHANNEL.id) {
    if (encoded.includes(`<@${emulator.bot.userId}>`) && manifest.botEvents.has('app_mention')) {
      events.push(appMention(fields));
    }
    if (manifest.botEvents.has('message.channels')) {
      events.push({ ...directMessage(fields), channel_type: 'channel' });
    }
  } else if (manifest.botEvents.has('message.im')) {
    events.push(directMessage(fields));
  }
  for (const event of events) expectOk(await ctx.send(eventCallback(event, team)));
};

const runCommand = async (ctx: RouterContext, action: Extract<BrowserAction, { type: 'command' }>) => {
  const { emulator, manifest, visibleChannel, interactionContext } = ctx;
  const persona = requirePersona(action.user);
  visibleChannel(persona, action.channel);
  const known = manifest.commands.some((c) => c.command === action.command);
  if (!known) throw new PlaygroundError('unknown_command', { command: action.command });
  const responseUrl = emulator.responseUrl({ channel: action.channel, user: persona.id });
  const context = interactionContext(persona, responseUrl);
  const response = await ctx.send(
    slashCommand({
      command: action.command,
      text: action.text,
      userId: persona.id,
      userName: persona.name,
      channelId: action.channel,
      channelName: action.channel === TEAM_CHANNEL.id ? TEAM_CHANNEL.name : 'directmessage',
      teamId: emulator.team.id,
      responseUrl,
      triggerId: context.triggerId,
    }),
  );
  expectOk(response);
  await showCommandAck(response.body, responseUrl);
};

const blockAction = async (ctx: RouterContext, action: Extract<BrowserAction, { type: 'block_actions' }>) => {
  const { emulator, views, visibleChannel, openView, interactionContext } = ctx;
  const persona = requirePersona(action.user);
  const clicked = { ...action.action, action_ts: `${(Date.now() / 1000).toFixed(6)}` };
  const { source } = action;
  let payload: Record<string, unknown>;
  if (source.kind === 'message') {
    visibleChannel(persona, source.channel);
    const message = emulator.workspace.findMessage(source.channel, source.ts);
    if (!message) throw new PlaygroundError('message_gone');
    const responseUrl = emulator.responseUrl({ channel: source.channel, user: persona.id, messageTs: source.ts });
    payload = {
      ...blockActions(interactionContext(persona, responseUrl), {
        action: { actionId: clicked.action_id, blockId: clicked.block_id },
        message: { channel: source.channel, ts: source.ts },
      }),
      message: messageJson(message),
      actions: [clicked],
    };
  } else if (source.kind === 'ephemeral') {
    visibleChannel(persona, source.channel);
    const ephemeral = emulator.workspace.ephemerals.find((e) => e.id === source.ephemeralId && e.user === persona.id);
    if (!ephemeral) throw new PlaygroundError('message_gone');
    const responseUrl = emulator.responseUrl({
      channel: source.channel,
      user: persona.id,
      ephemeralId: ephemeral.id,
    });
    payload = {
      ...blockActions(interactionContext(persona, responseUrl), {
        action: { actionId: clicked.action_id, blockId: clicked.block_id },
        message: { channel: source.channel, ts: ephemeral.ts, ephemeral: true },
      }),
      actions: [clicked],
    };
  } else if (source.kind === 'view') {
    const view = openView(persona, source.viewId);
    payload = {
      ...blockActions(interactionContext(persona), {
        action: { actionId: clicked.action_id, blockId: clicked.block_id },
        view: { id: view.id },
      }),
      view: viewPayload(view, action.values ?? {}, viewHash(views, view)),
      actions: [clicked],
    };
  } else {
    const home = emulator.workspace.homeTabs.get(persona.id);
    if (!home) throw new PlaygroundError('view_gone');
    payload = {
      ...blockActions(interactionContext(persona), {
        action: { actionId: clicked.action_id, blockId: clicked.block_id },
        view: { id: source.viewId, type: 'home' },
      }),
      view: { ...home, id: source.viewId, type: 'home', state: { values: action.values ?? {} } },
      actions: [clicked],
    };
  }
  expectOk(await ctx.send(interaction(payload)));
};

const submitView = async (ctx: RouterContext, action: Extract<BrowserAction, { type: 'view_submission' }>) => {
  const { emulator, views, openView, interactionContext } = ctx;
  const persona = requirePersona(action.user);
  const view = openView(persona, action.viewId);
  const base = viewSubmission(interactionContext(persona), {
    callbackId: typeof view.view.callback_id === 'string' ? view.view.callback_id : '',
    values: action.values,
    viewId: view.id,
  });
  const hash = viewHash(views, view);
  const response = await ctx.send(interaction({ ...base, view: viewPayload(view, action.values, hash) }));
  expectOk(response);
  applyViewAck(emulator.workspace, views, persona.id, view, response.body);
  ctx.changed();
};

const closeViewByUser = async (ctx: RouterContext, action: Extract<BrowserAction, { type: 'view_closed' }>) => {
  const { emulator, views, openView } = ctx;
  const persona = requirePersona(action.user);
  const view = openView(persona, action.viewId);
  closeView(views, view);
  ctx.changed();
  if (view.view.notify_on_close === true) {
    const payload = {
      type: 'view_closed',
      user: { id: persona.id, name: persona.name.toLowerCase(), team_id: emulator.team.id },
      team: { id: emulator.team.id, domain: 'quadrant-playground' },
      api_app_id: 'A0QUADRANT',
      view: viewPayload(view, {}, viewHash(views, view)),
      is_cleared: false,
    };
    expectOk(await ctx.send(interaction(payload)));
  }
};

const openHome = async (ctx: RouterContext, action: Extract<BrowserAction, { type: 'home_opened' }>) => {
  const { emulator, manifest, team } = ctx;
  const persona = requirePersona(action.user);
  if (!manifest.botEvents.has('app_home_opened')) return;
  const dm = emulator.dmWith(persona.id);
  expectOk(await ctx.send(eventCallback(appHomeOpened({ user: persona.id, channel: dm.id, tab: 'home' }), team)));
};

const runMessageShortcut = async (ctx: RouterContext, action: Extract<BrowserAction, { type: 'message_action' }>) => {
  const { emulator, manifest, visibleChannel, interactionContext } = ctx;
  const persona = requirePersona(action.user);
  visibleChannel(persona, action.channel);
  if (!manifest.messageShortcuts.some((s) => s.callbackId === action.callbackId))
    throw new PlaygroundError('bad_request');
  const message = emulator.workspace.findMessage(action.channel, action.ts);
  if (!message) throw new PlaygroundError('message_gone');
  const responseUrl = emulator.responseUrl({ channel: action.channel, user: persona.id });
  const payload = messageAction(interactionContext(persona, responseUrl), {
    callbackId: action.callbackId,
    channel: action.channel,
    message: {
      ts: message.ts,
      text: message.text,
      user: message.user,
      ...(message.threadTs ? { threadTs: message.threadTs } : {}),
    },
  });
  expectOk(await ctx.send(interaction(payload)));
};

/**
 * Turns the page's actions into what Slack would send the app: the user's message stored in the
 * workspace plus a signed event, a signed slash command, or a signed interactivity payload. The
 * app then answers through the emulated Web API, whose changes the page sees live.
 */
export const createActionRouter = (deps: ActionRouterDeps) => {
  const ctx = createRouterContext(deps);
  const { emulator, manifest } = ctx;
  const team = ctx.team;

  // Opening the DM is opening the app's messages tab (the agent view), once per user: Slack sends
  // app_home_opened with tab "messages", and the app offers its suggested prompts.
  const openedTabs = new Set<string>();
  const openDm = async (action: Extract<BrowserAction, { type: 'dm_opened' }>) => {
    const persona = requirePersona(action.user);
    if (!manifest.botEvents.has('app_home_opened') || openedTabs.has(persona.id)) return;
    openedTabs.add(persona.id);
    const dm = emulator.dmWith(persona.id);
    const event = { type: 'app_home_opened', user: persona.id, channel: dm.id, tab: 'messages', event_ts: newTs() };
    expectOk(await deps.send(eventCallback(event, team)));
  };

  /** Validates and performs one page action. Throws a {@link PlaygroundError} the page can show. */
  return async (input: unknown): Promise<void> => {
    const parsed = browserActionSchema.safeParse(input);
    if (!parsed.success) throw new PlaygroundError('bad_request');
    const action = parsed.data;
    try {
      switch (action.type) {
        case 'message':
          return await postMessage(ctx, action);
        case 'command':
          return await runCommand(ctx, action);
        case 'block_actions':
          return await blockAction(ctx, action);
        case 'view_submission':
          return await submitView(ctx, action);
        case 'view_closed':
          return await closeViewByUser(ctx, action);
        case 'home_opened':
          return await openHome(ctx, action);
        case 'dm_opened':
          return await openDm(action);
        case 'message_action':
          return await runMessageShortcut(ctx, action);
      }
    } catch (error) {
      if (error instanceof PlaygroundError) throw error;
      // fetch failed: the app is not listening (crashed or still starting).
      throw new PlaygroundError('app_unreachable');
    }
  };
};
