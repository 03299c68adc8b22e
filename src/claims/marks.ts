/**
 * Interval helpers of the claims stage: sorted sentences, merged intervals with an overlap test, and set-only marks
 * over the story's characters.
 */
import { firstNotBefore } from '../language/search';

/** Index of the first of the sorted sentences that ends after offset p (binary search). */
export function firstSentenceEndingAfter(sentences: readonly [number, number][], p: number): number {
  return firstNotBefore(sentences.length, (i) => sentences[i][1] <= p);
}

/** Sorted, merged intervals with an overlap test. */
export class Intervals {
  private starts: number[] = [];
  private ends: number[] = [];
  constructor(spans: readonly [number, number][]) {
    const sorted = [...spans].sort((a, b) => a[0] - b[0]);
    for (const [a, b] of sorted) {
      const k = this.ends.length - 1;
      if (k >= 0 && a <= this.ends[k]) this.ends[k] = Math.max(this.ends[k], b);
      else {
        this.starts.push(a);
        this.ends.push(b);
      }
    }
  }
  overlaps(a: number, b: number): boolean {
    const ends = this.ends;
    const lo = firstNotBefore(ends.length, (i) => ends[i] <= a);
    return lo < this.starts.length && this.starts[lo] < b;
  }
}

/**
 * Marks over [0, n) that can only be set, with a jump to the next unset position: each position is visited once
 * however many overlapping ranges are marked (nested quotes stay linear).
 * Stored as jumps in a zeroed array of n + 1 (so no set-up pass): skip[i] is 0 while i is unset, else a distance
 * forward towards the next unset position. Position n is never set.
 */
export class Marks {
  constructor(private readonly skip: Int32Array) {}
  isSet(i: number): boolean {
    return this.skip[i] !== 0;
  }
  /** The first unset position ≥ i (n when none). */
  free(i: number): number {
    const skip = this.skip;
    let r = i;
    while (skip[r] !== 0) r += skip[r];
    let j = i;
    while (j !== r) {
      const k = j + skip[j];
      skip[j] = r - j;
      j = k;
    }
    return r;
  }
  /** Set [a, b); `into[i] = value` for every position i that was unset. */
  mark(a: number, b: number, into?: Int32Array, value = 0): void {
    const skip = this.skip;
    let i = this.free(a);
    while (i < b) {
      // a stretch of unset positions: set them one after the other, then jump past the set ones that follow
      for (; i < b && skip[i] === 0; i++) {
        skip[i] = 1;
        if (into) into[i] = value;
      }
      if (i < b) i = this.free(i);
    }
  }
  /** Is all of [a, b) set? */
  full(a: number, b: number): boolean {
    return this.free(a) >= b;
  }
}
