import type { Readable, Writable } from 'node:stream';
import { QuadrantError } from '../domain/errors.js';

/** What a CLI command may touch; injected so tests drive commands in-process. */
export type CommandIo = {
  stdin: Readable;
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable;
  /** Defaults to the process environment, read by config.ts. */
  env?: Record<string, string | undefined>;
};

/** A usage error: the message is printed with a hint and the exit status is 2. */
export class UsageError extends QuadrantError<'usage'> {
  constructor(message: string) {
    super('usage', message);
  }
}

/** Every subcommand: parses its own args, returns the exit status. */
export type Command = (args: string[], io: CommandIo) => Promise<number>;
