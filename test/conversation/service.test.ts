import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { guessClientName } from '../../src/conversation/client-name.js';
import { isClassifyNow, resolveLang } from '../../src/conversation/language.js';
import { type ConversationService, createConversationService, MAX_FOLLOW_UPS } from '../../src/conversation/service.js';
import { defaultPlaybook } from '../../src/domain/playbook.js';
import { redact } from '../../src/domain/redact.js';
import { createClassifier } from '../../src/llm/classifier.js';
import type { StoreHandle } from '../../src/store/backend.js';
import { openStore } from '../../src/store/open-store.js';

const playbook = defaultPlaybook();
let dir: string;
let store: StoreHandle;
let service: ConversationService;
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

const open = async () => {
  const config = loadConfig({ QUADRANT_STORE_URL: `sqlite://${join(dir, 'q.db')}` });
  store = await openStore({ ...config.store, admins: [], redact, logger: quiet });
  service = createConversationService({
    classifier: createClassifier({ playbook, llm: config.llm, assessor: null }),
    state: store.state,
    decisions: store.decisions,
    playbook,
    admins: [],
  });
};

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quadrant-conv-'));
  await open();
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const turn = (text: string, extra: Record<string, unknown> = {}) =>
  service.handleTurn({ threadKey: 'T1:D1:1.1', teamId: 'T1', userId: 'U1', text, ...extra });

/** U1's private decision on a card in the DM thread `threadKey` (team T1, channel D1, thread 1.1). */
const decisionIn = (threadKey: string, cardId: string, idempotencyKey: string) => ({
  threadKey,
  cardId,
  userId: 'U1',
  teamId: 'T1',
  channelId: 'D1',
  threadTs: '1.1',
  visibility: 'private' as const,
  idempotencyKey,
});

