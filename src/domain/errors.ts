/**
 * The one base class for errors Quadrant raises itself. As in @slack/bolt, every error carries a
 * machine-readable `code` that callers switch on (and that user messages are chosen from); the
 * `message` is for the log. Subclasses narrow the code to their own union.
 */
export class QuadrantError<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    message: string = code,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
