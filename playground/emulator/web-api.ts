/**
 * A Slack Web API emulator: a real HTTP server on 127.0.0.1 that the app's WebClient talks to
 * (set `SLACK_API_URL` / `slackApiUrl` to `emulator.apiUrl`). Used by the integration tests,
 * `npm run bench` and the local playground.
 *
 * API of {@link startSlackEmulator}:
 * - `apiUrl` (`http://127.0.0.1:PORT/api/`), `port`, `team`, `bot` ({ userId, botId, token }).
 * - `workspace`: the state (users, channels incl. DMs and private channels with members, messages
 *   with `threadTs`, ephemeral messages per user, views per user, home tabs, thread status,
 *   suggested prompts, titles, streams). Mutate through the helpers below.
 * - `addUser`, `addChannel`, `dmWith(userId)`, `postAsUser` (a human message stored in a channel).
 * - `responseUrl({ channel, user, messageTs?, ephemeralId? })`: a `response_url` served by the
 *   emulator; `respond()` calls there post, replace or delete messages and ephemerals.
 * - `calls`: every Web API call `{ method, body, token, at }`; `callsTo(method)`.
 * - `failNext(method, failure)`: the next call of `method` answers 429 with Retry-After, 500,
 *   a Slack error such as `not_in_channel`, or is delayed. Failures queue up in order.
 * - `failChannel(channel, failure, { method, times })`: calls about one channel fail while other
 *   channels are served; `clearFailures()` ends every failure.
 * - `onChange(listener)`: every state change (message, edit, delete, ephemeral, view, home,
 *   status, prompts, title) and every call; returns an unsubscribe function.
 * - `waitFor(probe, timeoutMs?)`: resolves with the first truthy `probe()` result, re-checked
 *   on every change; rejects with the recent calls when it times out.
 * - With `appUrl` and `signingSecret`: `sendToApp(request)` delivers a correctly signed
 *   request (see signed-requests.ts) to the app, like Slack does.
 * - With `appToken` (an `xapp-` token): Socket Mode. `apps.connections.open` answers a
 *   `ws://127.0.0.1:PORT/link/?ticket=…` URL served by this same server; `socketMode` delivers
 *   envelopes over it, records acks and sends `disconnect` (see socket-mode.ts).
 * - `close()`.
 *
 * The jobs live in their own modules: request parsing and auth (api-request.ts), failure injection
 * (failure-injection.ts), `response_url` (response-url.ts), change notifications (change-feed.ts),
 * Socket Mode (socket-mode.ts) and the methods themselves (methods.ts); this file routes.
 *
 * Answers like Slack: `{ ok: true, ... }` (`ts`, `channel`, `message`; `chat.startStream`
 * returns `ts`), errors as `{ ok: false, error }` with HTTP 200; `invalid_auth`/`not_authed`
 * when the bearer token is wrong or missing; form-encoded and JSON bodies; Block Kit limits
 * (50 blocks per message, 100 per modal/home, 3,000 per section text, 150 per header, 75 per
 * button label, 40,000 per message text -> `msg_too_long`).
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendJson } from '../../src/lib/http.js';
import { sleep } from '../../src/lib/sleep.js';
import { authError, parseApiBody, readBody, tokenOf } from './api-request.js';
import { createChangeFeed } from './change-feed.js';
import { answerFailure, createFailureInjection, type Failure, type FailureInjection } from './failure-injection.js';
import { METHODS, type MethodContext, SlackMethodError } from './methods.js';
import { createResponseUrls, type ResponseTarget } from './response-url.js';
import { type SendOptions, type SignedRequest, type SignedResponse, sendSignedRequest } from './signed-requests.js';
import { createSocketModeServer, type SocketModeServer } from './socket-mode.js';
import {
  type ChangeEvent,
  type EmulatedChannel,
  type EmulatedEphemeral,
  type EmulatedMessage,
  type EmulatedUser,
  Workspace,
} from './workspace.js';

export { parseApiBody } from './api-request.js';
export type { Failure } from './failure-injection.js';
export type { ResponseTarget } from './response-url.js';
export type { DeliveredEnvelope, EnvelopeInput, SocketAck, SocketConnection, SocketModeServer } from './socket-mode.js';
export type { ChangeEvent, EmulatedChannel, EmulatedEphemeral, EmulatedMessage, EmulatedUser } from './workspace.js';
export { Workspace } from './workspace.js';

export type RecordedCall = { method: string; body: Record<string, unknown>; token: string | undefined; at: number };

export type SlackEmulatorOptions = {
  botToken: string;
  port?: number;
  /** With `appUrl`, lets `sendToApp` sign requests to the app. */
  signingSecret?: string;
  /** The app's request URL, e.g. `http://127.0.0.1:3000/slack/events`. */
  appUrl?: string;
  /** The app-level `xapp-` token `apps.connections.open` accepts (Socket Mode). */
  appToken?: string;
  teamId?: string;
  teamName?: string;
  botUserId?: string;
  botId?: string;
};

