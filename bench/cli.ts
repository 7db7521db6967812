import { PassThrough, Readable, Writable } from 'node:stream';
import { runCli } from '../src/cli/main.js';

const NOTES = [
  '小微企业,只看利率和放款速度,需要50万周转。',
  'Family business, three generations with us, loves our salons and the private client club.',
  '某AAA央企集团,合作十年,但最近刚出现一笔利息逾期,资金链紧张,请求展期。',
  'Listed conglomerate, investment grade, lead arranger on five projects; wants a multi-year framework agreement.',
];

/** `quadrant classify --jsonl` over 100,000 lines: throughput and peak memory (constant-memory check). */
export const run = async () => {
  const total = 100_000;
  let produced = 0;
  const stdin = new Readable({
    read() {
      if (produced === total) return void this.push(null);
      const text = NOTES[produced % NOTES.length] ?? '';
      produced += 1;
      this.push(`${JSON.stringify({ id: produced, text })}\n`);
    },
  });
  let lines = 0;
  let peakRss = 0;
  const rssAt: number[] = [];
  const stdout = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines += chunk.toString().split('\n').length - 1;
      if (lines % 10_000 === 0) {
        const rss = process.memoryUsage().rss;
        rssAt.push(rss);
        peakRss = Math.max(peakRss, rss);
      }
      done();
    },
  });
  const started = performance.now();
  const code = await runCli(['classify', '--jsonl'], { stdin, stdout, stderr: new PassThrough(), env: {} });
  const seconds = (performance.now() - started) / 1000;
  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
  console.log(
    `classify --jsonl: ${lines} lines in ${seconds.toFixed(2)} s (${Math.round(lines / seconds)} lines/s), exit ${code}`,
  );
  console.log(`  RSS every 10,000 lines: ${rssAt.map(mb).join(', ')} (peak ${mb(peakRss)})`);
};
