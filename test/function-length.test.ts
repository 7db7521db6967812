import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * No function in the product's source runs past about 80 lines: a longer one is doing several jobs
 * and should be split by job. A function whose body is mostly one object or array literal is a table
 * of data, not logic, and is exempt. Found with the TypeScript parser so a new long function is
 * caught the day it lands.
 */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const FOLDERS = ['src', 'handlers', 'playground'];
const MAX_LINES = 80;

/** Functions being split by job in parallel work; each entry names its file and why it waits. */
const ALLOWED: Record<string, string> = {};

type LongFunction = { where: string; lines: number };

const sourceFiles = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'public' ? [] : sourceFiles(path);
    return /\.(ts|mts)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });

const functionName = (node: ts.FunctionLikeDeclaration): string => {
  if (node.name !== undefined && ts.isIdentifier(node.name)) return node.name.text;
  const parent = node.parent;
  if ((ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) && ts.isIdentifier(parent.name)) {
    return parent.name.text;
  }
  return '(anonymous)';
};

/** A body that is one returned object or array literal taking most of the lines is a data table. */
const isDataTable = (node: ts.FunctionLikeDeclaration, lines: (n: ts.Node) => number): boolean => {
  const body = node.body;
  if (body === undefined) return false;
  const literals: ts.Node[] = [];
  const collect = (n: ts.Node): void => {
    if (ts.isArrayLiteralExpression(n)) {
      literals.push(n);
      return;
    }
    if (ts.isObjectLiteralExpression(n)) {
      // An object of methods is the closure pattern's API, not data: look inside it instead.
      if (!n.properties.some((p) => ts.isMethodDeclaration(p) || isFunctionValue(p))) literals.push(n);
      return;
    }
    if (ts.isFunctionLike(n)) return;
    ts.forEachChild(n, collect);
  };
  collect(body);
  const dataLines = literals.reduce((sum, literal) => sum + lines(literal), 0);
  return dataLines >= lines(body) * 0.75;
};

const isFunctionValue = (p: ts.ObjectLiteralElementLike): boolean =>
  ts.isPropertyAssignment(p) && (ts.isArrowFunction(p.initializer) || ts.isFunctionExpression(p.initializer));

const longFunctionsIn = (path: string, code: string): LongFunction[] => {
  const found: LongFunction[] = [];
  {
    const file = ts.createSourceFile(path, code, ts.ScriptTarget.Latest, true);
    const lineOf = (pos: number) => file.getLineAndCharacterOfPosition(pos).line;
    const lines = (n: ts.Node) => lineOf(n.getEnd()) - lineOf(n.getStart(file)) + 1;
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionLike(node) && 'body' in node && node.body !== undefined) {
        const fn = node as ts.FunctionLikeDeclaration;
        const length = lines(fn);
        if (length > MAX_LINES && !isDataTable(fn, lines)) {
          found.push({ where: `${path}:${lineOf(fn.getStart(file)) + 1} ${functionName(fn)}`, lines: length });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return found;
};

const longFunctions = (): LongFunction[] =>
  FOLDERS.flatMap(sourceFiles).flatMap((path) => longFunctionsIn(path, readFileSync(join(ROOT, path), 'utf8')));

const lines = (count: number, line: string) => Array.from({ length: count }, () => line).join('\n');

describe('function length', () => {
  const found = longFunctions();
  const key = (f: LongFunction) => f.where.replace(/:\d+ /, ' ');

  it(`finds no function over ${MAX_LINES} lines outside the named exceptions`, () => {
    expect(found.filter((f) => !(key(f) in ALLOWED))).toEqual([]);
  });

  it('keeps each exception only while its function is still long', () => {
    const stillLong = new Set(found.map(key));
    expect(Object.keys(ALLOWED).filter((name) => !stillLong.has(name))).toEqual([]);
  });

  it('reads every source folder', () => {
    for (const folder of FOLDERS) expect(sourceFiles(folder).length).toBeGreaterThan(3);
  });

  it('flags a long function, including a long method inside a returned object, but not a data table', () => {
    const logic = `export const big = (n: number) => {\n${lines(85, '  n += 1;')}\n  return n;\n};`;
    const method = `export const make = () => ({\n  run(n: number) {\n${lines(85, '    n += 1;')}\n    return n;\n  },\n});`;
    const table = `export const words = () => [\n${lines(90, "  'word',")}\n];`;
    expect(longFunctionsIn('a.ts', logic)).toEqual([{ where: 'a.ts:1 big', lines: 88 }]);
    expect(longFunctionsIn('b.ts', method).map((f) => f.where)).toContain('b.ts:2 run');
    expect(longFunctionsIn('c.ts', table)).toEqual([]);
    expect(longFunctionsIn('d.ts', lines(79, '// short'))).toEqual([]);
  });
});
