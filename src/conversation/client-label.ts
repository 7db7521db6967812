import { messages } from '../domain/messages/messages.js';
import type { Lang } from '../domain/types.js';
import type { StateStore } from '../store/ports.js';
import { extractClientName } from './client-name.js';

export type ThreadClient = { name: string; kind: 'named' | 'anonymized' | 'unnamed' };

/**
 * A day's numbers stay taken for longer than a year, so "11-30 #2" next year is a new number,
 * never the same id as this year's: unnamed clients are never pooled.
 */
const NUMBER_HOLD_MS = 400 * 24 * 3600 * 1000;
const MAX_NUMBERS_PER_DAY = 10_000;

const monthDay = (at: Date) =>
  `${String(at.getUTCMonth() + 1).padStart(2, '0')}-${String(at.getUTCDate()).padStart(2, '0')}`;

/**
 * The next free number of the day in a workspace, taken atomically across instances through a
 * lease in the store (a shared store hands each number out once).
 */
const takeNumber = async (state: StateStore, teamId: string, at: Date): Promise<number> => {
  for (let n = 1; n <= MAX_NUMBERS_PER_DAY; n += 1) {
    if ((await state.acquireLease(`client-number:${teamId}:${monthDay(at)}:${n}`, NUMBER_HOLD_MS)) !== null) return n;
  }
  return Math.floor(at.getTime() % 1_000_000);
};

/** "Unnamed client · 11-30 #2", "华东某城投平台 · 11-30 #3". */
export const numberedLabel = (base: string, at: Date, n: number): string => `${base} · ${monthDay(at)} #${n}`;

/**
 * Who a thread is about: the name the LLM or the text gives; an anonymized description or no
 * name at all gets a distinct per-thread id, so two unrelated clients never share a history.
 */
export const resolveThreadClient = async (
  deps: { state: StateStore },
  input: { llmName: string | null; text: string; teamId: string; lang: Lang; at: Date },
): Promise<ThreadClient> => {
  const llm = input.llmName?.trim();
  const found = llm ? { name: llm, anonymized: /某|^an?\s/iu.test(llm) } : extractClientName(input.text);
  if (found && !found.anonymized) return { name: found.name, kind: 'named' };
  const n = await takeNumber(deps.state, input.teamId, input.at);
  if (found) return { name: numberedLabel(found.name, input.at, n), kind: 'anonymized' };
  return { name: numberedLabel(messages(input.lang).unnamedClient, input.at, n), kind: 'unnamed' };
};

/** A name an RM typed for a client: one line, trimmed, at most 120 characters; null when empty. */
export const cleanTypedName = (name: string): string | null => {
  const cleaned = name
    .normalize('NFKC')
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim()
    .slice(0, 120);
  return /[\p{L}\p{N}]/u.test(cleaned) ? cleaned : null;
};
