/**
 * How the tests start Quadrant's entry points as separate processes: the same commands
 * `npm start` and `npx quadrant` run.
 */
import { join } from 'node:path';

export const ROOT = new URL('../../', import.meta.url).pathname;

/** `node` arguments that run the Slack app (`npm start`), after any `extra` preload flags. */
export const startArgs = (extra: string[] = []): string[] => [...extra, '--import', 'tsx', join(ROOT, 'src/main.ts')];

/** `node` arguments that run the CLI (`npx quadrant …`). */
export const cliArgs = (args: string[], extra: string[] = []): string[] => [
  ...extra,
  join(ROOT, 'bin/quadrant.js'),
  ...args,
];

/** Preload that records every loaded module URL in the file named by QUADRANT_TEST_MODULE_LOG. */
export const RECORD_MODULES = ['--import', join(ROOT, 'test/support/record-modules.mjs')];
