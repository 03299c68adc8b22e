/**
 * `quotewire --batch FILE`: one JSON record per line in, one JSON line per input line out, in input order.
 *
 * The input is streamed: a window of at most `4 × threads` records is in flight at a time (read, queued in
 * the pool, or done but waiting for an earlier record), so memory stays flat however big the file is; a line
 * longer than any story the library accepts is skipped over without being held in memory. The records run on
 * a piscina pool of worker threads, each with its own extractor loaded once.
 *
 * No record can stall the stream: each has a time budget (--record-timeout), counted from when a worker starts
 * it. A record over budget is aborted, which terminates the worker running it; piscina starts a new one, and the
 * record becomes an error record in its place. A worker that dies (out of memory, say) likewise costs only the
 * record it was running. Either way the main thread writes the error record with the line's id and number.
 *
 * When the caller's `stop` signal fires (SIGINT / SIGTERM, see main.ts), no record is started or written any
 * more: the lines already handed to stdout are whole, and main.ts lets them drain before it exits.
 */
import { existsSync, fstatSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Piscina } from 'piscina';
import { DEFAULT_RECORD_TIMEOUT, type CliOptions } from './args';
import { readFailure } from './input';
import { ProgressBar } from './progress';
import { errorRecord, recordId, STARTED, type RecordOptions, type RecordOutput, type RecordTask } from './record';

export interface Line {
  lineNo: number;
  /** The decoded line, without its line end; null when it was too long to hold. */
  text: string | null;
  /** Bytes of input the line took, line end included. */
  bytes: number;
}

/**
 * Split a byte stream into lines (LF or CRLF; a UTF-8 BOM at the start is dropped). A line longer than
 * `maxBytes` is not kept: it comes out with `text: null`, having held no more than one chunk at a time.
 */
