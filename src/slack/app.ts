import type { Server } from 'node:http';
import { App, HTTPReceiver, type Logger, LogLevel, SocketModeReceiver } from '@slack/bolt';
import { WEB_API_TIMEOUT_MS, webClientOptions } from './client-options.js';
import { createSlackTransport } from './http-transport.js';
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
};

export type SlackApp = {
  app: App;
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

/**
 * Builds the Bolt app for Socket Mode or HTTP mode. HTTP mode acks before the listener runs
 * (`processBeforeResponse: false`), serves `/slack/events` for events, commands and
 * interactivity, and `/healthz` for load balancers.
 */
export const createSlackApp = (options: SlackAppOptions): SlackApp => {
  const transport = createSlackTransport({ timeoutMs: WEB_API_TIMEOUT_MS });
  const clientOptions = webClientOptions({
    apiUrl: options.apiUrl,
    fetch: transport.fetch,
    onRateLimited: (key, waitMs) => options.logger.warn(`Slack rate limit on ${key}: holding it back ${waitMs} ms`),
    ...(options.retries === undefined ? {} : { retries: options.retries }),
  });
  const identity = options.bot
    ? { botUserId: options.bot.userId, botId: options.bot.botId, tokenVerificationEnabled: false }
    : {};
  const logLevel = LEVELS[options.logger.getLevel()] ?? LogLevel.INFO;
  // Conversation state lives in our StateStore; Bolt's per-process in-memory conversation store
  // is unused and costs a lookup (and a new Error for every unseen thread) on each event.
  const convoStore = false;
  if (options.mode === 'socket') {
    if (!options.appToken) throw new Error('SLACK_APP_TOKEN: required for Socket Mode');
    // The receiver is built here (Bolt would build an equivalent one) to set the heartbeat and to
    // keep the socket client's patient retries for `apps.connections.open`: with our 2 retries,
    // three failed calls during a reconnect (a Slack or proxy outage of a few seconds) end in an
    // unhandled rejection inside @slack/socket-mode, which stops the process. Tests pass
    // `retries` explicitly and see failures at once.
    const { retryConfig: _connectionRetries, ...connectionOptions } = clientOptions;
    const receiver = new SocketModeReceiver({
      appToken: options.appToken,
      logger: options.logger,
      logLevel,
      installerOptions: { clientOptions: options.retries === undefined ? connectionOptions : clientOptions },
      ...(options.socketPingTimeoutMs === undefined ? {} : { clientPingTimeout: options.socketPingTimeoutMs }),
    });
    const app = new App({
      token: options.botToken,
      receiver,
      socketMode: true,
      convoStore,
      logger: options.logger,
      logLevel,
      clientOptions,
      ...identity,
    });
    return {
      app,
      start: async () => {
        await app.start();
        return { port: null };
      },
      stop: async (stopOptions = {}) => {
        await app.stop();
        await stopOptions.beforeClose?.();
        await transport.close();
      },
    };
  }
  if (!options.signingSecret) throw new Error('SLACK_SIGNING_SECRET: required for HTTP mode');
  const receiver = new HTTPReceiver({
    signingSecret: options.signingSecret,
    endpoints: '/slack/events',
    processBeforeResponse: false,
    logger: options.logger,
    logLevel,
    customRoutes: [
      {
        path: '/healthz',
        method: ['GET'],
        handler: (_req, res) => {
          res.writeHead(200, { 'content-type': 'text/plain' });
          res.end('ok');
        },
      },
    ],
  });
  guardSlackRequests(receiver, {
    signingSecret: options.signingSecret,
    logger: options.logger,
    endpoint: '/slack/events',
  });
  const app = new App({
    token: options.botToken,
    receiver,
    convoStore,
    logger: options.logger,
    logLevel,
    clientOptions,
    ...identity,
  });
  return {
    app,
    start: async (listen = { port: 3000 }) => {
      const server = (await app.start(
        listen.host === undefined ? listen.port : { port: listen.port, host: listen.host },
      )) as Server;
      const address = server.address();
      return { port: typeof address === 'object' && address !== null ? address.port : listen.port };
    },
    stop: async (stopOptions = {}) => {
      await app.stop();
      await stopOptions.beforeClose?.();
      await transport.close();
    },
  };
};
