import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Each folder's index.ts says in one comment what the folder owns and what it may import
 * (`May import: src/domain, src/lib; packages: zod.`). This test holds every file to the rule of
 * its nearest folder that states one, so the comments stay true.
 */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const TOP_FOLDERS = ['src', 'handlers', 'playground'];

type Rule = { folder: string; paths: string[]; packages: 'any' | string[] };

const sourceFiles = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'public' ? [] : sourceFiles(path);
    return /\.(ts|js|mjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });

const ruleIn = (folder: string): Rule | undefined => {
  let text: string;
  try {
    text = readFileSync(join(ROOT, folder, 'index.ts'), 'utf8');
  } catch {
    return undefined;
  }
  const line = /May import: ([^\n]*?)\.\n/.exec(text.replace(/\n \* /g, ' '))?.[1];
  if (line === undefined) return undefined;
  const [repo = '', packages] = line.split(';').map((part) => part.trim());
  const list = packages?.replace(/^packages:?\s*/, '').trim() ?? '';
  return {
    folder,
    paths: repo.split(',').map((p) => p.replace(/\(.*$/, '').trim()),
    packages: packages === undefined || list === '' ? 'any' : list === 'none' ? [] : list.split(/,\s*/),
  };
};

const ruleFor = (file: string): Rule | undefined => {
  for (let folder = dirname(file); folder !== '.'; folder = dirname(folder)) {
    const rule = ruleIn(folder);
    if (rule) return rule;
  }
  return undefined;
};

const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^'"`;]*?from\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g;

const importsOf = (file: string): string[] =>
  [...readFileSync(join(ROOT, file), 'utf8').matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? '');

const packageOf = (spec: string) =>
  spec.startsWith('node:') ? 'node' : spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];

const violations = (file: string, rule: Rule): string[] =>
  importsOf(file).flatMap((spec) => {
    if (spec.startsWith('.')) {
      const target = normalize(join(dirname(file), spec)).replace(/\.js$/, '.ts');
      const inside = (path: string) => target === path || target.startsWith(`${path}/`);
      return rule.paths.some(inside) ? [] : [`${file} imports ${relative('.', target)}`];
    }
    const name = packageOf(spec) ?? spec;
    return rule.packages === 'any' || rule.packages.includes(name) ? [] : [`${file} imports the package ${name}`];
  });

describe('architecture: each folder imports only what its index.ts allows', () => {
  const files = TOP_FOLDERS.flatMap(sourceFiles);

  it('finds a rule for every source file', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.filter((file) => ruleFor(file) === undefined)).toEqual([]);
  });

  it('keeps every import within its folder rule', () => {
    const found = files.flatMap((file) => {
      const rule = ruleFor(file);
      return rule ? violations(file, rule) : [];
    });
    expect(found).toEqual([]);
  });

  it('reads the rules as written, so a rule that forbids is really applied', () => {
    expect(ruleIn('src/domain')).toEqual({
      folder: 'src/domain',
      paths: ['src/domain'],
      packages: ['zod', 'opencc-js'],
    });
    expect(
      violations('src/domain/rules.ts', { folder: 'src/domain', paths: ['src/domain/text'], packages: [] }),
    ).not.toEqual([]);
  });
});
