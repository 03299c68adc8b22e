/**
 * Dates relative to another date of the story ("the same day", "a year earlier", "the following week"): found at
 * tokens here, valued against the nearest date before them in the story that is fine enough for them (a day for
 * "the same day"; any year-bearing date for "that year"), or, with none, the publication date. Without either the
 * value is null.
 *
 *   "the same day", "that day", "the day before," "the previous day", "the next day", "two days later"   → day
 *   "the following week", "that week", "the previous week"                                                → week
 *   "a week later", "two weeks earlier" (from a day: that day ± 7 days; from a week: that week ± 1)       → day / week
 *   "the following month", "that month", "three months later"                                             → month
 *   "the previous quarter", "the year-ago quarter", "the same quarter last year"                         → quarter
 *   "that year", "the following year", "the year before," "two years later"                              → year
 *   "a year earlier", "the same period last year", "the year-earlier period": the anchor a year back, as precise as
 *       it is down to the month ("2022-Q3" from "2023-Q3", "2022-03" from "2023-03"); from a day, the year
 * "before"/"after" count only at the end of a clause ("the day before, police said"): "the day before the vote"
 * is relative to the vote, not to a date.
 */
import words from '../model/dates.json';
import type { DatePrecision } from '../types';
import { type PubDate, addDays, iso, isoWeek, mondayOfIsoWeek, p2, p4, shiftMonths, validDay } from './datemath';
import { parsePeriod, periodIndex, periodValue } from './periods';
import { readNumber } from './numbers';
import type { Tok } from './tokens';
import { firstNotBefore } from '../language/search';

type By = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** What an anchored reference asks of its anchor. */
export interface RelRef {
  /** The precision of the value: a unit, or 'anchor' (the anchor's own, as the header says). */
  unit: 'day' | 'week' | 'month' | 'quarter' | 'year' | 'anchor';
  /** The shift from the anchor, in `by` units (negative: back). */
  n: number;
  by: By;
}

/** A date with its start offset, as the anchors list keeps it. */
export interface DatedSpan {
  start: number;
  value: string | null;
  precision: DatePrecision;
}

const UNITS = new Map<string, By | 'period'>(Object.entries(words.relativeUnits) as [string, By | 'period'][]);
const BACK = new Set(words.anchoredBack);
const AHEAD = new Set(words.anchoredAhead);
const EARLIER = new Set(words.anchoredEarlier);
const LATER = new Set(words.anchoredLater);
const YEAR_AGO_NOUNS = new Set(words.yearAgoNouns);
/** Words an anchored reference can start with. */
export const ANCHORED_START: readonly string[] = ['the', 'that', 'year'];

/** The unit word at token k ("day", "days", "quarter", "period"), singular, or null. */
function unitAt(toks: readonly Tok[], k: number): By | 'period' | null {
  const t = toks[k];
  if (!t || t.k !== 'w' || !t.gap) return null;
  const l = t.l.endsWith('s') && t.l !== 'days' ? t.l.slice(0, -1) : t.l === 'days' ? 'day' : t.l;
  return UNITS.get(l) ?? null;
}

/** Is token k the end of a clause: punctuation, a line break, or the end of the window? */
function clauseEnd(toks: readonly Tok[], k: number): boolean {
  const t = toks[k];
  return !t || t.nl || (t.k === 'p' && t.v !== '-' && t.v !== '’' && t.v !== "'");
}

/** The reference a unit names with no shift ("that day", "the same period"). */
function sameAs(u: By | 'period', n = 0, by?: By): RelRef {
  return u === 'period' ? { unit: 'anchor', n, by: by ?? 'year' } : { unit: u, n, by: by ?? u };
}

/** A reference found at tokens [a, b): its value is null until the dates before it are known. */
export interface AnchoredFound {
  a: number;
  b: number;
  value: null;
  precision: DatePrecision;
  rel: RelRef;
}

function found(a: number, b: number, rel: RelRef): AnchoredFound {
  return { a, b, value: null, precision: rel.unit === 'anchor' ? 'year' : rel.unit, rel };
}

/** "a year earlier", "a year ago", "last year", "the previous year", "the year before" after "the same U": k past them. */
function yearBackAfter(toks: readonly Tok[], k: number): number {
  const w1 = toks[k];
  const w2 = toks[k + 1];
  const w3 = toks[k + 2];
  if (!w1 || !w2) return k;
  if (w1.l === 'last' && w2.l === 'year') return k + 2;
  if ((w1.l === 'a' || w1.l === 'one') && w2.l === 'year' && w3 && (w3.l === 'earlier' || w3.l === 'ago' || w3.l === 'before'))
    return k + 3;
  if (w1.l === 'the' && w2.l === 'previous' && w3 && w3.l === 'year') return k + 3;
  if (w1.l === 'the' && w2.l === 'year' && w3 && w3.l === 'before') return k + 3;
  return k;
}

