import { describe, expect, it } from 'vitest';
import { defaultPlaybook } from '../../src/domain/playbook.js';
import { createTeamModels } from '../../src/learning/team-models.js';
import { createClassifier } from '../../src/llm/classifier.js';
import type { LlmAssessor, TeamExample } from '../../src/llm/port.js';
import { MAX_TEAM_EXAMPLES, renderUserMessage, TEAM_EXAMPLE_CHARS, withExamplesVersion } from '../../src/llm/prompt.js';
import type { Decision } from '../../src/store/ports.js';
import { jargonCases } from '../domain/team-model/jargon-corpus.js';
import { llmConfig } from '../llm/helpers.js';

const playbook = defaultPlaybook();

const decision = (i: number, over: Partial<Decision>): Decision => ({
  id: `d${i}`,
  idempotencyKey: `k${i}`,
  clientName: `Client ${i}`,
  clientId: `client ${i}`,
  type: 'transactional',
  secondary: null,
  confidence: 0.7,
  source: 'rules',
  suggestedType: 'transactional',
  evidence: [],
  llmRationale: null,
  recommendedActionIds: [],
  keptActionIds: [],
  reason: null,
  description: '',
  userId: 'U0A',
  teamId: 'T1',
  channelId: null,
  threadTs: null,
  visibility: 'team',
  versions: { playbook: 'p', rules: 'r', prompt: null, model: null },
  createdAt: '2026-11-01T00:00:00.000Z',
  supersedes: null,
  ...over,
});

describe('the LLM learns from the team too', () => {
  it('sends the most similar team-visible decisions as examples, never a private one', async () => {
    const models = createTeamModels({ playbook });
    for (const [i, c] of jargonCases(40).entries()) models.observe(decision(i, { description: c.text, type: c.label }));
    models.observe(
      decision(99, {
        description: '秘密备注:快单通道,flash quote,private desk',
        type: 'partnership',
        visibility: 'private',
      }),
    );
    const seen: Array<readonly TeamExample[]> = [];
    const assessor: LlmAssessor = {
      assess: async (input) => {
        seen.push(input.examples ?? []);
        return { ok: false, code: 'llm_unavailable', detail: 'test', latencyMs: 0, usage: null, requests: 1 };
      },
    };
    const classifier = createClassifier({ playbook, llm: llmConfig(), assessor, teamModels: models });
    await classifier.classify({ text: '客户说:快单通道,flash quote。', lang: 'zh', teamId: 'T1' });
    const examples = seen[0] ?? [];
    expect(examples.length).toBeGreaterThan(0);
    expect(examples.length).toBeLessThanOrEqual(MAX_TEAM_EXAMPLES);
    expect(examples.every((e) => e.type === 'transactional')).toBe(true);
    expect(JSON.stringify(examples)).not.toContain('秘密');
    // Another workspace gets none of them.
    await classifier.classify({ text: '客户说:快单通道,flash quote。', lang: 'zh', teamId: 'T2' });
    expect(seen[1]).toEqual([]);
  });

  it('puts short examples in the user message as data, and records them in the prompt version', () => {
    const long = 'x'.repeat(500);
    const { content } = renderUserMessage({
      description: 'note',
      profile: null,
      lang: 'en',
      examples: Array.from({ length: 5 }, () => ({ description: long, type: 'strategic' as const })),
    });
    const parsed = JSON.parse(content) as {
      similar_decisions_by_this_team: Array<{ description: string; final_type: string }>;
    };
    expect(parsed.similar_decisions_by_this_team).toHaveLength(MAX_TEAM_EXAMPLES);
    expect(parsed.similar_decisions_by_this_team[0]?.description).toHaveLength(TEAM_EXAMPLE_CHARS);
    expect(parsed.similar_decisions_by_this_team[0]?.final_type).toBe('strategic');
    expect(
      JSON.parse(renderUserMessage({ description: 'note', profile: null, lang: 'en' }).content),
    ).not.toHaveProperty('similar_decisions_by_this_team');
    expect(withExamplesVersion('classify-system@1+classify-examples@1', 2)).toBe(
      'classify-system@1+classify-examples@1+team-examples@2',
    );
    expect(withExamplesVersion('v', 0)).toBe('v');
  });
});
