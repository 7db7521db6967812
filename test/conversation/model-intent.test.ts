import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { withModelIntent } from '../../src/conversation/model-intent.js';
import { createConversationService } from '../../src/conversation/service.js';
import { defaultPlaybook } from '../../src/domain/playbook.js';
import { redact } from '../../src/domain/redact.js';
import { createClassifier } from '../../src/llm/classifier.js';
import type { IntentOpinion } from '../../src/llm/port.js';
import type { StoreHandle } from '../../src/store/backend.js';
import { openStore } from '../../src/store/open-store.js';
import { type FakeOpenAi, type FakeScript, fakeAssessment, startFakeOpenAi } from '../fakes/openai-server.js';
import { llmConfig } from '../llm/helpers.js';

const playbook = defaultPlaybook();
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
let dir: string;
let store: StoreHandle;
let fake: FakeOpenAi | null = null;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quadrant-intent-'));
  const config = loadConfig({ QUADRANT_STORE_URL: `sqlite://${join(dir, 'q.db')}` });
  store = await openStore({ ...config.store, admins: [], redact, logger: quiet });
});
afterEach(async () => {
  await fake?.close();
  fake = null;
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

/** A conversation whose model answers intent requests from `intent` and assessments with a card. */
const serviceWith = async (intent: FakeScript) => {
  fake = await startFakeOpenAi({
    script: (request, index) => {
      const isIntent = String(request.body.messages?.[0]?.content ?? '').includes('You route one short Slack message');
      if (!isIntent) return { kind: 'ok', content: fakeAssessment() };
      return typeof intent === 'function'
        ? intent(request, index)
        : Array.isArray(intent)
          ? (intent[0] ?? { kind: 'non_json' })
          : intent;
    },
  });
  const classifier = createClassifier({ playbook, llm: llmConfig({ apiKey: fake.apiKey, baseUrl: fake.url }) });
  return createConversationService({
    classifier,
    state: store.state,
    decisions: store.decisions,
    playbook,
    admins: [],
  });
};
const intentCalls = () =>
  fake?.requests.filter((r) => String(r.body.messages?.[0]?.content).includes('You route one short')).length;
const turn = (service: Awaited<ReturnType<typeof serviceWith>>, text: string) =>
  service.handleTurn({ threadKey: 'T1:D1:1.1', teamId: 'T1', userId: 'U1', text });

describe('intent routing with the LLM', () => {
  it('asks the model when the rules cannot tell, and follows a usable answer', async () => {
    const service = await serviceWith({ kind: 'ok', content: { intent: 'greeting' } });
    expect((await turn(service, 'yo sup')).kind).toBe('welcome');
    expect(intentCalls()).toBe(1);
  });

  it('routes a model-recognised history question to the timeline', async () => {
    const service = await serviceWith({ kind: 'ok', content: { intent: 'history', clientName: 'Acme Power' } });
    const outcome = await turn(service, 'Acme 咋样了');
    expect(outcome).toMatchObject({ kind: 'history', clientName: 'Acme Power', history: [] });
  });

  it.each<[string, FakeScript]>([
    ['a 500', { kind: 'server_error' }],
    ['bad output', { kind: 'non_json' }],
    ['a refusal', { kind: 'refusal' }],
  ])('keeps the rules’ question on %s', async (_name, script) => {
    const service = await serviceWith(script);
    expect(await turn(service, 'ok test')).toMatchObject({ kind: 'clarify', text: 'ok test' });
  });

  it('never asks the model about a description with client facts', async () => {
    const service = await serviceWith({ kind: 'ok', content: { intent: 'greeting' } });
    const outcome = await turn(service, '央企电力集团,AAA评级,与我行合作十年,第三个项目。');
    expect(outcome.kind).toBe('card');
    expect(intentCalls()).toBe(0);
  });
});

describe('withModelIntent', () => {
  const greeting = async (): Promise<IntentOpinion> => ({ kind: 'greeting' });
  it('keeps any intent the rules could tell', async () => {
    const rules = { kind: 'description' } as const;
    expect(await withModelIntent(rules, 'x', { signalCount: 0, describing: false, intentOf: greeting })).toBe(rules);
  });
  it('keeps unclear when there is a fact, a thread being described, a throw or no model', async () => {
    const unclear = { kind: 'unclear' } as const;
    const thrower = async (): Promise<IntentOpinion> => {
      throw new Error('boom');
    };
    expect(await withModelIntent(unclear, 'x', { signalCount: 1, describing: false, intentOf: greeting })).toBe(
      unclear,
    );
    expect(await withModelIntent(unclear, 'x', { signalCount: 0, describing: true, intentOf: greeting })).toBe(unclear);
    expect(await withModelIntent(unclear, 'x', { signalCount: 0, describing: false, intentOf: thrower })).toBe(unclear);
    expect(await withModelIntent(unclear, 'x', { signalCount: 0, describing: false })).toBe(unclear);
  });
  it('gives a playbook answer the message as its topic', async () => {
    const intentOf = async (): Promise<IntentOpinion> => ({ kind: 'playbook', type: 'strategic' });
    expect(
      await withModelIntent({ kind: 'unclear' }, ' 大客户? ', { signalCount: 0, describing: false, intentOf }),
    ).toEqual({
      kind: 'playbook',
      type: 'strategic',
      topic: '大客户?',
    });
  });
});
