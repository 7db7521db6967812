import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reliability } from '../../src/domain/calibration.js';
import { defaultPlaybook } from '../../src/domain/playbook.js';
import { CALIBRATE_FROM, createTeamModels } from '../../src/learning/team-models.js';
import { createClassifier } from '../../src/llm/classifier.js';
import type { Decision } from '../../src/store/ports.js';
import { FAKE_API_KEY, type FakeOpenAi, fakeAssessment, startFakeOpenAi } from '../fakes/openai-server.js';
import { llmConfig } from '../llm/helpers.js';

/**
 * Calibration of the cards made with the LLM, against that source's own outcomes in the log. The
 * synthetic team: the LLM says "strategic" at 95% and the team keeps its type only half the time.
 */
const playbook = defaultPlaybook();
const NOTE = 'Client: Harbour Grid. State-owned utility, AAA rating, ten years with the bank.';

let fake: FakeOpenAi;
beforeAll(async () => {
  fake = await startFakeOpenAi({
    script: {
      kind: 'ok',
      content: fakeAssessment({ type: 'strategic', confidence: 0.95, clientName: 'Harbour Grid' }),
    },
  });
});
afterAll(async () => {
  await fake.close();
});

let n = 0;
/** The confidence of this world's LLM cards before calibration (measured in the first test). */
let raw = 0.95;
/** A team-visible decision on a card made with the LLM (prompt version set), at the cards' raw confidence. */
const llmDecision = (kept: boolean, over: Partial<Decision> = {}): Decision => {
  n += 1;
  return {
    id: `d${n}`,
    idempotencyKey: `k${n}`,
    clientName: `Client ${n}`,
    clientId: `client ${n}`,
    type: kept ? 'strategic' : 'partnership',
    secondary: null,
    confidence: raw,
    rawConfidence: raw,
    source: kept ? 'hybrid' : 'manager_override',
    suggestedType: 'strategic',
    evidence: [],
    llmRationale: 'r',
    recommendedActionIds: [],
    keptActionIds: [],
    reason: kept ? null : 'long-standing family ties',
    description: `State-owned utility number ${n}, AAA rating, several projects with the bank.`,
    userId: 'U0A',
    teamId: 'T1',
    channelId: null,
    threadTs: null,
    visibility: 'team',
    versions: { playbook: 'p', rules: 'r', prompt: 'classify-system@1', model: 'fake-model', teamModel: null },
    createdAt: '2026-11-01T00:00:00.000Z',
    supersedes: null,
    ...over,
  };
};

const setup = () => {
  const models = createTeamModels({ playbook });
  const classifier = createClassifier({
    playbook,
    llm: llmConfig({ apiKey: FAKE_API_KEY, baseUrl: fake.url }),
    teamModels: models,
  });
  const card = async () => (await classifier.classify({ text: NOTE, lang: 'en', teamId: 'T1' })).classification;
  return { models, card };
};

describe('calibration of the cards made with the LLM', () => {
  it('ECE falls on a skewed log: an LLM card is calibrated against the LLM’s own outcomes', async () => {
    const { models, card } = setup();
    const uncalibrated = await card();
    expect(uncalibrated.source).toBe('hybrid');
    expect(uncalibrated.confidence).toBeGreaterThan(0.9);
    expect(uncalibrated.rawConfidence).toBeUndefined();
    raw = uncalibrated.confidence;

    for (let i = 0; i < 60; i++) models.observe(llmDecision(i % 2 === 0));
    // Held out: 20 more cards in the same world, half of them kept.
    const held: Array<{ raw: number; shown: number; correct: boolean }> = [];
    for (let i = 0; i < 20; i++) {
      const c = await card();
      expect(c.source).toBe('hybrid');
      held.push({ raw: c.rawConfidence ?? Number.NaN, shown: c.confidence, correct: i % 2 === 0 });
    }
    const before = reliability(held.map((h) => ({ confidence: h.raw, correct: h.correct })));
    const after = reliability(held.map((h) => ({ confidence: h.shown, correct: h.correct })));
    expect(before.ece).toBeGreaterThan(0.4);
    expect(after.ece).toBeLessThan(before.ece / 3);
    expect(held[0]?.shown).toBeGreaterThan(0.35);
    expect(held[0]?.shown).toBeLessThan(0.65);
  });

  it('waits for enough LLM decisions, and fits on the confidence before calibration, never its own output', async () => {
    const { models, card } = setup();
    // Many rules-only decisions and too few LLM ones: the LLM card stays as the LLM made it.
    for (let i = 0; i < 40; i++)
      models.observe(llmDecision(true, { versions: { playbook: 'p', rules: 'r', prompt: null, model: null } }));
    for (let i = 0; i < CALIBRATE_FROM - 1; i++) models.observe(llmDecision(i % 2 === 0));
    const early = await card();
    expect(early.rawConfidence).toBeUndefined();
    expect(early.confidence).toBeGreaterThan(0.9);
    // Decisions whose shown confidence was already calibrated: the fit reads the raw one.
    for (let i = 0; i < 40; i++) models.observe(llmDecision(i % 2 === 0, { confidence: 0.5, rawConfidence: raw }));
    const later = await card();
    expect(later.rawConfidence).toBeGreaterThan(0.9);
    expect(later.confidence).toBeLessThan(0.65);
  });

  it('a private decision never moves another user’s calibration', async () => {
    const a = setup();
    const b = setup();
    for (let i = 0; i < 40; i++) {
      a.models.observe(llmDecision(true));
      b.models.observe(llmDecision(true));
    }
    for (let i = 0; i < 40; i++) b.models.observe(llmDecision(false, { visibility: 'private' }));
    expect((await b.card()).confidence).toBe((await a.card()).confidence);
  });
});
