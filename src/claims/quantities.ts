/**
 * Quantities in claims: numbers with their unit and hedge, normalised.
 *
 *   "1,200", "3.5", "eight", "twenty-five", "a dozen", "two million", "1.5 million", "$3bn"   value
 *   "45 percent", "45 per cent", "45%"                                                         unit "%"
 *   "3 percentage points"                                                                      unit "pp"
 *   "300 square kilometers", "300 km²"                                                         unit "km²"
 *   "5 km", "three-kilometer-long" (the "-long" joins the span)                                unit "km"
 *   "$3 billion", "US$3bn", "3 billion dollars", "€5m", "£2.5 million", "USD 40"               unit "USD" / "EUR" / "GBP" …
 *   "twelve demands", "1,500 troops", "eight flooded coastal villages"                     unit = the counted noun's
 *       lemma, singular ("demand", "troop", "village"); counts of persons are "people". The noun must follow the
 *       number within three words with nothing but modifiers between; otherwise the unit is null (a bare count).
 *   "as many as 40", "up to 10"                    qualifier 'up-to'
 *   "nearly", "almost", "less than", "under"       qualifier 'at-most'
 *   "more than", "at least", "over"                qualifier 'at-least'
 *   "about", "around", "some", "roughly"           qualifier 'approximate'
 *   "between 5 and 10", "5-10 km", "5 to 10", "two or three"   qualifier 'range', value = low, high = high
 *
 * Not quantities: years and other parts of dates (see dates.ts), decades ("1970s"), ordinals ("23rd", "first"),
 * fractions in words ("three-quarters", "two-thirds"),
 * clock times ("10:30", "5 p.m."), fractions and codes ("9/11", "COVID-19", "F-16", "G7", "Article 5"), a bare
 * "one"/"a" with no unit after it ("one of them", "no one"), and small referential counts with a determiner and no
 * unit of measure ("the two countries", "their three children": those name known things, they do not report a count).
 * Spans run from the qualifier (or currency sign) to the end of the unit.
 */
import units from '../model/units.json';
import type { Quantity } from '../types';
import { isCapitalized, storyTokens, tokensIn, type Tok } from './tokens';
import { PhraseTrie, lowerSet } from './lexicon';
import {
  COUNTED_KNOWN,
  CURRENCY_CODES,
  CURRENCY_NAMES,
  CURRENCY_SYMBOLS,
  MEASURES,
  PERCENT,
  isYearLike,
  readNumber,
  startsNumberWord,
} from './numbers';
import { datesInTokens } from './dates';

type Qualifier = NonNullable<Quantity['qualifier']>;

const QUALIFIERS = new PhraseTrie<Qualifier>();
for (const [q, phrases] of Object.entries(units.qualifiers)) QUALIFIERS.addAll(phrases, q as Qualifier);
QUALIFIERS.indexStarts();
const IRREGULAR = new Map<string, string>(Object.entries(units.countedIrregular));
const NOT_COUNTED = lowerSet(units.notCountedNouns);
const FUNCTION_WORDS = lowerSet(units.functionWords);
const REFERENTIAL = lowerSet(units.referentialDeterminers);
const ID_HEADS = lowerSet(units.idHeads);
const DIMENSIONS = lowerSet(units.dimensionSuffixes);
const FRACTIONS = lowerSet(units.fractionWords);

function looksPlural(l: string): boolean {
  if (l.length < 4 || !/^[a-z]+$/.test(l) || l[l.length - 1] !== 's') return false;
  if (l.endsWith('ss') || l.endsWith('us') || l.endsWith('is') || l.endsWith('ous')) return false;
  return !NOT_COUNTED.has(l) && !FUNCTION_WORDS.has(l);
}

