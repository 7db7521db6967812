/**
 * Calibration: does "80% confident" mean right 80% of the time? Confidences are checked against
 * the log's outcomes (was the suggested type the final one?) in a reliability table, summarized by
 * the expected calibration error (ECE), and corrected by Platt scaling: p' = σ(a · logit(p) + b),
 * fit by Newton's method on the outcomes so far. A prior pulls (a, b) towards (1, 0), so with few
 * outcomes the confidence is left nearly as it is, and two parameters cannot overfit a small log.
 */

export type Outcome = { confidence: number; correct: boolean };
export type ReliabilityRow = { from: number; to: number; count: number; meanConfidence: number; accuracy: number };
export type Reliability = { rows: ReliabilityRow[]; ece: number; count: number };
export type Calibrator = { a: number; b: number; count: number };

export const IDENTITY: Calibrator = { a: 1, b: 0, count: 0 };

/** Strength of the pull towards the identity, in outcomes' worth. */
const PRIOR_STRENGTH = 4;
const EPS = 1e-4;

const clampProb = (p: number) => Math.min(1 - EPS, Math.max(EPS, Number.isFinite(p) ? p : 0.5));
const logit = (p: number) => Math.log(clampProb(p) / (1 - clampProb(p)));
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Equal-width bins over [0, 1]; ECE = Σ (bin share) · |accuracy − mean confidence|. */
export const reliability = (outcomes: readonly Outcome[], bins = 10): Reliability => {
  const sums = Array.from({ length: bins }, () => ({ n: 0, conf: 0, right: 0 }));
  for (const o of outcomes) {
    const c = Math.min(1, Math.max(0, o.confidence));
    const bin = sums[Math.min(bins - 1, Math.floor(c * bins))] as { n: number; conf: number; right: number };
    bin.n += 1;
    bin.conf += c;
    bin.right += o.correct ? 1 : 0;
  }
  let ece = 0;
  const rows = sums.map((s, i) => {
    const meanConfidence = s.n === 0 ? 0 : s.conf / s.n;
    const accuracy = s.n === 0 ? 0 : s.right / s.n;
    if (outcomes.length > 0) ece += (s.n / outcomes.length) * Math.abs(accuracy - meanConfidence);
    return { from: i / bins, to: (i + 1) / bins, count: s.n, meanConfidence, accuracy };
  });
  return { rows, ece, count: outcomes.length };
};

/** The negative log-likelihood of the outcomes under (a, b), plus the prior towards the identity. */
const objective = (xs: readonly number[], ys: readonly boolean[], a: number, b: number): number => {
  let total = (PRIOR_STRENGTH / 2) * ((a - 1) ** 2 + b ** 2);
  for (let i = 0; i < xs.length; i++) {
    const z = a * (xs[i] ?? 0) + b;
    // log(1 + e^-z) for a correct outcome, log(1 + e^z) otherwise, computed without overflow.
    const m = ys[i] ? -z : z;
    total += m > 0 ? m + Math.log1p(Math.exp(-m)) : Math.log1p(Math.exp(m));
  }
  return total;
};

/**
 * Fits Platt scaling to the outcomes (see the module comment): Newton's method with a halving step,
 * so outcomes that all share one confidence (a source that always says 95%) cannot overshoot.
 */
export const fitCalibrator = (outcomes: readonly Outcome[]): Calibrator => {
  if (outcomes.length === 0) return IDENTITY;
  const xs = outcomes.map((o) => logit(o.confidence));
  const ys = outcomes.map((o) => o.correct);
  let a = 1;
  let b = 0;
  let current = objective(xs, ys, a, b);
  for (let iteration = 0; iteration < 50; iteration++) {
    // Gradient and Hessian of the negative log-likelihood plus the prior.
    let ga = PRIOR_STRENGTH * (a - 1);
    let gb = PRIOR_STRENGTH * b;
    let haa = PRIOR_STRENGTH;
    let hab = 0;
    let hbb = PRIOR_STRENGTH;
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i] ?? 0;
      const p = sigmoid(a * x + b);
      const r = p - (ys[i] ? 1 : 0);
      const w = p * (1 - p);
      ga += r * x;
      gb += r;
      haa += w * x * x;
      hab += w * x;
      hbb += w;
    }
    const det = haa * hbb - hab * hab;
    if (!(Math.abs(det) > 1e-12)) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    let step = 1;
    let next = objective(xs, ys, a - da, b - db);
    while (next > current && step > 1e-6) {
      step /= 2;
      next = objective(xs, ys, a - step * da, b - step * db);
    }
    if (next > current) break;
    a -= step * da;
    b -= step * db;
    current = next;
    if (step * (Math.abs(da) + Math.abs(db)) < 1e-9) break;
  }
  return { a, b, count: outcomes.length };
};

export const calibrate = (calibrator: Calibrator, confidence: number): number =>
  calibrator.count === 0 ? confidence : sigmoid(calibrator.a * logit(confidence) + calibrator.b);
