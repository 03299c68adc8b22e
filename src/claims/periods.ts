/**
 * Parts of a year in claims: fiscal quarters and halves, and seasons, as TIMEX3 (ISO-TimeML) values:
 *   "the third quarter", "third-quarter profit", "Q3 2023", "the fourth quarter of 2022"   → "2023-Q3"  (quarter)
 *   "the first half of 2024", "first-half sales", "H1 2024"                               → "2024-H1"  (half)
 *   "last spring", "this summer", "in the autumn of 2022", "in winter", "fall 2021"       → "2022-FA"  (season)
 * Seasons are the Northern Hemisphere's meteorological ones, and a season belongs to the year it starts in:
 * spring (SP) March–May, summer (SU) June–August, fall/autumn (FA) September–November, winter (WI) December to
 * February ("2022-WI" runs from December 2022 into February 2023).
 *
 * A quarter, half or season named without a year is placed on the publication date: the latest one that has begun
 * by then (in a future context, the first one that has not ended); "last spring" → the latest one before the
 * current season, "next summer" → the first after it, "this summer" → the one of the publication's year (a winter
 * in January or February: the winter under way). "last quarter" / "this quarter" / "next quarter" count quarters
 * from the publication's. Without `publishedAt` such a period has value null.
 */
import words from '../model/dates.json';
import type { DatePrecision } from '../types';
import { type PubDate, p4 } from './datemath';
import type { Tok } from './tokens';

export type PeriodKind = 'quarter' | 'half' | 'season';

const PER_YEAR: Record<PeriodKind, number> = { quarter: 4, half: 2, season: 4 };
const SEASON_CODES = ['SP', 'SU', 'FA', 'WI'];
const SEASONS = new Map<string, number>(Object.entries(words.seasons).map(([w, c]) => [w, SEASON_CODES.indexOf(c)]));
const SEASON_CUES = new Set(words.seasonCues);
const ORDINALS = new Map<string, number>(Object.entries(words.periodOrdinals));

/** Words a quarter, half or season can start with (dates.ts adds them to the words a date can start with). */
export const PERIOD_START: readonly string[] = [...SEASONS.keys(), ...ORDINALS.keys(), 'q1', 'q2', 'q3', 'q4', 'h1', 'h2'];

/** A period found at some tokens: what dates.ts makes a date of. */
export interface PeriodFound {
  a: number;
  b: number;
  value: string | null;
  precision: DatePrecision;
}

/** How a period without a year is placed relative to the publication's. */
export type PeriodMode = 'latest' | 'ahead' | 'before' | 'after' | 'this';

/** The running index (year × periods a year + number in the year) of the period that holds the date p. */
export function periodIndex(kind: PeriodKind, p: PubDate): number {
  if (kind === 'quarter') return p.y * 4 + Math.floor((p.m - 1) / 3);
  if (kind === 'half') return p.y * 2 + (p.m > 6 ? 1 : 0);
  if (p.m <= 2) return (p.y - 1) * 4 + 3; // January and February: the winter that began in December
  return p.y * 4 + (p.m === 12 ? 3 : Math.floor((p.m - 3) / 3));
}

/** "2023-Q3", "2024-H1", "2022-FA" for a running index. */
export function periodValue(kind: PeriodKind, idx: number): string {
  const per = PER_YEAR[kind];
  const y = Math.floor(idx / per);
  const n = idx - y * per;
  if (kind === 'quarter') return `${p4(y)}-Q${n + 1}`;
  if (kind === 'half') return `${p4(y)}-H${n + 1}`;
  return `${p4(y)}-${SEASON_CODES[n]}`;
}

/** The kind and running index of a period value ("2023-Q3"), or null when the value is no period. */
export function parsePeriod(value: string): { kind: PeriodKind; idx: number } | null {
  const m = /^(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)$/.exec(value);
  if (!m) return null;
  const y = Number(m[1]);
  const code = m[2];
  if (code[0] === 'Q') return { kind: 'quarter', idx: y * 4 + Number(code[1]) - 1 };
  if (code[0] === 'H') return { kind: 'half', idx: y * 2 + Number(code[1]) - 1 };
  return { kind: 'season', idx: y * 4 + SEASON_CODES.indexOf(code) };
}

