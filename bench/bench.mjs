#!/usr/bin/env node
/**
 * quotewire benchmark (issue 4 §1). Run with `npm run bench` (builds first) or `npm run bench -- --quick`.
 *
 *   1. throughput   words/s of extract() vs wink-nlp readDoc() with the same model (full pipeline, and sbd+pos as
 *                   quotewire runs it), same process, story by story with the runners' order rotating
 *   2. cold start   fresh `node` → first extract() result, vs fresh `node` → wink loaded + one readDoc()
 *   3. scaling      per-word cost of extract() on ~10 KB stories vs one ~1 MB story made of the same paragraphs
 *   4. memory       peak RSS / heap of one extract() on the 1 MB story, in a child process with --expose-gc
 *   5. linearity    each pathological input family at S and 4S: per-char cost ratio (flag > 2 as SUPERLINEAR)
 *   6. crafted      each crafted-token input (URL / e-mail / number shapes) vs an ordinary story of its length (≤ 3)
 *   7. batch        `quotewire --batch` with 1 and 2 worker threads vs a single-thread loop over the same stories
 *   8. peak memory  peak RSS of one extract() on an ~8 MB story vs wink readDoc (sbd+pos) on it, a fresh process each
 *
 * It reports, it does not gate: exit code 0 unless the library cannot be loaded at all.
 * Writes bench/results/latest.json (date, node version, CPU model, core count and every number printed).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { tsImport } from 'tsx/esm/api';
import { MIN_MS as LIN_MIN_MS, S as LIN_S, stopMs } from './linearity.mjs';

// the input generators and the output checker are TypeScript shared with the tests (tests/support/): only they go
// through tsx's scoped loader; dist/ and wink are imported by plain node, as a user's program would
const { families } = await tsImport('../tests/support/inputs.ts', import.meta.url);
const { checkExtraction } = await tsImport('../tests/support/validate.ts', import.meta.url);

const QUICK = process.argv.includes('--quick');
const argOf = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
/** --only=1,5 runs just those sections (1 throughput, 2 cold start, 3 scaling, 4 memory, 5 linearity, 6 crafted, 7 batch,
 *  8 peak memory on 8 MB). */
const RUN = new Set((argOf('only') ?? '1,2,3,4,5,6,7,8').split(',').map(Number));
const PARTIAL = RUN.size < 8;
/** --families=cueFlood,manySpeakers limits section 5 to those input families. */
const FAMILIES = argOf('families')?.split(',');
const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
const DIST = join(ROOT, 'dist', 'index.js');
const CORPUS = resolve(ROOT, '..', 'shared', 'corpora', 'polnear-dev.jsonl');
const FIXTURE = join(ROOT, 'fixtures', 'article.txt');
const RESULTS = join(HERE, 'results', 'latest.json');

const TARGET = {
  throughputRatio: 0.35,
  throughputRatioSbdPos: 0.5,
  coldStartRatio: 1.5,
  scalingRatio: 1.3,
  linearWarn: 1.5,
  linearFail: 2,
  craftedRatio: 3,
  batchSpeedup: 1.6,
  peakRss8MBRatio: 1.5,
};
const CFG = QUICK
  ? { warmup: 1, rounds: 5, spawns: 3, smallRounds: 3, bigRounds: 2, bigWarmup: 0, memSpawns: 1 }
  : { warmup: 2, rounds: 9, spawns: 5, smallRounds: 5, bigRounds: 3, bigWarmup: 1, memSpawns: 3 };
const LIN_STOP_MS = stopMs(QUICK); // a size that takes longer than this is the last one tried
const LIN_KILL_MS = QUICK ? 150_000 : 300_000; // a family still running after this is a HANG
const ONE_MB = 1 << 20;
const TEN_KB = 10 * 1024;
/** Section 8's story: as long as extract() takes by default (options.maxLength, 8,000,000 UTF-16 code units). */
const EIGHT_MB_CHARS = 8_000_000;

// a gc() we can call between rounds without requiring --expose-gc on the command line
v8.setFlagsFromString('--expose_gc');
const gc = runInNewContext('gc');

const require = createRequire(import.meta.url);
const WINK_PATH = require.resolve('wink-nlp');
const MODEL_PATH = require.resolve('wink-eng-lite-web-model');

// ------------------------------------------------------------------------------------------------ helpers
const now = () => performance.now();
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const countWords = (t) => {
  let n = 0;
  const re = /\S+/g;
  while (re.exec(t)) n++;
  return n;
};
const fmt = (x, d = 0) =>
  x === null || x === undefined || Number.isNaN(x)
    ? 'n/a'
    : x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
const verdict = (ok) => (ok === null ? 'n/a ' : ok ? 'PASS' : 'MISS');
function line(label, value, target, ok) {
  console.log(`  ${pad(label, 44)} ${lpad(value, 14)}   ${pad(target, 16)} ${verdict(ok)}`);
}
function section(title) {
  console.log(`\n== ${title} ${'='.repeat(Math.max(0, 100 - title.length))}`);
}

