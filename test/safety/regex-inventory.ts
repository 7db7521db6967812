/**
 * Every regular expression written in the product's source: literals and `new RegExp('…')` with a
 * constant pattern, found with the TypeScript parser so none is missed when a file changes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export type FoundRegex = { file: string; line: number; source: string; flags: string };

const ROOTS = ['src', 'handlers'];

const listSources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listSources(path);
    return /\.(ts|js)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });

const constantText = (node: ts.Node | undefined): string | null => {
  if (node === undefined) return null;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  return null;
};

export const findRegexes = (repoRoot: string): FoundRegex[] => {
  const found: FoundRegex[] = [];
  for (const root of ROOTS) {
    for (const path of listSources(join(repoRoot, root))) {
      const code = readFileSync(path, 'utf8');
      const file = ts.createSourceFile(path, code, ts.ScriptTarget.Latest, true);
      const at = (node: ts.Node) => file.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      const visit = (node: ts.Node): void => {
        if (ts.isRegularExpressionLiteral(node)) {
          const text = node.text;
          const end = text.lastIndexOf('/');
          found.push({
            file: relative(repoRoot, path),
            line: at(node),
            source: text.slice(1, end),
            flags: text.slice(end + 1),
          });
        } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
          const source = constantText(node.arguments?.[0]);
          if (source !== null) {
            found.push({
              file: relative(repoRoot, path),
              line: at(node),
              source,
              flags: constantText(node.arguments?.[1]) ?? '',
            });
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(file);
    }
  }
  return found;
};
