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
}

function isScaleWord(t: Tok | undefined): number {
  if (!t || t.k !== 'w') return 0;
  return SCALES.get(t.l) ?? 0;
}

/** Multiply a decimal string by a power-of-ten scale without binary rounding noise ("1.1" × 1e6 → 1100000). */
function scaleValue(digits: string, scale: number): number {
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
      if (s && (nx.gap || nx.l === 'bn' || nx.l === 'mln' || nx.l === 'bln' || nx.l === 'tn' || nx.l === 'trn')) {
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
    return { value, end, words: false, weak: false };
  }
  if (t.k !== 'w') return null;
  return readNumberWords(toks, i);
}

/** "twenty-five", "two hundred and fifty thousand", "a dozen", "a million", "eight". */
function readNumberWords(toks: readonly Tok[], i: number): NumberRead | null {
  let j = i;
  let total = 0;
  let cur = 0;
  let any = false;
  let last: 'none' | 'small' | 'tens' | 'hundred' | 'scale' = 'none';
  const first = toks[i];
  if (!startsNumberWord(first)) return null;
  if (first.l === 'a' || first.l === 'an') {
    const nx = toks[i + 1];
    if (!nx || nx.k !== 'w' || !nx.gap) return null;
    if (nx.l === 'dozen') return { value: 12, end: i + 2, words: true, weak: false };
    if (nx.l !== 'hundred' && !isScaleWord(nx)) return null;
    cur = 1;
    last = 'small';
    any = true;
    j = i + 1;
  }
  let end = j;
  const limit = Math.min(toks.length, i + 16);
  while (j < limit) {
    const t = toks[j];
    if (j > i && t.nl) break;
    if (t.k === 'p' && t.v === '-' && !t.gap && last === 'tens') {
      const nx = toks[j + 1];
      const sv = nx && !nx.gap && nx.k === 'w' ? SMALL.get(nx.l) : undefined;
      if (sv !== undefined && sv > 0 && sv < 10) {
        cur += sv;
        last = 'small';
        j += 2;
        end = j;
        continue;
      }
      break;
    }
    if (t.k !== 'w') break;
    if (j > i && !t.gap) break;
    const l = t.l;
    const small = SMALL.get(l);
    const tens = TENS.get(l);
    if (small !== undefined) {
      if (last === 'small') break;
      if (last === 'tens' && small >= 10) break;
      cur += small;
      last = 'small';
    } else if (tens !== undefined) {
      if (last === 'small' || last === 'tens') break;
      cur += tens;
      last = 'tens';
    } else if (l === 'hundred') {
      if (!any || last === 'hundred' || (cur % 100 !== 0 && cur >= 100)) break;
      cur = (cur || 1) * 100;
      last = 'hundred';
    } else if (isScaleWord(t) && l !== 'bn' && l !== 'mln' && l !== 'bln' && l !== 'tn' && l !== 'trn') {
      if (!any) break;
      const s = isScaleWord(t);
      total += (cur || 1) * s;
      cur = 0;
      last = 'scale';
    } else if (l === 'dozen') {
      if (!any || last !== 'small') break;
      cur *= 12;
      last = 'scale';
    } else if (l === 'and') {
      if (last !== 'hundred' && last !== 'scale') break;
      const nx = toks[j + 1];
      if (!nx || nx.k !== 'w' || (!SMALL.has(nx.l) && !TENS.has(nx.l))) break;
      j++;
      continue;
    } else {
      break;
    }
    any = true;
    j++;
    end = j;
  }
  if (!any || end === i) return null;
  const value = total + cur;
  const weak = end - i === 1 && (value === 1 || value === 0);
  return { value, end, words: true, weak };
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
