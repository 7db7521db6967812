/**
 * `npm run bench -- slack`: the event path. Signed `app_mention`s at a fixed rate against the
 * Slack emulator, to the full Quadrant app (the production entry point `src/main.ts` in HTTP mode,
 * in its own process: real Bolt HTTP receiver, SQLite store, rules classifier) and, in the same run,
 * to a bare Bolt app that only acks, also in its own process (the floor). The emulator and the load
 * generator stay in this process, as Slack would be elsewhere.
 * Reports ack latency p50/p99 for both and the time to the first visible reply in the thread.
 * Targets: ack p99 within 1.5x of the bare app at 100 events/s; first reply p50 < 200 ms.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { appMention, eventCallback, sendSignedRequest } from '../src/emulator/signed-requests.js';
import { type SlackEmulator, startSlackEmulator } from '../src/emulator/web-api.js';

const RATE_PER_SECOND = 100;
// 1,000 events per app, so p99 is not set by two or three samples.
const SECONDS = 10;
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

type Child = { url: string; stop: () => Promise<void> };

/** Starts a process and resolves with its URL once it prints the port it listens on. */
const startProcess = (args: string[], env: NodeJS.ProcessEnv, ready: RegExp): Promise<Child> =>
  new Promise((resolve, reject) => {
    // BENCH_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the apps under test.
    const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', ...args], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = ready.exec(output);
      if (!match) return;
      child.stdout.off('data', onData);
      child.stderr.off('data', onData);
      resolve({
        url: `http://127.0.0.1:${match[1]}/slack/events`,
        stop: () =>
          new Promise<void>((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${args[0]} exited with ${code}: ${output.slice(-500)}`)));
  });

const startBareApp = (slack: SlackEmulator) =>
  startProcess(['bench/bare-bolt-app.ts', SECRET, TOKEN, slack.apiUrl], { PATH: process.env.PATH }, /listening (\d+)/);

/** The production entry point (`npm start` in HTTP mode) against the emulator, with a fresh store. */
const startQuadrant = async (slack: SlackEmulator, dir: string, port: number) => {
  // QUADRANT_STORE_URL picks another backend (e.g. redis://127.0.0.1:6379) to compare; a fresh SQLite file otherwise.
  const store = process.env.QUADRANT_STORE_URL ?? `sqlite://${join(dir, 'bench.db')}`;
  const child = await startProcess(
    ['src/main.ts'],
    {
      PATH: process.env.PATH,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: TOKEN,
      SLACK_API_URL: slack.apiUrl,
      PORT: String(port),
      QUADRANT_STORE_URL: store,
      QUADRANT_LOG_LEVEL: 'info',
    },
    /listening on :(\d+)/,
  );
  return { ...child, store: store.replace(/\/\/[^@/]*@/, '//') };
};

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });

export const run = async (): Promise<void> => {
  const dir = await mkdtemp(join(tmpdir(), 'quadrant-bench-slack-'));
  const slack = await startSlackEmulator({ botToken: TOKEN, signingSecret: SECRET });
  slack.addUser({ id: 'UBENCH' });
  slack.addChannel({ id: CHANNEL, members: ['UBENCH', slack.bot.userId] });
  const bare = await startBareApp(slack);
  const quadrant = await startQuadrant(slack, dir, await freePort());
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
