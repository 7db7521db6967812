import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { type LlmEvalCase, runLlmEval } from '../../src/cli/eval-llm.js';
import { UsageError } from '../../src/cli/io.js';
import { defaultPlaybook } from '../../src/domain/playbook.js';
import type { RelationshipType } from '../../src/domain/types.js';
import { type FakeOpenAi, type FakeReply, fakeAssessment, startFakeOpenAi } from '../fakes/openai-server.js';
import { llmConfig, rulesResult } from './helpers.js';

const playbook = defaultPlaybook();
let fake: FakeOpenAi | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

// Each case names what the (stubbed) rules and the fake model will say, so every score is derivable.
const PLAN: Array<LlmEvalCase & { rules: RelationshipType; llm: RelationshipType | 'fail' }> = [
  { id: 'a', text: 'case-a 央企', label: 'strategic', rules: 'strategic', llm: 'strategic' },
  { id: 'b', text: 'case-b 小微', label: 'transactional', rules: 'transactional', llm: 'partnership' },
  { id: 'c', text: 'case-c 家族', label: 'partnership', rules: 'transactional', llm: 'partnership' },
  { id: 'd', text: 'case-d 逾期', label: 'problem_solving', rules: 'strategic', llm: 'fail' },
];
const planFor = (text: string) => {
  const entry = PLAN.find((p) => text.includes(p.text));
  if (!entry) throw new Error(`no plan for ${text}`);
  return entry;
};

const capture = () => {
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
  });
  return { stdout, text: () => out };
};

describe('runLlmEval', () => {
  it('scores rules-only, LLM-only and hybrid side by side with tokens, latency and cost', async () => {
    fake = await startFakeOpenAi({
      script: (request): FakeReply => {
        const plan = planFor(JSON.parse(request.body.messages[1].content).description);
        return plan.llm === 'fail'
          ? { kind: 'server_error' }
          : {
              kind: 'ok',
              content: fakeAssessment({ type: plan.llm, confidence: 0.9 }),
              usage: { prompt_tokens: 2000, completion_tokens: 500 },
            };
      },
    });
    const out = capture();
    const result = await runLlmEval(
      PLAN.map(({ id, text, label }) => ({ id, text, label })),
      {
        classifierDeps: {
          playbook,
          llm: llmConfig({
            mode: 'when-uncertain',
            apiKey: fake.apiKey,
            baseUrl: fake.url,
            pricePer1kInput: 0.5,
            pricePer1kOutput: 2,
          }),
          classifyRules: (text) => rulesResult(planFor(text).rules, 0.7),
        },
        io: { stdout: out.stdout },
      },
    );
    // when-uncertain would have skipped these confident rules: the eval forces every case through the LLM.
    expect(fake.requests.length).toBeGreaterThanOrEqual(4);
    expect(result.rules.accuracy).toBeCloseTo(2 / 4, 5);
    expect(result.llm.total).toBe(3);
    expect(result.llm.accuracy).toBeCloseTo(2 / 3, 5);
    expect(result.llmFailures).toBe(1);
    // Hybrid: a agrees; b and c disagree and the more confident LLM wins; d falls back to the rules.
    expect(result.cases.map((c) => c.hybrid)).toEqual(['strategic', 'partnership', 'partnership', 'strategic']);
    expect(result.hybrid.accuracy).toBeCloseTo(2 / 4, 5);
    expect(result.cases.map((c) => c.llmStatus)).toEqual(['ok', 'ok', 'ok', 'llm_unavailable']);
    expect(result.totals.inputTokens).toBe(6000);
    expect(result.totals.outputTokens).toBe(1500);
    expect(result.totals.estimatedCost).toBeCloseTo(6 * 0.5 + 1.5 * 2, 6);
    expect(result.cases.every((c) => c.latencyMs > 0)).toBe(true);

    const printed = out.text();
    expect(printed).toMatch(/rules-only\s+50\.0%/);
    expect(printed).toMatch(/llm-only\s+66\.7%.*\(1 LLM failures not scored\)/);
    expect(printed).toMatch(/hybrid\s+50\.0%/);
    expect(printed).toMatch(/^d\s+problem_solving\s+strategic\s+llm_unavailable\s+strategic/m);
    expect(printed).toContain('tokens: input 6,000 (1,500/case), output 1,500 (375/case)');
    expect(printed).toContain('estimated cost: 6.0000');
  });

  it('prints JSON when asked', async () => {
    fake = await startFakeOpenAi({ script: { kind: 'ok', content: fakeAssessment() } });
    const out = capture();
    await runLlmEval([{ id: 'x', text: 'case-a 央企', label: 'strategic' }], {
      classifierDeps: { playbook, llm: llmConfig({ apiKey: fake.apiKey, baseUrl: fake.url }) },
      io: { stdout: out.stdout },
      json: true,
    });
    const parsed = JSON.parse(out.text());
    expect(parsed.cases[0]).toMatchObject({ id: 'x', label: 'strategic', llm: 'strategic', llmStatus: 'ok' });
  });

  it('refuses to run without a key, with a usage error naming the variable', async () => {
    await expect(
      runLlmEval([], {
        classifierDeps: { playbook, llm: llmConfig({ mode: 'off', apiKey: undefined }) },
        io: { stdout: new PassThrough() },
      }),
    ).rejects.toThrow(UsageError);
    await expect(
      runLlmEval([], {
        classifierDeps: { playbook, llm: llmConfig({ mode: 'off', apiKey: undefined }) },
        io: { stdout: new PassThrough() },
      }),
    ).rejects.toThrow(/OPENAI_API_KEY/);
  });
});
