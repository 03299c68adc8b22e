/**
 * Dates in claims, normalised to ISO 8601 strings.
 *
 * Recognised forms (case matters for month and weekday names: "may" is a verb, "May" a month):
 *   "June 9", "Jun. 9", "June 9th", "June 9, 2021", "9 June 2021", "the 9th of June"            → day
 *   "Friday, June 9", "Fri., June 9", "Friday 9 June" (the weekday joins the span)             → day
 *   "2023-02-22", "2023/02/22"                                                               → day
 *   "October 2021", "since October", "in June", "mid-March", "last October"                  → month
 *   "1989", "the 2016 vote"                                                                   → year
 *   "the 1970s", "1970’s", "the ’70s"                                                         → decade
 *   "yesterday", "today", "tomorrow", "on Tuesday", "last Tuesday", "next Friday"             → day
 *   "last month", "this month", "next month"; "last year", "this year", "next year"          → month / year
 *   "two years ago", "three months ago", "five days ago", "a week ago"                        → year / month / day
 *   "last week", "this week", "next week"                                                     → week ("2023-W17")
 *   "the third quarter", "Q3 2023", "the first half of 2024", "last spring", "this summer"   → quarter / half / season
 *       ("2023-Q3", "2024-H1", "2022-SP"; see periods.ts)
 *   "the same day", "a year earlier", "the following week", "the year-ago quarter"           → the precision they
 *       name, valued from the nearest fitting date before them in the story (see anchored.ts)
 *
 * Resolution with `publishedAt` (YYYY-MM-DD or a full ISO timestamp; its calendar date is used, as src/options.ts
 * parses it — this stage takes the year, month and day, never the string):
 *   - a day or month with no year → the one nearest to publication, of the latest not after it and the first not
 *     before it (the past one on a tie: "May 20" in a story of May 2 is May 20 of that year, "Dec. 28" in a story of
 *     January 5 the December before). A cue in the sentence decides instead: the nearest cue word at most eight
 *     words back — a future word ("will", "is expected to", "is scheduled for", "the upcoming vote on", "set for",
 *     "would", or "by" right before: "by Jan. 14") → the first on or after publication; a past word ("was", "were",
 *     "had", "did", "since", "ago", "earlier", "last") → the latest not after it. "next December" → the first one
 *     after publication, "last October" the latest before. With a weekday ("Friday, June 9") the year in which the
 *     day is that weekday, when only one of the two is;
 *   - a bare weekday → the most recent such weekday on or before publication (in a future context: the first on
 *     or after it); "last Tuesday" → strictly before; "next Tuesday" → strictly after;
 *   - a two-digit decade ("the ’90s") → the latest such decade not after publication.
 * Without `publishedAt`: a day without a year is "--MM-DD", a month without a year "--MM" (the XML Schema gMonthDay
 * and gMonth forms), and relative dates have value null. A year is never guessed.
 */
import words from '../model/dates.json';
import type { ClaimDate, DatePrecision } from '../types';
import { type PubDate, daysBetween, iso, isoWeek, p2, p4, shiftDays, shiftMonths, validDay, weekdayOf } from './datemath';
import { PERIOD_START, periodAt, relativeQuarter } from './periods';
import { ANCHORED_START, AnchorList, type DatedSpan, type RelRef, anchoredAt, countedAnchoredAt, pubAnchor, valueFrom } from './anchored';
import { storyTokens, tokensIn, upperAsciiFirst, type Tok } from './tokens';
import { NUMBER_WORD_START, isYearLike, readNumber } from './numbers';
import { classesOf, wordClass } from './wordclass';

