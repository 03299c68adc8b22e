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
 *   "two-thirds", "a third of", "half the", "twice as many", "three times more", "doubled"   unit "ratio": the
 *       proportion itself (0.667, 0.333, 0.5, 2, 3, 2); see ratios.ts
 *   "between 5 and 10 million dollars"             the scale written once applies to both ends: 5,000,000 to 10,000,000
 *
 * Not quantities: years and other parts of dates (see dates.ts), decades ("1970s"), ordinals ("23rd", "first"),
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
  scaleValue,
  startsNumberWord,
} from './numbers';
import { datesInTokens } from './dates';
import { type RatioRead, ratioAt } from './ratios';

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
  /** The scale word of the number ("million"): 1 when none. */
  scale: number;
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
  return { value: num.value, unit, measure, first: cur ? cur[1] : i, end, weak: num.weak, words: num.words, scale: num.scale };
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

/** A quantity being read: its tokens so far, value, unit and qualifier. */
interface Reading {
  /** First token of the span (qualifier or currency sign included). */
  start: number;
  /** Token index past the span. */
  end: number;
  value: number;
  /** The range's high end ("5 to 10"), or undefined. */
  high: number | undefined;
  unit: string | null;
  /** Is the unit a measure, percent or currency (not a counted noun)? */
  measure: boolean;
  qualifier: Qualifier | undefined;
  /** The scale word of the first number ("million"): 1 when none. */
  scale: number;
}

/** What the words before the first number allow: "between 5 and 10", "from 5 to 10"; and where the next date starts. */
interface RangeContext {
  between: boolean;
  fromRange: boolean;
  /** First token of the next date span after the number (Infinity: none): a range must not run into it. */
  nextDate: number;
}

/** One step of the scan: the quantity read at a token (null: none there) and the token to go on from. */
interface Step {
  reading: Reading | null;
  next: number;
}

/** Can an amount start at token i: digits or the first word of a number in words, not part of a code, time or year? */
function startsAmount(toks: readonly Tok[], i: number): boolean {
  const t = toks[i];
  if (t.k !== 'n' && (t.k !== 'w' || !startsNumberWord(t))) return false;
  return !skipNumberAt(toks, i);
}

/** Is a number in words followed by a fraction word ("three-quarters", "two-thirds"): not a count? */
function fractionAfter(toks: readonly Tok[], amount: Read): boolean {
  const fh = toks[amount.end];
  const fw = toks[amount.end + 1];
  return amount.words && !!fh && !!fw && fh.v === '-' && !fh.gap && !fw.gap && fw.k === 'w' && FRACTIONS.has(fw.l);
}

/** Does token r join a range ("to", "or", "and" after "between", a dash)? */
function isRangeJoiner(r: Tok, ctx: RangeContext): boolean {
  return (
    (r.k === 'w' && (r.l === 'to' || r.l === 'or' || (r.l === 'and' && ctx.between)) && r.gap && !ctx.fromRange) ||
    ((r.v === '-' || r.v === '–' || r.v === '—') && (r.v !== '-' || !r.gap))
  );
}

/** The amount after a range joiner, its currency sign included ("$5-$10"); null when none can start at token k. */
function rangeTail(toks: readonly Tok[], at: number): Read | null {
  const curB = currencyBefore(toks, at + 1);
  const k = toks[at].k === 's' && curB ? at + 1 : at;
  const t = toks[k]; // none when the sentence ends at the currency sign ("0-$ .")
  if (t && (t.k === 'n' || t.k === 'w') && !isYearLike(toks, k) && !skipNumberAt(toks, k, true)) return readAmount(toks, k);
  return null;
}

/**
 * The low end of a range whose scale word is written once, after the high end: "between 5 and 10 million" is
 * 5 million to 10 million. Only when the low end has no scale of its own and stays below the high end scaled
 * ("between 500 and 1 million" keeps 500).
 */
function sharedScale(rd: Reading, second: Read): number {
  if (rd.scale !== 1 || second.scale === 1) return rd.value;
  const scaled = scaleValue(String(rd.value), second.scale);
  return scaled <= second.value ? scaled : rd.value;
}

/** Extends the reading to a range ("5 to 10", "5-10", "between 5 and 10", "two or three") if a fitting second amount follows. */
function readRange(toks: readonly Tok[], rd: Reading, ctx: RangeContext): void {
  const r = toks[rd.end];
  if (!r || !isRangeJoiner(r, ctx)) return;
  const nextTok = toks[rd.end + 1];
  if (!nextTok || (r.v === '-' && nextTok.gap) || nextTok.nl) return;
  const second = rangeTail(toks, rd.end + 1);
  if (!second || second.weak || second.value < rd.value) return;
  if (rd.unit !== null && second.unit !== null && second.unit !== rd.unit) return;
  if (ctx.nextDate < second.end) return; // the second number is part of a date
  rd.value = sharedScale(rd, second);
  rd.high = second.value;
  rd.qualifier = 'range';
  if (!rd.unit && second.unit) {
    rd.unit = second.unit;
    rd.measure = second.measure;
  }
  rd.end = second.end;
}

