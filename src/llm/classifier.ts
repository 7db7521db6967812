import type { Config } from '../config.js';
import { combineClassifications } from '../domain/combiner.js';
import type { Playbook } from '../domain/playbook.js';
import { emptyProfile, mergeProfiles, redactProfile } from '../domain/profile.js';
import { redact } from '../domain/redact.js';
import { classifyWithRules, TRUNCATION_NOTICE } from '../domain/rules.js';
import type { Bilingual, Classification } from '../domain/types.js';
import type { TeamModels } from '../learning/team-models.js';
import { createLlmIntentRouter } from './intent-router.js';
import { LLM_OFF_NOTICE, llmFailureNotice, llmTruncatedNotice } from './notices.js';
import { createOpenAiAssessor } from './openai-assessor.js';
import type { Classifier, ClassifyInput, ClassifyResult, IntentRouter, LlmAssessor, LlmLogger } from './port.js';
import { MAX_DESCRIPTION_CHARS } from './prompt.js';

export type ClassifierDeps = {
  playbook: Playbook;
  llm: Config['llm'];
  /**
   * The model port. Omitted: built from `llm` (OpenAI-compatible) when a key is set.
   * `null`: no LLM whatever the config says.
   */
  assessor?: LlmAssessor | null;
  logger?: LlmLogger;
  /** The LLM client's HTTP (an outbound proxy); the global fetch otherwise. */
  fetch?: typeof fetch;
  /** The rules classifier; injectable so tests can pin its output. */
  classifyRules?: (text: string) => Classification;
  /** The intent port. Omitted: built from `llm` with the assessor; `null`: rules route intents alone. */
  intentRouter?: IntentRouter | null;
  /**
   * The workspaces' team models; joined to every classification that names its workspace. With
   * `catchUp`, they first learn what other processes logged (see TeamSync), waiting at most
   * {@link CATCH_UP_WAIT_MS}: a slow store delays no turn, the catch-up finishes in the background.
   */
  teamModels?: Pick<TeamModels, 'contribute' | 'examples'> & { catchUp?: () => Promise<unknown> };
};

export const CATCH_UP_WAIT_MS = 1_000;

/** Lets the team models catch up before a turn, within the wait; a failure leaves them as they were. */
const catchUpBeforeTurn = async (deps: ClassifierDeps): Promise<void> => {
  const catchUp = deps.teamModels?.catchUp;
  if (catchUp === undefined) return;
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, CATCH_UP_WAIT_MS);
  });
  const caught = catchUp().then(
    () => undefined,
    (error: unknown) => {
      deps.logger?.warn('team models: catch-up with the log failed', { detail: String(error).slice(0, 200) });
    },
  );
  try {
    await Promise.race([caught, waited]);
  } finally {
    clearTimeout(timer);
  }
};

const buildAssessor = (deps: ClassifierDeps): LlmAssessor | null => {
  if (deps.assessor !== undefined) return deps.assessor;
  const { llm } = deps;
  if (llm.mode === 'off' || llm.apiKey === undefined) return null;
  return createOpenAiAssessor({
    apiKey: llm.apiKey,
    baseURL: llm.baseUrl,
    model: llm.model,
    timeoutMs: llm.timeoutMs,
    playbook: deps.playbook,
    ...(deps.fetch === undefined ? {} : { fetch: deps.fetch }),
    // No logger here: the classifier logs each fallback once.
  });
};

const buildIntentRouter = (deps: ClassifierDeps, assessor: LlmAssessor | null): IntentRouter | null => {
  if (deps.intentRouter !== undefined) return deps.intentRouter;
  const { llm } = deps;
  if (assessor === null || llm.mode === 'off' || llm.apiKey === undefined) return null;
  return createLlmIntentRouter({
    apiKey: llm.apiKey,
    baseURL: llm.baseUrl,
    model: llm.model,
    timeoutMs: llm.timeoutMs,
    ...(deps.fetch === undefined ? {} : { fetch: deps.fetch }),
    ...(deps.logger === undefined ? {} : { logger: deps.logger }),
  });
};

type AssessOutcome = Awaited<ReturnType<LlmAssessor['assess']>>;

