/**
 * Logistic regression for check-worthiness (the model src/claims/checkmodel.ts runs), trained by full-batch Adam from zero weights (no sampling at all):
 * the same samples, options and seed give the same weights, bit for bit.
 *
 *   logit = bias + handWeight · hand + Σ dense weight · dense feature + Σ n-gram weight
 *
 * `hand` (the hand-weighted score of the explainable reasons) is a fixed input, not learnt: its weight is chosen by
 * cross-validation (train-checkworthy.ts) so that the explainable view keeps its share. The dense features (one per
 * reason, and length) and the hashed n-grams are learnt with an L2 penalty each; positives are weighted so that both
 * classes weigh the same (the score is then spread over 0..1 instead of sitting near the base rate).
 */
import { denseFeatures, DENSE_NAMES } from '../src/claims/checkmodel';
import type { Sample } from './checkworthy-data';

export interface TrainOptions {
  /** log2 of the number of n-gram buckets (must match the samples'). */
  bits: number;
  seed: number;
  epochs: number;
  /** Weight of the hand score in the logit (fixed). */
  handWeight: number;
  /** L2 penalties of the n-gram and the dense weights. */
  l2: number;
  l2Dense: number;
  /** AdaGrad's base step. */
  rate: number;
  /** Use n-grams at all (false: the explainable features alone). */
  ngrams: boolean;
}

export const DEFAULT_TRAIN: TrainOptions = {
  bits: 14,
  seed: 12,
  epochs: 200,
  handWeight: 3,
  l2: 1e-2,
  l2Dense: 0.1,
  rate: 0.05,
  ngrams: true,
};

export interface Weights {
  bias: number;
  handWeight: number;
  dense: Float64Array;
  ngrams: Float64Array;
}

/** The samples packed for training: dense features row by row, n-gram buckets in one array. */
export interface Design {
  n: number;
  label: Uint8Array;
  hand: Float64Array;
  /** n × DENSE_NAMES.length. */
  dense: Float64Array;
  /** Sample i's buckets are buckets[from[i], from[i + 1]). */
  from: Int32Array;
  buckets: Int32Array;
}

export function design(samples: readonly Sample[]): Design {
  const D = DENSE_NAMES.length;
  const n = samples.length;
  const dense = new Float64Array(n * D);
  const from = new Int32Array(n + 1);
  samples.forEach((s, i) => {
    dense.set(denseFeatures(s.why, s.words), i * D);
    from[i + 1] = from[i] + s.buckets.length;
  });
  const buckets = new Int32Array(from[n]);
  samples.forEach((s, i) => {
    buckets.set(s.buckets, from[i]);
  });
  return { n, label: Uint8Array.from(samples, (s) => s.label), hand: Float64Array.from(samples, (s) => s.hand), dense, from, buckets };
}

/** The logit of sample i of a design under weights. */
export function logitAt(w: Weights, x: Design, i: number): number {
  const D = w.dense.length;
  let z = w.bias + w.handWeight * x.hand[i];
  for (let j = 0, o = i * D; j < D; j++) z += w.dense[j] * x.dense[o + j];
  for (let k = x.from[i]; k < x.from[i + 1]; k++) z += w.ngrams[x.buckets[k]];
  return z;
}

/** Adam's state of one weight vector. */
class Adam {
  readonly m: Float64Array;
  readonly v: Float64Array;
  constructor(n: number) {
    this.m = new Float64Array(n);
    this.v = new Float64Array(n);
  }
  /** One step at iteration t (from 1) on `w` by gradient `g`, with base step `rate`. */
  step(w: Float64Array, g: Float64Array, t: number, rate: number): void {
    const c1 = 1 - 0.9 ** t;
    const c2 = 1 - 0.999 ** t;
    for (let k = 0; k < w.length; k++) {
      this.m[k] = 0.9 * this.m[k] + 0.1 * g[k];
      this.v[k] = 0.999 * this.v[k] + 0.001 * g[k] * g[k];
      w[k] -= (rate * this.m[k]) / c1 / (Math.sqrt(this.v[k] / c2) + 1e-8);
    }
  }
}

/** The gradient of the class-balanced mean log loss over rows plus the L2 penalties, into g.b (bias), g.d, g.n. */
function gradient(
  x: Design,
  rows: Int32Array,
  w: Weights,
  opts: TrainOptions,
  g: { b: Float64Array; d: Float64Array; n: Float64Array },
): void {
  let pos = 0;
  for (const i of rows) pos += x.label[i];
  // each class weighs half: a positive counts 1/(2·pos), a negative 1/(2·neg)
  const wPos = pos ? 0.5 / pos : 0;
  const wNeg = rows.length > pos ? 0.5 / (rows.length - pos) : 0;
  const D = g.d.length;
  g.b[0] = 0;
  g.d.fill(0);
  g.n.fill(0);
  for (const i of rows) {
    const p = 1 / (1 + Math.exp(-logitAt(w, x, i)));
    const r = (p - x.label[i]) * (x.label[i] ? wPos : wNeg);
    g.b[0] += r;
    for (let j = 0, o = i * D; j < D; j++) g.d[j] += r * x.dense[o + j];
    if (opts.ngrams) for (let k = x.from[i]; k < x.from[i + 1]; k++) g.n[x.buckets[k]] += r;
  }
  for (let j = 0; j < D; j++) g.d[j] += opts.l2Dense * w.dense[j];
  for (let k = 0; k < g.n.length; k++) g.n[k] += opts.l2 * w.ngrams[k];
}

/** Trains on the rows of a design: full-batch Adam from zero weights, `epochs` steps (deterministic: no sampling). */
export function trainRows(x: Design, rows: Int32Array, opts: TrainOptions = DEFAULT_TRAIN): Weights {
  const nb = 1 << opts.bits;
  const D = DENSE_NAMES.length;
  const w: Weights = { bias: 0, handWeight: opts.handWeight, dense: new Float64Array(D), ngrams: new Float64Array(nb) };
  const bias = new Float64Array(1);
  const g = { b: new Float64Array(1), d: new Float64Array(D), n: new Float64Array(nb) };
  const adam = { b: new Adam(1), d: new Adam(D), n: new Adam(nb) };
  for (let t = 1; t <= opts.epochs; t++) {
    w.bias = bias[0];
    gradient(x, rows, w, opts, g);
    adam.b.step(bias, g.b, t, opts.rate);
    adam.d.step(w.dense, g.d, t, opts.rate);
    if (opts.ngrams) adam.n.step(w.ngrams, g.n, t, opts.rate);
  }
  w.bias = bias[0];
  return w;
}

/** Trains on all samples. */
export function train(samples: readonly Sample[], opts: TrainOptions = DEFAULT_TRAIN): Weights {
  const x = design(samples);
  return trainRows(x, Int32Array.from(samples.keys()), opts);
}

/** Leave-one-document-out logits: each document's samples scored by a model trained on all the others. */
export function crossValidated(samples: readonly Sample[], opts: TrainOptions): number[] {
  const x = design(samples);
  const docs = [...new Set(samples.map((s) => s.doc))];
  const out = new Array<number>(samples.length).fill(0);
  for (const d of docs) {
    const rows = Int32Array.from(samples.keys()).filter((i) => samples[i].doc !== d);
    const w = trainRows(x, rows, opts);
    samples.forEach((s, i) => {
      if (s.doc === d) out[i] = logitAt(w, x, i);
    });
  }
  return out;
}
