import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  actionIds,
  buildPlaybook,
  defaultPlaybook,
  findAction,
  PlaybookError,
  parseTypeName,
  searchPlaybook,
  typeProfile,
} from '../../src/domain/playbook.js';
import { RELATIONSHIP_TYPES } from '../../src/domain/types.js';

// Facts recorded from the seed article (type names, headings, practices), kept in the repo.
type ArticleFacts = {
  types: Record<string, { name: string; characteristics: string[] }>;
  strategies: string[];
  practices: string[];
};
const article = JSON.parse(
  readFileSync(new URL('../../eval/article-facts.json', import.meta.url), 'utf8'),
) as ArticleFacts;

describe('the built-in playbook', () => {
  const playbook = defaultPlaybook();

  it('has the four types with stable ids, bilingual names and three strategies each', () => {
    expect(playbook.types.map((t) => t.id)).toEqual([...RELATIONSHIP_TYPES]);
    for (const type of playbook.types) {
      expect(type.name.zh).toMatch(/客户关系$/);
      expect(type.name.en.length).toBeGreaterThan(5);
      expect(type.actions).toHaveLength(3);
      for (const action of type.actions) expect(action.id.startsWith(`${type.id}.`)).toBe(true);
    }
  });

  it('quotes the seed article faithfully: every type name, characteristic title and typical client', () => {
    expect(Object.keys(article.types)).toEqual([...RELATIONSHIP_TYPES]);
    for (const type of playbook.types) {
      expect(type.name.zh).toBe(article.types[type.id]?.name);
      expect(type.characteristics.map((c) => c.title.zh)).toEqual(article.types[type.id]?.characteristics);
    }
    expect(typeProfile(playbook, 'transactional').typicalClients.map((c) => c.zh)).toEqual([
      '中小微企业',
      '个体经营者',
    ]);
  });

  it('encodes each management strategy of the article as an action', () => {
    const titles = playbook.types.flatMap((t) => t.actions.map((a) => a.title.zh)).join('\n');
    expect(article.strategies.length).toBeGreaterThanOrEqual(11);
    for (const line of article.strategies) expect(titles).toContain(line);
  });

  it('turns the four cross-cutting practices into conditional actions', () => {
    const titles = playbook.practices.map((p) => p.title.zh);
    expect(article.practices).toHaveLength(4);
    for (const practice of article.practices) expect(titles).toContain(practice);
    const downturn = findAction(playbook, 'practice.downturn-risk-support');
    expect(downturn && 'when' in downturn ? downturn.when : []).toEqual([
      { cycle: 'downturn', types: ['partnership'] },
    ]);
  });

  it('has unique action ids', () => {
    const ids = actionIds(playbook);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('parseTypeName and searchPlaybook', () => {
  const playbook = defaultPlaybook();

  it('resolves ids and aliases in both languages', () => {
    expect(parseTypeName('Partnership')).toBe('partnership');
    expect(parseTypeName('伙伴型')).toBe('partnership');
    expect(parseTypeName('problem-solving')).toBe('problem_solving');
    expect(parseTypeName('cheap')).toBeUndefined();
  });

  it('finds the bailout actions for 纾困 and full-width or mixed-case keywords', () => {
    expect(searchPlaybook(playbook, '纾困').actions.map((a) => a.id)).toContain('problem_solving.flexible-financing');
    expect(searchPlaybook(playbook, '纾困').types).toContain('problem_solving');
    expect(searchPlaybook(playbook, 'ＳＡＬＯＮ').actions.map((a) => a.id)).toContain('partnership.client-salons');
    expect(searchPlaybook(playbook, '   ')).toEqual({ types: [], actions: [] });
  });
});

describe('buildPlaybook with a bank override', () => {
  it('extends a type with a new action and replaces a practice by id', () => {
    const playbook = buildPlaybook({
      mode: 'extend',
      version: 'bank-7',
      types: [
        {
          id: 'problem_solving',
          actions: [
            {
              id: 'problem_solving.creditor-committee',
              title: { zh: '牵头组建债委会', en: 'Lead a creditor committee' },
              howTo: { zh: '协调各债权行统一行动。', en: 'Coordinate the lenders.' },
            },
          ],
        },
      ],
    });
    expect(playbook.version).toBe('2026.11-seed.1+bank-7');
    expect(typeProfile(playbook, 'problem_solving').actions.map((a) => a.id)).toContain(
      'problem_solving.creditor-committee',
    );
    expect(typeProfile(playbook, 'problem_solving').actions).toHaveLength(4);
  });

  it('names the file, the path inside it and the problem when malformed', () => {
    expect(() =>
      buildPlaybook(
        { mode: 'extend', version: 'x', types: [{ id: 'strategic', actions: [{ id: 'BAD ID' }] }] },
        'bank.json',
      ),
    ).toThrowError(/^bank\.json: at types\.0\.actions\.0\.id: expected an id like/);
    expect(() => buildPlaybook({ mode: 'merge' }, 'bank.json')).toThrowError(PlaybookError);
  });

  it('rejects a replacement that drops a type or references an unknown action', () => {
    const base = defaultPlaybook();
    expect(() => buildPlaybook({ ...base, mode: 'replace', types: base.types.slice(0, 3) }, 'p.json')).toThrowError(
      /p\.json: at types/,
    );
    expect(() =>
      buildPlaybook(
        {
          ...base,
          mode: 'replace',
          transitions: [{ to: 'strategic', actionIds: ['strategic.nope'], why: base.practices[0]?.why }],
        },
        'p.json',
      ),
    ).toThrowError(/transitions\.0\.actionIds\.0: unknown action id "strategic\.nope"/);
  });
});
