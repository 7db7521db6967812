import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { detectLang } from '../domain/lang.js';
import { recommendActions } from '../domain/recommender.js';
import type { HybridClassification, Lang } from '../domain/types.js';
import { buildCliContext, type CliContext } from './context.js';
import { type Command, type CommandIo, UsageError } from './io.js';
import { readLines } from './read-lines.js';
import { renderCard } from './render-card.js';

export const CLASSIFY_HELP = `Usage:
  quadrant classify "TEXT" [--json] [--lang zh|en] [--cycle normal|downturn] [--previous TYPE]
  quadrant classify -            read the description from stdin
  quadrant classify --jsonl      read JSON lines {"id","text"} from stdin, write one JSON line each

Classifies a client relationship as strategic, transactional, partnership or problem_solving,
with the evidence and the playbook actions that fit.`;

const jsonlLine = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
});

const langOption = (value: string | undefined): Lang | undefined => {
  if (value === undefined) return undefined;
  if (value === 'zh' || value === 'en') return value;
  throw new UsageError(`--lang must be zh or en, got "${value}"`);
};

const readAll = async (io: CommandIo) => {
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
};

/** Writes respecting backpressure so 100,000 lines run in constant memory. */
const writeLine = async (io: CommandIo, line: string) => {
  if (!io.stdout.write(`${line}\n`)) await once(io.stdout, 'drain');
};

/** The JSON shape shared by `--json` and `--jsonl`. */
export const toJson = (c: HybridClassification) => ({
  type: c.type,
  confidence: Number(c.confidence.toFixed(3)),
  secondary: c.secondary,
  signals: c.signals.map((s) => ({
    id: s.id,
    type: s.type,
    category: s.category,
    weight: s.weight,
    text: s.text,
    start: s.start,
    end: s.end,
    ...(s.negated ? { negated: true } : {}),
  })),
  source: c.source,
  ...(c.llmStatus === 'llm_unavailable' ? { llm_unavailable: true } : {}),
  ...(c.truncated ? { truncated: true } : {}),
});

const runJsonl = async (ctx: CliContext, io: CommandIo): Promise<number> => {
  let failed = 0;
  const lines = readLines(io.stdin);
  let lineNo = 0;
  for await (const raw of lines) {
    lineNo += 1;
    // A file saved with a byte-order mark (Windows editors, Excel) keeps it on its first line.
    const line = lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (line.trim() === '') continue;
    let id: string | number | null = null;
    try {
      const json: unknown = JSON.parse(line);
      if (json && typeof json === 'object' && 'id' in json) {
        const maybeId = (json as { id: unknown }).id;
        if (typeof maybeId === 'string' || typeof maybeId === 'number') id = maybeId;
      }
      const parsed = jsonlLine.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(`line ${lineNo}: ${issue ? `${issue.path.join('.') || 'line'}: ${issue.message}` : 'invalid'}`);
      }
      const lang = detectLang(parsed.data.text);
      const { classification } = await ctx.classifier.classify({ text: parsed.data.text, lang });
      await writeLine(io, JSON.stringify({ id: parsed.data.id, ...toJson(classification) }));
    } catch (error) {
      failed += 1;
      const message = error instanceof SyntaxError ? `line ${lineNo}: not valid JSON` : (error as Error).message;
      await writeLine(io, JSON.stringify({ id, error: message }));
    }
  }
  return failed > 0 ? 2 : 0;
};

export const runClassifyCommand: Command = async (args, io) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      jsonl: { type: 'boolean', default: false },
      lang: { type: 'string' },
      cycle: { type: 'string', default: 'normal' },
      previous: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout.write(`${CLASSIFY_HELP}\n`);
    return 0;
  }
  const cycle = values.cycle;
  if (cycle !== 'normal' && cycle !== 'downturn')
    throw new UsageError(`--cycle must be normal or downturn, got "${cycle}"`);
  const previous = values.previous;
  if (previous !== undefined && !['strategic', 'transactional', 'partnership', 'problem_solving'].includes(previous)) {
    throw new UsageError(`--previous must be one of strategic, transactional, partnership, problem_solving`);
  }
  const ctx = buildCliContext(io);
  if (values.jsonl) {
    if (positionals.length > 0) throw new UsageError('--jsonl reads from stdin and takes no text argument');
    return runJsonl(ctx, io);
  }
  const text = positionals.length === 1 && positionals[0] === '-' ? await readAll(io) : positionals.join(' ');
  if (text.trim() === '') throw new UsageError('missing the client description: quadrant classify "TEXT"');
  const lang = langOption(values.lang) ?? detectLang(text);
  const { classification } = await ctx.classifier.classify({ text, lang });
  const recommendations = recommendActions(classification, ctx.playbook, {
    cycle,
    previousType: (previous as HybridClassification['type'] | undefined) ?? null,
    preferredIds: classification.llm?.actionIds ?? [],
  });
  if (values.json) {
    io.stdout.write(
      `${JSON.stringify({
        ...toJson(classification),
        missing: classification.missing.map((m) => ({ id: m.id, question: m.question[lang] })),
        actions: recommendations.map((r) => ({ id: r.id, title: r.title[lang], why: r.why[lang] })),
        llm: classification.llm,
        versions: { playbook: ctx.playbook.version, ...classification.versions },
      })}\n`,
    );
    return 0;
  }
  io.stdout.write(renderCard(classification, recommendations, ctx.playbook, { lang, color: io.stdout.isTTY === true }));
  return 0;
};
