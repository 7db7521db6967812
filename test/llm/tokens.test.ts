import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPlaybook } from '../../src/domain/playbook.js';
import { createClassifier } from '../../src/llm/classifier.js';
import { loadPromptSet, renderSystemPrompt } from '../../src/llm/prompt.js';
import { estimateTokens } from '../../src/llm/tokens.js';
import { type FakeOpenAi, fakeAssessment, startFakeOpenAi } from '../fakes/openai-server.js';
import { llmConfig } from './helpers.js';

const NOTE_300 = (
  '客户是一家省属能源集团,AA+评级,与我行合作八年,先后参与三个光伏电站项目融资。今年计划新建两个风电项目,总投资约45亿元,' +
  '希望我行牵头银团并提供利率避险方案。财务总监关注审批速度,但更看重长期合作。' +
  'The CFO also asked about green bond advisory and a dedicated coverage team for the Hong Kong subsidiary next year, ' +
  'and whether we can match the pricing another bank offered last month on a similar facility.'
).slice(0, 300);

let fake: FakeOpenAi;
beforeAll(async () => {
  fake = await startFakeOpenAi({ script: { kind: 'ok', content: fakeAssessment() } });
});
afterAll(async () => {
  await fake.close();
});

describe('estimateTokens', () => {
  it.each([
    ['Chinese', NOTE_300.slice(0, 110)],
    [
      'English',
      'The client is a regional toll-road operator rated A, banking with us for six years across three loans.',
    ],
    ['JSON', JSON.stringify(fakeAssessment())],
    ['system prompt', renderSystemPrompt(loadPromptSet(), defaultPlaybook(), 'json_object')],
  ])('errs on the high side, within 1.7x, of the o200k count for %s', (_name, text) => {
    const real = countTokens(text);
    const estimate = estimateTokens(text);
    expect(estimate).toBeGreaterThanOrEqual(real);
    expect(estimate).toBeLessThanOrEqual(real * 1.7);
  });
});

describe('input budget', () => {
  it('a 300-character note costs at most 2,500 input tokens, JSON schema included', async () => {
    expect(NOTE_300).toHaveLength(300);
    const classifier = createClassifier({
      playbook: defaultPlaybook(),
      llm: llmConfig({ apiKey: fake.apiKey, baseUrl: fake.url }),
    });
    await classifier.classify({ text: NOTE_300, lang: 'zh' });
    const body = fake.requests.at(-1)?.body;
    const messages = body.messages as Array<{ content: string }>;
    const tokens =
      messages.reduce((sum, m) => sum + countTokens(m.content) + 4, 0) +
      countTokens(JSON.stringify(body.response_format.json_schema));
    expect(tokens).toBeLessThanOrEqual(2_500);
  });
});
