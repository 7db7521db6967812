/**
 * Last-resort handlers for errors no caller caught. A rejected promise nobody awaited, or a
 * network error raised from a socket callback, is logged with a reference and the process keeps
 * serving. Any other uncaught exception unwound the stack at an unknown point, so the process
 * state is unknown: it says so, closes what it can within a deadline, and exits 1 for the
 * supervisor to restart it.
 */
import { correlationId, describeError } from './slack/errors.js';

export type GuardLogger = { error(message: string): void };

export type ProcessGuardOptions = {
  logger: GuardLogger;
  /** Stops serving and closes the store; bounded by `shutdownDeadlineMs`. */
  shutdown: () => Promise<void>;
  shutdownDeadlineMs?: number;
  exit?: (code: number) => void;
  target?: NodeJS.Process;
};

/** Error codes of failed I/O: the operation failed, the process's own state is intact. */
const OPERATIONAL_CODE =
  /^(?:E[A-Z]+|ERR_STREAM_[A-Z_]+|ERR_SOCKET_[A-Z_]+|ERR_HTTP_[A-Z_]+|UND_ERR_[A-Z_]+|ABORT_ERR)$/;

export const isOperationalError = (error: unknown): boolean => {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return (typeof code === 'string' && OPERATIONAL_CODE.test(code)) || error.name === 'AbortError';
};

export const installProcessGuards = (options: ProcessGuardOptions): (() => void) => {
  const target = options.target ?? process;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let exiting = false;
  const onRejection = (reason: unknown) => {
    options.logger.error(`unhandled rejection (ref ${correlationId()}): ${describeError(reason)}; still serving`);
  };
  const onException = (error: unknown) => {
    const ref = correlationId();
    if (isOperationalError(error)) {
      options.logger.error(`uncaught I/O error (ref ${ref}): ${describeError(error)}; still serving`);
      return;
    }
    options.logger.error(
      `uncaught exception (ref ${ref}): ${describeError(error)}; the process state is unknown, so Quadrant stops and exits 1 to be restarted`,
    );
    if (exiting) return;
    exiting = true;
    const deadline = new Promise<void>((resolve) => setTimeout(resolve, options.shutdownDeadlineMs ?? 5_000).unref());
    void Promise.race([options.shutdown().catch(() => undefined), deadline]).then(() => exit(1));
  };
  target.on('unhandledRejection', onRejection);
  target.on('uncaughtException', onException);
  return () => {
    target.off('unhandledRejection', onRejection);
    target.off('uncaughtException', onException);
  };
};
