/**
 * `npm run bench -- slack`: the event path. Signed `app_mention`s at a fixed rate against the
 * Slack emulator, to the full Quadrant app (real Bolt HTTP receiver, SQLite store, rules
 * classifier) and, in the same run, to a bare Bolt app that only acks (the floor).
 * Reports ack latency p50/p99 for both and the time to the first visible reply in the thread.
 * Targets: ack p99 within 1.5x of the bare app at 100 events/s; first reply p50 < 200 ms.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { registerHandlers } from '../handlers/index.js';
import { loadConfig } from '../src/config.js';
import { defaultPlaybook } from '../src/domain/playbook.js';
import { redact } from '../src/domain/redact.js';
import { appMention, eventCallback, sendSignedRequest } from '../src/emulator/signed-requests.js';
import { type SlackEmulator, startSlackEmulator } from '../src/emulator/web-api.js';
import { createClassifier } from '../src/llm/classifier.js';
import { createSlackApp } from '../src/slack/app.js';
import { createLogger } from '../src/slack/logger.js';
import { openStore } from '../src/store/open-store.js';

const RATE_PER_SECOND = 100;
const SECONDS = 3;
const WARMUP = 30;
const TOKEN = 'xoxb-bench-token';
const SECRET = 'bench-signing-secret';
const CHANNEL = 'CBENCH';
const TEXTS = [
  'Client: Huaneng Power. AAA-rated state-owned utility, third project with us, long-term framework and FX hedging.',
  '客户:华东制造。中型制造企业,同时比较三家银行的价格,要求一周内完成审批。',
  'Developer with a liquidity crunch, missed a payment last month, asking to restructure its loan.',
];

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;
const sleep = (delay: number) => new Promise((resolve) => setTimeout(resolve, delay));

type Target = { url: string; slack: SlackEmulator };
type Result = { acks: number[]; firstReplies: number[]; errors: number };

/** Sends `count` mentions at RATE_PER_SECOND; each ack and first bot message in the thread is timed. */
const fire = async ({ url, slack }: Target, count: number, user: string): Promise<Result> => {
  const sentAt = new Map<string, number>();
  const firstReplies: number[] = [];
  const stop = slack.onChange((event) => {
    if (event.kind !== 'message' || event.message.user !== slack.bot.userId || !event.message.threadTs) return;
    const start = sentAt.get(event.message.threadTs);
    if (start === undefined) return;
    sentAt.delete(event.message.threadTs);
    firstReplies.push(performance.now() - start);
  });
  const acks: number[] = [];
  let errors = 0;
  const pending: Promise<void>[] = [];
  const begin = performance.now();
  for (let i = 0; i < count; i += 1) {
    const due = begin + (i * 1000) / RATE_PER_SECOND;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const root = slack.postAsUser({ channel: CHANNEL, user, text: 'x' });
    const text = `<@${slack.bot.userId}> ${TEXTS[i % TEXTS.length]}`;
    const request = eventCallback(appMention({ user, channel: CHANNEL, text, ts: root.ts }), { teamId: slack.team.id });
    const start = performance.now();
    sentAt.set(root.ts, start);
    pending.push(
      sendSignedRequest(request, { url, signingSecret: SECRET }).then(
        (response) => {
          acks.push(performance.now() - start);
          if (response.status !== 200) errors += 1;
        },
        () => {
          errors += 1;
        },
      ),
    );
  }
  await Promise.all(pending);
  // Let the replies of the last events land before reading the figures.
  await slack.waitFor(() => sentAt.size === 0 || undefined, 10_000).catch(() => undefined);
  stop();
  return { acks, firstReplies, errors };
};

