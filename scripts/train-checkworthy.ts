/**
 * Trains the check-worthiness model (src/claims/checkmodel.ts) on CLEF 2019 CheckThat! Task 1's training debates and
 * writes its weights to src/model/checkworthy.json. Deterministic: full-batch training from zero weights (nothing is
 * sampled), so the same corpus, options and seed give the same file, byte for byte; the seed (recorded in the file)
 * drives the random baseline.
 *
 *   npx tsx scripts/train-checkworthy.ts [corpus.jsonl] [--out FILE] [--seed N] [--no-cv] [--hand W] [--l2 X]
 *
 * Before writing it prints leave-one-debate-out MAP (CLEF 2019's measure, scripts/checkworthy-eval.ts) of the model
 * next to the hand-weighted score and the baselines; --no-cv skips that (it trains the model 19 more times).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DENSE_NAMES, type CheckModel } from '../src/claims/checkmodel';
import { parseClef, samplesOf, type ClefDoc, type Sample } from './checkworthy-data';
import { baselines, mapOfSamples } from './checkworthy-eval';
import { crossValidated, DEFAULT_TRAIN, train, type TrainOptions, type Weights } from './checkworthy-train';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The median of the n-gram weights' sums over the samples (a typical sentence's wording). */
function medianWording(w: Weights, samples: readonly Sample[]): number {
  const sums = samples.map((s) => s.buckets.reduce((z, b) => z + w.ngrams[b], 0)).sort((a, b) => a - b);
  if (!sums.length) return 0;
  const m = sums.length >> 1;
  return sums.length % 2 ? sums[m] : (sums[m - 1] + sums[m]) / 2;
}

/** The weights as the model file holds them: n-gram weights as int16 (base64) times one scale. */
export function modelFile(w: Weights, opts: TrainOptions, about: string, samples: readonly Sample[]): CheckModel & Record<string, unknown> {
  let max = 0;
  for (const x of w.ngrams) max = Math.max(max, Math.abs(x));
  const scale = max > 0 ? max / 32767 : 1;
  const q = new Int16Array(w.ngrams.length);
  for (let i = 0; i < q.length; i++) q[i] = Math.round(w.ngrams[i] / scale);
  const bytes = new Uint8Array(q.length * 2);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < q.length; i++) view.setInt16(2 * i, q[i], true);
  return {
    about,
    options: { ...opts },
    bits: opts.bits,
    bias: w.bias,
    hand: w.handWeight,
    dense: Object.fromEntries(DENSE_NAMES.map((name, j) => [name, w.dense[j]])),
    scale,
    ngrams: Buffer.from(bytes).toString('base64'),
    wordingBaseline: medianWording(w, samples),
  };
}

/** What the model file says it was trained on. */
function describe(file: string, docs: readonly ClefDoc[]): string {
  const sentences = docs.reduce((n, d) => n + d.lines.length, 0);
  const positives = docs.reduce((n, d) => n + d.lines.filter((l) => l.label === 1).length, 0);
  const name = file.split('/').pop();
  return `logistic regression trained by scripts/train-checkworthy.ts on ${name}: ${docs.length} documents, ${sentences} sentences, ${positives} labelled check-worthy`;
}

/** Leave-one-debate-out MAP of the model and of the baselines. */
export function report(samples: readonly Sample[], opts: TrainOptions): [string, number][] {
  const z = crossValidated(samples, opts);
  const bare = crossValidated(samples, { ...opts, handWeight: 0 });
  return [
    ['model (leave-one-debate-out)', mapOfSamples(samples, (_, i) => z[i])],
    ['model without the hand score as input', mapOfSamples(samples, (_, i) => bare[i])],
    ...Object.entries(baselines(samples, opts.seed)),
  ];
}

interface Args {
  corpus: string;
  out: string;
  cv: boolean;
  opts: TrainOptions;
}

function parseArgs(argv: string[]): Args {
  const a: Args = {
    corpus: resolve(repoRoot, '..', 'shared', 'corpora', 'clef2019-train.jsonl'),
    out: resolve(repoRoot, 'src', 'model', 'checkworthy.json'),
    cv: true,
    opts: { ...DEFAULT_TRAIN },
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const num = (): number => {
      const v = Number(argv[++i]);
      if (!Number.isFinite(v)) throw new RangeError(`${arg} takes a number`);
      return v;
    };
    if (arg === '--out') a.out = resolve(argv[++i] ?? '');
    else if (arg === '--no-cv') a.cv = false;
    else if (arg === '--seed') a.opts.seed = num();
    else if (arg === '--hand') a.opts.handWeight = num();
    else if (arg === '--l2') a.opts.l2 = num();
    else if (arg.startsWith('-')) throw new RangeError(`unknown option ${arg}`);
    else a.corpus = resolve(arg);
  }
  return a;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (!existsSync(args.corpus)) {
    console.error(`train-checkworthy: corpus not found: ${args.corpus}`);
    process.exit(1);
  }
  const docs = parseClef(readFileSync(args.corpus, 'utf8'), args.corpus);
  const samples = samplesOf(docs, args.opts.bits);
  if (args.cv) for (const [name, map] of report(samples, args.opts)) console.log(`MAP ${map.toFixed(4)}  ${name}`);
  const file = modelFile(train(samples, args.opts), args.opts, describe(args.corpus, docs), samples);
  const json = `${JSON.stringify(file, null, 1)}\n`;
  writeFileSync(args.out, json);
  console.log(`wrote ${args.out} (${json.length} bytes)`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
