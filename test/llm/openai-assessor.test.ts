import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { actionIds, defaultPlaybook } from '../../src/domain/playbook.js';
import { assessmentDeadlineMs, createOpenAiAssessor } from '../../src/llm/openai-assessor.js';
import type { LlmOutcome } from '../../src/llm/port.js';
import { type FakeOpenAi, type FakeScript, fakeAssessment, startFakeOpenAi } from '../fakes/openai-server.js';
import { rulesResult } from './helpers.js';

const playbook = defaultPlaybook();
let fake: FakeOpenAi | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

const assessor = (
  server: { url: string; apiKey: string },
  extra: { timeoutMs?: number; retryAfterCapMs?: number } = {},
) =>
  createOpenAiAssessor({
    apiKey: server.apiKey,
    baseURL: server.url,
    model: 'fake-model',
    timeoutMs: extra.timeoutMs ?? 5_000,
    playbook,
    retryBackoffMs: 10,
    ...(extra.retryAfterCapMs === undefined ? {} : { retryAfterCapMs: extra.retryAfterCapMs }),
  });

const input = {
  description: '央企电力集团,AAA评级,与我行合作十年。',
  profile: null,
  rules: rulesResult('strategic', 0.7),
  lang: 'zh' as const,
};

const run = async (script: FakeScript, options: Parameters<typeof assessor>[1] = {}, rejectJsonSchema = false) => {
  fake = await startFakeOpenAi({ script, rejectJsonSchema });
  return assessor(fake, options).assess(input);
};

const expectFailure = (outcome: LlmOutcome, code: string, detail: RegExp) => {
  expect(outcome.ok).toBe(false);
  if (outcome.ok) return;
  expect(outcome.code).toBe(code);
  expect(outcome.detail).toMatch(detail);
};

describe('createOpenAiAssessor: the call', () => {
  it('sends one structured request with the key, the prompt and a schema restricted to playbook ids', async () => {
    const outcome = await run({
      kind: 'ok',
      content: fakeAssessment({ evidence: ['合作十年'], actionIds: ['strategic.strategy-review'] }),
    });
    expect(fake?.requests).toHaveLength(1);
    const request = fake?.requests[0];
    expect(request?.authorization).toBe(`Bearer ${fake?.apiKey}`);
    expect(request?.body.model).toBe('fake-model');
    const format = request?.body.response_format;
    expect(format.type).toBe('json_schema');
    expect(format.json_schema.strict).toBe(true);
    const actionEnum = format.json_schema.schema.properties.actionIds.items.enum;
    expect(actionEnum).toEqual(actionIds(playbook));
    expect(format.json_schema.schema.properties.type.enum).toEqual([
      'strategic',
      'transactional',
      'partnership',
      'problem_solving',
    ]);
    const [system, user] = request?.body.messages ?? [];
    expect(system.role).toBe('system');
    expect(system.content).toContain(
      'strategic.dedicated-team: 建立专属客户服务团队 / Set up a dedicated client service team',
    );
    expect(system.content).toContain('问题解决型 / Problem-solving');
    expect(JSON.parse(user.content)).toEqual({
      reply_language: 'zh',
      known_profile: null,
      description: input.description,
    });

    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.assessment.opinion).toMatchObject({
      type: 'strategic',
      confidence: 0.8,
      actionIds: ['strategic.strategy-review'],
    });
    expect(outcome.assessment.profile.history).toEqual({ value: 'ten years with the bank', quote: 'ten years' });
    expect(outcome.usage).toEqual({ inputTokens: 1500, outputTokens: 200 });
    expect(outcome.promptVersion).toMatch(/^classify-system@[\w.]+\+classify-examples@[\w.]+$/);
    expect(outcome.outputMode).toBe('json_schema');
    expect(outcome.requests).toBe(1);
  });

  it('estimates tokens when the server reports no usage', async () => {
    const outcome = await run({ kind: 'ok', content: fakeAssessment(), usage: null });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.usage.inputTokens).toBeGreaterThan(1000);
    expect(outcome.usage.outputTokens).toBeGreaterThan(20);
  });

  it.each(['openai', 'vllm'] as const)(
    'falls back to JSON mode when json_schema is rejected (%s error shape), and remembers it',
    async (style) => {
      fake = await startFakeOpenAi({ script: { kind: 'ok', content: fakeAssessment() }, rejectJsonSchema: style });
      const adapter = assessor(fake);
      const first = await adapter.assess(input);
      expect(first.ok).toBe(true);
      if (first.ok) {
        expect(first.outputMode).toBe('json_object');
        expect(first.promptVersion).toContain('classify-output@');
      }
      expect(fake.requests.map((r) => r.body.response_format.type)).toEqual(['json_schema', 'json_object']);
      expect(fake.requests[1]?.body.messages[0].content).toContain('Reply with one JSON object');
      await adapter.assess(input);
      expect(fake.requests.map((r) => r.body.response_format.type)).toEqual([
        'json_schema',
        'json_object',
        'json_object',
      ]);
    },
  );

  it('repairs invalid output once, sending back the error', async () => {
    const outcome = await run([
      { kind: 'ok', content: fakeAssessment({ actionIds: ['wire.money-out'] }) },
      { kind: 'ok', content: fakeAssessment() },
    ]);
    expect(outcome.ok).toBe(true);
    expect(fake?.requests).toHaveLength(2);
    const repair = fake?.requests[1]?.body.messages;
    expect(repair).toHaveLength(4);
    expect(repair[2].role).toBe('assistant');
    expect(repair[3].content).toMatch(/invalid \(actionIds\.0: /);
  });

  it('gives up after one failed repair with llm_bad_output', async () => {
    const outcome = await run({ kind: 'non_json' });
    expectFailure(outcome, 'llm_bad_output', /not a JSON object/);
    expect(fake?.requests).toHaveLength(2);
  });

  it.each([
    ['a fence', (json: string) => `\`\`\`json\n${json}\n\`\`\``],
    ['prose around it', (json: string) => `Here is the assessment:\n${json}\nHope this helps.`],
    ['a think block', (json: string) => `<think>the client {maybe} strategic</think>\n${json}`],
  ])('accepts a JSON-mode answer wrapped in %s, in one request', async (_name, wrap) => {
    const outcome = await run({ kind: 'ok', content: wrap(JSON.stringify(fakeAssessment({ type: 'partnership' }))) });
    expect(outcome.ok && outcome.assessment.opinion.type).toBe('partnership');
    expect(fake?.requests).toHaveLength(1);
  });
});

