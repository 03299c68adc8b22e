/**
 * Options, parsed once: every option value the library, the command line or a batch record takes is checked
 * and parsed here, into one typed object ({@link CheckedOptions}) that the pipeline and the command line use as
 * is. A bad value is a TypeError (wrong type) or a RangeError (right type, impossible value) whose message names
 * the option as the caller wrote it and the value; the wording after the name is the same from every door:
 *
 *   API      `quotewire: options.publishedAt is not a real date: 2023-02 has 28 days, so there is no day 30 in …`
 *   CLI      `--published-at is not a real date: …` (a usage error, exit 2)
 *   --batch  `RangeError: "publishedAt" is not a real date: …` (an error record)
 *
 * The text itself is checked here too ({@link checkText}): clear errors at the door, never a crash deep inside.
 */
import { daysInMonth } from './language/calendar';
import type { ExtractOptions } from './types';

export const DEFAULT_MAX_LENGTH = 8_000_000;

/** A publication date, checked: the string as given, and the calendar date it names. */
export interface PublishedAt {
  /** As given: `2023-05-02` or a timestamp such as `2023-05-02T10:00:00+02:00` (what the exports print). */
  text: string;
  /** The calendar date as written (a timestamp's zone does not move it): what claims anchor relative dates on. */
  year: number;
  /** 1–12. */
  month: number;
  /** 1–31, a day the month has. */
  day: number;
}

/** Every option, checked, with its default filled in: what the pipeline runs on. Built with one shape. */
export interface CheckedOptions {
  /** Longest input accepted, in UTF-16 code units. */
  maxLength: number;
  publishedAt: PublishedAt | null;
  /** The story's URL: carried into the result (`Extraction.url`) and from there into the exports. */
  url: string | null;
}

/** The names the API gives the options in its messages. */
const API = { maxLength: 'quotewire: options.maxLength', publishedAt: 'quotewire: options.publishedAt', url: 'quotewire: options.url' };

/** What a value is, for a message: "number", "null", "an array", "an object (Date)". */
function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return `an object (${(v as object).constructor?.name ?? 'Object'})`;
  return typeof v;
}

/** A value for a message, cut short. */
function shown(v: string): string {
  return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
}

/** YYYY-MM-DD, then optionally a time: HH:MM[:SS[.fraction]] and a zone (Z, ±HH, ±HHMM or ±HH:MM). */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?(?:Z|[+-](\d{2})(?::?(\d{2}))?)?)?$/;

/**
 * A publication date: an ISO 8601 calendar date (`2023-05-02`), optionally with a time and zone
 * (`2023-05-02T10:00:00Z`, `2023-05-02T10:00+02:00`), that exists on the calendar: month 01–12, a day the month
 * has (2024-02-29, not 2023-02-29 or 2023-04-31), hour 00–23 (24:00 only as 24:00:00), minute 00–59, second
 * 00–60. `Date.parse` is no check: it rolls 2023-02-30 over to March 2. `name` is the option as the caller names
 * it. Throws a TypeError for a value that is not a string, a RangeError for one that is no such date.
 */