const MONTHS = new Map<string, number>(
  Object.entries({
    january: 1,
    february: 2,
    march: 3,
    april: 4,
    may: 5,
    june: 6,
    july: 7,
    august: 8,
    september: 9,
    october: 10,
    november: 11,
    december: 12,
  }),
);
const MONTH_ABBR = new Map<string, number>(
  Object.entries({
    jan: 1,
    feb: 2,
    mar: 3,
    apr: 4,
    jun: 6,
    jul: 7,
    aug: 8,
    sep: 9,
    sept: 9,
    oct: 10,
    nov: 11,
    dec: 12,
  }),
);
const WEEKDAYS = new Map<string, number>(
  Object.entries({
    sunday: 0,
    monday: 1,
    tuesday: 2,
    wednesday: 3,
    thursday: 4,
    friday: 5,
    saturday: 6,
  }),
);
const WEEKDAY_ABBR = new Map<string, number>(
  Object.entries({
    sun: 0,
    mon: 1,
    tue: 2,
    tues: 2,
    wed: 3,
    thu: 4,
    thur: 4,
    thurs: 4,
    fri: 5,
    sat: 6,
  }),
);
/** Words that make a bare month name a date ("since October", "in June", "by March"). */
const MONTH_CUES = new Set([
  'in',
  'since',
  'until',
  'till',
  'til',
  'by',
  'from',
  'through',
  'throughout',
  'during',
  'early',
  'late',
  'mid',
  'last',
  'next',
  'this',
  'before',
  'after',
  'between',
  'to',
  'and',
  'or',
  'of',
  'around',
  'about',
  'past',
  'previous',
  'coming',
  'into',
  'within',
  'earlier',
  'later',
  'each',
  'every',
]);
const OF_CUES = new Set(['end', 'beginning', 'start', 'middle', 'rest', 'course', 'month', 'first', 'last', 'half']);
const ORDINAL_SUFFIX = new Set(['st', 'nd', 'rd', 'th']);

/** The publication date the claims stage anchors on, as src/options.ts parses it from `publishedAt`. */
export type { PubDate } from './datemath';

export interface CalendarDate {
  year: number;
  /** 1–12. */
  month: number;
  /** 1–31, a day the month has. */
  day: number;
}

/** The anchor for a publication date already checked by the options (null: none). */
export function pubDate(date: CalendarDate | null | undefined): PubDate | null {
  return date ? { y: date.year, m: date.month, d: date.day } : null;
}

/**
 * Which way a day or month without a year leans from the publication date: 'past' (the latest such date not after
 * it), 'future' (the first not before it), or 'near' (whichever of those two is closer; the past one on a tie).
 */
export type Lean = 'past' | 'future' | 'near';

/** (m, d) on or before pub (`forward`: on or after it), skipping years without the day (February 29). */
function placeDay(m: number, d: number, pub: PubDate, forward: boolean): PubDate | null {
  let y = pub.y;
  if (forward && (m < pub.m || (m === pub.m && d < pub.d))) y++;
  if (!forward && (m > pub.m || (m === pub.m && d > pub.d))) y--;
  for (let k = 0; k < 8 && !validDay(y, m, d); k++) y += forward ? 1 : -1;
  return validDay(y, m, d) ? { y, m, d } : null;
}

function resolveDay(m: number, d: number, pub: PubDate, lean: Lean, weekday?: number): string | null {
  let back = placeDay(m, d, pub, false);
  let ahead = placeDay(m, d, pub, true);
  const onDay = (x: PubDate | null) => !!x && weekdayOf(x) === weekday;
  if (weekday !== undefined && onDay(back) !== onDay(ahead)) lean = onDay(back) ? 'past' : 'future';
  if (lean === 'future') back = null;
  if (lean === 'past') ahead = null;
  const pick = !back ? ahead : !ahead ? back : daysBetween(back, pub) <= daysBetween(pub, ahead) ? back : ahead;
  return pick ? iso(pick.y, pick.m, pick.d) : null;
}

/** A month without a year: 'latest' not after pub, 'before'/'after' strictly, 'ahead' not before, 'near' the closer. */
type MonthMode = 'latest' | 'before' | 'after' | 'ahead' | 'near';

function resolveMonth(m: number, pub: PubDate, mode: MonthMode): string {
  let y = pub.y;
  if (mode === 'near') mode = (m - pub.m + 12) % 12 < (pub.m - m + 12) % 12 ? 'ahead' : 'latest';
  if (mode === 'latest' && m > pub.m) y--;
  if (mode === 'ahead' && m < pub.m) y++;
  if (mode === 'before' && m >= pub.m) y--;
  if (mode === 'after' && m <= pub.m) y++;
  return `${p4(y)}-${p2(m)}`;
}

interface Found {
  a: number; // first token
  b: number; // token index past the last
  value: string | null;
  precision: DatePrecision;
  /** A reference to another date of the story ("the same day"): valued once the dates before it are known. */
  rel?: RelRef;
}

/** A month name at a token: the month, and the token past it (its dot included). */
interface MonthName {
  month: number;
  end: number;
}

