import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import {
  type EvalReport,
  type ScoredCase,
  type SliceFigures,
  scoreCases,
  scoreSlices,
} from '../domain/eval-metrics.js';
import { detectLang } from '../domain/lang.js';
import { detectScript, SCRIPTS, type Script } from '../domain/text/script.js';
import { RELATIONSHIP_TYPES } from '../domain/types.js';
import { buildCliContext } from './context.js';
import { formatCalibration, runCalibration } from './eval-calibration.js';
import { formatLearningCurve, runLearningCurve } from './eval-learning.js';
import { runLlmEval } from './eval-llm.js';
import { type Command, type CommandIo, UsageError } from './io.js';

export const EVAL_HELP = `Usage:
  quadrant eval FILE.jsonl [--json] [--llm]
  quadrant eval FILE.jsonl --learning-curve [--folds K] [--seed N] [--json]
  quadrant eval FILE.jsonl --calibration [--folds K] [--json]
Each line: {"text": "...", "label": "strategic|transactional|partnership|problem_solving"}, optionally
"id" (the line number when absent), "lang" (zh-Hans|zh-Hant|en|mixed, detected when absent) and "kind"
(rm_note|news or a kind of your own, rm_note when absent). Labels may be written "Problem-solving".
Prints accuracy, per-type precision/recall/F1, macro-F1, the confusion matrix, the figures by
language and by source kind, and the misses.
--llm compares rules-only, LLM-only and hybrid (needs OPENAI_API_KEY).
--learning-curve simulates a team confirming the cases: K folds (default 5), the held-out fold
scored after 0, 10, 25, 50, 100 and all decisions, rules-only against rules + team model;
--seed N picks another shuffle (default 1).
--json then prints {"rulesOnly": F, "points": [{"decisions": N, "macroF1": F}, ...]}.
--calibration prints, per source (rules, team model), a reliability table and the expected
calibration error (ECE) before and after calibration, cross-fitted over K folds.`;

/** Source kinds an evaluation file may declare; news covers announcements and other published text. */
export const SOURCE_KINDS = ['rm_note', 'news'] as const;
const KIND_NAMES: Record<(typeof SOURCE_KINDS)[number], string> = { rm_note: 'RM note', news: 'news/announcement' };
/** A declared kind's display name; a kind of the file's own (such as "email") is shown as written. */
const kindName = (kind: string | undefined): string =>
  kind === undefined ? KIND_NAMES.rm_note : ((KIND_NAMES as Record<string, string>)[kind] ?? kind);

/** "Problem-solving", "problem solving" and "PROBLEM_SOLVING" all name `problem_solving`. */
const typeName = (value: unknown) =>
  typeof value === 'string'
    ? value
        .trim()
        .toLowerCase()
        .replace(/[\s-]+/g, '_')
    : value;

export const labelledCase = z.object({
  /** Optional: a line without one is named by its line number. */
  id: z.union([z.string(), z.number()]).transform(String).optional(),
  text: z.string().min(1),
  label: z.preprocess(typeName, z.enum(RELATIONSHIP_TYPES)),
  /** zh-Hans, zh-Hant, en or mixed; other values (such as a bare "zh") are detected from the text. */
  lang: z.string().optional(),
  /** Where the text comes from: an RM's own note, or pasted news / an announcement. */
  kind: z.string().optional(),
});
export type LabelledCase = Omit<z.output<typeof labelledCase>, 'id'> & { id: string };

/** Parses a labelled JSONL file; a bad line is a usage error naming the line. */
export const readLabelledCases = async (path: string): Promise<LabelledCase[]> => {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch {
    throw new UsageError(`cannot read ${path}`);
  }
  const cases: LabelledCase[] = [];
  const seen = new Set<string>();
  raw
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((line, index) => {
      if (line.trim() === '') return;
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        throw new UsageError(`${path}:${index + 1}: not valid JSON`);
      }
      const parsed = labelledCase.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new UsageError(
          `${path}:${index + 1}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid'}`.trim(),
        );
      }
      // Ids key the cases (a learning curve scores each once): a missing or repeated one gets the line number.
      const id = parsed.data.id;
      const unique = id === undefined ? `line-${index + 1}` : seen.has(id) ? `${id}#${index + 1}` : id;
      seen.add(unique);
      cases.push({ ...parsed.data, id: unique });
    });
  if (cases.length === 0) throw new UsageError(`${path}: no labelled cases`);
  return cases;
};

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** Rules-only report with the figures by language and by source kind. */
export type RulesEvalReport = EvalReport & {
  byLang: Record<string, SliceFigures>;
  byKind: Record<string, SliceFigures>;
};

const sliceLines = (title: string, slices: Record<string, SliceFigures>): string[] => [
  '',
  title,
  ...Object.entries(slices).map(
    ([name, f]) =>
      `  ${name.padEnd(18)}${String(f.total).padStart(5)} cases   accuracy ${pct(f.accuracy).padStart(6)}   macro-F1 ${f.macroF1.toFixed(3)}`,
  ),
];