/** Singular lemma of a counted noun (irregulars from units.json, then regular English plural rules). */
export function nounLemma(l: string): string {
  const irr = IRREGULAR.get(l);
  if (irr) return irr;
  if (!l.endsWith('s')) return l;
  if (l.endsWith('ies') && l.length > 4) return `${l.slice(0, -3)}y`;
  if (/(ches|shes|sses|xes|zes)$/.test(l)) return l.slice(0, -2);
  return l.slice(0, -1);
}

/** The counted noun after a number: within 3 words, modifiers only in between. */
function countedNoun(toks: readonly Tok[], j: number): { lemma: string; end: number } | null {
  for (let step = 0; step < 3; step++) {
    const t = toks[j + step];
    if (!t || t.k !== 'w' || !t.gap || t.nl) return null;
    if (FUNCTION_WORDS.has(t.l)) return null;
    if (IRREGULAR.has(t.l) || COUNTED_KNOWN.has(t.l) || looksPlural(t.l)) {
      // a modifier chain must not hide a verb: "eight said" is not a noun; only words we can read as nouns end it
      return { lemma: nounLemma(t.l), end: j + step + 1 };
    }
    // a hyphen compound modifier ("government-backed") ends the search: keep it simple and predictable
    const nx = toks[j + step + 1];
    if (nx && !nx.gap && nx.k === 'p') return null;
  }
  return null;
}

/** Measure / percent / currency name right after token index j (gap or hyphen allowed). */
function unitAfter(toks: readonly Tok[], j: number, allowCurrencyName: boolean): { unit: string; end: number; measure: boolean } | null {
  let k = j;
  const t = toks[k];
  if (!t) return null;
  if (t.k === 'p' && t.v === '-' && !t.gap) {
    k++; // "three-kilometer", "10-mile"
    const u = toks[k];
    if (!u || u.gap) return null;
    const m = MEASURES.match(toks, k);
    if (m) return { unit: m.value, end: m.end, measure: true };
    const p = PERCENT.match(toks, k);
    if (p) return { unit: p.value, end: p.end, measure: true };
    return null;
  }
  if (t.k === 's' && t.v === '%') return { unit: '%', end: k + 1, measure: true };
  const p = PERCENT.match(toks, k);
  if (p) return { unit: p.value, end: p.end, measure: true };
  const m = MEASURES.match(toks, k);
  if (m) return { unit: m.value, end: m.end, measure: true };
  if (allowCurrencyName) {
    const c = CURRENCY_NAMES.match(toks, k);
    if (c) return { unit: c.value, end: c.end, measure: true };
    if (t.k === 'w' && t.gap && CURRENCY_CODES.has(t.v)) return { unit: t.v, end: k + 1, measure: true };
  }
  return null;
}

/** "-wide", "-long" after a measure. */
function dimensionSuffix(toks: readonly Tok[], j: number): number {
  const h = toks[j];
  const w = toks[j + 1];
  if (h && w && h.v === '-' && !h.gap && !w.gap && w.k === 'w' && DIMENSIONS.has(w.l)) return j + 2;
  return j;
}

/** Currency written before the number: "$", "US$", "€", "USD". Returns [unit, first token] or null. */
function currencyBefore(toks: readonly Tok[], i: number): [string, number] | null {
  const p = toks[i - 1];
  if (!p) return null;
  if (p.k === 's' && CURRENCY_SYMBOLS.has(p.v)) {
    const pp = toks[i - 2];
    if (pp && !p.gap && pp.k === 'w') {
      const combo = CURRENCY_SYMBOLS.get(`${pp.l}${p.v}`);
      if (combo) return [combo, i - 2];
    }
    return [CURRENCY_SYMBOLS.get(p.v) ?? 'USD', i - 1];
  }
  if (p.k === 'w' && CURRENCY_CODES.has(p.v) && toks[i].gap) return [p.v, i - 1];
  return null;
}

interface Read {
  value: number;
  unit: string | null;
  measure: boolean;
  first: number; // first token (currency sign included)
  end: number; // past the last token
  weak: boolean;
  words: boolean;
}

