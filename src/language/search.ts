/** Binary search over a sorted sequence, for the stages that look offsets up in tokens, sentences or spans. */

/**
 * The first index in [0, n) for which `before(i)` is false, given that `before` is true for a prefix of the
 * indexes and false after it (n when it is true for all).
 */
export function firstNotBefore(n: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
