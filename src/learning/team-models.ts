import { type Calibrator, calibrate, fitCalibrator, type Outcome } from '../domain/calibration.js';
import type { Playbook } from '../domain/playbook.js';
import { classifyWithRules } from '../domain/rules.js';
import { applyTeamOpinion } from '../domain/team-model/apply.js';
import { TeamModel } from '../domain/team-model/model.js';
import { seedExamples } from '../domain/team-model/seed-prior.js';
import { SimilarIndex } from '../domain/team-model/similar-index.js';
import type {
  Classification,
  HybridClassification,
  RelationshipType,
  SimilarDecision,
  TeamExample,
} from '../domain/types.js';
import { unsureNotice } from '../domain/unsure.js';
import type { Decision } from '../store/ports.js';

/**
 * The team models of every workspace in this process, kept in step with the decision log.
 *
 * Privacy rule: only decisions visible to the whole team train a workspace's model or appear in
 * its similar-decision lists. A private decision teaches nothing, so it can never change what
 * another user's card says or lists; a card may be shared to a channel, so the list never holds
 * private decisions either, not even the viewer's own.
 */

/** Similar decisions shown with a team model's opinion. */
export const SIMILAR_SHOWN = 3;

export type TeamModelsOptions = {
  playbook: Playbook;
  rules?: (text: string) => Classification;
  canonical?: (s: string) => string;
};

type Calibrators = { rules: Calibrator; team: Calibrator; llm: Calibrator | null; fittedAt: number };
type Workspace = {
  model: TeamModel;
  similar: SimilarIndex;
  /** Short excerpts of the indexed decisions' (redacted) descriptions, for LLM examples. */
  excerpts: Map<string, string>;
  calibrators: Calibrators | null;
  /**
   * Cards made with the LLM, as the log recorded them (a prompt version is set only when the LLM
   * answered): the card's confidence before calibration, and whether its type was kept.
   */
  llmOutcomes: Outcome[];
  /** What the team model alone said of each learned decision just before learning it (newest {@link KEEP_OPINIONS}). */
  opinions: Map<string, RelationshipType>;
};

/** Opinions kept per workspace for the team lead's view (its window is the latest 1,000 decisions). */
const KEEP_OPINIONS = 10_000;

/** Characters kept per decision for LLM examples. */
const EXCERPT_CHARS = 140;

/** Calibration waits for this many decisions, and is refit after every this many more. */
export const CALIBRATE_FROM = 20;
const REFIT_EVERY = 10;

/**
 * Platt fits on the prequential outcomes, one per source: the rules alone and the rules with the
 * team model (replayed by the model, each decision predicted before it was learned), and the cards
 * made with the LLM (with or without the team model), from what their decisions recorded: each
 * card was shown before its decision, so those outcomes are prequential too. The LLM's fit waits
 * for {@link CALIBRATE_FROM} such decisions.
 */
const fitCalibrators = (ws: Workspace): Calibrators => {
  const records = ws.model.prequential();
  return {
    rules: fitCalibrator(records.map((r) => ({ confidence: r.rules.confidence, correct: r.rules.type === r.label }))),
    team: fitCalibrator(records.map((r) => ({ confidence: r.hybrid.confidence, correct: r.hybrid.type === r.label }))),
    llm: ws.llmOutcomes.length >= CALIBRATE_FROM ? fitCalibrator(ws.llmOutcomes) : null,
    fittedAt: ws.model.decisions,
  };
};

/** The LLM source's outcome a logged decision carries, when its card was made with the LLM. */
const llmOutcomeOf = (decision: Decision): Outcome | null =>
  decision.versions.prompt === null
    ? null
    : { confidence: decision.rawConfidence ?? decision.confidence, correct: decision.suggestedType === decision.type };

/**
 * Calibrates the card's confidence against the workspace's outcomes, per source (the rules, the
 * rules with the team model, or a card made with the LLM), and adds the unsure notice below the
 * threshold. Nothing changes before {@link CALIBRATE_FROM} decisions (of the LLM's own, for an LLM
 * card). The confidence before calibration is kept for later fits.
 */
const calibrated = (ws: Workspace, c: HybridClassification): HybridClassification => {
  const { model } = ws;
  if (model.decisions < CALIBRATE_FROM) return c;
  if (ws.calibrators === null || model.decisions - ws.calibrators.fittedAt >= REFIT_EVERY) {
    ws.calibrators = fitCalibrators(ws);
  }
  const { calibrators } = ws;
  const fit =
    c.source === 'hybrid' ? calibrators.llm : (c.team?.weight ?? 0) > 0 ? calibrators.team : calibrators.rules;
  if (fit === null) return c;
  const out = { ...c, confidence: Math.round(calibrate(fit, c.confidence) * 1000) / 1000, rawConfidence: c.confidence };
  const unsure = unsureNotice(out);
  return unsure === null ? out : { ...out, notices: [...out.notices, unsure] };
};

