/**
 * A small sentence splitter for the claims stage: used inside quotations (a quote's content may hold several
 * sentences) and as a fallback when the document model has no sentences. Linear, no backtracking regexes.
 * A boundary is [.!?…] plus any closing quotes/brackets, then white space, then an upper-case letter, a digit or an
 * opening quote — unless the period ends a known abbreviation or a single-letter initial. Line breaks are boundaries.
 */
import type { Span } from '../types';

const ABBREV = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'jr',
  'sr',
  'gen',
  'sen',
  'rep',
  'gov',
  'lt',
  'col',
  'capt',
  'maj',
  'sgt',
  'adm',
  'prof',
  'inc',
  'ltd',
  'co',
  'corp',
  'no',
  'nos',
  'vs',
  'etc',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'mon',
  'tue',
  'tues',
  'wed',
  'thu',
  'thur',
  'thurs',
  'fri',
  'sat',
  'sun',
  'e.g',
  'i.e',
  'u.s',
  'u.k',
  'u.n',
  'e.u',
  'a.m',
  'p.m',
  'approx',
  'est',
  'dept',
  'univ',
  'assn',
  'bros',
  'ft',
  'mt',
  'rev',
  'hon',
  'pres',
  'gov',
  'atty',
  'supt',
  'det',
  'insp',
  'cmdr',
  'fig',
  'vol',
  'pp',
  'op',
  'cf',
  'al',
]);
const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '»']);
const OPENERS = new Set(['"', '“', '‘', "'", '(', '[', '«']);

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u00a0' || c === '\u2009' || c === '\u202f' || c === '\u3000';
}
function isUpperStart(c: string): boolean {
  const k = c.charCodeAt(0);
  if (k < 128) return k >= 65 && k <= 90; // ASCII: only A-Z change when lower-cased
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

/** The word that ends just before index i (letters and inner dots), lower-cased. */
function wordBefore(text: string, i: number, lo: number): string {
  let j = i;
  while (j > lo && j > i - 12) {
    const c = text.charCodeAt(j - 1);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46) j--;
    else break;
  }
  return text.slice(j, i).toLowerCase();
}

/** Trim white space off a span. */
export function trimSpan(text: string, s: number, e: number): [number, number] {
  while (s < e && isSpace(text[s])) s++;
  while (e > s && isSpace(text[e - 1])) e--;
  return [s, e];
}

export function splitSentences(text: string, start: number, end: number): Span[] {
  return sentenceBounds(text, start, end).map(([x, y]) => ({ start: x, end: y, text: text.slice(x, y) }));
}

/** {@link splitSentences} as [start, end) pairs, without their text. */
export function sentenceBounds(text: string, start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  const lo = Math.max(0, start);
  const hi = Math.min(text.length, end);
  let s = lo;
  const emit = (a: number, b: number) => {
    const [x, y] = trimSpan(text, a, b);
    if (y > x) out.push([x, y]);
  };
  if (!Number.isInteger(lo)) {
    // (no character at a fractional index: nothing splits)
    emit(s, hi);
    return out;
  }
  for (let i = lo; i < hi; i++) {
    const code = text.charCodeAt(i);
    // line breaks \n \r \u2028 \u2029 end a sentence; . ! ? … may
    if (code === 10 || code === 13 || code === 0x2028 || code === 0x2029) {
      emit(s, i);
      s = i + 1;
      continue;
    }
    if (code !== 46 && code !== 33 && code !== 63 && code !== 0x2026) continue;
    const c = text[i];
    let j = i + 1;
    while (j < hi && (text[j] === '.' || text[j] === '!' || text[j] === '?')) j++;
    while (j < hi && CLOSERS.has(text[j])) j++;
    if (j >= hi) continue;
    if (!isSpace(text[j])) continue;
    let k = j;
    while (k < hi && isSpace(text[k]) && text[k] !== '\n') k++;
    if (k >= hi) continue;
    const nx = text[k];
    if (!(isUpperStart(nx) || (nx >= '0' && nx <= '9') || OPENERS.has(nx) || nx === '\n')) continue;
    if (c === '.') {
      const w = wordBefore(text, i, lo);
      const bare = w.replace(/^\.+/, '');
      if (ABBREV.has(bare)) continue;
      if (/^[a-z]$/.test(bare) && isUpperStart(text[i - 1] ?? '')) continue; // an initial: "John F. Kennedy"
      if (/^([a-z]\.)+[a-z]$/.test(bare)) continue; // "U.S." before a capitalised word is ambiguous: keep together
    }
    emit(s, j);
    s = j;
    i = j - 1;
  }
  emit(s, hi);
  return out;
}
