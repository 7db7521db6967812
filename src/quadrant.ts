/**
 * The one composition function: config -> playbook -> store -> classifier -> Bolt app -> handlers.
 * src/main.ts, the playground, every test driver and every bench build the app through it, so a new
 * dependency is wired once. Overrides replace only what a test or bench must: where log lines go,
 * the store's clock, Web API retries, a known bot identity, the Socket Mode heartbeat and a
 * classifier decorator. The store URL and the Slack API URL come from config like in production.
 */
import type { HandlerDeps } from '../handlers/deps.js';
import { registerHandlers } from '../handlers/index.js';
import { type Config, ConfigError } from './config.js';
import { type Playbook, PlaybookError } from './domain/playbook.js';
import { redact } from './domain/redact.js';
import type { TeamModels } from './learning/team-models.js';
import { learnFromLog, type TeamSync } from './learning/team-sync.js';
import { createClassifier } from './llm/classifier.js';
import type { Classifier } from './llm/port.js';
import { fetchVia, proxyDispatcher } from './net/proxy.js';
import { deliveryMiddleware, instrumentClassifier, instrumentStore } from './ops/instrument.js';
import { createMetrics, type Metrics } from './ops/metrics.js';
import { opsRoutes, type Readiness } from './ops/routes.js';
import { loadPlaybook } from './playbook-file.js';
import { createSlackApp, type SlackApp } from './slack/app.js';
import { describeError } from './slack/errors.js';
import type { IdentityCheck } from './slack/identity.js';
import { trackInFlight } from './slack/in-flight.js';
import { createLogger } from './slack/logger.js';
import type { StoreHandle } from './store/backend.js';
import { openStore } from './store/open-store.js';

export type QuadrantOverrides = {
  /** Where log lines go (tests collect them); stderr by default. */
  logSink?: (line: string) => void;
  /** The store's clock (tests age records); the wall clock by default. */
  now?: () => Date;
  /** Web API retries; tests pass 0 to see a failure at once. */
  retries?: number;
  /** A known bot identity skips `auth.test` at start (the playground and emulator-backed tests). */
  bot?: { userId: string; botId: string };
  /** Socket Mode heartbeat (see SlackAppOptions). */
  socketPingTimeoutMs?: number;
  /** Wraps the classifier built from config, e.g. to make it as slow as a model call. */
  classifier?: (built: Classifier) => Classifier;
};

/** One Slack connection: config.slack in production, the playground's own emulated Slack otherwise. */
export type SlackConnection = {
  mode: 'http' | 'socket';
  botToken: string;
  signingSecret?: string;
  appToken?: string;
  apiUrl: string | undefined;
  bot?: { userId: string; botId: string };
  /** Defaults to QUADRANT_ADMINS. */
  admins?: string[];
};

export type QuadrantApp = {
  slackApp: SlackApp;
  deps: HandlerDeps;
  /**
   * Graceful stop: takes no new events, waits up to `boundMs` for the turns in flight, then closes
   * the Web API client. The store stays open (Quadrant.close closes it).
   */
  stop(boundMs?: number): Promise<void>;
};

/** How long a shutdown waits for turns in flight (a container runtime's grace period is 30 s). */
export const SHUTDOWN_BOUND_MS = 10_000;

export type Quadrant = {
  config: Config;
  logger: ReturnType<typeof createLogger>;
  playbook: Playbook;
  store: StoreHandle;
  classifier: Classifier;
  /** The workspaces' team models, kept in step with the decision log. */
  teamModels: TeamModels;
  /** Keeps teamModels in step with what every process sharing the store logs. */
  teamSync: TeamSync;
  /** Prometheus registry and counters, served on /metrics. */
  metrics: Metrics;
  /** The Bolt app with every handler registered, for `connection` (config.slack by default). */
  createApp(connection?: SlackConnection): QuadrantApp;
  /** Closes the store; apps are stopped by their owner first. */
  close(): Promise<void>;
};

/** The Slack connection config describes; a playground config has none. */
export const configuredConnection = (config: Config): SlackConnection => {
  const { slack } = config;
  if (slack.mode === 'playground' || slack.botToken === undefined) {
    throw new ConfigError('SLACK_BOT_TOKEN: required');
  }
  return slack.mode === 'socket'
    ? { mode: 'socket', botToken: slack.botToken, appToken: slack.appToken ?? '', apiUrl: slack.apiUrl }
    : { mode: 'http', botToken: slack.botToken, signingSecret: slack.signingSecret ?? '', apiUrl: slack.apiUrl };
};

/** The playbook file, or a {@link ConfigError} naming QUADRANT_PLAYBOOK. */
const openPlaybook = (path: Config['playbookPath']): Playbook => {
  try {
    return loadPlaybook(path);
  } catch (error) {
    throw new ConfigError(
      error instanceof PlaybookError ? `QUADRANT_PLAYBOOK: ${error.message}` : describeError(error),
    );
  }
};

/** The classifier on the configured LLM, through the proxy when one is set. */
const buildClassifier = (
  config: Config,
  parts: {
    playbook: Playbook;
    teamModels: Quadrant['teamModels'] & Pick<TeamSync, 'catchUp'>;
    logger: Quadrant['logger'];
    dispatcher: ReturnType<typeof proxyDispatcher>;
  },
) => {
  const { logger, dispatcher } = parts;
  return createClassifier({
    playbook: parts.playbook,
    teamModels: parts.teamModels,
    llm: config.llm,
    ...(dispatcher === undefined ? {} : { fetch: fetchVia(dispatcher) }),
    logger: {
      info: (message, fields) => logger.info(message, fields ?? ''),
      warn: (message, fields) => logger.warn(message, fields ?? ''),
    },
  });
};

