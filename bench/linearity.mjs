/**
 * Linearity of extract() on one pathological input family (bench section 5). Run by bench.mjs in a child process
 * per family, so that a family that hangs is killed and reported instead of stalling the whole bench:
 *
 *   node bench/linearity.mjs <family> [--quick]     → prints one line `RESULT {row json}`
 *
 * Ladder of sizes S/16, S/4, S, 4S (S = 64 KB). Start at S/4; once a size takes more than STOP_MS, go no higher
 * (a quadratic family would take minutes at 4S) and compare it with the size below. A family too fast to time
 * well (an early exit) keeps going up, to 4 MB at most. The ratio is per-char cost at the larger size over
 * per-char cost at the smaller: 1 = linear, 4 = quadratic. The same two sizes go through wink's readDoc alone,
 * to tell our cost from wink's (skipped where wink itself would be slow: it is quadratic on long runs without
 * white space).
 */
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';

// the generators and the checker are TypeScript shared with the tests; only they go through tsx, dist is imported as built
const { families } = await tsImport('../tests/support/inputs.ts', import.meta.url);
const { checkExtraction } = await tsImport('../tests/support/validate.ts', import.meta.url);

export const S = 64 * 1024;
export const MIN_MS = 50;
export const stopMs = (quick) => (quick ? 3_000 : 6_000);
export const TARGET = { warn: 1.5, fail: 2 };

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
export const kb = (n) => (n >= 1 << 20 ? `${n / (1 << 20)}M` : `${n / 1024}K`);

export function measureFamily(name, { extract, readDoc, quick = false, debug = false }) {
  const make = families[name];
  if (!make) throw new Error(`no such family: ${name}`);
  const STOP = stopMs(quick);
  const cfg = quick ? { minReps: 1, maxReps: 10, budgetMs: 150 } : { minReps: 3, maxReps: 50, budgetMs: 400 };
  /** Median ms of fn(text): at least minReps runs, more while under the time budget; one run if it is slow. */
  const time = (fn, text) => {
    const xs = [];
    const t00 = performance.now();
    while (xs.length < cfg.minReps || (xs.length < cfg.maxReps && performance.now() - t00 < cfg.budgetMs)) {
      const t0 = performance.now();
      fn(text);
      xs.push(performance.now() - t0);
      if (xs[xs.length - 1] > STOP / 2) break;
    }
    return median(xs);
  };
  const row = { family: name };
  try {
    const texts = new Map();
    const text = (n) => {
      if (!texts.has(n)) texts.set(n, make(n));
      return texts.get(n);
    };
    const ms = new Map();
    const measure = (n) => {
      const t = time((x) => extract(x), text(n));
      ms.set(n, t);
      if (debug) process.stderr.write(`    [${name}] ${kb(n)}: ${t.toFixed(1)} ms\n`);
      return t;
    };
    extract(text(S / 16)); // warm the paths this family takes
    let a;
    let b;
    if (measure(S / 4) > STOP) {
      measure(S / 16);
      [a, b] = [S / 16, S / 4];
    } else if (measure(S) > STOP) [a, b] = [S / 4, S];
    else {
      measure(4 * S);
      [a, b] = [S, 4 * S];
      while (ms.get(a) < MIN_MS && b < 64 * S) {
        measure(4 * b);
        [a, b] = [b, 4 * b];
      }
    }
    const ta = ms.get(a);
    const tb = ms.get(b);
    Object.assign(row, { smallSize: text(a).length, largeSize: text(b).length, smallMs: +ta.toFixed(2), largeMs: +tb.toFixed(2) });
    row.sizes = `${kb(Math.round(row.smallSize / 1024) * 1024)}→${kb(Math.round(row.largeSize / 1024) * 1024)}`;
    row.ratio = +(tb / text(b).length / (ta / text(a).length)).toFixed(3);
    if (b < 4 * S) row.note = `stopped at ${kb(b)}: ${(tb / 1000).toFixed(1)} s`;
    else if (ta < MIN_MS) row.note = `fast (< ${MIN_MS} ms even at ${kb(a)}): ratio is mostly noise`;
    // probe wink at 4K and 16K, extrapolate with the growth seen there (between linear and quadratic).
    // wink is timed on its first read of each text only: it learns every new word it reads, so a second read of
    // the same text is cheap ('a' × 16K: 0.5 s, then 1 ms) and a median of repeats would hide a quadratic cost.
    const once = (fn, t) => {
      const t0 = performance.now();
      fn(t);
      return performance.now() - t0;
    };
    const w4 = Math.max(0.05, once(readDoc, make(4096)));
    const w16 = w4 * 16 > STOP ? Infinity : Math.max(0.05, once(readDoc, make(16384)));
    const k = Math.min(2, Math.max(1, Math.log(w16 / w4) / Math.log(4)));
    const guess = (n) => w16 * (n / 16384) ** k;
    const wa = guess(text(a).length) > STOP ? null : once(readDoc, text(a));
    const wb = wa === null || guess(text(b).length) > 4 * STOP ? null : once(readDoc, text(b));
    row.winkRatio = wa === null || wb === null ? null : +(wb / text(b).length / (wa / text(a).length)).toFixed(3);
    row.verdict =
      ta < MIN_MS
        ? row.ratio > 4
          ? 'NOISY?'
          : 'PASS'
        : row.ratio > TARGET.fail
          ? 'SUPERLINEAR'
          : row.ratio > TARGET.warn
            ? 'WARN'
            : 'PASS';
    const out = extract(text(b));
    const problems = checkExtraction(text(b), out, { max: 3 });
    row.valid = problems.length === 0;
    if (problems.length) row.problems = problems;
    row.quotes = out.quotes?.length ?? 0;
    row.speakers = out.speakers?.length ?? 0;
  } catch (e) {
    row.verdict = 'ERROR';
    row.error = String(e?.stack ?? e)
      .split('\n')
      .slice(0, 3)
      .join(' | ');
  }
  return row;
}

// ---- as a script: one family, one RESULT line
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const require = createRequire(import.meta.url);
  const { extract } = await import(pathToFileURL(join(ROOT, 'dist', 'index.js')).href);
  const winkNLP = (await import(pathToFileURL(require.resolve('wink-nlp')).href)).default;
  const model = (await import(pathToFileURL(require.resolve('wink-eng-lite-web-model')).href)).default;
  const nlp = winkNLP(model);
  const row = measureFamily(process.argv[2], {
    extract,
    readDoc: (t) => nlp.readDoc(t),
    quick: process.argv.includes('--quick'),
    debug: Boolean(process.env.BENCH_DEBUG),
  });
  process.stdout.write(`RESULT ${JSON.stringify(row)}\n`);
}
