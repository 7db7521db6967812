import { describe, expect, it } from 'vitest';
import { buildClassificationCard } from '../../handlers/blocks/classification-card.js';
import { teamModelLine } from '../../handlers/blocks/team-line.js';
import { checkBlocks } from '../../playground/emulator/block-limits.js';
import type { CardView } from '../../src/conversation/card.js';
import { defaultPlaybook } from '../../src/domain/playbook.js';
import { UNDECIDED } from '../support/card-fixture.js';

const playbook = defaultPlaybook();
type Team = NonNullable<CardView['team']>;

const team = (over: Partial<Team> = {}): Team => ({
  type: 'transactional',
  confidence: 0.9,
  weight: 0.5,
  decisions: 124,
  version: 'team-nb-1@124',
  changed: true,
  guarded: false,
  similar: [
    { decisionId: 'd1', clientName: 'Orion <Foods>', type: 'transactional', date: '2026-10-02' },
    { decisionId: 'd2', clientName: '华东贸易', type: 'transactional', date: '2026-09-15' },
  ],
  ...over,
});

const card = (over: Partial<CardView> = {}): CardView => ({
  id: 'card1',
  threadKey: 'T1:C1:1.000001',
  lang: 'en',
  clientName: 'Acme',
  clientKind: 'named',
  type: 'transactional',
  secondary: 'strategic',
  confidence: 0.7,
  source: 'rules',
  rulesType: 'strategic',
  signals: [],
  llm: null,
  agreement: null,
  notices: [],
  recommendations: [],
  versions: { playbook: 'p1', rules: 'r1', prompt: null, model: null, teamModel: 'team-nb-1@124' },
  team: team(),
  ...UNDECIDED,
  ...over,
});

const contextTexts = (c: CardView) =>
  buildClassificationCard(c, playbook, { interactive: true })
    .blocks.flatMap((b) => (b.type === 'context' ? b.elements : []))
    .flatMap((e) => ('text' in e && typeof e.text === 'string' ? [e.text] : []));

describe('team model line on the card', () => {
  it('says the team model moved the type, from how many decisions, with similar decisions and /client links', () => {
    const line = teamModelLine(card(), playbook) ?? '';
    expect(line).toContain('Learned from 124 team decisions: moved this to Transactional');
    expect(line).toContain('Orion &lt;Foods&gt; (Transactional, 2026-10-02) `/client Orion &lt;Foods&gt;`');
    expect(line).toContain('华东贸易 (Transactional, 2026-09-15)');
    expect(contextTexts(card())).toContain(line);
    expect(checkBlocks(buildClassificationCard(card(), playbook, { interactive: true }).blocks, 'message')).toBeNull();
  });

  it('says when it agrees, and when the distress guard kept Problem-solving, in Chinese too', () => {
    expect(teamModelLine(card({ team: team({ changed: false }) }), playbook)).toContain('agrees with Transactional');
    const guarded = card({
      lang: 'zh',
      type: 'problem_solving',
      team: team({ type: 'strategic', changed: false, guarded: true, similar: [] }),
    });
    expect(teamModelLine(guarded, playbook)).toBe(
      ':busts_in_silhouette: 参考团队 124 条决定:倾向战略合作型,但当前困境信号保留问题解决型',
    );
  });

  it('is absent while the team model is silent, and on cards stored before it existed', () => {
    expect(teamModelLine(card({ team: team({ weight: 0 }) }), playbook)).toBeNull();
    const { team: _none, ...old } = card();
    expect(teamModelLine(old, playbook)).toBeNull();
    expect(contextTexts(old).some((t) => t.includes('team decisions'))).toBe(false);
  });
});
