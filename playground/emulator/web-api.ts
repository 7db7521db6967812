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
import { checkBlocks } from './block-limits.js';
import { METHODS, type MethodContext, SlackMethodError } from './methods.js';
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

export type { DeliveredEnvelope, EnvelopeInput, SocketAck, SocketConnection, SocketModeServer } from './socket-mode.js';
export type { ChangeEvent, EmulatedChannel, EmulatedEphemeral, EmulatedMessage, EmulatedUser } from './workspace.js';
export { Workspace } from './workspace.js';

export type Failure = { status: 429; retryAfter: number } | { status: 500 } | { error: string } | { delayMs: number };

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

export type ResponseTarget = { channel: string; user: string; messageTs?: string; ephemeralId?: string };

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

const JSON_FIELDS = new Set(['blocks', 'attachments', 'view', 'loading_messages', 'prompts', 'chunks', 'metadata']);

const readBody = async (req: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

/** Slack accepts JSON bodies and form bodies whose structured fields are JSON strings. */
export const parseApiBody = (raw: string, contentType: string | undefined): Record<string, unknown> => {
  if (raw === '') return {};
  if (contentType?.includes('application/json')) {
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  }
  const body: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    if (JSON_FIELDS.has(key) || /^[[{]/.test(value)) {
      try {
        body[key] = JSON.parse(value);
        continue;
      } catch {
        // Not JSON after all: keep the string, as Slack would.
      }
    }
    body[key] = value;
  }
  return body;
};

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
  const failures = new Map<string, Failure[]>();
  const listeners = new Set<(event: ChangeEvent) => void>();
  const responseTargets = new Map<string, ResponseTarget>();
  const emit = (event: ChangeEvent) => {
    for (const listener of [...listeners]) listener(event);
  };
  const socketMode = createSocketModeServer({
    appTokens: options.appToken ? [options.appToken] : [],
    appId: 'A0QUADRANT',
    wsBaseUrl: () => `ws://127.0.0.1:${port}`,
    emit,
    waitFor: (probe, timeoutMs) => waitFor(probe, timeoutMs),
  });
  const ctx: MethodContext = {
    workspace,
    bot: { userId: bot.userId, botId: bot.botId, teamId: team.id, teamName: team.name, appId: 'A0QUADRANT' },
    emit,
  };

  const handleApi = async (method: string, req: IncomingMessage, res: ServerResponse) => {
    const raw = await readBody(req);
    let body: Record<string, unknown>;
    try {
      body = parseApiBody(raw, req.headers['content-type']);
    } catch {
      sendJson(res, 200, { ok: false, error: 'invalid_json' });
      return;
    }
    const header = req.headers.authorization;
    const token = header?.startsWith('Bearer ')
      ? header.slice(7)
      : typeof body.token === 'string'
        ? body.token
        : undefined;
    const { token: _ignored, ...withoutToken } = body;
    calls.push({ method, body: withoutToken, token, at: Date.now() });
    emit({ kind: 'call', method });

    const failure = failures.get(method)?.shift();
    if (failure && 'delayMs' in failure) await sleep(failure.delayMs);
    else if (failure && 'status' in failure && failure.status === 429) {
      sendJson(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(failure.retryAfter) });
      return;
    } else if (failure && 'status' in failure) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('Internal Server Error');
      return;
    } else if (failure && 'error' in failure) {
      sendJson(res, 200, { ok: false, error: failure.error });
      return;
    }

    if (method === 'apps.connections.open') return sendJson(res, 200, socketMode.open(token));
    if (token === undefined) return sendJson(res, 200, { ok: false, error: 'not_authed' });
    if (token !== bot.token) return sendJson(res, 200, { ok: false, error: 'invalid_auth' });
    const handler = METHODS[method];
    if (!handler) return sendJson(res, 200, { ok: false, error: 'unknown_method' });
    try {
      sendJson(res, 200, { ok: true, ...handler(withoutToken, ctx) });
    } catch (error) {
      if (!(error instanceof SlackMethodError)) throw error;
      const metadata = error.detail ? { response_metadata: { messages: [`[ERROR] ${error.detail}`] } } : {};
      sendJson(res, 200, { ok: false, error: error.code, ...metadata });
    }
  };

  /** response_url semantics: replace/delete the original, or post a new ephemeral/in-channel message. */
  const handleResponse = async (id: string, req: IncomingMessage, res: ServerResponse) => {
    const target = responseTargets.get(id);
    if (!target) return sendJson(res, 404, { ok: false, error: 'expired_url' });
    let body: Record<string, unknown>;
    try {
      body = parseApiBody(await readBody(req), 'application/json');
    } catch {
      return sendJson(res, 400, { ok: false, error: 'invalid_json' });
    }
    calls.push({ method: 'response_url', body, token: undefined, at: Date.now() });
    emit({ kind: 'call', method: 'response_url' });
    const text = typeof body.text === 'string' ? body.text : '';
    const blocks = Array.isArray(body.blocks) ? body.blocks : undefined;
    const deleting = body.delete_original === true || body.delete_original === 'true';
    if (!deleting) {
      if (text === '' && !blocks) return sendJson(res, 400, { ok: false, error: 'no_text' });
      if ([...text].length > 40_000) return sendJson(res, 400, { ok: false, error: 'msg_too_long' });
      const problem = checkBlocks(blocks, 'message');
      if (problem) return sendJson(res, 400, { ok: false, error: 'invalid_blocks', detail: problem });
    }
    const ephemeral = workspace.ephemerals.find((e) => e.id === target.ephemeralId);
    const original = target.messageTs ? workspace.findMessage(target.channel, target.messageTs) : undefined;
    const replacing = body.replace_original === true || body.replace_original === 'true';
    if (deleting || replacing) {
      if (ephemeral) {
        if (deleting) {
          workspace.ephemerals.splice(workspace.ephemerals.indexOf(ephemeral), 1);
          emit({ kind: 'ephemeral_deleted', ephemeral });
        } else {
          ephemeral.text = text;
          if (blocks) ephemeral.blocks = blocks;
          else delete ephemeral.blocks;
          emit({ kind: 'ephemeral', ephemeral });
        }
        return sendJson(res, 200, { ok: true });
      }
      if (original) {
        if (deleting) {
          workspace.removeMessage(original);
          emit({ kind: 'message_deleted', channel: original.channel, ts: original.ts });
        } else {
          original.text = text;
          if (blocks) original.blocks = blocks;
          original.edited = true;
          emit({ kind: 'message_changed', message: original });
        }
        return sendJson(res, 200, { ok: true });
      }
      return sendJson(res, 404, { ok: false, error: 'message_not_found' });
    }
    const threadTs = typeof body.thread_ts === 'string' ? body.thread_ts : undefined;
    if (body.response_type === 'in_channel') {
      const message: EmulatedMessage = {
        channel: target.channel,
        ts: workspace.nextTs(),
        user: bot.userId,
        botId: bot.botId,
        text,
        ...(blocks ? { blocks } : {}),
        ...(threadTs ? { threadTs } : {}),
      };
      workspace.addMessage(message);
      emit({ kind: 'message', message });
    } else {
      const created: EmulatedEphemeral = {
        id: workspace.nextId('E'),
        channel: target.channel,
        user: target.user,
        ts: workspace.nextTs(),
        text,
        ...(blocks ? { blocks } : {}),
        ...(threadTs ? { threadTs } : {}),
      };
      workspace.ephemerals.push(created);
      // Later responses to this URL (e.g. replace_original from the same command) target it.
      target.ephemeralId ??= created.id;
      emit({ kind: 'ephemeral', ephemeral: created });
    }
    return sendJson(res, 200, { ok: true });
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const api = /^\/api\/([A-Za-z.]+)$/.exec(url.pathname);
    const response = /^\/response\/([A-Za-z0-9]+)$/.exec(url.pathname);
    const work = api?.[1]
      ? handleApi(api[1], req, res)
      : response?.[1] && req.method === 'POST'
        ? handleResponse(response[1], req, res)
        : Promise.resolve(sendJson(res, 404, { ok: false, error: 'unknown_method' }));
    work.catch((error: unknown) => {
      // A bug in the emulator must be visible in the test, not a hung request.
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: 'emulator_error', detail: String(error) });
    });
  });
  server.on('upgrade', (req, socket, head) => socketMode.handleUpgrade(req, socket, head));
  // Idle connections stay open as Slack's do. undici (Node's fetch, the Web API client) reuses a
  // connection only if the advertised keep-alive outlasts its 2 s safety margin: at 1 s every
  // Web API call paid a fresh TCP connect. close() ends idle connections itself.
  server.keepAliveTimeout = 10_000;
  server.listen(options.port ?? 0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  const baseUrl = `http://127.0.0.1:${port}`;

  const waitFor = <T>(probe: () => T | undefined | null | false, timeoutMs = 5000): Promise<T> =>
    new Promise((resolve, reject) => {
      const check = () => {
        const value = probe();
        if (value !== undefined && value !== null && value !== false) {
          done();
          resolve(value);
          return true;
        }
        return false;
      };
      const timer = setTimeout(() => {
        done();
        const recent = calls
          .slice(-8)
          .map((c) => c.method)
          .join(', ');
        reject(new Error(`waitFor timed out after ${timeoutMs} ms; recent calls: ${recent || 'none'}`));
      }, timeoutMs);
      const unsubscribe = (() => {
        listeners.add(check);
        return () => listeners.delete(check);
      })();
      const done = () => {
        clearTimeout(timer);
        unsubscribe();
      };
      check();
    });

  return {
    apiUrl: `${baseUrl}/api/`,
    baseUrl,
    port,
    team,
    bot,
    workspace,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
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
    responseUrl: (target) => {
      const id = workspace.nextId('R');
      responseTargets.set(id, { ...target });
      return `${baseUrl}/response/${id}`;
    },
    failNext: (method, failure) => {
      const queue = failures.get(method) ?? [];
      queue.push(failure);
      failures.set(method, queue);
    },
    onChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    waitFor,
    thread: (channel, threadTs) =>
      workspace.messages.filter((m) => m.channel === channel && (m.ts === threadTs || m.threadTs === threadTs)),
    ephemeralsFor: (user) => workspace.ephemerals.filter((e) => e.user === user),
    sendToApp: (request, sendOptions = {}) => {
      const url = sendOptions.url ?? options.appUrl;
      const signingSecret = sendOptions.signingSecret ?? options.signingSecret;
      if (!url || !signingSecret) throw new Error('sendToApp needs appUrl and signingSecret');
      return sendSignedRequest(request, { ...sendOptions, url, signingSecret });
    },
    socketMode,
    close: async () => {
      socketMode.close();
      listeners.clear();
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
};