/** One number with its unit, starting at token i (currency sign before it already checked by the caller). */
function readAmount(toks: readonly Tok[], i: number): Read | null {
  const cur = currencyBefore(toks, i);
  const num = readNumber(toks, i, !!cur);
  if (!num) return null;
  let unit: string | null = cur ? cur[0] : null;
  let measure = !!cur;
  let end = num.end;
  const u = unitAfter(toks, end, !cur);
  if (u && !(cur && u.unit !== '%' && u.unit !== 'pp' && !u.measure)) {
    if (!cur) unit = u.unit;
    measure = true;
    end = dimensionSuffix(toks, u.end);
  } else if (cur) {
    // "$3 billion dollars" is rare; "$5 a day" fine
  }
  return { value: num.value, unit, measure, first: cur ? cur[1] : i, end, weak: num.weak, words: num.words };
}

function skipNumberAt(toks: readonly Tok[], i: number, rangeTail = false): boolean {
  const t = toks[i];
  const p = rangeTail ? undefined : toks[i - 1];
  const nx = toks[i + 1];
  if (t.k === 'n') {
    if (p && !t.gap) {
      if (p.k === 'w' || p.k === 'n') return true; // "G7" split oddities, "A4"
      if (p.v === '-' || p.v === '/' || p.v === ':' || p.v === '.' || p.v === '#' || p.v === '–') {
        const pp = toks[i - 2];
        if (pp && !p.gap && (pp.k === 'w' || pp.k === 'n')) return true; // "COVID-19", "9/11", "10:30", "2020-21"
        if (p.v === '#' || p.v === '/' || p.v === ':') return true;
      }
    }
    if (nx && !nx.gap) {
      if (nx.k === 'w' && /^(st|nd|rd|th|s)$/.test(nx.l)) return true; // ordinals, decades
      if (nx.v === '/' || nx.v === ':') {
        const nn = toks[i + 2];
        if (nn && !nn.gap && nn.k === 'n') return true; // "9/11", "10:30"
      }
      if ((nx.v === '’' || nx.v === "'") && toks[i + 2] && toks[i + 2].l === 's' && !toks[i + 2].gap) return true;
    }
    if (nx && nx.k === 'w' && nx.gap && /^(a\.?m|p\.?m|am|pm|gmt|utc|hrs|h)$/.test(nx.l)) return true;
    if (nx && nx.k === 'w' && nx.gap && (nx.l === 'a' || nx.l === 'p')) {
      const dot = toks[i + 2];
      const m = toks[i + 3];
      if (dot && dot.v === '.' && m && m.l === 'm') return true; // "5 a.m."
    }
    // "Article 5", "No. 10", "Resolution 2334"
    let q = i - 1;
    if (p && p.v === '.' && !p.gap) q = i - 2;
    const h = toks[q];
    if (h && h.k === 'w' && isCapitalized(h.v) && ID_HEADS.has(h.l) && toks[q + 1] && (q === i - 1 ? t.gap : true)) return true;
    if (isYearLike(toks, i)) return true;
  }
  return false;
}