describe('createOpenAiAssessor: failures never throw and are bounded', () => {
  it('does not stick to JSON mode when the 400 had another cause', async () => {
    fake = await startFakeOpenAi({ script: { kind: 'status', status: 400, body: { error: { message: 'too long' } } } });
    const adapter = assessor(fake);
    expectFailure(await adapter.assess(input), 'llm_unavailable', /http 400/);
    await adapter.assess(input);
    expect(fake.requests.map((r) => r.body.response_format.type)).toEqual([
      'json_schema',
      'json_object',
      'json_schema',
      'json_object',
    ]);
  });

  it.each([
    ['500', { kind: 'server_error' } as const, 'llm_unavailable', /http 500/, 2],
    ['503', { kind: 'server_error', status: 503 } as const, 'llm_unavailable', /http 503/, 2],
    ['closed socket', { kind: 'close_socket' } as const, 'llm_unavailable', /connection failed/, 2],
    ['truncated JSON', { kind: 'truncated' } as const, 'llm_bad_output', /not a JSON object/, 2],
    ['finish_reason length', { kind: 'length' } as const, 'llm_bad_output', /finish_reason length/, 1],
    ['refusal', { kind: 'refusal' } as const, 'llm_refused', /refusal/, 1],
    [
      'content filter',
      { kind: 'ok', content: '', finishReason: 'content_filter' } as const,
      'llm_refused',
      /filter/,
      1,
    ],
    [
      '401',
      { kind: 'status', status: 401, body: { error: { message: 'bad key' } } } as const,
      'llm_unavailable',
      /http 401/,
      1,
    ],
  ])('%s → %s', async (_name, reply, code, detail, requests) => {
    const outcome = await run(reply);
    expectFailure(outcome, code, detail);
    expect(fake?.requests).toHaveLength(requests);
  });

  it('retries once after a 5xx and succeeds', async () => {
    const outcome = await run([
      { kind: 'server_error', status: 502 },
      { kind: 'ok', content: fakeAssessment() },
    ]);
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect(outcome.requests).toBe(2);
  });

  it('honours a short Retry-After on 429, then retries', async () => {
    const outcome = await run([
      { kind: 'rate_limited', retryAfter: '0' },
      { kind: 'ok', content: fakeAssessment() },
    ]);
    expect(outcome.ok).toBe(true);
    expect(fake?.requests).toHaveLength(2);
  });

  it('fails at once when Retry-After exceeds the cap', async () => {
    const outcome = await run({ kind: 'rate_limited', retryAfter: '120' }, { retryAfterCapMs: 1_000 });
    expectFailure(outcome, 'llm_unavailable', /429 \(retry-after 120s over the cap\)/);
    expect(fake?.requests).toHaveLength(1);
  });

  it('times out a server that never answers, retries once, and stays within the deadline', async () => {
    const timeoutMs = 150;
    const outcome = await run({ kind: 'hang' }, { timeoutMs, retryAfterCapMs: 100 });
    expectFailure(outcome, 'llm_unavailable', /timeout|deadline/);
    expect(fake?.requests).toHaveLength(2);
    // The bound is the feature; the slack absorbs a loaded CI machine.
    expect(outcome.latencyMs).toBeLessThan(assessmentDeadlineMs(timeoutMs, 100) + 5_000);
  });

  it('reports connection refused as llm_unavailable', async () => {
    // Reserve a port, then close it so nothing listens there.
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    const outcome = await assessor({ url: `http://127.0.0.1:${port}/v1`, apiKey: 'sk-x' }).assess(input);
    expectFailure(outcome, 'llm_unavailable', /connection failed/);
    if (!outcome.ok) expect(outcome.requests).toBe(2);
  });
});
