/**
 * `npm run bench -- reliability`: the red-team findings at full size, printed side by side.
 * A storm of mentions with three 39,000-character pastes among them, each event delivered twice
 * (Slack's retry), then a Confirm on every card (every tenth twice); a 429 with Retry-After on one
 * channel while another channel is served; SQLite under mentions with overlapping confirms at
 * rising rates, in one process and two; and `redact` on 10k against 100k characters.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { ACTIONS } from '../handlers/ids.js';
import { appMention } from '../playground/emulator/signed-requests.js';
import type { EmulatedMessage } from '../playground/emulator/web-api.js';
import { redact } from '../src/domain/redact.js';
import { sleep } from '../src/lib/sleep.js';
import { startTestSlackApp, type TestSlackApp } from '../test/fakes/slack-app.js';
import { type MixedLoadResult, runMixedLoad } from '../test/store/mixed-load.js';

const MENTIONS = 400;
const HUGE = 3;
const HUGE_CHARS = 39_000;
const RETRY_AFTER_S = 10;
const DESCRIPTION = 'Client: Huaneng Power. AAA-rated state-owned utility, third project with us, long-term framework.';

const mb = (bytes: number) => `${Math.round(bytes / 1_048_576)} MB`;
const isCard = (m: EmulatedMessage) => JSON.stringify(m.blocks ?? []).includes(ACTIONS.confirm);

const confirmValue = (m: EmulatedMessage): string =>
  ((m.blocks ?? []) as Array<{ type: string; elements?: Array<{ action_id?: string; value?: string }> }>)
    .flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : []))
    .find((e) => e.action_id === ACTIONS.confirm)?.value ?? '';

const storm = async (t: TestSlackApp) => {
  const channels = ['C1', 'C2', 'C3', 'C4'];
  const botReplies = (channel: string, ts: string) =>
    t.slack.thread(channel, ts).filter((m) => m.user === t.slack.bot.userId);
  const rssBefore = process.memoryUsage().rss;
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const acks: number[] = [];
  const threads: Array<{ channel: string; ts: string }> = [];
  const deliveries: Promise<void>[] = [];
  for (let i = 0; i < MENTIONS + HUGE; i++) {
    const channel = channels[i % channels.length] ?? 'C1';
    // The pastes go in early, where they would stall the acks of everything behind them.
    const text =
      i < HUGE
        ? `<@${t.slack.bot.userId}> ${'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo'.repeat(HUGE_CHARS / 35)}@x.example`
        : `<@${t.slack.bot.userId}> ${DESCRIPTION} #${i}`;
    const posted = t.slack.postAsUser({ channel, user: 'URM', text });
    threads.push({ channel, ts: posted.ts });
    const event = appMention({ user: 'URM', channel, text, ts: posted.ts });
    const eventId = `EvStorm${i}`;
    // Slack's retry: the same event_id delivered again.
    for (let copy = 0; copy < 2; copy++) {
      const started = performance.now();
      deliveries.push(t.send(event, eventId).then(() => void acks.push(performance.now() - started)));
    }
    // 100 mentions a second, a busy hour's burst; every delivery is timed from send to ack.
    if (i % 10 === 9) await sleep(100);
  }
  await Promise.all(deliveries);
  loop.disable();
  await t.slack.waitFor(() => threads.every((th) => botReplies(th.channel, th.ts).length > 0), 120_000);
  await sleep(1_000);
  const replies = threads.map((th) => botReplies(th.channel, th.ts).length);
  const cards = threads.flatMap((th) =>
    botReplies(th.channel, th.ts)
      .filter(isCard)
      .map((m) => ({ th, m })),
  );
  let clicks = 0;
  await Promise.all(
    cards.map(({ th, m }, i) => {
      const click = () => {
        clicks++;
        return t.click('URM', { actionId: ACTIONS.confirm, value: confirmValue(m) }, { channel: th.channel, ts: m.ts });
      };
      return i % 10 === 0 ? Promise.all([click(), click()]) : click();
    }),
  );
  await t.slack.waitFor(
    () => cards.every(({ th, m }) => !isCard(t.slack.workspace.findMessage(th.channel, m.ts) ?? m)),
    60_000,
  );
  const logged = (await t.deps.decisions.list({}, { userId: 'URM', teamId: t.teamId, isAdmin: true })).length;
  const refused = t.slack.workspace.messages.filter((m) => m.text.includes('store is unavailable')).length;
  return {
    acksUnder3s: acks.filter((ms) => ms < 3_000).length,
    acks: acks.length,
    slowestAckMs: Math.round(Math.max(...acks)),
    loopMaxMs: Math.round(loop.max / 1e6),
    loopP99Ms: Math.round(loop.percentile(99) / 1e6),
    repliesPerEvent: replies.reduce((a, b) => a + b, 0) / replies.length,
    maxReplies: Math.max(...replies),
    cards: cards.length,
    clicks,
    logged,
    refused,
    rssBefore,
    rssAfter: process.memoryUsage().rss,
  };
};

/** Time from a mention in a quiet channel to its card, alone and while another channel has a 429. */
const crossChannel = async (t: TestSlackApp) => {
  const answer = async (channel: string) => {
    const started = performance.now();
    const { ts } = await t.mention('URM', channel, `<@${t.slack.bot.userId}> ${DESCRIPTION}`);
    await t.slack.waitFor(() => t.slack.thread(channel, ts).find(isCard), 60_000);
    return performance.now() - started;
  };
  const alone = await answer('CQUIET');
  t.slack.failChannel('CBUSY', { status: 429, retryAfter: RETRY_AFTER_S }, { method: 'chat.postMessage', times: 1 });
  const busy = answer('CBUSY');
  await sleep(200);
  const during = await answer('CQUIET');
  const busyMs = await busy;
  return { alone, during, busyMs };
};

