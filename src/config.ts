import { z } from 'zod';
import { QuadrantError } from './domain/errors.js';

/**
 * The only reader of `process.env`. Every variable Quadrant understands is declared here,
 * validated once at start, and documented in README's table.
 */

/** A variable is missing or malformed; the message names it and says what was expected. */
export class ConfigError extends QuadrantError<'config_invalid'> {
  constructor(message: string) {
    super('config_invalid', message);
  }
}

/** Endpoints we call over HTTP: `ftp:x` or `file:///…` parse as URLs but cannot be one. */
const isHttpUrl = (value: string): boolean => {
  if (!URL.canParse(value)) return false;
  const { protocol } = new URL(value);
  return protocol === 'http:' || protocol === 'https:';
};

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const positiveInt = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n <= 0) {
        ctx.addIssue({ code: 'custom', message: `expected a positive whole number, got "${v}"` });
        return z.NEVER;
      }
      return n;
    });

const fraction = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return fallback;
      const n = Number(v);
      if (!Number.isFinite(n) || n < 0 || n > 1) {
        ctx.addIssue({ code: 'custom', message: `expected a number between 0 and 1, got "${v}"` });
        return z.NEVER;
      }
      return n;
    });

const nonNegativeNumber = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return fallback;
      const n = Number(v);
      if (!Number.isFinite(n) || n < 0) {
        ctx.addIssue({ code: 'custom', message: `expected a non-negative number, got "${v}"` });
        return z.NEVER;
      }
      return n;
    });

const envSchema = z.object({
  QUADRANT_PLAYBOOK: optionalString,
  QUADRANT_STORE_URL: z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? 'sqlite://./data/quadrant.db' : v.trim()))
    .refine((v) => /^(sqlite|redis|rediss|postgres|postgresql):\/\/.+/.test(v), {
      message: 'expected sqlite://PATH, redis://HOST:PORT or postgres://…',
    }),
  QUADRANT_STATE_TTL_DAYS: positiveInt(7),
  QUADRANT_DEDUPE_TTL_SECONDS: positiveInt(3600),
  QUADRANT_RETENTION_DAYS: positiveInt(90),
  QUADRANT_ALERT_CHANNEL: optionalString.refine((v) => v === undefined || /^[CG][A-Z0-9]+$/.test(v), {
    message: 'expected a Slack channel id such as C012ABCDEF',
  }),
  QUADRANT_ADMINS: z
    .string()
    .optional()
    .transform((v) =>
      (v ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .refine((ids) => ids.every((id) => /^[UW][A-Z0-9]+$/.test(id)), {
      message: 'expected comma-separated Slack user ids such as U012ABCDEF',
    }),
  QUADRANT_LLM_MODE: z.enum(['always', 'when-uncertain', 'off']).optional(),
  QUADRANT_LLM_THRESHOLD: fraction(0.6),
  QUADRANT_LLM_TIMEOUT_MS: positiveInt(15_000),
  QUADRANT_LLM_PRICE_INPUT_PER_1K: nonNegativeNumber(0),
  QUADRANT_LLM_PRICE_OUTPUT_PER_1K: nonNegativeNumber(0),
  QUADRANT_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  QUADRANT_LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalString.refine((v) => v === undefined || isHttpUrl(v), {
    message: 'expected an http:// or https:// URL',
  }),
  OPENAI_MODEL: z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? 'gpt-4o-mini' : v.trim())),
  SLACK_APP_TOKEN: optionalString.refine((v) => v === undefined || v.startsWith('xapp-'), {
    message: 'expected an app-level token starting with "xapp-"',
  }),
  SLACK_BOT_TOKEN: optionalString.refine((v) => v === undefined || v.startsWith('xoxb-'), {
    message: 'expected a bot token starting with "xoxb-"',
  }),
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_API_URL: optionalString.refine((v) => v === undefined || isHttpUrl(v), {
    message: 'expected an http:// or https:// URL',
  }),
  PORT: positiveInt(3000),
  // Outbound proxy, as curl and most tools read it (upper or lower case).
  HTTPS_PROXY: optionalString.refine((v) => v === undefined || URL.canParse(v), { message: 'expected a proxy URL' }),
  https_proxy: optionalString.refine((v) => v === undefined || URL.canParse(v), { message: 'expected a proxy URL' }),
  HTTP_PROXY: optionalString.refine((v) => v === undefined || URL.canParse(v), { message: 'expected a proxy URL' }),
  http_proxy: optionalString.refine((v) => v === undefined || URL.canParse(v), { message: 'expected a proxy URL' }),
  NO_PROXY: optionalString,
  no_proxy: optionalString,
});