/** Run `node args…`; resolve with wall time to the first stdout line starting with "RESULT ", and its JSON. */
function spawnNode(args, { input, killAfterMs } = {}) {
  return new Promise((resolvePromise, reject) => {
    const t0 = now();
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['pipe', 'pipe', process.env.BENCH_DEBUG ? 'inherit' : 'pipe'] });
    let killed = false;
    const timer = killAfterMs
      ? setTimeout(() => {
          killed = true;
          child.kill('SIGKILL');
        }, killAfterMs)
      : null;
    let out = '';
    let err = '';
    let tFirst = null;
    child.stdout.on('data', (d) => {
      out += d;
      if (tFirst === null && out.includes('RESULT ')) tFirst = now() - t0;
    });
    child.stderr?.on('data', (d) => {
      err += d;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      if (killed) return reject(Object.assign(new Error(`killed after ${killAfterMs} ms`), { killed: true }));
      const tExit = now() - t0;
      const m = out.match(/RESULT (.*)/);
      if (code !== 0 || !m) return reject(new Error(`child exited ${code}: ${err.trim().split('\n').slice(-5).join(' | ')}`));
      resolvePromise({ wallToResultMs: tFirst ?? tExit, wallToExitMs: tExit, data: JSON.parse(m[1]) });
    });
    if (input !== undefined) child.stdin.end(input);
    else child.stdin.end();
  });
}

// ------------------------------------------------------------------------------------------------ load
let extract;
try {
  ({ extract } = await import(pathToFileURL(DIST).href));
  if (typeof extract !== 'function') throw new Error('dist/index.js exports no extract()');
} catch (e) {
  console.error(`bench: cannot load ${DIST} (${e.message}). Run \`npm run build\` first (npm run bench does).`);
  process.exit(1);
}
const winkNLP = (await import(pathToFileURL(WINK_PATH).href)).default;
const model = (await import(pathToFileURL(MODEL_PATH).href)).default;
const nlp = winkNLP(model);
const readDoc = (t) => nlp.readDoc(t);
// the wink quotewire runs: sentence breaks and POS tags only (the ceiling for extract's throughput)
const nlpSbdPos = winkNLP(model, ['sbd', 'pos']);
const readDocSbdPos = (t) => nlpSbdPos.readDoc(t);

let corpusSource;
let texts;
if (existsSync(CORPUS)) {
  corpusSource = 'polnear-dev.jsonl';
  texts = readFileSync(CORPUS, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l).text)
    .filter((t) => typeof t === 'string');
} else {
  corpusSource = 'fixtures/article.txt ×40';
  texts = Array.from({ length: 40 }, () => readFileSync(FIXTURE, 'utf8'));
}
const corpusWords = texts.reduce((a, t) => a + countWords(t), 0);
const corpusChars = texts.reduce((a, t) => a + t.length, 0);
const cpu = os.cpus()[0]?.model?.trim() ?? 'unknown';
const cores = os.availableParallelism?.() ?? os.cpus().length;

const results = {
  date: new Date().toISOString(),
  node: process.version,
  platform: `${os.platform()} ${os.release()} ${os.arch()}`,
  cpu,
  cores,
  totalMemoryGB: +(os.totalmem() / 2 ** 30).toFixed(1),
  quick: QUICK,
  targets: TARGET,
  corpus: { source: corpusSource, texts: texts.length, words: corpusWords, chars: corpusChars },
};

console.log(`quotewire bench${QUICK ? ' (--quick)' : ''} — ${results.date}`);
console.log(`node ${process.version} · ${cpu} · ${cores} cores · ${results.platform}`);
console.log(`corpus: ${corpusSource}: ${texts.length} texts, ${fmt(corpusWords)} words, ${fmt(corpusChars)} chars`);

// ------------------------------------------------------------------------------------------------ 0. corpus sanity
{
  let throws = 0;
  let invalid = 0;
  let quotes = 0;
  let speakers = 0;
  let claims = 0;
  const firstProblems = [];
  for (const t of texts) {
    let r;
    try {
      r = extract(t);
    } catch (e) {
      throws++;
      if (firstProblems.length < 3) firstProblems.push(`throw: ${e?.message}`);
      continue;
    }
    const p = checkExtraction(t, r, { max: 3 });
    if (p.length) {
      invalid++;
      if (firstProblems.length < 3) firstProblems.push(p[0]);
    }
    quotes += r.quotes?.length ?? 0;
    speakers += r.speakers?.length ?? 0;
    claims += r.claims?.length ?? 0;
  }
  results.corpusCheck = { throws, invalid, quotes, speakers, claims, firstProblems };
  console.log(
    `output on the corpus: ${fmt(quotes)} quotes, ${fmt(speakers)} speakers, ${fmt(claims)} claims; ${throws} throws, ${invalid} invalid results`,
  );
  for (const p of firstProblems) console.log(`  ! ${p}`);
}

