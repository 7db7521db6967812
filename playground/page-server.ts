import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Bilingual } from '../src/domain/types.js';
import { sendJson } from '../src/lib/http.js';
import { PlaygroundError, playgroundErrorText } from './messages.js';
import type { PageSession, PageSnapshot } from './page-types.js';
import { findPersona, type Persona } from './personas.js';

/** The page's files; nothing else under public/ (or anywhere) is served. */
const STATIC_FILES: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/index.html': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/blocks.js': { file: 'blocks.js', type: 'text/javascript; charset=utf-8' },
  '/mrkdwn.js': { file: 'mrkdwn.js', type: 'text/javascript; charset=utf-8' },
  '/style.css': { file: 'style.css', type: 'text/css; charset=utf-8' },
};

const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

const MAX_BODY_BYTES = 256 * 1024;
const HEARTBEAT_MS = 15_000;

export type PageServerDeps = {
  /** What the page needs once: the personas to pick from and the app's slash commands. */
  session: () => PageSession;
  /** One user's current view of the workspace. */
  snapshot: (persona: Persona) => PageSnapshot;
  /** Performs a page action; throws a PlaygroundError to refuse it. */
  act: (action: unknown) => Promise<void>;
  /** Subscribes to workspace changes; returns an unsubscribe function. */
  onChange: (listener: () => void) => () => void;
  port: number;
  host: string;
  publicDir?: URL;
  /** Called with internal errors (never with request bodies, which may hold client data). */
  logError?: (message: string) => void;
};

export type PageServer = { url: string; port: number; close(): Promise<void> };

const sendError = (res: ServerResponse, status: number, error: PlaygroundError) =>
  sendJson(
    res,
    status,
    { ok: false, code: error.code, error: playgroundErrorText(error) satisfies Bilingual },
    SECURITY_HEADERS,
  );

const readJsonBody = async (req: IncomingMessage): Promise<unknown> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new PlaygroundError('bad_request');
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new PlaygroundError('bad_request');
  }
};

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * On a loopback address only loopback Host headers are accepted, so a web page elsewhere cannot
 * reach the playground through DNS rebinding; POSTs must come from the page itself.
 */
const trusted = (req: IncomingMessage, listeningHost: string): boolean => {
  const host = req.headers.host ?? '';
  const hostname = host.replace(/:\d+$/, '');
  const loopback = LOOPBACK_HOSTS.has(listeningHost) || listeningHost.startsWith('127.');
  if (loopback && !LOOPBACK_HOSTS.has(hostname) && !hostname.startsWith('127.')) return false;
  const origin = req.headers.origin;
  if (req.method === 'POST' && origin !== undefined && origin !== `http://${host}`) return false;
  return true;
};

const personaFrom = (url: URL): Persona => {
  const persona = findPersona(url.searchParams.get('user') ?? '');
  if (!persona) throw new PlaygroundError('unknown_user');
  return persona;
};

/** A Server-Sent Events stream for one persona's page: one `change` event per tick of changes. */
const openEventStream = (
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  onChange: PageServerDeps['onChange'],
  streams: Set<ServerResponse>,
) => {
  personaFrom(url);
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': 'text/event-stream; charset=utf-8',
    connection: 'keep-alive',
  });
  res.write('retry: 1000\n\n');
  streams.add(res);
  // Many Web API calls can land in one tick (a stream of appends); one event per tick is enough.
  let pending = false;
  const unsubscribe = onChange(() => {
    if (pending) return;
    pending = true;
    setImmediate(() => {
      pending = false;
      res.write('event: change\ndata: {}\n\n');
    });
  });
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
  req.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
    streams.delete(res);
  });
};

/** Serves the playground page, its JSON API and a Server-Sent Events stream of changes. */
export const startPageServer = async (deps: PageServerDeps): Promise<PageServer> => {
  const publicDir = deps.publicDir ?? new URL('./public/', import.meta.url);
  const streams = new Set<ServerResponse>();

  const openStream = (req: IncomingMessage, res: ServerResponse, url: URL) =>
    openEventStream(req, res, url, deps.onChange, streams);

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (!trusted(req, deps.host)) return sendError(res, 403, new PlaygroundError('forbidden'));
    const url = new URL(req.url ?? '/', 'http://playground.invalid');
    const file = STATIC_FILES[url.pathname];
    if (req.method === 'GET' && file) {
      const content = await readFile(new URL(file.file, publicDir));
      res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': file.type });
      res.end(content);
      return;
    }
    if (req.method === 'GET' && url.pathname === '/api/session')
      return sendJson(res, 200, { ok: true, session: deps.session() }, SECURITY_HEADERS);
    if (req.method === 'GET' && url.pathname === '/api/state') {
      return sendJson(res, 200, { ok: true, state: deps.snapshot(personaFrom(url)) }, SECURITY_HEADERS);
    }
    if (req.method === 'GET' && url.pathname === '/api/events') return openStream(req, res, url);
    if (req.method === 'POST' && url.pathname === '/api/actions') {
      await deps.act(await readJsonBody(req));
      return sendJson(res, 200, { ok: true }, SECURITY_HEADERS);
    }
    return sendError(res, 404, new PlaygroundError('not_found'));
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return;
      // Like Slack's Web API, a refused action is `ok: false` with HTTP 200: the page shows the
      // message, and the browser does not log a failed request as a console error.
      if (error instanceof PlaygroundError) return sendError(res, 200, error);
      deps.logError?.(`playground: ${error instanceof Error ? error.message : String(error)}`);
      sendError(res, 500, new PlaygroundError('app_unreachable'));
    });
  });
  server.listen(deps.port, deps.host);
  try {
    await once(server, 'listening');
  } catch (error) {
    if ((error as { code?: string }).code === 'EADDRINUSE') {
      throw new Error(`PORT: ${deps.port} is already in use on ${deps.host}; set PORT to a free port`);
    }
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${deps.host.includes(':') ? `[${deps.host}]` : deps.host}:${port}`,
    port,
    close: async () => {
      for (const res of streams) res.end();
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
};
