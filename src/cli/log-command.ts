import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { messages } from '../domain/messages/messages.js';
import { computeTeamStats } from '../domain/team-stats.js';
import { isRelationshipType, type Lang, RELATIONSHIP_TYPES } from '../domain/types.js';
import { learningFeed, replayForStats } from '../learning/team-stats-source.js';
import { loadPlaybook } from '../playbook-file.js';
import type { StoreHandle } from '../store/backend.js';
import {
  CSV_COLUMNS,
  computeStats,
  csvRow,
  decisionToCsvRow,
  UTF8_BOM,
  withStreamedTransitions,
} from '../store/export-format.js';
import type { Decision, DecisionFilter, Viewer } from '../store/ports.js';
import { StoreError } from '../store/ports.js';
import { openCliStore } from './cli-store.js';
import { type Command, type CommandIo, UsageError } from './io.js';
import { formatTeamStats } from './team-stats-format.js';

const USAGE = `usage:
  quadrant log list [--client NAME] [--type ${RELATIONSHIP_TYPES.join('|')}] [--since YYYY-MM-DD] [--limit N]
  quadrant log export --format csv|jsonl            (to stdout; CSV is UTF-8 with BOM for Excel)
  quadrant log stats                                (counts by type, transitions per month)
  quadrant log purge --before YYYY-MM-DD --by USERID (USERID must be in QUADRANT_ADMINS)
  add --lang zh|en for messages in Chinese or English (default: from LANG)
`;

/** The CLI runs on the operator's machine with the store's credentials, so it reads as an admin. */
const OPERATOR: Viewer = { userId: 'cli', teamId: '*', isAdmin: true };

/** `--lang zh|en` anywhere in the args wins; otherwise the injected LANG; English by default. */
const takeLang = (args: string[], env: CommandIo['env']): { lang: Lang; rest: string[] } => {
  const at = args.indexOf('--lang');
  if (at === -1) return { lang: /^zh/i.test(env?.LANG ?? '') ? 'zh' : 'en', rest: args };
  const value = args[at + 1];
  if (value !== 'zh' && value !== 'en') throw new UsageError(`--lang must be zh or en, got "${value ?? ''}"`);
  return { lang: value, rest: [...args.slice(0, at), ...args.slice(at + 2)] };
};

const parseDate = (value: string | undefined, flag: string, lang: Lang): Date | undefined => {
  if (value === undefined) return undefined;
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) throw new UsageError(`${flag} "${value}": ${messages(lang).log.badDate}`);
  return date;
};

type Options = NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>['options']>;

const parse = (args: string[], options: Options) => {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values as Record<
      string,
      string | undefined
    >;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
};

/** Writes respecting backpressure, so exporting 100,000 decisions does not buffer them all. */
const write = async (io: CommandIo, chunk: string): Promise<void> => {
  if (!io.stdout.write(chunk)) await once(io.stdout, 'drain');
};

const formatLine = (d: Decision): string => {
  const change = d.transition ? `  ${d.transition.from} → ${d.transition.to}` : '';
  const override = d.source === 'manager_override' ? `  reason: ${d.reason ?? ''}` : '';
  return `${d.createdAt.slice(0, 16).replace('T', ' ')}  ${d.clientName}  ${d.type} (${d.confidence.toFixed(2)})  ${d.source}  ${d.userId}  ${d.visibility}${change}${override}  ${d.id}\n`;
};

const list = async (store: StoreHandle, args: string[], io: CommandIo, lang: Lang): Promise<number> => {
  const v = parse(args, {
    client: { type: 'string' },
    type: { type: 'string' },
    since: { type: 'string' },
    limit: { type: 'string' },
  });
  const filter: DecisionFilter = { limit: 50 };
  if (v.client !== undefined) filter.clientId = v.client;
  if (v.type !== undefined) {
    if (!isRelationshipType(v.type))
      throw new UsageError(`--type "${v.type}": expected one of ${RELATIONSHIP_TYPES.join(', ')}`);
    filter.type = v.type;
  }
  const since = parseDate(v.since, '--since', lang);
  if (since !== undefined) filter.since = since;
  if (v.limit !== undefined) {
    const limit = Number(v.limit);
    if (!Number.isInteger(limit) || limit <= 0)
      throw new UsageError(`--limit "${v.limit}": expected a positive whole number`);
    filter.limit = limit;
  }
  const decisions = await store.decisions.list(filter, OPERATOR);
  if (decisions.length === 0) await write(io, `${messages(lang).log.none}\n`);
  for (const d of decisions) await write(io, formatLine(d));
  return 0;
};

