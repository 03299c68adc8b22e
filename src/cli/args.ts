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
                            text         per story a table (speaker, kind,
                                         cue, content), a legend and the
                                         most check-worthy claims
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
2 for usage errors and input files that cannot be read or are not text
(binary: NUL bytes, or mostly invalid UTF-8), 130 / 143 after SIGINT /
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

/** One option being parsed: its name, and its value when it takes one. */
interface OptionArg {
  name: string;
  /** The value: the inline one (`--opt=value`, `-fvalue`), else the next argument, which this consumes. */
  value(): string;
  /** Check that the option, a flag, was given no inline value. */
  flag(): void;
}

/** Where the parser is: argv and the index of the argument being read. */
interface Cursor {
  argv: readonly string[];
  i: number;
}

/** Parse argv (without the node executable and script). Throws UsageError. */
export function parseArgs(argv: readonly string[]): CliOptions {
  const opts: CliOptions = { files: [], format: 'text', formatGiven: false, extract: defaultOptions(), help: false, version: false };
  let onlyFiles = false;

  for (const cur: Cursor = { argv, i: 0 }; cur.i < argv.length; cur.i++) {
    const arg = argv[cur.i];
    if (onlyFiles || arg === '-' || !arg.startsWith('-')) {
      opts.files.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyFiles = true;
      continue;
    }
    const opt = readOption(cur);
    const apply = OPTIONS.get(opt.name);
    if (!apply) throw new UsageError(`unknown option ${opt.name}`);
    apply(opts, opt);
  }
  checkBatchOptions(opts);
  return opts;
}

/** The option at the cursor: its name split from an inline value (`--opt=value`, `-fvalue`). */
function readOption(cur: Cursor): OptionArg {
  const arg = cur.argv[cur.i];
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
  return {
    name,
    value: () => {
      if (inline !== undefined) return inline;
      const next = cur.argv[cur.i + 1];
      if (next === undefined) throw new UsageError(`${name} needs a value`);
      cur.i++;
      return next;
    },
    flag: () => {
      if (inline !== undefined) throw new UsageError(`${name} takes no value`);
    },
  };
}

type ApplyOption = (opts: CliOptions, opt: OptionArg) => void;

/** What each option does, under each of its names. */
const OPTION_TABLE: [names: string[], apply: ApplyOption][] = [
  [
    ['-h', '--help'],
    (opts, opt) => {
      opt.flag();
      opts.help = true;
    },
  ],
  [
    ['-V', '--version'],
    (opts, opt) => {
      opt.flag();
      opts.version = true;
    },
  ],
  [
    ['-f', '--format'],
    (opts, opt) => {
      opts.format = parseFormat(opt.value());
      opts.formatGiven = true;
    },
  ],
  [
    ['--published-at'],
    (opts, opt) => {
      const v = opt.value();
      opts.extract.publishedAt = libraryOption(() => parsePublishedAt(v, '--published-at'));
    },
  ],
  [
    ['--url'],
    (opts, opt) => {
      const v = opt.value();
      opts.extract.url = libraryOption(() => parseUrl(v, '--url'));
    },
  ],
  [
    ['-b', '--batch'],
    (opts, opt) => {
      opts.batch = opt.value();
    },
  ],
  [
    ['-j', '--threads'],
    (opts, opt) => {
      opts.threads = positiveInt('--threads', opt.value(), 1024);
    },
  ],
  [
    ['--record-timeout'],
    (opts, opt) => {
      opts.recordTimeout = parseRecordTimeout(opt.value());
    },
  ],
  [
    ['--max-length'],
    (opts, opt) => {
      const v = opt.value();
      opts.extract.maxLength = libraryOption(() => parseMaxLengthText(v, '--max-length'));
    },
  ],
  [
    ['--progress'],
    (opts, opt) => {
      opt.flag();
      opts.progress = true;
    },
  ],
  [
    ['--no-progress'],
    (opts, opt) => {
      opt.flag();
      opts.progress = false;
    },
  ],
];

/** The option table by name. A Map, so that only these names are options (no "toString", "__proto__"). */
const OPTIONS = new Map<string, ApplyOption>(OPTION_TABLE.flatMap(([names, apply]) => names.map((name) => [name, apply] as const)));

/** --format's value, checked against FORMATS. */
function parseFormat(v: string): Format {
  if (!(FORMATS as readonly string[]).includes(v)) {
    throw new UsageError(`unknown format "${v}" (expected one of: ${FORMATS.join(', ')})`);
  }
  return v as Format;
}

/** --record-timeout's value: whole milliseconds, at most setTimeout's limit. */
function parseRecordTimeout(v: string): number {
  if (!/^\d{1,12}$/.test(v)) throw new UsageError(`--record-timeout must be a whole number of milliseconds (0: no limit), got "${v}"`);
  const ms = Number(v);
  if (ms > MAX_RECORD_TIMEOUT) throw new UsageError(`--record-timeout must be at most ${MAX_RECORD_TIMEOUT} ms, got ${v}`);
  return ms;
}

/** Check the options that depend on batch mode, and default batch's format to jsonl. */
function checkBatchOptions(opts: CliOptions): void {
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
}
