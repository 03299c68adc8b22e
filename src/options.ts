/** Input and option checks: clear TypeErrors and RangeErrors at the door, never a crash deep inside. */
import type { ExtractOptions } from './types';

export const DEFAULT_MAX_LENGTH = 8_000_000;

export interface CheckedOptions extends ExtractOptions {
  maxLength: number;
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
    if (!/^\d{4}-\d{2}-\d{2}(?:[T ][0-9:.+\-Z]*)?$/.test(o.publishedAt) || Number.isNaN(Date.parse(o.publishedAt.slice(0, 10)))) {
      throw new RangeError(`quotewire: options.publishedAt must be an ISO date like 2023-05-02, got "${o.publishedAt.slice(0, 40)}"`);
    }
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
