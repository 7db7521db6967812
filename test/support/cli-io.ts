import { PassThrough, Readable } from 'node:stream';
import { runCli } from '../../src/cli/main.js';

/** Runs the CLI in-process with captured streams. */
export const runQuadrant = async (
  args: string[],
  options: { stdin?: string | Readable; env?: Record<string, string | undefined>; tty?: boolean } = {},
) => {
  const stdout = new PassThrough() as PassThrough & { isTTY?: boolean };
  if (options.tty) stdout.isTTY = true;
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk));
  stderr.on('data', (chunk: Buffer) => err.push(chunk));
  const stdin =
    options.stdin instanceof Readable
      ? options.stdin
      : Readable.from(options.stdin === undefined ? [] : [options.stdin]);
  const code = await runCli(args, { stdin, stdout, stderr, env: options.env ?? {} });
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
};