const exportLog = async (store: StoreHandle, args: string[], io: CommandIo): Promise<number> => {
  const v = parse(args, { format: { type: 'string' } });
  if (v.format !== 'csv' && v.format !== 'jsonl') throw new UsageError('--format: expected csv or jsonl');
  if (v.format === 'csv') await write(io, UTF8_BOM + csvRow([...CSV_COLUMNS]));
  for await (const d of withStreamedTransitions(store.decisions.all())) {
    await write(io, v.format === 'csv' ? decisionToCsvRow(d) : `${JSON.stringify(d)}\n`);
  }
  return 0;
};

const stats = async (store: StoreHandle, args: string[], io: CommandIo): Promise<number> => {
  parse(args, {});
  const s = await computeStats(withStreamedTransitions(store.decisions.all()));
  const lines = [`decisions: ${s.total}`, 'by type:'];
  for (const type of RELATIONSHIP_TYPES) lines.push(`  ${type.padEnd(16)} ${s.byType[type] ?? 0}`);
  lines.push('by source:');
  for (const [source, n] of Object.entries(s.bySource)) lines.push(`  ${source.padEnd(16)} ${n}`);
  lines.push('transitions by month:');
  const months = Object.keys(s.transitionsByMonth).sort();
  if (months.length === 0) lines.push('  (none)');
  for (const month of months) {
    for (const [change, n] of Object.entries(s.transitionsByMonth[month] ?? {}))
      lines.push(`  ${month}  ${change.padEnd(34)} ${n}`);
  }
  lines.push(
    ...formatTeamStats(
      computeTeamStats(await replayForStats(learningFeed(store.decisions), loadPlaybook(undefined)), new Date()),
    ),
  );
  const purges = await store.decisions.purges();
  for (const p of purges)
    lines.push(`purge ${p.at.slice(0, 10)} by ${p.by}: ${p.removed} removed (before ${p.before.slice(0, 10)})`);
  await write(io, `${lines.join('\n')}\n`);
  return 0;
};

const purge = async (store: StoreHandle, args: string[], io: CommandIo, lang: Lang): Promise<number> => {
  const v = parse(args, { before: { type: 'string' }, by: { type: 'string' } });
  const before = parseDate(v.before, '--before', lang);
  if (before === undefined) throw new UsageError('--before DATE is required');
  if (v.by === undefined || v.by.trim() === '')
    throw new UsageError('--by USERID is required (an admin listed in QUADRANT_ADMINS)');
  const removed = await store.decisions.purge(before, v.by.trim());
  await write(io, `${messages(lang).log.purged(removed)}\n`);
  return 0;
};

const SUBCOMMANDS = { list, export: exportLog, stats, purge } as const;

/**
 * `quadrant log list|export|stats|purge`. Exit 0 on success, 2 on usage or configuration errors,
 * 1 when the store refuses or is unavailable (with a localized message; LANG=zh* for Chinese).
 */
export const runLogCommand: Command = async (args, io) => {
  let lang: Lang = 'en';
  let store: StoreHandle | undefined;
  try {
    const taken = takeLang(args, io.env);
    lang = taken.lang;
    const [name, ...rest] = taken.rest;
    if (name === '--help' || name === '-h' || name === 'help') {
      io.stdout.write(USAGE);
      return 0;
    }
    const sub =
      name !== undefined && Object.hasOwn(SUBCOMMANDS, name)
        ? SUBCOMMANDS[name as keyof typeof SUBCOMMANDS]
        : undefined;
    if (sub === undefined)
      throw new UsageError(name === undefined ? 'missing subcommand' : `unknown subcommand "${name}"`);
    const config = loadConfig(io.env);
    // The log never writes client text (a purge record holds ids and dates only).
    store = await openCliStore(config, io);
    return await sub(store, rest, io, lang);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      io.stderr.write(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof StoreError) {
      io.stderr.write(`${messages(lang).storeErrors[error.code]}\n(${error.message})\n`);
      return 1;
    }
    throw error;
  } finally {
    await store?.close();
  }
};