// ------------------------------------------------------------------------------------------------ 1. throughput
if (RUN.has(1)) section('1. throughput: extract vs wink readDoc (same process, story by story, runners interleaved)');
if (RUN.has(1)) {
  // Each story is read by every runner back to back, in an order that rotates from story to story and round to
  // round, and each runner's time is summed over the corpus: drift on a shared machine (another process, thermal,
  // GC debt) falls on all runners alike, where whole-corpus rounds swing by ±40%.
  const runners = { extract: (t) => extract(t), readDoc, readDocSbdPos };
  const names = Object.keys(runners);
  const round = (r) => {
    gc();
    const sum = Object.fromEntries(names.map((k) => [k, 0]));
    texts.forEach((t, i) => {
      for (let j = 0; j < names.length; j++) {
        const k = names[(i + r + j) % names.length];
        const t0 = now();
        runners[k](t);
        sum[k] += now() - t0;
      }
    });
    return sum;
  };
  for (let i = 0; i < CFG.warmup; i++) round(i);
  const ms = Object.fromEntries(names.map((k) => [k, []]));
  for (let r = 0; r < CFG.rounds; r++) {
    const sum = round(r);
    for (const k of names) ms[k].push(sum[k]);
  }
  const med = Object.fromEntries(names.map((k) => [k, median(ms[k])]));
  const wps = Object.fromEntries(names.map((k) => [k, (corpusWords / med[k]) * 1000]));
  const ratio = wps.extract / wps.readDoc;
  const ratioSbdPos = wps.extract / wps.readDocSbdPos;
  results.throughput = {
    rounds: CFG.rounds,
    words: corpusWords,
    loadAverage: os.loadavg().map((x) => +x.toFixed(2)),
    extractMs: ms.extract.map((x) => +x.toFixed(1)),
    readDocMs: ms.readDoc.map((x) => +x.toFixed(1)),
    readDocSbdPosMs: ms.readDocSbdPos.map((x) => +x.toFixed(1)),
    extractMedianMs: +med.extract.toFixed(1),
    readDocMedianMs: +med.readDoc.toFixed(1),
    readDocSbdPosMedianMs: +med.readDocSbdPos.toFixed(1),
    extractWordsPerSec: Math.round(wps.extract),
    readDocWordsPerSec: Math.round(wps.readDoc),
    readDocSbdPosWordsPerSec: Math.round(wps.readDocSbdPos),
    ratio: +ratio.toFixed(3),
    pass: ratio >= TARGET.throughputRatio,
    ratioSbdPos: +ratioSbdPos.toFixed(3),
    passSbdPos: ratioSbdPos >= TARGET.throughputRatioSbdPos,
  };
  console.log(
    `  load average ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')} on ${cores} cores`,
  );
  for (const k of names) console.log(`  ${pad(k, 14)} rounds (ms): ${ms[k].map((x) => fmt(x)).join(' ')}`);
  line('extract words/s (median)', fmt(wps.extract), '', null);
  line('wink readDoc words/s, full pipeline', fmt(wps.readDoc), '', null);
  line('wink readDoc words/s, sbd+pos (ours)', fmt(wps.readDocSbdPos), '', null);
  line('ratio extract / readDoc full', fmt(ratio, 3), `≥ ${TARGET.throughputRatio}`, results.throughput.pass);
  line('ratio extract / readDoc sbd+pos', fmt(ratioSbdPos, 3), `≥ ${TARGET.throughputRatioSbdPos}`, results.throughput.passSbdPos);
}