function monthAt(toks: readonly Tok[], i: number): MonthName | null {
  const t = toks[i];
  if (!t || t.k !== 'w') return null;
  if (!upperAsciiFirst(t)) return null; // capitalised only
  const full = MONTHS.get(t.l);
  if (full) {
    // "May." is fine as well
    return { month: full, end: i + 1 };
  }
  const ab = MONTH_ABBR.get(t.l);
  if (ab) {
    const dot = toks[i + 1];
    if (dot && dot.v === '.' && !dot.gap) return { month: ab, end: i + 2 };
    // "Sept 5" without a dot: only before a day number
    const nx = toks[i + 1];
    if (nx && nx.k === 'n' && nx.gap && dayNumber(nx) !== null) return { month: ab, end: i + 1 };
  }
  return null;
}

/** A weekday name at a token: the weekday (0 = Sunday), the token past it, and whether it was abbreviated ("Fri."). */
interface WeekdayName {
  wd: number;
  end: number;
  abbr: boolean;
}

function weekdayAt(toks: readonly Tok[], i: number): WeekdayName | null {
  const t = toks[i];
  if (!t || t.k !== 'w') return null;
  if (!upperAsciiFirst(t)) return null;
  const full = WEEKDAYS.get(t.l);
  if (full !== undefined) return { wd: full, end: i + 1, abbr: false };
  const ab = WEEKDAY_ABBR.get(t.l);
  if (ab !== undefined) {
    const dot = toks[i + 1];
    if (dot && dot.v === '.' && !dot.gap) return { wd: ab, end: i + 2, abbr: true };
  }
  return null;
}

function dayNumber(t: Tok | undefined): number | null {
  if (!t || t.k !== 'n' || !/^\d{1,2}$/.test(t.v)) return null;
  const d = Number(t.v);
  return d >= 1 && d <= 31 ? d : null;
}

function yearNumber(t: Tok | undefined): number | null {
  if (!t || t.k !== 'n' || !/^\d{4}$/.test(t.v)) return null;
  const y = Number(t.v);
  return y >= 1000 && y <= 2199 ? y : null;
}

/** After a day number: skip a glued ordinal suffix ("23rd"). */
function afterDay(toks: readonly Tok[], j: number): number {
  const t = toks[j];
  if (t && t.k === 'w' && !t.gap && ORDINAL_SUFFIX.has(t.l)) return j + 1;
  return j;
}

/** Optional ", 2023" / " 2023" after a day or month; returns [year, end] or [null, j]. */
function trailingYear(toks: readonly Tok[], j: number): [number | null, number] {
  let k = j;
  if (toks[k] && toks[k].v === ',' && !toks[k].gap) k++;
  const y = yearNumber(toks[k]);
  if (y !== null && toks[k].gap) {
    const nx = toks[k + 1];
    // "May 1, 2023" yes; "May 1, 1500 people" no
    if (!(nx && nx.k === 'w' && !nx.gap)) return [y, k + 1];
  }
  return [null, j];
}

function prevWord(toks: readonly Tok[], i: number): Tok | undefined {
  const t = toks[i - 1];
  return t && !toks[i].nl ? t : undefined;
}

/** How a day or month without a year is placed: on the publication date, leaning as its sentence says. */
interface DayAnchor {
  pub: PubDate | null;
  lean: Lean;
  /** The weekday named with the date ("Friday, June 9"): of the two candidate years, one where the day is that weekday. */
  weekday?: number;
}

function dayValue(m: number, d: number, y: number | null, when: DayAnchor): string | null {
  if (y !== null) return validDay(y, m, d) ? iso(y, m, d) : null;
  if (when.pub) return resolveDay(m, d, when.pub, when.lean, when.weekday);
  return `--${p2(m)}-${p2(d)}`;
}

/** Words a date can start with: month and weekday names, relative words, numbers in words ("two years ago"). */
const DATE_START = wordClass([
  ...MONTHS.keys(),
  ...MONTH_ABBR.keys(),
  ...WEEKDAYS.keys(),
  ...WEEKDAY_ABBR.keys(),
  'yesterday',
  'today',
  'tomorrow',
  'tonight',
  'last',
  'this',
  'next',
  'past',
  ...NUMBER_WORD_START,
  ...PERIOD_START,
  ...ANCHORED_START,
]);