/** "the same day", "the same quarter last year", "the previous week", "the following year", "the day before,". */
function theAt(toks: readonly Tok[], i: number): AnchoredFound | null {
  const w = toks[i + 1];
  if (!w || w.k !== 'w') return null;
  if (w.l === 'same') {
    const u = unitAt(toks, i + 2);
    if (!u) return null;
    const back = yearBackAfter(toks, i + 3);
    return found(i, back, back > i + 3 ? sameAs(u, -1, 'year') : sameAs(u));
  }
  if (BACK.has(w.l) || AHEAD.has(w.l) || (w.l === 'next' && toks[i + 2] && toks[i + 2].l === 'day')) {
    const u = unitAt(toks, i + 2);
    if (!u || u === 'period' || toks[i + 2].l !== u) return null;
    return found(i, i + 3, { unit: u, n: BACK.has(w.l) ? -1 : 1, by: u });
  }
  const u = unitAt(toks, i + 1);
  const dir = toks[i + 2];
  if (!u || u === 'period' || u === 'quarter' || !dir || toks[i + 1].l !== u) return null;
  if (EARLIER.has(dir.l) || LATER.has(dir.l)) {
    if ((dir.l === 'before' || dir.l === 'after') && !clauseEnd(toks, i + 3)) return null;
    return found(i, i + 3, { unit: u, n: EARLIER.has(dir.l) ? -1 : 1, by: u });
  }
  return null;
}

/** "that day", "that same week", "that year". */
function thatAt(toks: readonly Tok[], i: number): AnchoredFound | null {
  let k = i + 1;
  if (toks[k] && toks[k].l === 'same') k++;
  const u = unitAt(toks, k);
  if (!u || u === 'period' || toks[k].l !== u) return null;
  const nx = toks[k + 1];
  if (nx && !nx.gap && nx.v === '-') return null; // "that year-long"
  // "that day in April", "that year of 1984": the words after name the date, not an earlier one
  const nn = toks[k + 2];
  if (nx && (nx.l === 'in' || nx.l === 'of') && nn && (nn.k === 'n' || (nn.k === 'w' && /^[A-Z]/.test(nn.v)))) return null;
  return found(i, k + 1, sameAs(u));
}

/** "year-ago quarter", "year-earlier period". */
function yearAgoAt(toks: readonly Tok[], i: number): AnchoredFound | null {
  const h = toks[i + 1];
  const w = toks[i + 2];
  const noun = toks[i + 3];
  if (!h || !w || !noun || h.v !== '-' || h.gap || w.gap || (w.l !== 'ago' && w.l !== 'earlier')) return null;
  if (!noun.gap || !YEAR_AGO_NOUNS.has(noun.l)) return null;
  const rel: RelRef =
    noun.l === 'quarter'
      ? { unit: 'quarter', n: -1, by: 'year' }
      : noun.l === 'month'
        ? { unit: 'month', n: -1, by: 'year' }
        : { unit: 'anchor', n: -1, by: 'year' };
  return found(i, i + 4, rel);
}

/** "two days later", "a year earlier", "three weeks before," (count read at i, unit after it). */
export function countedAnchoredAt(toks: readonly Tok[], i: number): AnchoredFound | null {
  const t = toks[i];
  let count: number;
  let k: number;
  if (t.l === 'a' || t.l === 'an') {
    count = 1;
    k = i + 1;
  } else {
    const num = readNumber(toks, i);
    if (!num || num.value < 0 || num.value > 10000 || !Number.isInteger(num.value)) return null;
    count = num.value;
    k = num.end;
  }
  const u = unitAt(toks, k);
  const dir = toks[k + 1];
  if (!u || u === 'period' || u === 'quarter' || !dir || !dir.gap) return null;
  if (!EARLIER.has(dir.l) && !LATER.has(dir.l)) return null;
  if ((dir.l === 'before' || dir.l === 'after') && !clauseEnd(toks, k + 2)) return null;
  const n = EARLIER.has(dir.l) ? -count : count;
  const rel: RelRef = u === 'year' || u === 'week' ? { unit: 'anchor', n, by: u } : { unit: u, n, by: u };
  return found(i, k + 2, rel);
}

/** An anchored reference starting at token i ("the same day", "that year", "year-ago quarter"), or null. */
export function anchoredAt(toks: readonly Tok[], i: number): AnchoredFound | null {
  const l = toks[i].l;
  if (l === 'the') return theAt(toks, i);
  if (l === 'that') return thatAt(toks, i);
  if (l === 'year') return yearAgoAt(toks, i);
  return null;
}

