import { afterEach, describe, expect, it } from 'vitest';
import { createLlmIntentRouter, MAX_INTENT_CHARS, parseIntentReply } from '../../src/llm/intent-router.js';
import { type FakeOpenAi, type FakeScript, startFakeOpenAi } from '../fakes/openai-server.js';

let fake: FakeOpenAi | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

const routerFor = async (script: FakeScript, timeoutMs = 5_000) => {
  fake = await startFakeOpenAi({ script });
  return createLlmIntentRouter({ apiKey: fake.apiKey, baseURL: fake.url, model: 'fake-model', timeoutMs });
};

describe('LLM intent router', () => {
  it('sends the versioned prompt and the message, and reads the zod-checked reply', async () => {
    const router = await routerFor({ kind: 'ok', content: { intent: 'history', type: null, clientName: 'Acme' } });
    expect(await router.intentOf('Acme 上次怎么说')).toEqual({ kind: 'history', clientName: 'Acme' });
    expect(router.promptVersion).toMatch(/^intent-system@\d/);
    const body = fake?.requests[0]?.body;
    expect(body.messages[0].content).toContain('relationship managers');
    expect(body.messages[1].content).toContain('Acme 上次怎么说');
    expect(body.response_format).toEqual({ type: 'json_object' });
  });

  it('reads playbook questions with or without a type', async () => {
    const router = await routerFor([
      { kind: 'ok', content: { intent: 'playbook', type: 'partnership', clientName: null } },
      { kind: 'ok', content: { intent: 'playbook', type: null } },
    ]);
    expect(await router.intentOf('伙伴怎么弄')).toEqual({ kind: 'playbook', type: 'partnership' });
    expect(await router.intentOf('tips?')).toEqual({ kind: 'playbook', type: null });
  });

  it.each<[string, FakeScript]>([
    ['a 500', { kind: 'server_error' }],
    ['a 429', { kind: 'rate_limited', retryAfter: '1' }],
    ['a dropped connection', { kind: 'close_socket' }],
    ['non-JSON output', { kind: 'non_json' }],
    ['truncated JSON', { kind: 'truncated' }],
    ['a refusal', { kind: 'refusal' }],
    ['a length cut-off', { kind: 'length' }],
    ['an unknown intent', { kind: 'ok', content: { intent: 'order_pizza' } }],
    ['a history without a client', { kind: 'ok', content: { intent: 'history', clientName: null } }],
  ])('gives null on %s, so the rules decide', async (_name, script) => {
    const router = await routerFor(script);
    expect(await router.intentOf('嗯嗯')).toBeNull();
    expect(fake?.requests.length).toBe(1);
  });

  it('gives null when the endpoint never answers within the timeout', async () => {
    const router = await routerFor({ kind: 'hang' }, 200);
    expect(await router.intentOf('hmm')).toBeNull();
  });

  it('does not call the model for a long message', async () => {
    const router = await routerFor({ kind: 'ok', content: { intent: 'greeting' } });
    expect(await router.intentOf('x'.repeat(MAX_INTENT_CHARS + 1))).toBeNull();
    expect(fake?.requests.length).toBe(0);
  });

  it('parses a reply wrapped in prose', () => {
    expect(parseIntentReply('Sure: {"intent":"greeting"} done')).toEqual({ kind: 'greeting' });
    expect(parseIntentReply('{"intent":"playbook","type":"nope"}')).toBeNull();
  });
});
