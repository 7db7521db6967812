#!/usr/bin/env node
// Compiles src/, handlers/ and playground/ to dist/ (what `npm start` and `bin/quadrant.js` run) and
// copies the files they read at run time beside them. Runs on `npm ci` (prepare). Without
// TypeScript installed (`npm ci --omit=dev`, the container's runtime stage) an existing dist/ is kept.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const require = createRequire(import.meta.url);

let tsc;
try {
  tsc = require.resolve('typescript/bin/tsc');
} catch {
  if (existsSync(join(dist, 'src', 'main.js'))) process.exit(0);
  console.error('quadrant: dist/ is missing and TypeScript is not installed: run "npm ci" (with dev dependencies)');
  process.exit(1);
}

const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);

// Read at run time relative to the compiled files.
const assets = [
  ['prompts', 'prompts'],
  ['manifest.json', 'manifest.json'],
  ['playground/public', 'playground/public'],
];
for (const [from, to] of assets) {
  rmSync(join(dist, to), { recursive: true, force: true });
  cpSync(join(root, from), join(dist, to), { recursive: true });
}