// ------------------------------------------------------------------------------------------------ 2. cold start
if (RUN.has(2)) section('2. cold start: fresh process to first result');
if (RUN.has(2)) {
  const story = readFileSync(FIXTURE, 'utf8')
    .split(/\n\s*\n/)
    .slice(0, 4)
    .join('\n\n');
  const distUrl = pathToFileURL(DIST).href;
  const winkUrl = pathToFileURL(WINK_PATH).href;
  const modelUrl = pathToFileURL(MODEL_PATH).href;
  const readStdin = `let text = ''; for await (const c of process.stdin) text += c;`;
  const scripts = {
    quotewire: `${readStdin} const { extract } = await import(${JSON.stringify(distUrl)}); const r = extract(text);
      console.log('RESULT ' + JSON.stringify({ inProcessMs: performance.now(), quotes: r.quotes.length }));`,
    wink: `${readStdin} const winkNLP = (await import(${JSON.stringify(winkUrl)})).default; const model = (await import(${JSON.stringify(modelUrl)})).default;
      const doc = winkNLP(model).readDoc(text);
      console.log('RESULT ' + JSON.stringify({ inProcessMs: performance.now(), tokens: doc.tokens().length() }));`,
    node: `${readStdin} console.log('RESULT ' + JSON.stringify({ inProcessMs: performance.now() }));`,
  };
  const wall = { quotewire: [], wink: [], node: [] };
  const inproc = { quotewire: [], wink: [], node: [] };
  try {
    // one throw-away spawn of each warms the OS file cache
    for (const k of Object.keys(scripts)) await spawnNode(['--input-type=module', '-e', scripts[k]], { input: story });
    for (let i = 0; i < CFG.spawns; i++) {
      const order = i % 2 ? ['wink', 'quotewire', 'node'] : ['quotewire', 'wink', 'node'];
      for (const k of order) {
        const r = await spawnNode(['--input-type=module', '-e', scripts[k]], { input: story });
        wall[k].push(r.wallToResultMs);
        inproc[k].push(r.data.inProcessMs);
      }
    }
    const med = Object.fromEntries(Object.keys(wall).map((k) => [k, median(wall[k])]));
    const medIn = Object.fromEntries(Object.keys(inproc).map((k) => [k, median(inproc[k])]));
    const ratio = med.quotewire / med.wink;
    const netRatio = (med.quotewire - med.node) / (med.wink - med.node);
    results.coldStart = {
      spawns: CFG.spawns,
      storyChars: story.length,
      quotewireMs: +med.quotewire.toFixed(1),
      winkMs: +med.wink.toFixed(1),
      bareNodeMs: +med.node.toFixed(1),
      quotewireInProcessMs: +medIn.quotewire.toFixed(1),
      winkInProcessMs: +medIn.wink.toFixed(1),
      ratio: +ratio.toFixed(3),
      ratioNetOfNodeStartup: +netRatio.toFixed(3),
      pass: ratio < TARGET.coldStartRatio,
      samples: {
        quotewire: wall.quotewire.map((x) => +x.toFixed(1)),
        wink: wall.wink.map((x) => +x.toFixed(1)),
        node: wall.node.map((x) => +x.toFixed(1)),
      },
    };
    line('quotewire: spawn → first extract() result', `${fmt(med.quotewire)} ms`, '', null);
    line('wink: spawn → model loaded + readDoc()', `${fmt(med.wink)} ms`, '', null);
    line('bare node (reference)', `${fmt(med.node)} ms`, '', null);
    line('ratio quotewire / wink', fmt(ratio, 2), `< ${TARGET.coldStartRatio}`, results.coldStart.pass);
    line('  (net of bare node start-up)', fmt(netRatio, 2), '', null);
  } catch (e) {
    results.coldStart = { error: String(e.message) };
    console.log(`  ERROR: ${e.message}`);
  }
}

// ------------------------------------------------------------------------------------------------ 3. scaling
// ~100 stories of ~10 KB, and one ~1 MB story made of exactly those stories joined by blank lines.
const paragraphs = texts
  .flatMap((t) => t.split(/\n[ \t]*\n/))
  .map((p) => p.trim())
  .filter(Boolean);
const smallStories = [];
{
  let cur = [];
  let len = 0;
  let total = 0;
  for (let i = 0; total < ONE_MB; i = (i + 1) % paragraphs.length) {
    cur.push(paragraphs[i]);
    len += paragraphs[i].length + 2;
    if (len >= TEN_KB) {
      const s = cur.join('\n\n');
      smallStories.push(s);
      total += s.length + 2;
      cur = [];
      len = 0;
    }
  }
}
const bigStory = smallStories.join('\n\n');

if (RUN.has(3))
  section(
    `3. scaling: per-word cost at ~10 KB vs ~1 MB (${smallStories.length} stories of ~${fmt(TEN_KB / 1024)} KB, joined into ${fmt(bigStory.length / ONE_MB, 2)} MB)`,
  );
if (RUN.has(3)) {
  const words = smallStories.reduce((a, s) => a + countWords(s), 0);
  // small and big rounds interleaved (alternating which goes first), so that the machine's drift falls on both
  const measure = (fn) => {
    const small = [];
    const big = [];
    const smallRound = () => {
      gc();
      const t0 = now();
      for (const s of smallStories) fn(s);
      small.push(now() - t0);
    };
    const bigRound = () => {
      gc();
      const t0 = now();
      fn(bigStory);
      big.push(now() - t0);
    };
    for (let r = 0; r < CFG.bigWarmup; r++) fn(bigStory);
    for (let r = 0; r < Math.max(CFG.smallRounds, CFG.bigRounds); r++) {
      const order = r % 2 ? [bigRound, smallRound] : [smallRound, bigRound];
      for (const round of order) round();
    }
    const usSmall = (median(small) * 1000) / words;
    const usBig = (median(big) * 1000) / words;
    return {
      smallMs: small.map((x) => +x.toFixed(1)),
      bigMs: big.map((x) => +x.toFixed(1)),
      usPerWordSmall: +usSmall.toFixed(3),
      usPerWordBig: +usBig.toFixed(3),
      ratio: +(usBig / usSmall).toFixed(3),
    };
  };
  try {
    const q = measure((t) => extract(t));
    const w = measure(readDoc);
    results.scaling = {
      stories: smallStories.length,
      bigChars: bigStory.length,
      words,
      extract: q,
      readDoc: w,
      ratio: q.ratio,
      pass: q.ratio <= TARGET.scalingRatio,
    };
    line('extract µs/word at 10 KB', fmt(q.usPerWordSmall, 3), '', null);
    line('extract µs/word at 1 MB', fmt(q.usPerWordBig, 3), '', null);
    line('ratio 1 MB / 10 KB', fmt(q.ratio, 2), `≤ ${TARGET.scalingRatio}`, results.scaling.pass);
    line('  (wink readDoc alone: same ratio)', fmt(w.ratio, 2), '', null);
  } catch (e) {
    results.scaling = { error: String(e?.message ?? e) };
    console.log(`  ERROR: ${e?.message ?? e}`);
  }
}

