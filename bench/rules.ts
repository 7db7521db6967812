import { readFileSync } from 'node:fs';
import { classifyWithRules, MAX_INPUT_CHARS } from '../src/domain/rules.js';
import { HARD_CASES, UNTUNED_CASES } from '../test/domain/hard-cases.js';
import { jargonCases } from '../test/domain/team-model/jargon-corpus.js';
import { runTeamModelBench } from './team-model.js';

/**
 * Rules classifier throughput on RM-sized notes (100–300 chars) and on maximum-size inputs, plus a
 * linearity check. Prints figures only; the targets (>= 20,000 notes/s, linear time) are read by people.
 */

const devCasesPath = new URL('../eval/dev-cases.jsonl', import.meta.url).pathname;

const readDevTexts = (): string[] => {
  try {
    return readFileSync(devCasesPath, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => (JSON.parse(line) as { text: string }).text);
  } catch {
    return []; // the shared dev set is optional here; the hard cases are enough to bench
  }
};

/** Notes of 100–300 characters: short cases are joined with the next one, long ones cut. */
const buildNotes = (texts: readonly string[]): string[] =>
  texts.map((text, i) => {
    let note = text;
    for (let k = 1; note.length < 100; k++) note = `${note} ${texts[(i + k) % texts.length] ?? ''}`;
    return note.slice(0, 300);
  });

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

/** Times every call; also keeps the fastest full round, which is what a quiet core sustains. */
const timeEach = (inputs: readonly string[], rounds: number) => {
  const micros: number[] = [];
  let bestRoundSeconds = Number.POSITIVE_INFINITY;
  const started = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) {
    const roundStarted = process.hrtime.bigint();
    for (const input of inputs) {
      const t0 = process.hrtime.bigint();
      classifyWithRules(input);
      micros.push(Number(process.hrtime.bigint() - t0) / 1000);
    }
    bestRoundSeconds = Math.min(bestRoundSeconds, Number(process.hrtime.bigint() - roundStarted) / 1e9);
  }
  const totalSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  micros.sort((a, b) => a - b);
  return {
    perSecond: micros.length / totalSeconds,
    bestPerSecond: inputs.length / bestRoundSeconds,
    p50: percentile(micros, 0.5),
    p99: percentile(micros, 0.99),
  };
};

const repeatTo = (texts: readonly string[], length: number) => {
  let out = '';
  for (let i = 0; out.length < length; i++) out += `${texts[i % texts.length] ?? ''}\n`;
  return out.slice(0, length);
};

const fmt = (n: number, digits = 0) => n.toLocaleString('en', { maximumFractionDigits: digits });

export const run = async (): Promise<void> => {
  const texts = [...readDevTexts(), ...HARD_CASES.map((c) => c.text), ...UNTUNED_CASES.map((c) => c.text)];
  const notes = buildNotes(texts);
  const meanLength = notes.reduce((sum, n) => sum + n.length, 0) / notes.length;
  timeEach(notes, 20); // warm-up: JIT and the lazily compiled lexicon
  const small = timeEach(notes, 60);
  console.log(
    `notes (${notes.length} notes, mean ${fmt(meanLength)} chars, one core): ${fmt(small.perSecond)} notes/s (best round ${fmt(small.bestPerSecond)}), p50 ${fmt(small.p50, 1)} µs, p99 ${fmt(small.p99, 1)} µs`,
  );

  const big = Array.from({ length: 8 }, (_, i) => repeatTo(texts.slice(i * 5), MAX_INPUT_CHARS));
  timeEach(big, 2);
  const large = timeEach(big, 6);
  console.log(
    `${fmt(MAX_INPUT_CHARS)}-char inputs: ${fmt(large.perSecond, 1)} inputs/s, p50 ${fmt(large.p50 / 1000, 2)} ms, p99 ${fmt(large.p99 / 1000, 2)} ms`,
  );

  const lengths = [2_000, 10_000, 20_000];
  const perChar = lengths.map((length) => {
    const inputs = Array.from({ length: 8 }, (_, i) => repeatTo(texts.slice(i * 3), length));
    timeEach(inputs, 2);
    const { p50 } = timeEach(inputs, 8);
    return { length, nsPerChar: (p50 * 1000) / length };
  });
  console.log(
    `linearity (p50 ns per char): ${perChar.map((p) => `${fmt(p.length)} → ${fmt(p.nsPerChar, 1)}`).join(', ')}`,
  );
  const first = perChar[0]?.nsPerChar ?? 1;
  const last = perChar[perChar.length - 1]?.nsPerChar ?? 1;
  console.log(`ns/char ratio 20k vs 2k: ${fmt(last / first, 2)} (≈1 means linear)`);
  runTeamModelBench([...HARD_CASES, ...UNTUNED_CASES, ...jargonCases(200)]);
};
