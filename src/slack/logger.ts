import { type Logger, LogLevel } from '@slack/bolt';

const ORDER = [LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR];

/** Hides anything that looks like a Slack token or a signing header; applied to every line. */
export const scrubSecrets = (line: string): string =>
  line
    .replace(/xox[a-z]-[A-Za-z0-9-]+/g, 'xox?-***')
    .replace(/xapp-[A-Za-z0-9-]+/g, 'xapp-***')
    .replace(/(authorization["':\s]+)(Bearer\s+)?[^\s"',}]+/gi, '$1***')
    .replace(/(v0=)[0-9a-f]{16,}/g, '$1***');

const format = (value: unknown): string => {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
};

/**
 * A Bolt-compatible logger writing one scrubbed line per call to `sink` (stderr by default).
 * Bolt and the handlers share it, so tokens never reach the log whichever layer logs.
 */
export const createLogger = (
  level: 'debug' | 'info' | 'warn' | 'error',
  sink: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Logger => {
  let current = level as LogLevel;
  let name = 'quadrant';
  const write = (at: LogLevel, parts: unknown[]) => {
    if (ORDER.indexOf(at) < ORDER.indexOf(current)) return;
    sink(scrubSecrets(`${new Date().toISOString()} ${at.toUpperCase()} [${name}] ${parts.map(format).join(' ')}`));
  };
  return {
    debug: (...parts: unknown[]) => write(LogLevel.DEBUG, parts),
    info: (...parts: unknown[]) => write(LogLevel.INFO, parts),
    warn: (...parts: unknown[]) => write(LogLevel.WARN, parts),
    error: (...parts: unknown[]) => write(LogLevel.ERROR, parts),
    setLevel: (next: LogLevel) => {
      current = next;
    },
    getLevel: () => current,
    setName: (next: string) => {
      name = next;
    },
  };
};
