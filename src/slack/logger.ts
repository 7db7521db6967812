import { AsyncLocalStorage } from 'node:async_hooks';
import { createRequire } from 'node:module';
import { Writable } from 'node:stream';
import type { Logger, LogLevel } from '@slack/bolt';
import { type DestinationStream, type Logger as Pino, pino } from 'pino';

/** Hides anything that looks like a Slack token or a signing header; applied to every line. */
export const scrubSecrets = (line: string): string =>
  line
    .replace(/xox[a-z]-[A-Za-z0-9-]+/g, 'xox?-***')
    .replace(/xapp-[A-Za-z0-9-]+/g, 'xapp-***')
    .replace(/(authorization["':\s]+)(Bearer\s+)?[^\s"',}]+/gi, '$1***')
    .replace(/(v0=)[0-9a-f]{16,}/g, '$1***');

export type LogFormat = 'json' | 'pretty';

/**
 * What the current event is about, set by a middleware for the duration of each event; every line
 * logged meanwhile carries it (`event_id`, `team`). Ids only, never text.
 */
export type LogContext = { event_id?: string; team?: string };
export const logContext = new AsyncLocalStorage<LogContext>();

/** Field paths pino replaces with `***` (belt and braces: every line is also scrubbed as text). */
const REDACT_PATHS = [
  'token',
  'botToken',
  'appToken',
  'signingSecret',
  'apiKey',
  'password',
  'authorization',
  'Authorization',
  '*.token',
  '*.authorization',
  '*.Authorization',
  'headers.authorization',
  'headers.Authorization',
  '*.headers.authorization',
  '*.headers.Authorization',
];

/** A correlation reference quoted in a message ("[ab12cd34]" or "ref ab12cd34") becomes the `ref` field. */
const REF = /(?:^\[|\(ref |\bref )([a-z0-9]{6,12})\b/;

/**
 * Libraries log whole request and response bodies at debug level (the Web API client's "http
 * request body: {…}", Socket Mode's envelopes): those carry message text, client names and
 * evidence. A line keeps its words and the payload's size, never the payload.
 */
const withoutPayloads = (msg: string): string => {
  const at = msg.search(/[{[]["{[]/);
  return at === -1 ? msg : `${msg.slice(0, at)}<${msg.length - at} chars omitted>`;
};

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !(value instanceof Error) && !Array.isArray(value);

const format = (value: unknown): string => {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
};

const destination = (format: LogFormat, sink: ((line: string) => void) | undefined): DestinationStream => {
  const write = sink ?? ((line: string) => process.stderr.write(`${line}\n`));
  const scrubbed: DestinationStream = { write: (chunk: string) => write(scrubSecrets(chunk.replace(/\n$/, ''))) };
  if (format === 'json') return scrubbed;
  // pino-pretty is only loaded for a person at a terminal.
  const pretty = createRequire(import.meta.url)('pino-pretty') as (options: object) => DestinationStream;
  const out = new Writable({
    write: (chunk: Buffer, _encoding, done) => {
      scrubbed.write(chunk.toString('utf8'));
      done();
    },
  });
  return pretty({ destination: out, sync: true, colorize: false, translateTime: 'SYS:standard' });
};

/**
 * A Bolt-compatible logger on pino: one JSON object per line (`time`, `level`, `msg`, and where
 * known `event_id`, `team`, `ref`) to `sink` (stderr by default), or a readable line with
 * `pretty`. Bolt and the handlers share it, so tokens never reach the log whichever layer logs.
 * Plain objects passed after the message become fields (redacted by pino); the rest joins `msg`.
 */
export const createLogger = (
  level: 'debug' | 'info' | 'warn' | 'error',
  sink?: (line: string) => void,
  logFormat: LogFormat = 'json',
): Logger => {
  const base: Pino = pino(
    {
      level,
      base: null,
      messageKey: 'msg',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => ({ ...logContext.getStore() }),
      redact: { paths: REDACT_PATHS, censor: '***' },
    },
    destination(logFormat, sink),
  );
  let name: string | undefined;
  const write = (at: 'debug' | 'info' | 'warn' | 'error', parts: unknown[]) => {
    if (!base.isLevelEnabled(at)) return;
    const fields: Record<string, unknown> = {};
    const text: string[] = [];
    for (const part of parts) {
      if (isPlainObject(part)) Object.assign(fields, part);
      else if (part !== '') text.push(format(part));
    }
    const msg = withoutPayloads(text.join(' '));
    const ref = REF.exec(msg)?.[1];
    base[at]({ ...(name === undefined ? {} : { name }), ...(ref === undefined ? {} : { ref }), ...fields }, msg);
  };
  return {
    debug: (...parts: unknown[]) => write('debug', parts),
    info: (...parts: unknown[]) => write('info', parts),
    warn: (...parts: unknown[]) => write('warn', parts),
    error: (...parts: unknown[]) => write('error', parts),
    setLevel: (next: LogLevel) => {
      base.level = next;
    },
    getLevel: () => base.level as LogLevel,
    setName: (next: string) => {
      name = next;
    },
  };
};