const mixedInChild = (url: string, rate: number, seconds: number, prefix: string): Promise<MixedLoadResult> =>
  new Promise((resolve, reject) => {
    const script = new URL('../test/store/mixed-load.ts', import.meta.url).pathname;
    const child = spawn(process.execPath, ['--import', 'tsx', script, url, String(rate), String(seconds), prefix]);
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(out) as MixedLoadResult) : reject(new Error(`exit ${code}`)),
    );
  });

const sqliteRates = async () => {
  const rows: string[] = [];
  let highestOne = 0;
  for (const rate of [20, 40, 80, 160, 320]) {
    const dir = mkdtempSync(join(tmpdir(), 'quadrant-bench-mixed-'));
    const r = await runMixedLoad(`sqlite://${join(dir, 'q.db')}`, { rate, seconds: 5, prefix: 'one' });
    rmSync(dir, { recursive: true, force: true });
    rows.push(
      `  one process   ${String(rate).padStart(4)}/s: ${r.decisionsLogged}/${r.clicks} decisions, ${r.refused} refused`,
    );
    if (r.refused > 0 || r.turnsDone < r.mentions) break;
    highestOne = rate;
  }
  let highestTwo = 0;
  for (const rate of [20, 40, 80, 160]) {
    const dir = mkdtempSync(join(tmpdir(), 'quadrant-bench-mixed-'));
    const url = `sqlite://${join(dir, 'q.db')}`;
    await runMixedLoad(url, { rate: 10, seconds: 0.1, prefix: 'warm', clickDelayMs: 0 });
    const [a, b] = await Promise.all([
      runMixedLoad(url, { rate, seconds: 5, prefix: 'a' }),
      mixedInChild(url, rate, 5, 'b'),
    ]);
    rmSync(dir, { recursive: true, force: true });
    const refused = a.refused + b.refused;
    rows.push(
      `  two processes ${String(rate).padStart(4)}/s each: ${a.decisionsLogged + b.decisionsLogged}/${a.clicks + b.clicks} decisions, ${refused} refused`,
    );
    if (refused > 0) break;
    highestTwo = rate;
  }
  return { rows, highestOne, highestTwo };
};

const linearity = () => {
  /** Mean time of one call, over enough calls to last about 50 ms. */
  const time = (text: string) => {
    redact(text);
    const runs = Math.max(3, Math.round(2_000_000 / text.length));
    const started = performance.now();
    for (let i = 0; i < runs; i++) redact(text);
    return (performance.now() - started) / runs;
  };
  return ['a', 'QUJD', 'a.', 'C.', '1', '@a'].map((unit) => {
    const [small, large, huge] = [10_000, 100_000, 1_000_000].map((n) => time(unit.repeat(n / unit.length)));
    const ratio = (a = 0, b = 1) => (a / b).toFixed(1);
    return `  redact "${unit}"…: 10k ${small?.toFixed(2)} ms, 100k ${large?.toFixed(2)} ms, 1M ${huge?.toFixed(1)} ms; ×${ratio(large, small)} and ×${ratio(huge, large)} per 10× (10 = linear)`;
  });
};

export const run = async (): Promise<void> => {
  const t = await startTestSlackApp();
  try {
    t.slack.addUser({ id: 'URM' });
    for (const id of ['C1', 'C2', 'C3', 'C4', 'CBUSY', 'CQUIET'])
      t.slack.addChannel({ id, members: ['URM', t.slack.bot.userId] });
    const s = await storm(t);
    const x = await crossChannel(t);
    const db = await sqliteRates();
    const figures: Array<[string, string, string]> = [
      [
        `acks under 3 s (${MENTIONS} mentions at 100/s + ${HUGE} × ${HUGE_CHARS.toLocaleString('en')} chars, each twice)`,
        `${s.acksUnder3s}/${s.acks} (slowest ${s.slowestAckMs} ms; event loop delay p99 ${s.loopP99Ms} ms, max ${s.loopMaxMs} ms)`,
        'all',
      ],
      ['replies per unique event', `${s.repliesPerEvent.toFixed(2)} (max ${s.maxReplies})`, '1'],
      [
        'decisions logged per clicked card (every tenth clicked twice)',
        `${s.logged}/${s.cards} (${s.clicks} clicks)`,
        '1 per card',
      ],
      ['refused decisions', String(s.refused), '0'],
      [
        `cross-channel delay during a 429 (Retry-After ${RETRY_AFTER_S} s)`,
        `${Math.round(x.during)} ms vs ${Math.round(x.alone)} ms alone; limited channel ${Math.round(x.busyMs)} ms`,
        `≪ ${RETRY_AFTER_S} s`,
      ],
      ['RSS before / after the storm', `${mb(s.rssBefore)} / ${mb(s.rssAfter)}`, 'bounded'],
      [
        'SQLite: highest mixed rate with 0 refusals',
        `${db.highestOne}/s one process, ${db.highestTwo}/s each of two`,
        '>= 20/s',
      ],
    ];
    const width = Math.max(...figures.map(([name]) => name.length));
    console.log(`${'figure'.padEnd(width)}  measured  |  target`);
    for (const [name, value, target] of figures) console.log(`${name.padEnd(width)}  ${value}  |  ${target}`);
    console.log('\nSQLite mixed load (mentions, each card confirmed 1 s later, every tenth twice):');
    for (const row of db.rows) console.log(row);
    console.log('\nLinear time on long unbroken tokens:');
    for (const row of linearity()) console.log(row);
  } finally {
    await t.close();
  }
};

if (import.meta.url === `file://${process.argv[1]}`) await run();
