import { describe, expect, it } from 'vitest';
import { combineClassifications } from '../../../src/domain/combiner.js';
import { defaultPlaybook } from '../../../src/domain/playbook.js';
import { classifyWithRules } from '../../../src/domain/rules.js';
import { applyTeamOpinion } from '../../../src/domain/team-model/apply.js';
import { blendWithTeam, distributionOf } from '../../../src/domain/team-model/blend.js';
import { featuresOf, stem } from '../../../src/domain/team-model/features.js';
import { TEAM_MODEL_POLICY, type TeamDecision, TeamModel, weightUnder } from '../../../src/domain/team-model/model.js';
import { seedExamples } from '../../../src/domain/team-model/seed-prior.js';
import { distressSignal, rulesResult } from '../../llm/helpers.js';
import { jargonCases } from './jargon-corpus.js';

const seed = seedExamples(defaultPlaybook());
const newModel = () => new TeamModel({ rules: classifyWithRules, seed });
const confirmed = (c: { text: string; label: TeamDecision['type'] }): TeamDecision => ({
  description: c.text,
  type: c.label,
  suggestedType: c.label,
  source: 'rules',
});

describe('featuresOf', () => {
  it('reads Chinese as character unigrams and bigrams and English as stemmed words and pairs', () => {
    const f = featuresOf('逾期两期. Missed payments, defaulted');
    expect(f).toEqual(
      expect.arrayContaining(['逾期', '期两', '逾', 'w:miss', 'w:payment', 'w:miss payment', 'w:default']),
    );
    expect(f).not.toContain('w:payment defaulted');
  });

  it('is a set, ignores numbers and case and folds full-width forms', () => {
    const f = featuresOf('ＡＡＡ AAA aaa 2026 合作 合作');
    expect(f.filter((x) => x === 'w:aaa')).toHaveLength(1);
    expect(f.some((x) => /\d/.test(x))).toBe(false);
    expect(f.filter((x) => x === '合作')).toHaveLength(1);
  });

  it('stems only long enough words', () => {
    expect(stem('restructuring')).toBe('restructur');
    expect(stem('companies')).toBe('company');
    expect(stem('bus')).toBe('bus');
  });

  it('applies the canonical form before features (traditional → simplified plugs in here)', () => {
    const toSimplified = (s: string) => s.replace(/債/g, '债').replace(/務/g, '务');
    expect(featuresOf('債務重組', toSimplified)).toContain('债务');
  });
});

