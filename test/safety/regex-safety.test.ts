import { checkSync } from 'recheck';
import { describe, expect, it } from 'vitest';
import { findRegexes } from './regex-inventory.js';

/**
 * Patterns whose worst case looks super-linear to the checker only because of a bounded
 * repetition: the bound, enforced by the pattern or the code around it, caps the work per start
 * position, and a look-behind lets a match start only once per run. Each entry says why.
 */
const BOUNDED: Array<{ file: string; contains: string; why: string }> = [
  {
    file: 'src/conversation/client-name.ts',
    contains: '{0,5}',
    why: 'LATIN_LEGAL starts only where a run of name characters starts (look-behind) and reads at most six words of at most 31 characters from there',
  },
];

const boundedEntry = (file: string, source: string) =>
  BOUNDED.find((entry) => entry.file === file && source.includes(entry.contains));

/**
 * recheck decides each pattern with an automaton analysis, or, for look-arounds and
 * back-references, with a fuzzer that counts the backtracking steps of its own matcher; a fixed
 * seed keeps the verdict reproducible. Nothing here is timed: recheck's own time limit is off, since
 * one safe pattern (EN_ANONYMIZED) takes about 15 s to decide on an idle machine, and a limit turns
 * a slow machine's verdict into "unknown". The whole check takes about 30 s here.
 */
describe('every regular expression in the product', () => {
  const regexes = findRegexes(process.cwd());

  it('finds the expressions that see user text', () => {
    const files = new Set(regexes.map((r) => r.file));
    for (const file of ['src/domain/redact.ts', 'src/conversation/client-name.ts', 'src/conversation/language.ts']) {
      expect(files).toContain(file);
    }
  });

  it('matches in linear time: no polynomial or exponential backtracking', { timeout: 600_000 }, () => {
    const unsafe: string[] = [];
    const allowed = new Set<string>();
    for (const regex of regexes) {
      const result = checkSync(regex.source, regex.flags.replace(/[gy]/g, ''), { randomSeed: 7, timeout: null });
      if (result.status === 'safe') continue;
      const bounded = boundedEntry(regex.file, regex.source);
      if (bounded !== undefined) {
        allowed.add(bounded.why);
        continue;
      }
      unsafe.push(
        `${regex.file}:${regex.line} /${regex.source}/ ${result.status} ${'complexity' in result ? (result.complexity?.summary ?? '') : ''}`,
      );
    }
    expect(unsafe).toEqual([]);
    // An entry whose pattern is gone or now safe must leave the list.
    expect([...allowed].sort()).toEqual(BOUNDED.map((entry) => entry.why).sort());
  });
});
