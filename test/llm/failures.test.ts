import { APIConnectionTimeoutError, APIError } from 'openai';
import { describe, expect, it } from 'vitest';
import { classifyError, retryAfterMs } from '../../src/llm/failures.js';

const headers = (entries: Record<string, string>) => new Headers(entries);

describe('retryAfterMs', () => {
  it('reads retry-after-ms, seconds and HTTP dates, and ignores garbage', () => {
    expect(retryAfterMs(headers({ 'retry-after-ms': '1500' }))).toBe(1500);
    expect(retryAfterMs(headers({ 'retry-after': '3' }))).toBe(3000);
    const inTenSeconds = new Date(Date.now() + 10_000).toUTCString();
    const fromDate = retryAfterMs(headers({ 'retry-after': inTenSeconds })) ?? -1;
    expect(fromDate).toBeGreaterThan(8_000);
    expect(fromDate).toBeLessThanOrEqual(10_000);
    expect(retryAfterMs(headers({ 'retry-after': 'soon' }))).toBeNull();
    expect(retryAfterMs(undefined)).toBeNull();
  });
});

describe('classifyError', () => {
  const classify = (error: unknown) => classifyError(error, 5_000, 100);

  it('retries a 429 within the cap after Retry-After, and not beyond it', () => {
    expect(classify(APIError.generate(429, {}, 'rate', headers({ 'retry-after': '2' })))).toMatchObject({
      retryable: true,
      waitMs: 2000,
    });
    expect(classify(APIError.generate(429, {}, 'rate', headers({ 'retry-after': '60' })))).toMatchObject({
      retryable: false,
      detail: 'http 429 (retry-after 60s over the cap)',
    });
  });

  it('marks any 400/422 as a candidate for the JSON-mode fallback, without retrying it', () => {
    for (const status of [400, 422]) {
      const error = APIError.generate(
        status,
        { error: { message: 'json_schema not supported' } },
        undefined,
        headers({}),
      );
      expect(classify(error)).toMatchObject({ schemaUnsupported: true, retryable: false, detail: `http ${status}` });
    }
    const unauthorized = APIError.generate(401, { error: { message: 'bad key' } }, undefined, headers({}));
    expect(classify(unauthorized).schemaUnsupported).toBe(false);
  });

  it('retries timeouts and 5xx, never echoes the server message', () => {
    expect(classify(new APIConnectionTimeoutError())).toMatchObject({ retryable: true, detail: 'timeout' });
    const error = APIError.generate(503, { message: 'secret prompt echo' }, undefined, headers({}));
    expect(classify(error)).toMatchObject({ retryable: true, detail: 'http 503' });
    expect(classify(new TypeError('x'))).toMatchObject({ retryable: false, detail: 'TypeError' });
  });
});
