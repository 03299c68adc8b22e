/**
 * Measure quotewire on annotated corpora (format and metrics: ../shared/corpora/README.md; scoring: ./metrics.ts).
 * It measures the build: extract() comes from dist/, not from src/ (`npm run eval` builds first).
 *
 *   npm run eval                                   # the dev corpora: ../shared/corpora/{polnear-dev,bbc-dev}.jsonl
 *   npm run eval -- corpus.jsonl [more.jsonl] [--limit N] [--json] [--misses /tmp/misses.jsonl]
 *   npx tsx scripts/eval.ts [corpus.jsonl ...] [options]   # without building
 *
 * A check-worthiness file (CLEF CheckThat! format, `{id, lines: [{n, speaker, text, label}]}`) is told by its records'
 * shape and scored by ./checkworthy-eval.ts (MAP over its documents, with baselines).
 *
 * --limit N     score only the first N articles of each file
 * --json        print the metrics as one JSON object (the totals; `byCorpus` too when several files are given)
 * --misses FILE write one JSON record a line for error analysis: type "fn" | "fp" | "src" | "spk" | "bound",
 *               the article id, the texts involved and ±60 characters of context. The records quote the corpus,
 *               which is under copyright: FILE must lie outside the repository (e.g. /tmp/misses.jsonl).
 *
 * extract() gets nothing but the article text. Exit status: 0, or 1 when extract() threw on some article
 * (those articles are scored as having no predictions) or on bad arguments.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, relative, resolve, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import type { Extraction } from '../src/types';
import { CUE_CLASSES, MENTION_CLASSES } from './classes';
import {
  ATTRIBUTION_THRESHOLD,
  aggregate,
  type Counts,
  type Metrics,
  missRecords,
  parseJsonl,
  scoreArticle,
  sumCounts,
  THRESHOLDS,
} from './metrics';
import { evalCheckworthyFile, isClefFile } from './checkworthy-eval';

interface Options {
  files: string[];
  limit: number;
  json: boolean;
  misses: string | null;
}
interface CorpusRun {
  name: string;
  counts: Counts[];
  ms: number;
  words: number;
}
interface Timing {
  ms: number;
  words: number;
  wordsPerSecond: number | null;
}
type TimedMetrics = Metrics & { timing: Timing };
/** What `--json` prints: the totals, and `byCorpus` when several files are given. */
type Report = TimedMetrics & { errors: number; byCorpus?: Record<string, TimedMetrics> };

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_CORPORA = ['polnear-dev.jsonl', 'bbc-dev.jsonl'].map((f) => resolve(repoRoot, '..', 'shared', 'corpora', f));

function usage(msg?: string): never {
  if (msg) console.error(`eval: ${msg}`);
  console.error('usage: npx tsx scripts/eval.ts [corpus.jsonl ...] [--limit N] [--json] [--misses FILE]');
  process.exit(msg ? 1 : 0);
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { files: [], limit: Infinity, json: false, misses: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (name: string): string => {
      const eq = a.indexOf('=');
      if (eq >= 0) return a.slice(eq + 1);
      if (i + 1 >= argv.length) usage(`${name} needs a value`);
      return argv[++i];
    };
    if (a === '--json') opts.json = true;
    else if (a === '--limit' || a.startsWith('--limit=')) {
      const n = Number(value('--limit'));
      if (!Number.isInteger(n) || n < 0) usage('--limit takes a non-negative integer');
      opts.limit = n;
    } else if (a === '--misses' || a.startsWith('--misses=')) opts.misses = value('--misses');
    else if (a === '-h' || a === '--help') usage();
    else if (a.startsWith('-')) usage(`unknown option ${a}`);
    else opts.files.push(a);
  }
  return opts;
}

const opts = parseArgs(process.argv.slice(2));

let files = opts.files.map((f) => resolve(f));
if (files.length === 0) {
  files = DEFAULT_CORPORA.filter((f) => existsSync(f));
  for (const f of DEFAULT_CORPORA) if (!existsSync(f)) console.log(`eval: corpus not found, skipped (${f})`);
  if (files.length === 0) process.exit(0);
}
for (const f of files) if (!existsSync(f)) usage(`corpus not found: ${f}`);