// ------------------------------------------------------------------------------------------------ 4. memory
if (RUN.has(4)) section('4. peak memory on the 1 MB story (child process, --expose-gc)');
if (RUN.has(4)) {
  const tmp = join(os.tmpdir(), `quotewire-bench-${process.pid}.txt`);
  writeFileSync(tmp, bigStory);
  const mb = (x) => +(x / 2 ** 20).toFixed(1);
  const probe = (setup, call) => `
    import { readFileSync } from 'node:fs';
    const text = readFileSync(${JSON.stringify(tmp)}, 'utf8');
    ${setup}
    warm('Warm up. “Hello,” she said.');
    globalThis.gc(); globalThis.gc();
    const before = process.memoryUsage();
    const maxBefore = process.resourceUsage().maxRSS * 1024;
    let peakHeap = before.heapUsed;
    const t0 = performance.now();
    const out = ${call};
    const ms = performance.now() - t0;
    const after = process.memoryUsage();
    const maxRSS = process.resourceUsage().maxRSS * 1024;
    globalThis.gc(); globalThis.gc();
    const retained = process.memoryUsage();
    console.log('RESULT ' + JSON.stringify({ ms, before, after, retained, maxRSS, maxBefore, keep: typeof out }));`;
  const qwSetup = `const { extract } = await import(${JSON.stringify(pathToFileURL(DIST).href)}); const warm = (t) => extract(t);`;
  const wkSetup = `const winkNLP = (await import(${JSON.stringify(pathToFileURL(WINK_PATH).href)})).default;
    const model = (await import(${JSON.stringify(pathToFileURL(MODEL_PATH).href)})).default; const nlp = winkNLP(model); const warm = (t) => nlp.readDoc(t);`;
  try {
    const q = (await spawnNode(['--expose-gc', '--input-type=module', '-e', probe(qwSetup, 'extract(text)')])).data;
    const w = (await spawnNode(['--expose-gc', '--input-type=module', '-e', probe(wkSetup, 'nlp.readDoc(text)')])).data;
    const summarize = (d) => ({
      ms: +d.ms.toFixed(0),
      peakRssMB: mb(d.maxRSS),
      rssBeforeMB: mb(d.before.rss),
      peakRssGrowthMB: mb(d.maxRSS - d.before.rss),
      heapBeforeMB: mb(d.before.heapUsed),
      heapAfterCallMB: mb(d.after.heapUsed),
      heapRetainedMB: mb(d.retained.heapUsed),
    });
    results.memory = { chars: bigStory.length, extract: summarize(q), readDoc: summarize(w) };
    const e = results.memory.extract;
    const k = results.memory.readDoc;
    console.log(`  ${pad('', 44)} ${lpad('extract', 14)} ${lpad('wink readDoc', 14)}`);
    console.log(
      `  ${pad('peak RSS (process maxRSS)', 44)} ${lpad(fmt(e.peakRssMB, 1) + ' MB', 14)} ${lpad(fmt(k.peakRssMB, 1) + ' MB', 14)}`,
    );
    console.log(
      `  ${pad('RSS before the call', 44)} ${lpad(fmt(e.rssBeforeMB, 1) + ' MB', 14)} ${lpad(fmt(k.rssBeforeMB, 1) + ' MB', 14)}`,
    );
    console.log(
      `  ${pad('peak RSS growth during the call', 44)} ${lpad(fmt(e.peakRssGrowthMB, 1) + ' MB', 14)} ${lpad(fmt(k.peakRssGrowthMB, 1) + ' MB', 14)}`,
    );
    console.log(
      `  ${pad('heap used right after the call', 44)} ${lpad(fmt(e.heapAfterCallMB, 1) + ' MB', 14)} ${lpad(fmt(k.heapAfterCallMB, 1) + ' MB', 14)}`,
    );
    console.log(
      `  ${pad('heap retained by the result (after gc)', 44)} ${lpad(fmt(e.heapRetainedMB, 1) + ' MB', 14)} ${lpad(fmt(k.heapRetainedMB, 1) + ' MB', 14)}`,
    );
    console.log(`  ${pad('time for the call', 44)} ${lpad(fmt(e.ms) + ' ms', 14)} ${lpad(fmt(k.ms) + ' ms', 14)}`);
  } catch (e) {
    results.memory = { error: String(e.message) };
    console.log(`  ERROR: ${e.message}`);
  } finally {
    try {
      unlinkSync(tmp);
    } catch {
      /* already gone */
    }
  }
}

// ------------------------------------------------------------------------------------------------ 5. linearity
// One child process per family (bench/linearity.mjs has the size ladder): a family that hangs is killed at
// LIN_KILL_MS and reported as HANG, and the bench goes on.
if (RUN.has(5))
  section(
    `5. pathological inputs: per-char cost at ${LIN_S / 1024} KB vs ${(4 * LIN_S) / 1024} KB (ratio ≲ ${TARGET.linearWarn}; > ${TARGET.linearFail} = SUPERLINEAR)`,
  );
