/**
 * Starts the whole Slack app in Socket Mode as `src/main.ts` does (same factory, real SQLite
 * store in a temp dir, the real classifier on its rules path) against the Slack emulator, which
 * plays Slack's side of the WebSocket. Helpers deliver envelopes built with the same payload
 * builders as the HTTP-mode tests.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HandlerDeps } from '../../handlers/deps.js';
import { loadConfig } from '../../src/config.js';
import { createQuadrant } from '../../src/quadrant.js';
import {
  appMention,
  type ClickedElement,
  type DeliveredEnvelope,
  eventCallback,
  type SlackEmulator,
  startSlackEmulator,
} from './slack-api.js';
import { clickAs, slashCommandAs } from './user-requests.js';

export const SOCKET_BOT_TOKEN = 'xoxb-socket-0000-secret-token';
export const SOCKET_APP_TOKEN = 'xapp-1-A0QUADRANT-0000-secret-app-token';

export type SocketTestApp = {
  slack: SlackEmulator;
  deps: HandlerDeps;
  logs: string[];
  /** An event as Slack's Events API wraps it, with a fresh (or given) event_id. */
  sendEvent(
    event: Record<string, unknown>,
    eventId?: string,
    retry?: { attempt: number; reason: string },
  ): DeliveredEnvelope;
  /** A human message in the channel, then its `app_mention` envelope. */
  mention(user: string, channel: string, text: string): { ts: string; eventId: string; envelope: DeliveredEnvelope };
  command(command: string, text: string, user: string, channel: string): DeliveredEnvelope;
  click(user: string, action: ClickedElement, where: { channel: string; ts: string }): DeliveredEnvelope;
  close(): Promise<void>;
};

export const startSocketTestApp = async (): Promise<SocketTestApp> => {
  const dir = await mkdtemp(join(tmpdir(), 'quadrant-socket-'));
  const slack = await startSlackEmulator({ botToken: SOCKET_BOT_TOKEN, appToken: SOCKET_APP_TOKEN });
  const config = loadConfig({
    QUADRANT_STORE_URL: `sqlite://${join(dir, 'q.db')}`,
    QUADRANT_LOG_LEVEL: 'debug',
    SLACK_BOT_TOKEN: SOCKET_BOT_TOKEN,
    SLACK_APP_TOKEN: SOCKET_APP_TOKEN,
    SLACK_API_URL: slack.apiUrl,
  });
  const logs: string[] = [];
  const quadrant = await createQuadrant(config, {
    logSink: (line) => logs.push(line),
    retries: 0,
    bot: { userId: slack.bot.userId, botId: slack.bot.botId },
    // A reconnect waits one ping timeout; 1 s keeps the reconnection test quick.
    socketPingTimeoutMs: 1000,
  });
  const { slackApp, deps } = quadrant.createApp();
  // Resolves once the emulator said hello on the WebSocket.
  await slackApp.start();
  const teamId = slack.team.id;

  const sendEvent: SocketTestApp['sendEvent'] = (event, eventId, retry) =>
    slack.socketMode.deliverRequest(eventCallback(event, { teamId }, eventId), retry);

  return {
    slack,
    deps,
    logs,
    sendEvent,
    mention: (user, channel, text) => {
      const posted = slack.postAsUser({ channel, user, text });
      const request = eventCallback(appMention({ user, channel, text, ts: posted.ts }), { teamId });
      return { ts: posted.ts, eventId: request.eventId, envelope: slack.socketMode.deliverRequest(request) };
    },
    command: (command, text, user, channel) =>
      slack.socketMode.deliverRequest(slashCommandAs(slack, teamId, { command, text, user, channel })),
    click: (user, action, where) => slack.socketMode.deliverRequest(clickAs(slack, teamId, user, action, where)),
    close: async () => {
      await slackApp.stop();
      await quadrant.close();
      await slack.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
};