/** Keeps what the team model alone said of a decision just before learning it (its newest prequential record). */
const rememberOpinion = (ws: Workspace, decisionId: string): void => {
  const record = ws.model.prequential().at(-1);
  if (record !== undefined) ws.opinions.set(decisionId, record.team.type);
  if (ws.opinions.size > KEEP_OPINIONS) ws.opinions.delete(ws.opinions.keys().next().value as string);
};

export type TeamModels = {
  /** Joins the workspace's team model to a classification of the (redacted) text. */
  contribute(teamId: string, text: string, base: HybridClassification): HybridClassification;
  /** Learns a logged decision, if the privacy rule allows. Returns whether it was learned. */
  observe(decision: Decision): boolean;
  /**
   * Learns the log again, oldest first, into new models that replace the current ones only once
   * the log is read: a card answered meanwhile sees the old models whole, never a half-built one.
   */
  rebuild(decisions: AsyncIterable<Decision> | Iterable<Decision>): Promise<number>;
  /** The workspace's model (created empty, with the seed prior, on first use). */
  model(teamId: string): TeamModel;
  /** Examples for the LLM: the most similar team-visible decisions, as short redacted excerpts. */
  examples(teamId: string, text: string, k?: number): TeamExample[];
  /** The k most similar team-visible decisions of the workspace. */
  similar(teamId: string, text: string, k?: number): SimilarDecision[];
  teams(): string[];
  /**
   * What the team model alone said of a learned decision just before it learned it (the team lead's
   * view compares it with the final type); null for a decision it never learned (a private one).
   */
  opinionBefore(decision: Pick<Decision, 'id' | 'teamId'>): RelationshipType | null;
};

const dayOf = (iso: string) => iso.slice(0, 10);

/** The privacy rule: only a decision visible to the whole team teaches its workspace's model. */
export const teachable = (decision: Decision): boolean => decision.visibility === 'team';

export const createTeamModels = (options: TeamModelsOptions): TeamModels => {
  const seed = seedExamples(options.playbook);
  const rules = options.rules ?? classifyWithRules;
  let workspaces = new Map<string, Workspace>();
  const workspaceIn = (spaces: Map<string, Workspace>, teamId: string): Workspace => {
    let ws = spaces.get(teamId);
    if (ws === undefined) {
      ws = {
        model: new TeamModel({ rules, seed, ...(options.canonical ? { canonical: options.canonical } : {}) }),
        similar: new SimilarIndex(),
        excerpts: new Map(),
        calibrators: null,
        llmOutcomes: [],
        opinions: new Map(),
      };
      spaces.set(teamId, ws);
    }
    return ws;
  };
  const workspace = (teamId: string) => workspaceIn(workspaces, teamId);

  const observeIn = (spaces: Map<string, Workspace>, decision: Decision): boolean => {
    if (!teachable(decision)) return false;
    const ws = workspaceIn(spaces, decision.teamId);
    const features = ws.model.features(decision.description);
    ws.model.learn({
      description: decision.description,
      type: decision.type,
      suggestedType: decision.suggestedType,
      source: decision.source,
    });
    rememberOpinion(ws, decision.id);
    const outcome = llmOutcomeOf(decision);
    if (outcome !== null) ws.llmOutcomes.push(outcome);
    ws.excerpts.set(decision.id, decision.description.replace(/\s+/g, ' ').trim().slice(0, EXCERPT_CHARS));
    ws.similar.add(
      {
        decisionId: decision.id,
        clientId: decision.clientId,
        clientName: decision.clientName,
        type: decision.type,
        date: dayOf(decision.createdAt),
      },
      features,
    );
    return true;
  };

  return {
    contribute(teamId, text, base) {
      const ws = workspace(teamId);
      const features = ws.model.features(text);
      const opinion = ws.model.opinion(text, features);
      const similar = opinion.weight > 0 ? ws.similar.query(features, SIMILAR_SHOWN) : [];
      return calibrated(ws, applyTeamOpinion(base, opinion, similar));
    },
    observe: (decision) => observeIn(workspaces, decision),
    async rebuild(decisions) {
      const next = new Map<string, Workspace>();
      let learned = 0;
      for await (const d of decisions) if (observeIn(next, d)) learned++;
      workspaces = next;
      return learned;
    },
    examples: (teamId, text, k = SIMILAR_SHOWN) => {
      const ws = workspace(teamId);
      return ws.similar.query(ws.model.features(text), k).map((s) => ({
        description: ws.excerpts.get(s.decisionId) ?? '',
        type: s.type,
      }));
    },
    model: (teamId) => workspace(teamId).model,
    similar: (teamId, text, k = SIMILAR_SHOWN) => {
      const ws = workspace(teamId);
      return ws.similar.query(ws.model.features(text), k);
    },
    teams: () => [...workspaces.keys()],
    opinionBefore: (decision) => workspaces.get(decision.teamId)?.opinions.get(decision.id) ?? null,
  };
};