/** With no unit of measure, the counted noun after the number is the unit: "twelve demands", "between two and three cuts". */
function readCountedNoun(toks: readonly Tok[], rd: Reading): void {
  if (rd.measure) return;
  const c = countedNoun(toks, rd.end);
  if (c) {
    rd.unit = c.lemma === 'person' ? 'people' : c.lemma;
    rd.end = c.end;
  }
}

/** The qualifier before a number ("as many as", "nearly") joins its span; "between" joins a range's, and alone is none. */
function applyQualifier(rd: Reading, pre: { start: number; value: Qualifier } | null, between: boolean): void {
  if (rd.qualifier === 'range') {
    if (between) rd.start = rd.start - 1;
  } else if (!between && pre) {
    // ("between 5 and" without a second number is left unqualified)
    rd.qualifier = pre.value;
    rd.start = pre.start;
  }
}

/** Is this a small referential count ("the two countries", "their three children"): no unit of measure, no qualifier? */
function isReferentialCount(toks: readonly Tok[], amount: Read, rd: Reading): boolean {
  if (rd.measure || rd.qualifier || !Number.isInteger(rd.value) || rd.value > 10) return false;
  const det = toks[amount.first - 1];
  return !!det && det.k === 'w' && REFERENTIAL.has(det.l);
}

/** The quantity whose number starts at token i, with its qualifier, range and unit (or none), and where to go on. */
function quantityAt(toks: readonly Tok[], i: number, nextDate: number): Step {
  const first = readAmount(toks, i);
  if (!first) return { reading: null, next: i + 1 };
  if (fractionAfter(toks, first)) return { reading: null, next: first.end + 2 };
  const rd: Reading = {
    start: first.first,
    end: first.end,
    value: first.value,
    high: undefined,
    unit: first.unit,
    measure: first.measure,
    qualifier: undefined,
    scale: first.scale,
  };
  // qualifier before ("as many as", "between")
  const pre = QUALIFIERS.matchEndingAt(toks, rd.start, Math.max(0, rd.start - 4));
  const prevW = toks[rd.start - 1];
  const ctx: RangeContext = {
    between: !!prevW && prevW.l === 'between' && prevW.k === 'w',
    fromRange: !!prevW && prevW.l === 'from',
    nextDate,
  };
  readRange(toks, rd, ctx);
  readCountedNoun(toks, rd);
  applyQualifier(rd, pre, ctx.between);
  // "one of", "no one": a bare one/a needs a unit of measure
  if (first.weak && !rd.measure) return { reading: null, next: first.end };
  if (isReferentialCount(toks, first, rd)) return { reading: null, next: rd.end };
  return { reading: rd, next: rd.end };
}

/** A proportion in words ("two-thirds", "twice as many") as a reading: unit "ratio", with its qualifier ("more than half"). */
function ratioReading(toks: readonly Tok[], r: RatioRead): Reading {
  const rd: Reading = {
    start: r.start,
    end: r.end,
    value: r.value,
    high: undefined,
    unit: 'ratio',
    measure: true,
    qualifier: undefined,
    scale: 1,
  };
  applyQualifier(rd, QUALIFIERS.matchEndingAt(toks, rd.start, Math.max(0, rd.start - 4)), false);
  return rd;
}

/** The Quantity of a reading, with its span's offsets and text. */
function toQuantity(text: string, toks: readonly Tok[], rd: Reading): Quantity {
  const s = toks[rd.start].s;
  const e = toks[rd.end - 1].e;
  const q: Quantity = { span: { start: s, end: e, text: text.slice(s, e) }, value: rd.value, unit: rd.unit };
  if (rd.qualifier) q.qualifier = rd.qualifier;
  if (rd.high !== undefined) q.high = rd.high;
  return q;
}

/** Quantities over an already-lexed window whose date spans (token ranges) are known. */
export function quantitiesInTokens(text: string, toks: readonly Tok[], dateRanges: readonly { a: number; b: number }[]): Quantity[] {
  const out: Quantity[] = [];
  let d = 0;
  let i = 0;
  while (i < toks.length) {
    while (d < dateRanges.length && dateRanges[d].b <= i) d++;
    const nextDate = d < dateRanges.length ? dateRanges[d].a : Infinity;
    if (nextDate <= i) {
      i = dateRanges[d].b; // inside a date
      continue;
    }
    const ratio = ratioAt(toks, i);
    if (ratio && ratio.end <= nextDate) {
      out.push(toQuantity(text, toks, ratioReading(toks, ratio)));
      i = ratio.end;
      continue;
    }
    if (!startsAmount(toks, i)) {
      i++;
      continue;
    }
    const step = quantityAt(toks, i, nextDate);
    if (step.reading) out.push(toQuantity(text, toks, step.reading));
    i = step.next;
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
