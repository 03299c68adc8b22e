/** Input and option checks: clear TypeErrors and RangeErrors at the door, never a crash deep inside. */
import type { ExtractOptions } from './types';

export const DEFAULT_MAX_LENGTH = 8_000_000;

export interface CheckedOptions extends ExtractOptions {
  maxLength: number;
}

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Days in month `m` (1–12) of year `y`, on the proleptic Gregorian calendar ISO 8601 uses. */
export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** YYYY-MM-DD, then optionally a time: HH:MM[:SS[.fraction]] and a zone (Z, ±HH, ±HHMM or ±HH:MM). */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?(?:Z|[+-](\d{2})(?::?(\d{2}))?)?)?$/;

/**
 * Why `value` is not a publication date quotewire accepts, or null when it is one: an ISO 8601 calendar date
 * (`2023-05-02`), optionally with a time and zone (`2023-05-02T10:00:00Z`, `2023-05-02T10:00+02:00`), that exists
 * on the calendar: month 01–12, a day the month has (2024-02-29, not 2023-02-29 or 2023-04-31), hour 00–23 (24:00
 * only as 24:00:00), minute 00–59, second 00–60. `Date.parse` is no check: it rolls 2023-02-30 over to March 2.
 * The one check for the API (`options.publishedAt`), `--published-at` and the `publishedAt` of batch records.
 */
export function publishedAtProblem(value: string): string | null {
  const shown = JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  const m = ISO_DATE.exec(value);
  if (!m) return `must be an ISO date like 2023-05-02 or a timestamp like 2023-05-02T10:00:00Z, got ${shown}`;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12) return `is not a real date: there is no month ${m[2]} in ${shown}`;
  if (d < 1 || d > daysInMonth(y, mo)) {
    return `is not a real date: ${m[1]}-${m[2]} has ${daysInMonth(y, mo)} days, so there is no day ${m[3]} in ${shown}`;
  }
  if (m[4] !== undefined) {
    const h = Number(m[4]);
    const min = Number(m[5]);
    const sec = m[6] === undefined ? 0 : Number(m[6]);
    const midnight = h === 24 && min === 0 && sec === 0 && !/[.,]\d*[1-9]/.test(value.slice(11));
    if ((h > 23 && !midnight) || min > 59 || sec > 60) return `is not a real time of day: ${shown}`;
    if (m[7] !== undefined && (Number(m[7]) > 23 || Number(m[8] ?? 0) > 59)) return `has an impossible time zone offset: ${shown}`;
  }
  return null;
}

export function checkOptions(options: unknown): CheckedOptions {
  if (options === undefined || options === null) return { maxLength: DEFAULT_MAX_LENGTH };
  if (typeof options !== 'object' || Array.isArray(options)) throw new TypeError(`quotewire: options must be an object, got ${Array.isArray(options) ? 'an array' : typeof options}`);
  const o = options as Record<string, unknown>;
  const out: CheckedOptions = { maxLength: DEFAULT_MAX_LENGTH };
  if (o.maxLength !== undefined) {
    if (typeof o.maxLength !== 'number' || !Number.isFinite(o.maxLength) || !Number.isInteger(o.maxLength)) throw new TypeError(`quotewire: options.maxLength must be a whole number, got ${String(o.maxLength)}`);
    if (o.maxLength < 0) throw new RangeError(`quotewire: options.maxLength must not be negative, got ${o.maxLength}`);
    out.maxLength = o.maxLength;
  }
  if (o.publishedAt !== undefined) {
    if (typeof o.publishedAt !== 'string') throw new TypeError(`quotewire: options.publishedAt must be an ISO date string, got ${typeof o.publishedAt}`);
    const problem = publishedAtProblem(o.publishedAt);
    if (problem) throw new RangeError(`quotewire: options.publishedAt ${problem}`);
    out.publishedAt = o.publishedAt;
  }
  if (o.url !== undefined) {
    if (typeof o.url !== 'string') throw new TypeError(`quotewire: options.url must be a string, got ${typeof o.url}`);
    out.url = o.url;
  }
  return out;
}

export function checkText(text: unknown, maxLength: number): asserts text is string {
  if (typeof text !== 'string') {
    const what = text === null ? 'null' : Array.isArray(text) ? 'an array' : typeof text === 'object' ? `an object (${(text as object).constructor?.name ?? 'Object'})` : typeof text;
    throw new TypeError(`quotewire.extract: text must be a string, got ${what}`);
  }
  if (text.length > maxLength) throw new RangeError(`quotewire.extract: text is ${text.length} characters long, over the maxLength of ${maxLength}`);
}
