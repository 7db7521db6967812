/**
 * Entry point: config -> createQuadrant -> start. Socket Mode when SLACK_APP_TOKEN is set; HTTP mode
 * (`/slack/events` on PORT) when SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN are; otherwise the local
 * playground, loaded only then (a dynamic import keeps it off the production path).
 * A bad configuration prints one line naming the variable and exits 1, without a stack trace.
 */
import { type Config, ConfigError, loadConfig } from './config.js';
import { describeLlmSetup } from './llm/notices.js';
import { installProcessGuards } from './process-guards.js';
import { createQuadrant, type Quadrant } from './quadrant.js';
import { describeError } from './slack/errors.js';

const exitWith = (message: string): never => {
  process.stderr.write(`quadrant: ${message}\n`);
  process.exit(1);
};

const readConfig = (): Config => {
  try {
    return loadConfig();
  } catch (error) {
    return exitWith(error instanceof ConfigError ? error.message : describeError(error));
  }
};

/** Starts the playground with the production app pointed at its emulated Slack. */
const startPlayground = async (quadrant: Quadrant): Promise<() => Promise<void>> => {
  const { startPlayground: start } = await import('../playground/index.js');
  const playground = await start({
    config: quadrant.config,
    createApp: (settings) =>
      quadrant.createApp({
        mode: 'http',
        botToken: settings.botToken,
        signingSecret: settings.signingSecret,
        apiUrl: settings.apiUrl,
        bot: settings.bot,
        admins: settings.admins,
      }).slackApp,
  });
  // Local only: nothing to drain for.
  return () => playground.close();
};

const startSlack = async (quadrant: Quadrant): Promise<() => Promise<void>> => {
  const { config, logger, store } = quadrant;
  const app = quadrant.createApp();
  const { port } = await app.slackApp.start({ port: config.slack.port });
  logger.info(
    config.slack.mode === 'socket'
      ? `Quadrant is running in Socket Mode (store: ${store.describe()}; /healthz, /readyz, /metrics on :${port})`
      : `Quadrant is listening on :${port}/slack/events (store: ${store.describe()})`,
  );
  return () => app.stop();
};

const start = async (): Promise<void> => {
  const config = readConfig();
  const quadrant = await createQuadrant(config).catch((error: unknown) =>
    exitWith(error instanceof ConfigError ? error.message : describeError(error)),
  );
  const { logger, store } = quadrant;
  const closers: Array<() => Promise<void>> = [];
  installProcessGuards({
    logger,
    shutdown: async () => {
      for (const close of closers) await close().catch(() => undefined);
    },
  });
  closers.push(await (config.slack.mode === 'playground' ? startPlayground(quadrant) : startSlack(quadrant)));
  logger.info(describeLlmSetup(config.llm).en);
  closers.push(() => quadrant.close());

  // Retention: conversation state older than QUADRANT_RETENTION_DAYS goes; decisions never do.
  const purgeStaleState = () =>
    store.state
      .purgeStale(new Date(Date.now() - config.store.retentionDays * 86_400_000))
      .then((removed) => removed > 0 && logger.info(`purged ${removed} stale conversation threads`))
      .catch((error: unknown) => logger.warn(`state purge failed: ${describeError(error)}`));
  void purgeStaleState();
  const purgeTimer = setInterval(purgeStaleState, 6 * 3_600_000);
  purgeTimer.unref();
  closers.unshift(async () => clearInterval(purgeTimer));

  // SIGTERM (a container runtime, `npm start`'s parent) or SIGINT: stop taking events, let the
  // turns in flight finish (bounded), close the store, exit 0.
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: shutting down`);
    for (const close of closers) {
      await close().catch((error: unknown) => logger.warn(`shutdown step failed: ${describeError(error)}`));
    }
    logger.info('stopped');
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
};

start().catch((error: unknown) => exitWith(`failed to start: ${describeError(error)}`));
