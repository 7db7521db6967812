import type { Classification, ClassificationSource, RelationshipType } from '../types.js';
import { blendWithTeam } from './blend.js';
import { featuresOf } from './features.js';
import { type Distribution, NaiveBayes } from './naive-bayes.js';
import type { SeedExample } from './seed-prior.js';

/**
 * One workspace's team model: a naive Bayes over the descriptions and final types of the
 * decisions it is allowed to learn from, started from the seed's examples as a prior.
 *
 * It earns its say prequentially: every decision is first predicted, then learned. For a few
 * candidate weights of the team model in the mixture with the rules, the model keeps decayed counts
 * of the decisions that mixture got right where the rules alone were wrong (wins), and the reverse
 * (losses). The weight in use is the candidate with the largest lead, but only once enough decisions
 * were seen and only when its lead is significant (a sign test): with few decisions the model is
 * silent, and a model that keeps being wrong is ignored. The decay lets the weight follow a team whose language drifts.
 */

export const TEAM_MODEL_ENGINE = 'team-nb-1';

export const TEAM_MODEL_POLICY = {
  /** An override teaches more than a confirmation: it is the team correcting the tool. */
  overrideWeight: 2,
  confirmWeight: 1,
  /** Each seed example counts as this many decisions. */
  seedWeight: 1,
  /** Candidate weights of the team model in the mixture; 0 is the rules alone. */
  candidates: [0, 0.25, 0.5, 0.75, 1] as const,
  /**
   * No say before this many decisions: a model that has seen fewer than about fifteen examples of
   * each type gets lucky streaks, and on the real-world corpus an earlier say cost more than it gave.
   */
  minDecisions: 60,
  /** A candidate must beat the rules alone by this many (decayed) decisions... */
  margin: 3,
  /**
   * ...and significantly: among the decisions where the candidate and the rules alone disagreed,
   * (wins − losses) / √(wins + losses) must reach this z (a sign test, one-sided about 98%).
   */
  minZ: 2,
  /** Per-decision decay of the prequential counts (half-life of about 140 decisions). */
  decay: 0.995,
} as const;

/** What the team model learns from one decision. */
export type TeamDecision = {
  description: string;
  type: RelationshipType;
  suggestedType: RelationshipType;
  source: ClassificationSource;
};

/** What the team model says about a text. */
export type TeamOpinion = {
  /** The team model's own most likely type and its probability. */
  type: RelationshipType;
  confidence: number;
  distribution: Distribution;
  /** The weight it has earned in the mixture (0: silent). */
  weight: number;
  /** Decisions learned so far. */
  decisions: number;
  version: string;
};

/** One prequential outcome, kept for calibration and the team lead's view. */
export type PrequentialRecord = {
  label: RelationshipType;
  rules: { type: RelationshipType; confidence: number };
  team: { type: RelationshipType; confidence: number };
  hybrid: { type: RelationshipType; confidence: number };
  weight: number;
};

export type TeamModelOptions = {
  /** The rules classifier the team model is mixed with (deterministic, so rebuilds agree). */
  rules: (text: string) => Classification;
  seed?: readonly SeedExample[];
  /** Canonical form applied to normalized text before features (traditional → simplified). */
  canonical?: (s: string) => string;
  /** Prequential records kept (newest); older ones fall off. */
  keepRecords?: number;
};

const argmaxOf = (d: Distribution): RelationshipType => {
  let best: RelationshipType = 'strategic';
  for (const t of Object.keys(d) as RelationshipType[]) if (d[t] > d[best]) best = t;
  return best;
};

export class TeamModel {
  private readonly nb = new NaiveBayes();
  /** Per candidate weight: decayed decisions it got right and the rules alone got wrong, and the reverse. */
  private readonly wins: number[] = TEAM_MODEL_POLICY.candidates.map(() => 0);
  private readonly losses: number[] = TEAM_MODEL_POLICY.candidates.map(() => 0);
  private learned = 0;
  private readonly records: PrequentialRecord[] = [];
  private readonly keepRecords: number;

