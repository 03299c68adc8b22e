/**
 * Number reading shared by quantities and dates: digits, number words ("twenty-five", "two million", "a dozen"),
 * scale words ("1.5 million", "$3bn"), and the test that tells a four-digit year from a count.
 */
import units from '../model/units.json';
import type { Tok } from './tokens';
import { PhraseTrie, lowerSet } from './lexicon';
import { classesOf, wordClass } from './wordclass';

export const SMALL = new Map<string, number>(Object.entries(units.numberWords));
export const TENS = new Map<string, number>(Object.entries(units.tensWords));
const SCALES = new Map<string, number>(Object.entries(units.scales));
const SHORT_SCALES = new Map<string, number>(Object.entries(units.scalesAfterCurrencyOnly));

export const MEASURES = new PhraseTrie<string>();
for (const m of units.measures) MEASURES.addAll(m.names, m.unit);
export const PERCENT = new PhraseTrie<string>();
for (const [unit, names] of Object.entries(units.percent)) PERCENT.addAll(names, unit);
export const CURRENCY_NAMES = new PhraseTrie<string>();
for (const c of units.currencyNames) CURRENCY_NAMES.addAll(c.names, c.unit);
export const CURRENCY_CODES = new Set(units.currencyCodes);
export const CURRENCY_SYMBOLS = new Map<string, string>(Object.entries(units.currencySymbols));
export const COUNTED_KNOWN = lowerSet(units.countedKnown);
/** The words a number in words can start with ("twenty", "eight", "a dozen"): any other word starts none. */
export const NUMBER_WORD_START: ReadonlySet<string> = new Set<string>([...SMALL.keys(), ...TENS.keys(), 'a', 'an']);
const NUMBER_WORD = wordClass(NUMBER_WORD_START);

/** Can this (word) token start a number in words? */
export function startsNumberWord(t: Tok): boolean {
  return (classesOf(t) & NUMBER_WORD) !== 0;
}

export interface NumberRead {
  value: number;
  /** Token index just past the number (scale words included). */
  end: number;
  /** Written in words ("eight", "a dozen"). */
  words: boolean;
  /** A bare "one"/"a": only a quantity when a unit follows. */
  weak: boolean;
  /** The scale word that multiplied the number ("million" in "10 million", "three million"): 1 when none. */
  scale: number;
}

function isScaleWord(t: Tok | undefined): number {
  if (!t || t.k !== 'w') return 0;
  return SCALES.get(t.l) ?? 0;
}

/** Multiply a decimal string by a power-of-ten scale without binary rounding noise ("1.1" × 1e6 → 1100000). */
export function scaleValue(digits: string, scale: number): number {
  if (scale === 1) return Number(digits);
  const exp = Math.round(Math.log10(scale));
  if (10 ** exp === scale) return Number(`${digits}e${exp}`);
  return Number(digits) * scale;
}

/**
 * Read a number starting at token i. `shortScales` admits "m"/"bn"/"k" glued to digits (after a currency sign).
 * Never consumes more than a handful of tokens per call.
 */
export function readNumber(toks: readonly Tok[], i: number, shortScales = false): NumberRead | null {
  const t = toks[i];
  if (!t) return null;
  if (t.k === 'n') {
    const digits = t.v.replace(/,/g, '');
    let end = i + 1;
    let scale = 1;
    const nx = toks[end];
    if (nx && nx.k === 'w') {
      const s = isScaleWord(nx);
      if (s && (nx.gap || isGluedScale(nx.l))) {
        scale = s;
        end++;
      } else if (!nx.gap && shortScales && SHORT_SCALES.has(nx.l)) {
        scale = SHORT_SCALES.get(nx.l) ?? 1;
        end++;
      } else if (nx.gap && nx.l === 'dozen') {
        scale = 12;
        end++;
      }
    }
    // "2.5 million" may be followed by another scale ("hundred thousand") only in words; stop here.
    const value = scaleValue(digits, scale);
    if (!Number.isFinite(value)) return null;
    return { value, end, words: false, weak: false, scale: scale === 12 ? 1 : scale };
  }
  if (t.k !== 'w') return null;
  return readNumberWords(toks, i);
}

/** The kind of the last word read of a number in words: it decides which words may follow. */
type Place = 'none' | 'small' | 'tens' | 'hundred' | 'scale';

/** A number in words being read: the next token, the token past the last one taken, the value so far. */
interface WordsRead {
  j: number;
  end: number;
  /** The sum of the finished scale groups ("two million" in "two million three hundred"). */
  total: number;
  /** The group being read ("three hundred"). */
  cur: number;
  /** Has a word of the number been taken? */
  any: boolean;
  last: Place;
  /** The last scale word taken ("million"): 1 when none. */
  scale: number;
}

/** Scale words glued to digits ("3bn", "5mln"): never a number's scale in words. */
function isGluedScale(l: string): boolean {
  return l === 'bn' || l === 'mln' || l === 'bln' || l === 'tn' || l === 'trn';
}

/** After "a"/"an": 'dozen' ("a dozen"), 'one' (a count of one before "hundred" or a scale: "a million"), or null. */
function afterArticle(toks: readonly Tok[], i: number): 'dozen' | 'one' | null {
  const nx = toks[i + 1];
  if (!nx || nx.k !== 'w' || !nx.gap) return null;
  if (nx.l === 'dozen') return 'dozen';
  if (nx.l !== 'hundred' && !isScaleWord(nx)) return null;
  return 'one';
}

