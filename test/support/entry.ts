/**
 * How the tests start Quadrant's entry points as separate processes: the compiled JavaScript that
 * `npm start` and `npx quadrant` run (built by the global setup), no TypeScript loader.
 */
import { join } from 'node:path';

export const ROOT = new URL('../../', import.meta.url).pathname;

/** `node` arguments that run the Slack app as `npm start` does, after any `extra` flags. */
export const startArgs = (extra: string[] = []): string[] => [...extra, join(ROOT, 'dist/src/main.js')];

/** `node` arguments that run the CLI (`npx quadrant …`). */
export const cliArgs = (args: string[], extra: string[] = []): string[] => [
  ...extra,
  join(ROOT, 'bin/quadrant.js'),
  ...args,
];

/** Preload that records every loaded module URL in the file named by QUADRANT_TEST_MODULE_LOG. */
export const RECORD_MODULES = ['--import', join(ROOT, 'test/support/record-modules.mjs')];

/** `npm start` itself, as an operator runs it: npm's own process, which must pass signals on. */
export const NPM_START: [string, string[]] = process.env.npm_execpath?.endsWith('.js')
  ? [process.execPath, [process.env.npm_execpath, 'start', '--silent']]
  : ['npm', ['start', '--silent']];