/** Can a date of this precision anchor the reference? */
function fits(rel: RelRef, precision: DatePrecision): boolean {
  if (precision === 'decade') return false;
  if (rel.unit === 'day') return precision === 'day';
  if (rel.unit === 'week' || (rel.unit === 'anchor' && rel.by === 'week')) return precision === 'day' || precision === 'week';
  if (rel.unit === 'month') return precision === 'day' || precision === 'month';
  if (rel.unit === 'quarter') return precision === 'day' || precision === 'month' || precision === 'quarter';
  return true;
}

/** The anchor's day: a day's, or the Monday of a week; null for coarser dates. */
function dayOf(a: DatedSpan & { value: string }): PubDate | null {
  if (a.precision === 'week') return mondayOfIsoWeek(a.value);
  const m = a.precision === 'day' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(a.value) : null;
  return m ? { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) } : null;
}

/** The anchor's month (its day's, for a day), or null. */
function monthOf(a: DatedSpan & { value: string }): PubDate | null {
  const m = /^(\d{4})-(\d{2})(?:-\d{2})?$/.exec(a.value);
  return m && (a.precision === 'day' || a.precision === 'month') ? { y: Number(m[1]), m: Number(m[2]), d: 1 } : null;
}

type Value = { value: string | null; precision: DatePrecision };

function dayShift(day: PubDate, rel: RelRef): string | null {
  if (rel.by === 'year') return validDay(day.y + rel.n, day.m, day.d) ? iso(day.y + rel.n, day.m, day.d) : null;
  const t = addDays(day, rel.by === 'week' ? 7 * rel.n : rel.n);
  return iso(t.y, t.m, t.d);
}

/** A year back or on, as precise as the anchor down to the month; from a day or week, the year. */
function keepShift(a: DatedSpan & { value: string }, rel: RelRef): Value {
  if (rel.by === 'week') {
    const day = dayOf(a);
    if (a.precision === 'week' && day) return { value: isoWeek(day, rel.n), precision: 'week' };
    return { value: day ? dayShift(day, rel) : null, precision: 'day' };
  }
  const period = parsePeriod(a.value);
  if (period) {
    const per = period.kind === 'half' ? 2 : 4;
    return { value: periodValue(period.kind, period.idx + per * rel.n), precision: period.kind };
  }
  const mo = a.precision === 'month' ? monthOf(a) : null;
  if (mo) return { value: shiftMonths(mo, 12 * rel.n), precision: 'month' };
  return { value: p4(Number(a.value.slice(0, 4)) + rel.n), precision: 'year' };
}

/** The value of a reference from its anchor (which fits it). */
export function valueFrom(rel: RelRef, a: DatedSpan & { value: string }): Value {
  const n = rel.n;
  switch (rel.unit) {
    case 'day': {
      const day = dayOf(a);
      return { value: day ? dayShift(day, rel) : null, precision: 'day' };
    }
    case 'week': {
      const day = dayOf(a);
      const base = day && rel.by === 'year' ? { ...day, y: day.y + n } : day;
      return { value: base ? isoWeek(base, rel.by === 'year' ? 0 : n) : null, precision: 'week' };
    }
    case 'month': {
      const mo = monthOf(a);
      return { value: mo ? shiftMonths(mo, rel.by === 'year' ? 12 * n : n) : null, precision: 'month' };
    }
    case 'quarter': {
      const period = parsePeriod(a.value);
      const mo = monthOf(a);
      const idx = period && period.kind === 'quarter' ? period.idx : mo ? periodIndex('quarter', mo) : null;
      return { value: idx === null ? null : periodValue('quarter', idx + (rel.by === 'year' ? 4 * n : n)), precision: 'quarter' };
    }
    case 'year':
      return { value: p4(Number(a.value.slice(0, 4)) + n), precision: 'year' };
    default:
      return keepShift(a, rel);
  }
}

/** The story's dates, in text order, that anchored references look back to. */
export class AnchorList {
  constructor(private readonly dates: readonly DatedSpan[]) {}

  /** The nearest date starting before `offset` that fits `rel` (looking back at most 64 dates), or null. */
  before(offset: number, rel: RelRef): (DatedSpan & { value: string }) | null {
    const ds = this.dates;
    let k = firstNotBefore(ds.length, (j) => ds[j].start < offset) - 1;
    for (let steps = 0; k >= 0 && steps < 64; k--, steps++) {
      const d = ds[k];
      if (d.value !== null && !d.value.startsWith('--') && fits(rel, d.precision)) return d as DatedSpan & { value: string };
    }
    return null;
  }
}

/** The publication date as an anchor (a day). */
export function pubAnchor(pub: PubDate): DatedSpan & { value: string } {
  return { start: -1, value: `${p4(pub.y)}-${p2(pub.m)}-${p2(pub.d)}`, precision: 'day' };
}
