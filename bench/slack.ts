/**
 * `npm run bench -- slack`: the event path. Signed `app_mention`s at a fixed rate against the
 * Slack emulator, to the full Quadrant app (the production entry point `src/main.ts` in HTTP mode,
 * in its own process: real Bolt HTTP receiver, SQLite store, rules classifier) and, in the same run,
 * to a bare Bolt app that only acks, also in its own process (the floor). The emulator stays in this
 * process; the load generator runs in a worker thread, so serving the app's Web API calls does not
 * delay the ack timings (Slack's event sender and its Web API are different machines).
 * Reports ack latency p50/p99 for both and the time to the first visible reply in the thread.
 * Targets: ack p99 within 1.5x of the bare app at 100 events/s; first reply p50 < 200 ms.
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { appMention, eventCallback } from '../playground/emulator/signed-requests.js';
import { type SlackEmulator, startSlackEmulator } from '../playground/emulator/web-api.js';
import type { LoadJob, LoadResult } from './slack-load.js';

const RATE_PER_SECOND = 100;
// 1,000 events per app and round, three rounds: the pooled p99 rests on 30 samples, not two or three.
const SECONDS = 10;
const ROUNDS = Number(process.env.BENCH_SLACK_ROUNDS ?? 3);
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

/** `answers`: the app replies in the thread (Quadrant) or only acks (the bare app). */
type Target = { url: string; answers: boolean; slack: SlackEmulator; load: LoadWorker };
type LoadWorker = { run(job: LoadJob): Promise<LoadResult>; stop(): Promise<number> };

/** The load generator's worker thread (bench/slack-load.ts), one job at a time. */
const startLoadWorker = (): LoadWorker => {
  // Node 20 does not pass tsx's loader to a worker's entry file: register it, then load the TS file.
  const entry = new URL('./slack-load.ts', import.meta.url).href;
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
  const worker = new Worker(boot, { eval: true });
  return {
    run: (job) =>
      new Promise<LoadResult>((resolve, reject) => {
        const done = (result: LoadResult) => {
          worker.off('error', reject);
          resolve(result);
        };
        worker.once('message', done);
        worker.once('error', reject);
        worker.postMessage(job);
      }),
    stop: () => worker.terminate(),
  };
};

type Result = { acks: number[]; firstReplies: number[]; errors: number };

/**
 * Sends `count` mentions at RATE_PER_SECOND through the load worker, each in a thread of its own;
 * the worker times each ack, and the first bot message in each thread is timed here.
 */
const fire = async ({ url, answers, slack, load: generator }: Target, count: number, user: string): Promise<Result> => {
  const threads: string[] = [];
  const bodies: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const root = slack.postAsUser({ channel: CHANNEL, user, text: 'x' });
    const text = `<@${slack.bot.userId}> ${TEXTS[i % TEXTS.length]}`;
    threads.push(root.ts);
    bodies.push(
      eventCallback(appMention({ user, channel: CHANNEL, text, ts: root.ts }), { teamId: slack.team.id }).body,
    );
  }
  const index = new Map(threads.map((ts, i) => [ts, i]));
  const repliedAt = new Map<number, number>();
  const stop = slack.onChange((event) => {
    if (event.kind !== 'message' || event.message.user !== slack.bot.userId || !event.message.threadTs) return;
    const i = index.get(event.message.threadTs);
    if (i !== undefined && !repliedAt.has(i)) repliedAt.set(i, performance.timeOrigin + performance.now());
  });
  const job: LoadJob = { url, signingSecret: SECRET, bodies, ratePerSecond: RATE_PER_SECOND };
  const load = await generator.run(job);
  // Let the replies of the last events land before reading the figures.
  if (answers) await slack.waitFor(() => repliedAt.size === count || undefined, 10_000).catch(() => undefined);
  stop();
  const firstReplies = [...repliedAt].map(([i, at]) => at - (load.sentAt[i] ?? Number.NaN));
  return { acks: load.acks, firstReplies, errors: load.errors };
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
      // BENCH_CHILD_OUTPUT=DIR keeps what the app prints after start (e.g. with --trace-gc) in DIR/PID.log.
      const keep = process.env.BENCH_CHILD_OUTPUT;
      if (keep) {
        const log = createWriteStream(join(keep, `${child.pid}.log`));
        child.stdout.pipe(log);
        child.stderr.pipe(log);
      } else {
        child.stdout.resume();
        child.stderr.resume();
      }
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
  const load = startLoadWorker();
  try {
    const count = RATE_PER_SECOND * SECONDS;
    await fire({ url: bare.url, answers: false, slack, load }, WARMUP, 'UBENCH');
    await fire({ url: quadrant.url, answers: true, slack, load }, WARMUP, 'UBENCH');
    // Rounds alternate which app goes first, so a slow spell of the machine lands on both.
    const floor: Result[] = [];
    const full: Result[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const order = round % 2 === 0 ? (['bare', 'quadrant'] as const) : (['quadrant', 'bare'] as const);
      for (const which of order) {
        const url = which === 'bare' ? bare.url : quadrant.url;
        const result = await fire({ url, answers: which === 'quadrant', slack, load }, count, 'UBENCH');
        (which === 'bare' ? floor : full).push(result);
      }
    }
    const pooled = (results: Result[]) => ({
      acks: results.flatMap((r) => r.acks),
      firstReplies: results.flatMap((r) => r.firstReplies),
      errors: results.reduce((sum, r) => sum + r.errors, 0),
    });
    const bareAll = pooled(floor);
    const quadrantAll = pooled(full);
    const ratio = percentile(quadrantAll.acks, 99) / percentile(bareAll.acks, 99);
    const rounds = full.map((r, i) => (percentile(r.acks, 99) / percentile(floor[i]?.acks ?? [], 99)).toFixed(2));
    const replyP50 = percentile(quadrantAll.firstReplies, 50);
    const total = count * ROUNDS;
    console.log(
      `${ROUNDS} rounds x ${count} signed app_mentions at ${RATE_PER_SECOND}/s to each app (store: ${quadrant.store})`,
    );
    const line = (name: string, r: ReturnType<typeof pooled>) =>
      `${name} p50 ${ms(percentile(r.acks, 50))}  p99 ${ms(percentile(r.acks, 99))}  errors ${r.errors}`;
    console.log(line('bare Bolt ack     ', bareAll));
    console.log(line('Quadrant ack      ', quadrantAll));
    console.log(
      `ack p99 ratio      ${ratio.toFixed(2)}x over all ${total} events (rounds: ${rounds.join('x, ')}x; target <= 1.5x) ${ratio <= 1.5 ? 'OK' : 'MISSED'}`,
    );
    console.log(
      `first visible reply p50 ${ms(replyP50)}  p99 ${ms(percentile(quadrantAll.firstReplies, 99))}  (${quadrantAll.firstReplies.length}/${total} seen; target p50 < 200 ms) ${replyP50 < 200 ? 'OK' : 'MISSED'}`,
    );
  } finally {
    await quadrant.stop();
    await bare.stop();
    await load.stop();
    await slack.close();
    await rm(dir, { recursive: true, force: true });
  }
};

// Allows `tsx bench/slack.ts` on its own as well as through bench/index.ts.
if (import.meta.url === `file://${process.argv[1]}`) await run();
