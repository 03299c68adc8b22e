/**
 * Hashed word n-grams of a claim, for the learned part of check-worthiness (checkmodel.ts) and for the script that
 * trains it (scripts/train-checkworthy.ts): both read the same tokens the same way, so what was learnt is what runs.
 *
 * A token's key is its lower case (`Tok.l`); every number is one key ("#"), so "3 million" and "40 million" share a
 * feature; quote marks and brackets are left out (they say how a claim was printed, not what it says). Unigrams and
 * bigrams are taken, with the claim's start and end as tokens of their own ("<s> i", "? </s>"). Each n-gram is hashed
 * (FNV-1a, then mixed for bigrams) into 2^bits buckets; a bucket counts once per claim. No string is built.
 */
import type { Tok } from './tokens';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** The hashes of the claim's start and end and of a number. */
const START = fnv('<s>');
const END = fnv('</s>');
const NUMBER = fnv('#');
/** Marks that say nothing of the content. */
const SKIPPED = new Set(['"', '“', '”', '‘', '’', "'", '«', '»', '(', ')', '[', ']', '„', '‚']);

function fnv(key: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

/** Two hashes into one (order matters: "a b" is not "b a"). */
function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 15), 0xc2b2ae35);
  return (h ^ (h >>> 13)) >>> 0;
}

/** The hash of a token's key, or -1 for a mark that is left out. */
function tokenHash(t: Tok): number {
  if (t.k === 'n') return NUMBER;
  if (t.k === 'p' && SKIPPED.has(t.v)) return -1;
  return fnv(t.l);
}

/** Scratch for the buckets of one claim (grown as needed; the stage is not re-entered). */
let scratch = new Int32Array(256);

/** The claim's buckets, distinct and ascending, in scratch[0, n): returns n. */
function fillBuckets(toks: readonly Tok[], bits: number): number {
  const mask = (1 << bits) - 1;
  if (scratch.length < 2 * toks.length + 1) scratch = new Int32Array(2 * toks.length + 1);
  const out = scratch;
  let m = 0;
  let prev = START;
  for (let i = 0; i < toks.length; i++) {
    const h = tokenHash(toks[i]);
    if (h < 0) continue;
    out[m++] = h & mask;
    out[m++] = mix(prev, h) & mask;
    prev = h;
  }
  out[m++] = mix(prev, END) & mask;
  const sorted = out.subarray(0, m).sort();
  let n = 0;
  for (let i = 0; i < m; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) out[n++] = sorted[i];
  return n;
}

/** The distinct buckets (ascending) of the claim's unigrams and bigrams, in 2^bits buckets. */
export function ngramBuckets(toks: readonly Tok[], bits: number): number[] {
  const n = fillBuckets(toks, bits);
  return Array.from(scratch.subarray(0, n));
}

/** The sum of `weights` over the claim's distinct buckets (2^bits of them: `weights.length`). */
export function ngramSum(toks: readonly Tok[], bits: number, weights: Float64Array): number {
  const n = fillBuckets(toks, bits);
  let z = 0;
  for (let i = 0; i < n; i++) z += weights[scratch[i]];
  return z;
}
