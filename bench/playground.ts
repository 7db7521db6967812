/**
 * `npm run bench -- playground`: what a playground user waits for. A DM typed on the page
 * (POST /api/actions) until the real app's reply is in the thread, then the page's refresh
 * (GET /api/state) as the DM grows. Full app: Bolt HTTP receiver, SQLite store, rules classifier.
 * Targets: reply p50 < 150 ms; state p95 < 20 ms with about a hundred messages.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startPlayground } from '../playground/index.js';
import { loadConfig } from '../src/config.js';
import { createQuadrant } from '../src/quadrant.js';

const TURNS = 40;
const STATE_READS = 50;
const USER = 'U0LIWEI';
const TEXTS = [
  'Huaneng Power: AAA-rated state-owned utility, third project with us, long-term framework.',
  '华东制造:中型制造企业,同时比较三家银行的价格,要求一周内完成审批。',
  'Developer with a liquidity crunch, missed a payment last month, asking to restructure its loan.',
];

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;

export const run = async (): Promise<void> => {
  const dir = await mkdtemp(join(tmpdir(), 'quadrant-bench-playground-'));
  const config = loadConfig({ QUADRANT_STORE_URL: `sqlite://${join(dir, 'q.db')}`, QUADRANT_LOG_LEVEL: 'error' });
  const quadrant = await createQuadrant(config, { logSink: () => {}, retries: 0 });
  const playground = await startPlayground({
    config,
    port: 0,
    print: () => {},
    createApp: (s) => quadrant.createApp({ mode: 'http', ...s }).slackApp,
  });
  try {
    const { emulator } = playground;
    const dm = emulator.dmWith(USER).id;
    const replies: number[] = [];
    for (let i = 0; i < TURNS; i += 1) {
      const before = emulator.workspace.messages.length;
      const start = performance.now();
      await fetch(`${playground.url}/api/actions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'message', user: USER, channel: dm, text: TEXTS[i % TEXTS.length] }),
      });
      await emulator.waitFor(() =>
        emulator.workspace.messages.slice(before).find((m) => m.user === emulator.bot.userId && m.threadTs),
      );
      replies.push(performance.now() - start);
    }
    const reads: number[] = [];
    for (let i = 0; i < STATE_READS; i += 1) {
      const start = performance.now();
      await (await fetch(`${playground.url}/api/state?user=${USER}`)).json();
      reads.push(performance.now() - start);
    }
    const messages = emulator.workspace.messages.length;
    console.log(
      `DM typed on the page -> reply in thread (${TURNS} turns): p50 ${ms(percentile(replies, 50))}, p95 ${ms(percentile(replies, 95))}`,
    );
    console.log(
      `page refresh, GET /api/state with ${messages} messages: p50 ${ms(percentile(reads, 50))}, p95 ${ms(percentile(reads, 95))}`,
    );
  } finally {
    await playground.close();
    await quadrant.close();
    await rm(dir, { recursive: true, force: true });
  }
};