const startBareApp = async (slack: SlackEmulator) => {
  const receiver = new HTTPReceiver({ signingSecret: SECRET, processBeforeResponse: false, logLevel: LogLevel.ERROR });
  const app = new App({
    token: TOKEN,
    receiver,
    botId: slack.bot.botId,
    botUserId: slack.bot.userId,
    tokenVerificationEnabled: false,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: slack.apiUrl },
  });
  app.event('app_mention', async () => undefined);
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as import('node:http').Server;
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/slack/events`, stop: () => app.stop() };
};

const startQuadrant = async (slack: SlackEmulator, dir: string) => {
  // QUADRANT_STORE_URL picks another backend (e.g. redis://127.0.0.1:6379) to compare; a fresh SQLite file otherwise.
  const config = loadConfig({
    QUADRANT_STORE_URL: process.env.QUADRANT_STORE_URL ?? `sqlite://${join(dir, 'bench.db')}`,
  });
  const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const store = await openStore({ ...config.store, admins: [], redact, logger: quiet });
  const playbook = defaultPlaybook();
  const logger = createLogger('error', () => undefined);
  const slackApp = createSlackApp({
    mode: 'http',
    botToken: TOKEN,
    signingSecret: SECRET,
    apiUrl: slack.apiUrl,
    logger,
    bot: { userId: slack.bot.userId, botId: slack.bot.botId },
  });
  registerHandlers(slackApp.app, {
    config,
    playbook,
    classifier: createClassifier({ playbook, llm: config.llm, assessor: null }),
    decisions: store.decisions,
    state: store.state,
    logger,
  });
  const { port } = await slackApp.start({ port: 0, host: '127.0.0.1' });
  return {
    url: `http://127.0.0.1:${port}/slack/events`,
    store: store.describe(),
    stop: async () => {
      await slackApp.stop();
      await store.close();
    },
  };
};

export const run = async (): Promise<void> => {
  const dir = await mkdtemp(join(tmpdir(), 'quadrant-bench-slack-'));
  const slack = await startSlackEmulator({ botToken: TOKEN, signingSecret: SECRET });
  slack.addUser({ id: 'UBENCH' });
  slack.addChannel({ id: CHANNEL, members: ['UBENCH', slack.bot.userId] });
  const bare = await startBareApp(slack);
  const quadrant = await startQuadrant(slack, dir);
  try {
    const count = RATE_PER_SECOND * SECONDS;
    await fire({ url: bare.url, slack }, WARMUP, 'UBENCH');
    await fire({ url: quadrant.url, slack }, WARMUP, 'UBENCH');
    const floor = await fire({ url: bare.url, slack }, count, 'UBENCH');
    const full = await fire({ url: quadrant.url, slack }, count, 'UBENCH');
    const ratio = percentile(full.acks, 99) / percentile(floor.acks, 99);
    const replyP50 = percentile(full.firstReplies, 50);
    console.log(`${count} signed app_mentions at ${RATE_PER_SECOND}/s to each app (store: ${quadrant.store})`);
    console.log(
      `bare Bolt ack      p50 ${ms(percentile(floor.acks, 50))}  p99 ${ms(percentile(floor.acks, 99))}  errors ${floor.errors}`,
    );
    console.log(
      `Quadrant ack       p50 ${ms(percentile(full.acks, 50))}  p99 ${ms(percentile(full.acks, 99))}  errors ${full.errors}`,
    );
    console.log(`ack p99 ratio      ${ratio.toFixed(2)}x (target <= 1.5x) ${ratio <= 1.5 ? 'OK' : 'MISSED'}`);
    console.log(
      `first visible reply p50 ${ms(replyP50)}  p99 ${ms(percentile(full.firstReplies, 99))}  (${full.firstReplies.length}/${count} seen; target p50 < 200 ms) ${replyP50 < 200 ? 'OK' : 'MISSED'}`,
    );
  } finally {
    await quadrant.stop();
    await bare.stop();
    await slack.close();
    await rm(dir, { recursive: true, force: true });
  }
};

// Allows `tsx bench/slack.ts` on its own as well as through bench/index.ts.
if (import.meta.url === `file://${process.argv[1]}`) await run();