export function parsePublishedAt(value: unknown, name: string): PublishedAt {
  if (typeof value !== 'string') throw new TypeError(`${name} must be an ISO date string, got ${kindOf(value)}`);
  const m = ISO_DATE.exec(value);
  if (!m) throw new RangeError(`${name} must be an ISO date like 2023-05-02 or a timestamp like 2023-05-02T10:00:00Z, got ${shown(value)}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12) throw new RangeError(`${name} is not a real date: there is no month ${m[2]} in ${shown(value)}`);
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) {
    throw new RangeError(`${name} is not a real date: ${m[1]}-${m[2]} has ${days} days, so there is no day ${m[3]} in ${shown(value)}`);
  }
  if (m[4] !== undefined) {
    const h = Number(m[4]);
    const min = Number(m[5]);
    const sec = m[6] === undefined ? 0 : Number(m[6]);
    const midnight = h === 24 && min === 0 && sec === 0 && !/[.,]\d*[1-9]/.test(value.slice(11));
    if ((h > 23 && !midnight) || min > 59 || sec > 60) throw new RangeError(`${name} is not a real time of day: ${shown(value)}`);
    if (m[7] !== undefined && (Number(m[7]) > 23 || Number(m[8] ?? 0) > 59)) {
      throw new RangeError(`${name} has an impossible time zone offset: ${shown(value)}`);
    }
  }
  return { text: value, year, month, day };
}

/** The story's URL: any string (a URL or a urn); an empty one is no URL (null). TypeError for anything else. */
export function parseUrl(value: unknown, name: string): string | null {
  if (typeof value !== 'string') throw new TypeError(`${name} must be a string, got ${kindOf(value)}`);
  return value === '' ? null : value;
}

/** The longest text accepted, in UTF-16 code units: a whole number, 0 or more. TypeError for something else, RangeError for a negative number. */
export function parseMaxLength(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || !Number.isInteger(value)) {
    throw new TypeError(`${name} must be a whole number, got ${typeof value === 'string' ? shown(value) : String(value)}`);
  }
  if (value < 0) throw new RangeError(`${name} must not be negative, got ${value}`);
  return value;
}

/**
 * `--max-length N`: the command line's text read as a number (a sign or a fraction too, so as to be refused in
 * the API's words), then {@link parseMaxLength}.
 */
export function parseMaxLengthText(text: string, name: string): number {
  return parseMaxLength(/^[+-]?\d+(?:\.\d+)?$/.test(text) ? Number(text) : text, name);
}

/** The options when none are given. */
export function defaultOptions(): CheckedOptions {
  return { maxLength: DEFAULT_MAX_LENGTH, publishedAt: null, url: null };
}

/**
 * The API's options (`extract`, `createExtractor`): undefined, null or a plain object of {@link ExtractOptions}.
 * With `base` (an extractor's options), the options `options` sets replace base's, as `{ ...base, ...options }`
 * would: an own property whose value is undefined restores the default.
 */
export function checkOptions(options: unknown, base?: CheckedOptions): CheckedOptions {
  if (options === undefined || options === null) return base ?? defaultOptions();
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`quotewire: options must be an object, got ${Array.isArray(options) ? 'an array' : typeof options}`);
  }
  const o = options as Record<keyof ExtractOptions, unknown>;
  const out = base ? { maxLength: base.maxLength, publishedAt: base.publishedAt, url: base.url } : defaultOptions();
  const sets = (key: keyof ExtractOptions): boolean => base === undefined || Object.prototype.propertyIsEnumerable.call(o, key);
  if (sets('maxLength')) out.maxLength = o.maxLength === undefined ? DEFAULT_MAX_LENGTH : parseMaxLength(o.maxLength, API.maxLength);
  if (sets('publishedAt')) out.publishedAt = o.publishedAt === undefined ? null : parsePublishedAt(o.publishedAt, API.publishedAt);
  if (sets('url')) out.url = o.url === undefined ? null : parseUrl(o.url, API.url);
  return out;
}

/**
 * A `--batch` record's own `publishedAt` and `url` over the command line's options (`defaults`); null or absent
 * in the record means "use the default". Throws as {@link checkOptions} does, naming the field (`"publishedAt"`).
 */
export function checkRecordOptions(record: Readonly<Record<string, unknown>>, defaults: CheckedOptions): CheckedOptions {
  return {
    maxLength: defaults.maxLength,
    publishedAt: record.publishedAt == null ? defaults.publishedAt : parsePublishedAt(record.publishedAt, '"publishedAt"'),
    url: record.url == null ? defaults.url : parseUrl(record.url, '"url"'),
  };
}

/** The text given to extract(): a string no longer than `maxLength`. */
export function checkText(text: unknown, maxLength: number): asserts text is string {
  if (typeof text !== 'string') throw new TypeError(`quotewire.extract: text must be a string, got ${kindOf(text)}`);
  if (text.length > maxLength)
    throw new RangeError(`quotewire.extract: text is ${text.length} characters long, over the maxLength of ${maxLength}`);
}
