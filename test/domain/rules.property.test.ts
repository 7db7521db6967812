import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LEXICON } from '../../src/domain/lexicon/index.js';
import { classifyWithRules, MAX_INPUT_CHARS } from '../../src/domain/rules.js';
import { type Classification, RELATIONSHIP_TYPES, SIGNAL_CATEGORIES } from '../../src/domain/types.js';

/** Lexicon words as RMs would type them, so generated texts actually hit signals and cues. */
const words = [...DEFAULT_LEXICON.entries.flatMap((e) => e.terms), ...DEFAULT_LEXICON.cues.flatMap((c) => c.terms)].map(
  (t) => t.replace(/\*$/, '').replace('…', ' x '),
);

/** Characters that trip naive text code: zero-width, bidi, control, fullwidth, combining, surrogates. */
const oddChars = [
  '\u200b',
  '\u200d',
  '\ufeff',
  '\u202e',
  '\u0000',
  '\u0007',
  '\r',
  '\n',
  '\t',
  '，',
  '。',
  'Ａ',
  'İ',
  'ß',
  'ﬁ',
  'e\u0301',
  '\ud800',
  '\udfff',
  '😀',
  '…',
];

const lexiconSoup = fc
  .array(
    fc.oneof(
      fc.constantFrom(...words),
      fc.constantFrom(...words).map((w) => w.toUpperCase()),
      fc.constantFrom(...oddChars),
      fc.string({ unit: 'binary', maxLength: 6 }),
      fc.constantFrom(' ', ', ', '; ', '. ', '但', ' but '),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  lexiconSoup,
);

const expectValid = (input: string, result: Classification) => {
  expect(RELATIONSHIP_TYPES).toContain(result.type);
  expect(result.confidence).toBeGreaterThanOrEqual(0);
  expect(result.confidence).toBeLessThanOrEqual(1);
  expect(Number.isFinite(result.confidence)).toBe(true);
  if (result.secondary !== null) {
    expect(RELATIONSHIP_TYPES).toContain(result.secondary);
    expect(result.secondary).not.toBe(result.type);
  }
  for (const type of RELATIONSHIP_TYPES) {
    expect(Number.isFinite(result.scores[type])).toBe(true);
    expect(result.scores[type]).toBeGreaterThanOrEqual(0);
    expect(result.scores[type]).toBeLessThanOrEqual(result.scores[result.type]);
  }
  for (const s of result.signals) {
    expect(input.slice(s.start, s.end)).toBe(s.text);
    expect(s.end).toBeGreaterThan(s.start);
    expect(SIGNAL_CATEGORIES).toContain(s.category);
    expect(s.weight).toBeGreaterThanOrEqual(0);
    if (s.negated) expect(s.weight).toBe(0);
  }
  expect(result.missing.length).toBeLessThanOrEqual(3);
  expect(result.inputLength).toBe(input.length);
  expect(result.truncated).toBe(input.length > MAX_INPUT_CHARS);
};

describe('classifyWithRules properties', () => {
  it('never throws and always returns a valid result whose evidence quotes the input', () => {
    fc.assert(
      fc.property(anyText, (input) => {
        expectValid(input, classifyWithRules(input));
      }),
      { numRuns: 400 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(lexiconSoup, (input) => {
        expect(classifyWithRules(input)).toEqual(classifyWithRules(input));
      }),
      { numRuns: 100 },
    );
  });

  it('finds signals in generated lexicon text (the offset property is not vacuous)', () => {
    const hits = fc
      .sample(lexiconSoup, { numRuns: 200, seed: 7 })
      .filter((t) => classifyWithRules(t).signals.length > 0);
    expect(hits.length).toBeGreaterThan(100);
  });

  it('handles inputs around and over the length limit', () => {
    fc.assert(
      fc.property(lexiconSoup, fc.integer({ min: MAX_INPUT_CHARS - 50, max: MAX_INPUT_CHARS + 50 }), (seed, size) => {
        const unit = seed.length > 0 ? seed : '逾期';
        const input = unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
        expectValid(input, classifyWithRules(input));
      }),
      { numRuns: 15 },
    );
  });
});