export type SlackEmulator = {
  apiUrl: string;
  baseUrl: string;
  port: number;
  team: { id: string; name: string };
  bot: { userId: string; botId: string; token: string };
  workspace: Workspace;
  calls: RecordedCall[];
  callsTo(method: string): RecordedCall[];
  addUser(user: Partial<EmulatedUser> & { id: string }): EmulatedUser;
  addChannel(channel: { id: string; name?: string; isPrivate?: boolean; members?: string[] }): EmulatedChannel;
  dmWith(userId: string): EmulatedChannel;
  postAsUser(f: { channel: string; user: string; text: string; threadTs?: string }): EmulatedMessage;
  responseUrl(target: ResponseTarget): string;
  failNext(method: string, failure: Failure): void;
  failChannel(channel: string, failure: Failure, options?: { method?: string; times?: number }): void;
  clearFailures(): void;
  onChange(listener: (event: ChangeEvent) => void): () => void;
  waitFor<T>(probe: () => T | undefined | null | false, timeoutMs?: number): Promise<T>;
  /** Messages in a thread (root included), oldest first. */
  thread(channel: string, threadTs: string): EmulatedMessage[];
  ephemeralsFor(user: string): EmulatedEphemeral[];
  sendToApp(request: SignedRequest, options?: Partial<SendOptions>): Promise<SignedResponse>;
  /** Socket Mode: connections, envelope delivery, acks, `disconnect` (needs `appToken`). */
  socketMode: SocketModeServer;
  close(): Promise<void>;
};

const APP_ID = 'A0QUADRANT';

type ApiDeps = {
  bot: { token: string };
  ctx: MethodContext;
  socketMode: SocketModeServer;
  failures: FailureInjection;
  record: (call: RecordedCall) => void;
};

/** One Web API call: parse, record, apply an injected failure, check the token, run the method. */
const handleApi = async (deps: ApiDeps, method: string, req: IncomingMessage, res: ServerResponse) => {
  let body: Record<string, unknown>;
  try {
    body = parseApiBody(await readBody(req), req.headers['content-type']);
  } catch {
    return sendJson(res, 200, { ok: false, error: 'invalid_json' });
  }
  const token = tokenOf(req, body);
  const { token: _ignored, ...withoutToken } = body;
  deps.record({ method, body: withoutToken, token, at: Date.now() });
  const channel = typeof body.channel === 'string' ? body.channel : body.channel_id;
  const failure = deps.failures.take(method, typeof channel === 'string' ? channel : undefined);
  if (failure && 'delayMs' in failure) await sleep(failure.delayMs);
  else if (failure) return answerFailure(failure, res);

  if (method === 'apps.connections.open') return sendJson(res, 200, deps.socketMode.open(token));
  const refused = authError(token, deps.bot.token);
  if (refused) return sendJson(res, 200, { ok: false, error: refused });
  const handler = METHODS[method];
  if (!handler) return sendJson(res, 200, { ok: false, error: 'unknown_method' });
  try {
    sendJson(res, 200, { ok: true, ...handler(withoutToken, deps.ctx) });
  } catch (error) {
    if (!(error instanceof SlackMethodError)) throw error;
    const metadata = error.detail ? { response_metadata: { messages: [`[ERROR] ${error.detail}`] } } : {};
    sendJson(res, 200, { ok: false, error: error.code, ...metadata });
  }
};

/** The routes: `/api/METHOD`, `POST /response/ID`, the Socket Mode upgrade; anything else is unknown. */
const listen = async (
  port: number,
  routes: {
    api: (method: string, req: IncomingMessage, res: ServerResponse) => Promise<void>;
    response: (id: string, req: IncomingMessage, res: ServerResponse) => Promise<void>;
    upgrade: SocketModeServer['handleUpgrade'];
  },
) => {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const api = /^\/api\/([A-Za-z.]+)$/.exec(url.pathname);
    const response = /^\/response\/([A-Za-z0-9]+)$/.exec(url.pathname);
    const work = api?.[1]
      ? routes.api(api[1], req, res)
      : response?.[1] && req.method === 'POST'
        ? routes.response(response[1], req, res)
        : Promise.resolve(sendJson(res, 404, { ok: false, error: 'unknown_method' }));
    work.catch((error: unknown) => {
      // A bug in the emulator must be visible in the test, not a hung request.
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: 'emulator_error', detail: String(error) });
    });
  });
  server.on('upgrade', (req, socket, head) => routes.upgrade(req, socket, head));
  // Idle connections stay open as Slack's do. undici (Node's fetch, the Web API client) reuses a
  // connection only if the advertised keep-alive outlasts its 2 s safety margin: at 1 s every
  // Web API call paid a fresh TCP connect. close() ends idle connections itself.
  server.keepAliveTimeout = 10_000;
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  return server;
};

