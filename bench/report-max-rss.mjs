// Preload for `npm run bench -- cli`: on exit, writes the process's peak RSS (bytes) to the file
// named by BENCH_MAX_RSS_FILE.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const file = process.env.BENCH_MAX_RSS_FILE;
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS * 1024));
});