/** Can a date start at this token? (A cheap test before {@link dateAt}: false means dateAt finds nothing.) */
export function mayStartDate(t: Tok): boolean {
  if (t.k === 'n') return true;
  if (t.k === 'w') return (classesOf(t) & DATE_START) !== 0;
  return t.v === '’' || t.v === "'" || t.v === '‘'; // "’70s"
}

/**
 * Scan tokens for dates. Returns token ranges with values; never overlapping, in text order.
 * Linear: every branch looks a bounded number of tokens ahead or behind.
 */
export function scanDates(toks: readonly Tok[], pub: PubDate | null): Found[] {
  const out: Found[] = [];
  const n = toks.length;
  let i = 0;
  while (i < n) {
    const f = mayStartDate(toks[i]) ? dateAt(toks, i, pub, out.length ? out[out.length - 1].b : -1) : null;
    if (f) {
      out.push(f);
      i = f.b;
    } else {
      i++;
    }
  }
  return out;
}

function isNextWord(t: Tok | undefined, w: string): boolean {
  return !!t && t.k === 'w' && t.l === w;
}

/** Words before a date that put it ahead of the story: "will meet on", "is expected to", "the upcoming vote on". */
const FUTURE_WORDS = new Set([...words.futureCues, 'set']);
/** Words right before a date that put it ahead: "by Jan. 14". */
const FUTURE_RIGHT_BEFORE = new Set(words.futureCuesRightBefore);
/** Words before a date that put it behind: "was held on", "had met on", "since". */
const PAST_WORDS = new Set(words.pastCues);

/** The cue a word gives (null: none); "set" only as "set for" / "set to": "they set fire" is not a plan. */
function cueOf(toks: readonly Tok[], j: number): Lean | null {
  const l = toks[j].l;
  if (FUTURE_WORDS.has(l)) return l !== 'set' || (toks[j + 1] && (toks[j + 1].l === 'for' || toks[j + 1].l === 'to')) ? 'future' : null;
  return PAST_WORDS.has(l) ? 'past' : null;
}

/**
 * The lean of the date at token i: the nearest cue word at most 8 words (and 16 tokens: a run of marks must not
 * make this a scan of the story for every token) back, in the same sentence, decides; with none, 'near'.
 */
function leanAt(toks: readonly Tok[], i: number): Lean {
  const right = toks[i - 1];
  if (right && right.k === 'w' && FUTURE_RIGHT_BEFORE.has(right.l)) return 'future';
  for (let j = i - 1, n = 0; j >= 0 && j >= i - 16 && n < 8; j--) {
    const t = toks[j];
    if (t.k === 'p' && (t.v === '.' || t.v === ';' || t.v === '!' || t.v === '?')) return 'near';
    if (t.k !== 'w') continue;
    n++;
    const cue = cueOf(toks, j);
    if (cue) return cue;
    if (toks[j + 1] && toks[j + 1].nl) return 'near';
  }
  return 'near';
}

/** Where a date may start and what comes before it: what every kind of date at token i decides on. */
interface DateSite {
  i: number;
  /** The word before i, on the same line. */
  prev: Tok | undefined;
  /** Token index past the date found before (-1: none): "June and July". */
  lastEnd: number;
  pub: PubDate | null;
  /** The sentence's lean (see leanAt); "next" right before leans ahead. */
  lean: Lean;
  /** A future context: the lean is 'future'. */
  ahead: boolean;
}

/** The date starting at token i, if any: a weekday, a calendar date, a month after a cue, a decade, a year, a relative date. */
function dateAt(toks: readonly Tok[], i: number, pub: PubDate | null, lastEnd: number): Found | null {
  const t = toks[i];
  const prev = prevWord(toks, i);
  const future = !!prev && prev.l === 'next';
  const lean = future ? 'future' : leanAt(toks, i);
  const site: DateSite = { i, prev, lastEnd, pub, lean, ahead: lean === 'future' };
  const wd = weekdayAt(toks, i);
  if (wd) return weekdayDate(toks, site, wd);
  const cal = calendarDate(toks, i, { pub, lean });
  if (cal) return future && cal.a === i && cal.precision !== 'year' && prev ? { ...cal, a: i - 1 } : cal;
  const mo = monthAt(toks, i);
  if (mo) return cuedMonth(toks, site, mo);
  const y = yearOrDecadeAt(toks, i, pub);
  if (y) return y;
  if (t.k !== 'w') return null;
  return periodAt(toks, i, pub, site.ahead) ?? anchoredAt(toks, i) ?? relativeAt(toks, i, pub);
}