if (RUN.has(5)) {
  console.log(
    `  (a family taking > ${LIN_STOP_MS / 1000} s at a size goes no higher and compares the two sizes below; one taking < ${LIN_MIN_MS} ms goes up to 4 MB; killed after ${LIN_KILL_MS / 1000} s)`,
  );
  const rows = [];
  console.log(
    `  ${pad('family', 18)} ${pad('sizes', 10)} ${lpad('small ms', 10)} ${lpad('large ms', 10)} ${lpad('ratio', 7)} ${lpad('wink', 6)}  ${pad('verdict', 12)} output`,
  );
  for (const name of Object.keys(families)) {
    if (FAMILIES && !FAMILIES.includes(name)) continue;
    let row;
    try {
      row = (await spawnNode([join(HERE, 'linearity.mjs'), name, ...(QUICK ? ['--quick'] : [])], { killAfterMs: LIN_KILL_MS })).data;
    } catch (e) {
      row = e.killed
        ? { family: name, verdict: 'HANG', note: `killed after ${LIN_KILL_MS / 1000} s` }
        : { family: name, verdict: 'ERROR', error: String(e.message).slice(0, 300) };
    }
    rows.push(row);
    const outcome = row.error
      ? `THROWS: ${row.error}`
      : row.valid === false
        ? `INVALID: ${row.problems[0]}`
        : row.valid
          ? `valid, ${row.quotes} quotes, ${row.speakers} speakers`
          : '';
    console.log(
      `  ${pad(name, 18)} ${pad(row.sizes ?? '', 10)} ${lpad(fmt(row.smallMs, 1), 10)} ${lpad(fmt(row.largeMs, 1), 10)} ${lpad(fmt(row.ratio, 2), 7)} ${lpad(fmt(row.winkRatio, 2), 6)}  ${pad(row.verdict, 12)} ${outcome}${row.note ? ` (${row.note})` : ''}`,
    );
  }
  results.linearity = {
    sizeS: LIN_S,
    size4S: 4 * LIN_S,
    stopMs: LIN_STOP_MS,
    minMs: LIN_MIN_MS,
    killMs: LIN_KILL_MS,
    families: rows,
    pass: rows.every((r) => ['PASS', 'WARN', 'NOISY?'].includes(r.verdict)),
  };
}

// ------------------------------------------------------------------------------------------------ 6. crafted tokens
// One child process (bench/crafted.mjs): each crafted input against the fixture article repeated to its length.
if (RUN.has(6)) section(`6. crafted tokens: time vs an ordinary story of the same length (target ≤ ${TARGET.craftedRatio}×)`);
if (RUN.has(6)) {
  try {
    const { data } = await spawnNode([join(HERE, 'crafted.mjs'), JSON.stringify({ lib: 'dist', rounds: QUICK ? 3 : 7 })], {
      killAfterMs: LIN_KILL_MS,
    });
    for (const [name, ratio] of Object.entries(data)) console.log(`  ${pad(name, 18)} ${lpad(fmt(ratio, 2), 7)}×`);
    const worst = Math.max(...Object.values(data));
    results.crafted = { ratios: data, worst, pass: worst <= TARGET.craftedRatio };
  } catch (e) {
    results.crafted = { error: e.killed ? `killed after ${LIN_KILL_MS / 1000} s: a hang` : String(e.message).slice(0, 300), pass: false };
    console.log(`  ${results.crafted.error}`);
  }
}

// ------------------------------------------------------------------------------------------------ 7. batch
// The command line's --batch over N stories (the corpus repeated), with 1 and 2 worker threads, against one thread
// calling extract() and JSON.stringify() in a loop over the same stories in this process. Wall times, so the load average is printed:
// on a busy machine the 2-thread figure cannot show what it would on an idle one. -j 1 against the loop is the
// per-record cost in a worker against the loop's (near 1.0 when workers run as well-optimised code as the loop).
if (RUN.has(7))
  section(
    `7. batch: --batch -j 1 and -j 2 vs a single-thread loop (target: -j 2 ≥ ${TARGET.batchSpeedup}× the loop on an idle ${cores}-core machine)`,
  );
