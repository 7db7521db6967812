import { Worker } from 'node:worker_threads';
import type { WorkerResult } from './classify-worker.js';
import type { CommandIo } from './io.js';

/**
 * Heap limits for the worker. `--max-semi-space-size` and friends only take effect when a heap is
 * created, which a worker's resourceLimits is, so the young generation cannot be grown by V8 past
 * this bound under sustained allocation. The old generation leaves room for lines of a few hundred
 * thousand characters (test/cli/output-failures.test.ts runs one through the bin).
 */
export const WORKER_LIMITS = { maxYoungGenerationSizeMb: 24, maxOldGenerationSizeMb: 512 };

/**
 * dist/ runs the compiled worker. Under tsx (sources) the worker is the .ts file, and tsx's loader
 * must be registered inside the worker before it is imported (`--import tsx` in execArgv does not
 * reach a worker's entry module on Node 20).
 */
const workerEntry = (): { entry: URL | string; eval: boolean } => {
  if (!import.meta.url.endsWith('.ts')) return { entry: new URL('./classify-worker.js', import.meta.url), eval: false };
  const tsx = import.meta.resolve('tsx/esm/api');
  const worker = new URL('./classify-worker.ts', import.meta.url).href;
  return {
    entry: `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(worker)}); });`,
    eval: true,
  };
};

/** Runs `classify --jsonl` on fd 0 and fd 1 in a worker; returns its exit status. */
export const runJsonlInWorker = async (io: CommandIo): Promise<number> => {
  const { entry, eval: isEval } = workerEntry();
  const worker = new Worker(entry, {
    eval: isEval,
    workerData: { env: io.env },
    resourceLimits: WORKER_LIMITS,
    stdout: false,
    stderr: false,
  });
  const result = await new Promise<WorkerResult>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the classify worker stopped (exit code ${code})`)));
  });
  await worker.terminate();
  if (result.message) io.stderr.write(`${result.message}\n`);
  return result.status;
};