/** The way a word before a weekday or month points (the word then joins the date's span); null: no such word. */
function direction(prev: Tok | undefined): 'last' | 'next' | 'this' | null {
  if (!prev) return null;
  if (prev.l === 'last' || prev.l === 'past' || prev.l === 'previous') return 'last';
  if (prev.l === 'next' || prev.l === 'coming') return 'next';
  return prev.l === 'this' ? 'this' : null;
}

/** A weekday: with the calendar date after it ("Friday, June 9"), else a day relative to publication ("last Tuesday"). */
function weekdayDate(toks: readonly Tok[], site: DateSite, wd: WeekdayName): Found | null {
  let j = wd.end;
  if (toks[j] && toks[j].v === ',' && !toks[j].gap) j++;
  const inner = calendarDate(toks, j, { pub: site.pub, lean: site.lean, weekday: wd.wd });
  if (inner && toks[j] && toks[j].gap) return { ...inner, a: site.i };
  if (wd.abbr) return null;
  // a bare weekday: relative to publication
  const dir = direction(site.prev);
  const value = site.pub ? weekdayValue(wd.wd, dir, site.pub, site.ahead) : null;
  return { a: dir === null ? site.i : site.i - 1, b: wd.end, value, precision: 'day' };
}

/** The day a bare weekday names: "next" → after publication, "last" → before it, else on or before (ahead: on or after). */
function weekdayValue(wd: number, dir: 'last' | 'next' | 'this' | null, pub: PubDate, ahead: boolean): string {
  const today = weekdayOf(pub);
  if (dir === 'next') return shiftDays(pub, (wd - today + 7) % 7 || 7);
  if (dir !== 'last' && ahead) return shiftDays(pub, (wd - today + 7) % 7);
  let delta = (today - wd + 7) % 7;
  if (dir === 'last' && delta === 0) delta = 7;
  return shiftDays(pub, -delta);
}

/** Does a cue before the month name at site.i make it a date: "since", "mid-", "the end of", "and" after a date? */
function monthCued(toks: readonly Tok[], site: DateSite): boolean {
  const { i, prev } = site;
  if (!prev) return false;
  if (prev.l === 'of') {
    const pp = toks[i - 2];
    return !!pp && OF_CUES.has(pp.l);
  }
  if (prev.v === '-' && !toks[i].gap) {
    const pp = toks[i - 2];
    return !!pp && pp.l === 'mid' && !prev.gap;
  }
  if ((prev.l === 'and' || prev.l === 'or' || prev.l === 'to') && site.lastEnd === i - 1) return true;
  return MONTH_CUES.has(prev.l) && prev.l !== 'and' && prev.l !== 'or' && prev.l !== 'to';
}

/** A month name alone: a month after a cue ("since October", "last October"), placed relative to publication. */
function cuedMonth(toks: readonly Tok[], site: DateSite, mo: MonthName): Found | null {
  const i = site.i;
  if (!monthCued(toks, site)) return null;
  // "May" right before a capitalised word is likely a name ("Theresa May", "May Day")
  const nx = toks[mo.end];
  if (toks[i].l === 'may' && nx && nx.k === 'w' && nx.gap && /^[A-Z]/.test(nx.v)) return null;
  const dir = direction(site.prev);
  const mode =
    dir === 'last' ? 'before' : dir === 'next' ? 'after' : site.lean === 'future' ? 'ahead' : site.lean === 'past' ? 'latest' : 'near';
  const value = site.pub ? resolveMonth(mo.month, site.pub, mode) : `--${p2(mo.month)}`;
  return { a: dir === null ? i : i - 1, b: mo.end, value, precision: 'month' };
}

/** Decades and bare years: "1970s", "1970's", "’70s", "1989" (not the "21" of "2020-21"). */
function yearOrDecadeAt(toks: readonly Tok[], i: number, pub: PubDate | null): Found | null {
  const t = toks[i];
  if (t.k !== 'n') return shortDecadeAt(toks, i, pub);
  const dec = decadeAt(toks, i);
  if (dec) return dec;
  if (isYearLike(toks, i) && !isRangeTail(toks, i) && !isClockTime(toks[i + 1])) return { a: i, b: i + 1, value: t.v, precision: 'year' };
  return null;
}

/** "1200 GMT", "0900 hrs": a four-digit clock time, not a year. */
function isClockTime(nx: Tok | undefined): boolean {
  return !!nx && nx.k === 'w' && nx.gap && /^(gmt|utc|hrs|bst|est|edt|cet)$/.test(nx.l);
}

