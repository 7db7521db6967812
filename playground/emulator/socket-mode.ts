/**
 * Socket Mode for the Slack emulator: `apps.connections.open` and the WebSocket endpoint it
 * hands out, behaving like Slack's so the real `@slack/socket-mode` client (inside Bolt's
 * `SocketModeReceiver`) can connect to it on loopback.
 *
 * - `open(token)` answers `apps.connections.open`: only an app-level `xapp-` token the emulator
 *   was given gets `{ ok: true, url: 'ws://127.0.0.1:PORT/link/?ticket=…' }`; each ticket works once.
 * - On connect the server sends `{ type: 'hello', num_connections, connection_info, debug_info }`.
 * - `deliver(...)` sends an envelope `{ envelope_id, type: 'events_api' | 'slash_commands' |
 *   'interactive', payload, accepts_response_payload, retry_attempt?, retry_reason? }` to the newest
 *   live connection; `deliverRequest(request)` turns a request built by signed-requests.ts (the
 *   HTTP form of the same payload) into that envelope, so HTTP-mode and Socket Mode tests share
 *   their payload builders.
 * - Acks `{ envelope_id, payload? }` are recorded in `acks`; `waitForAck(envelopeId)` waits for one.
 * - Like Slack, an envelope that was not acked when its connection went away is sent again on the
 *   next connection (same `envelope_id`, `retry_attempt` + 1, `retry_reason: 'timeout'`), and an
 *   envelope delivered while no connection is live waits for the next one.
 * - `disconnect(reason)` sends `{ type: 'disconnect', reason }` (default `refresh_requested`) to
 *   every live connection and stops delivering to them, as Slack does before rotating a
 *   connection; the client is expected to close it and open a new one. `dropConnections()` closes
 *   them from the server side instead.
 *
 * The WebSocket protocol itself (handshake, framing, UTF-8 validation, control frames, the close
 * handshake) is the `ws` library's.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { SignedRequest } from './signed-requests.js';
import type { ChangeEvent } from './workspace.js';

export type EnvelopeType = 'events_api' | 'slash_commands' | 'interactive';

export type EnvelopeInput = {
  type: EnvelopeType;
  payload: Record<string, unknown>;
  /** Defaults to Slack's: true for slash commands and for view submissions / block suggestions. */
  acceptsResponsePayload?: boolean;
  /** Events API retries: 1, 2, 3 with a reason such as `timeout`. */
  retryAttempt?: number;
  retryReason?: string;
};

export type DeliveredEnvelope = {
  envelopeId: string;
  type: EnvelopeType;
  payload: Record<string, unknown>;
  acceptsResponsePayload: boolean;
  retryAttempt: number;
  retryReason: string;
  /** Every connection it was sent on (more than one when it was redelivered after a disconnect). */
  connectionIds: string[];
};

export type SocketAck = { envelopeId: string; payload?: Record<string, unknown>; connectionId: string; at: number };

export type SocketConnection = {
  id: string;
  openedAt: number;
  /** `draining` once a `disconnect` message was sent: no more envelopes go there. */
  state: 'open' | 'draining' | 'closed';
  closeCode?: number;
};

export type SocketModeServer = {
  /** The `apps.connections.open` answer for this bearer token. */
  open(token: string | undefined): Record<string, unknown>;
  /** The HTTP server's `upgrade` listener. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  connections: SocketConnection[];
  envelopes: DeliveredEnvelope[];
  acks: SocketAck[];
  /** Messages the app sent that were not acks (should stay empty). */
  unexpected: string[];
  /** The newest connection that can receive envelopes. */
  liveConnection(): SocketConnection | undefined;
  /** Resolves with a live connection other than `except` (e.g. the one a reconnect replaced). */
  waitForConnection(options?: { except?: SocketConnection; timeoutMs?: number }): Promise<SocketConnection>;
  deliver(envelope: EnvelopeInput): DeliveredEnvelope;
  deliverRequest(request: SignedRequest, retry?: { attempt: number; reason: string }): DeliveredEnvelope;
  ackFor(envelopeId: string): SocketAck | undefined;
  waitForAck(envelopeId: string, timeoutMs?: number): Promise<SocketAck>;
  disconnect(reason?: 'refresh_requested' | 'warning' | 'link_disabled'): void;
  dropConnections(code?: number): void;
  close(): void;
};

export type SocketModeServerOptions = {
  appTokens: string[];
  appId: string;
  /** Base of the WebSocket URL, e.g. `ws://127.0.0.1:PORT`. */
  wsBaseUrl: () => string;
  emit: (event: ChangeEvent) => void;
  waitFor: <T>(probe: () => T | undefined | null | false, timeoutMs?: number) => Promise<T>;
};

export const SOCKET_PATH = '/link/';

