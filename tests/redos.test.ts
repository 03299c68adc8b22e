/**
 * No text can make the tokenizer backtrack for long (issue 8 §1).
 *
 * - Every regex wink compiles from the model (token detectors, recursive splitters, helpers), as quotewire hands
 *   it the model, is checked with recheck: none may be exponential, none worse than quadratic. Quadratic is
 *   acceptable only because no piece wink reads is as long as OPAQUE_RUN (tokens.ts), which the crafted-input
 *   timings in tests/crafted.test.ts hold it to.
 * - Every regex of our own — each literal in src/, and the ones built at run time (datelines, boilerplate data) —
 *   must be linear: they run over whole paragraphs and stories, whose length nothing bounds.
 * - The rewritten model regexes accept the same strings, and find the same matches, as the model's own (on 954
 *   corpus stories wink tokenised the same with either set when this was written).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { checkSync, type Diagnostics } from 'recheck';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import model from 'wink-eng-lite-web-model';
import { boilerplatePatterns } from '../src/document/boilerplate';
import { DATE_PART_RE, DATELINE_RE } from '../src/document/dateline';
import { hardenTrex, TREX_REWRITES, type Trex } from '../src/language/wink-safety';

const ROOT = join(__dirname, '..');
const freshTrex = (): Trex => (model as unknown as { core: () => { trex: Trex } }).core().trex;

function check(source: string, flags: string): Diagnostics {
  // recheck reads the pattern as `test` would: drop the global / sticky flags it does not take
  return checkSync(source, flags.replace(/[gy]/g, ''), { timeout: 30_000 });
}

/** What wink compiles (wink-nlp src/compile-trex.js): token detectors, recursive splitters, helpers. */
function winkRegexes(trex: Trex): { name: string; source: string; flags: string }[] {
  return [
    ...trex.ltc.map(([source, flags], i) => ({ name: `ltc[${i}]`, source, flags })),
    ...trex.rtc.map(([source, flags], i) => ({ name: `rtc[${i}]`, source, flags })),
    ...Object.entries(trex.helpers).map(([k, [source, flags]]) => ({ name: `helpers.${k}`, source, flags })),
  ];
}

function describeComplexity(d: Diagnostics): string {
  if (d.status === 'vulnerable') {
    const c = d.complexity;
    return c.type === 'polynomial' ? `polynomial, degree ${c.degree}` : c.type;
  }
  return d.status === 'safe' ? 'safe' : `unknown (${d.error.kind})`;
}

