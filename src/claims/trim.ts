/**
 * How a unit of text is trimmed to the words of its claim: white space, a leading "that", opening quote marks and a
 * leading ellipsis, trailing commas, colons and quote marks — but not a quote mark that pairs with one inside.
 */
import { isWs, skipWs, trimEnd } from '../language/chars';

const LEAD_TRIM = new Set(['"', '“', '‘', "'", '«', '—', '–', '-', '…', ',', ':', ';', '(', '[']);
const TAIL_TRIM = new Set(['"', '”', '“', "'", '’', '‘', '»', ',', ':', ';', '—', '–', '-', '(', '[']);

/** White space as /\s/ has it, for a one-character string. */
export function isWsChar(c: string): boolean {
  return isWs(c.charCodeAt(0));
}

/** Is text[s] a period of a leading ellipsis ("... He left"): followed by another period or by white space? */
function leadingDots(text: string, s: number, e: number): boolean {
  return text.charCodeAt(s) === 46 && s + 1 < e && (text.charCodeAt(s + 1) === 46 || isWs(text.charCodeAt(s + 1)));
}

/** Does `text[s, s + 5)` read "that" and a white space, in any case? */
function startsWithThat(text: string, s: number): boolean {
  return (
    (text.charCodeAt(s) | 32) === 116 && // t
    (text.charCodeAt(s + 1) | 32) === 104 && // h
    (text.charCodeAt(s + 2) | 32) === 97 && // a
    (text.charCodeAt(s + 3) | 32) === 116 && // t
    isWs(text.charCodeAt(s + 4))
  );
}

/** The last index of `mark` in text[s, e), or -1. */
function lastIndexIn(text: string, mark: string, s: number, e: number): number {
  // search [s, e) only: lastIndexOf would run on to the start of the story when the mark is absent
  const code = mark.charCodeAt(0);
  for (let i = e - 1; i >= s; i--) if (text.charCodeAt(i) === code) return i;
  return -1;
}

/**
 * Trim a unit to its words (see the module comment). Quote marks that pair with one inside the unit stay: a leading
 * “ whose ” is inside, a trailing ” whose “ is inside (and the same for ‘ ’). Linear in the unit's length.
 */
export function trimUnit(text: string, s: number, e: number): [number, number] {
  for (let guard = 0; guard < 4; guard++) {
    const s0 = s;
    const e0 = e;
    s = skipWs(text, s, e);
    e = trimEnd(text, s, e);
    // the last closing marks in the unit (-2: not looked up yet; only an opening mark needs them)
    let lastDq = -2;
    let lastSq = -2;
    while (s < e && (LEAD_TRIM.has(text[s]) || leadingDots(text, s, e))) {
      if (text[s] === '“') {
        if (lastDq === -2) lastDq = lastIndexIn(text, '”', s, e);
        if (lastDq > s) break;
      }
      if (text[s] === '‘') {
        if (lastSq === -2) lastSq = lastIndexIn(text, '’', s, e);
        if (lastSq > s && lastSq < e - 1) break;
      }
      s++;
    }
    // the trailing run of marks and spaces starts at t
    let t = e;
    while (t > s && (TAIL_TRIM.has(text[t - 1]) || isWsChar(text[t - 1]))) t--;
    // depth of open “ and ‘ over [s, p) for each p in [t, e]: only needed when a closing mark is in that run
    let dqAt: Int32Array | null = null;
    let sqAt: Int32Array | null = null;
    if (lastIndexIn(text, '”', t, e) >= 0 || lastIndexIn(text, '’', t, e) >= 0) {
      let dq = 0;
      let sq = 0;
      const step = (c: number) => {
        if (c === 0x201c)
          dq++; // “
        else if (c === 0x201d)
          dq = Math.max(0, dq - 1); // ”
        else if (c === 0x2018)
          sq++; // ‘
        else if (c === 0x2019) sq = Math.max(0, sq - 1); // ’
      };
      for (let i = s; i < t; i++) step(text.charCodeAt(i));
      dqAt = new Int32Array(e - t + 1);
      sqAt = new Int32Array(e - t + 1);
      for (let p = t; p <= e; p++) {
        dqAt[p - t] = dq;
        sqAt[p - t] = sq;
        if (p < e) step(text.charCodeAt(p));
      }
    }
    while (e > s && e - 1 >= t && TAIL_TRIM.has(text[e - 1])) {
      const c = text[e - 1];
      if (c === '”' && dqAt && dqAt[e - 1 - t] > 0) break;
      if (c === '’' && sqAt && sqAt[e - 1 - t] > 0) break;
      e--;
    }
    if (e - s > 5 && startsWithThat(text, s)) s += 4;
    if (s === s0 && e === e0) break;
  }
  s = skipWs(text, s, e);
  return [s, trimEnd(text, s, e)];
}

/** Runs of white space in text[a, b), counted up to `enough` (one less than the number of /\s+/-separated pieces). */
export function wsRuns(text: string, a: number, b: number, enough: number): number {
  let runs = 0;
  let inWs = false;
  for (let i = a; i < b && runs < enough; i++) {
    const w = isWs(text.charCodeAt(i));
    if (w && !inWs) runs++;
    inWs = w;
  }
  return runs;
}
