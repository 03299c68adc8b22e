#!/usr/bin/env node
/**
 * The `quotewire` command: stories from files or stdin to a text table, JSON, JSON lines, an HTML page or
 * the JSON-LD exports; or a batch of JSON records spread over worker threads (see batch.ts).
 */
import { readFile } from 'node:fs/promises';
import { constants } from 'node:os';
import { version } from '../../package.json';
import type { extractChecked } from '../pipeline';
import type { Extraction } from '../types';
import { parseArgs, USAGE, UsageError, type CliOptions } from './args';
import { exportResult } from './exports';
import { renderHtmlPage, type HtmlStory } from './html';
import { notText, readFailure, TEXT_EXPECTED } from './input';
import { formatText } from './text';

const io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };

// ---- SIGINT / SIGTERM ----------------------------------------------------------------------------------------
// Output goes out a line (a story, a record) at a time, and to a pipe a write can be half done: killed then, the
// reader gets a cut line. So while output is in flight the signals are caught: no new line is started or written,
// the lines already handed to stdout are let drain (whole, as they were written whole), then the process exits
// 128 + the signal's number (130, 143). A second signal exits at once. In batch mode the signals are caught for the
// whole run (the main thread only reads and writes, so it answers at once); for story files only while a write is
// in flight, so that Ctrl-C still stops a long story that is being read on this thread.

/** Fires on the first SIGINT / SIGTERM: start and write nothing more. */
const interrupt = new AbortController();
/** The exit code for the signal received (128 + its number), or null. */
let interruptCode: number | null = null;
let catching = false;
/** Batch mode: catch the signals for the whole run, not only while a write is in flight. */
let catchAlways = false;

function catchSignals(on: boolean): void {
  if (on === catching) return;
  catching = on;
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    if (on) process.on(sig, onSignal);
    else process.off(sig, onSignal);
  }
}

/** Resolves once everything handed to stdout so far has been written out. */
function flushed(): Promise<void> {
  return new Promise((resolve) => {
    if (io.stdout.writableLength === 0) resolve();
    else io.stdout.write('', () => resolve()); // write callbacks run in order: this one after every earlier write
  });
}

function onSignal(signal: NodeJS.Signals): void {
  const code = 128 + (constants.signals[signal as keyof typeof constants.signals] ?? 0);
  if (interruptCode !== null) process.exit(code); // a second signal: now, whatever is half-written
  interruptCode = code;
  process.exitCode = code;
  interrupt.abort();
  void flushed().then(() => process.exit(code));
}

function fail(message: string): void {
  io.stderr.write(`quotewire: ${message}\n`);
}