let missesPath: string | null = null;
if (opts.misses) {
  missesPath = resolve(opts.misses);
  const rel = relative(repoRoot, missesPath);
  if (!rel.startsWith('..') && !isAbsolute(rel)) {
    usage(
      `--misses ${opts.misses}: the dump quotes copyrighted corpus text and must not go inside the repository; use e.g. /tmp/quotewire-misses.jsonl`,
    );
  }
}

const distEntry = resolve(repoRoot, 'dist', 'index.js');
if (!existsSync(distEntry)) usage(`${distEntry} not found: run \`npm run build\` first (or use \`npm run eval\`)`);
// the build's entry has the source's types (dist/ is built from src/index.ts)
const { extract }: Pick<typeof import('../src/index'), 'extract'> = await import(distEntry);

// check-worthiness files (CLEF CheckThat! format) are scored apart: MAP of the claims' check-worthiness
for (const f of files.filter(isClefFile)) evalCheckworthyFile(f, extract, opts.limit);
files = files.filter((f) => !isClefFile(f));
if (files.length === 0) process.exit(0);

const perCorpus: CorpusRun[] = [];
const errors: Array<{ corpus: string; id: string | undefined; message: string }> = [];
const missLines: string[] = [];
for (const file of files) {
  const name = basename(file).replace(/\.jsonl$/, '');
  const articles = parseJsonl(readFileSync(file, 'utf8'), file).slice(0, opts.limit);
  const counts: Counts[] = [];
  let ms = 0;
  let words = 0;
  for (const article of articles) {
    const text = article.text ?? '';
    words += (text.match(/\S+/g) ?? []).length;
    let extraction: Extraction | null = null;
    const t0 = performance.now();
    try {
      extraction = extract(text);
    } catch (err) {
      errors.push({ corpus: name, id: article.id, message: errorText(err) });
    }
    ms += performance.now() - t0;
    // PolNeAR joins `"A," X said. "B."` into one attribution: score follow-on quotes as spans of the quote they continue
    const joinContinuations = /^polnear/i.test(article.corpus ?? name);
    const { counts: c, details } = scoreArticle(article, extraction, THRESHOLDS, { joinContinuations });
    counts.push(c);
    if (missesPath)
      for (const r of missRecords(article, extraction, details)) missLines.push(JSON.stringify({ corpus: article.corpus ?? name, ...r }));
  }
  perCorpus.push({ name, counts, ms, words });
}

/** `err.stack` where there is one, else the value as a string. */
function errorText(err: unknown): string {
  const stack = typeof err === 'object' && err !== null && 'stack' in err ? err.stack : undefined;
  return stack != null ? String(stack) : String(err);
}

function withTiming(metrics: Metrics, ms: number, words: number): TimedMetrics {
  return { ...metrics, timing: { ms: Math.round(ms), words, wordsPerSecond: ms > 0 ? Math.round(words / (ms / 1000)) : null } };
}

const total: Report = {
  ...withTiming(
    aggregate(sumCounts(perCorpus.flatMap((c) => c.counts))),
    perCorpus.reduce((n, c) => n + c.ms, 0),
    perCorpus.reduce((n, c) => n + c.words, 0),
  ),
  errors: 0,
};
const byCorpus: Record<string, TimedMetrics> = Object.fromEntries(
  perCorpus.map((c) => [c.name, withTiming(aggregate(sumCounts(c.counts)), c.ms, c.words)]),
);
total.errors = errors.length;

if (missesPath) writeFileSync(missesPath, missLines.length ? missLines.join('\n') + '\n' : '');

if (opts.json) {
  const out: Report = perCorpus.length > 1 ? { ...total, byCorpus } : total;
  console.log(JSON.stringify(out));
} else {
  printTable(perCorpus.length > 1 ? [...Object.entries(byCorpus), ['all', total]] : [[perCorpus[0].name, total]]);
}

if (missesPath) console.error(`eval: ${missLines.length} miss records written to ${missesPath}`);
if (errors.length) {
  console.error(`eval: extract() threw on ${errors.length} article(s) (scored as no predictions):`);
  for (const e of errors.slice(0, 5)) console.error(`  ${e.corpus} ${e.id}: ${e.message.split('\n').slice(0, 3).join(' | ')}`);
  if (errors.length > 5) console.error(`  … and ${errors.length - 5} more`);
  process.exitCode = 1;
}