/** "-five" after "twenty": takes the hyphen and the unit word, or false when no unit 1–9 follows. */
function takeHyphenedUnit(toks: readonly Tok[], st: WordsRead): boolean {
  const nx = toks[st.j + 1];
  const sv = nx && !nx.gap && nx.k === 'w' ? SMALL.get(nx.l) : undefined;
  if (sv === undefined || sv <= 0 || sv >= 10) return false;
  st.cur += sv;
  st.last = 'small';
  st.j += 2;
  st.end = st.j;
  return true;
}

/** Takes the word at st.j into the number if it can follow what came before; false: the number ends before it. */
function takeNumberWord(toks: readonly Tok[], st: WordsRead): boolean {
  const t = toks[st.j];
  const l = t.l;
  const small = SMALL.get(l);
  const tens = TENS.get(l);
  if (small !== undefined) {
    if (st.last === 'small' || (st.last === 'tens' && small >= 10)) return false;
    st.cur += small;
    st.last = 'small';
  } else if (tens !== undefined) {
    if (st.last === 'small' || st.last === 'tens') return false;
    st.cur += tens;
    st.last = 'tens';
  } else if (l === 'hundred') {
    if (!st.any || st.last === 'hundred' || (st.cur % 100 !== 0 && st.cur >= 100)) return false;
    st.cur = (st.cur || 1) * 100;
    st.last = 'hundred';
  } else if (isScaleWord(t) && !isGluedScale(l)) {
    if (!st.any) return false;
    st.scale = isScaleWord(t);
    st.total += (st.cur || 1) * st.scale;
    st.cur = 0;
    st.last = 'scale';
  } else if (l === 'dozen') {
    if (!st.any || st.last !== 'small') return false;
    st.cur *= 12;
    st.last = 'scale';
  } else if (l === 'and') {
    return takeAnd(toks, st);
  } else {
    return false;
  }
  st.any = true;
  st.j++;
  st.end = st.j;
  return true;
}

/** "and" after "hundred" or a scale, before a small or tens word: skipped over (not yet part of the number's end). */
function takeAnd(toks: readonly Tok[], st: WordsRead): boolean {
  if (st.last !== 'hundred' && st.last !== 'scale') return false;
  const nx = toks[st.j + 1];
  if (!nx || nx.k !== 'w' || (!SMALL.has(nx.l) && !TENS.has(nx.l))) return false;
  st.j++;
  return true;
}

/** "twenty-five", "two hundred and fifty thousand", "a dozen", "a million", "eight". */
function readNumberWords(toks: readonly Tok[], i: number): NumberRead | null {
  const first = toks[i];
  if (!startsNumberWord(first)) return null;
  let st: WordsRead = { j: i, end: i, total: 0, cur: 0, any: false, last: 'none', scale: 1 };
  if (first.l === 'a' || first.l === 'an') {
    const after = afterArticle(toks, i);
    if (after === null) return null;
    if (after === 'dozen') return { value: 12, end: i + 2, words: true, weak: false, scale: 1 };
    st = { j: i + 1, end: i + 1, total: 0, cur: 1, any: true, last: 'small', scale: 1 };
  }
  const limit = Math.min(toks.length, i + 16);
  while (st.j < limit) {
    const t = toks[st.j];
    if (st.j > i && t.nl) break;
    if (t.k === 'p' && t.v === '-' && !t.gap && st.last === 'tens') {
      if (takeHyphenedUnit(toks, st)) continue;
      break;
    }
    if (t.k !== 'w' || (st.j > i && !t.gap) || !takeNumberWord(toks, st)) break;
  }
  if (!st.any || st.end === i) return null;
  const value = st.total + st.cur;
  const weak = st.end - i === 1 && (value === 1 || value === 0);
  // the scale counts only when it ends the number ("three million", not "two million three hundred")
  return { value, end: st.end, words: true, weak, scale: st.last === 'scale' && st.cur === 0 ? st.scale : 1 };
}

/** A four-digit integer 1000..2199 that reads as a calendar year, not a count. */
export function isYearLike(toks: readonly Tok[], i: number): boolean {
  const t = toks[i];
  if (!t || t.k !== 'n' || t.v.length !== 4 || !/^\d{4}$/.test(t.v)) return false;
  const v = Number(t.v);
  if (v < 1000 || v > 2199) return false;
  const prev = toks[i - 1];
  if (prev && !t.gap && (prev.k === 's' || prev.k === 'w' || prev.v === '#')) return false;
  if (prev && prev.k === 's' && CURRENCY_SYMBOLS.has(prev.v)) return false;
  const nx = toks[i + 1];
  if (nx) {
    if (!nx.gap && (nx.k === 'w' || nx.k === 'n')) return false; // "1970s", "2016km"
    if (nx.k === 's') return false; // "%", "km²"
    if (nx.k === 'w' && (isScaleWord(nx) || nx.l === 'dozen')) return false;
    if (MEASURES.match(toks, i + 1) || PERCENT.match(toks, i + 1) || CURRENCY_NAMES.match(toks, i + 1)) {
      // "2020 km" is a distance; but "2020 years" … still a count; "2023 year" is odd either way
      return false;
    }
    if (nx.k === 'w' && COUNTED_KNOWN.has(nx.l)) return false;
  }
  return true;
}