describe('TeamModel', () => {
  it('starts from the seed prior: the article’s own words lean to their type', () => {
    const model = newModel();
    expect(model.opinion('客户信用评级较高、财务状况稳定,双方长期合作,共同目标和战略规划').type).toBe('strategic');
    expect(model.decisions).toBe(0);
    expect(model.version).toBe('team-nb-6@0');
  });

  it('proposes only the types the team has decided often enough, not one it knows from the seed alone', () => {
    const trustNote = '家族企业,老板高度认同我行品牌和文化,信任驱动,忠诚度高,需要增值服务';
    // A fresh model has decided nothing: the seed prior speaks for every type.
    expect(newModel().opinion(trustNote).type).toBe('partnership');
    const model = newModel();
    const otherTypes = jargonCases(120).filter((c) => c.label !== 'partnership');
    for (const c of otherTypes.slice(0, 40)) model.learn(confirmed(c));
    expect(model.distribution(trustNote).partnership).toBe(0);
    expect(model.opinion(trustNote).type).not.toBe('partnership');
    const partnershipNotes = jargonCases(120).filter((c) => c.label === 'partnership');
    for (const c of partnershipNotes.slice(0, TEAM_MODEL_POLICY.minTypeDecisions - 1)) model.learn(confirmed(c));
    expect(model.distribution(trustNote).partnership).toBe(0);
    model.learn(
      confirmed(partnershipNotes[TEAM_MODEL_POLICY.minTypeDecisions - 1] as (typeof partnershipNotes)[number]),
    );
    expect(model.distribution(trustNote).partnership).toBeGreaterThan(0);
  });

  it('learns a team’s shorthand from its decisions', () => {
    const model = newModel();
    for (const c of jargonCases(80)) model.learn(confirmed(c));
    const heldOut = jargonCases(40, 1000);
    const right = heldOut.filter((c) => model.opinion(c.text).type === c.label).length;
    expect(right / heldOut.length).toBeGreaterThan(0.9);
    expect(model.version).toBe('team-nb-6@80');
  });

  it('counts an override more than a confirmation', () => {
    const text = '本周拜访,快单通道';
    const a = newModel();
    const b = newModel();
    a.learn({ description: text, type: 'transactional', suggestedType: 'transactional', source: 'rules' });
    b.learn({ description: text, type: 'transactional', suggestedType: 'strategic', source: 'manager_override' });
    expect(b.distribution('快单通道').transactional).toBeGreaterThan(a.distribution('快单通道').transactional);
  });

  it('is silent with few decisions, then earns a say when it predicts the team better than the rules', () => {
    const model = newModel();
    const cases = jargonCases(120);
    for (const c of cases.slice(0, TEAM_MODEL_POLICY.minDecisions - 1)) model.learn(confirmed(c));
    expect(model.weight).toBe(0);
    for (const c of cases.slice(TEAM_MODEL_POLICY.minDecisions - 1)) model.learn(confirmed(c));
    expect(model.weight).toBeGreaterThan(0);
    const records = model.prequential();
    expect(records).toHaveLength(120);
    const late = records.slice(60);
    expect(late.filter((r) => r.hybrid.type === r.label).length).toBeGreaterThan(
      late.filter((r) => r.rules.type === r.label).length,
    );
  });

  it('ignores a bad team model: a misleading prior never earns weight when the rules are right', () => {
    const notes = [
      '央企集团,AAA评级,与我行合作十年,希望签署战略合作协议,定制化融资方案',
      'Small trading firm needs a working capital loan this week and is comparing rates at three banks',
      '家族企业,二十年只在我行开户,老板认同我行文化,二代接班后继续合作',
      'The developer missed two interest payments, cash flow is broken, and asks for an extension',
    ];
    const labels = notes.map((n) => classifyWithRules(n).type);
    expect(labels).toEqual(['strategic', 'transactional', 'partnership', 'problem_solving']);
    // Poisoned prior: every note taught with the wrong type, many times over.
    const poisoned = Array.from({ length: 30 }, (_, i) => ({
      text: notes[i % 4] as string,
      label: labels[(i + 1) % 4] as TeamDecision['type'],
    }));
    const model = new TeamModel({ rules: classifyWithRules, seed: poisoned });
    for (let i = 0; i < 60; i++) {
      const text = `${notes[i % 4]}(第${i}次)`;
      const label = labels[i % 4] as TeamDecision['type'];
      expect(model.opinion(text).type === label && i < 4).toBe(false);
      model.learn({ description: text, type: label, suggestedType: label, source: 'rules' });
    }
    expect(model.weight).toBe(0);
    for (const [i, note] of notes.entries()) {
      const rules = classifyWithRules(note);
      expect(blendWithTeam(rules, model.distribution(note), model.weight).type).toBe(labels[i]);
    }
  });

  const confidentNotes = [
    '央企集团,AAA评级,与我行合作十年,希望签署战略合作协议,定制化融资方案',
    'Small trading firm needs a working capital loan this week and is comparing rates at three banks',
    '家族企业,二十年只在我行开户,老板认同我行文化,二代接班后继续合作',
    'The developer missed two interest payments, cash flow is broken, and asks for an extension',
  ];
  /** Notes where the rules found nothing and guessed wrong. */
  const missedByRules = jargonCases(200).filter((c) => {
    const rules = classifyWithRules(c.text);
    return rules.confidence === 0 && rules.type !== c.label;
  });
  const override = (c: (typeof missedByRules)[number]): TeamDecision => ({
    description: c.text,
    type: c.label,
    suggestedType: classifyWithRules(c.text).type,
    source: 'manager_override',
  });
  /** A small log: `minDecisions` decisions the rules get right with confidence, then `missed` the rules got wrong. */
  const smallLog = (model: TeamModel, missed: number) => {
    for (let i = 0; i < TEAM_MODEL_POLICY.minDecisions; i++) {
      const text = `${confidentNotes[i % 4]}(第${i}次)`;
      const type = classifyWithRules(text).type;
      model.learn({ description: text, type, suggestedType: type, source: 'rules' });
    }
    for (const c of missedByRules.slice(0, missed)) model.learn(override(c));
  };

  it('on a small log, an accurate model that leads where the rules are unsure gets a say there only', () => {
    // A team model that already knows the team's shorthand (from its prior).
    const model = new TeamModel({ rules: classifyWithRules, seed: [...seed, ...jargonCases(40, 1000)] });
    smallLog(model, 0);
    // No lead yet: it speaks only where the rules found no cue at all.
    expect(model.say).toEqual({ weight: 1, below: TEAM_MODEL_POLICY.noCue.below });
    for (const note of confidentNotes) expect(model.weightFor(classifyWithRules(note))).toBe(0);
    smallLog(model, 3);
    expect(model.decisions).toBeLessThan(70);
    expect(model.say).toEqual({ weight: 1, below: 0.35 });
    for (const note of confidentNotes) expect(model.weightFor(classifyWithRules(note))).toBe(0);
    expect(model.weightFor(classifyWithRules(missedByRules[5]?.text ?? ''))).toBe(1);
    const next = missedByRules[5] as (typeof missedByRules)[number];
    expect(
      blendWithTeam(
        classifyWithRules(next.text),
        model.distribution(next.text),
        model.weightFor(classifyWithRules(next.text)),
      ).type,
    ).toBe(next.label);
  });

  it('a model right more often than not, far from perfect, gets the unsure-zone say on a log of a few dozen decisions', () => {
    // Nothing of the shorthand in its prior: it learns the team's language from the decisions alone.
    const model = newModel();
    const log = jargonCases(30);
    for (const c of log) {
      const rules = classifyWithRules(c.text);
      model.learn({
        description: c.text,
        type: c.label,
        suggestedType: rules.type,
        source: rules.type === c.label ? 'rules' : 'manager_override',
      });
    }
    const records = model.prequential();
    const teamRight = records.filter((r) => r.team.type === r.label).length / records.length;
    expect(teamRight).toBeGreaterThan(0.5);
    expect(teamRight).toBeLessThan(0.75);
    expect(model.say).toEqual({ weight: 1, below: 0.35 });
    // On notes it never saw, it decides only where the rules are unsure, and is right more often there.
    const unseen = jargonCases(80, 500);
    let rulesRight = 0;
    let hybridRight = 0;
    for (const c of unseen) {
      const rules = classifyWithRules(c.text);
      const hybrid = blendWithTeam(rules, model.distribution(c.text), model.weightFor(rules));
      if (rules.confidence >= 0.35) expect(hybrid.type).toBe(rules.type);
      rulesRight += rules.type === c.label ? 1 : 0;
      hybridRight += hybrid.type === c.label ? 1 : 0;
    }
    expect(hybridRight).toBeGreaterThan(rulesRight);
  });

  it('gives an inaccurate model no free hand where the rules are unsure, and never over confident rules', () => {
    // Knows the shorthand, but was taught the wrong type for everything the rules get right.
    const labels = confidentNotes.map((n) => classifyWithRules(n).type);
    const misleading = Array.from({ length: 30 }, (_, i) => ({
      text: confidentNotes[i % 4] as string,
      label: labels[(i + 1) % 4] as TeamDecision['type'],
    }));
    const model = new TeamModel({ rules: classifyWithRules, seed: [...seed, ...jargonCases(40, 1000), ...misleading] });
    smallLog(model, 6);
    const records = model.prequential();
    expect(records.filter((r) => r.team.type === r.label && r.rules.type !== r.label).length).toBeGreaterThan(3);
    // It leads where the rules are unsure, but is wrong more often than right overall.
    expect(records.filter((r) => r.team.type === r.label).length).toBeLessThan(records.length / 2);
    // Six clean wins are a significant lead, but only for a weight too small to move confident rules;
    // the unsure-zone say, which follows the team model outright, needs an accurate model.
    expect(model.say).not.toEqual({ weight: 1, below: 0.35 });
    expect(model.weight).toBeLessThanOrEqual(0.25);
    for (const note of confidentNotes) {
      const rules = classifyWithRules(note);
      expect(blendWithTeam(rules, model.distribution(note), model.weightFor(rules)).type).toBe(rules.type);
    }
  });

  it('without a lead anywhere, an accurate model fills in only where the rules found no cue', () => {
    // Rules that find nothing in this team's shorthand (a fallback type at confidence 0), and cues
    // at 0.3 in its plain notes, which they read right: no candidate ever wins over them.
    const shorthand = jargonCases(60);
    const rules = (text: string) =>
      text.startsWith('plain') ? rulesResult('transactional', 0.3) : rulesResult('strategic', 0);
    const model = new TeamModel({ rules, seed: [...seed, ...jargonCases(40, 1000)] });
    for (const [i, c] of shorthand.entries()) {
      // The shorthand notes the team confirms are the fallback's own type; the plain ones are transactional.
      if (c.label === 'strategic') model.learn(confirmed(c));
      model.learn(confirmed({ text: `plain working capital loan ${i}`, label: 'transactional' }));
    }
    const records = model.prequential();
    expect(records.every((r) => r.hybrid.type === r.rules.type)).toBe(true); // nothing to win
    expect(records.filter((r) => r.team.type === r.label).length).toBeGreaterThan(records.length * 0.7);
    expect(model.say).toEqual({ weight: 1, below: TEAM_MODEL_POLICY.noCue.below });
    const unseen = jargonCases(40, 500).find((c) => c.label !== 'strategic' && model.opinion(c.text).type === c.label);
    expect(unseen).toBeDefined();
    const note = unseen?.text ?? '';
    expect(model.weightFor(rules(note))).toBe(1);
    expect(blendWithTeam(rules(note), model.distribution(note), model.weightFor(rules(note))).type).toBe(unseen?.label);
    expect(model.weightFor(rules('plain working capital loan 99'))).toBe(0);
  });

  it('earns the wider zone where the rules are middling and wrong, and still leaves their confident answers alone', () => {
    // Rules that read this team's family-office notes as transactional at 0.45, and its plain loans right at 0.9.
    const familyNote = (i: number) => `family office ${i}: the elders and heirs meet us at the estate salon`;
    const loanNote = (i: number) => `quick working capital loan ${i} priced against two other lenders`;
    const rules = (text: string) =>
      text.startsWith('family') ? rulesResult('transactional', 0.45) : rulesResult('transactional', 0.9);
    const model = new TeamModel({ rules, seed });
    for (let i = 0; i < 24; i++) {
      for (const [text, label] of [
        [familyNote(i), 'partnership'],
        [loanNote(i), 'transactional'],
      ] as const) {
        model.learn({
          description: text,
          type: label,
          suggestedType: 'transactional',
          source: label === 'transactional' ? 'rules' : 'manager_override',
        });
      }
    }
    // No note falls under 0.35, so only the wider zone has a record to stand on.
    expect(model.say).toEqual({ weight: 1, below: 0.5 });
    const family = familyNote(99);
    expect(blendWithTeam(rules(family), model.distribution(family), model.weightFor(rules(family))).type).toBe(
      'partnership',
    );
    const loan = loanNote(99);
    expect(model.weightFor(rules(loan))).toBe(0);
  });

  it('learns a systematic error of confident rules, with a say over every card once its lead is significant', () => {
    // This team files its state-owned group accounts under partnership, whatever the rules say.
    const notes = [
      '央企集团,AAA评级,与我行合作十年,希望签署战略合作协议,定制化融资方案',
      '省属国企集团,评级AAA,双方签署全面战略合作协议,综合授信',
      'Group signed a strategic cooperation agreement with us: AAA rated, long-term comprehensive credit line',
    ];
    for (const note of notes) {
      expect(classifyWithRules(note).type).toBe('strategic');
      expect(classifyWithRules(note).confidence).toBeGreaterThanOrEqual(0.5);
    }
    const model = newModel();
    for (let i = 0; i < 40; i++) {
      const text = `${notes[i % notes.length]}(第${i}次)`;
      model.learn({ description: text, type: 'partnership', suggestedType: 'strategic', source: 'manager_override' });
    }
    expect(model.say.below).toBeGreaterThan(1);
    expect(model.say.weight).toBeGreaterThan(0);
    const fresh = `${notes[0]}(新)`;
    const rules = classifyWithRules(fresh);
    expect(blendWithTeam(rules, model.distribution(fresh), model.weightFor(rules)).type).toBe('partnership');
  });

  it('gives the same model, fingerprint and version when the same decisions are learned again (rebuild)', () => {
    const a = newModel();
    const b = newModel();
    const cases = jargonCases(50);
    for (const c of cases) a.learn(confirmed(c));
    for (const c of cases) b.learn(confirmed(c));
    expect(b.fingerprint()).toBe(a.fingerprint());
    expect(b.version).toBe(a.version);
    const c2 = newModel();
    for (const c of [...cases].reverse()) c2.learn(confirmed(c));
    expect(c2.fingerprint()).not.toBe(a.fingerprint());
  });
});

