import { describe, expect, it } from 'vitest';
import { calibrate, fitCalibrator, IDENTITY, type Outcome, reliability } from '../../src/domain/calibration.js';
import { seededShuffle } from '../../src/domain/team-model/learning-curve.js';
import { UNSURE_BELOW, unsureNotice } from '../../src/domain/unsure.js';
import { rulesResult } from '../llm/helpers.js';

/** A log where the shown confidence says 75–99% but the suggestion is right only about half as often. */
const skewedLog = (n: number, seed: number): Outcome[] => {
  const order = seededShuffle(
    Array.from({ length: n }, (_, i) => i),
    seed,
  );
  return order.map((r, i) => {
    const confidence = 0.75 + ((i * 37) % 25) / 100;
    return { confidence, correct: r / n < confidence - 0.35 };
  });
};

describe('calibration', () => {
  it('ECE falls on a skewed synthetic log once fitted on earlier outcomes', () => {
    const log = skewedLog(400, 3);
    const [past, future] = [log.slice(0, 200), log.slice(200)];
    const fit = fitCalibrator(past);
    const raw = reliability(future);
    const fixed = reliability(future.map((o) => ({ ...o, confidence: calibrate(fit, o.confidence) })));
    expect(raw.ece).toBeGreaterThan(0.25);
    expect(fixed.ece).toBeLessThan(raw.ece / 3);
  });

  it('leaves a calibrated source alone and keeps the order of confidences', () => {
    const honest: Outcome[] = Array.from({ length: 1000 }, (_, i) => {
      const confidence = 0.3 + (i % 7) / 10;
      return { confidence, correct: (i * 7919) % 1000 < confidence * 1000 };
    });
    const fit = fitCalibrator(honest);
    expect(Math.abs(calibrate(fit, 0.6) - 0.6)).toBeLessThan(0.06);
    expect(calibrate(fit, 0.9)).toBeGreaterThan(calibrate(fit, 0.5));
  });

  it('fits a source that always says the same confidence to its accuracy, without overshooting', () => {
    const alwaysSure: Outcome[] = Array.from({ length: 60 }, (_, i) => ({ confidence: 0.987, correct: i % 2 === 0 }));
    expect(Math.abs(calibrate(fitCalibrator(alwaysSure), 0.987) - 0.5)).toBeLessThan(0.05);
    const mostlyRight: Outcome[] = Array.from({ length: 100 }, (_, i) => ({ confidence: 0.6, correct: i % 10 !== 0 }));
    expect(Math.abs(calibrate(fitCalibrator(mostlyRight), 0.6) - 0.9)).toBeLessThan(0.05);
  });

  it('with no outcomes is the identity, and the table counts every outcome once', () => {
    expect(fitCalibrator([])).toEqual(IDENTITY);
    expect(calibrate(IDENTITY, 0.42)).toBe(0.42);
    const table = reliability(skewedLog(50, 1));
    expect(table.rows.reduce((n, r) => n + r.count, 0)).toBe(50);
    expect(reliability([]).ece).toBe(0);
  });
});

describe('unsure card', () => {
  it('below the threshold names the two leading types and asks what would decide it', () => {
    const c = {
      ...rulesResult('strategic', UNSURE_BELOW - 0.1, { secondary: 'partnership' }),
      missing: [{ id: 'rating', question: { zh: '客户评级如何?', en: 'What is the rating?' }, yesNo: false }],
    };
    const hybrid = {
      ...c,
      source: 'rules' as const,
      llmStatus: 'off' as const,
      llm: null,
      agreement: null,
      rules: { type: c.type, confidence: c.confidence },
      notices: [],
      versions: { rules: 'r', prompt: null, model: null },
    };
    expect(unsureNotice(hybrid)?.en).toBe(
      'Unsure (35%): Strategic or Partnership? What would decide it: What is the rating?',
    );
    expect(unsureNotice(hybrid)?.zh).toContain('战略合作型还是伙伴型');
    expect(unsureNotice({ ...hybrid, confidence: UNSURE_BELOW })).toBeNull();
  });
});
