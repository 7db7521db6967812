import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RELATIONSHIP_TYPES, type RelationshipType } from '../../src/domain/types.js';

/**
 * The numbered fresh sets are text nobody tuned anything on before measuring it once, by hand, with
 * `quadrant eval --learning-curve`: each set's sources must be new to every corpus file before it,
 * and every note must be listed. No test scores the rules or the team model on them.
 */

type Row = { id: string; label: string; lang: string; kind: string; text: string; reason: string; source: string };
type Range = [number, number];
type FreshSet = {
  name: string;
  size: Range;
  perType: Record<RelationshipType, Range>;
  /** Least share of the notes per language; mixed Chinese/English needs at least 5 notes. */
  shares: { 'zh-Hans': number; 'zh-Hant': number; en: number };
  minNews: number;
};

const balanced: Record<RelationshipType, Range> = {
  strategic: [15, 25],
  transactional: [15, 25],
  problem_solving: [15, 25],
  partnership: [15, 25],
};
/** From the third set on, each set holds the four types in balance and each language at a fifth or more. */
const balancedSet = (name: string): FreshSet => ({
  name,
  size: [60, 90],
  perType: balanced,
  shares: { 'zh-Hans': 0.2, 'zh-Hant': 0.2, en: 0.2 },
  minNews: 5,
});
const FRESH_SETS: readonly FreshSet[] = [
  {
    // Labelled by the article: institutional joint ventures and co-lending are strategic, so partnership is rare.
    name: 'fresh-2',
    size: [70, 80],
    perType: { strategic: [30, 40], transactional: [16, 20], problem_solving: [16, 20], partnership: [2, 6] },
    shares: { 'zh-Hans': 0.28, 'zh-Hant': 0.2, en: 0.28 },
    minNews: 5,
  },
  ...[3, 4, 5, 6, 7, 8, 9, 10].map((n) => balancedSet(`fresh-${n}`)),
];

/** Corpus files every fresh set must be new to, besides the fresh sets before it. */
const EARLIER_SOURCES: ReadonlyArray<[file: string, column: number]> = [
  ['sources.tsv', 3],
  ['raw-sources.tsv', 4],
  ['fresh-sources.tsv', 4],
];
const EARLIER_TEXTS = ['dev.jsonl', 'test.jsonl', 'fresh-dev.jsonl', 'fresh-holdout.jsonl'];

const file = (name: string) => readFileSync(new URL(`../../eval/real-world/${name}`, import.meta.url), 'utf8');
const lines = (text: string) => text.split('\n').filter((line) => line.trim() !== '');
const jsonl = (name: string): Row[] => lines(file(name)).map((line) => JSON.parse(line) as Row);
const tsvRows = (name: string) =>
  lines(file(name))
    .slice(1)
    .map((line) => line.split('\t'));

describe.each(FRESH_SETS.map((set, index) => ({ ...set, before: FRESH_SETS.slice(0, index) })))(
  'fresh set $name',
  ({ name, size, perType, shares, minNews, before }) => {
    const notes = jsonl(`${name}.jsonl`);
    const count = (pick: (r: Row) => boolean) => notes.filter(pick).length;
    const prefix = `f${name.slice('fresh-'.length)}`;

    it('has sourced notes with unique ids, a reason and a known label, language and kind', () => {
      expect(notes.length).toBeGreaterThanOrEqual(size[0]);
      expect(notes.length).toBeLessThanOrEqual(size[1]);
      expect(new Set(notes.map((r) => r.id)).size).toBe(notes.length);
      for (const r of notes) {
        expect(r.id).toMatch(new RegExp(`^${prefix}-\\d{3}$`));
        expect(RELATIONSHIP_TYPES as readonly string[]).toContain(r.label);
        expect(['zh-Hans', 'zh-Hant', 'en', 'mixed']).toContain(r.lang);
        expect(['rm_note', 'news']).toContain(r.kind);
        expect(r.source, r.id).toMatch(/^https?:\/\/\S+$/);
        expect(r.reason.length, r.id).toBeGreaterThan(5);
        expect(r.text.length, r.id).toBeGreaterThan(40);
      }
    });

    it('has the mix of types, languages and pasted news it claims', () => {
      for (const type of RELATIONSHIP_TYPES) {
        const ofType = count((r) => r.label === type);
        expect(ofType, type).toBeGreaterThanOrEqual(perType[type][0]);
        expect(ofType, type).toBeLessThanOrEqual(perType[type][1]);
      }
      for (const [lang, share] of Object.entries(shares)) {
        expect(
          count((r) => r.lang === lang),
          lang,
        ).toBeGreaterThanOrEqual(notes.length * share);
      }
      expect(count((r) => r.lang === 'mixed')).toBeGreaterThanOrEqual(5);
      expect(count((r) => r.kind === 'news')).toBeGreaterThanOrEqual(minNews);
    });

    it('uses each source at most twice, from at least 60 sources', () => {
      const perSource = new Map<string, number>();
      for (const r of notes) perSource.set(r.source, (perSource.get(r.source) ?? 0) + 1);
      expect([...perSource].filter(([, n]) => n > 2).map(([source]) => source)).toEqual([]);
      expect(perSource.size).toBeGreaterThanOrEqual(60);
    });

    it('shares no source and no text with any corpus file before it', () => {
      const usedSources = new Set([
        ...EARLIER_SOURCES.flatMap(([tsv, column]) => tsvRows(tsv).map((cols) => cols[column])),
        ...before.flatMap((set) => tsvRows(`${set.name}-sources.tsv`).map((cols) => cols[4])),
      ]);
      expect(notes.filter((r) => usedSources.has(r.source)).map((r) => r.id)).toEqual([]);
      const otherTexts = new Set(
        [...EARLIER_TEXTS, ...before.map((set) => `${set.name}.jsonl`)].flatMap((f) => jsonl(f).map((r) => r.text)),
      );
      expect(notes.filter((r) => otherTexts.has(r.text)).map((r) => r.id)).toEqual([]);
      expect(new Set(notes.map((r) => r.text)).size).toBe(notes.length);
    });

    it('lists every note with its label, kind, language and source', () => {
      const listed = tsvRows(`${name}-sources.tsv`).map((cols) => cols.join('|'));
      const expected = notes.map((r) => [r.id, r.label, r.kind, r.lang, r.source].join('|'));
      expect([...listed].sort()).toEqual([...expected].sort());
    });
  },
);