/** The Socket Mode envelope for a request built for HTTP mode (event callback, command or interaction). */
export const envelopeFromRequest = (request: SignedRequest): EnvelopeInput => {
  if (request.contentType.includes('application/json')) {
    const body = JSON.parse(request.body) as Record<string, unknown>;
    if (body.type !== 'event_callback') throw new Error(`Socket Mode has no envelope for a ${String(body.type)} body`);
    return { type: 'events_api', payload: body };
  }
  const form = new URLSearchParams(request.body);
  const payload = form.get('payload');
  if (payload !== null) return { type: 'interactive', payload: JSON.parse(payload) as Record<string, unknown> };
  if (form.has('command')) return { type: 'slash_commands', payload: Object.fromEntries(form) };
  throw new Error('Socket Mode has no envelope for this form body');
};

const acceptsResponsePayloadByDefault = (envelope: EnvelopeInput): boolean =>
  envelope.type === 'slash_commands' ||
  (envelope.type === 'interactive' &&
    (envelope.payload.type === 'view_submission' || envelope.payload.type === 'block_suggestion'));

const wireEnvelope = (e: DeliveredEnvelope) => ({
  envelope_id: e.envelopeId,
  type: e.type,
  payload: e.payload,
  accepts_response_payload: e.acceptsResponsePayload,
  ...(e.type === 'events_api' ? { retry_attempt: e.retryAttempt, retry_reason: e.retryReason } : {}),
});

const randomId = (bytes: number) => randomBytes(bytes).toString('hex');

/** Acks are small; anything this big is a bug in the peer, not a message worth buffering. */
const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

