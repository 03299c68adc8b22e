/**
 * The published declarations promise only what the JavaScript delivers: every value `dist/index.d.ts` (and
 * `.d.cts`) declares is exported by `dist/index.js` (and `.cjs`), and the other way round. `export type *`
 * once made the declarations announce `CodePointIndex`, `textFromSpans` and two constants that the bundle does
 * not export: `import { CodePointIndex } from 'quotewire'` type-checked, then failed at run time.
 * Runs on the build (`npm test` builds first).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');

/** Names the declaration file exports, split into values and types, as the type checker sees them. */
function declared(file: string): { values: string[]; types: string[] } {
  const program = ts.createProgram([file], { strict: true, noEmit: true, skipLibCheck: true, types: [] });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  if (!source) throw new Error(`cannot read ${file}`);
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error(`${file} is not a module`);
  const values: string[] = [];
  const types: string[] = [];
  for (const sym of checker.getExportsOfModule(moduleSymbol)) {
    const target = sym.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(sym) : sym;
    // `export { type X }` keeps the alias type-only even when X is a class or a constant
    const typeOnly = (sym.declarations ?? []).some((d) => ts.isExportSpecifier(d) && (d.isTypeOnly || d.parent.parent.isTypeOnly));
    if (!typeOnly && target.flags & ts.SymbolFlags.Value) values.push(sym.name);
    else types.push(sym.name);
  }
  return { values: values.sort(), types: types.sort() };
}

describe('the published entry point', () => {
  it.skipIf(!existsSync(join(DIST, 'index.d.ts')))('declares as values exactly what dist/index.js exports', async () => {
    const d = declared(join(DIST, 'index.d.ts'));
    const js = Object.keys(await import(pathToFileURL(join(DIST, 'index.js')).href)).sort();
    expect(d.values).toEqual(js);
    expect(d.values).toEqual(['createExtractor', 'extract', 'toSchemaOrgClaims', 'toWebAnnotations']);
    // the types users name are there
    for (const t of ['Extraction', 'Quote', 'Speaker', 'Claim', 'ExtractOptions', 'Extractor', 'WebAnnotation', 'SchemaOrgClaim']) {
      expect(d.types).toContain(t);
    }
  });

  it.skipIf(!existsSync(join(DIST, 'index.d.cts')))('declares as values exactly what dist/index.cjs exports', () => {
    const d = declared(join(DIST, 'index.d.cts'));
    const cjs = Object.keys(createRequire(import.meta.url)(join(DIST, 'index.cjs')) as object).sort();
    expect(d.values).toEqual(cjs);
  });
});
