import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RELATIONSHIP_TYPES, type RelationshipType } from '../../src/domain/types.js';

/**
 * The fifth fresh set is text nobody has tuned or measured anything on: its sources must be new to
 * every other corpus file and it must be listed. No test scores the rules or the team model on it;
 * it is kept for one measurement by hand.
 */

type Row = { id: string; label: string; lang: string; kind: string; text: string; reason: string; source: string };

const file = (name: string) => readFileSync(new URL(`../../eval/real-world/${name}`, import.meta.url), 'utf8');
const lines = (text: string) => text.split('\n').filter((line) => line.trim() !== '');
const jsonl = (name: string): Row[] => lines(file(name)).map((line) => JSON.parse(line) as Row);
const tsvRows = (name: string) =>
  lines(file(name))
    .slice(1)
    .map((line) => line.split('\t'));

const notes = jsonl('fresh-5.jsonl');
const count = (pick: (r: Row) => boolean) => notes.filter(pick).length;

describe('fifth fresh set', () => {
  it('has 60 to 90 sourced notes with unique ids, a reason and a known label, language and kind', () => {
    expect(notes.length).toBeGreaterThanOrEqual(60);
    expect(notes.length).toBeLessThanOrEqual(90);
    expect(new Set(notes.map((r) => r.id)).size).toBe(notes.length);
    for (const r of notes) {
      expect(r.id).toMatch(/^f5-\d{3}$/);
      expect(RELATIONSHIP_TYPES as readonly string[]).toContain(r.label);
      expect(['zh-Hans', 'zh-Hant', 'en', 'mixed']).toContain(r.lang);
      expect(['rm_note', 'news']).toContain(r.kind);
      expect(r.source, r.id).toMatch(/^https?:\/\/\S+$/);
      expect(r.reason.length, r.id).toBeGreaterThan(5);
      expect(r.text.length, r.id).toBeGreaterThan(40);
    }
  });

  it('is balanced across the four types, with every language and some pasted news', () => {
    const bounds: Record<RelationshipType, [number, number]> = {
      strategic: [15, 25],
      transactional: [15, 25],
      problem_solving: [15, 25],
      partnership: [15, 25],
    };
    for (const type of RELATIONSHIP_TYPES) {
      const ofType = count((r) => r.label === type);
      expect(ofType, type).toBeGreaterThanOrEqual(bounds[type][0]);
      expect(ofType, type).toBeLessThanOrEqual(bounds[type][1]);
    }
    expect(count((r) => r.lang === 'zh-Hans')).toBeGreaterThanOrEqual(notes.length * 0.2);
    expect(count((r) => r.lang === 'zh-Hant')).toBeGreaterThanOrEqual(notes.length * 0.2);
    expect(count((r) => r.lang === 'en')).toBeGreaterThanOrEqual(notes.length * 0.2);
    expect(count((r) => r.lang === 'mixed')).toBeGreaterThanOrEqual(5);
    expect(count((r) => r.kind === 'news')).toBeGreaterThanOrEqual(5);
  });

  it('uses each source at most twice, from at least 60 sources', () => {
    const perSource = new Map<string, number>();
    for (const r of notes) perSource.set(r.source, (perSource.get(r.source) ?? 0) + 1);
    expect([...perSource].filter(([, n]) => n > 2).map(([source]) => source)).toEqual([]);
    expect(perSource.size).toBeGreaterThanOrEqual(60);
  });

  it('shares no source and no text with any other corpus file', () => {
    const usedSources = new Set([
      ...tsvRows('sources.tsv').map((cols) => cols[3]),
      ...tsvRows('raw-sources.tsv').map((cols) => cols[4]),
      ...tsvRows('fresh-sources.tsv').map((cols) => cols[4]),
      ...tsvRows('fresh-2-sources.tsv').map((cols) => cols[4]),
      ...tsvRows('fresh-3-sources.tsv').map((cols) => cols[4]),
      ...tsvRows('fresh-4-sources.tsv').map((cols) => cols[4]),
    ]);
    expect(notes.filter((r) => usedSources.has(r.source)).map((r) => r.id)).toEqual([]);
    const otherTexts = new Set(
      [
        'dev.jsonl',
        'test.jsonl',
        'fresh-dev.jsonl',
        'fresh-holdout.jsonl',
        'fresh-2.jsonl',
        'fresh-3.jsonl',
        'fresh-4.jsonl',
      ].flatMap((name) => jsonl(name).map((r) => r.text)),
    );
    expect(notes.filter((r) => otherTexts.has(r.text)).map((r) => r.id)).toEqual([]);
    expect(new Set(notes.map((r) => r.text)).size).toBe(notes.length);
  });

  it('lists every note with its label, kind, language and source', () => {
    const listed = tsvRows('fresh-5-sources.tsv').map((cols) => cols.join('|'));
    const expected = notes.map((r) => [r.id, r.label, r.kind, r.lang, r.source].join('|'));
    expect([...listed].sort()).toEqual([...expected].sort());
  });
});
