/**
 * Command-line arguments of `quotewire`: a small hand-written parser, so that every mistake gets a clear
 * message and exit code 2 (usage error), and `--opt value` / `--opt=value` / `-f value` all work.
 */
import { defaultOptions, parseMaxLengthText, parsePublishedAt, parseUrl, type CheckedOptions } from '../options';

export const FORMATS = ['text', 'json', 'jsonl', 'html', 'annotations', 'jsonld'] as const;
export type Format = (typeof FORMATS)[number];

/** Formats that make sense for `--batch` (one JSON line per record). */
export const BATCH_FORMATS: readonly Format[] = ['jsonl', 'json', 'annotations', 'jsonld'];

export interface CliOptions {
  files: string[];
  format: Format;
  /** Whether --format was given explicitly (batch mode defaults to jsonl). */
  formatGiven: boolean;
  /** --published-at, --url and --max-length, parsed by src/options.ts as the API's options are (defaults filled in). */
  extract: CheckedOptions;
  batch?: string;
  threads?: number;
  /** Batch: the most milliseconds one record may run in its worker; 0: no limit. Default DEFAULT_RECORD_TIMEOUT. */
  recordTimeout?: number;
  /** undefined: automatic (stderr is a TTY); false: --no-progress; true: --progress. */
  progress?: boolean;
  help: boolean;
  version: boolean;
}

/** The default --record-timeout, in milliseconds: far above any story the library accepts, on a slow core. */
export const DEFAULT_RECORD_TIMEOUT = 60_000;

/** The longest --record-timeout (setTimeout's limit, about 24.8 days). */
const MAX_RECORD_TIMEOUT = 2_147_483_647;

export class UsageError extends Error {
  override name = 'UsageError';
}

export const USAGE = `Usage: quotewire [options] [file ...]
       quotewire --batch FILE.jsonl [options] > out.jsonl

Find quotations and reported speech in English news stories, resolve who said
each one, and emit claims. Reads each file, or standard input when no file is
given or the file is "-".

Options:
  -f, --format FORMAT       output format (default: text):
                            text         a table per story: speaker, kind,
                                         cue, content
                            json         the Extraction, pretty-printed (an
                                         array of them for several files)
                            jsonl        one Extraction per line and story
                            html         a self-contained page, quotes coloured
                            annotations  W3C Web Annotations (JSON-LD)
                            jsonld       schema.org Claims (JSON-LD)
      --published-at DATE   publication date (YYYY-MM-DD or an ISO timestamp);
                            anchors relative dates in claims
      --url URL             canonical URL of the story, carried into the result
                            ("url") and its exports
      --max-length N        refuse stories longer than N UTF-16 code units
  -b, --batch FILE          batch mode: FILE ("-" for stdin) holds one JSON
                            record per line: {"id", "text", "publishedAt"?,
                            "url"?}; writes one JSON line per input line, in
                            input order: {"id", "result"} or {"id", "error",
                            "line"}. --format: jsonl (default), annotations or
                            jsonld. --published-at and --url are the defaults
                            for records without them
  -j, --threads N           batch worker threads (default: one per core)
      --record-timeout MS   batch: the time budget of one record, in
                            milliseconds from when a worker starts it
                            (default: 60000; 0: no limit). A record over it
                            becomes an error record, its worker is stopped
                            and replaced, and the batch goes on
      --progress            always draw the batch progress bar on stderr
      --no-progress         never draw it (default: when stderr is a terminal)
  -h, --help                show this help
  -V, --version             show the version

Exit status: 0 when every story or record was processed, 1 when any failed,
2 for usage errors and unreadable input files, 130 / 143 after SIGINT /
SIGTERM (the line being written is finished first; no new one is started).
`;

function positiveInt(name: string, value: string, max: number): number {
  if (!/^\d{1,12}$/.test(value)) throw new UsageError(`${name} must be a positive whole number, got "${value}"`);
  const n = Number(value);
  if (n < 1 || n > max) throw new UsageError(`${name} must be between 1 and ${max}, got ${value}`);
  return n;
}

/** An option of extract(), by the library's own parser: its TypeError or RangeError becomes a UsageError in the same words. */
function libraryOption<T>(parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    if (err instanceof TypeError || err instanceof RangeError) throw new UsageError(err.message, { cause: err });
    throw err;
  }
}

/** Parse argv (without the node executable and script). Throws UsageError. */
export function parseArgs(argv: readonly string[]): CliOptions {
  const opts: CliOptions = { files: [], format: 'text', formatGiven: false, extract: defaultOptions(), help: false, version: false };
  let onlyFiles = false;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyFiles || arg === '-' || !arg.startsWith('-')) {
      opts.files.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyFiles = true;
      continue;
    }

    let name = arg;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      if (eq > 0) {
        name = arg.slice(0, eq);
        inline = arg.slice(eq + 1);
      }
    } else if (arg.length > 2) {
      // -fjson, -j4
      name = arg.slice(0, 2);
      inline = arg.slice(2);
    }

    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined) throw new UsageError(`${name} needs a value`);
      i++;
      return next;
    };
    const flag = (): void => {
      if (inline !== undefined) throw new UsageError(`${name} takes no value`);
    };

    switch (name) {
      case '-h':
      case '--help':
        flag();
        opts.help = true;
        break;
      case '-V':
      case '--version':
        flag();
        opts.version = true;
        break;
      case '-f':
      case '--format': {
        const v = value();
        if (!(FORMATS as readonly string[]).includes(v)) {
          throw new UsageError(`unknown format "${v}" (expected one of: ${FORMATS.join(', ')})`);
        }
        opts.format = v as Format;
        opts.formatGiven = true;
        break;
      }
      case '--published-at': {
        const v = value();
        opts.extract.publishedAt = libraryOption(() => parsePublishedAt(v, '--published-at'));
        break;
      }
      case '--url': {
        const v = value();
        opts.extract.url = libraryOption(() => parseUrl(v, '--url'));
        break;
      }
      case '-b':
      case '--batch':
        opts.batch = value();
        break;
      case '-j':
      case '--threads':
        opts.threads = positiveInt('--threads', value(), 1024);
        break;
      case '--record-timeout': {
        const v = value();
        if (!/^\d{1,12}$/.test(v))
          throw new UsageError(`--record-timeout must be a whole number of milliseconds (0: no limit), got "${v}"`);
        const ms = Number(v);
        if (ms > MAX_RECORD_TIMEOUT) throw new UsageError(`--record-timeout must be at most ${MAX_RECORD_TIMEOUT} ms, got ${v}`);
        opts.recordTimeout = ms;
        break;
      }
      case '--max-length': {
        const v = value();
        opts.extract.maxLength = libraryOption(() => parseMaxLengthText(v, '--max-length'));
        break;
      }
      case '--progress':
        flag();
        opts.progress = true;
        break;
      case '--no-progress':
        flag();
        opts.progress = false;
        break;
      default:
        throw new UsageError(`unknown option ${name}`);
    }
  }

  if (opts.batch !== undefined) {
    if (opts.files.length > 0) throw new UsageError('--batch reads its records from one file; do not also name story files');
    if (!opts.formatGiven) opts.format = 'jsonl';
    else if (!BATCH_FORMATS.includes(opts.format)) {
      throw new UsageError(`--format ${opts.format} does not work with --batch (use ${BATCH_FORMATS.join(', ')})`);
    }
  } else if (opts.threads !== undefined) {
    throw new UsageError('--threads only applies to --batch');
  } else if (opts.recordTimeout !== undefined) {
    throw new UsageError('--record-timeout only applies to --batch');
  }
  return opts;
}
