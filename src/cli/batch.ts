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
import { DEFAULT_RECORD_TIMEOUT, type CliOptions } from './args';
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

/** Run the batch; resolves to the exit code (0 all records OK, 1 some failed, 2 the input cannot be read). */
export async function runBatch(opts: CliOptions, io: BatchIO): Promise<number> {
  const threads = opts.threads ?? Math.max(1, availableParallelism());
  const window = threads * 4;
  const budget = opts.recordTimeout ?? DEFAULT_RECORD_TIMEOUT;
  const stop = io.stop;
  const maxBytes = opts.extract.maxLength * 6 + (1 << 20); // a JSON-escaped text is at most 6 bytes a code unit

  const filename = workerPath();
  if (!existsSync(filename)) {
    io.stderr.write(`quotewire: the batch worker is missing (${filename}); build the package first (npm run build)\n`);
    return 2;
  }

  let input: AsyncIterable<Buffer>;
  let totalBytes: number | undefined;
  let close = async (): Promise<void> => {};
  if (opts.batch === '-') {
    input = io.stdin;
    try {
      const st = fstatSync(0);
      if (st.isFile()) totalBytes = st.size;
    } catch {
      // no size: no percentage
    }
  } else {
    try {
      const fh = await open(opts.batch!, 'r');
      const st = await fh.stat();
      if (st.isDirectory()) {
        await fh.close();
        throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      }
      if (st.isFile()) totalBytes = st.size;
      input = fh.createReadStream({ highWaterMark: 1 << 20 });
      close = async () => {
        await fh.close().catch(() => {});
      };
    } catch (err) {
      io.stderr.write(`quotewire: cannot read ${opts.batch}: ${(err as Error).message}\n`);
      return 2;
    }
  }

  const { Piscina } = await import('piscina');
  const pool = new Piscina<RecordTask, RecordOutput>({
    filename,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 30_000,
  });

  // Each worker says when it starts a record (see worker.ts): that starts the record's clock. Time spent queued,
  // or waiting for a replacement worker to load its models, does not count.
  const running = new Map<number, Running>();
  pool.on('message', (msg: unknown) => {
    if (budget <= 0 || msg === null || typeof msg !== 'object') return;
    const lineNo = (msg as Record<string, unknown>)[STARTED];
    const r = typeof lineNo === 'number' ? running.get(lineNo) : undefined;
    if (!r || r.timer) return; // already answered (the result can overtake this message), or already timed
    r.timer = setTimeout(() => {
      r.timedOut = true;
      r.abort.abort(); // piscina rejects the task and terminates its worker; a new one takes its place
    }, budget);
  });

  const recordOptions: RecordOptions = { format: opts.format, defaults: opts.extract };

  // Completed records wait here until every earlier one is written: at most `window` of them.
  const completed = new Map<number, RecordOutput & { bytes: number }>();
  let nextToWrite = 1;
  let submitted = 0;
  let written = 0;
  let failed = 0;
  let bytesDone = 0;
  let blocked = false;
  let wake: (() => void) | null = null;
  const poke = (): void => {
    const w = wake;
    wake = null;
    w?.();
  };
  const sleep = (): Promise<void> => new Promise<void>((resolve) => (wake = resolve));

  const flush = (): void => {
    if (stop?.aborted) return;
    let rec = completed.get(nextToWrite);
    while (rec) {
      completed.delete(nextToWrite);
      if (!rec.ok) failed++;
      written++;
      bytesDone += rec.bytes;
      if (!io.stdout.write(rec.out + '\n') && !blocked) {
        blocked = true;
        io.stdout.once('drain', () => {
          blocked = false;
          poke();
        });
      }
      nextToWrite++;
      rec = completed.get(nextToWrite);
    }
  };
  const complete = (lineNo: number, bytes: number, out: RecordOutput): void => {
    completed.set(lineNo, { ...out, bytes });
    flush();
    poke();
  };

  const showProgress = opts.progress ?? Boolean(io.stderr.isTTY);
  const bar = showProgress ? new ProgressBar(io.stderr, () => ({ records: written, failed, bytes: bytesDone, totalBytes })) : null;

  const onStop = (): void => {
    bar?.finish();
    poke();
  };
  stop?.addEventListener('abort', onStop, { once: true });

  let readError: unknown = null;
  try {
    for await (const line of readLines(input, maxBytes)) {
      while ((submitted - written >= window || blocked) && !stop?.aborted) await sleep();
      if (stop?.aborted) break;
      submitted++;
      const { lineNo, bytes, text } = line;
      if (text === null) {
        complete(
          lineNo,
          bytes,
          errorRecord(
            null,
            lineNo,
            `RangeError: the record is ${bytes} bytes long, too long for a story of at most ${opts.extract.maxLength} characters`,
          ),
        );
        continue;
      }
      const r: Running = { line: text, abort: new AbortController(), timer: null, timedOut: false };
      running.set(lineNo, r);
      const answered = (): void => {
        running.delete(lineNo);
        if (r.timer) clearTimeout(r.timer);
      };
      pool.run({ line: text, lineNo, options: recordOptions }, { signal: r.abort.signal }).then(
        (out) => {
          answered();
          complete(lineNo, bytes, out);
        },
        (err: unknown) => {
          answered();
          // the worker is gone (stopped over budget, or died): the record's id comes from the line itself
          const error = r.timedOut
            ? `TimeoutError: the record took longer than its time budget of ${budget} ms (--record-timeout), so it was stopped and its worker replaced`
            : `worker failed: the worker thread running this record died (${err instanceof Error ? err.message : String(err)}) and was replaced`;
          complete(lineNo, bytes, errorRecord(recordId(r.line), lineNo, error));
        },
      );
    }
  } catch (err) {
    readError = err;
  }
  while (written < submitted && !stop?.aborted) await sleep();
  while (blocked && !stop?.aborted) await sleep();
  stop?.removeEventListener('abort', onStop);
  if (!stop?.aborted) bar?.finish();
  for (const r of running.values()) if (r.timer) clearTimeout(r.timer);
  await close();
  await pool.destroy();

  if (readError) {
    io.stderr.write(
      `quotewire: reading ${opts.batch === '-' ? 'stdin' : opts.batch} failed after ${written} records: ${(readError as Error).message}\n`,
    );
    return 2;
  }
  return failed > 0 ? 1 : 0;
}
