import { RELATIONSHIP_TYPES, type RelationshipType } from '../types.js';

/**
 * A multinomial naive Bayes over feature sets, with weighted examples so an override can count
 * more than a confirmation. Small on purpose: counts in maps, one pass to learn, one pass to
 * predict, and learning the same examples in the same order gives the same counts (so a model
 * rebuilt from the log equals the one updated decision by decision).
 */

export type Distribution = Record<RelationshipType, number>;

/** Additive smoothing per feature: small, because a single decision must be able to move a rare word. */
const ALPHA = 0.1;

/**
 * Log-likelihoods are divided by this root of the number of known features before the softmax:
 * naive Bayes treats overlapping n-grams as independent and would otherwise be certain of everything.
 */
const TEMPERATURE_EXPONENT = 0.5;

export const uniform = (): Distribution => ({
  strategic: 0.25,
  transactional: 0.25,
  partnership: 0.25,
  problem_solving: 0.25,
});

export class NaiveBayes {
  /** counts[type].get(feature) = weighted number of examples of `type` with the feature. */
  private readonly counts: Record<RelationshipType, Map<string, number>> = {
    strategic: new Map(),
    transactional: new Map(),
    partnership: new Map(),
    problem_solving: new Map(),
  };
  /** Sum of all feature counts per type (the denominator of the likelihoods). */
  private readonly totals: Distribution = { strategic: 0, transactional: 0, partnership: 0, problem_solving: 0 };
  /** Weighted examples per type. */
  private readonly examples: Distribution = { strategic: 0, transactional: 0, partnership: 0, problem_solving: 0 };
  /** Features seen in any type: the vocabulary. */
  private readonly vocabulary = new Set<string>();

  learn(features: readonly string[], label: RelationshipType, weight: number): void {
    if (!(weight > 0) || features.length === 0) return;
    const counts = this.counts[label];
    for (const f of features) {
      counts.set(f, (counts.get(f) ?? 0) + weight);
      this.vocabulary.add(f);
    }
    this.totals[label] += features.length * weight;
    this.examples[label] += weight;
  }

  /** Weighted examples learned per type. */
  exampleWeights(): Distribution {
    return { ...this.examples };
  }

  get vocabularySize(): number {
    return this.vocabulary.size;
  }

  /**
   * P(type | features) with a uniform prior over types (the team's mix of clients is not evidence
   * about this one). Features the model never saw are ignored. Uniform when nothing is known.
   */
  posterior(features: readonly string[]): Distribution {
    const v = this.vocabulary.size;
    const logs: Distribution = { strategic: 0, transactional: 0, partnership: 0, problem_solving: 0 };
    let known = 0;
    const denominators = RELATIONSHIP_TYPES.map((t) => Math.log(this.totals[t] + ALPHA * v));
    for (const f of features) {
      if (!this.vocabulary.has(f)) continue;
      known++;
      for (let k = 0; k < RELATIONSHIP_TYPES.length; k++) {
        const t = RELATIONSHIP_TYPES[k] as RelationshipType;
        logs[t] += Math.log((this.counts[t].get(f) ?? 0) + ALPHA) - (denominators[k] as number);
      }
    }
    if (known === 0) return uniform();
    const scale = known ** TEMPERATURE_EXPONENT;
    const max = Math.max(...RELATIONSHIP_TYPES.map((t) => logs[t]));
    const out = uniform();
    let sum = 0;
    for (const t of RELATIONSHIP_TYPES) {
      out[t] = Math.exp((logs[t] - max) / scale);
      sum += out[t];
    }
    for (const t of RELATIONSHIP_TYPES) out[t] /= sum;
    return out;
  }

  /**
   * A stable digest of the learned counts, for comparing two models (a rebuild and the incremental
   * model) and for the model version. FNV-1a over the sorted counts.
   */
  fingerprint(): string {
    let hash = 0x811c9dc5;
    const mix = (s: string) => {
      for (let i = 0; i < s.length; i++) {
        hash ^= s.charCodeAt(i);
        hash = Math.imul(hash, 0x01000193) >>> 0;
      }
    };
    for (const t of RELATIONSHIP_TYPES) {
      mix(`${t}:${this.examples[t]}:${this.totals[t]};`);
      for (const [f, c] of [...this.counts[t]].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) mix(`${f}=${c};`);
    }
    return hash.toString(16).padStart(8, '0');
  }
}