/** "2020-21": the second number is not a year on its own. */
function isRangeTail(toks: readonly Tok[], i: number): boolean {
  const p = toks[i - 1];
  return !!p && !toks[i].gap && (p.v === '-' || p.v === '/' || p.v === '–') && !!toks[i - 2] && toks[i - 2].k === 'n';
}

function decadeAt(toks: readonly Tok[], i: number): Found | null {
  const t = toks[i];
  if (!/^\d{3}0$/.test(t.v)) return null;
  const y = Number(t.v);
  if (y < 1000 || y > 2190) return null;
  const nx = toks[i + 1];
  if (nx && !nx.gap && nx.k === 'w' && nx.l === 's') return { a: i, b: i + 2, value: `${t.v}s`, precision: 'decade' };
  if (nx && !nx.gap && (nx.v === '’' || nx.v === "'")) {
    const s = toks[i + 2];
    if (s && !s.gap && s.k === 'w' && s.l === 's') return { a: i, b: i + 3, value: `${t.v}s`, precision: 'decade' };
  }
  return null;
}

/** "’70s", "'90s": a two-digit decade, the latest such not after publication (value null without one). */
function shortDecadeAt(toks: readonly Tok[], i: number, pub: PubDate | null): Found | null {
  const t = toks[i];
  const two = toks[i + 1];
  if (!(t.v === '’' || t.v === "'" || t.v === '‘') || !two || two.k !== 'n' || two.gap) return null;
  const s = toks[i + 2];
  if (!/^\d0$/.test(two.v) || !s || s.k !== 'w' || s.l !== 's' || s.gap) return null;
  let value: string | null = null;
  if (pub) {
    const century = Math.floor(pub.y / 100) * 100;
    let y = century + Number(two.v);
    if (y > pub.y) y -= 100;
    value = `${p4(y)}s`;
  }
  return { a: i, b: i + 3, value, precision: 'decade' };
}

/** Month-day, day-month, month-year, ISO dates starting at token i. */
function calendarDate(toks: readonly Tok[], i: number, when: DayAnchor): Found | null {
  const t = toks[i];
  if (!t) return null;
  const mo = monthAt(toks, i);
  if (mo) return monthLedDate(toks, i, mo, when);
  if (t.k !== 'n') return null;
  if (/^\d{4}$/.test(t.v)) return isoDate(toks, i);
  return dayLedDate(toks, i, when);
}

/** After the month name at i: a day ("June 9", "June 9th, 2021") or a month of a year ("October 2021", "March of 2022"). */
function monthLedDate(toks: readonly Tok[], i: number, mo: MonthName, when: DayAnchor): Found | null {
  const dt = toks[mo.end];
  const d = dayNumber(dt);
  if (d !== null && dt.gap) {
    // not "May 2023" (year) and not "April 23-25 km"
    const j = afterDay(toks, mo.end + 1);
    const nx = toks[j];
    if (!(nx && !nx.gap && (nx.k === 'n' || nx.k === 's'))) {
      const [y, end] = trailingYear(toks, j);
      if (validDay(y, mo.month, d)) return { a: i, b: end, value: dayValue(mo.month, d, y, when), precision: 'day' };
    }
  }
  const y = yearNumber(dt);
  if (y !== null && dt.gap) {
    return { a: i, b: mo.end + 1, value: `${p4(y)}-${p2(mo.month)}`, precision: 'month' };
  }
  // "March of 2022"
  if (isNextWord(dt, 'of') && yearNumber(toks[mo.end + 1]) !== null) {
    return { a: i, b: mo.end + 2, value: `${toks[mo.end + 1].v}-${p2(mo.month)}`, precision: 'month' };
  }
  return null;
}

/** An ISO date at the four digits at i: "2023-02-22", "2023/02/22" (a real day, not followed by more digits). */
function isoDate(toks: readonly Tok[], i: number): Found | null {
  const s1 = toks[i + 1];
  const m = toks[i + 2];
  const s2 = toks[i + 3];
  const d = toks[i + 4];
  if (!s1 || !m || !s2 || !d || s1.gap || m.gap || s2.gap || d.gap) return null;
  if ((s1.v !== '-' && s1.v !== '/') || s2.v !== s1.v || !/^\d{2}$/.test(m.v) || !/^\d{2}$/.test(d.v)) return null;
  const y = Number(toks[i].v);
  const mm = Number(m.v);
  const dd = Number(d.v);
  const after = toks[i + 5];
  if (validDay(y, mm, dd) && !(after && !after.gap && after.k === 'n')) {
    return { a: i, b: i + 5, value: iso(y, mm, dd), precision: 'day' };
  }
  return null;
}

