import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { zodResponseFormat } from 'openai/helpers/zod';
import { defaultPlaybook } from '../src/domain/playbook.js';
import { redact } from '../src/domain/redact.js';
import { createClassifier } from '../src/llm/classifier.js';
import { createOpenAiAssessor } from '../src/llm/openai-assessor.js';
import {
  loadPromptSet,
  MAX_TEAM_EXAMPLES,
  renderSystemPrompt,
  renderUserMessage,
  TEAM_EXAMPLE_CHARS,
} from '../src/llm/prompt.js';
import { buildAssessmentSchema } from '../src/llm/schema.js';
import { estimateMessagesTokens } from '../src/llm/tokens.js';
import { fakeAssessment, startFakeOpenAi } from '../test/fakes/openai-server.js';

/**
 * The LLM layer's own cost: time per call beyond a fake server's fixed latency (target < 5 ms),
 * and input tokens per turn for a 300-character note (target ≤ 2,500, counted with the o200k
 * tokenizer of GPT-4o-class models, JSON schema included).
 */

const SERVER_LATENCY_MS = 50;
const CALLS = 60;
const WARMUP = 5;

const NOTE_300 = (
  '客户是一家省属能源集团,AA+评级,与我行合作八年,先后参与三个光伏电站项目融资。今年计划新建两个风电项目,总投资约45亿元,' +
  '希望我行牵头银团并提供利率避险方案。财务总监关注审批速度,但更看重长期合作。联系人手机13812345678。' +
  'The CFO also asked about green bond advisory and a dedicated coverage team for the Hong Kong subsidiary next year. '
).slice(0, 300);

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};

const timeCalls = async (call: () => Promise<unknown>) => {
  for (let i = 0; i < WARMUP; i += 1) await call();
  const overheads: number[] = [];
  for (let i = 0; i < CALLS; i += 1) {
    const started = performance.now();
    await call();
    overheads.push(performance.now() - started - SERVER_LATENCY_MS);
  }
  return { p50: percentile(overheads, 50), p99: percentile(overheads, 99) };
};

const ms = (x: number) => `${x.toFixed(2)} ms`;

export const run = async (): Promise<void> => {
  const playbook = defaultPlaybook();
  const fake = await startFakeOpenAi({
    script: { kind: 'ok', content: fakeAssessment({ evidence: ['合作八年'] }) },
    latencyMs: SERVER_LATENCY_MS,
  });
  try {
    const llm = {
      mode: 'always' as const,
      threshold: 0.6,
      timeoutMs: 15_000,
      apiKey: fake.apiKey,
      baseUrl: fake.url,
      model: 'fake-model',
      pricePer1kInput: 0,
      pricePer1kOutput: 0,
    };
    const assessor = createOpenAiAssessor({
      apiKey: fake.apiKey,
      baseURL: fake.url,
      model: 'fake-model',
      timeoutMs: 15_000,
      playbook,
    });
    const classifier = createClassifier({ playbook, llm, assessor });
    const description = redact(NOTE_300);
    const rules = (await classifier.classify({ text: NOTE_300, lang: 'zh' })).classification;
    const adapter = await timeCalls(() => assessor.assess({ description, profile: null, rules, lang: 'zh' }));
    const whole = await timeCalls(() => classifier.classify({ text: NOTE_300, lang: 'zh' }));
    // A bare fetch of the same request isolates the layer's own work from loopback HTTP.
    const body = JSON.stringify(fake.requests.at(-1)?.body);
    const bare = await timeCalls(() =>
      fetch(`${fake.url}/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${fake.apiKey}`, 'content-type': 'application/json' },
        body,
      }).then((r) => r.json()),
    );
    console.log(`fake server latency: ${SERVER_LATENCY_MS} ms per call, ${CALLS} calls`);
    console.log(
      `adapter overhead (HTTP + prompt + parse + sanitize): p50 ${ms(adapter.p50)}, p99 ${ms(adapter.p99)}  (target < 5 ms)`,
    );
    console.log(`classifier overhead (+ redact, rules, combine): p50 ${ms(whole.p50)}, p99 ${ms(whole.p99)}`);
    console.log(`bare fetch of the same request: p50 ${ms(bare.p50)}, p99 ${ms(bare.p99)}`);
    console.log(
      `layer's own work beyond a bare fetch: p50 ${ms(adapter.p50 - bare.p50)} (adapter), ${ms(whole.p50 - bare.p50)} (classifier)`,
    );

    const prompts = loadPromptSet();
    const system = renderSystemPrompt(prompts, playbook, 'json_schema');
    const user = renderUserMessage({ description, profile: null, lang: 'zh' }).content;
    const schema = JSON.stringify(zodResponseFormat(buildAssessmentSchema(playbook), 'assessment').json_schema);
    // Chat framing adds about 4 tokens per message.
    const measured = countTokens(system) + countTokens(user) + countTokens(schema) + 8;
    const estimated = estimateMessagesTokens([{ content: system }, { content: user }], schema);
    console.log(
      `input tokens per turn, 300-char note: ${measured} (o200k: system ${countTokens(system)}, schema ${countTokens(schema)}, note ${countTokens(user)}; target ≤ 2,500); run-time estimate ${estimated}`,
    );
    // With the team's three most similar decisions as examples, at their longest.
    const examples = Array.from({ length: MAX_TEAM_EXAMPLES }, () => ({
      description: description.repeat(2).slice(0, TEAM_EXAMPLE_CHARS),
      type: 'strategic' as const,
    }));
    const withExamples = renderUserMessage({ description, profile: null, lang: 'zh', examples }).content;
    const measuredWithExamples = countTokens(system) + countTokens(withExamples) + countTokens(schema) + 8;
    console.log(
      `input tokens per turn, 300-char note + ${MAX_TEAM_EXAMPLES} team examples of ${TEAM_EXAMPLE_CHARS} chars: ${measuredWithExamples} (target ≤ 2,500)`,
    );
    const jsonMode = countTokens(renderSystemPrompt(prompts, playbook, 'json_object')) + countTokens(user) + 8;
    console.log(`input tokens per turn in JSON-mode fallback: ${jsonMode}`);

    const longNote = NOTE_300.repeat(140);
    const started = performance.now();
    redact(longNote);
    console.log(
      `redaction of a ${longNote.length.toLocaleString('en')}-character note: ${ms(performance.now() - started)}`,
    );
  } finally {
    await fake.close();
  }
};
