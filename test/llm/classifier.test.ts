import { afterEach, describe, expect, it } from 'vitest';
import { defaultPlaybook } from '../../src/domain/playbook.js';
import type { ClientProfile } from '../../src/domain/profile.js';
import { TRUNCATION_NOTICE } from '../../src/domain/rules.js';
import type { Classification } from '../../src/domain/types.js';
import { createClassifier } from '../../src/llm/classifier.js';
import { LLM_OFF_NOTICE } from '../../src/llm/notices.js';
import type { LlmAssessor } from '../../src/llm/port.js';
import { type FakeOpenAi, type FakeReply, fakeAssessment, startFakeOpenAi } from '../fakes/openai-server.js';
import { distressSignal, llmConfig, rulesResult } from './helpers.js';

const playbook = defaultPlaybook();
let fake: FakeOpenAi | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

const withFake = async (
  script: FakeReply | FakeReply[],
  llm: Partial<Parameters<typeof llmConfig>[0]> = {},
  rules?: Classification,
) => {
  fake = await startFakeOpenAi({ script });
  return createClassifier({
    playbook,
    llm: llmConfig({ apiKey: fake.apiKey, baseUrl: fake.url, ...llm }),
    ...(rules ? { classifyRules: () => rules } : {}),
  });
};

const PII_NOTE =
  '客户王总手机13812345678,邮箱wang@example.com,身份证11010519491231002X,企业代码91110108551385082Q,' +
  '还款卡6222 0212 3456 7890 128。授信5,000万元,2026-11-28到期,利率3.85%,与我行合作十年。';

