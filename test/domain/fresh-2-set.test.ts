import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RELATIONSHIP_TYPES, type RelationshipType } from '../../src/domain/types.js';

/**
 * The second fresh set is text nobody tuned anything on: its sources must be new to every other
 * corpus file and it must be listed. No test scores the rules or the team model on it; it is
 * measured once, by hand, with `quadrant eval --learning-curve`.
 */

type Row = { id: string; label: string; lang: string; kind: string; text: string; reason: string; source: string };

const file = (name: string) => readFileSync(new URL(`../../eval/real-world/${name}`, import.meta.url), 'utf8');
const lines = (text: string) => text.split('\n').filter((line) => line.trim() !== '');
const jsonl = (name: string): Row[] => lines(file(name)).map((line) => JSON.parse(line) as Row);
const tsvRows = (name: string) =>
  lines(file(name))
    .slice(1)
    .map((line) => line.split('\t'));

const notes = jsonl('fresh-2.jsonl');
const count = (pick: (r: Row) => boolean) => notes.filter(pick).length;

describe('second fresh set', () => {
  it('has 70 to 80 sourced notes with unique ids, a reason and a known label, language and kind', () => {
    expect(notes.length).toBeGreaterThanOrEqual(70);
    expect(notes.length).toBeLessThanOrEqual(80);
    expect(new Set(notes.map((r) => r.id)).size).toBe(notes.length);
    for (const r of notes) {
      expect(r.id).toMatch(/^f2-\d{3}$/);
      expect(RELATIONSHIP_TYPES as readonly string[]).toContain(r.label);
      expect(['zh-Hans', 'zh-Hant', 'en', 'mixed']).toContain(r.lang);
      expect(['rm_note', 'news']).toContain(r.kind);
      expect(r.source, r.id).toMatch(/^https?:\/\/\S+$/);
      expect(r.reason.length, r.id).toBeGreaterThan(5);
      expect(r.text.length, r.id).toBeGreaterThan(40);
    }
  });

  it('has every type, labelled by the article: institutional joint ventures and co-lending are strategic, so partnership is rare; about a third each simplified Chinese and English, a quarter traditional, some mixed', () => {
    const bounds: Record<RelationshipType, [number, number]> = {
      strategic: [30, 40],
      transactional: [16, 20],
      problem_solving: [16, 20],
      partnership: [2, 6],
    };
    for (const type of RELATIONSHIP_TYPES) {
      const ofType = count((r) => r.label === type);
      expect(ofType, type).toBeGreaterThanOrEqual(bounds[type][0]);
      expect(ofType, type).toBeLessThanOrEqual(bounds[type][1]);
    }
    expect(count((r) => r.lang === 'zh-Hans')).toBeGreaterThanOrEqual(notes.length * 0.28);
    expect(count((r) => r.lang === 'en')).toBeGreaterThanOrEqual(notes.length * 0.28);
    expect(count((r) => r.lang === 'zh-Hant')).toBeGreaterThanOrEqual(notes.length * 0.2);
    expect(count((r) => r.lang === 'mixed')).toBeGreaterThanOrEqual(5);
  });

  it('shares no source and no text with any other corpus file', () => {
    const usedSources = new Set([
      ...tsvRows('sources.tsv').map((cols) => cols[3]),
      ...tsvRows('raw-sources.tsv').map((cols) => cols[4]),
      ...tsvRows('fresh-sources.tsv').map((cols) => cols[4]),
    ]);
    expect(notes.filter((r) => usedSources.has(r.source)).map((r) => r.id)).toEqual([]);
    const otherTexts = new Set(
      ['dev.jsonl', 'test.jsonl', 'fresh-dev.jsonl', 'fresh-holdout.jsonl'].flatMap((name) =>
        jsonl(name).map((r) => r.text),
      ),
    );
    expect(notes.filter((r) => otherTexts.has(r.text)).map((r) => r.id)).toEqual([]);
    expect(new Set(notes.map((r) => r.text)).size).toBe(notes.length);
  });

  it('lists every note with its label, kind, language and source', () => {
    const listed = tsvRows('fresh-2-sources.tsv').map((cols) => cols.join('|'));
    const expected = notes.map((r) => [r.id, r.label, r.kind, r.lang, r.source].join('|'));
    expect([...listed].sort()).toEqual([...expected].sort());
  });
});