/** A day number at i before a month name: "22 February 2023", "22nd of February" (not the "5" of "A5" or "9/11"). */
function dayLedDate(toks: readonly Tok[], i: number, when: DayAnchor): Found | null {
  const t = toks[i];
  const d = dayNumber(t);
  if (d === null) return null;
  const prevT = toks[i - 1];
  if (prevT && !t.gap && (prevT.k === 'w' || prevT.k === 'n' || prevT.v === '/' || prevT.v === ':')) return null;
  let j = afterDay(toks, i + 1);
  if (isNextWord(toks[j], 'of')) j++;
  const mo = monthAt(toks, j);
  if (mo && toks[j].gap) {
    const [y, end] = trailingYear(toks, mo.end);
    if (validDay(y, mo.month, d)) return { a: i, b: end, value: dayValue(mo.month, d, y, when), precision: 'day' };
  }
  return null;
}

const REL_UNITS = new Map<string, 'day' | 'week' | 'month' | 'year' | 'decade'>(
  Object.entries({
    day: 'day',
    days: 'day',
    week: 'week',
    weeks: 'week',
    month: 'month',
    months: 'month',
    year: 'year',
    years: 'year',
    decade: 'decade',
    decades: 'decade',
  }) as [string, 'day' | 'week' | 'month' | 'year' | 'decade'][],
);

/** yesterday / today / tomorrow, last|this|next week|month|year, N units ago. */
function relativeAt(toks: readonly Tok[], i: number, pub: PubDate | null): Found | null {
  const t = toks[i];
  const l = t.l;
  if (l === 'yesterday' || l === 'today' || l === 'tomorrow' || l === 'tonight') {
    // "today's" is fine; "Today" as a programme name is rare enough
    const delta = l === 'yesterday' ? -1 : l === 'tomorrow' ? 1 : 0;
    return { a: i, b: i + 1, value: pub ? shiftDays(pub, delta) : null, precision: 'day' };
  }
  if (l === 'last' || l === 'this' || l === 'next' || l === 'past') {
    const u = toks[i + 1];
    if (!u || u.k !== 'w' || !u.gap || u.nl) return null;
    const after = toks[i + 2];
    // "last year's" fine; "this year alone" fine; "next week-long" no
    if (after && !after.gap && after.v === '-') return null;
    const dir = l === 'last' || l === 'past' ? -1 : l === 'next' ? 1 : 0;
    if (l === 'past' && u.l !== 'week' && u.l !== 'month' && u.l !== 'year') return null;
    if (u.l === 'week') return { a: i, b: i + 2, value: pub ? isoWeek(pub, dir) : null, precision: 'week' };
    if (u.l === 'weekend') return { a: i, b: i + 2, value: null, precision: 'day' };
    if (u.l === 'month') return { a: i, b: i + 2, value: pub ? shiftMonths(pub, dir) : null, precision: 'month' };
    if (u.l === 'year') return { a: i, b: i + 2, value: pub ? p4(pub.y + dir) : null, precision: 'year' };
    const q = relativeQuarter(u, dir, pub);
    return q ? { a: i, b: i + 2, ...q } : null;
  }
  // "two years ago", "a week ago"
  const num = readNumber(toks, i);
  let k: number;
  let count: number;
  if (num && num.words) {
    k = num.end;
    count = num.value;
  } else if (l === 'a' || l === 'an') {
    k = i + 1;
    count = 1;
  } else {
    return null;
  }
  return agoAt(toks, i, k, count, pub) ?? countedAnchoredAt(toks, i);
}

