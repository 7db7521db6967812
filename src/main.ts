/**
 * Composition root: config -> playbook -> store -> classifier -> Bolt app -> handlers -> start.
 * Socket Mode when SLACK_APP_TOKEN is set; HTTP mode (`/slack/events` on PORT) when
 * SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN are; otherwise the local playground.
 * A bad configuration prints one line naming the variable and exits 1, without a stack trace.
 */
import { registerHandlers } from '../handlers/index.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { PlaybookError } from './domain/playbook.js';
import { redact } from './domain/redact.js';
import { createClassifier } from './llm/classifier.js';
import { describeLlmSetup } from './llm/notices.js';
import type { Classifier } from './llm/port.js';
import { loadPlaybook } from './playbook-file.js';
import { startPlayground } from './playground/index.js';
import { createSlackApp, type SlackApp, type SlackAppOptions } from './slack/app.js';
import { describeError } from './slack/errors.js';
import { createLogger } from './slack/logger.js';
import { openStore } from './store/open-store.js';

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

const start = async (): Promise<void> => {
  const config = readConfig();
  const logger = createLogger(config.logLevel);
  let playbook: ReturnType<typeof loadPlaybook>;
  try {
    playbook = loadPlaybook(config.playbookPath);
  } catch (error) {
    exitWith(error instanceof PlaybookError ? `QUADRANT_PLAYBOOK: ${error.message}` : describeError(error));
    return;
  }
  const store = await openStore({
    ...config.store,
    admins: config.admins,
    redact,
    logger: { info: (m) => logger.info(m), warn: (m) => logger.warn(m), error: (m) => logger.error(m) },
  }).catch((error: unknown) => exitWith(`QUADRANT_STORE_URL: ${describeError(error)}`));
  const classifier: Classifier = createClassifier({
    playbook,
    llm: config.llm,
    logger: {
      info: (message, fields) => logger.info(message, fields ?? ''),
      warn: (message, fields) => logger.warn(message, fields ?? ''),
    },
  });

  /** One factory for every mode, so the playground runs exactly the production app. */
  const buildApp = (options: Omit<SlackAppOptions, 'logger'>, admins: string[]): SlackApp => {
    const slackApp = createSlackApp({ ...options, logger });
    registerHandlers(slackApp.app, {
      config: { admins },
      playbook,
      classifier,
      decisions: store.decisions,
      state: store.state,
      logger,
    });
    return slackApp;
  };

  const closers: Array<() => Promise<void>> = [];
  const { slack } = config;
  if (slack.mode === 'playground') {
    const playground = await startPlayground({
      config,
      createApp: (settings) =>
        buildApp(
          {
            mode: 'http',
            botToken: settings.botToken,
            signingSecret: settings.signingSecret,
            apiUrl: settings.apiUrl,
            bot: settings.bot,
          },
          settings.admins,
        ),
    });
    closers.push(() => playground.close());
  } else {
    const botToken = slack.botToken ?? exitWith('SLACK_BOT_TOKEN: required');
    const app = buildApp(
      slack.mode === 'socket'
        ? { mode: 'socket', botToken, appToken: slack.appToken ?? '', apiUrl: slack.apiUrl }
        : { mode: 'http', botToken, signingSecret: slack.signingSecret ?? '', apiUrl: slack.apiUrl },
      config.admins,
    );
    const { port } = await app.start({ port: slack.port });
    closers.push(() => app.stop());
    logger.info(
      slack.mode === 'socket'
        ? `Quadrant is running in Socket Mode (store: ${store.describe()})`
        : `Quadrant is listening on :${port}/slack/events (store: ${store.describe()})`,
    );
  }
  logger.info(describeLlmSetup(config.llm).en);
  closers.push(() => store.close());

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

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    for (const close of closers) await close().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
};

start().catch((error: unknown) => exitWith(`failed to start: ${describeError(error)}`));
