/**
 * The learned check-worthiness score: a logistic regression trained by scripts/train-checkworthy.ts (its weights in
 * src/model/checkworthy.json, inlined by the bundler like the other models):
 *
 *   checkworthiness = σ(bias + hand · handScore(reasons) + Σ dense weight · feature + Σ n-gram weight)
 *
 * The dense features are the explainable reasons (0/1 each) and the claim's length; the n-grams are the claim's
 * hashed word unigrams and bigrams (ngrams.ts), read off the tokens the claims stage already holds. The hand-weighted
 * score (reasons.ts) is a fixed input whose weight was chosen by leave-one-debate-out cross-validation, so a
 * checkable factual claim keeps scoring high where fact-checkers' past choices say little.
 *
 * `reasons` lists what pushed the score: each reason found, with its share (its learned weight plus its hand weight
 * times `hand`), and the n-grams' sum as `checked-wording` / `unchecked-wording` when it is far enough (0.75) from a
 * typical sentence's;
 * those that raise the score first, then those that lower it, each group strongest first.
 */
import model from '../model/checkworthy.json';
import { ngramSum } from './ngrams';
import { handScore, REASON_ORDER, REASON_WEIGHTS, type ReasonName } from './reasons';
import type { Tok } from './tokens';

/** The dense features' names: one per reason (REASON_ORDER), then the claim's length. */
export const DENSE_NAMES: readonly string[] = [...REASON_ORDER, 'length'];
/** Words past which a claim is no longer (for the length feature). */
const LONG = 40;
/** The length feature's place (after the reasons). */
const LENGTH = REASON_ORDER.length;
/** How far (in logits) the n-grams must push, from a typical sentence's, for the wording to be named as a reason. */
const WORDING_SHOWN = 0.75;

/** The dense features of a claim: its reasons (bits in REASON_ORDER) as 0/1, then its length in words (0..1). */
export function denseFeatures(why: number, words: number): number[] {
  const x = new Array<number>(DENSE_NAMES.length);
  for (let i = 0; i < REASON_ORDER.length; i++) x[i] = (why >>> i) & 1;
  x[LENGTH] = Math.min(words, LONG) / LONG;
  return x;
}

/** The model's weights, as the training script writes them. */
export interface CheckModel {
  bits: number;
  bias: number;
  hand: number;
  /** Weight per dense feature, by name (DENSE_NAMES). */
  dense: Record<string, number>;
  /** N-gram weights: little-endian int16, base64, times `scale`. */
  ngrams: string;
  scale: number;
  /** The n-gram weights' sum over a typical training sentence (the median): the wording's zero point. */
  wordingBaseline: number;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The bytes of a base64 string (no atob: the same in Node and browsers). */
export function fromBase64(s: string): Uint8Array {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 61) end--; // padding "="
  const clean = s.slice(0, end);
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let acc = 0;
  let n = 0;
  let o = 0;
  for (let i = 0; i < clean.length; i++) {
    const v = B64.indexOf(clean[i]);
    if (v < 0) throw new RangeError(`checkworthy model: bad base64 character at ${i}`);
    acc = (acc << 6) | v;
    n += 6;
    if (n >= 8) {
      n -= 8;
      out[o++] = (acc >>> n) & 0xff;
    }
  }
  return out;
}

/** The n-gram weights of a model, as numbers. */
export function ngramWeights(m: CheckModel): Float64Array {
  const bytes = fromBase64(m.ngrams);
  const n = 1 << m.bits;
  if (bytes.length !== 2 * n) throw new RangeError(`checkworthy model: ${bytes.length} bytes of n-gram weights, expected ${2 * n}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) w[i] = view.getInt16(2 * i, true) * m.scale;
  return w;
}

const M = model as CheckModel;
const NGRAMS = ngramWeights(M);
const DENSE = DENSE_NAMES.map((name) => M.dense[name] ?? 0);
/** Each reason's share of the logit when it is found: its learned weight plus its hand weight times `hand`. */
const SHARE = REASON_ORDER.map((r, i) => DENSE[i] + M.hand * REASON_WEIGHTS[r]);

/** The score (0..1, 3 decimals) and the reasons that pushed it, of a claim's tokens, reasons (bits) and word count. */
export function modelScore(toks: readonly Tok[], why: number, words: number): { score: number; reasons: ReasonName[] } {
  let z = M.bias + M.hand * handScore(why) + DENSE[LENGTH] * (Math.min(words, LONG) / LONG);
  for (let i = 0; i < LENGTH; i++) if (why & (1 << i)) z += DENSE[i];
  const ngrams = ngramSum(toks, M.bits, NGRAMS);
  z += ngrams;
  const wording = ngrams - M.wordingBaseline;
  const score = Math.round(1000 / (1 + Math.exp(-z))) / 1000;
  return { score, reasons: pushers(why, wording) };
}

/** The reasons found and the wording when it matters, raising ones first, each group by the size of its push. */
function pushers(why: number, wording: number): ReasonName[] {
  const pushes: [ReasonName, number][] = [];
  for (let i = 0; i < REASON_ORDER.length; i++) if (why & (1 << i)) pushes.push([REASON_ORDER[i], SHARE[i]]);
  if (wording >= WORDING_SHOWN) pushes.push(['checked-wording', wording]);
  else if (wording <= -WORDING_SHOWN) pushes.push(['unchecked-wording', wording]);
  pushes.sort((a, b) => (a[1] >= 0 ? 0 : 1) - (b[1] >= 0 ? 0 : 1) || Math.abs(b[1]) - Math.abs(a[1]));
  return pushes.map((p) => p[0]);
}