/** The store answers a read within 2 s. */
const storeAnswers = async (store: Quadrant['store']): Promise<string | undefined> => {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve('store: no answer within 2 s'), 2_000);
  });
  const probe = store.state.getWorkspaceSettings('readyz-probe').then(
    () => undefined,
    (error: unknown) => `store: ${describeError(error).slice(0, 120)}`,
  );
  try {
    return await Promise.race([probe, deadline]);
  } finally {
    clearTimeout(timer);
  }
};

/** Ready when the store answers and Slack's auth.test has succeeded; otherwise the reasons. */
const readinessOf = async (store: Quadrant['store'], identity: IdentityCheck): Promise<Readiness> => {
  const reasons: string[] = [];
  const storeProblem = await storeAnswers(store);
  if (storeProblem !== undefined) reasons.push(storeProblem);
  if (!identity.verified()) reasons.push(`slack: ${identity.lastError() ?? 'auth.test pending'}`);
  return { ready: reasons.length === 0, reasons };
};

/** Before the connection closes, the turns in flight get up to `boundMs` to finish. */
const drainTurns = async (inFlight: ReturnType<typeof trackInFlight>, logger: Quadrant['logger'], boundMs: number) => {
  if (inFlight.count() === 0) return;
  logger.info(`waiting for ${inFlight.count()} turns in flight (at most ${boundMs} ms)`);
  if (!(await inFlight.drain(boundMs))) {
    logger.warn(`${inFlight.count()} turns still running after ${boundMs} ms; stopping anyway`);
  }
};

/** The configured store, or a {@link ConfigError} naming QUADRANT_STORE_URL. */
const openConfiguredStore = (config: Config, logger: Quadrant['logger'], now: QuadrantOverrides['now']) =>
  openStore({
    ...config.store,
    admins: config.admins,
    redact,
    logger: { info: (m) => logger.info(m), warn: (m) => logger.warn(m), error: (m) => logger.error(m) },
    ...(now === undefined ? {} : { now }),
  }).catch((error: unknown) => {
    throw new ConfigError(`QUADRANT_STORE_URL: ${describeError(error)}`);
  });

/**
 * Builds everything but the Slack connection. Throws a {@link ConfigError} naming the variable
 * when the playbook file or the store cannot be opened.
 */
export const createQuadrant = async (config: Config, overrides: QuadrantOverrides = {}): Promise<Quadrant> => {
  // JSON for log pipelines; readable lines for a person at a terminal unless asked otherwise.
  const logFormat = config.logFormat ?? (overrides.logSink === undefined && process.stderr.isTTY ? 'pretty' : 'json');
  const logger = createLogger(config.logLevel, overrides.logSink, logFormat);
  const metrics = createMetrics();
  // The LLM client's own proxy dispatcher; each Slack app builds its own (see createSlackApp).
  const dispatcher = proxyDispatcher(config.proxy);
  const playbook = openPlaybook(config.playbookPath);
  const opened = await openConfiguredStore(config, logger, overrides.now);
  const store = instrumentStore(opened, metrics, config.store.url);
  // The team models learn from the log's feed: rebuilt at start, then caught up before each turn
  // and after each decision this process logs, so decisions logged by other processes count too.
  const learning = await learnFromLog(store.decisions, playbook, (error) =>
    logger.warn(`team models: catch-up after a logged decision failed: ${describeError(error)}`),
  ).catch(async (error: unknown) => {
    await store.close();
    throw new ConfigError(`QUADRANT_STORE_URL: team model rebuild failed: ${describeError(error)}`);
  });
  const { models: teamModels, sync: teamSync, decisions } = learning;
  logger.info(
    `team models: ${learning.learned} team-visible decisions learned (${teamModels.teams().length} workspaces)`,
  );
  const built = buildClassifier(config, { playbook, teamModels: learning.forClassifier, logger, dispatcher });
  const classifier = instrumentClassifier(overrides.classifier ? overrides.classifier(built) : built, metrics);

  const createApp = (connection: SlackConnection = configuredConnection(config)): QuadrantApp => {
    const bot = connection.bot ?? overrides.bot;
    const readiness = () => readinessOf(store, slackApp.identity);
    const slackApp = createSlackApp({
      mode: connection.mode,
      botToken: connection.botToken,
      apiUrl: connection.apiUrl,
      logger,
      ...(connection.signingSecret === undefined ? {} : { signingSecret: connection.signingSecret }),
      ...(connection.appToken === undefined ? {} : { appToken: connection.appToken }),
      ...(bot === undefined ? {} : { bot }),
      ...(overrides.retries === undefined ? {} : { retries: overrides.retries }),
      ...(overrides.socketPingTimeoutMs === undefined ? {} : { socketPingTimeoutMs: overrides.socketPingTimeoutMs }),
      proxy: () => proxyDispatcher(config.proxy),
      routes: opsRoutes({ metrics, readiness }),
      onApiError: (method, code) => metrics.slackApiErrors.inc({ method, code }),
    });
    const inFlight = trackInFlight();
    slackApp.app.use(inFlight.middleware);
    slackApp.app.use(deliveryMiddleware(metrics));
    const deps = registerHandlers(slackApp.app, {
      config: { admins: connection.admins ?? config.admins, alertChannel: config.alertChannel },
      playbook,
      classifier,
      decisions,
      state: store.state,
      logger,
      teamModels: learning.forClassifier,
    });
    const stop = (boundMs = SHUTDOWN_BOUND_MS) =>
      slackApp.stop({ beforeClose: () => drainTurns(inFlight, logger, boundMs) });
    return { slackApp, deps, stop };
  };

  return {
    config,
    logger,
    playbook,
    store,
    classifier,
    teamModels,
    teamSync,
    metrics,
    createApp,
    close: async () => {
      await store.close();
      await dispatcher?.close();
    },
  };
};