/** The human-readable report printed by `quadrant eval`. */
export const formatReport = (report: EvalReport | RulesEvalReport, texts: Map<string, string>): string => {
  const lines = [
    `cases: ${report.total}   accuracy: ${pct(report.accuracy)}   macro-F1: ${report.macroF1.toFixed(3)}`,
    '',
    'type              precision  recall   F1     support',
    ...RELATIONSHIP_TYPES.map((type) => {
      const m = report.perType[type];
      return `${type.padEnd(18)}${m.precision.toFixed(3).padStart(9)}${m.recall.toFixed(3).padStart(8)}${m.f1.toFixed(3).padStart(7)}${String(m.support).padStart(10)}`;
    }),
    '',
    'confusion (rows: label, columns: predicted)',
    `${''.padEnd(18)}${RELATIONSHIP_TYPES.map((t) => t.slice(0, 12).padStart(14)).join('')}`,
    ...RELATIONSHIP_TYPES.map(
      (label) =>
        `${label.padEnd(18)}${RELATIONSHIP_TYPES.map((p) => String(report.confusion[label][p]).padStart(14)).join('')}`,
    ),
  ];
  if ('byLang' in report) {
    lines.push(...sliceLines('by language', report.byLang), ...sliceLines('by source kind', report.byKind));
  }
  if (report.misses.length > 0) {
    lines.push('', `misses (${report.misses.length}):`);
    for (const miss of report.misses) {
      const text = (texts.get(miss.id) ?? '').replace(/\s+/g, ' ');
      lines.push(
        `  ${miss.id}: ${miss.label} → ${miss.predicted}  ${text.length > 90 ? `${text.slice(0, 90)}…` : text}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
};

type SlicedCase = ScoredCase & { lang: string; kind: string };

const isScript = (value: string | undefined): value is Script => (SCRIPTS as readonly string[]).includes(value ?? '');

const evaluateRules = async (cases: LabelledCase[], io: CommandIo): Promise<RulesEvalReport> => {
  const ctx = buildCliContext(io);
  const scored: SlicedCase[] = [];
  for (const c of cases) {
    const { classification } = await ctx.classifier.classify({ text: c.text, lang: detectLang(c.text) });
    scored.push({
      id: c.id,
      label: c.label,
      predicted: classification.type,
      lang: isScript(c.lang) ? c.lang : detectScript(c.text),
      kind: kindName(c.kind),
    });
  }
  const report = scoreCases(scored.map(({ id, label, predicted }) => ({ id, label, predicted })));
  return {
    ...report,
    byLang: scoreSlices(scored, (c) => c.lang),
    byKind: scoreSlices(scored, (c) => c.kind),
  };
};

export const runEvalCommand: Command = async (args, io) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      llm: { type: 'boolean', default: false },
      'learning-curve': { type: 'boolean', default: false },
      calibration: { type: 'boolean', default: false },
      folds: { type: 'string' },
      seed: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout.write(`${EVAL_HELP}\n`);
    return 0;
  }
  const [path, ...rest] = positionals;
  if (path === undefined) throw new UsageError('missing FILE: quadrant eval FILE.jsonl');
  if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`);
  const folds = values.folds === undefined ? 5 : Number(values.folds);
  if (!Number.isInteger(folds) || folds < 2 || folds > 50)
    throw new UsageError('--folds must be an integer from 2 to 50');
  if (values.folds !== undefined && !values['learning-curve'] && !values.calibration)
    throw new UsageError('--folds needs --learning-curve or --calibration');
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 32 - 1)
    throw new UsageError('--seed must be a non-negative integer');
  if (values.seed !== undefined && !values['learning-curve']) throw new UsageError('--seed needs --learning-curve');
  const cases = await readLabelledCases(path);
  if (values.calibration) {
    const results = runCalibration(cases, buildCliContext(io).playbook, folds);
    io.stdout.write(values.json ? `${JSON.stringify(results)}\n` : formatCalibration(results));
    return 0;
  }
  if (values['learning-curve']) {
    const curve = runLearningCurve(cases, buildCliContext(io).playbook, { folds, seed });
    io.stdout.write(
      values.json
        ? `${JSON.stringify({ rulesOnly: curve.rulesOnly, points: curve.points })}\n`
        : formatLearningCurve(curve),
    );
    return 0;
  }
  if (values.llm) {
    const ctx = buildCliContext(io);
    await runLlmEval(cases, {
      classifierDeps: { playbook: ctx.playbook, llm: ctx.config.llm },
      io,
      json: values.json,
    });
    return 0;
  }
  const report = await evaluateRules(cases, io);
  io.stdout.write(
    values.json ? `${JSON.stringify(report)}\n` : formatReport(report, new Map(cases.map((c) => [c.id, c.text]))),
  );
  return 0;
};