/** One LLM assessment with the team's examples; an assessor that throws reads as unavailable. */
const assessSafely = async (
  assessor: LlmAssessor,
  deps: ClassifierDeps,
  request: Omit<Parameters<LlmAssessor['assess']>[0], 'examples'>,
  input: ClassifyInput,
): Promise<AssessOutcome> => {
  try {
    // The team's most similar team-visible decisions travel as examples (redacted when logged).
    const examples =
      deps.teamModels !== undefined && input.teamId !== undefined
        ? deps.teamModels.examples(input.teamId, request.description)
        : [];
    return await assessor.assess({ ...request, examples });
  } catch {
    // Adapters should not throw; an injected one that does still must not lose the turn.
    return { ok: false, code: 'llm_unavailable', detail: 'assessor threw', latencyMs: 0, usage: null, requests: 0 };
  }
};

/**
 * The classifier every surface calls. Per turn: redact the text, run the rules, call the LLM
 * according to QUADRANT_LLM_MODE (`always`, `when-uncertain` under the threshold, `off`), combine.
 * Never throws because of the LLM: any failure gives the rules-only result flagged
 * `llm_unavailable` with a notice.
 */
export const createClassifier = (deps: ClassifierDeps): Classifier => {
  const assessor = buildAssessor(deps);
  const rulesOf = deps.classifyRules ?? classifyWithRules;
  const mode = assessor === null ? 'off' : deps.llm.mode;
  const intentRouter = buildIntentRouter(deps, assessor);

  const classifyBase = async (input: ClassifyInput): Promise<ClassifyResult> => {
    const text = redact(input.text);
    const known = input.profile ? redactProfile(input.profile, redact) : null;
    const rules = rulesOf(text);
    const keptProfile = known ?? emptyProfile();
    const ruleNotices = rules.truncated ? [TRUNCATION_NOTICE] : [];
    const rulesOnly = (llmStatus: 'off' | 'skipped' | 'llm_unavailable', notices: Bilingual[]): ClassifyResult => ({
      classification: combineClassifications({
        rules,
        llm: null,
        llmStatus,
        text,
        notices: [...ruleNotices, ...notices],
        versions: { prompt: null, model: null },
      }),
      profile: keptProfile,
      usage: null,
    });

    if (assessor === null || mode === 'off') return rulesOnly('off', [LLM_OFF_NOTICE]);
    if (mode === 'when-uncertain' && rules.confidence >= deps.llm.threshold) return rulesOnly('skipped', []);

    const description = known !== null && input.latestTurn !== undefined ? redact(input.latestTurn) : text;
    const outcome = await assessSafely(assessor, deps, { description, profile: known, rules, lang: input.lang }, input);
    if (!outcome.ok) {
      deps.logger?.warn('llm fell back to rules', { code: outcome.code, detail: outcome.detail });
      return {
        ...rulesOnly('llm_unavailable', [llmFailureNotice(outcome.code)]),
        usage: outcome.usage,
        llmLatencyMs: outcome.latencyMs,
      };
    }
    const notices = [
      ...ruleNotices,
      ...(description.length > MAX_DESCRIPTION_CHARS ? [llmTruncatedNotice(MAX_DESCRIPTION_CHARS)] : []),
    ];
    const classification = combineClassifications({
      rules,
      llm: { opinion: outcome.assessment.opinion, counterEvidence: outcome.assessment.counterEvidence },
      llmStatus: 'ok',
      text,
      notices,
      versions: { prompt: outcome.promptVersion, model: outcome.model },
    });
    return {
      classification,
      profile: mergeProfiles(keptProfile, outcome.assessment.profile),
      usage: outcome.usage,
      llmLatencyMs: outcome.latencyMs,
    };
  };

  return {
    answersAtOnce: assessor === null || mode === 'off',
    // Redacted like a description: the message leaves the process.
    ...(intentRouter === null ? {} : { intentOf: (text: string) => intentRouter.intentOf(redact(text)) }),
    async classify(input): Promise<ClassifyResult> {
      if (input.teamId !== undefined) await catchUpBeforeTurn(deps);
      const result = await classifyBase(input);
      const { teamModels } = deps;
      if (teamModels === undefined || input.teamId === undefined) return result;
      // The team model reads the same redacted text the log stores and the rules read.
      const text = redact(input.text);
      return { ...result, classification: teamModels.contribute(input.teamId, text, result.classification) };
    },
  };
};