describe('createClassifier', () => {
  it('with no key runs rules only and says so', async () => {
    let calledWith = '';
    const classifier = createClassifier({
      playbook,
      llm: llmConfig({ mode: 'off', apiKey: undefined }),
      classifyRules: (text) => {
        calledWith = text;
        return rulesResult('transactional', 0.7);
      },
    });
    const { classification, usage, profile } = await classifier.classify({
      text: '手机13812345678 要快速放款',
      lang: 'zh',
    });
    expect(calledWith).toBe('手机[REDACTED:phone] 要快速放款');
    expect(classification).toMatchObject({ type: 'transactional', source: 'rules', llmStatus: 'off', llm: null });
    expect(classification.notices[0]?.en).toMatch(/LLM off/);
    expect(classification.notices[0]?.zh).toMatch(/未启用LLM/);
    expect(usage).toBeNull();
    expect(profile).toEqual({ needs: [], priorities: [], distress: [], loyalty: [] });
    // The Slack surfaces skip the progress placeholder for it.
    expect(classifier.answersAtOnce).toBe(true);
  });

  it('says a call may take time whenever a model can be called', async () => {
    expect((await withFake({ kind: 'ok', content: fakeAssessment() })).answersAtOnce).toBe(false);
    await fake?.close();
    expect((await withFake({ kind: 'ok', content: fakeAssessment() }, { mode: 'when-uncertain' })).answersAtOnce).toBe(
      false,
    );
    await fake?.close();
    expect((await withFake({ kind: 'ok', content: fakeAssessment() }, { mode: 'off' })).answersAtOnce).toBe(true);
  });

  it('redacts personal data before the request leaves the process, keeping ordinary figures', async () => {
    const classifier = await withFake({ kind: 'ok', content: fakeAssessment() }, {}, rulesResult('strategic', 0.7));
    await classifier.classify({ text: PII_NOTE, lang: 'zh' });
    const raw = fake?.requests[0]?.raw ?? '';
    for (const secret of [
      '13812345678',
      'wang@example.com',
      '11010519491231002X',
      '91110108551385082Q',
      '6222 0212 3456 7890 128',
    ]) {
      expect(raw).not.toContain(secret);
    }
    const sent = JSON.parse(fake?.requests[0]?.body.messages[1].content).description as string;
    expect(sent).toContain('[REDACTED:phone]');
    expect(sent).toContain('[REDACTED:card]');
    for (const figure of ['5,000万元', '2026-11-28', '3.85%', '合作十年']) expect(sent).toContain(figure);
  });

  it('combines an agreeing LLM opinion, records versions and usage, and merges the profile', async () => {
    const classifier = await withFake(
      {
        kind: 'ok',
        content: fakeAssessment({
          type: 'strategic',
          confidence: 0.8,
          evidence: ['合作十年'],
          facts: [{ kind: 'need', value: 'hedging', quote: '利率' }],
          actionIds: ['strategic.value-added-services'],
        }),
      },
      {},
      rulesResult('strategic', 0.6),
    );
    const known: ClientProfile = {
      needs: [{ value: 'syndication', quote: '银团' }],
      priorities: [],
      distress: [],
      loyalty: [],
    };
    const result = await classifier.classify({ text: PII_NOTE, profile: known, lang: 'zh' });
    expect(result.classification).toMatchObject({
      type: 'strategic',
      source: 'hybrid',
      llmStatus: 'ok',
      agreement: 'agree',
      versions: { rules: 'rules-test', model: 'fake-model' },
    });
    expect(result.classification.confidence).toBeCloseTo(0.92, 5);
    expect(result.classification.versions.prompt).toMatch(/^classify-system@/);
    expect(result.classification.llm?.actionIds).toEqual(['strategic.value-added-services']);
    expect(result.usage).toEqual({ inputTokens: 1500, outputTokens: 200 });
    expect(result.profile.needs.map((f) => f.value)).toEqual(['syndication', 'hedging']);
    // The thread's merged profile travels in the request, not the raw history.
    const user = JSON.parse(fake?.requests[0]?.body.messages[1].content);
    expect(user.known_profile).toEqual({ needs: ['syndication'] });
  });

  it('in a thread, sends the merged profile and the newest turn instead of the raw history', async () => {
    const classifier = await withFake({ kind: 'ok', content: fakeAssessment() }, {}, rulesResult('strategic', 0.5));
    const history = '第一轮:央企,合作十年。\n第二轮:有三个风电项目。\n';
    const latestTurn = '第三轮:希望我行提供汇率避险,联系人13812345678。';
    const known: ClientProfile = {
      segment: { value: 'SOE', quote: '央企' },
      needs: [],
      priorities: [],
      distress: [],
      loyalty: [],
    };
    await classifier.classify({ text: history + latestTurn, latestTurn, profile: known, lang: 'zh' });
    const user = JSON.parse(fake?.requests[0]?.body.messages[1].content);
    expect(user.description).toBe('第三轮:希望我行提供汇率避险,联系人[REDACTED:phone]。');
    expect(user.known_profile).toEqual({ segment: 'SOE' });
  });

  it('when-uncertain skips the LLM when the rules are confident', async () => {
    const classifier = await withFake(
      { kind: 'ok', content: fakeAssessment() },
      { mode: 'when-uncertain', threshold: 0.6 },
      rulesResult('partnership', 0.75),
    );
    const result = await classifier.classify({ text: '家族企业,认同我行文化', lang: 'zh' });
    expect(result.classification).toMatchObject({ type: 'partnership', source: 'rules', llmStatus: 'skipped' });
    expect(fake?.requests).toHaveLength(0);
  });

  it('when-uncertain calls the LLM under the threshold', async () => {
    const classifier = await withFake(
      { kind: 'ok', content: fakeAssessment({ type: 'partnership', confidence: 0.7 }) },
      { mode: 'when-uncertain', threshold: 0.6 },
      rulesResult('transactional', 0.3),
    );
    const result = await classifier.classify({ text: '家族企业,认同我行文化', lang: 'zh' });
    expect(fake?.requests).toHaveLength(1);
    expect(result.classification).toMatchObject({ type: 'partnership', source: 'hybrid', agreement: 'disagree' });
  });

  it('keeps distress from the rules when the LLM disagrees without contrary quotes', async () => {
    const text = '客户上月逾期两期,现金流紧张。';
    const classifier = await withFake(
      { kind: 'ok', content: fakeAssessment({ type: 'strategic', confidence: 0.95 }) },
      {},
      rulesResult('problem_solving', 0.7, { signals: [distressSignal('逾期', 4)] }),
    );
    const result = await classifier.classify({ text, lang: 'zh' });
    expect(result.classification.type).toBe('problem_solving');
    expect(result.classification.llm?.type).toBe('strategic');
  });

  it('end to end with the real rules: a distress note stays problem_solving against a misled LLM', async () => {
    fake = await startFakeOpenAi({
      script: { kind: 'ok', content: fakeAssessment({ type: 'strategic', confidence: 0.99 }) },
    });
    const classifier = createClassifier({ playbook, llm: llmConfig({ apiKey: fake.apiKey, baseUrl: fake.url }) });
    const result = await classifier.classify({ text: '客户上月逾期两期,现金流紧张,申请展期。', lang: 'zh' });
    expect(result.classification.rules.type).toBe('problem_solving');
    expect(result.classification.type).toBe('problem_solving');
    expect(result.classification.secondary).toBe('strategic');
    expect(result.classification.versions.rules).toMatch(/^rules-/);
  });

  it.each<[string, FakeReply, RegExp]>([
    ['429 over the cap', { kind: 'rate_limited', retryAfter: '3600' }, /unavailable/],
    ['500', { kind: 'server_error' }, /unavailable/],
    ['never answers', { kind: 'hang' }, /unavailable/],
    ['closed socket', { kind: 'close_socket' }, /unavailable/],
    ['truncated output', { kind: 'truncated' }, /unusable/],
    ['non-JSON output', { kind: 'non_json' }, /unusable/],
    ['refusal', { kind: 'refusal' }, /declined/],
    ['finish_reason length', { kind: 'length' }, /unusable/],
  ])('%s → rules-only result flagged llm_unavailable with a notice', async (_name, reply, notice) => {
    // Only the hanging server needs a short timeout; the others must answer, even on a loaded CI machine.
    const timeoutMs = reply.kind === 'hang' ? 200 : 5_000;
    const classifier = await withFake(reply, { timeoutMs }, rulesResult('transactional', 0.55));
    const result = await classifier.classify({ text: '小微企业,要快速放款', lang: 'zh' });
    expect(result.classification).toMatchObject({
      type: 'transactional',
      confidence: 0.55,
      source: 'rules',
      llmStatus: 'llm_unavailable',
      llm: null,
    });
    expect(result.classification.notices).toHaveLength(1);
    expect(result.classification.notices[0]?.en).toMatch(notice);
    expect(result.classification.notices[0]?.zh).toMatch(/仅按规则/);
  });

  it('survives an injected assessor that throws', async () => {
    const throwing: LlmAssessor = {
      assess: async () => {
        throw new Error('boom');
      },
    };
    const classifier = createClassifier({
      playbook,
      llm: llmConfig(),
      assessor: throwing,
      classifyRules: () => rulesResult('strategic', 0.5),
    });
    const result = await classifier.classify({ text: 'x', lang: 'en' });
    expect(result.classification.llmStatus).toBe('llm_unavailable');
  });

  it('sends only the head of a very long single note', async () => {
    const classifier = await withFake({ kind: 'ok', content: fakeAssessment() }, {}, rulesResult('strategic', 0.5));
    const note = `HEAD ${'合作多年的大型央企客户。'.repeat(4000)} TAIL`;
    const result = await classifier.classify({ text: note, lang: 'zh' });
    const sent = JSON.parse(fake?.requests[0]?.body.messages[1].content).description as string;
    expect(sent.length).toBe(3000);
    expect(sent.startsWith('HEAD')).toBe(true);
    expect(result.classification.notices.some((n) => /3,000 characters/.test(n.en))).toBe(true);
  });

  it('passes on the rules’ truncation notice for a note over their limit', async () => {
    const classifier = createClassifier({ playbook, llm: llmConfig({ mode: 'off', apiKey: undefined }) });
    const result = await classifier.classify({ text: '小微企业要快速放款。'.repeat(3000), lang: 'zh' });
    expect(result.classification.truncated).toBe(true);
    expect(result.classification.notices.map((n) => n.en)).toEqual([TRUNCATION_NOTICE.en, LLM_OFF_NOTICE.en]);
  });
});
