import { readFileSync } from 'node:fs';
import { DEFAULT_LEXICON } from '../src/domain/lexicon/index.js';
import { defaultPlaybook } from '../src/domain/playbook.js';
import { redact } from '../src/domain/redact.js';
import { createRulesClassifier } from '../src/domain/rules.js';
import { type CurveCase, learningCurve, seededShuffle } from '../src/domain/team-model/learning-curve.js';
import { TeamModel } from '../src/domain/team-model/model.js';
import { seedExamples } from '../src/domain/team-model/seed-prior.js';
import { RELATIONSHIP_TYPES } from '../src/domain/types.js';

/**
 * `npm run bench -- learning`: the learning curve on text the rules know less well than the text
 * they were tuned on. A team's own wording is unseen by the lexicon; to imitate that without
 * writing new notes, each draw removes a random share of the lexicon's entries and takes a random
 * sample of the labelled real-world notes, then runs `quadrant eval --learning-curve` (5 folds,
 * shuffle seed 1). It prints, per setting, how far the rules fall, what the team model gains with
 * all decisions, how often any point falls more than 0.01 below rules-only, and how often a draw
 * meets both targets (a gain of at least 0.05 with all decisions, no point 0.01 below).
 */

const FILES = ['dev', 'test', 'fresh-dev', 'fresh-holdout'] as const;
/**
 * [share of lexicon entries removed, notes per draw, draws, skewed]. A skewed draw keeps only a
 * twelfth of one type's notes (a different type each draw), as a desk that rarely sees that type.
 */
const SETTINGS: ReadonlyArray<readonly [number, number, number, boolean]> = [
  [0.2, 50, 20, false],
  [0.2, 80, 20, false],
  [0.4, 50, 20, false],
  [0.4, 80, 20, false],
  [0.4, 150, 10, false],
  [0.6, 80, 20, false],
  [0.2, 80, 20, true],
  [0.4, 80, 20, true],
];

/** The notes of one draw: all of them, or all but a twelfth of one type's. */
const poolFor = (all: readonly CurveCase[], draw: number, skewed: boolean): readonly CurveCase[] => {
  if (!skewed) return all;
  const rare = RELATIONSHIP_TYPES[draw % RELATIONSHIP_TYPES.length];
  const keep = Math.round(all.filter((c) => c.label === rare).length / 12);
  let kept = 0;
  return seededShuffle(all, 3000 + draw).filter((c) => c.label !== rare || kept++ < keep);
};

const notes = (): CurveCase[] =>
  FILES.flatMap((name) =>
    readFileSync(new URL(`../eval/real-world/${name}.jsonl`, import.meta.url), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as CurveCase)
      .map((c) => ({ id: c.id, label: c.label, text: redact(c.text) })),
  );

const fmt = (n: number) => `${n >= 0 ? '+' : ''}${n.toFixed(3)}`;

export const run = async (): Promise<void> => {
  const all = notes();
  const seed = seedExamples(defaultPlaybook());
  console.log(`${all.length} labelled real-world notes; each draw: lexicon entries removed at random, a random sample`);
  console.log(
    'removed  notes  types     draws  rules-only      gain with all decisions (mean, min)  gain ≥ 0.05  a point < −0.01  both targets',
  );
  for (const [removed, size, draws, skewed] of SETTINGS) {
    const rules: number[] = [];
    const gains: number[] = [];
    let dips = 0;
    let both = 0;
    for (let draw = 1; draw <= draws; draw++) {
      const entries = seededShuffle(DEFAULT_LEXICON.entries, 1000 + draw).slice(
        Math.round(removed * DEFAULT_LEXICON.entries.length),
      );
      const classify = createRulesClassifier({ ...DEFAULT_LEXICON, entries });
      const cases = seededShuffle(poolFor(all, draw, skewed), 2000 + draw).slice(0, size);
      const curve = learningCurve(cases, {
        folds: 5,
        rules: classify,
        newModel: () => new TeamModel({ rules: classify, seed }),
      });
      rules.push(curve.rulesOnly);
      gains.push((curve.points.at(-1)?.macroF1 ?? 0) - curve.rulesOnly);
      const dipped = curve.points.some((p) => p.macroF1 < curve.rulesOnly - 0.01);
      if (dipped) dips++;
      if (!dipped && (gains.at(-1) ?? 0) >= 0.05) both++;
    }
    const mean = gains.reduce((a, b) => a + b, 0) / gains.length;
    console.log(
      [
        `${Math.round(removed * 100)}%`.padStart(7),
        String(size).padStart(6),
        (skewed ? 'one rare' : 'all').padStart(10),
        String(draws).padStart(6),
        `${Math.min(...rules).toFixed(2)}–${Math.max(...rules).toFixed(2)}`.padStart(11),
        `${fmt(mean)}, ${fmt(Math.min(...gains))}`.padStart(41),
        `${gains.filter((g) => g >= 0.05).length}/${draws}`.padStart(12),
        `${dips}/${draws}`.padStart(16),
        `${both}/${draws}`.padStart(14),
      ].join(''),
    );
  }
};