/** Answers an HTTP upgrade request with an error status and drops the socket. */
const rejectUpgrade = (socket: Duplex, status: number, message: string): void => {
  socket.end(`HTTP/1.1 ${status} ${message}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
};

/** Sends a text frame if the connection is still open; a message to a closing peer is dropped, as on a real network. */
const sendText = (peer: WebSocket | undefined, text: string) => {
  if (peer?.readyState === WebSocket.OPEN) peer.send(text);
};

/** The server's state, shared by the jobs below: tickets, connections, envelopes and acks. */
type State = {
  options: SocketModeServerOptions;
  tickets: Set<string>;
  connections: SocketConnection[];
  peers: Map<string, WebSocket>;
  envelopes: DeliveredEnvelope[];
  acks: SocketAck[];
  unexpected: string[];
  /** Envelopes waiting for a live connection (none was live, or theirs closed before the ack). */
  queue: DeliveredEnvelope[];
  // Wakes up the emulator's waitFor (and anyone on onChange) without a new ChangeEvent kind.
  notify(what: string): void;
};

const live = (s: State) => s.connections.filter((c) => c.state === 'open').at(-1);
const ackFor = (s: State, envelopeId: string) => s.acks.find((a) => a.envelopeId === envelopeId);

// --- delivery: envelopes go to the newest live connection, or wait for the next one.

const sendTo = (s: State, connection: SocketConnection, envelope: DeliveredEnvelope) => {
  envelope.connectionIds.push(connection.id);
  sendText(s.peers.get(connection.id), JSON.stringify(wireEnvelope(envelope)));
};

const flushQueue = (s: State) => {
  const connection = live(s);
  if (!connection) return;
  for (const envelope of s.queue.splice(0)) sendTo(s, connection, envelope);
};

const deliver = (s: State, input: EnvelopeInput): DeliveredEnvelope => {
  const envelope: DeliveredEnvelope = {
    envelopeId: `${randomId(4)}-${randomId(2)}-${randomId(2)}-${randomId(2)}-${randomId(6)}`,
    type: input.type,
    payload: input.payload,
    acceptsResponsePayload: input.acceptsResponsePayload ?? acceptsResponsePayloadByDefault(input),
    retryAttempt: input.retryAttempt ?? 0,
    retryReason: input.retryReason ?? '',
    connectionIds: [],
  };
  s.envelopes.push(envelope);
  const connection = live(s);
  if (connection) sendTo(s, connection, envelope);
  else s.queue.push(envelope);
  return envelope;
};

// --- acks: what the app sends back.

const recordAck = (s: State, connection: SocketConnection, text: string) => {
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    s.unexpected.push(text);
    return;
  }
  const envelopeId = (message as { envelope_id?: unknown }).envelope_id;
  if (typeof message !== 'object' || message === null || typeof envelopeId !== 'string') {
    s.unexpected.push(text);
    return;
  }
  const payload = (message as { payload?: unknown }).payload;
  s.acks.push({
    envelopeId,
    ...(typeof payload === 'object' && payload !== null ? { payload: payload as Record<string, unknown> } : {}),
    connectionId: connection.id,
    at: Date.now(),
  });
  s.notify('ack');
};

// --- connections: opened with a one-time ticket, closed by either side.

const connectionClosed = (s: State, connection: SocketConnection, code: number) => {
  connection.state = 'closed';
  connection.closeCode = code;
  s.peers.delete(connection.id);
  // Slack retries what was not acked; the retry goes to the next connection.
  for (const envelope of s.envelopes) {
    if (envelope.connectionIds.at(-1) !== connection.id || ackFor(s, envelope.envelopeId)) continue;
    if (s.queue.includes(envelope)) continue;
    envelope.retryAttempt += 1;
    envelope.retryReason = 'timeout';
    s.queue.push(envelope);
  }
  s.notify('close');
  flushQueue(s);
};

const accept = (s: State, peer: WebSocket) => {
  const connection: SocketConnection = {
    id: `conn-${s.connections.length + 1}`,
    openedAt: Date.now(),
    state: 'open',
  };
  peer.on('message', (data, isBinary) => {
    // Socket Mode only speaks JSON text; binary frames are ignored like Slack does.
    if (!isBinary && peer.readyState === WebSocket.OPEN) recordAck(s, connection, data.toString());
  });
  peer.on('close', (code) => connectionClosed(s, connection, code));
  peer.on('error', () => peer.terminate());
  s.connections.push(connection);
  s.peers.set(connection.id, peer);
  sendText(
    peer,
    JSON.stringify({
      type: 'hello',
      num_connections: s.connections.filter((c) => c.state !== 'closed').length,
      debug_info: { host: 'applink-emulator', build_number: 1, approximate_connection_time: 18_060 },
      connection_info: { app_id: s.options.appId },
    }),
  );
  s.notify('hello');
  flushQueue(s);
};

/** `apps.connections.open`: only an app-level token the emulator was given gets a one-time ticket. */
const openConnection = (s: State, token: string | undefined): Record<string, unknown> => {
  if (token === undefined) return { ok: false, error: 'not_authed' };
  if (!token.startsWith('xapp-')) return { ok: false, error: 'not_allowed_token_type' };
  if (!s.options.appTokens.includes(token)) return { ok: false, error: 'invalid_auth' };
  const ticket = randomId(16);
  s.tickets.add(ticket);
  return { ok: true, url: `${s.options.wsBaseUrl()}${SOCKET_PATH}?ticket=${ticket}&app_id=${s.options.appId}` };
};

export const createSocketModeServer = (options: SocketModeServerOptions): SocketModeServer => {
  const s: State = {
    options,
    tickets: new Set(),
    connections: [],
    peers: new Map(),
    envelopes: [],
    acks: [],
    unexpected: [],
    queue: [],
    notify: (what) => options.emit({ kind: 'call', method: `socket_mode.${what}` }),
  };
  // No extensions are negotiated (no permessage-deflate), as Slack's endpoint does not either.
  const server = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES, perMessageDeflate: false });

  return {
    open: (token) => openConnection(s, token),
    handleUpgrade: (req, socket, head) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (url.pathname !== SOCKET_PATH) return rejectUpgrade(socket, 404, 'Not Found');
      const ticket = url.searchParams.get('ticket') ?? '';
      if (!s.tickets.delete(ticket)) return rejectUpgrade(socket, 401, 'Unauthorized');
      // ws answers 400 itself to a request that is not a valid WebSocket upgrade.
      server.handleUpgrade(req, socket, head, (peer) => accept(s, peer));
    },
    connections: s.connections,
    envelopes: s.envelopes,
    acks: s.acks,
    unexpected: s.unexpected,
    liveConnection: () => live(s),
    waitForConnection: ({ except, timeoutMs } = {}) =>
      options.waitFor(() => {
        const connection = live(s);
        return connection !== except ? connection : undefined;
      }, timeoutMs),
    deliver: (input) => deliver(s, input),
    deliverRequest: (request, retry) =>
      deliver(s, {
        ...envelopeFromRequest(request),
        ...(retry ? { retryAttempt: retry.attempt, retryReason: retry.reason } : {}),
      }),
    ackFor: (envelopeId) => ackFor(s, envelopeId),
    waitForAck: (envelopeId, timeoutMs) => options.waitFor(() => ackFor(s, envelopeId), timeoutMs),
    disconnect: (reason = 'refresh_requested') => {
      for (const connection of s.connections) {
        if (connection.state !== 'open') continue;
        connection.state = 'draining';
        sendText(
          s.peers.get(connection.id),
          JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'applink-emulator' } }),
        );
      }
      s.notify('disconnect');
    },
    dropConnections: (code = 1001) => {
      for (const peer of s.peers.values()) peer.close(code, 'going away');
    },
    close: () => {
      for (const peer of s.peers.values()) peer.terminate();
      s.peers.clear();
      s.tickets.clear();
      server.close();
    },
  };
};
