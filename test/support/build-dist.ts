/**
 * Vitest global setup: the entry-point tests run what production runs (`node dist/src/main.js`,
 * `bin/quadrant.js`), so dist/ is rebuilt first when any source file is newer than the last build.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('../../', import.meta.url).pathname;
const SOURCES = ['src', 'handlers', 'playground', 'prompts', 'manifest.json', 'tsconfig.json', 'tsconfig.build.json'];

const newestMtime = (path: string): number => {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat === undefined) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
};

export default function setup(): void {
  const built = statSync(join(ROOT, 'dist/src/main.js'), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const changed = Math.max(...SOURCES.map((source) => newestMtime(join(ROOT, source))));
  if (built >= changed) return;
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm run build failed: the entry-point tests need dist/');
}