describe('a say limited to where the base is unsure', () => {
  const hybrid = (rules: ReturnType<typeof rulesResult>) =>
    combineClassifications({
      rules,
      llm: null,
      llmStatus: 'off',
      text: 'x',
      notices: [],
      versions: { prompt: null, model: null },
    });
  const strategicTeam = { strategic: 0.97, transactional: 0.01, partnership: 0.01, problem_solving: 0.01 };
  const opinion = {
    type: 'strategic' as const,
    confidence: 0.97,
    distribution: strategicTeam,
    weight: 1,
    speaksBelow: 0.35,
    decisions: 80,
    version: 'team-nb-6@80',
  };

  it('gives the weight below the threshold and nothing at or above it', () => {
    expect(weightUnder({ weight: 0.5, below: 0.35 }, { confidence: 0.2 })).toBe(0.5);
    expect(weightUnder({ weight: 0.5, below: 0.35 }, { confidence: 0.35 })).toBe(0);
    expect(weightUnder({ weight: 0.75, below: 2 }, { confidence: 0.99 })).toBe(0.75);
  });

  it('leaves a confident base untouched and silent, and moves an unsure one', () => {
    const confident = applyTeamOpinion(hybrid(rulesResult('transactional', 0.6)), opinion, []);
    expect(confident).toMatchObject({ type: 'transactional', confidence: 0.6 });
    expect(confident.team).toMatchObject({ weight: 0, changed: false, similar: [] });
    const unsure = applyTeamOpinion(hybrid(rulesResult('transactional', 0.2)), opinion, []);
    expect(unsure.type).toBe('strategic');
    expect(unsure.team).toMatchObject({ weight: 1, changed: true });
  });

  it('keeps the distress guard inside the zone', () => {
    const base = rulesResult('problem_solving', 0.3, { signals: [distressSignal('逾期', 4)] });
    const out = applyTeamOpinion(hybrid(base), opinion, []);
    expect(out.type).toBe('problem_solving');
    expect(out.team).toMatchObject({ guarded: true });
  });
});