/** The test and playground helpers that read or seed the workspace. */
const workspaceHelpers = (
  workspace: Workspace,
  bot: { userId: string },
  emit: (event: ChangeEvent) => void,
): Pick<SlackEmulator, 'addUser' | 'addChannel' | 'dmWith' | 'postAsUser' | 'thread' | 'ephemeralsFor'> => ({
  addUser: (user) => {
    const created: EmulatedUser = {
      name: user.id.toLowerCase(),
      realName: user.name ?? user.id,
      isBot: false,
      ...user,
    };
    workspace.users.set(created.id, created);
    return created;
  },
  addChannel: (channel) => {
    const created: EmulatedChannel = {
      id: channel.id,
      name: channel.name ?? channel.id.toLowerCase(),
      isPrivate: channel.isPrivate ?? false,
      isIm: false,
      members: new Set(channel.members ?? []),
    };
    workspace.channels.set(created.id, created);
    return created;
  },
  dmWith: (userId) => workspace.dmWith(userId, bot.userId),
  postAsUser: ({ channel, user, text, threadTs }) => {
    const message: EmulatedMessage = {
      channel,
      user,
      text,
      ts: workspace.nextTs(),
      ...(threadTs ? { threadTs } : {}),
    };
    workspace.addMessage(message);
    emit({ kind: 'message', message });
    return message;
  },
  thread: (channel, threadTs) =>
    workspace.messages.filter((m) => m.channel === channel && (m.ts === threadTs || m.threadTs === threadTs)),
  ephemeralsFor: (user) => workspace.ephemerals.filter((e) => e.user === user),
});

/** Starts the emulator on 127.0.0.1 (`port` 0 picks a free one). */
export const startSlackEmulator = async (options: SlackEmulatorOptions): Promise<SlackEmulator> => {
  const workspace = new Workspace();
  const team = { id: options.teamId ?? 'T0QUADRANT', name: options.teamName ?? 'Quadrant Bank' };
  const bot = {
    userId: options.botUserId ?? 'UBOTQUADRANT',
    botId: options.botId ?? 'BQUADRANT',
    token: options.botToken,
  };
  workspace.users.set(bot.userId, { id: bot.userId, name: 'quadrant', realName: 'Quadrant', isBot: true });
  const calls: RecordedCall[] = [];
  const feed = createChangeFeed(() => calls.slice(-8).map((c) => c.method));
  const record = (call: RecordedCall) => {
    calls.push(call);
    feed.emit({ kind: 'call', method: call.method });
  };
  const failures = createFailureInjection();
  let baseUrl = '';
  const socketMode = createSocketModeServer({
    appTokens: options.appToken ? [options.appToken] : [],
    appId: APP_ID,
    wsBaseUrl: () => baseUrl.replace(/^http:/, 'ws:'),
    emit: feed.emit,
    waitFor: feed.waitFor,
  });
  const responses = createResponseUrls({
    workspace,
    bot,
    baseUrl: () => baseUrl,
    emit: feed.emit,
    record: (body) => record({ method: 'response_url', body, token: undefined, at: Date.now() }),
  });
  const ctx: MethodContext = {
    workspace,
    bot: { userId: bot.userId, botId: bot.botId, teamId: team.id, teamName: team.name, appId: APP_ID },
    emit: feed.emit,
  };
  const server = await listen(options.port ?? 0, {
    api: (method, req, res) => handleApi({ bot, ctx, socketMode, failures, record }, method, req, res),
    response: responses.handle,
    upgrade: socketMode.handleUpgrade,
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://127.0.0.1:${port}`;

  return {
    apiUrl: `${baseUrl}/api/`,
    baseUrl,
    port,
    team,
    bot,
    workspace,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    ...workspaceHelpers(workspace, bot, feed.emit),
    responseUrl: responses.create,
    failNext: failures.failNext,
    failChannel: failures.failChannel,
    clearFailures: failures.clear,
    onChange: feed.onChange,
    waitFor: feed.waitFor,
    sendToApp: (request, sendOptions = {}) => {
      const url = sendOptions.url ?? options.appUrl;
      const signingSecret = sendOptions.signingSecret ?? options.signingSecret;
      if (!url || !signingSecret) throw new Error('sendToApp needs appUrl and signingSecret');
      return sendSignedRequest(request, { ...sendOptions, url, signingSecret });
    },
    socketMode,
    close: async () => {
      socketMode.close();
      feed.clear();
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
};
