/**
 * The batch worker (built to dist/worker.js and run by piscina in each worker thread): the models are loaded
 * once per thread, at module load, then every task is one line of the batch file, its options already parsed.
 */
import { parentPort } from 'node:worker_threads';
import type { Extraction } from '../types';
import { defaultOptions, type CheckedOptions } from '../options';
import { extractChecked } from '../pipeline';
import { processRecord, STARTED, type RecordOutput, type RecordTask } from './record';

// Warm the models up while the main thread is still reading the first lines.
try {
  extractChecked('“We are ready,” she said.', defaultOptions());
} catch {
  // a failing warm-up is not fatal: each record reports its own errors
}

/**
 * TEST-ONLY hooks, for tests/cli.test.ts, which needs a record that is slow or kills its worker and no ordinary
 * input is (or should be) either. They are read once, here, from the environment, and do nothing unless set:
 *  - QW_TEST_SLOW_MARKER: a record whose text contains this string busy-waits for 30 s before it is read, as a
 *    pathological story would (to test --record-timeout);
 *  - QW_TEST_CRASH_MARKER: a record whose text contains this string ends its worker thread (process.exit(1)),
 *    as running out of memory would (to test that the error record keeps the record's id).
 * Not options: nothing but the test suite should set them.
 */
const SLOW_MARKER = process.env.QW_TEST_SLOW_MARKER || null;
const CRASH_MARKER = process.env.QW_TEST_CRASH_MARKER || null;
const SLOW_MS = 30_000;

function testHooks(text: string): void {
  if (SLOW_MARKER !== null && text.includes(SLOW_MARKER)) {
    const until = Date.now() + SLOW_MS;
    while (Date.now() < until) {
      // spin: the thread is busy, as it is inside a runaway regular expression
    }
  }
  if (CRASH_MARKER !== null && text.includes(CRASH_MARKER)) process.exit(1);
}

const extract =
  SLOW_MARKER === null && CRASH_MARKER === null
    ? extractChecked
    : (text: string, options: CheckedOptions): Extraction => {
        testHooks(text);
        return extractChecked(text, options);
      };

export default function run(task: RecordTask): RecordOutput {
  // Tell the main thread the record has started: its time budget counts from here, not from when it was queued.
  parentPort?.postMessage({ [STARTED]: task.lineNo });
  return processRecord(task, extract);
}
