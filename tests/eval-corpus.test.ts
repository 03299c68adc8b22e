/**
 * Runs the built package over the first dev articles of PolNeAR (when ../shared/corpora holds it) and checks that
 * the harness's metrics are well-formed. No quality thresholds here yet.
 * Imports dist/ (the test command builds first); a dynamic import keeps `tsc` happy before the first build.
 * The eval script is TypeScript: the child processes run it with `node --import tsx`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Extraction } from '../src/types';
import { aggregate, type Metrics, parseJsonl, scoreArticle, TOTAL_KEYS } from '../scripts/metrics';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = resolve(root, '..', 'shared', 'corpora', 'polnear-dev.jsonl');
const dist = resolve(root, 'dist', 'index.js');
const haveCorpus = existsSync(corpus);
const haveDist = existsSync(dist);
const N = 20;

type Extract = (text: string) => Extraction;
const loadExtract = async () => ((await import(dist)) as { extract: Extract }).extract;
/** The eval script as a child process, run with tsx. */
const evalScript = join(root, 'scripts', 'eval.ts');
const evalArgs = (...args: string[]) => ['--import', 'tsx', evalScript, ...args];

function expectWellFormed(m: Metrics, articles: number) {
  const inUnit = (x: unknown) => {
    expect(typeof x).toBe('number');
    expect(Number.isFinite(x as number)).toBe(true);
    expect(x as number).toBeGreaterThanOrEqual(0);
    expect(x as number).toBeLessThanOrEqual(1);
  };
  const count = (x: unknown) => {
    expect(Number.isInteger(x)).toBe(true);
    expect(x as number).toBeGreaterThanOrEqual(0);
  };
  expect(m.articles).toBe(articles);
  for (const k of TOTAL_KEYS) if (k !== 'articles') count(m[k]);
  expect(m.gold).toBeGreaterThan(0);
  expect(m.goldDirect + m.goldIndirect).toBe(m.gold);
  expect(Object.keys(m.match).sort()).toEqual(['0.3', '0.8']);
  for (const s of Object.values(m.match)) {
    for (const k of ['precision', 'recall', 'f1', 'recallDirect', 'recallIndirect'] as const) inUnit(s[k]);
    count(s.matched);
    expect(s.matched).toBeLessThanOrEqual(m.predicted);
    expect(s.matched).toBeLessThanOrEqual(m.gold);
    expect(s.matchedDirect + s.matchedIndirect).toBe(s.matched);
    expect(s.matchedDirect).toBeLessThanOrEqual(m.goldDirect);
    expect(s.matchedIndirect).toBeLessThanOrEqual(m.goldIndirect);
  }
  // the strict threshold can only match fewer
  expect(m.match['0.8'].matched).toBeLessThanOrEqual(m.match['0.3'].matched);
  // identical spans overlap fully
  expect(m.exact.matched).toBeLessThanOrEqual(m.match['0.8'].matched);
  for (const k of ['precision', 'recall', 'f1'] as const) inUnit(m.exact[k]);
  // source and speaker are judged on the pairs matched at 0.3
  expect(m.source.n + m.source.goldNull).toBe(m.match['0.3'].matched);
  expect(m.source.correct).toBeLessThanOrEqual(m.source.n);
  expect(m.source.goldNullPredNull).toBeLessThanOrEqual(m.source.goldNull);
  expect(m.speaker.n).toBeLessThanOrEqual(m.match['0.3'].matched);
  expect(m.speaker.correct).toBeLessThanOrEqual(m.speaker.n);
  expect(m.speaker.strictCorrect).toBeLessThanOrEqual(m.speaker.correct);
  for (const acc of [m.source.accuracy, m.speaker.accuracy, m.speaker.strictAccuracy]) if (acc !== null) inUnit(acc);
  if (m.source.n === 0) expect(m.source.accuracy).toBeNull();
  if (m.speaker.n === 0) expect(m.speaker.accuracy).toBeNull();
}

describe.skipIf(!haveCorpus)(`quotewire on the first ${N} PolNeAR dev articles`, () => {
  it('produces well-formed metrics', { timeout: 300_000 }, async () => {
    const extract = await loadExtract();
    const articles = parseJsonl(readFileSync(corpus, 'utf8'), corpus).slice(0, N);
    expect(articles).toHaveLength(N);
    const counts = articles.map((a) => scoreArticle(a, extract(a.text ?? '')));
    const m = aggregate(counts.map((c) => c.counts));
    expectWellFormed(m, N);
  });

  it('the eval script prints the same kind of metrics as JSON', { timeout: 300_000 }, () => {
    const out = execFileSync(process.execPath, evalArgs(corpus, '--limit', '3', '--json'), {
      cwd: root,
      encoding: 'utf8',
      stdio: 'pipe',
    });
    const m = JSON.parse(out) as Metrics & { timing: { ms: number; words: number }; errors: number };
    expectWellFormed(m, 3);
    expect(m.errors).toBe(0);
    expect(m.timing.words).toBeGreaterThan(0);
  });
});

describe.skipIf(!haveDist)('the eval script on a made-up corpus', () => {
  it('scores, dumps misses outside the repository and refuses to dump inside it', { timeout: 120_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'quotewire-eval-'));
    try {
      const text = 'The mayor said that the new bridge will open next spring.';
      const content = 'the new bridge will open next spring';
      const s = text.indexOf(content);
      const article = {
        id: 'made-up-1',
        corpus: 'made-up',
        text,
        attributions: [
          {
            source: { text: 'The mayor', spans: [[0, 9]] },
            cue: { text: 'said', spans: [[10, 14]] },
            content: { text: content, spans: [[s, s + content.length]] },
            reference: 'Jane Mayor',
            direct: false,
          },
        ],
      };
      const file = join(dir, 'made-up.jsonl');
      writeFileSync(file, JSON.stringify(article) + '\n');
      const misses = join(dir, 'misses.jsonl');
      const out = execFileSync(process.execPath, evalArgs(file, '--json', '--misses', misses), {
        cwd: root,
        encoding: 'utf8',
        stdio: 'pipe',
      });
      const m = JSON.parse(out) as Metrics;
      expect(m.articles).toBe(1);
      expect(m.gold).toBe(1);
      expect(m.match['0.3'].matched).toBeLessThanOrEqual(m.predicted);
      const records = readFileSync(misses, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l));
      for (const r of records) {
        expect(['fn', 'fp', 'src', 'spk', 'bound']).toContain(r.type);
        expect(r.id).toBe('made-up-1');
      }
      // a gold the library missed shows up as "fn" with its context
      if (m.match['0.3'].matched === 0) expect(records.find((r) => r.type === 'fn')?.context).toContain(`⟦${content}⟧`);

      const table = execFileSync(process.execPath, evalArgs(file), { cwd: root, encoding: 'utf8', stdio: 'pipe' });
      expect(table).toMatch(/P \/ R \/ F1 @0\.3/);
      expect(table).toMatch(/speaker accuracy/);

      let refused = false;
      try {
        execFileSync(process.execPath, evalArgs(file, '--misses', join(root, 'misses.jsonl')), {
          cwd: root,
          encoding: 'utf8',
          stdio: 'pipe',
        });
      } catch {
        refused = true;
      }
      expect(refused).toBe(true);
      expect(existsSync(join(root, 'misses.jsonl'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
