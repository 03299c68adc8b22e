/**
 * One run of bench section 8 (peak memory on one ~8 MB story) in a fresh process, so that the process's peak RSS
 * is this one job's and nothing else's:
 *
 *   node bench/peak-memory.mjs <mode> <story file>     → prints one line `RESULT {json}`
 *
 *   baseline    node reads the story and does nothing else (what every mode pays before it starts)
 *   wink        wink-nlp with only ['sbd', 'pos'] (what quotewire runs) reads the story, and the tokens are read out
 *               as src/language/tokens.ts reads them: value, precedingSpaces, pos and type of every token, and each
 *               sentence's span
 *   winkDoc     the same readDoc with nothing read out of the document (for reference: wink's own peak)
 *   quotewire   extract() of the built dist/ on the story
 *
 * RESULT = { mode, chars, ms, maxRSS (bytes, process.resourceUsage), vmHWM (bytes, /proc/self/status; null off
 * Linux), rssEnd, heapUsedEnd, tokens | quotes }. The result of the job is kept referenced until the figures are
 * read, as a caller would keep it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const [mode, file] = process.argv.slice(2);
if (!['baseline', 'wink', 'winkDoc', 'quotewire'].includes(mode) || !file) {
  console.error('usage: node bench/peak-memory.mjs <baseline|wink|winkDoc|quotewire> <story file>');
  process.exit(2);
}

/** Peak resident set size as the kernel counts it (VmHWM), in bytes; null where /proc is not there. */
function vmHWM() {
  try {
    const m = readFileSync('/proc/self/status', 'utf8').match(/^VmHWM:\s+(\d+) kB/m);
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

const text = readFileSync(file, 'utf8');
const out = { mode, chars: text.length, ms: 0 };
let kept = null;
if (mode === 'wink' || mode === 'winkDoc') {
  const winkNLP = (await import(pathToFileURL(require.resolve('wink-nlp')).href)).default;
  const model = (await import(pathToFileURL(require.resolve('wink-eng-lite-web-model')).href)).default;
  const nlp = winkNLP(model, ['sbd', 'pos']);
  const its = nlp.its;
  const t0 = performance.now();
  const doc = nlp.readDoc(text);
  if (mode === 'winkDoc') {
    out.ms = performance.now() - t0;
    out.tokens = doc.tokens().length();
    kept = { doc };
  } else {
    const all = doc.tokens();
    const value = all.out(its.value);
    const spaces = all.out(its.precedingSpaces);
    const pos = all.out(its.pos);
    const type = all.out(its.type);
    const sentences = [];
    doc.sentences().each((s) => {
      sentences.push(s.out(its.span)[0]);
    });
    out.ms = performance.now() - t0;
    out.tokens = value.length;
    kept = { doc, value, spaces, pos, type, sentences };
  }
} else if (mode === 'quotewire') {
  const { extract } = await import(pathToFileURL(join(ROOT, 'dist', 'index.js')).href);
  const t0 = performance.now();
  kept = extract(text);
  out.ms = performance.now() - t0;
  out.quotes = kept.quotes.length;
}
const mem = process.memoryUsage();
Object.assign(out, {
  maxRSS: process.resourceUsage().maxRSS * 1024,
  vmHWM: vmHWM(),
  rssEnd: mem.rss,
  heapUsedEnd: mem.heapUsed,
  kept: kept === null ? null : typeof kept,
});
process.stdout.write(`RESULT ${JSON.stringify(out)}\n`);