if (RUN.has(7)) {
  const n = QUICK ? 400 : 2000;
  const stories = [];
  for (let i = 0; stories.length < n; i++) stories.push(texts[i % texts.length]);
  const file = join(os.tmpdir(), `quotewire-bench-batch-${process.pid}.jsonl`);
  writeFileSync(file, stories.map((text, i) => JSON.stringify({ id: i, text })).join('\n') + '\n');
  const cli = join(ROOT, 'dist', 'cli.js');
  const runBatch = (threads) =>
    new Promise((resolvePromise, reject) => {
      const t0 = now();
      const child = spawn(process.execPath, [cli, '--batch', file, '-j', String(threads), '-f', 'jsonl'], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let lines = 0;
      child.stdout.on('data', (d) => {
        for (let k = 0; k < d.length; k++) if (d[k] === 10) lines++;
      });
      child.on('error', reject);
      child.on('close', (code) =>
        code === 0 && lines === n
          ? resolvePromise(now() - t0)
          : reject(new Error(`batch -j ${threads} exited ${code} with ${lines}/${n} lines`)),
      );
    });
  try {
    const load = os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ');
    // the loop does what a batch record does: extract, then the JSON line it would write
    gc();
    let t0 = now();
    for (const t of stories) JSON.stringify(extract(t));
    const loopMs = now() - t0;
    const j1 = await runBatch(1);
    const j2 = await runBatch(2);
    t0 = now();
    for (const t of stories) JSON.stringify(extract(t));
    const loopMs2 = now() - t0;
    const loop = Math.min(loopMs, loopMs2);
    results.batch = {
      stories: n,
      loadAverage: load,
      loopMs: Math.round(loop),
      j1Ms: Math.round(j1),
      j2Ms: Math.round(j2),
      speedupJ2: +(loop / j2).toFixed(2),
      workerCostJ1: +(j1 / loop).toFixed(2),
      pass: loop / j2 >= TARGET.batchSpeedup,
    };
    console.log(`  ${n} stories; load average before: ${load}`);
    line('single-thread loop', `${fmt(loop)} ms`, '', null);
    line('--batch -j 1', `${fmt(j1)} ms`, '', null);
    line('--batch -j 2', `${fmt(j2)} ms`, '', null);
    line('speed-up of -j 2 over the loop', `${fmt(loop / j2, 2)}×`, `≥ ${TARGET.batchSpeedup}`, results.batch.pass);
    line('-j 1 time / loop time (worker cost)', fmt(j1 / loop, 2), '≈ 1', null);
  } catch (e) {
    results.batch = { error: String(e.message).slice(0, 300), pass: false };
    console.log(`  ${results.batch.error}`);
  } finally {
    unlinkSync(file);
  }
}

// ------------------------------------------------------------------------------------------------ 8. peak memory, 8 MB
// Peak RSS of one job on one ~8 MB story, each in a fresh process (bench/peak-memory.mjs), so that the peak is that
// job's alone: node reading the story and nothing else (c); wink with ['sbd', 'pos'] reading it, its tokens read out
// as src/language/tokens.ts reads them (a); extract() of dist/ (b); and for reference wink's readDoc with nothing
// read out. Medians over the spawns, the kinds interleaved spawn by spawn.
if (RUN.has(8)) section('8. peak memory on one ~8 MB story: extract vs wink sbd+pos (fresh process each, maxRSS)');
if (RUN.has(8)) {
  const parts = [];
  let len = 0;
  for (let i = 0; paragraphs.length > 0; i = (i + 1) % paragraphs.length) {
    const add = paragraphs[i].length + (parts.length ? 2 : 0);
    if (len + add > EIGHT_MB_CHARS) break;
    parts.push(paragraphs[i]);
    len += add;
  }
  const story = parts.join('\n\n');
  const tmp = join(os.tmpdir(), `quotewire-bench-8mb-${process.pid}.txt`);
  writeFileSync(tmp, story);
  const mb = (x) => +(x / 2 ** 20).toFixed(1);
  const kinds = ['baseline', 'wink', 'winkDoc', 'quotewire'];
  const runs = Object.fromEntries(kinds.map((k) => [k, []]));
  try {
    for (let i = 0; i < CFG.memSpawns; i++) {
      for (let j = 0; j < kinds.length; j++) {
        const k = kinds[(i + j) % kinds.length];
        runs[k].push((await spawnNode([join(HERE, 'peak-memory.mjs'), k, tmp], { killAfterMs: LIN_KILL_MS })).data);
      }
    }
    const peak = Object.fromEntries(kinds.map((k) => [k, median(runs[k].map((d) => d.maxRSS))]));
    const ratio = peak.quotewire / peak.wink;
    const net = (peak.quotewire - peak.baseline) / (peak.wink - peak.baseline);
    results.peakMemory8MB = {
      chars: story.length,
      words: countWords(story),
      spawns: CFG.memSpawns,
      baselinePeakRssMB: mb(peak.baseline),
      winkPeakRssMB: mb(peak.wink),
      winkDocOnlyPeakRssMB: mb(peak.winkDoc),
      extractPeakRssMB: mb(peak.quotewire),
      ratio: +ratio.toFixed(3),
      ratioNetOfBaseline: +net.toFixed(3),
      ratioToWinkDocOnly: +(peak.quotewire / peak.winkDoc).toFixed(3),
      pass: ratio <= TARGET.peakRss8MBRatio,
      samplesMB: Object.fromEntries(kinds.map((k) => [k, runs[k].map((d) => mb(d.maxRSS))])),
      extractMs: Math.round(median(runs.quotewire.map((d) => d.ms))),
      winkMs: Math.round(median(runs.wink.map((d) => d.ms))),
    };
    const r = results.peakMemory8MB;
    console.log(
      `  story: ${fmt(r.chars)} chars, ${fmt(r.words)} words (corpus paragraphs repeated); median of ${r.spawns} spawn${r.spawns > 1 ? 's' : ''} each`,
    );
    line('(c) node, story read, nothing else', `${fmt(r.baselinePeakRssMB)} MB`, '', null);
    line('(a) wink sbd+pos readDoc, tokens read out', `${fmt(r.winkPeakRssMB)} MB`, '', null);
    line('    (wink readDoc, nothing read out)', `${fmt(r.winkDocOnlyPeakRssMB)} MB`, '', null);
    line('(b) quotewire extract', `${fmt(r.extractPeakRssMB)} MB`, '', null);
    line('ratio (b) / (a)', fmt(r.ratio, 2), `≤ ${TARGET.peakRss8MBRatio}`, r.pass);
    line('  net of (c): (b − c) / (a − c)', fmt(r.ratioNetOfBaseline, 2), '', null);
    line('  (b) / wink readDoc with nothing read out', fmt(r.ratioToWinkDocOnly, 2), '', null);
    line('time: extract / wink (a)', `${fmt(r.extractMs)} / ${fmt(r.winkMs)} ms`, '', null);
    if (r.spawns > 1) console.log(`  samples (MB): ${kinds.map((k) => `${k} ${r.samplesMB[k].map((x) => fmt(x)).join(' ')}`).join(' · ')}`);
  } catch (e) {
    results.peakMemory8MB = { error: String(e.message).slice(0, 300), pass: false };
    console.log(`  ERROR: ${results.peakMemory8MB.error}`);
  } finally {
    unlinkSync(tmp);
  }
}

// ------------------------------------------------------------------------------------------------ summary
section('summary');
{
  const t = results.throughput;
  const c = results.coldStart;
  const s = results.scaling;
  line('throughput ratio extract / readDoc full', t ? fmt(t.ratio, 3) : 'n/a', `≥ ${TARGET.throughputRatio}`, t ? t.pass : null);
  line(
    'throughput ratio extract / readDoc sbd+pos',
    t ? fmt(t.ratioSbdPos, 3) : 'n/a',
    `≥ ${TARGET.throughputRatioSbdPos}`,
    t ? t.passSbdPos : null,
  );
  const shown = (x, v) => (!x ? 'n/a' : v === undefined ? 'error' : v);
  line(
    'cold start ratio quotewire / wink',
    shown(c, c?.ratio !== undefined ? fmt(c.ratio, 2) : undefined),
    `< ${TARGET.coldStartRatio}`,
    c?.ratio !== undefined ? c.pass : null,
  );
  line(
    'per-word cost 1 MB / 10 KB',
    shown(s, s?.ratio !== undefined ? fmt(s.ratio, 2) : undefined),
    `≤ ${TARGET.scalingRatio}`,
    s?.ratio !== undefined ? s.pass : null,
  );
  line(
    'peak RSS, 1 MB story',
    shown(results.memory, results.memory?.extract ? `${fmt(results.memory.extract.peakRssMB, 0)} MB` : undefined),
    '(reported)',
    null,
  );
  const fams = results.linearity?.families ?? [];
  const bad = fams.filter((r) => !['PASS', 'WARN', 'NOISY?'].includes(r.verdict));
  line(
    'pathological families linear',
    results.linearity ? `${fams.length - bad.length}/${fams.length}` : 'n/a',
    `ratio ≤ ${TARGET.linearFail}`,
    results.linearity ? bad.length === 0 : null,
  );
  for (const r of bad) console.log(`    ${r.family}: ${r.verdict} ${r.sizes ?? ''} ratio ${r.ratio ?? ''}${r.error ? ` ${r.error}` : ''}`);
  const invalid = fams.filter((r) => r.valid === false);
  for (const r of invalid) console.log(`    ${r.family}: INVALID OUTPUT ${r.problems[0]}`);
  const bt = results.batch;
  line(
    'batch -j 2 speed-up over a loop',
    bt ? (bt.error ? 'error' : `${fmt(bt.speedupJ2, 2)}×`) : 'n/a',
    `≥ ${TARGET.batchSpeedup}`,
    bt && !bt.error ? bt.pass : null,
  );
  const k = results.crafted;
  line(
    'crafted tokens, worst ratio to ordinary',
    k ? (k.error ? 'error' : `${fmt(k.worst, 2)}×`) : 'n/a',
    `≤ ${TARGET.craftedRatio}`,
    k ? k.pass : null,
  );
  const pm = results.peakMemory8MB;
  line(
    'peak RSS 8 MB story, extract / wink sbd+pos',
    pm ? (pm.error ? 'error' : `${fmt(pm.ratio, 2)}×`) : 'n/a',
    `≤ ${TARGET.peakRss8MBRatio}`,
    pm ? pm.pass : null,
  );
}

if (PARTIAL || FAMILIES) {
  console.log('\npartial run (--only / --families): bench/results/latest.json left as it was');
} else {
  mkdirSync(dirname(RESULTS), { recursive: true });
  writeFileSync(`${RESULTS}.tmp`, JSON.stringify(results, null, 2) + '\n');
  renameSync(`${RESULTS}.tmp`, RESULTS);
  console.log(`\nwrote ${RESULTS.slice(ROOT.length + 1)}`);
}
