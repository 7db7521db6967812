/**
 * `classify --jsonl` on the process's own stdin and stdout, in a worker thread whose heap limits
 * (set by classify-worker-host.ts) keep RSS flat. Reads fd 0 and writes fd 1 itself and posts back
 * the exit status, with the one line to print when the output could not be written.
 */
import { createReadStream, createWriteStream, fstatSync } from 'node:fs';
import { Socket } from 'node:net';
import type { Readable, Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { classifyJsonl } from './classify-jsonl.js';
import { buildCliContext } from './context.js';
import { outputFailure } from './output-errors.js';

export type WorkerResult = { status: number; message: string | null };

/**
 * A pipe or socket is read through the event loop: the main thread's process.stdin has made the
 * descriptor non-blocking, and a plain fs read of an empty non-blocking pipe fails with EAGAIN.
 * Files and terminals are read and written with fs streams.
 */
const isPipe = (fd: number) => {
  const stat = fstatSync(fd);
  return stat.isFIFO() || stat.isSocket();
};
const openInput = (fd: number): Readable =>
  isPipe(fd) ? new Socket({ fd, readable: true, writable: false }) : createReadStream('', { fd, autoClose: false });
const openOutput = (fd: number): Writable =>
  isPipe(fd) ? new Socket({ fd, readable: false, writable: true }) : createWriteStream('', { fd, autoClose: false });

const run = async (): Promise<WorkerResult> => {
  const { env } = workerData as { env: Record<string, string | undefined> | undefined };
  const input = openInput(0);
  const output = openOutput(1);
  let writeError: unknown = null;
  output.on('error', (error) => {
    writeError ??= error;
    input.destroy();
  });
  try {
    const ctx = buildCliContext({ stdin: input, stdout: output, stderr: output, ...(env ? { env } : {}) });
    const status = await classifyJsonl(ctx.classifier, input, output);
    output.end();
    await finished(output, { readable: false });
    return { status, message: null };
  } catch (error) {
    const failure = outputFailure(writeError ?? error);
    if (failure) return failure;
    if (writeError)
      return { status: 1, message: `quadrant: cannot write the output: ${(writeError as Error).message}` };
    throw error;
  } finally {
    input.destroy();
  }
};

parentPort?.postMessage(await run());
