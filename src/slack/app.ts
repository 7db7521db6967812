import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { App, HTTPReceiver, type Logger, LogLevel, SocketModeReceiver } from '@slack/bolt';
import type { Dispatcher } from 'undici';
import { WEB_API_TIMEOUT_MS, webClientOptions } from './client-options.js';
import { createSlackTransport } from './http-transport.js';
import { checkIdentity, type IdentityCheck, knownIdentity } from './identity.js';
import { guardSlackRequests } from './request-guard.js';

export type SlackAppOptions = {
  mode: 'http' | 'socket';
  botToken: string;
  /** HTTP mode: verifies every request (bad signature or stale timestamp: 401). */
  signingSecret?: string;
  /** Socket mode: the app-level `xapp-` token. */
  appToken?: string;
  apiUrl: string | undefined;
  logger: Logger;
  /** Web API retries (tests pass 0). */
  retries?: number;
  /** Known bot identity skips the `auth.test` call at start (tests, bench). */
  bot?: { userId: string; botId: string };
  /**
   * Socket Mode heartbeat: pings every third of this, drops a silent connection after it, and
   * waits this long before reconnecting (the client's default is 5 s; tests shorten it).
   */
  socketPingTimeoutMs?: number;
  /**
   * Operations endpoints (/healthz, /readyz, /metrics). HTTP mode serves them beside
   * `/slack/events`; Socket Mode serves only them, on the port passed to `start`.
   */
  routes?: OpsRoute[];
  /** Outbound proxy: builds one dispatcher for the Web API and one for the Socket Mode WebSocket. */
  proxy?: () => Dispatcher | undefined;
  /** Told of each failed Web API call, for metrics. */
  onApiError?: (method: string, code: string) => void;
};

export type OpsRoute = { path: string; handler: (req: IncomingMessage, res: ServerResponse) => void };

export type SlackApp = {
  app: App;
  /** auth.test: retried in the background until it succeeds (see identity.ts). */
  identity: IdentityCheck;
  /** Starts listening; in HTTP mode on `port` (0 picks a free one), returning the bound port. */
  start(listen?: { port: number; host?: string }): Promise<{ port: number | null }>;
  /**
   * Stops taking events (closes the listener or the socket), runs `beforeClose` (a shutdown
   * waits there for turns in flight, which still need the Web API), then closes the Web API client.
   */
  stop(options?: { beforeClose?: () => Promise<void> }): Promise<void>;
};

const LEVELS: Record<string, LogLevel> = {
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
};

/** What both modes share: the Web API transport and client options, authorization, logging. */
type Shared = {
  transport: ReturnType<typeof createSlackTransport>;
  clientOptions: ReturnType<typeof webClientOptions>;
  auth:
    | { token: string; botUserId: string; botId: string; tokenVerificationEnabled: false }
    | { authorize: () => Promise<{ botToken: string; botUserId: string; botId: string }> };
  /** Resolves the bot's identity: known from the options, or from auth.test with retries. */
  identityOf: (app: App) => IdentityCheck;
  logLevel: LogLevel;
  customPropertiesExtractor: () => { receivedAt: number };
};

// Conversation state lives in our StateStore; Bolt's per-process in-memory conversation store
// is unused and costs a lookup (and a new Error for every unseen thread) on each event.
const convoStore = false;

const sharedParts = (options: SlackAppOptions): Shared => {
  const webApiDispatcher = options.proxy?.();
  const transport = createSlackTransport({
    timeoutMs: WEB_API_TIMEOUT_MS,
    ...(webApiDispatcher === undefined ? {} : { dispatcher: webApiDispatcher }),
    ...(options.onApiError === undefined ? {} : { onError: options.onApiError }),
  });
  const clientOptions = webClientOptions({
    apiUrl: options.apiUrl,
    fetch: transport.fetch,
    onRateLimited: (key, waitMs) => options.logger.warn(`Slack rate limit on ${key}: holding it back ${waitMs} ms`),
    ...(options.retries === undefined ? {} : { retries: options.retries }),
  });
  // With a known identity Bolt skips auth.test. Otherwise we run auth.test ourselves with retries
  // and Bolt's authorize waits for it: Bolt's own check runs once in its constructor and, if Slack
  // is unreachable at that moment, keeps the failure for the life of the process.
  let identity: IdentityCheck;
  const auth: Shared['auth'] = options.bot
    ? {
        token: options.botToken,
        botUserId: options.bot.userId,
        botId: options.bot.botId,
        tokenVerificationEnabled: false,
      }
    : {
        authorize: async () => ({ botToken: options.botToken, ...(await identity.identity()) }),
      };
  const identityOf = (app: App): IdentityCheck => {
    identity = options.bot
      ? knownIdentity({ botUserId: options.bot.userId, botId: options.bot.botId })
      : checkIdentity(() => app.client.auth.test({ token: options.botToken }), options.logger);
    return identity;
  };
  return {
    transport,
    clientOptions,
    auth,
    identityOf,
    logLevel: LEVELS[options.logger.getLevel()] ?? LogLevel.INFO,
    // When a delivery arrived, for the ack-time metric (see quadrant.ts).
    customPropertiesExtractor: () => ({ receivedAt: performance.now() }),
  };
};

