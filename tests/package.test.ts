/**
 * The published declarations promise only what the JavaScript delivers: every value `dist/index.d.ts` (and
 * `.d.cts`) declares is exported by `dist/index.js` (and `.cjs`), and the other way round. `export type *`
 * once made the declarations announce `CodePointIndex`, `textFromSpans` and two constants that the bundle does
 * not export: `import { CodePointIndex } from 'quotewire'` type-checked, then failed at run time.
 * Then the tarball `npm pack` makes, as it would be published: arethetypeswrong and publint pass on it, it ships
 * no file that nothing loads, and each way the README gives to load `quotewire/schema.json` compiles and runs
 * in the TypeScript setting it is given for.
 * Runs on the build (`npm test` builds first).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

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
  it.skipIf(!existsSync(join(DIST, 'index.d.ts')))(
    'declares as values exactly what dist/index.js exports',
    { timeout: 60_000 },
    async () => {
      const d = declared(join(DIST, 'index.d.ts'));
      const js = Object.keys(await import(pathToFileURL(join(DIST, 'index.js')).href)).sort();
      expect(d.values).toEqual(js);
      expect(d.values).toEqual(['createExtractor', 'extract', 'toSchemaOrgClaims', 'toWebAnnotations']);
      // the types users name are there
      for (const t of ['Extraction', 'Quote', 'Speaker', 'Claim', 'ExtractOptions', 'Extractor', 'WebAnnotation', 'SchemaOrgClaim']) {
        expect(d.types).toContain(t);
      }
    },
  );

  it.skipIf(!existsSync(join(DIST, 'index.d.cts')))('declares as values exactly what dist/index.cjs exports', { timeout: 60_000 }, () => {
    const d = declared(join(DIST, 'index.d.cts'));
    const cjs = Object.keys(createRequire(import.meta.url)(join(DIST, 'index.cjs')) as object).sort();
    expect(d.values).toEqual(cjs);
  });
});

// ---------------------------------------------------------------------------------------------------------
// The packed tarball, as npm would publish it: attw and publint pass on it, it holds no file that nothing
// loads, and each way the README gives to load quotewire/schema.json compiles and runs in its setting.

const run = (cmd: string, args: string[], cwd = ROOT) =>
  spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' }, maxBuffer: 64 << 20 });

/** The relative files a shipped script loads: static and dynamic imports, require(), and `new URL('./x.js', …)`. */
function loads(code: string): string[] {
  const found = new Set<string>();
  const re = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*|\bnew URL\s*\(\s*)(["'])(\.{1,2}\/[^"']+)\1/g;
  for (const m of code.matchAll(re)) found.add(m[2]);
  return [...found];
}

describe.skipIf(!existsSync(join(DIST, 'index.js')))('the packed tarball', () => {
  let tmp: string;
  let tarball: string;
  let unpacked: string;
  let files: string[];
  let sizes: { packed: number; unpacked: number };

  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'quotewire-pack-'));
    const packed = run('npm', ['pack', '--json', '--pack-destination', tmp]);
    expect(packed.status, packed.stderr).toBe(0);
    const info = JSON.parse(packed.stdout) as { filename: string; size: number; unpackedSize: number; files: { path: string }[] }[];
    tarball = join(tmp, info[0].filename);
    sizes = { packed: info[0].size, unpacked: info[0].unpackedSize };
    files = info[0].files.map((f) => f.path).sort();
    unpacked = join(tmp, 'node_modules', 'quotewire');
    mkdirSync(unpacked, { recursive: true });
    const untar = run('tar', ['xzf', tarball, '-C', unpacked, '--strip-components=1']);
    expect(untar.status, untar.stderr).toBe(0);
  }, 120_000);
  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('passes arethetypeswrong, every entry point (quotewire/schema.json included) in every resolution mode', { timeout: 120_000 }, () => {
    const r = run(process.execPath, [join(ROOT, 'node_modules/@arethetypeswrong/cli/dist/index.js'), tarball, '--format', 'json']);
    const report = JSON.parse(r.stdout) as { problems?: Record<string, unknown>; analysis?: { entrypoints: Record<string, unknown> } };
    expect(Object.keys(report.problems ?? {}), r.stdout.slice(0, 2000)).toEqual([]);
    expect(Object.keys(report.analysis?.entrypoints ?? {}).sort()).toEqual(['.', './package.json', './schema.json']);
    expect(r.status).toBe(0);
  });

  it('passes publint, warnings counted as errors', { timeout: 120_000 }, () => {
    const r = run(process.execPath, [join(ROOT, 'node_modules/publint/src/cli.js'), 'run', tarball, '--strict']);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('All good!');
  });

  it('ships only files that are loaded: the entry points, the bin, the batch worker and what they import', () => {
    const pkg = JSON.parse(readFileSync(join(unpacked, 'package.json'), 'utf8')) as Record<string, unknown>;
    const roots = new Set<string>(['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE']);
    const collect = (v: unknown): void => {
      if (typeof v === 'string') roots.add(v.replace(/^\.\//, ''));
      else if (v && typeof v === 'object') for (const x of Object.values(v)) collect(x);
    };
    for (const key of ['main', 'module', 'types', 'exports', 'bin']) collect(pkg[key]);
    const reached = new Set<string>();
    const queue = [...roots];
    while (queue.length > 0) {
      const file = queue.pop()!;
      if (reached.has(file)) continue;
      reached.add(file);
      if (!/\.(c|m)?js$/.test(file) || !existsSync(join(unpacked, file))) continue;
      const dir = dirname(file);
      for (const rel of loads(readFileSync(join(unpacked, file), 'utf8'))) queue.push(join(dir, rel));
    }
    expect(files.filter((f) => !reached.has(f))).toEqual([]);
    // and everything reached is shipped (the worker is found by its URL beside the bin)
    expect([...reached].filter((f) => !files.includes(f))).toEqual([]);
    expect(files).toContain('dist/worker.js');
    expect(files.some((f) => /(cli|worker)\.cjs$/.test(f))).toBe(false);
  });

  it('is the size the README states, within a tenth', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const m = readme.match(/The package is about (\d+) kB packed \(([\d.]+) MB unpacked\)/);
    expect(m, 'README.md states the packed size').not.toBeNull();
    const [packed, unpacked] = [Number(m![1]) * 1000, Number(m![2]) * 1e6];
    expect(Math.abs(sizes.packed - packed) / sizes.packed, `packed: ${sizes.packed} bytes`).toBeLessThan(0.1);
    expect(Math.abs(sizes.unpacked - unpacked) / sizes.unpacked, `unpacked: ${sizes.unpacked} bytes`).toBeLessThan(0.1);
  });

  // The README's table "Loading the JSON Schema": each form, in the setting it is given for, type-checks and runs.
  const ATTR = "import schema from 'quotewire/schema.json' with { type: 'json' };\nconsole.log(schema.title);\n";
  const CREATE_REQUIRE =
    "import { createRequire } from 'node:module';\nconst schema: { title: string } = createRequire(import.meta.url)('quotewire/schema.json');\nconsole.log(schema.title);\n";
  const IMPORT_REQUIRE = "import schema = require('quotewire/schema.json');\nconsole.log(schema.title);\n";
  const settings: [name: string, module: string, resolution: string, type: 'module' | 'commonjs', code: string][] = [
    ['nodenext, ESM', 'nodenext', 'nodenext', 'module', ATTR],
    ['bundler (esnext)', 'esnext', 'bundler', 'module', ATTR],
    ['node16, ESM', 'node16', 'node16', 'module', CREATE_REQUIRE],
    ['node16, CommonJS', 'node16', 'node16', 'commonjs', IMPORT_REQUIRE],
  ];

  /** Source files parsed once for all the projects below (the libs and @types/node are most of the work). */
  const parsed = new Map<string, ts.SourceFile | undefined>();

  /**
   * A tiny project beside the unpacked package, compiled in-process as `tsc -p` would: its diagnostics, and,
   * when it compiled, the status and output of node running it.
   */
  function project(name: string, module: string, resolution: string, type: string, code: string) {
    const dir = join(tmp, name.replace(/\W+/g, '-'));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ type }));
    writeFileSync(join(dir, 'a.ts'), code);
    const compilerOptions = { module, moduleResolution: resolution, resolveJsonModule: true, strict: true, esModuleInterop: true };
    const config = { ...compilerOptions, target: 'es2022', outDir: 'out', types: ['node'], typeRoots: [join(ROOT, 'node_modules/@types')] };
    const { options } = ts.convertCompilerOptionsFromJson(config, dir);
    const host = ts.createCompilerHost(options);
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (file, language, ...rest) => {
      if (file.startsWith(dir)) return getSourceFile(file, language, ...rest);
      const key = `${file}\u0000${JSON.stringify(language)}`;
      if (!parsed.has(key)) parsed.set(key, getSourceFile(file, language, ...rest));
      return parsed.get(key);
    };
    const program = ts.createProgram([join(dir, 'a.ts')], options, host);
    const emitted = program.emit();
    const diagnostics = [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics].map(
      (d) => `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`,
    );
    const node = diagnostics.length === 0 ? run(process.execPath, ['out/a.js'], dir) : null;
    return { diagnostics, node };
  }

  it.each(settings)('quotewire/schema.json loads under %s', { timeout: 120_000 }, (name, module, resolution, type, code) => {
    const { diagnostics, node } = project(name, module, resolution, type, code);
    expect(diagnostics).toEqual([]);
    expect(node?.status, node?.stderr).toBe(0);
    expect(node?.stdout.trim()).toBe('quotewire Extraction');
  });

  it('the import attribute is refused under --module node16 (TS2823): why the README gives createRequire there', {
    timeout: 120_000,
  }, () => {
    const { diagnostics } = project('node16 attribute', 'node16', 'node16', 'module', ATTR);
    expect(diagnostics.map((d) => d.slice(0, 6))).toEqual(['TS2823']);
  });
});
