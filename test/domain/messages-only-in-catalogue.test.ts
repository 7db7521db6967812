import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Every sentence a user reads lives in the catalogue (src/domain/messages/en.ts, zh.ts). Chinese
 * text in code is the cheapest sign of one written elsewhere, so outside the catalogue it may
 * appear only in comments and in the files below, whose Chinese is data a parser matches or
 * content taken from the article, never a sentence shown to the user.
 */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

const DATA_FILES = new Set([
  'src/domain/playbook-data.ts', // the four-type playbook, from the article
  'src/domain/combiner.ts', // words that mark an LLM quote as an instruction, not a fact
  'src/domain/playbook.ts', // type-name aliases a lookup accepts ("伙伴型")
  'src/domain/client-id.ts', // company-form suffixes stripped from a client's id
  'src/domain/redact.ts', // currency units that mark an amount
  'src/conversation/client-name.ts', // organisation nouns and verbs a client name is found by
  'src/conversation/intent.ts', // what an RM's message asks, matched in both languages
  'src/conversation/language.ts', // "直接分类" typed as a message
  'src/conversation/client-label.ts', // "某" marks an anonymized name
  'src/cli/chat-session.ts', // yes / no typed in the terminal
  'src/cli/chat-command.ts', // --help lists 是 / 否 as answers
  'src/cli/playbook-command.ts', // --help shows a Chinese keyword
  'handlers/blocks/home.ts', // the language picker names each language in itself
]);

const sourceFiles = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return ['lexicon', 'messages', 'public'].includes(entry.name) ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });

const withoutComments = (code: string) => code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

describe('user-facing text lives in the catalogue', () => {
  it('has no Chinese outside comments, the catalogue and the listed data files', () => {
    const files = ['src', 'handlers', 'playground'].flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(100);
    const offenders = files.filter(
      (file) =>
        !DATA_FILES.has(file) && /\p{Script=Han}/u.test(withoutComments(readFileSync(join(ROOT, file), 'utf8'))),
    );
    expect(offenders).toEqual([]);
  });

  it('catches a sentence written outside the catalogue', () => {
    expect(/\p{Script=Han}/u.test(withoutComments("const notice = { zh: '置信度已下调' };"))).toBe(true);
    expect(/\p{Script=Han}/u.test(withoutComments('// 置信度 in a comment'))).toBe(false);
  });
});