export async function* readLines(stream: AsyncIterable<Buffer | string>, maxBytes: number): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let size = 0;
  let over = false;
  let lineNo = 0;
  const finish = (bytes: number): Line => {
    lineNo++;
    let text: string | null = null;
    if (!over) {
      text = (parts.length === 1 ? parts[0] : Buffer.concat(parts)).toString('utf8');
      if (text.endsWith('\r')) text = text.slice(0, -1);
      if (lineNo === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    parts = [];
    size = 0;
    over = false;
    return { lineNo, text, bytes };
  };
  for await (const data of stream) {
    const chunk = typeof data === 'string' ? Buffer.from(data) : data;
    let from = 0;
    while (from < chunk.length) {
      const nl = chunk.indexOf(10, from);
      const end = nl === -1 ? chunk.length : nl;
      if (end > from) {
        if (!over && size + (end - from) > maxBytes) {
          over = true;
          parts = [];
        }
        // copy: a subarray would keep the whole chunk alive as long as the line is pending
        if (!over) parts.push(Buffer.from(chunk.subarray(from, end)));
        size += end - from;
      }
      if (nl === -1) break;
      yield finish(size + 1);
      from = nl + 1;
    }
  }
  if (size > 0 || parts.length > 0 || over) yield finish(size);
}

/** Where the worker is: next to the running bundle (dist/worker.js beside dist/cli.js). */
function workerPath(): string {
  const here = import.meta.url; // empty in the CommonJS build
  const url = here ? new URL('./worker.js', here) : pathToFileURL(join(__dirname, 'worker.js'));
  return fileURLToPath(url);
}

export interface BatchIO {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  /** Stop: start and write no more records (the process is being interrupted). */
  stop?: AbortSignal;
}

/** A record handed to the pool and not yet answered. */
interface Running {
  /**
   * The line, kept to name the record (its id) when the main thread has to answer for it. This holds at most
   * `threads` more lines than the window's queue holds anyway (piscina drops its copy once a worker has it).
   */
  line: string;
  abort: AbortController;
  /** The time-budget timer, set when the worker reports that it started the record. */
  timer: NodeJS.Timeout | null;
  timedOut: boolean;
}

/** The batch's input: its byte stream, its size when known (for the percentage), and how to close it. */
interface BatchInput {
  stream: AsyncIterable<Buffer>;
  totalBytes: number | undefined;
  close: () => Promise<void>;
}

/** One batch run: its settings, its pool, and how far it has got through the input and the output. */
interface Batch {
  opts: CliOptions;
  io: BatchIO;
  /** At most this many records in flight: read, queued in the pool, or done but waiting for an earlier record. */
  window: number;
  /** The time budget of one record in ms (0: no limit). */
  budget: number;
  pool: Piscina<RecordTask, RecordOutput>;
  recordOptions: RecordOptions;
  /** The records handed to the pool and not yet answered, by line number. */
  running: Map<number, Running>;
  /** Completed records wait here until every earlier one is written: at most `window` of them. */
  completed: Map<number, RecordOutput & { bytes: number }>;
  nextToWrite: number;
  submitted: number;
  written: number;
  failed: number;
  bytesDone: number;
  /** stdout's buffer is full: wait for its 'drain'. */
  blocked: boolean;
  /** Resolves the reading loop's sleep (see poke). */
  wake: (() => void) | null;
}

/** Run the batch; resolves to the exit code (0 all records OK, 1 some failed, 2 the input cannot be read). */
export async function runBatch(opts: CliOptions, io: BatchIO): Promise<number> {
  const stop = io.stop;
  const maxBytes = opts.extract.maxLength * 6 + (1 << 20); // a JSON-escaped text is at most 6 bytes a code unit

  const filename = workerPath();
  if (!existsSync(filename)) {
    io.stderr.write(`quotewire: the batch worker is missing (${filename}); build the package first (npm run build)\n`);
    return 2;
  }
  const input = await openInput(opts, io);
  if (!input) return 2;
  const b = await startBatch(opts, io, filename);

  const showProgress = opts.progress ?? Boolean(io.stderr.isTTY);
  const bar = showProgress
    ? new ProgressBar(io.stderr, () => ({ records: b.written, failed: b.failed, bytes: b.bytesDone, totalBytes: input.totalBytes }))
    : null;
  const onStop = (): void => {
    bar?.finish();
    poke(b);
  };
  stop?.addEventListener('abort', onStop, { once: true });

  const readError = await feed(b, input.stream, maxBytes);
  await drain(b);
  stop?.removeEventListener('abort', onStop);
  if (!stop?.aborted) bar?.finish();
  for (const r of b.running.values()) if (r.timer) clearTimeout(r.timer);
  await input.close();
  await b.pool.destroy();

  if (readError) {
    io.stderr.write(
      `quotewire: reading ${opts.batch === '-' ? 'stdin' : opts.batch} failed after ${b.written} records: ${readFailure(readError)}\n`,
    );
    return 2;
  }
  return b.failed > 0 ? 1 : 0;
}

/** Open --batch's input (stdin for "-"); when it cannot be read, say so on stderr and resolve to null. */
async function openInput(opts: CliOptions, io: BatchIO): Promise<BatchInput | null> {
  if (opts.batch === '-') return { stream: io.stdin, totalBytes: stdinSize(), close: async () => {} };
  try {
    const fh = await open(opts.batch!, 'r');
    const st = await fh.stat();
    if (st.isDirectory()) {
      await fh.close();
      throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    }
    return {
      stream: fh.createReadStream({ highWaterMark: 1 << 20 }),
      totalBytes: st.isFile() ? st.size : undefined,
      close: async () => {
        await fh.close().catch(() => {});
      },
    };
  } catch (err) {
    io.stderr.write(`quotewire: cannot read ${opts.batch}: ${readFailure(err)}\n`);
    return null;
  }
}

/** The size of stdin when it is a file, else undefined. */
function stdinSize(): number | undefined {
  try {
    const st = fstatSync(0);
    if (st.isFile()) return st.size;
  } catch {
    // no size: no percentage
  }
  return undefined;
}

/** Start the worker pool and the run's bookkeeping. */
async function startBatch(opts: CliOptions, io: BatchIO, filename: string): Promise<Batch> {
  const threads = opts.threads ?? Math.max(1, availableParallelism());
  const { Piscina: Pool } = await import('piscina');
  const pool = new Pool<RecordTask, RecordOutput>({
    filename,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 30_000,
  });
  const b: Batch = {
    opts,
    io,
    window: threads * 4,
    budget: opts.recordTimeout ?? DEFAULT_RECORD_TIMEOUT,
    pool,
    recordOptions: { format: opts.format, defaults: opts.extract },
    running: new Map(),
    completed: new Map(),
    nextToWrite: 1,
    submitted: 0,
    written: 0,
    failed: 0,
    bytesDone: 0,
    blocked: false,
    wake: null,
  };
  startClocks(b);
  return b;
}

/** Start a record's time budget when its worker starts it. */
function startClocks(b: Batch): void {
  // Each worker says when it starts a record (see worker.ts): that starts the record's clock. Time spent queued,
  // or waiting for a replacement worker to load its models, does not count.
  b.pool.on('message', (msg: unknown) => {
    if (b.budget <= 0 || msg === null || typeof msg !== 'object') return;
    const lineNo = (msg as Record<string, unknown>)[STARTED];
    const r = typeof lineNo === 'number' ? b.running.get(lineNo) : undefined;
    if (!r || r.timer) return; // already answered (the result can overtake this message), or already timed
    r.timer = setTimeout(() => {
      r.timedOut = true;
      r.abort.abort(); // piscina rejects the task and terminates its worker; a new one takes its place
    }, b.budget);
  });
}

/** Wake the reading loop if it sleeps. */
function poke(b: Batch): void {
  const w = b.wake;
  b.wake = null;
  w?.();
}

/** Sleep until the next poke: a record completes, stdout drains, or the run is stopped. */
function sleep(b: Batch): Promise<void> {
  return new Promise<void>((resolve) => (b.wake = resolve));
}

/** Write the completed records that are next in input order; note when stdout asks us to wait for 'drain'. */
function flush(b: Batch): void {
  if (b.io.stop?.aborted) return;
  let rec = b.completed.get(b.nextToWrite);
  while (rec) {
    b.completed.delete(b.nextToWrite);
    if (!rec.ok) b.failed++;
    b.written++;
    b.bytesDone += rec.bytes;
    if (!b.io.stdout.write(rec.out + '\n') && !b.blocked) {
      b.blocked = true;
      b.io.stdout.once('drain', () => {
        b.blocked = false;
        poke(b);
      });
    }
    b.nextToWrite++;
    rec = b.completed.get(b.nextToWrite);
  }
}

/** Take a record's output, write what can be written, and wake the reading loop. */
function complete(b: Batch, lineNo: number, bytes: number, out: RecordOutput): void {
  b.completed.set(lineNo, { ...out, bytes });
  flush(b);
  poke(b);
}

/**
 * Read the input and submit its lines, sleeping while the window is full or stdout is blocked, until the input
 * ends or the run is stopped; resolves to the error that ended the reading early, or null.
 */
async function feed(b: Batch, stream: AsyncIterable<Buffer>, maxBytes: number): Promise<unknown> {
  const stop = b.io.stop;
  try {
    for await (const line of readLines(stream, maxBytes)) {
      while ((b.submitted - b.written >= b.window || b.blocked) && !stop?.aborted) await sleep(b);
      if (stop?.aborted) break;
      b.submitted++;
      submit(b, line);
    }
  } catch (err) {
    return err;
  }
  return null;
}

/** Run one line on the pool (or answer it at once when it was too long to hold); its output goes to complete. */
function submit(b: Batch, { lineNo, bytes, text }: Line): void {
  if (text === null) {
    complete(
      b,
      lineNo,
      bytes,
      errorRecord(
        null,
        lineNo,
        `RangeError: the record is ${bytes} bytes long, too long for a story of at most ${b.opts.extract.maxLength} characters`,
      ),
    );
    return;
  }
  const r: Running = { line: text, abort: new AbortController(), timer: null, timedOut: false };
  b.running.set(lineNo, r);
  const answered = (): void => {
    b.running.delete(lineNo);
    if (r.timer) clearTimeout(r.timer);
  };
  b.pool.run({ line: text, lineNo, options: b.recordOptions }, { signal: r.abort.signal }).then(
    (out) => {
      answered();
      complete(b, lineNo, bytes, out);
    },
    (err: unknown) => {
      answered();
      // the worker is gone (stopped over budget, or died): the record's id comes from the line itself
      complete(b, lineNo, bytes, errorRecord(recordId(r.line), lineNo, failure(b, r, err)));
    },
  );
}

/** Why a record's worker failed it: over its time budget, or the worker died. */
function failure(b: Batch, r: Running, err: unknown): string {
  return r.timedOut
    ? `TimeoutError: the record took longer than its time budget of ${b.budget} ms (--record-timeout), so it was stopped and its worker replaced`
    : `worker failed: the worker thread running this record died (${err instanceof Error ? err.message : String(err)}) and was replaced`;
}

/** Unless the run is stopped, wait until every submitted record is written and stdout has drained. */
async function drain(b: Batch): Promise<void> {
  const stop = b.io.stop;
  while (b.written < b.submitted && !stop?.aborted) await sleep(b);
  while (b.blocked && !stop?.aborted) await sleep(b);
}