async function readStdin(): Promise<string> {
  if (io.stdin.isTTY) io.stderr.write('quotewire: reading a story from the terminal (end it with Ctrl-D)\n');
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

interface Story {
  name: string;
  /** The file argument, "-" for stdin. */
  file: string;
  text: string;
  result: Extraction;
}

/** Write to stdout, waiting when the pipe is full; nothing once interrupted. Signals are caught while it is in flight. */
function out(s: string): Promise<void> {
  if (interrupt.signal.aborted) return Promise.resolve();
  catchSignals(true);
  const written = (): void => {
    if (!catchAlways && interruptCode === null && io.stdout.writableLength === 0) catchSignals(false);
  };
  return new Promise((resolve) => {
    if (io.stdout.write(s, written)) resolve();
    else io.stdout.once('drain', () => resolve());
  });
}

/** A run over story files: its options, the exit code so far, and what it has read and written. */
interface FilesRun {
  opts: CliOptions;
  extractChecked: typeof extractChecked;
  code: number;
  /** The stories kept for the formats that need every story first (json, annotations, jsonld, html). */
  stories: Story[];
  stdinUsed: boolean;
  /** Text tables written so far (a blank line goes between two). */
  printed: number;
}

/** Read, extract and write each story file (stdin for none or "-"); resolves to the exit code. */
async function runFiles(opts: CliOptions): Promise<number> {
  const pipeline = await import('../pipeline');
  const files = opts.files.length > 0 ? opts.files : ['-'];
  const run: FilesRun = { opts, extractChecked: pipeline.extractChecked, code: 0, stories: [], stdinUsed: false, printed: 0 };

  for (const file of files) {
    if (interrupt.signal.aborted) break;
    const name = file === '-' ? '(stdin)' : file;
    const text = await readStory(run, file, name);
    if (text === null) continue;
    const result = extractStory(run, name, text);
    if (result === null) continue;
    await writeStory(run, { name, file, text, result });
  }

  if (interrupt.signal.aborted) return run.code;
  await writeStories(run, files.length > 1);
  return run.code;
}

/** A file's text (stdin for "-", once), without its BOM; null, with exit code 2, when it cannot be read or is not text. */
async function readStory(run: FilesRun, file: string, name: string): Promise<string | null> {
  let text: string;
  try {
    if (file === '-') {
      if (run.stdinUsed) throw new Error('standard input was already read');
      run.stdinUsed = true;
      text = await readStdin();
    } else {
      text = await readFile(file, 'utf8');
    }
  } catch (err) {
    fail(`cannot read ${name}: ${readFailure(err)}`);
    run.code = 2;
    return null;
  }
  const binary = notText(text);
  if (binary !== null) {
    fail(`${name} is not text: ${binary} (${TEXT_EXPECTED})`);
    run.code = 2;
    return null;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text;
}

/** The story's extraction; null, with exit code at least 1, when it is too long or the extraction fails. */
function extractStory(run: FilesRun, name: string, text: string): Extraction | null {
  const options = run.opts.extract;
  try {
    if (text.length > options.maxLength) {
      throw new RangeError(`text is ${text.length} UTF-16 code units long, over the maximum of ${options.maxLength}`);
    }
    return run.extractChecked(text, options);
  } catch (err) {
    fail(`${name}: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`);
    run.code = Math.max(run.code, 1);
    return null;
  }
}

/** Write one story in the line formats (text, jsonl), or keep it for writeStories. */
async function writeStory(run: FilesRun, story: Story): Promise<void> {
  const { name, result } = story;
  // Stream the line formats story by story; the others need every story first.
  try {
    if (run.opts.format === 'text') {
      const columns = io.stdout.isTTY ? io.stdout.columns : undefined;
      await out((run.printed > 0 ? '\n' : '') + formatText(result, { name, columns }));
      run.printed++;
    } else if (run.opts.format === 'jsonl') {
      await out(JSON.stringify(result) + '\n');
    } else {
      run.stories.push(story);
    }
  } catch (err) {
    fail(`${name}: ${(err as Error).message}`);
    run.code = Math.max(run.code, 1);
  }
}

/** Write the kept stories as one document (json, annotations, jsonld: an array of them when `multi`; html: one page). */
async function writeStories(run: FilesRun, multi: boolean): Promise<void> {
  const { opts, stories } = run;
  try {
    switch (opts.format) {
      case 'json':
        if (stories.length > 0) {
          await out(JSON.stringify(multi ? stories.map((s) => s.result) : stories[0].result, null, 2) + '\n');
        }
        break;
      case 'annotations':
      case 'jsonld': {
        const payloads = stories.map((s) => exportStory(opts, s));
        if (payloads.length > 0) await out(JSON.stringify(multi ? payloads : payloads[0], null, 2) + '\n');
        break;
      }
      case 'html':
        if (stories.length > 0) {
          const pages: HtmlStory[] = stories.map((s) => ({ text: s.text, result: s.result, name: s.name }));
          await out(renderHtmlPage(pages));
        }
        break;
      default:
        break;
    }
  } catch (err) {
    fail(`${opts.format}: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`);
    run.code = Math.max(run.code, 1);
  }
}

/** One story in the JSON-LD export --format names. */
function exportStory(opts: CliOptions, s: Story): unknown {
  const options = opts.extract;
  return exportResult(opts.format, s.result, {
    text: s.text,
    url: options.url ?? undefined,
    publishedAt: options.publishedAt?.text,
    file: s.file === '-' ? undefined : s.file,
  });
}

async function main(argv: string[]): Promise<number> {
  let opts: CliOptions;
  try {
    opts = parseArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      fail(`${err.message}\nTry 'quotewire --help' for more information.`);
      return 2;
    }
    throw err;
  }
  if (opts.help) {
    await out(USAGE);
    return 0;
  }
  if (opts.version) {
    await out(`quotewire ${version}\n`);
    return 0;
  }
  if (opts.batch !== undefined) {
    catchAlways = true;
    catchSignals(true);
    const { runBatch } = await import('./batch');
    return runBatch(opts, { ...io, stop: interrupt.signal });
  }
  return runFiles(opts);
}

// A reader that goes away (`quotewire … | head`) is not an error.
io.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  fail(`writing the output failed: ${err.message}`);
  process.exit(2);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = interruptCode ?? code;
  },
  (err: unknown) => {
    fail(`internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exitCode = 70;
  },
);