/** Quantities over an already-lexed window whose date spans (token ranges) are known. */
export function quantitiesInTokens(text: string, toks: readonly Tok[], dateRanges: readonly { a: number; b: number }[]): Quantity[] {
  const out: Quantity[] = [];
  const n = toks.length;
  let d = 0;
  let i = 0;
  while (i < n) {
    while (d < dateRanges.length && dateRanges[d].b <= i) d++;
    if (d < dateRanges.length && dateRanges[d].a <= i) {
      i = dateRanges[d].b;
      continue;
    }
    const t = toks[i];
    // only digits and the first word of a number in words can start an amount
    if ((t.k !== 'n' && (t.k !== 'w' || !startsNumberWord(t))) || skipNumberAt(toks, i)) {
      i++;
      continue;
    }
    const first = readAmount(toks, i);
    if (!first) {
      i++;
      continue;
    }
    // fractions ("three-quarters", "two-thirds") are not counts
    const fh = toks[first.end];
    const fw = toks[first.end + 1];
    if (first.words && fh && fw && fh.v === '-' && !fh.gap && !fw.gap && fw.k === 'w' && FRACTIONS.has(fw.l)) {
      i = first.end + 2;
      continue;
    }
    let end = first.end;
    const value = first.value;
    let unit = first.unit;
    let measure = first.measure;
    let high: number | undefined;
    let qualifier: Qualifier | undefined;
    let startTok = first.first;

    // qualifier before ("as many as", "between")
    const pre = QUALIFIERS.matchEndingAt(toks, startTok, Math.max(0, startTok - 4));
    const prevW = toks[startTok - 1];
    const between = !!prevW && prevW.l === 'between' && prevW.k === 'w';
    const fromRange = !!prevW && prevW.l === 'from';

    // a range: "5 to 10", "5-10", "5–10", "between 5 and 10", "two or three"
    const r = toks[end];
    if (r) {
      const joiner =
        (r.k === 'w' && (r.l === 'to' || r.l === 'or' || (r.l === 'and' && between)) && r.gap && !fromRange) ||
        ((r.v === '-' || r.v === '–' || r.v === '—') && (r.v !== '-' || !r.gap));
      const nextTok = toks[end + 1];
      if (joiner && nextTok && !(r.v === '-' && nextTok.gap) && !nextTok.nl) {
        let k = end + 1;
        const curB = currencyBefore(toks, k + 1);
        if (nextTok.k === 's' && curB) k = k + 1;
        if ((toks[k].k === 'n' || toks[k].k === 'w') && !isYearLike(toks, k) && !skipNumberAt(toks, k, true)) {
          const second = readAmount(toks, k);
          if (second && !second.weak && second.value >= value && (unit === null || second.unit === null || second.unit === unit)) {
            const inDate = d < dateRanges.length && dateRanges[d].a < second.end;
            if (!inDate) {
              high = second.value;
              qualifier = 'range';
              if (!unit && second.unit) {
                unit = second.unit;
                measure = second.measure;
              }
              end = second.end;
            }
          }
        }
      }
    }
    if (!measure) {
      // counted noun: "twelve demands", "between two and three cuts"
      const c = countedNoun(toks, end);
      if (c) {
        unit = c.lemma === 'person' ? 'people' : c.lemma;
        end = c.end;
      }
    }
    if (qualifier !== 'range') {
      if (between) {
        // "between 5 and" without a second number: leave unqualified
      } else if (pre) {
        qualifier = pre.value;
        startTok = pre.start;
      }
    } else if (between) {
      startTok = startTok - 1;
    }
    // "one of", "no one": a bare one/a needs a unit of measure
    if (first.weak && !measure) {
      i = first.end;
      continue;
    }
    // referential small counts: "the two countries"
    if (!measure && !qualifier && Number.isInteger(value) && value <= 10) {
      const det = toks[first.first - 1];
      if (det && det.k === 'w' && REFERENTIAL.has(det.l)) {
        i = end;
        continue;
      }
    }
    const s = toks[startTok].s;
    const e = toks[end - 1].e;
    const q: Quantity = { span: { start: s, end: e, text: text.slice(s, e) }, value, unit };
    if (qualifier) q.qualifier = qualifier;
    if (high !== undefined) q.high = high;
    out.push(q);
    i = end;
  }
  return out;
}

/** Quantities in `text[start, end)` with absolute offsets. Never throws; linear in the window length. */
export function findQuantities(text: string, start = 0, end = text.length): Quantity[] {
  if (typeof text !== 'string') return [];
  const toks = tokensIn(text, storyTokens(text), start, end);
  const dates = datesInTokens(text, toks, null);
  return quantitiesInTokens(text, toks, dates);
}