  constructor(private readonly options: TeamModelOptions) {
    this.keepRecords = options.keepRecords ?? 2_000;
    for (const example of options.seed ?? []) {
      this.nb.learn(this.features(example.text), example.label, TEAM_MODEL_POLICY.seedWeight);
    }
  }

  features(text: string): string[] {
    return featuresOf(text, this.options.canonical);
  }

  /** Decisions learned (seed examples not counted). */
  get decisions(): number {
    return this.learned;
  }

  /** Recorded with each decision: which state of the model made the suggestion. */
  get version(): string {
    return `${TEAM_MODEL_ENGINE}@${this.learned}`;
  }

  /** The weight earned on the log so far; 0 means the model is silent. */
  get weight(): number {
    const { candidates, minDecisions, margin, minZ } = TEAM_MODEL_POLICY;
    if (this.learned < minDecisions) return 0;
    let best = 0;
    let bestGain = 0;
    for (let i = 1; i < candidates.length; i++) {
      const w = this.wins[i] as number;
      const l = this.losses[i] as number;
      const gain = w - l;
      // Ties go to the smaller weight: the rules cite their evidence.
      if (gain >= margin && gain / Math.sqrt(w + l) >= minZ && gain > bestGain) {
        best = i;
        bestGain = gain;
      }
    }
    return candidates[best] as number;
  }

  /** The team model's distribution for a text (features may be passed when already computed). */
  distribution(text: string, features = this.features(text)): Distribution {
    return this.nb.posterior(features);
  }

  opinion(text: string, features = this.features(text)): TeamOpinion {
    const distribution = this.distribution(text, features);
    const type = argmaxOf(distribution);
    return {
      type,
      confidence: distribution[type],
      distribution,
      weight: this.weight,
      decisions: this.learned,
      version: this.version,
    };
  }

  /** Predicts the decision (prequential record), then learns it. */
  learn(decision: TeamDecision): void {
    const features = this.features(decision.description);
    const rules = this.options.rules(decision.description);
    const team = this.nb.posterior(features);
    const weight = this.weight;
    const { candidates, decay } = TEAM_MODEL_POLICY;
    const rulesRight = rules.type === decision.type;
    for (let i = 1; i < candidates.length; i++) {
      const right = blendWithTeam(rules, team, candidates[i] as number).type === decision.type;
      this.wins[i] = (this.wins[i] as number) * decay + (right && !rulesRight ? 1 : 0);
      this.losses[i] = (this.losses[i] as number) * decay + (!right && rulesRight ? 1 : 0);
    }
    const hybrid = blendWithTeam(rules, team, weight);
    const teamType = argmaxOf(team);
    this.records.push({
      label: decision.type,
      rules: { type: rules.type, confidence: rules.confidence },
      team: { type: teamType, confidence: team[teamType] },
      hybrid: { type: hybrid.type, confidence: hybrid.confidence },
      weight,
    });
    if (this.records.length > this.keepRecords) this.records.splice(0, this.records.length - this.keepRecords);

    const overridden = decision.source === 'manager_override' || decision.suggestedType !== decision.type;
    const w = overridden ? TEAM_MODEL_POLICY.overrideWeight : TEAM_MODEL_POLICY.confirmWeight;
    this.nb.learn(features, decision.type, w);
    this.learned++;
  }

  /** Prequential outcomes, oldest first: what each source said before the decision was learned. */
  prequential(): readonly PrequentialRecord[] {
    return this.records;
  }

  /** A digest of everything learned, including the prequential state; equal models have equal fingerprints. */
  fingerprint(): string {
    const counts = [...this.wins, ...this.losses].map((n) => n.toFixed(6)).join(',');
    return `${this.nb.fingerprint()}-${this.learned}-${counts}`;
  }
}
