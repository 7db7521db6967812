import type { Decision } from './ports.js';

/** Excel reads a BOM-less CSV as the local code page and garbles Chinese; the BOM makes it UTF-8. */
export const UTF8_BOM = '\uFEFF';

export const CSV_COLUMNS = [
  'id',
  'created_at',
  'client_id',
  'client_name',
  'type',
  'secondary',
  'confidence',
  'source',
  'suggested_type',
  'transition',
  'supersedes',
  'reason',
  'recommended_actions',
  'kept_actions',
  'user_id',
  'team_id',
  'channel_id',
  'thread_ts',
  'visibility',
  'playbook_version',
  'rules_version',
  'prompt_version',
  'model',
  'llm_rationale',
  'evidence',
  'description',
] as const;

/**
 * One CSV cell: RFC 4180 quoting, and text a spreadsheet would run as a formula (= + - @, tab, CR)
 * prefixed with an apostrophe so an exported description can never execute in Excel.
 */
export const csvCell = (value: string | number | null): string => {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** One CSV record (CRLF-terminated, as RFC 4180 and Excel expect). */
export const csvRow = (cells: (string | number | null)[]): string => `${cells.map(csvCell).join(',')}\r\n`;

export const decisionToCsvRow = (d: Decision): string =>
  csvRow([
    d.id,
    d.createdAt,
    d.clientId,
    d.clientName,
    d.type,
    d.secondary,
    d.confidence,
    d.source,
    d.suggestedType,
    d.transition ? `${d.transition.from}->${d.transition.to}` : null,
    d.supersedes,
    d.reason,
    d.recommendedActionIds.join(' '),
    d.keptActionIds.join(' '),
    d.userId,
    d.teamId,
    d.channelId,
    d.threadTs,
    d.visibility,
    d.versions.playbook,
    d.versions.rules,
    d.versions.prompt,
    d.versions.model,
    d.llmRationale,
    d.evidence.map((s) => s.text).join(' | '),
    d.description,
  ]);

/**
 * Marks transitions on a stream that is oldest first across all clients (an export), remembering
 * only each client's last type, so memory follows the number of clients, not of decisions.
 */
export async function* withStreamedTransitions(oldestFirst: AsyncIterable<Decision>): AsyncGenerator<Decision> {
  const lastType = new Map<string, Decision['type']>();
  for await (const d of oldestFirst) {
    const previous = lastType.get(d.clientId);
    lastType.set(d.clientId, d.type);
    yield previous !== undefined && previous !== d.type ? { ...d, transition: { from: previous, to: d.type } } : d;
  }
}

export type LogStats = {
  total: number;
  byType: Record<string, number>;
  bySource: Record<string, number>;
  /** Month (YYYY-MM) → "from->to" → count. */
  transitionsByMonth: Record<string, Record<string, number>>;
};

/** Counts by type and source, and type transitions per month, over a transition-marked stream. */
export const computeStats = async (decisions: AsyncIterable<Decision>): Promise<LogStats> => {
  const stats: LogStats = { total: 0, byType: {}, bySource: {}, transitionsByMonth: {} };
  for await (const d of decisions) {
    stats.total += 1;
    stats.byType[d.type] = (stats.byType[d.type] ?? 0) + 1;
    stats.bySource[d.source] = (stats.bySource[d.source] ?? 0) + 1;
    if (d.transition) {
      const month = d.createdAt.slice(0, 7);
      const key = `${d.transition.from}->${d.transition.to}`;
      const bucket = stats.transitionsByMonth[month] ?? {};
      bucket[key] = (bucket[key] ?? 0) + 1;
      stats.transitionsByMonth[month] = bucket;
    }
  }
  return stats;
};
