/**
 * Date arithmetic for the claims' date finders (dates.ts, periods.ts, anchored.ts): ISO 8601 strings built from
 * a calendar date, shifted by days, weeks, months, quarters, halves, seasons and years.
 * Every year is the year itself: Date.UTC alone would read years 0–99 as 1900–1999.
 */
import { daysInMonth } from '../language/calendar';

/** A calendar date inside the date finders (short names for the arithmetic); the publication date is one. */
export interface PubDate {
  y: number;
  /** 1–12. */
  m: number;
  /** 1–31, a day the month has. */
  d: number;
}

export const p2 = (n: number) => String(n).padStart(2, '0');
export const p4 = (n: number) => String(n).padStart(4, '0');
export const iso = (y: number, m: number, d: number) => `${p4(y)}-${p2(m)}-${p2(d)}`;

/** Is (y, m, d) a real day? With no year, February 29 counts. */
export function validDay(y: number | null, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= (y === null ? (m === 2 ? 29 : daysInMonth(2001, m)) : daysInMonth(y, m));
}

/** p's date shifted by `delta` days, at 00:00 UTC. */
export function utcDate(p: PubDate, delta = 0): Date {
  const t = new Date(0);
  t.setUTCFullYear(p.y, p.m - 1, p.d + delta);
  return t;
}

/** p shifted by `delta` days, as a PubDate. */
export function addDays(p: PubDate, delta: number): PubDate {
  const t = utcDate(p, delta);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function shiftDays(p: PubDate, delta: number): string {
  const t = addDays(p, delta);
  return iso(t.y, t.m, t.d);
}

export function shiftMonths(p: PubDate, delta: number): string {
  const idx = p.y * 12 + (p.m - 1) + delta;
  return `${p4(Math.floor(idx / 12))}-${p2((idx % 12) + 1)}`;
}

export function weekdayOf(p: PubDate): number {
  return utcDate(p).getUTCDay();
}

/** The ISO 8601 week ("2023-W17") of p shifted by `weeks` weeks. */
export function isoWeek(p: PubDate, weeks: number): string {
  const t = utcDate(p, 7 * weeks);
  const dow = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - dow); // the Thursday of that week decides its year
  const y = t.getUTCFullYear();
  const jan1 = new Date(0);
  jan1.setUTCFullYear(y, 0, 1);
  const week = Math.ceil(((t.getTime() - jan1.getTime()) / 86_400_000 + 1) / 7);
  return `${p4(y)}-W${p2(week)}`;
}

/** Days from a to b (b − a). */
export function daysBetween(a: PubDate, b: PubDate): number {
  return Math.round((utcDate(b).getTime() - utcDate(a).getTime()) / 86_400_000);
}

/** The Monday that starts the ISO week "YYYY-Www", or null when the string is no such week. */
export function mondayOfIsoWeek(value: string): PubDate | null {
  const m = /^(\d{4})-W(\d{2})$/.exec(value);
  if (!m) return null;
  const jan4: PubDate = { y: Number(m[1]), m: 1, d: 4 };
  const back = (weekdayOf(jan4) || 7) - 1;
  return addDays(jan4, -back + 7 * (Number(m[2]) - 1));
}