type Row = [label: string, cell: (m: TimedMetrics) => string];

function printTable(columns: Array<[name: string, metrics: TimedMetrics]>): void {
  const pct = (x: number | null): string => (x == null ? 'n/a' : (100 * x).toFixed(1));
  const rows: Row[] = [
    ['articles', (m) => String(m.articles)],
    ['gold (direct / indirect)', (m) => `${m.gold} (${m.goldDirect} / ${m.goldIndirect})`],
    ['predicted', (m) => String(m.predicted)],
  ];
  for (const t of THRESHOLDS.map(String)) {
    rows.push([
      `P / R / F1 @${t}`,
      (m) => `${pct(m.match[t].precision)} / ${pct(m.match[t].recall)} / ${pct(m.match[t].f1)}  (${m.match[t].matched} matched)`,
    ]);
  }
  rows.push(['exact F1', (m) => `${pct(m.exact.f1)}  (${m.exact.matched} identical)`]);
  for (const t of THRESHOLDS.map(String)) {
    rows.push([`recall direct / indirect @${t}`, (m) => `${pct(m.match[t].recallDirect)} / ${pct(m.match[t].recallIndirect)}`]);
  }
  rows.push([
    'source-mention accuracy @0.3',
    (m) => `${pct(m.source.accuracy)}  (${m.source.correct}/${m.source.n}; ${m.source.goldNull} gold w/o source excluded)`,
  ]);
  rows.push([
    'speaker accuracy @0.3',
    (m) =>
      m.speaker.accuracy == null
        ? 'n/a (no reference)'
        : `${pct(m.speaker.accuracy)}  (${m.speaker.correct}/${m.speaker.n}; strict ${pct(m.speaker.strictAccuracy)})`,
  ]);
  for (const k of CUE_CLASSES) {
    rows.push([
      `  cue "${k}": P / R @${ATTRIBUTION_THRESHOLD}`,
      (m) => `${pct(m.byCue[k].precision)} / ${pct(m.byCue[k].recall)}  (${m.byCue[k].predicted} predicted, ${m.byCue[k].gold} gold)`,
    ]);
  }
  for (const k of MENTION_CLASSES) {
    rows.push([
      `  speaker strict, ${k}`,
      (m) =>
        m.speakerByMention[k].n
          ? `${pct(m.speakerByMention[k].strictAccuracy)}  (${m.speakerByMention[k].strictCorrect}/${m.speakerByMention[k].n})`
          : 'n/a',
    ]);
  }
  rows.push(['run time', (m) => `${(m.timing.ms / 1000).toFixed(2)} s, ${m.timing.wordsPerSecond ?? 'n/a'} words/s`]);
  const notes = (m: TimedMetrics): string => {
    const n: string[] = [];
    if (m.goldEmpty) n.push(`${m.goldEmpty} empty gold skipped`);
    if (m.predictedEmpty) n.push(`${m.predictedEmpty} empty predictions`);
    if (m.predictedDuplicates) n.push(`${m.predictedDuplicates} duplicate predictions`);
    if (m.predictedBadSpans) n.push(`${m.predictedBadSpans} predictions with bad offsets`);
    return n.join(', ') || '-';
  };
  rows.push(['notes', notes]);

  const labelW = Math.max(...rows.map((r) => r[0].length));
  const cells = rows.map(([, f]) => columns.map(([, m]) => f(m)));
  const colW = columns.map(([name], k) => Math.max(name.length, ...cells.map((r) => r[k].length)));
  const line = (label: string, vals: string[]): string =>
    [label.padEnd(labelW), ...vals.map((v, k) => v.padEnd(colW[k]))].join('  ').trimEnd();
  console.log(
    line(
      '',
      columns.map(([name]) => name),
    ),
  );
  console.log(
    line(
      '-'.repeat(labelW),
      colW.map((w) => '-'.repeat(w)),
    ),
  );
  rows.forEach(([label], i) => {
    console.log(line(label, cells[i]));
  });
}