describe('the model regexes wink compiles', () => {
  it('the model still has the shapes quotewire rewrites, and the rewrites are in what wink compiles', () => {
    const before = winkRegexes(freshTrex())
      .map((r) => r.source)
      .join('\n');
    const after = winkRegexes(hardenTrex(freshTrex()))
      .map((r) => r.source)
      .join('\n');
    for (const [from, to] of TREX_REWRITES) {
      expect(before).toContain(from);
      expect(before).not.toContain(to);
      expect(after).toContain(to);
    }
  });

  it('are at most quadratic once hardened (the model as published has exponential ones)', () => {
    const published = winkRegexes(freshTrex()).map((r) => ({ ...r, d: check(r.source, r.flags) }));
    // the checker does see the hole that was there: without this the test below could pass by seeing nothing
    expect(published.filter((r) => r.d.status === 'vulnerable' && r.d.complexity.type === 'exponential').map((r) => r.name)).toEqual([
      'ltc[3]',
      'rtc[0]',
    ]);
    const bad: string[] = [];
    for (const r of winkRegexes(hardenTrex(freshTrex()))) {
      const d = check(r.source, r.flags);
      const ok = d.status === 'safe' || (d.status === 'vulnerable' && d.complexity.type === 'polynomial' && d.complexity.degree <= 2);
      if (!ok) bad.push(`${r.name}: ${describeComplexity(d)} /${r.source}/${r.flags}`);
    }
    expect(bad).toEqual([]);
  }, 180_000);

  it('accept the same strings and find the same matches as the published ones', () => {
    const original = freshTrex();
    const hardened = hardenTrex(freshTrex());
    const pairs: [RegExp, RegExp][] = [];
    for (const list of ['ltc', 'rtc'] as const) {
      original[list].forEach(([source, flags], i) => {
        const [s2, f2] = hardened[list][i];
        if (s2 !== source) pairs.push([new RegExp(source, flags), new RegExp(s2, f2)]);
      });
    }
    expect(pairs.length).toBeGreaterThanOrEqual(4);
    const parts = [
      '/',
      '//',
      ':',
      '.',
      '-',
      '--',
      '@',
      'a',
      'Z',
      '1',
      '42',
      'é',
      'ß',
      'http:',
      'https://',
      'ftp:',
      'www',
      '?',
      '#',
      ':80',
      'com',
      '%',
      '_',
      '~',
      '!',
      '0',
      '2',
      '3',
      '5',
      '9',
      '11',
      '111',
      'th',
      'st',
      'nd',
      'rd',
      '+',
      ',',
    ];
    // short strings only: the published regexes are exponential, so longer ones could not be compared in time
    const urlish = fc.array(fc.constantFrom(...parts), { minLength: 1, maxLength: 12 }).map((xs) => xs.join('').slice(0, 40));
    fc.assert(
      fc.property(urlish, (s) => {
        for (const [a, b] of pairs) {
          if (a.global) {
            expect(s.match(b)).toEqual(s.match(a));
            expect(s.split(b)).toEqual(s.split(a));
          } else {
            expect(b.test(s)).toBe(a.test(s));
          }
        }
      }),
      { numRuns: 30_000 },
    );
  }, 120_000);
});

/** Every regex literal in src/, with the file and line it is written on. */
function sourceRegexLiterals(): { where: string; re: RegExp }[] {
  const out: { where: string; re: RegExp }[] = [];
  const walkDir = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walkDir(path);
      else if (name.endsWith('.ts')) {
        const text = readFileSync(path, 'utf8');
        const file = ts.createSourceFile(path, text, ts.ScriptTarget.ES2022, true);
        const visit = (node: ts.Node) => {
          if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
            const lit = node.getText(file);
            const slash = lit.lastIndexOf('/');
            const line = file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
            out.push({ where: `${path.slice(ROOT.length + 1)}:${line}`, re: new RegExp(lit.slice(1, slash), lit.slice(slash + 1)) });
          }
          ts.forEachChild(node, visit);
        };
        visit(file);
      }
    }
  };
  walkDir(join(ROOT, 'src'));
  return out;
}

describe('our own regexes', () => {
  it('every RegExp built at run time in src/ is one this test checks', () => {
    // a new `new RegExp(…)` must be added to the list below, or it runs unchecked
    const builders: string[] = [];
    const walkDir = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walkDir(path);
        else if (name.endsWith('.ts') && /\bnew RegExp\(/.test(readFileSync(path, 'utf8'))) builders.push(path.slice(ROOT.length + 1));
      }
    };
    walkDir(join(ROOT, 'src'));
    expect(builders.sort()).toEqual(['src/document/boilerplate.ts', 'src/document/dateline.ts']);
  });

  it('are all linear (they run over text of any length)', () => {
    const all = [
      ...sourceRegexLiterals(),
      { where: 'dateline.ts DATELINE_RE', re: DATELINE_RE },
      { where: 'dateline.ts DATE_PART_RE', re: DATE_PART_RE },
      ...boilerplatePatterns().map((re, i) => ({ where: `boilerplate pattern ${i}`, re })),
    ];
    expect(all.length).toBeGreaterThan(60);
    const bad: string[] = [];
    for (const { where, re } of all) {
      const d = check(re.source, re.flags);
      if (d.status !== 'safe') bad.push(`${where}: ${describeComplexity(d)} ${re}`);
    }
    expect(bad).toEqual([]);
  }, 600_000);
});
