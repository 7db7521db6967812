import { z } from 'zod';
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
} from '../emulator/signed-requests.js';
import type { SlackEmulator } from '../emulator/web-api.js';
import type { EmulatedMessage, EmulatedView } from '../emulator/workspace.js';
import type { AppManifest } from './app-manifest.js';
import { PlaygroundError } from './messages.js';
import { findPersona, type Persona, TEAM_CHANNEL } from './personas.js';

const MAX_MESSAGE_CHARS = 40_000;

const slackId = z.string().regex(/^[A-Z0-9]{2,32}$/);
const ts = z.string().regex(/^\d{1,12}\.\d{1,8}$/);
/** Slack's view.state.values: block id -> action id -> element state. */
const stateValues = z.record(z.string().max(255), z.record(z.string().max(255), z.record(z.string(), z.unknown())));
/** A Slack-shaped action object built by the page's Block Kit renderer. */
const pageAction = z.looseObject({
  type: z.string().min(1).max(64),
  action_id: z.string().min(1).max(255),
  block_id: z.string().min(1).max(255),
});

/** Everything the page can ask for; anything else is a `bad_request`. */
export const browserActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('message'), user: slackId, channel: slackId, text: z.string(), threadTs: ts.optional() }),
  z.object({
    type: z.literal('command'),
    user: slackId,
    channel: slackId,
    command: z.string().regex(/^\/[\w-]{1,32}$/),
    text: z.string().max(4000),
    threadTs: ts.optional(),
  }),
  z.object({
    type: z.literal('block_actions'),
    user: slackId,
    source: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('message'), channel: slackId, ts }),
      z.object({ kind: z.literal('ephemeral'), channel: slackId, ts, ephemeralId: z.string().max(64) }),
      z.object({ kind: z.literal('view'), viewId: z.string().max(64) }),
      z.object({ kind: z.literal('home'), viewId: z.string().max(64) }),
    ]),
    action: pageAction,
    values: stateValues.optional(),
  }),
  z.object({ type: z.literal('view_submission'), user: slackId, viewId: z.string().max(64), values: stateValues }),
  z.object({ type: z.literal('view_closed'), user: slackId, viewId: z.string().max(64) }),
  z.object({ type: z.literal('home_opened'), user: slackId }),
  z.object({ type: z.literal('dm_opened'), user: slackId }),
  z.object({
    type: z.literal('message_action'),
    user: slackId,
    channel: slackId,
    ts,
    callbackId: z.string().min(1).max(255),
  }),
]);

export type BrowserAction = z.infer<typeof browserActionSchema>;

/** What a modal's ack may ask for (Slack's response_action). */
const viewAckSchema = z.object({
  response_action: z.enum(['errors', 'update', 'push', 'clear']).optional(),
  errors: z.record(z.string(), z.string()).optional(),
  view: z.record(z.string(), z.unknown()).optional(),
});

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

/** The modal bookkeeping Slack does for a client: who a trigger belongs to, errors, versions. */
export type PlaygroundViews = {
  triggers: Map<string, string>;
  errors: Map<string, Record<string, string>>;
  versions: Map<string, number>;
};

export const createPlaygroundViews = (): PlaygroundViews => ({
  triggers: new Map(),
  errors: new Map(),
  versions: new Map(),
});

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

const viewPayload = (view: EmulatedView, values: Record<string, unknown>, hash: string) => ({
  ...view.view,
  id: view.id,
  type: view.type,
  callback_id: typeof view.view.callback_id === 'string' ? view.view.callback_id : '',
  private_metadata: typeof view.view.private_metadata === 'string' ? view.view.private_metadata : '',
  root_view_id: view.rootViewId ?? view.id,
  hash,
  state: { values },
});

/**
 * Turns the page's actions into what Slack would send the app: the user's message stored in the
 * workspace plus a signed event, a signed slash command, or a signed interactivity payload. The
 * app then answers through the emulated Web API, whose changes the page sees live.
 */
