/**
 * The code shows the pipeline (issue 9): `src/` has one folder per stage, in order
 * document → quotes → cues → attribution → speakers → claims → export → cli,
 * over one shared language layer (`src/language/`: tokens, character classes, noun phrases, role words) that
 * imports no stage. A stage imports only itself, earlier stages, the language layer, the data in `src/model/`
 * and the public types (`src/types.ts`); the top-level files (options, pipeline, index) are the composition
 * root that only the command line, the last stage, reaches back into. Nothing in `src/` imports a development
 * dependency (compromise runs in scripts/, when the lexicons are frozen).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import pkg from '../package.json';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, 'src');
const STAGES = ['document', 'quotes', 'cues', 'attribution', 'speakers', 'claims', 'export', 'cli'];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (name.endsWith('.ts')) out.push(path);
  }
  return out;
}

/** Every module specifier a file imports or re-exports (static and dynamic). */
function importsOf(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      out.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      out.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** The part of src/ a path is in: a stage, 'language', 'model', or the top-level file's name. */
function partOf(path: string): string {
  const rel = relative(SRC, path).split(/[\\/]/);
  return rel.length > 1 ? rel[0] : rel[0].replace(/\.(ts|json)$/, '');
}

function allowed(from: string, to: string): boolean {
  if (to === 'model' || to === 'types') return true;
  if (from === 'language') return to === 'language';
  if (to === 'language') return true;
  const a = STAGES.indexOf(from);
  const b = STAGES.indexOf(to);
  if (a >= 0 && b >= 0) return b <= a;
  // a stage reaching a top-level file (options, pipeline, index): the command line only
  if (a >= 0) return from === 'cli';
  // the top-level files are the composition root
  return true;
}

describe('layers', () => {
  it('every stage imports only earlier stages and the language layer, which imports no stage', () => {
    const bad: string[] = [];
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(40);
    for (const file of files) {
      const from = partOf(file);
      for (const spec of importsOf(file)) {
        if (!spec.startsWith('.')) continue;
        const target = resolve(dirname(file), spec);
        if (!target.startsWith(SRC)) {
          if (!target.endsWith('package.json')) bad.push(`${relative(ROOT, file)} imports ${spec} (outside src/)`);
          continue;
        }
        const to = partOf(target);
        if (!allowed(from, to)) bad.push(`${relative(ROOT, file)} (${from}) imports ${to}: ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('every folder of src/ is a stage, the language layer or the model data', () => {
    const folders = readdirSync(SRC)
      .filter((n) => statSync(join(SRC, n)).isDirectory())
      .sort();
    expect(folders).toEqual([...STAGES, 'language', 'model'].sort());
  });

  it('src/ imports no development dependency', () => {
    const dev = Object.keys((pkg as { devDependencies?: Record<string, string> }).devDependencies ?? {});
    const bad: string[] = [];
    for (const file of sourceFiles(SRC)) {
      for (const spec of importsOf(file)) {
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
        if (dev.includes(name)) bad.push(`${relative(ROOT, file)} imports ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
