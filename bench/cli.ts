/**
 * `npm run bench -- cli`: the CLI as users run it, a separate process on the compiled code
 * (`npm run build` first; `npm ci` builds it).
 * - start-up: `quadrant playbook strategic` beside a bare `node -e 0`, median wall time and peak RSS
 *   (targets: at most 5x the wall time, under 90 MB);
 * - `classify --jsonl` over 100,000 lines: the process's RSS every 10,000 lines (target: flat after
 *   warm-up, within 10 MB between line 20,000 and 100,000), and the Node flags it answered under.
 */
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';

const ROOT = new URL('../', import.meta.url).pathname;
const BIN = join(ROOT, 'bin/quadrant.js');
const PRELOAD = join(ROOT, 'bench/report-max-rss.mjs');
const ROUNDS = 15;
const LINES = 100_000;

const NOTES = [
  '小微企业,只看利率和放款速度,需要50万周转。',
  'Family business, three generations with us, loves our salons and the private client club.',
  '某AAA央企集团,合作十年,但最近刚出现一笔利息逾期,资金链紧张,请求展期。',
  'Listed conglomerate, investment grade, lead arranger on five projects; wants a multi-year framework agreement.',
];

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(OPENAI_|QUADRANT_|SLACK_)/.test(k)));

const wallMs = (args: string[]): number => {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { env, stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}`);
  return performance.now() - started;
};

const peakRss = (args: string[], dir: string): number => {
  const file = join(dir, 'rss');
  spawnSync(process.execPath, ['--import', PRELOAD, ...args], {
    env: { ...env, BENCH_MAX_RSS_FILE: file },
    stdio: 'ignore',
  });
  return Number(readFileSync(file, 'utf8'));
};

const startup = () => {
  const dir = mkdtempSync(join(tmpdir(), 'quadrant-bench-cli-'));
  try {
    const bare = ['-e', '0'];
    const cli = [BIN, 'playbook', 'strategic'];
    // Warm the file cache, then alternate so both see the same machine load.
    wallMs(bare);
    wallMs(cli);
    const bareMs: number[] = [];
    const cliMs: number[] = [];
    for (let i = 0; i < ROUNDS; i += 1) {
      bareMs.push(wallMs(bare));
      cliMs.push(wallMs(cli));
    }
    const [b, c] = [median(bareMs), median(cliMs)];
    const [bareRss, cliRss] = [peakRss(bare, dir), peakRss(cli, dir)];
    console.log(`start-up, median of ${ROUNDS} (node ${process.version}):`);
    console.log(`  node -e 0                         ${b.toFixed(0).padStart(5)} ms   peak RSS ${mb(bareRss)}`);
    console.log(`  quadrant playbook strategic       ${c.toFixed(0).padStart(5)} ms   peak RSS ${mb(cliRss)}`);
    console.log(`  ratio ${(c / b).toFixed(2)}x (target <= 5x), peak RSS ${mb(cliRss)} (target < 90 MB)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

const rssOf = (pid: number): number => {
  if (existsSync(`/proc/${pid}/status`)) {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return Number(match?.[1] ?? 0) * 1024;
  }
  const out = spawnSync('ps', ['-o', 'rss=', '-p', String(pid)])
    .stdout.toString()
    .trim();
  return Number(out) * 1024;
};

/** The command line the process now runs (it may have replaced its own image with Node flags). */
const commandLineOf = (pid: number): string =>
  existsSync(`/proc/${pid}/cmdline`)
    ? readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).slice(1).join(' ')
    : '(unknown)';

const classifyJsonl = async () => {
  const child = spawn(process.execPath, [BIN, 'classify', '--jsonl'], { env, stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = once(child, 'exit');
  const pid = child.pid ?? 0;
  let commandLine = '';
  const series: Array<[number, number]> = [];
  let answered = 0;
  const started = performance.now();
  let seconds = Number.NaN;
  const reading = (async () => {
    for await (const _line of createInterface({ input: child.stdout })) {
      answered += 1;
      if (answered === 1) commandLine = commandLineOf(pid);
      if (answered % 10_000 === 0) series.push([answered, rssOf(pid)]);
      // Input ends only once the last answer is in and measured: every sample, the last one too, is
      // of the process at work, not of one already releasing its memory on the way out.
      if (answered === LINES) {
        seconds = (performance.now() - started) / 1000;
        child.stdin.end();
      }
    }
  })();
  for (let i = 1; i <= LINES; i += 1) {
    const line = `${JSON.stringify({ id: i, text: NOTES[i % NOTES.length] })}\n`;
    if (!child.stdin.write(line)) await new Promise((resolve) => child.stdin.once('drain', resolve));
  }
  await reading;
  child.stdin.end();
  const [code] = (await exited) as [number | null];
  console.log(
    `classify --jsonl: ${answered} lines in ${seconds.toFixed(1)} s (${Math.round(answered / seconds)} lines/s), exit ${code}`,
  );
  // The pid spawned above is the one measured: bin/quadrant.js restarts in place (execve), never in a child.
  console.log(`  process ${pid} answering: node ${commandLine}`);
  console.log(`  RSS every 10,000 lines: ${series.map(([n, rss]) => `${n / 1000}k ${mb(rss)}`).join(', ')}`);
  const at = (n: number) => series.find(([line]) => line === n)?.[1] ?? Number.NaN;
  const after = series.filter(([n]) => n >= 20_000).map(([, rss]) => rss);
  console.log(
    `  from line 20,000 to 100,000: ${mb(at(20_000))} -> ${mb(at(100_000))}, spread ${mb(Math.max(...after) - Math.min(...after))} (target <= 10 MB)`,
  );
};

export const run = async () => {
  if (!existsSync(join(ROOT, 'dist/src/cli/main.js'))) throw new Error('dist/ is missing: run "npm run build"');
  startup();
  await classifyJsonl();
};