/** The Bolt app on its receiver, with the shared client options, authorization and identity. */
const boltApp = (
  options: SlackAppOptions,
  shared: Shared,
  receiver: { receiver: SocketModeReceiver; socketMode: true } | { receiver: HTTPReceiver },
) => {
  const app = new App({
    ...receiver,
    convoStore,
    logger: options.logger,
    logLevel: shared.logLevel,
    clientOptions: shared.clientOptions,
    ...shared.auth,
  });
  return { app, identity: shared.identityOf(app) };
};

const socketModeApp = (options: SlackAppOptions, shared: Shared): SlackApp => {
  if (!options.appToken) throw new Error('SLACK_APP_TOKEN: required for Socket Mode');
  const { transport, clientOptions, logLevel } = shared;
  // The receiver is built here (Bolt would build an equivalent one) to set the heartbeat and to
  // keep the socket client's patient retries for `apps.connections.open`: with our 2 retries,
  // three failed calls during a reconnect (a Slack or proxy outage of a few seconds) end in an
  // unhandled rejection inside @slack/socket-mode, which stops the process. Tests pass
  // `retries` explicitly and see failures at once.
  const { retryConfig: _connectionRetries, ...connectionOptions } = clientOptions;
  const socketDispatcher = options.proxy?.();
  const receiver = new SocketModeReceiver({
    appToken: options.appToken,
    logger: options.logger,
    logLevel,
    installerOptions: { clientOptions: options.retries === undefined ? connectionOptions : clientOptions },
    ...(options.socketPingTimeoutMs === undefined ? {} : { clientPingTimeout: options.socketPingTimeoutMs }),
    ...(socketDispatcher === undefined ? {} : { dispatcher: socketDispatcher }),
    customPropertiesExtractor: shared.customPropertiesExtractor,
  });
  const { app, identity } = boltApp(options, shared, { receiver, socketMode: true });
  let opsServer: Server | undefined;
  return {
    app,
    identity,
    start: async (listen) => {
      // The operations endpoints come up first, so a probe sees the process while it connects.
      if (listen !== undefined && options.routes !== undefined) {
        opsServer = await serveOnly(options.routes, listen);
      }
      identity.start();
      await app.start();
      const address = opsServer?.address();
      return { port: typeof address === 'object' && address !== null ? address.port : null };
    },
    stop: async (stopOptions = {}) => {
      identity.stop();
      await app.stop();
      await stopOptions.beforeClose?.();
      await transport.close();
      await socketDispatcher?.close();
      if (opsServer) await new Promise((resolve) => opsServer?.close(resolve));
    },
  };
};

const httpApp = (options: SlackAppOptions, shared: Shared): SlackApp => {
  if (!options.signingSecret) throw new Error('SLACK_SIGNING_SECRET: required for HTTP mode');
  const { transport, logLevel } = shared;
  const receiver = new HTTPReceiver({
    signingSecret: options.signingSecret,
    endpoints: '/slack/events',
    processBeforeResponse: false,
    logger: options.logger,
    logLevel,
    customRoutes: (options.routes ?? [{ path: '/healthz', handler: healthz }]).map((route) => ({
      path: route.path,
      method: ['GET'],
      handler: route.handler,
    })),
    customPropertiesExtractor: shared.customPropertiesExtractor,
  });
  guardSlackRequests(receiver, {
    signingSecret: options.signingSecret,
    logger: options.logger,
    endpoint: '/slack/events',
  });
  const { app, identity } = boltApp(options, shared, { receiver });
  return {
    app,
    identity,
    start: async (listen = { port: 3000 }) => {
      const server = (await app.start(
        listen.host === undefined ? listen.port : { port: listen.port, host: listen.host },
      )) as Server;
      const address = server.address();
      identity.start();
      return { port: typeof address === 'object' && address !== null ? address.port : listen.port };
    },
    stop: async (stopOptions = {}) => {
      identity.stop();
      await app.stop();
      await stopOptions.beforeClose?.();
      await transport.close();
    },
  };
};

/**
 * Builds the Bolt app for Socket Mode or HTTP mode. HTTP mode acks before the listener runs
 * (`processBeforeResponse: false`), serves `/slack/events` for events, commands and
 * interactivity, and `/healthz` for load balancers.
 */
export const createSlackApp = (options: SlackAppOptions): SlackApp =>
  options.mode === 'socket' ? socketModeApp(options, sharedParts(options)) : httpApp(options, sharedParts(options));

const healthz: OpsRoute['handler'] = (_req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('ok');
};

/** Socket Mode's listener: the operations paths and nothing else (no Slack traffic comes in). */
const serveOnly = async (routes: OpsRoute[], listen: { port: number; host?: string }): Promise<Server> => {
  const byPath = new Map(routes.map((route) => [route.path, route.handler]));
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const handler = req.method === 'GET' ? byPath.get(path) : undefined;
    if (handler === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    handler(req, res);
  });
  server.listen(listen.port, listen.host);
  await once(server, 'listening');
  return server;
};