function agoAt(toks: readonly Tok[], a: number, k: number, count: number, pub: PubDate | null): Found | null {
  const u = toks[k];
  const ago = toks[k + 1];
  if (!u || u.k !== 'w' || !ago || ago.l !== 'ago' || !ago.gap) return null;
  const unit = REL_UNITS.get(u.l);
  if (!unit || !Number.isFinite(count) || count < 0 || count > 10000) return null;
  const b = k + 2;
  if (unit === 'day') return { a, b, value: pub ? shiftDays(pub, -count) : null, precision: 'day' };
  if (unit === 'week') return { a, b, value: pub ? shiftDays(pub, -7 * count) : null, precision: 'day' };
  if (unit === 'month') return { a, b, value: pub ? shiftMonths(pub, -count) : null, precision: 'month' };
  if (unit === 'year') return { a, b, value: pub ? p4(pub.y - count) : null, precision: 'year' };
  return { a, b, value: pub ? `${p4(Math.floor((pub.y - 10 * count) / 10) * 10)}s` : null, precision: 'decade' };
}

/** Digit-led "N days ago" (the word-led form is handled with relative dates). */
function digitAgo(toks: readonly Tok[], i: number, pub: PubDate | null): Found | null {
  const t = toks[i];
  if (t.k !== 'n' || !/^\d{1,4}$/.test(t.v)) return null;
  return agoAt(toks, i, i + 1, Number(t.v), pub) ?? countedAnchoredAt(toks, i);
}

/** The story's dates before some window, looked up only when the window holds an anchored reference. */
export type StoryAnchors = () => AnchorList;

/** Values the anchored references of `all` (in text order) from the nearest fitting date before each. */
function resolveAnchored(all: Found[], toks: readonly Tok[], pub: PubDate | null, story?: StoryAnchors): void {
  const local: DatedSpan[] = [];
  const own = new AnchorList(local);
  for (const x of all) {
    const start = toks[x.a].s;
    if (x.rel) {
      const near = own.before(start, x.rel);
      const far = story ? story().before(start, x.rel) : null;
      const anchor = near && (!far || near.start >= far.start) ? near : (far ?? (pub ? pubAnchor(pub) : null));
      if (anchor) Object.assign(x, valueFrom(x.rel, anchor));
    }
    local.push({ start, value: x.value, precision: x.precision });
  }
}

/**
 * Internal: dates over an already-lexed window (used by quantities to keep day numbers and years out). `story`
 * gives the story's dates for references to a date before the window ("the same day").
 */
export function datesInTokens(
  text: string,
  toks: readonly Tok[],
  pub: PubDate | null,
  story?: StoryAnchors,
): { a: number; b: number; date: ClaimDate }[] {
  const found = scanDates(toks, pub);
  // digit-led "3 days ago" is checked in a second light pass over tokens not already in a date
  const extra: Found[] = [];
  let f = 0;
  for (let i = 0; i < toks.length; i++) {
    while (f < found.length && found[f].b <= i) f++;
    if (f < found.length && found[f].a <= i) continue;
    const g = digitAgo(toks, i, pub);
    if (g) {
      extra.push(g);
      i = g.b - 1;
    }
  }
  const all = extra.length ? [...found, ...extra].sort((x, y) => x.a - y.a) : found;
  if (all.some((x) => x.rel)) resolveAnchored(all, toks, pub, story);
  return all.map((x) => {
    const s = toks[x.a].s;
    const e = toks[x.b - 1].e;
    return { a: x.a, b: x.b, date: { span: { start: s, end: e, text: text.slice(s, e) }, value: x.value, precision: x.precision } };
  });
}

/** The story's dates (over all its tokens), once, when first asked: the anchors of its claims' anchored references. */
export function storyAnchors(text: string, toks: readonly Tok[], pub: PubDate | null): StoryAnchors {
  let list: AnchorList | null = null;
  return () => {
    if (!list)
      list = new AnchorList(
        datesInTokens(text, toks, pub).map((x) => ({ start: x.date.span.start, value: x.date.value, precision: x.date.precision })),
      );
    return list;
  };
}

/**
 * Dates in `text[start, end)`, with absolute offsets. `published` (the calendar date of `publishedAt`, parsed by
 * src/options.ts) anchors dates without a year and relative dates; without it those stay partial ("--04-23",
 * "--12") or null. A reference to another date ("the same day") looks back to the dates of the text before it.
 */
export function findDates(text: string, start = 0, end = text.length, published?: CalendarDate | null): ClaimDate[] {
  if (typeof text !== 'string') return [];
  const all = storyTokens(text);
  const toks = tokensIn(text, all, start, end);
  const pub = pubDate(published);
  const story = storyAnchors(text, tokensIn(text, all, 0, end), pub);
  return datesInTokens(text, toks, pub, story).map((x) => x.date);
}