export const createActionRouter = (deps: ActionRouterDeps) => {
  const { emulator, manifest, views } = deps;
  const team = { teamId: emulator.team.id };

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

  const closeView = (view: EmulatedView) => {
    view.closed = true;
    views.errors.delete(view.id);
  };

  const closeStack = (view: EmulatedView) => {
    const root = view.rootViewId ?? view.id;
    for (const other of emulator.workspace.views.values()) {
      if (other.user === view.user && (other.id === root || other.rootViewId === root)) closeView(other);
    }
  };

  const postMessage = async (action: Extract<BrowserAction, { type: 'message' }>) => {
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
    for (const event of events) expectOk(await deps.send(eventCallback(event, team)));
  };

  const runCommand = async (action: Extract<BrowserAction, { type: 'command' }>) => {
    const persona = requirePersona(action.user);
    visibleChannel(persona, action.channel);
    const known = manifest.commands.length === 0 || manifest.commands.some((c) => c.command === action.command);
    if (!known) throw new PlaygroundError('unknown_command', { command: action.command });
    const responseUrl = emulator.responseUrl({ channel: action.channel, user: persona.id });
    const context = interactionContext(persona, responseUrl);
    const response = await deps.send(
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

  const blockAction = async (action: Extract<BrowserAction, { type: 'block_actions' }>) => {
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
        view: viewPayload(view, action.values ?? {}, `${view.id}-${views.versions.get(view.id) ?? 0}`),
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
    expectOk(await deps.send(interaction(payload)));
  };

  const submitView = async (action: Extract<BrowserAction, { type: 'view_submission' }>) => {
    const persona = requirePersona(action.user);
    const view = openView(persona, action.viewId);
    const base = viewSubmission(interactionContext(persona), {
      callbackId: typeof view.view.callback_id === 'string' ? view.view.callback_id : '',
      values: action.values,
      viewId: view.id,
    });
    const hash = `${view.id}-${views.versions.get(view.id) ?? 0}`;
    const response = await deps.send(interaction({ ...base, view: viewPayload(view, action.values, hash) }));
    expectOk(response);
    applyViewAck(persona, view, response.body);
    deps.changed();
  };

  const applyViewAck = (persona: Persona, view: EmulatedView, body: string) => {
    let ack: z.infer<typeof viewAckSchema> = {};
    if (body.trim() !== '') {
      try {
        const parsed = viewAckSchema.safeParse(JSON.parse(body));
        if (parsed.success) ack = parsed.data;
      } catch {
        // Not JSON: Slack treats any other 200 body as a plain ack.
      }
    }
    switch (ack.response_action) {
      case 'errors':
        views.errors.set(view.id, ack.errors ?? {});
        views.versions.set(view.id, (views.versions.get(view.id) ?? 0) + 1);
        return;
      case 'update':
        if (ack.view) view.view = ack.view;
        views.errors.delete(view.id);
        views.versions.set(view.id, (views.versions.get(view.id) ?? 0) + 1);
        return;
      case 'push':
        if (ack.view) {
          const pushed: EmulatedView = {
            id: emulator.workspace.nextId('V'),
            user: persona.id,
            type: 'modal',
            view: ack.view,
            rootViewId: view.rootViewId ?? view.id,
          };
          emulator.workspace.views.set(pushed.id, pushed);
        }
        return;
      case 'clear':
        closeStack(view);
        return;
      default:
        closeView(view);
    }
  };

  const closeViewByUser = async (action: Extract<BrowserAction, { type: 'view_closed' }>) => {
    const persona = requirePersona(action.user);
    const view = openView(persona, action.viewId);
    closeView(view);
    deps.changed();
    if (view.view.notify_on_close === true) {
      const payload = {
        type: 'view_closed',
        user: { id: persona.id, name: persona.name.toLowerCase(), team_id: emulator.team.id },
        team: { id: emulator.team.id, domain: 'quadrant-playground' },
        api_app_id: 'A0QUADRANT',
        view: viewPayload(view, {}, `${view.id}-${views.versions.get(view.id) ?? 0}`),
        is_cleared: false,
      };
      expectOk(await deps.send(interaction(payload)));
    }
  };

  const openHome = async (action: Extract<BrowserAction, { type: 'home_opened' }>) => {
    const persona = requirePersona(action.user);
    if (!manifest.botEvents.has('app_home_opened')) return;
    const dm = emulator.dmWith(persona.id);
    expectOk(await deps.send(eventCallback(appHomeOpened({ user: persona.id, channel: dm.id, tab: 'home' }), team)));
  };

  const runMessageShortcut = async (action: Extract<BrowserAction, { type: 'message_action' }>) => {
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
    expectOk(await deps.send(interaction(payload)));
  };

  // Opening the DM starts an assistant thread once per user, as Slack's agent view does, so the
  // app can offer its suggested prompts.
  const startedThreads = new Set<string>();
  const openDm = async (action: Extract<BrowserAction, { type: 'dm_opened' }>) => {
    const persona = requirePersona(action.user);
    if (!manifest.botEvents.has('assistant_thread_started') || startedThreads.has(persona.id)) return;
    startedThreads.add(persona.id);
    const dm = emulator.dmWith(persona.id);
    const event = {
      type: 'assistant_thread_started',
      assistant_thread: { user_id: persona.id, channel_id: dm.id, thread_ts: newTs(), context: {} },
      event_ts: newTs(),
    };
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
          return await postMessage(action);
        case 'command':
          return await runCommand(action);
        case 'block_actions':
          return await blockAction(action);
        case 'view_submission':
          return await submitView(action);
        case 'view_closed':
          return await closeViewByUser(action);
        case 'home_opened':
          return await openHome(action);
        case 'dm_opened':
          return await openDm(action);
        case 'message_action':
          return await runMessageShortcut(action);
      }
    } catch (error) {
      if (error instanceof PlaygroundError) throw error;
      // fetch failed: the app is not listening (crashed or still starting).
      throw new PlaygroundError('app_unreachable');
    }
  };
};

/**
 * Slack knows which user a modal belongs to from the trigger id it issued; the emulated
 * views.open cannot, so the playground fills the owner in from the trigger it handed out.
 */
export const claimOpenedViews = (emulator: SlackEmulator, views: PlaygroundViews) => {
  for (const view of emulator.workspace.views.values()) {
    if (view.type !== 'modal' || view.user !== 'unknown') continue;
    // The recorded call carries the very view object the emulator stored.
    const call = emulator.calls.findLast(
      (c) => (c.method === 'views.open' || c.method === 'views.push') && c.body.view === view.view,
    );
    const trigger = call?.body.trigger_id;
    const owner = typeof trigger === 'string' ? views.triggers.get(trigger) : undefined;
    if (owner) view.user = owner;
  }
};