/** The period number n (0-based in its year) placed on the publication date as `mode` says. */
export function resolvePeriod(kind: PeriodKind, n: number, pub: PubDate, mode: PeriodMode): string {
  const per = PER_YEAR[kind];
  const cur = periodIndex(kind, pub);
  if (mode === 'this') {
    const y = kind === 'season' && n === 3 && pub.m <= 2 ? pub.y - 1 : pub.y;
    return periodValue(kind, y * per + n);
  }
  let idx = Math.floor(cur / per) * per + n;
  if (idx > cur) idx -= per; // the latest begun
  if (mode === 'before' && idx === cur) idx -= per;
  if (mode === 'ahead' && idx < cur) idx += per;
  if (mode === 'after') idx += per;
  return periodValue(kind, idx);
}

/** A four-digit year at token k (1000–2199), or null. */
function yearAt(toks: readonly Tok[], k: number): number | null {
  const t = toks[k];
  if (!t || t.k !== 'n' || !t.gap || !/^\d{4}$/.test(t.v)) return null;
  const y = Number(t.v);
  const nx = toks[k + 1];
  if (nx && !nx.gap && (nx.k === 'w' || nx.k === 'n')) return null; // "2020s"
  return y >= 1000 && y <= 2199 ? y : null;
}

/** The year after a period word: "2023", "of 2023", "of last year", "of the year" (b: past it; year null: no year). */
interface YearAfter {
  year: number | 'pub' | null;
  b: number;
}

function yearAfter(toks: readonly Tok[], k: number, pub: PubDate | null): YearAfter | 'reject' {
  const direct = yearAt(toks, k);
  if (direct !== null) return { year: direct, b: k + 1 };
  const of = toks[k];
  if (!of || of.l !== 'of' || !of.gap) return { year: null, b: k };
  const ofYear = yearAt(toks, k + 1);
  if (ofYear !== null) return { year: ofYear, b: k + 2 };
  const w = toks[k + 1];
  const y = toks[k + 2];
  if (!w || !y || y.l !== 'year' || !y.gap) return 'reject'; // "the first half of the game"
  const shift = w.l === 'last' ? -1 : w.l === 'next' ? 1 : w.l === 'this' || w.l === 'the' ? 0 : null;
  if (shift === null) return 'reject';
  return { year: pub ? pub.y + shift : 'pub', b: k + 3 };
}

/** The value of period n of `kind`: in the year given, or placed on the publication (null without one). */
function periodOf(kind: PeriodKind, n: number, year: number | 'pub' | null, pub: PubDate | null, mode: PeriodMode): string | null {
  if (typeof year === 'number') return periodValue(kind, year * PER_YEAR[kind] + n);
  return pub ? resolvePeriod(kind, n, pub, mode) : null;
}

/** "Q3", "Q3 2023", "Q3 of 2023", "H1 2024" (a bare "H1" is too often something else). */
function codedPeriod(toks: readonly Tok[], i: number, pub: PubDate | null, ahead: boolean): PeriodFound | null {
  const t = toks[i];
  if (!/^[QH][1-4]$/.test(t.v)) return null;
  const kind: PeriodKind = t.v[0] === 'Q' ? 'quarter' : 'half';
  const n = Number(t.v[1]) - 1;
  if (kind === 'half' && n > 1) return null;
  const ya = yearAfter(toks, i + 1, pub);
  if (ya === 'reject' || (kind === 'half' && ya.year === null)) return null;
  const value = periodOf(kind, n, ya.year, pub, ahead ? 'ahead' : 'latest');
  return { a: i, b: ya.b, value, precision: kind };
}

