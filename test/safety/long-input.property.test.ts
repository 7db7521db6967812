import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guessClientName } from '../../src/conversation/client-name.js';
import { isClassifyNow } from '../../src/conversation/language.js';
import { redact, redactPersonalData } from '../../src/domain/redact.js';
import { classifyWithRules } from '../../src/domain/rules.js';
import { removeThinking } from '../../src/llm/openai-assessor.js';

/**
 * Finding 1: one long unbroken token (a pasted base64 blob, 'a' × 300,000) made the email pattern
 * quadratic, so `redact` on 80k characters took seconds and 300k never finished. These inputs now
 * finish well inside the suite's per-test limit; the bench prints the 10k-versus-100k ratio.
 */
const LONG = 300_000;

/** Long runs of one or two characters: the shape that makes a backtracking matcher rescan. */
const longRun = fc
  .tuple(
    fc.constantFrom('a', 'A', '1', '.', '-', '@', '“', 'C.', 'L\t', '<think>', '华', ' ', '\u200b', '+8613'),
    fc.integer({ min: 5_000, max: 60_000 }),
    fc.string({ maxLength: 20 }),
  )
  .map(([unit, size, tail]) => unit.repeat(Math.ceil(size / unit.length)) + tail);

const word = fc.string({
  unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'),
  minLength: 1,
  maxLength: 12,
});
/** Addresses of the shape the redactor promises to catch (letters, digits, dots in the local part). */
const plainEmail = fc
  .tuple(word, fc.option(word), word, fc.constantFrom('com', 'cn', 'example', 'bank'))
  .map(([user, more, host, tld]) => `${user}${more ? `.${more}` : ''}@${host}.${tld}`);

describe('long and hostile input', () => {
  it('redacts a 300k unbroken token and keeps an address at its end', () => {
    const input = `${'a'.repeat(LONG)} write to rm.zhang@bank.example.com`;
    const result = redactPersonalData(input);
    expect(result.found.email).toBe(1);
    expect(result.text.endsWith('write to [REDACTED:email]')).toBe(true);
  });

  it('a base64-like blob glued to an address is still one address, redacted', () => {
    const blob = 'QUJD'.repeat(9_750);
    expect(redact(`${blob}@example.com`)).toBe('[REDACTED:email]');
  });

  it('classifies 300k characters of one letter and of "C." within the limit of the rules', () => {
    for (const input of ['a'.repeat(LONG), 'C.'.repeat(LONG / 2), '“'.repeat(LONG)]) {
      const result = classifyWithRules(input);
      expect(result.inputLength).toBe(input.length);
      expect(result.truncated).toBe(true);
      expect(guessClientName(input)).toBeNull();
    }
  });

  it('never throws, keeps no address, and is idempotent on random long runs (property)', () => {
    fc.assert(
      fc.property(longRun, plainEmail, (run, email) => {
        const text = redact(`${run} ${email} ${run}`);
        expect(text.includes(email)).toBe(false);
        expect(redact(text)).toBe(text);
        guessClientName(run);
        isClassifyNow(run);
        removeThinking(run);
        classifyWithRules(run);
      }),
      { numRuns: 40, seed: 14 },
    );
  });

  it('random strings of any characters go through redaction and the rules (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1_000, maxLength: 20_000 }), (text) => {
        const redacted = redact(text);
        expect(redact(redacted)).toBe(redacted);
        expect(classifyWithRules(text).inputLength).toBe(text.length);
      }),
      { numRuns: 30, seed: 14 },
    );
  });

  it('strips <think> blocks in one pass, leaving unclosed ones as they are', () => {
    expect(removeThinking('a<think>x</think>b<THINK>y</Think>c')).toBe('abc');
    expect(removeThinking(`${'<think>'.repeat(50_000)}{}`)).toBe(`${'<think>'.repeat(50_000)}{}`);
  });
});
