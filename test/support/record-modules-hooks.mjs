// Module hooks for record-modules.mjs; they run on the loader thread.
import { appendFileSync } from 'node:fs';

const file = process.env.QUADRANT_TEST_MODULE_LOG;

export async function load(url, context, nextLoad) {
  if (file) appendFileSync(file, `${url}\n`);
  return nextLoad(url, context);
}
