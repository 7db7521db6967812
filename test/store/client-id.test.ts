import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeClientId } from '../../src/domain/client-id.js';
import { createIdGenerator } from '../../src/store/ids.js';

describe('normalizeClientId', () => {
  it.each([
    ['中国石化集团有限公司', '中国石化'],
    ['中国石化 集团', '中国石化'],
    ['中国石化股份有限公司', '中国石化'],
    ['ＣＮＰＣ　Co., Ltd.', 'cnpc'],
    ['  Acme   Corp. ', 'acme'],
    ['Acme Holdings Group Limited', 'acme holdings'],
    ['华能（新能源）有限公司', '华能新能源'],
    ['有限公司', '有限公司'],
    ['Group', 'group'],
  ])('%s → %s', (name, id) => {
    expect(normalizeClientId(name)).toBe(id);
  });

  it('returns "" for names with no letters or digits', () => {
    expect(normalizeClientId(' ,。 ')).toBe('');
  });

  it('is idempotent, so ids can be passed where names are expected', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (name) => {
        const id = normalizeClientId(name);
        expect(normalizeClientId(id)).toBe(id);
      }),
    );
  });

  it('ignores case, width and surrounding whitespace', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z][a-z0-9]{0,12}$/), (word) => {
        const fullWidth = [...word.toUpperCase()].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
        expect(normalizeClientId(`  ${fullWidth}\t`)).toBe(normalizeClientId(word));
      }),
    );
  });
});

describe('createIdGenerator', () => {
  it('is strictly increasing within a process, even within one millisecond', () => {
    const next = createIdGenerator(() => 1_700_000_000_000);
    const ids = Array.from({ length: 10_000 }, next);
    for (let i = 1; i < ids.length; i++) expect((ids[i] ?? '') > (ids[i - 1] ?? '')).toBe(true);
  });

  it('sorts by time and never goes back when the clock does', () => {
    let t = 1_700_000_000_000;
    const next = createIdGenerator(() => t);
    const a = next();
    t += 5;
    const b = next();
    t -= 1_000;
    const c = next();
    expect(a < b && b < c).toBe(true);
    expect(a).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
  });

  it('gives two generators (two processes) different ids in the same millisecond', () => {
    const one = createIdGenerator(() => 1);
    const two = createIdGenerator(() => 1);
    expect(one()).not.toBe(two());
  });
});
