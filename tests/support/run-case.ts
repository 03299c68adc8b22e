/**
 * Run one extract() call in this (child) process and print one line `RESULT {json}` on stdout.
 * tests/pathological.test.ts spawns it (through tests/support/child.ts) so that a hang can be killed: a
 * synchronous extract() that never returns cannot be interrupted from inside its own thread, and vitest's
 * per-test timeout cannot stop it either.
 *
 *   node --import tsx tests/support/run-case.ts '<spec json>'
 *
 * spec = {
 *   lib?: 'src' | 'dist',                   // src/index.ts or dist/index.js; default dist
 *   input:                                  // how to build the text (built here, so no MBs cross the pipe)
 *     | { family: string, size: number, seed?: number }      // families[family](size, seed) from inputs.ts
 *     | { fn: string, args: unknown[] }                      // a named generator exported by inputs.ts
 *     | { repeat: string, count: number, prefix?: string }   // prefix + repeat × count
 *     | { text: string },
 *   options?: object,                       // passed as extract's second argument
 *   validate?: boolean,                     // run checkExtraction on the result (default true)
 * }
 *
 * RESULT = { length, ms, threw: null | { name, message, stack }, problems: string[], counts }
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { extract as Extract } from '../../src/index';
import type { Extraction } from '../../src/types';
import { ROOT } from './child';
import * as inputs from './inputs';
import { checkExtraction } from './validate';

type InputSpec =
  | { text: string }
  | { family: string; size: number; seed?: number }
  | { fn: string; args?: unknown[] }
  | { repeat: string; count: number; prefix?: string };

interface Spec {
  lib?: 'src' | 'dist';
  input?: InputSpec;
  options?: object;
  validate?: boolean;
}

const spec = JSON.parse(process.argv[2] ?? '{}') as Spec;
const lib = spec.lib === 'src' ? join(ROOT, 'src', 'index.ts') : join(ROOT, 'dist', 'index.js');
const { extract } = (await import(pathToFileURL(lib).href)) as { extract: typeof Extract };

function build(input: InputSpec): string {
  if ('text' in input && typeof input.text === 'string') return input.text;
  if ('family' in input && input.family) {
    const make = (inputs.families as Record<string, inputs.Family | undefined>)[input.family];
    if (!make) throw new Error(`no such family: ${input.family}`);
    return make(input.size, input.seed);
  }
  if ('fn' in input && input.fn) {
    // the spec names the generator to run
    const f = (inputs as Record<string, unknown>)[input.fn];
    if (typeof f !== 'function') throw new Error(`no such generator: ${input.fn}`);
    return f(...(input.args ?? []));
  }
  if ('repeat' in input && typeof input.repeat === 'string') return (input.prefix ?? '') + input.repeat.repeat(input.count);
  throw new Error(`bad input spec ${JSON.stringify(input)}`);
}

const text = build(spec.input ?? ({} as InputSpec));
const out: {
  length: number;
  ms: number;
  threw: null | { name: string; message: string; stack: string };
  problems: string[];
  counts: null | Record<string, number | undefined>;
} = { length: text.length, ms: 0, threw: null, problems: [], counts: null };
const t0 = performance.now();
let result: Extraction | undefined;
try {
  result = spec.options === undefined ? extract(text) : extract(text, spec.options);
} catch (e) {
  const err = e as { name?: string; message?: string; stack?: string } | null | undefined;
  out.threw = {
    name: err?.name ?? typeof e,
    message: String(err?.message ?? e),
    stack: String(err?.stack ?? '')
      .split('\n')
      .slice(0, 8)
      .join('\n'),
  };
}
out.ms = performance.now() - t0;
if (!out.threw) {
  if (spec.validate !== false) out.problems = checkExtraction(text, result);
  const d: Partial<Extraction['document']> = result?.document ?? {};
  out.counts = {
    paragraphs: d.paragraphs?.length,
    sentences: d.sentences?.length,
    quotes: result?.quotes?.length,
    speakers: result?.speakers?.length,
    claims: result?.claims?.length,
  };
}
process.stdout.write(`RESULT ${JSON.stringify(out)}\n`);