describe('conversation service', () => {
  it('classifies a clear description at once, with 3 to 6 recommendations and the client name', async () => {
    const outcome = await turn(
      'Client: Huaneng Power. AAA-rated state-owned utility, third project with us, long-term framework.',
    );
    expect(outcome.kind).toBe('card');
    if (outcome.kind !== 'card') return;
    expect(outcome.card.type).toBe('strategic');
    expect(outcome.card.clientName).toBe('Huaneng Power');
    expect(outcome.card.recommendations.length).toBeGreaterThanOrEqual(3);
    expect(outcome.card.recommendations.length).toBeLessThanOrEqual(6);
    expect(outcome.card.versions.playbook).toBe(playbook.version);
  });

  it('asks at most two follow-up questions, then classifies', async () => {
    const kinds = [];
    for (const text of ['A client.', 'Nothing more.', 'Still nothing.']) kinds.push((await turn(text)).kind);
    expect(kinds).toEqual(['question', 'question', 'card']);
    expect(MAX_FOLLOW_UPS).toBe(2);
  });

  it('"直接分类" and forceClassify skip questions; an empty thread asks for a description', async () => {
    expect((await turn('   ')).kind).toBe('empty');
    expect((await turn('A client.', { forceClassify: true })).kind).toBe('card');
    await rm(dir, { recursive: true, force: true });
    await store.close();
    dir = await mkdtemp(join(tmpdir(), 'quadrant-conv-'));
    await open();
    expect((await turn('A client.')).kind).toBe('question');
    expect((await turn('直接分类')).kind).toBe('card');
  });

  it('keeps thread state across a restart (a new service on the same store file)', async () => {
    await turn('Mid-size manufacturer, compares three banks on price.');
    await store.close();
    await open();
    const outcome = await turn('classify now');
    expect(outcome.kind).toBe('card');
    if (outcome.kind === 'card') expect(outcome.card.type).toBe('transactional');
  });

  it('a yes answer adds evidence; a no answer adds nothing the rules could misread', async () => {
    const asked = await turn('A client.');
    if (asked.kind !== 'question') throw new Error('expected a question');
    const yes = await turn('', {
      answer: { questionId: asked.id, number: asked.number, yes: true },
      forceClassify: true,
    });
    expect(yes.kind === 'card' && yes.card.description).toContain(asked.question);
    const other = (text: string, extra: Record<string, unknown> = {}) =>
      service.handleTurn({ threadKey: 'T1:D1:2.2', teamId: 'T1', userId: 'U1', text, ...extra });
    const second = await other('A client.');
    if (second.kind !== 'question') throw new Error('expected a question');
    await other('', { answer: { questionId: second.id, number: second.number, yes: false } });
    const card = await other('classify now');
    expect(card.kind === 'card' && card.card.description).toBe('A client.');
  });

  it("redraws an overridden card with the chosen type's actions, resting on the RM's choice", async () => {
    const outcome = await turn('华东某城投平台,近期出现一笔利息逾期,正在与多家银行协商展期', { forceClassify: true });
    if (outcome.kind !== 'card') throw new Error('expected a card');
    expect(outcome.card.type).toBe('problem_solving');
    const { card } = await service.decide({
      ...decisionIn('T1:D1:1.1', outcome.card.id, 'override:T1:chosen'),
      override: { type: 'transactional', reason: '展期已谈妥,客户现在只比价格' },
    });
    const core = card.recommendations.filter((r) => r.id.startsWith('transactional.'));
    expect(core.length).toBeGreaterThan(0);
    for (const r of core) expect(r.why.zh).not.toContain('一笔');
  });

  it('logs a decision once per idempotency key and stamps the card', async () => {
    const outcome = await turn('Client: Delta Devco. Missed a payment, liquidity crunch, wants to restructure.', {
      forceClassify: true,
    });
    if (outcome.kind !== 'card') throw new Error('expected a card');
    const request = decisionIn('T1:D1:1.1', outcome.card.id, 'confirm:T1:x');
    const [a, b] = await Promise.all([service.decide(request), service.decide(request)]);
    // The second click finds the card decided: it logs nothing and returns the same card.
    expect(a.card.decision?.id).toBe(b.card.decision?.id);
    expect([a.decision, b.decision].filter((d) => d !== null)).toHaveLength(1);
    expect((await service.getCard('T1:D1:1.1', outcome.card.id))?.decision?.id).toBe(a.card.decision?.id);
    await expect(service.decide({ ...request, cardId: 'nope' })).rejects.toMatchObject({ code: 'stale_card' });
    await expect(
      service.decide({ ...request, idempotencyKey: 'o', override: { type: 'strategic', reason: '  ' } }),
    ).rejects.toMatchObject({ code: 'reason_required' });
  });

  it('answers in the user setting when set, else in the language written', async () => {
    expect(await service.langFor('U1', '客户是国有企业')).toBe('zh');
    await store.state.setUserSettings('U1', { lang: 'en' });
    expect(await service.langFor('U1', '客户是国有企业')).toBe('en');
  });

  it('under "auto", answers a message with no words (a click) in the language the user last wrote in', async () => {
    expect(await service.langFor('U2', '')).toBe('en');
    expect(await service.langFor('U2', '客户现金流紧张,申请展期')).toBe('zh');
    expect(await service.langFor('U2', '')).toBe('zh');
    expect(await service.langFor('U2', '👍 123')).toBe('zh');
    expect(await service.langFor('U2', 'Actually, they signed the renewal')).toBe('en');
    expect(await service.langFor('U2', '')).toBe('en');
    // A chosen language is not overridden by what is remembered, and choosing keeps the memory.
    await store.state.setUserSettings('U2', { ...(await store.state.getUserSettings('U2')), lang: 'zh' });
    expect(await service.langFor('U2', '')).toBe('zh');
    expect((await store.state.getUserSettings('U2')).lastLang).toBe('en');
  });
});

describe('language and names', () => {
  it('detects classify-now phrases only as whole messages', () => {
    expect(isClassifyNow('Classify now')).toBe(true);
    expect(isClassifyNow('直接分类!')).toBe(true);
    expect(isClassifyNow('please do not classify now, I have more')).toBe(false);
    expect(resolveLang({ lang: 'zh' }, 'English text')).toBe('zh');
    expect(resolveLang({ lang: 'auto' }, '中文描述一下客户情况')).toBe('zh');
    expect(resolveLang({ lang: 'auto', lastLang: 'zh' }, 'Renewal next month')).toBe('en');
    expect(resolveLang({ lang: 'auto', lastLang: 'zh' }, '')).toBe('zh');
    expect(resolveLang({ lang: 'auto' }, '', 'zh')).toBe('zh');
    expect(resolveLang({ lang: 'en', lastLang: 'zh' }, '')).toBe('en');
  });

  it('finds client names in labels, quotes and company suffixes, else null', () => {
    expect(guessClientName('客户:中国石化。AAA评级')).toBe('中国石化');
    expect(guessClientName('We met “Orion Energy” yesterday')).toBe('Orion Energy');
    expect(guessClientName('Met Acme Steel Ltd today about a loan')).toBe('Acme Steel Ltd');
    expect(guessClientName('华能电力集团希望签订长期框架协议')).toBe('华能电力集团');
    expect(guessClientName('a client that wants money')).toBeNull();
  });
});
