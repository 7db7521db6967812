import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildClassificationCard } from '../../handlers/blocks/classification-card.js';
import { buildClientTimeline } from '../../handlers/blocks/client-timeline.js';
import { buildFollowUpMessage } from '../../handlers/blocks/follow-up.js';
import { bar, buildHomeView } from '../../handlers/blocks/home.js';
import { buildChangeTypeModal, buildShareModal } from '../../handlers/blocks/modals.js';
import { buildPlaybookGlance, buildPlaybookModal, buildPlaybookSearch } from '../../handlers/blocks/playbook.js';
import { checkBlocks, checkView } from '../../playground/emulator/block-limits.js';
import type { CardView } from '../../src/conversation/card.js';
import { defaultPlaybook, searchPlaybook } from '../../src/domain/playbook.js';
import { RELATIONSHIP_TYPES } from '../../src/domain/types.js';
import type { Decision } from '../../src/store/ports.js';
import { UNDECIDED } from '../support/card-fixture.js';

const playbook = defaultPlaybook();

const card = (over: Partial<CardView> = {}): CardView => ({
  id: 'card1',
  threadKey: 'T1:C1:1.000001',
  lang: 'en',
  clientName: 'Huaneng Power',
  clientKind: 'named',
  type: 'strategic',
  secondary: 'partnership',
  confidence: 0.82,
  source: 'hybrid',
  rulesType: 'strategic',
  signals: [
    { id: 'segment.soe', type: 'strategic', category: 'segment', weight: 2, text: 'state-owned', start: 0, end: 11 },
  ],
  llm: { type: 'partnership', confidence: 0.6, rationale: 'Co-investment history.' },
  agreement: 'disagree',
  notices: [],
  recommendations: [
    {
      id: 'strategic.dedicated-team',
      title: { zh: '专属团队', en: 'Dedicated team' },
      why: { zh: '因为', en: 'because' },
    },
  ],
  versions: { playbook: 'p1', rules: 'r1', prompt: 'v3', model: 'gpt-x' },
  ...UNDECIDED,
  ...over,
});

const hostile = fc.string({ unit: 'grapheme', maxLength: 6000 }).map((s) => `<!channel> <@U1> ${s} <https://x|y> &`);

