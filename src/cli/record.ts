/**
 * One line of a `--batch` file in, one line of output out. Runs in the worker threads; kept apart from the
 * worker's entry so it can be tested without a pool. Never throws: every failure becomes an error record.
 */
import { checkRecordOptions, defaultOptions, type CheckedOptions } from '../options';
import type { Extraction } from '../types';
import type { Format } from './args';
import { exportResult } from './exports';
import { notText, TEXT_EXPECTED } from './input';

export interface RecordOptions {
  format: Format;
  /** The command line's options (--published-at, --url, --max-length): defaults for records without their own. */
  defaults?: CheckedOptions;
}

export interface RecordTask {
  line: string;
  lineNo: number;
  options: RecordOptions;
}

export interface RecordOutput {
  ok: boolean;
  /** The output line, JSON, without the newline. */
  out: string;
}

export type ExtractFn = (text: string, options: CheckedOptions) => Extraction;

/** The key of the message a worker posts when it starts a record: `{ [STARTED]: lineNo }`. */
export const STARTED = 'quotewire:started';

/**
 * The id of the record on a line, for the main thread's own error records (a record over its time budget, a
 * worker that died): the line's `id` when it is a JSON object, else null, as processRecord would say.
 */
export function recordId(line: string): unknown {
  try {
    const rec: unknown = JSON.parse(line);
    return rec !== null && typeof rec === 'object' && !Array.isArray(rec) ? (rec as Record<string, unknown>).id : null;
  } catch {
    return null;
  }
}

/** The error record for a line: `{"id", "error", "line"}`. */
export function errorRecord(id: unknown, lineNo: number, error: string): RecordOutput {
  return { ok: false, out: JSON.stringify({ id: jsonSafeId(id), error, line: lineNo }) };
}

/** Ids are echoed as given when they are JSON values; anything else (absent) is null. */
function jsonSafeId(id: unknown): unknown {
  if (id === undefined) return null;
  if (typeof id === 'number' && !Number.isFinite(id)) return null;
  return id;
}

function describe(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message}`;
  return `Error: ${String(err)}`;
}

function typeName(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}

export function processRecord(task: RecordTask, extract: ExtractFn): RecordOutput {
  const { line, lineNo, options } = task;
  let rec: unknown;
  try {
    if (line.trim() === '') return errorRecord(null, lineNo, 'empty line: expected a JSON record {"id", "text"}');
    try {
      rec = JSON.parse(line);
    } catch (err) {
      return errorRecord(null, lineNo, `not JSON: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (rec === null || typeof rec !== 'object' || Array.isArray(rec)) {
      return errorRecord(null, lineNo, `not a record: expected a JSON object {"id", "text"}, got ${typeName(rec)}`);
    }
    const r = rec as Record<string, unknown>;
    const id = r.id;
    if (!('text' in r) || r.text === undefined) return errorRecord(id, lineNo, 'no "text" in the record');
    if (typeof r.text !== 'string') return errorRecord(id, lineNo, `"text" must be a string, got ${typeName(r.text)}`);
    // the record's own publishedAt and url, by the library's parser: a bad one is the API's TypeError or RangeError
    const extractOptions = checkRecordOptions(r, options.defaults ?? defaultOptions());
    let text = r.text;
    const binary = notText(text);
    if (binary !== null) return errorRecord(id, lineNo, `"text" is not text: ${binary} (${TEXT_EXPECTED})`);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    // The library enforces this too; checking here words it as the command line does for a story file.
    if (text.length > extractOptions.maxLength) {
      return errorRecord(
        id,
        lineNo,
        `RangeError: text is ${text.length} UTF-16 code units long, over the maximum of ${extractOptions.maxLength}`,
      );
    }
    const result = extract(text, extractOptions);
    const payload = exportResult(options.format, result, {
      text,
      id,
      ...(extractOptions.url !== null ? { url: extractOptions.url } : {}),
      ...(extractOptions.publishedAt !== null ? { publishedAt: extractOptions.publishedAt.text } : {}),
    });
    return { ok: true, out: JSON.stringify({ id: jsonSafeId(id), result: payload }) };
  } catch (err) {
    const id = rec && typeof rec === 'object' ? (rec as Record<string, unknown>).id : null;
    try {
      return errorRecord(id, lineNo, describe(err));
    } catch {
      return errorRecord(null, lineNo, 'Error: unprintable error');
    }
  }
}