export type SlackMode = 'socket' | 'http' | 'playground';

export type Config = {
  playbookPath: string | undefined;
  store: { url: string; stateTtlMs: number; dedupeTtlMs: number; retentionDays: number };
  admins: string[];
  /** Where early-warning alerts go (a channel id); none when unset. */
  alertChannel: string | undefined;
  llm: {
    mode: 'always' | 'when-uncertain' | 'off';
    threshold: number;
    timeoutMs: number;
    apiKey: string | undefined;
    baseUrl: string | undefined;
    model: string;
    pricePer1kInput: number;
    pricePer1kOutput: number;
  };
  slack: {
    mode: SlackMode;
    appToken: string | undefined;
    botToken: string | undefined;
    signingSecret: string | undefined;
    apiUrl: string | undefined;
    port: number;
  };
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Unset: JSON when stderr is not a terminal, readable lines when it is (decided by the logger's owner). */
  logFormat: 'json' | 'pretty' | undefined;
  /** Outbound proxy for the Web API, Socket Mode and the LLM; NO_PROXY hosts go direct. */
  proxy: { httpsProxy: string | undefined; httpProxy: string | undefined; noProxy: string | undefined };
};

/** Reads and validates the environment. Throws a {@link ConfigError} naming the first bad variable. */
export const loadConfig = (env: Record<string, string | undefined> = process.env): Config => {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path[0] === undefined ? 'environment' : String(issue.path[0]);
    throw new ConfigError(`${name}: ${issue?.message ?? 'invalid'}`);
  }
  const e = parsed.data;
  const slackMode: SlackMode = e.SLACK_APP_TOKEN ? 'socket' : e.SLACK_SIGNING_SECRET ? 'http' : 'playground';
  if (slackMode !== 'playground' && !e.SLACK_BOT_TOKEN) {
    throw new ConfigError(
      `SLACK_BOT_TOKEN: required when ${slackMode === 'socket' ? 'SLACK_APP_TOKEN' : 'SLACK_SIGNING_SECRET'} is set`,
    );
  }
  // The playground starts only with no Slack variable at all: a half-configured deployment stops.
  if (slackMode === 'playground' && e.SLACK_BOT_TOKEN) {
    throw new ConfigError(
      'SLACK_APP_TOKEN or SLACK_SIGNING_SECRET: required with SLACK_BOT_TOKEN (Socket Mode or HTTP mode)',
    );
  }
  if (slackMode === 'playground' && e.SLACK_API_URL) {
    throw new ConfigError('SLACK_BOT_TOKEN: required when SLACK_API_URL is set');
  }
  const llmMode = e.QUADRANT_LLM_MODE ?? (e.OPENAI_API_KEY ? 'always' : 'off');
  return {
    playbookPath: e.QUADRANT_PLAYBOOK,
    store: {
      url: e.QUADRANT_STORE_URL,
      stateTtlMs: e.QUADRANT_STATE_TTL_DAYS * 86_400_000,
      dedupeTtlMs: e.QUADRANT_DEDUPE_TTL_SECONDS * 1000,
      retentionDays: e.QUADRANT_RETENTION_DAYS,
    },
    admins: e.QUADRANT_ADMINS,
    alertChannel: e.QUADRANT_ALERT_CHANNEL,
    llm: {
      // Without a key there is nothing to call, whatever the mode says.
      mode: e.OPENAI_API_KEY ? llmMode : 'off',
      threshold: e.QUADRANT_LLM_THRESHOLD,
      timeoutMs: e.QUADRANT_LLM_TIMEOUT_MS,
      apiKey: e.OPENAI_API_KEY,
      baseUrl: e.OPENAI_BASE_URL,
      model: e.OPENAI_MODEL,
      pricePer1kInput: e.QUADRANT_LLM_PRICE_INPUT_PER_1K,
      pricePer1kOutput: e.QUADRANT_LLM_PRICE_OUTPUT_PER_1K,
    },
    slack: {
      mode: slackMode,
      appToken: e.SLACK_APP_TOKEN,
      botToken: e.SLACK_BOT_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      apiUrl: e.SLACK_API_URL,
      port: e.PORT,
    },
    logLevel: e.QUADRANT_LOG_LEVEL,
    logFormat: e.QUADRANT_LOG_FORMAT,
    proxy: {
      httpsProxy: e.HTTPS_PROXY ?? e.https_proxy,
      httpProxy: e.HTTP_PROXY ?? e.http_proxy,
      noProxy: e.NO_PROXY ?? e.no_proxy,
    },
  };
};