/** "the third quarter", "third-quarter", "the first half of 2024" (not "a third quarter of growth"). */
function ordinalPeriod(toks: readonly Tok[], i: number, pub: PubDate | null, ahead: boolean): PeriodFound | null {
  const ord = ORDINALS.get(toks[i].l);
  if (ord === undefined) return null;
  const prev = toks[i - 1];
  if (prev && (prev.l === 'a' || prev.l === 'an')) return null;
  let k = i + 1;
  const h = toks[k];
  if (h && h.v === '-' && !h.gap) k++;
  const w = toks[k];
  if (!w || w.k !== 'w' || (w.l !== 'quarter' && w.l !== 'half') || (k === i + 1 && !w.gap) || (k > i + 1 && w.gap)) return null;
  const kind: PeriodKind = w.l === 'quarter' ? 'quarter' : 'half';
  if ((kind === 'half' && ord > 2) || (toks[i].l === 'final' && kind === 'half')) return null;
  const after = toks[k + 1];
  if (after && !after.gap && after.v === '-' && k === i + 1) return null; // "the first quarter-century"
  const ya = yearAfter(toks, k + 1, pub);
  if (ya === 'reject') return null;
  const value = periodOf(kind, ord - 1, ya.year, pub, ahead ? 'ahead' : 'latest');
  return { a: i, b: ya.b, value, precision: kind };
}

/** The way a word before a season points ("last spring"), or null. */
function seasonDirection(prev: Tok | undefined): PeriodMode | null {
  if (!prev) return null;
  if (prev.l === 'last' || prev.l === 'past' || prev.l === 'previous') return 'before';
  if (prev.l === 'next' || prev.l === 'coming') return 'after';
  return prev.l === 'this' ? 'this' : null;
}

/** A season: "last spring", "this summer", "in the autumn of 2022", "in winter", "spring 2023". */
function seasonAt(toks: readonly Tok[], i: number, pub: PubDate | null, ahead: boolean): PeriodFound | null {
  const t = toks[i];
  const n = SEASONS.get(t.l);
  if (n === undefined) return null;
  const nx = toks[i + 1];
  if (nx && !nx.gap && (nx.v === '-' || (nx.k === 'w' && nx.l !== "'s"))) return null; // "summer-like"; "winter’s" is fine
  const ya = yearAfter(toks, i + 1, pub);
  if (ya === 'reject') return null;
  const capital = /^[A-Z]/.test(t.v);
  if (typeof ya.year === 'number') return { a: i, b: ya.b, value: `${p4(ya.year)}-${SEASON_CODES[n]}`, precision: 'season' };
  if (capital && i > 0 && toks[i - 1].k === 'w' && /^[A-Z]/.test(toks[i - 1].v)) return null; // "the Arab Spring"
  const prev = toks[i - 1] && !t.nl ? toks[i - 1] : undefined;
  const dir = seasonDirection(prev);
  if (dir) return { a: i - 1, b: ya.b, value: periodOf('season', n, ya.year, pub, dir), precision: 'season' };
  if (!seasonCued(toks, i, t.l === 'fall') || capital) return null;
  return { a: i, b: ya.b, value: periodOf('season', n, ya.year, pub, ahead ? 'ahead' : 'latest'), precision: 'season' };
}

/** A cue before a season word: "in spring", "during the summer", "early autumn"; "fall" only after "the" and a cue. */
function seasonCued(toks: readonly Tok[], i: number, needsThe: boolean): boolean {
  const p = toks[i - 1];
  if (p && p.v === '-' && !p.gap && !toks[i].gap && toks[i - 2] && toks[i - 2].l === 'mid') return true; // "mid-summer"
  let k = i - 1;
  if (p && p.l === 'the') k--;
  else if (needsThe) return false;
  const cue = toks[k];
  return !!cue && cue.k === 'w' && SEASON_CUES.has(cue.l);
}

/** A quarter, half or season starting at token i (`ahead`: the date is in a future context). */
export function periodAt(toks: readonly Tok[], i: number, pub: PubDate | null, ahead: boolean): PeriodFound | null {
  const t = toks[i];
  if (t.k !== 'w') return null;
  return codedPeriod(toks, i, pub, ahead) ?? ordinalPeriod(toks, i, pub, ahead) ?? seasonAt(toks, i, pub, ahead);
}

/** "last quarter", "this quarter", "next quarter" (u: the token after the direction word); null for other units. */
export function relativeQuarter(u: Tok, dir: -1 | 0 | 1, pub: PubDate | null): { value: string | null; precision: DatePrecision } | null {
  if (u.l !== 'quarter') return null;
  return { value: pub ? periodValue('quarter', periodIndex('quarter', pub) + dir) : null, precision: 'quarter' };
}
