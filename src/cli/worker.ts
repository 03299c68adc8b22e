/**
 * The batch worker (built to dist/worker.js and run by piscina in each worker thread): the extractor and its
 * models are loaded once per thread, at module load, then every task is one line of the batch file.
 */
import { createExtractor } from '../index';
import { processRecord, type RecordOutput, type RecordTask } from './record';

const extractor = createExtractor();

// Warm the models up while the main thread is still reading the first lines.
try {
  extractor.extract('“We are ready,” she said.');
} catch {
  // a failing warm-up is not fatal: each record reports its own errors
}

export default function run(task: RecordTask): RecordOutput {
  return processRecord(task, (text, options) => extractor.extract(text, options));
}