describe('blendWithTeam', () => {
  const strategicTeam = { strategic: 0.97, transactional: 0.01, partnership: 0.01, problem_solving: 0.01 };

  it('keeps the base with weight 0 and follows a confident team model with full weight', () => {
    const base = rulesResult('transactional', 0.6);
    expect(blendWithTeam(base, strategicTeam, 0).type).toBe('transactional');
    expect(blendWithTeam(base, strategicTeam, 1)).toMatchObject({ type: 'strategic', guarded: false });
  });

  it('distress guard: the team model cannot overrule current, non-negated distress', () => {
    const base = rulesResult('problem_solving', 0.55, { signals: [distressSignal('逾期', 4)] });
    expect(blendWithTeam(base, strategicTeam, 1)).toMatchObject({ type: 'problem_solving', guarded: true });
  });

  it('a negated distress signal does not lock the type', () => {
    const negated = { ...distressSignal('逾期', 0), negated: true };
    const base = rulesResult('problem_solving', 0.4, { signals: [negated] });
    expect(blendWithTeam(base, strategicTeam, 1)).toMatchObject({ type: 'strategic', guarded: false });
  });

  it('turns a classification into a distribution that sums to one', () => {
    const d = distributionOf(rulesResult('partnership', 0.7));
    expect(d.partnership).toBeCloseTo(0.7);
    expect(Object.values(d).reduce((a, b) => a + b, 0)).toBeCloseTo(1);
  });
});