describe('classification card', () => {
  it('shows type with its name and emoji, confidence, secondary, evidence, agreement, actions, and versions in the small print', () => {
    const { blocks, text } = buildClassificationCard(card(), playbook, { interactive: true });
    const json = JSON.stringify(blocks);
    expect(json).toContain(':classical_building: Long-term strategic cooperation');
    expect(json).not.toContain('基于长期战略');
    expect(json).toContain('82%');
    expect(json).toContain('Partnership');
    expect(json).toContain('“state-owned”');
    expect(json).toContain('Rules and LLM disagree');
    // Action ids are for the log, not for the RM.
    expect(json).not.toContain('strategic.dedicated-team`');
    expect(json).toContain('Dedicated team');
    const small = blocks.at(-1);
    expect(small?.type).toBe('context');
    expect(JSON.stringify(small)).toContain('prompt v3 · model gpt-x');
    expect(json).toContain('card_confirm');
    expect(text).toContain('Huaneng Power');
    expect(checkBlocks(blocks, 'message')).toBeNull();
  });

  it('says "rules only" without a model, and after a decision offers no second Confirm', () => {
    const decided = card({
      llm: null,
      agreement: null,
      versions: { playbook: 'p', rules: 'r', prompt: null, model: null },
      decision: {
        id: 'D01',
        userId: 'URM',
        type: 'partnership',
        source: 'manager_override',
        reason: 'they co-invest',
        at: '2026-11-28T10:00:00.000Z',
      },
    });
    const json = JSON.stringify(buildClassificationCard(decided, playbook, { interactive: true }).blocks);
    expect(json).toContain('rules only');
    expect(json).toContain('<@URM> changed the type to *Partnership*');
    expect(json).toContain('decision D01');
    expect(json).not.toContain('card_confirm');
  });

  it('is in Chinese for a Chinese card', () => {
    const json = JSON.stringify(buildClassificationCard(card({ lang: 'zh' }), playbook, { interactive: true }).blocks);
    expect(json).toContain('置信度');
    expect(json).toContain('规则与大模型不一致');
  });

  it('always fits Block Kit limits and never lets user or model text inject mentions or links', () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, fc.constantFrom(...RELATIONSHIP_TYPES), (name, span, rationale, type) => {
        const signals = Array.from({ length: 12 }, (_, i) => ({
          id: `s${i}`,
          type,
          category: 'needs' as const,
          weight: 1,
          text: span,
          start: 0,
          end: span.length,
        }));
        const view = card({ clientName: name, signals, llm: { type, confidence: 0.5, rationale }, type });
        for (const interactive of [true, false]) {
          const { blocks } = buildClassificationCard(view, playbook, { interactive, sharedBy: 'U2' });
          expect(checkBlocks(blocks, 'message')).toBeNull();
          const json = JSON.stringify(blocks);
          expect(json).not.toContain('<!channel>');
          expect(json).not.toContain('<@U1>');
          expect(json).not.toContain('<https://x');
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('other builders', () => {
  it('follow-up: yes/no quick replies only for yes/no questions, classify-now always', () => {
    const yesNo = JSON.stringify(
      buildFollowUpMessage(
        { id: 'distress', question: 'Overdue?', yesNo: true, choices: [], number: 1, lang: 'zh' },
        'k',
      ).blocks,
    );
    expect(yesNo).toContain('followup_yes');
    expect(yesNo).toContain('直接分类');
    const open = JSON.stringify(
      buildFollowUpMessage(
        { id: 'history', question: 'How long?', yesNo: false, choices: [], number: 2, lang: 'en' },
        'k',
      ).blocks,
    );
    expect(open).not.toContain('followup_yes');
    expect(open).toContain('Classify now');
  });

  it('playbook glance, search and modal fit their limits', () => {
    expect(checkBlocks(buildPlaybookGlance(playbook, 'en').blocks, 'message')).toBeNull();
    const found = buildPlaybookSearch(playbook, 'a', searchPlaybook(playbook, 'a'), 'zh');
    expect(checkBlocks(found.blocks, 'message')).toBeNull();
    for (const type of RELATIONSHIP_TYPES) expect(checkView(buildPlaybookModal(playbook, type, 'zh'))).toBeNull();
  });

  it('modals fit their limits, with metadata under 3,000 characters', () => {
    const meta = {
      threadKey: 'T:C:1.1',
      cardId: 'c',
      type: 'partnership' as const,
      responseUrl: `https://hooks/${'x'.repeat(200)}`,
    };
    expect(checkView(buildChangeTypeModal(playbook, meta, 'en'))).toBeNull();
    expect(checkView(buildShareModal(meta, 'zh'))).toBeNull();
  });

  const decision = (i: number, over: Partial<Decision> = {}): Decision =>
    ({
      id: `D${i}`,
      clientId: 'orion',
      clientName: 'Orion <!here>',
      type: 'transactional',
      createdAt: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
      userId: 'URM',
      source: 'rules',
      reason: null,
      ...over,
    }) as Decision;

  it('timeline highlights type changes and stays within 50 blocks for long histories', () => {
    const history = Array.from({ length: 120 }, (_, i) =>
      decision(
        i,
        i === 119
          ? {
              type: 'problem_solving',
              transition: { from: 'transactional', to: 'problem_solving' },
              reason: '<!channel> overdue',
            }
          : {},
      ),
    );
    const { blocks } = buildClientTimeline('orion', history, playbook, 'en');
    expect(checkBlocks(blocks, 'message')).toBeNull();
    const json = JSON.stringify(blocks);
    expect(json).toContain('Type changed');
    expect(json).toContain('&lt;!channel&gt;');
    const idBlocks = blocks.filter((b) => b.type === 'context' && JSON.stringify(b).includes('ID D119'));
    expect(idBlocks).toHaveLength(1);
    expect(json).not.toContain('`D119`');
  });

  it('home view: bars proportional to counts, settings by role', () => {
    expect(bar(10, 10)).toHaveLength(20);
    expect(bar(5, 10)).toHaveLength(10);
    expect(bar(1, 1000)).toBe('▏');
    expect(bar(0, 10)).toBe('');
    const data = {
      lang: 'en' as const,
      recent: Array.from({ length: 30 }, (_, i) => decision(i)),
      distribution: { strategic: 3, transactional: 10, partnership: 0, problem_solving: 1 },
      changes: Array.from({ length: 30 }, (_, i) =>
        decision(i, { transition: { from: 'strategic', to: 'transactional' } }),
      ),
      settings: { lang: 'auto' as const, cycle: 'downturn' as const },
      isAdmin: false,
    };
    const view = buildHomeView(data, playbook);
    expect(checkView(view)).toBeNull();
    expect(JSON.stringify(view)).toContain('Downturn');
    expect(JSON.stringify(view)).not.toContain('home_cycle');
    expect(JSON.stringify(buildHomeView({ ...data, isAdmin: true }, playbook))).toContain('home_cycle');
  });
});
