import type { Writable } from 'node:stream';

/**
 * The two ordinary ways writing the CLI's output fails. A closed pipe (`quadrant log export |
 * head -1`) means the reader has what it wanted: end quietly with status 0. A full disk means the
 * output is incomplete: one line saying so, status 1. Neither is a bug, so neither prints a stack.
 */
export type OutputFailure = { status: number; message: string | null };

export const outputFailure = (error: unknown): OutputFailure | null => {
  const code = (error as { code?: unknown } | null)?.code;
  // After EPIPE the stream is destroyed and later writes fail with ERR_STREAM_DESTROYED.
  if (code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED') return { status: 0, message: null };
  if (code === 'ENOSPC') return { status: 1, message: 'quadrant: cannot write the output: no space left on device' };
  if (code === 'EIO' || code === 'EBADF' || code === 'EDQUOT' || code === 'EFBIG') {
    return { status: 1, message: `quadrant: cannot write the output (${code})` };
  }
  return null;
};

/** Ends the process as {@link outputFailure} says when stdout fails after a write returned. */
export const guardOutput = (stdout: Writable, stderr: Writable, exit: (status: number) => void): void => {
  stdout.on('error', (error: Error) => {
    const failure = outputFailure(error) ?? {
      status: 1,
      message: `quadrant: cannot write the output: ${error.message}`,
    };
    if (failure.message) stderr.write(`${failure.message}\n`);
    exit(failure.status);
  });
};
