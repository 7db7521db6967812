import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { z } from 'zod';
import { detectLang } from '../domain/lang.js';
import { recommendActions } from '../domain/recommender.js';
import type { HybridClassification, Lang } from '../domain/types.js';
import { buildCliContext, type CliContext } from './context.js';
import { type Command, type CommandIo, UsageError } from './io.js';
import { readLineBatches } from './read-lines.js';
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
const writeChunk = async (io: CommandIo, bytes: Buffer) => {
  if (!io.stdout.write(bytes)) await once(io.stdout, 'drain');
};

/**
 * A batch's answers as UTF-8 bytes. Each line's JSON is encoded as soon as it is made, so the
 * string dies young; the bytes live outside the JS heap until the pipe has taken them.
 */
class OutputBatch {
  private buffer = Buffer.allocUnsafe(256 * 1024);
  private length = 0;

  add(line: string): void {
    const needed = Buffer.byteLength(line) + 1;
    if (this.length + needed > this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + needed));
      this.buffer.copy(grown, 0, 0, this.length);
      this.buffer = grown;
    }
    this.length += this.buffer.write(line, this.length);
    this.buffer[this.length] = 0x0a;
    this.length += 1;
  }

  /** A copy of the bytes so far (the stream may hold it after `write` returns); empties the batch. */
  take(): Buffer | null {
    if (this.length === 0) return null;
    const bytes = Buffer.from(this.buffer.subarray(0, this.length));
    this.length = 0;
    return bytes;
  }
}

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

/** A JSONL input line checked against {"id","text"}; throws on bad input. */
const parseJsonlLine = (line: string, lineNo: number): { id: string | number; text: string } => {
  const json: unknown = JSON.parse(line);
  const parsed = jsonlLine.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`line ${lineNo}: ${issue ? `${issue.path.join('.') || 'line'}: ${issue.message}` : 'invalid'}`);
  }
  return parsed.data;
};

/** The id to echo on an error line: the input's own id when it has a usable one. */
const idOf = (line: string): string | number | null => {
  try {
    const json: unknown = JSON.parse(line);
    if (json && typeof json === 'object' && 'id' in json) {
      const maybeId = (json as { id: unknown }).id;
      if (typeof maybeId === 'string' || typeof maybeId === 'number') return maybeId;
    }
  } catch {
    // Not JSON: no id to echo.
  }
  return null;
};

/**
 * A full collection every so many lines. The live heap stays near 20 MB, but V8 commits more old
 * space between its own major collections (each line's rules work and JSON survive a scavenge or
 * two), so RSS would climb by tens of MB before falling back. Collecting every 5,000 lines costs a
 * few milliseconds each and keeps RSS flat over any number of lines. The young generation's ceiling
 * is the other half, and can only be set at start-up: see jsonl-node-flags.ts.
 */
const COLLECT_EVERY_LINES = 5_000;
const fullCollector = (): (() => void) => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (() => void) | undefined;
  return typeof gc === 'function' ? gc : () => {};
};

/**
 * Classifies the input batch by batch and writes each batch's answers with a single write. Per line
 * nothing outlives the batch but its output string, so the garbage dies young instead of being
 * promoted and growing the old generation (and RSS) between major collections.
 */
const runJsonl = async (ctx: CliContext, io: CommandIo): Promise<number> => {
  const collect = fullCollector();
  let nextCollectAt = COLLECT_EVERY_LINES;
  let failed = 0;
  let lineNo = 0;
  const out = new OutputBatch();
  for await (const batch of readLineBatches(io.stdin)) {
    for (const raw of batch) {
      lineNo += 1;
      // A file saved with a byte-order mark (Windows editors, Excel) keeps it on its first line.
      const line = lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      if (line.trim() === '') continue;
      try {
        const { id, text } = parseJsonlLine(line, lineNo);
        const { classification } = await ctx.classifier.classify({ text, lang: detectLang(text) });
        out.add(JSON.stringify({ id, ...toJson(classification) }));
      } catch (error) {
        failed += 1;
        const message = error instanceof SyntaxError ? `line ${lineNo}: not valid JSON` : (error as Error).message;
        out.add(JSON.stringify({ id: idOf(line), error: message }));
      }
    }
    const bytes = out.take();
    if (bytes !== null) await writeChunk(io, bytes);
    if (lineNo >= nextCollectAt) {
      collect();
      nextCollectAt = lineNo + COLLECT_EVERY_LINES;
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
