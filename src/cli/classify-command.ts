import { parseArgs } from 'node:util';
import { detectLang } from '../domain/lang.js';
import { recommendActions } from '../domain/recommender.js';
import type { HybridClassification, Lang } from '../domain/types.js';
import { classifyJsonl } from './classify-jsonl.js';
import { runJsonlInWorker } from './classify-worker-host.js';
import { buildCliContext } from './context.js';
import { type Command, type CommandIo, UsageError } from './io.js';
import { renderCard } from './render-card.js';
import { toJson } from './to-json.js';

export const CLASSIFY_HELP = `Usage:
  quadrant classify "TEXT" [--json] [--lang zh|en] [--cycle normal|downturn] [--previous TYPE]
  quadrant classify -            read the description from stdin
  quadrant classify --jsonl      read JSON lines {"id","text"} from stdin, write one JSON line each

Classifies a client relationship as strategic, transactional, partnership or problem_solving,
with the evidence and the playbook actions that fit.`;

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
    // The real stdin/stdout: a worker with a bounded heap keeps RSS flat over any number of lines.
    if (io.stdin === process.stdin && io.stdout === process.stdout) return runJsonlInWorker(io);
    return classifyJsonl(ctx.classifier, io.stdin, io.stdout);
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
