/**
 * Run one extract() call in this (child) process and print one line `RESULT {json}` on stdout.
 * The parent (a test, or the bench) spawns it so that a hang can be killed: a synchronous extract() that never
 * returns cannot be interrupted from inside its own thread, and vitest's per-test timeout cannot stop it either.
 *
 *   node [--import tsx] bench/run-case.mjs '<spec json>'
 *
 * spec = {
 *   lib?: 'src' | 'dist',                   // src/index.ts (needs --import tsx) or dist/index.js; default dist
 *   input:                                  // how to build the text (built here, so no MBs cross the pipe)
 *     | { family: string, size: number, seed?: number }      // families[family](size, seed) from inputs.mjs
 *     | { fn: string, args: unknown[] }                      // a named generator exported by inputs.mjs
 *     | { repeat: string, count: number, prefix?: string }   // prefix + repeat × count
 *     | { text: string },
 *   options?: object,                       // passed as extract's second argument
 *   validate?: boolean,                     // run checkExtraction on the result (default true)
 * }
 *
 * RESULT = { length, ms, threw: null | { name, message, stack }, problems: string[], counts }
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as inputs from './inputs.mjs';
import { checkExtraction } from './validate.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const spec = JSON.parse(process.argv[2] ?? '{}');
const lib = spec.lib === 'src' ? join(ROOT, 'src', 'index.ts') : join(ROOT, 'dist', 'index.js');
const { extract } = await import(pathToFileURL(lib).href);

function build(input) {
  if (typeof input.text === 'string') return input.text;
  if (input.family) {
    const make = inputs.families[input.family];
    if (!make) throw new Error(`no such family: ${input.family}`);
    return make(input.size, input.seed);
  }
  if (input.fn) {
    // biome-ignore lint/performance/noDynamicNamespaceImportAccess: the spec names the generator to run
    const f = inputs[input.fn];
    if (typeof f !== 'function') throw new Error(`no such generator: ${input.fn}`);
    return f(...(input.args ?? []));
  }
  if (typeof input.repeat === 'string') return (input.prefix ?? '') + input.repeat.repeat(input.count);
  throw new Error(`bad input spec ${JSON.stringify(input)}`);
}

const text = build(spec.input ?? {});
const out = { length: text.length, ms: 0, threw: null, problems: [], counts: null };
const t0 = performance.now();
let result;
try {
  result = spec.options === undefined ? extract(text) : extract(text, spec.options);
} catch (e) {
  out.threw = {
    name: e?.name ?? typeof e,
    message: String(e?.message ?? e),
    stack: String(e?.stack ?? '')
      .split('\n')
      .slice(0, 8)
      .join('\n'),
  };
}
out.ms = performance.now() - t0;
if (!out.threw) {
  if (spec.validate !== false) out.problems = checkExtraction(text, result);
  const d = result?.document ?? {};
  out.counts = {
    paragraphs: d.paragraphs?.length,
    sentences: d.sentences?.length,
    quotes: result?.quotes?.length,
    speakers: result?.speakers?.length,
    claims: result?.claims?.length,
  };
}
process.stdout.write(`RESULT ${JSON.stringify(out)}\n`);
