import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { messages } from '../../src/domain/messages/messages.js';
import { webClientOptions } from '../../src/slack/client-options.js';
import { describeError, failureKind, failureMessage, QuadrantSlackError } from '../../src/slack/errors.js';
import { escapeSlack, safeText, truncate } from '../../src/slack/escape.js';
import { createLogger, scrubSecrets } from '../../src/slack/logger.js';
import { StoreError } from '../../src/store/ports.js';

describe('escapeSlack / truncate', () => {
  it('escapes the three control characters and nothing else', () => {
    expect(escapeSlack('<!channel> & <@U1> <https://x|y>')).toBe(
      '&lt;!channel&gt; &amp; &lt;@U1&gt; &lt;https://x|y&gt;',
    );
    expect(escapeSlack('*bold* 中文')).toBe('*bold* 中文');
  });

  it('never leaves a raw < or > and respects the length limit', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 500 }), fc.integer({ min: 2, max: 300 }), (text, max) => {
        const out = safeText(text, max);
        expect(out).not.toMatch(/[<>]/);
        expect([...out].length).toBeLessThanOrEqual(max);
        expect(out).not.toMatch(/&[a-z]{0,3}…$/);
      }),
    );
  });

  it('adds an ellipsis only when it cuts, without splitting surrogate pairs', () => {
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('😀😀😀😀', 3)).toBe('😀😀…');
  });
});

describe('failure messages', () => {
  const platform = (error: string) =>
    Object.assign(new Error('An API error occurred'), {
      code: 'slack_webapi_platform_error',
      data: { ok: false, error },
    });

  it.each([
    [platform('not_in_channel'), 'not_in_channel'],
    [platform('channel_not_found'), 'channel_not_found'],
    [platform('msg_too_long'), 'msg_too_long'],
    [Object.assign(new Error('x'), { code: 'slack_webapi_rate_limited_error' }), 'rate_limited'],
    [Object.assign(new Error('x'), { code: 'slack_webapi_request_error' }), 'slack_unreachable'],
    [new StoreError('store_unavailable', 'down'), 'store_unavailable'],
    [new QuadrantSlackError('stale_card', 'x'), 'stale_card'],
    [new Error('boom'), 'unknown'],
  ])('classifies %s as %s', (error, kind) => {
    expect(failureKind(error)).toBe(kind);
  });

  it('explains how to invite the bot, in both languages, and quotes the reference otherwise', () => {
    expect(failureMessage(platform('not_in_channel'), 'en', 'r1', 'C9')).toContain('/invite @Quadrant');
    expect(failureMessage(platform('not_in_channel'), 'zh', 'r1', 'C9')).toContain('<#C9>');
    expect(failureMessage(new Error('x'), 'zh', 'abc123', undefined)).toContain('abc123');
  });

  it('never puts a token in a log line', () => {
    const error = new Error('failed with xoxb-123-456-abcdef and xapp-1-A1-xyz');
    expect(describeError(error)).not.toMatch(/xoxb-123|xapp-1-A1/);
    const lines: string[] = [];
    const logger = createLogger('debug', (line) => lines.push(line));
    logger.info(
      'auth',
      { headers: { Authorization: 'Bearer xoxb-secret-1' } },
      'sig v0=0123456789abcdef0123456789abcdef',
    );
    expect(lines.join()).not.toMatch(/xoxb-secret-1|0123456789abcdef0123/);
    expect(scrubSecrets('token=xoxp-99-aa')).toBe('token=xox?-***');
  });

  it('respects the log level', () => {
    const lines: string[] = [];
    const logger = createLogger('warn', (line) => lines.push(line));
    logger.info('hidden');
    logger.error('shown');
    expect(lines).toHaveLength(1);
  });
});

describe('Web API client options', () => {
  it('has a ~10 s timeout, bounded retries, and leaves 429s to the per-channel limiter', () => {
    const options = webClientOptions({ apiUrl: 'http://127.0.0.1:1/api/' });
    // The client's own 429 handling would pause every call of the process (rate-limits.ts).
    expect(options.fetch).toBeTypeOf('function');
    expect(options).toMatchObject({
      timeout: 10_000,
      rejectRateLimitedCalls: true,
      slackApiUrl: 'http://127.0.0.1:1/api/',
    });
    expect(options.retryConfig?.retries).toBe(2);
    expect(webClientOptions({ apiUrl: undefined })).not.toHaveProperty('slackApiUrl');
  });
});

describe('i18n', () => {
  it('has every text in both languages, and the Chinese texts are Chinese', () => {
    const en = messages('en') as Record<string, unknown>;
    const zh = messages('zh') as Record<string, unknown>;
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    const sample = (value: unknown): string =>
      typeof value === 'function'
        ? String(value('A', 'B', 'C', 'D', 'E'))
        : Array.isArray(value)
          ? JSON.stringify(value)
          : typeof value === 'object'
            ? JSON.stringify(value)
            : String(value);
    for (const key of Object.keys(en)) {
      // Pure layouts such as "*type* · <@user> · date" have no words to translate.
      if (!/[a-z]{3,}/i.test(sample(en[key]).replace(/<@B>/g, ''))) continue;
      expect(sample(zh[key]), key).toMatch(/\p{Script=Han}/u);
      expect(sample(zh[key]), key).not.toBe(sample(en[key]));
    }
  });
});
