import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RELATIONSHIP_TYPES } from '../../src/domain/types.js';

/**
 * The fresh set measures the team model on text the rules were never tuned on: its sources must be
 * new to the corpus, each in one part, and listed. No test scores the rules or the team model on
 * it: the held-out part is measured once, by hand, with `quadrant eval --learning-curve`.
 */

type Row = { id: string; label: string; lang: string; kind: string; text: string; reason: string; source: string };

const file = (name: string) => readFileSync(new URL(`../../eval/real-world/${name}`, import.meta.url), 'utf8');
const jsonl = (name: string): Row[] =>
  file(name)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Row);
const tsvColumn = (name: string, column: number) =>
  file(name)
    .split('\n')
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => line.split('\t')[column] ?? '');

const dev = jsonl('fresh-dev.jsonl');
const holdout = jsonl('fresh-holdout.jsonl');

describe('fresh set', () => {
  it('has about a hundred sourced notes of every type and language, each with a reason', () => {
    const all = [...dev, ...holdout];
    expect(all.length).toBeGreaterThanOrEqual(80);
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
    for (const type of RELATIONSHIP_TYPES)
      expect(all.filter((r) => r.label === type).length).toBeGreaterThanOrEqual(15);
    for (const lang of ['zh-Hans', 'zh-Hant', 'en'])
      expect(all.filter((r) => r.lang === lang).length).toBeGreaterThanOrEqual(20);
    for (const r of all) {
      expect(RELATIONSHIP_TYPES as readonly string[]).toContain(r.label);
      expect(['rm_note', 'news']).toContain(r.kind);
      expect(r.source, r.id).toMatch(/^https?:\/\/\S+$/);
      expect(r.reason.length, r.id).toBeGreaterThan(5);
      expect(r.text.length, r.id).toBeGreaterThan(40);
    }
  });

  it('uses no source of the corpus or the raw passages, and keeps each source in one part', () => {
    const used = new Set([...tsvColumn('sources.tsv', 3), ...tsvColumn('raw-sources.tsv', 4)]);
    expect([...dev, ...holdout].filter((r) => used.has(r.source)).map((r) => r.id)).toEqual([]);
    const devSources = new Set(dev.map((r) => r.source));
    expect(holdout.filter((r) => devSources.has(r.source)).map((r) => r.id)).toEqual([]);
  });

  it('lists every note with its part, label and source', () => {
    const listed = file('fresh-sources.tsv')
      .split('\n')
      .slice(1)
      .filter((line) => line.trim() !== '')
      .map((line) => line.split('\t').join('|'));
    const expected = [
      ...dev.map((r) => [r.id, 'dev', r.label, r.kind, r.source].join('|')),
      ...holdout.map((r) => [r.id, 'holdout', r.label, r.kind, r.source].join('|')),
    ];
    expect([...listed].sort()).toEqual([...expected].sort());
  });
});
