/**
 * Starts the whole Slack app as in production (real Bolt HTTP receiver on loopback, real SQLite
 * store in a temp dir, the real classifier on its rules path) against the Slack emulator, and
 * offers helpers that send correctly signed requests to it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HandlerDeps } from '../../handlers/deps.js';
import { loadConfig } from '../../src/config.js';
import { sleep } from '../../src/lib/sleep.js';
import type { Classifier } from '../../src/llm/port.js';
import { createQuadrant, type Quadrant } from '../../src/quadrant.js';
import {
  appMention,
  type ClickedElement,
  directMessage,
  eventCallback,
  interaction,
  messageAction,
  type SignedResponse,
  type SlackEmulator,
  startSlackEmulator,
  viewSubmission,
} from './slack-api.js';
import { clickAs, slashCommandAs } from './user-requests.js';

export const BOT_TOKEN = 'xoxb-test-0000-secret-token';
export const SIGNING_SECRET = 'test-signing-secret-do-not-log';
export const ADMIN = 'UADMIN';

export type TestSlackApp = {
  slack: SlackEmulator;
  storeUrl: string;
  deps: HandlerDeps;
  /** The composed app (its team models, their sync with the store, the classifier). */
  quadrant: Quadrant;
  url: string;
  logs: string[];
  teamId: string;
  send(event: Record<string, unknown>, eventId?: string): Promise<SignedResponse & { eventId: string }>;
  mention(user: string, channel: string, text: string, threadTs?: string): Promise<{ ts: string }>;
  dm(user: string, text: string, threadTs?: string): Promise<{ ts: string; channel: string }>;
  command(command: string, text: string, user: string, channel: string): Promise<SignedResponse>;
  click(
    user: string,
    action: ClickedElement,
    where: { channel: string; ts: string; ephemeralId?: string; threadTs?: string },
  ): Promise<SignedResponse>;
  submit(
    user: string,
    callbackId: string,
    privateMetadata: string,
    values: Record<string, Record<string, unknown>>,
    viewId?: string,
  ): Promise<SignedResponse>;
  shortcut(user: string, channel: string, message: { ts: string; text: string; user: string }): Promise<SignedResponse>;
  close(): Promise<void>;
};

export type TestSlackAppOptions = {
  classifier?: Classifier;
  /**
   * Behave as with a model configured: answers may take seconds, so the app shows progress
   * (placeholder, status). The answers still come from the rules.
   */
  modelConfigured?: boolean;
  /** With `modelConfigured`: each answer takes this long, as a model call would. */
  classifyDelayMs?: number;
  retries?: number;
  /** A store other than a fresh SQLite file (e.g. a Redis server the test stops). */
  storeUrl?: string;
  /** Another instance's emulator and store, to test scale-out (left open on close). */
  shared?: { slack: SlackEmulator; storeUrl: string };
  /** More environment, e.g. an LLM endpoint (OPENAI_API_KEY, OPENAI_BASE_URL). */
  env?: Record<string, string>;
};

export const startTestSlackApp = async (options: TestSlackAppOptions = {}): Promise<TestSlackApp> => {
  const dir = await mkdtemp(join(tmpdir(), 'quadrant-slack-'));
  const storeUrl = options.shared?.storeUrl ?? options.storeUrl ?? `sqlite://${join(dir, 'q.db')}`;
  const slack =
    options.shared?.slack ?? (await startSlackEmulator({ botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET }));
  const config = loadConfig({
    QUADRANT_STORE_URL: storeUrl,
    QUADRANT_ADMINS: ADMIN,
    QUADRANT_LOG_LEVEL: 'debug',
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    ...options.env,
  });
  const logs: string[] = [];
  const delay = options.classifyDelayMs ?? 0;
  const quadrant = await createQuadrant(config, {
    logSink: (line) => logs.push(line),
    retries: options.retries ?? 0,
    bot: { userId: slack.bot.userId, botId: slack.bot.botId },
    ...(options.classifier || options.modelConfigured
      ? {
          classifier: (built: Classifier): Classifier => {
            const base = options.classifier ?? built;
            return options.modelConfigured
              ? {
                  classify: (input) => sleep(delay).then(() => base.classify(input)),
                }
              : base;
          },
        }
      : {}),
  });
  const { slackApp, deps } = quadrant.createApp();
  const { port } = await slackApp.start({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${port}/slack/events`;
  const teamId = slack.team.id;
  const sendTo = (request: Parameters<SlackEmulator['sendToApp']>[0]) =>
    slack.sendToApp(request, { url, signingSecret: SIGNING_SECRET });

  const send: TestSlackApp['send'] = async (event, eventId) => {
    const request = eventCallback(event, { teamId }, eventId);
    return { ...(await sendTo(request)), eventId: request.eventId };
  };

  return {
    slack,
    storeUrl,
    deps,
    quadrant,
    url,
    logs,
    teamId,
    send,
    mention: async (user, channel, text, threadTs) => {
      const posted = slack.postAsUser({ channel, user, text, ...(threadTs ? { threadTs } : {}) });
      await send(appMention({ user, channel, text, ts: posted.ts, ...(threadTs ? { threadTs } : {}) }));
      return { ts: posted.ts };
    },
    dm: async (user, text, threadTs) => {
      const channel = slack.dmWith(user).id;
      const posted = slack.postAsUser({ channel, user, text, ...(threadTs ? { threadTs } : {}) });
      await send(directMessage({ user, channel, text, ts: posted.ts, ...(threadTs ? { threadTs } : {}) }));
      return { ts: posted.ts, channel };
    },
    command: (command, text, user, channel) => sendTo(slashCommandAs(slack, teamId, { command, text, user, channel })),
    click: (user, action, where) => sendTo(clickAs(slack, teamId, user, action, where)),
    submit: (user, callbackId, privateMetadata, values, viewId) =>
      sendTo(
        interaction(
          viewSubmission(
            { userId: user, teamId },
            { callbackId, privateMetadata, values, ...(viewId ? { viewId } : {}) },
          ),
        ),
      ),
    shortcut: (user, channel, message) =>
      sendTo(
        interaction(
          messageAction(
            { userId: user, teamId, responseUrl: slack.responseUrl({ channel, user }) },
            { callbackId: 'classify_message', channel, message },
          ),
        ),
      ),
    close: async () => {
      await slackApp.stop();
      await quadrant.close();
      if (!options.shared) await slack.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
};
