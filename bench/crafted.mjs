/**
 * Times extract() on the crafted inputs of tests/support/inputs.ts against an ordinary story of the same length (the fixture
 * article, repeated and cut), in one process, rounds interleaved, and prints one line `RESULT {name: ratio, …}`:
 * each ratio is the crafted input's median time over the ordinary story's. Run by tests/crafted.test.ts (src)
 * and by the bench (dist).
 *
 *   node [--import tsx] bench/crafted.mjs '{"lib": "src", "names": ["urlNested85"], "rounds": 5}'
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';

// the generators are TypeScript shared with the tests; only they go through tsx, the library is imported as built
const { crafted } = await tsImport('../tests/support/inputs.ts', import.meta.url);

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const spec = JSON.parse(process.argv[2] ?? '{}');
const lib = spec.lib === 'src' ? join(ROOT, 'src', 'index.ts') : join(ROOT, 'dist', 'index.js');
const { extract } = await import(pathToFileURL(lib).href);
const names = spec.names ?? Object.keys(crafted);
const rounds = spec.rounds ?? 5;
const article = readFileSync(join(ROOT, 'fixtures', 'article.txt'), 'utf8');

function ordinary(size) {
  let s = '';
  while (s.length < size) s += article + '\n\n';
  return s.slice(0, size);
}

function time(text, calls) {
  const t0 = performance.now();
  for (let i = 0; i < calls; i++) extract(text);
  return performance.now() - t0;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const out = {};
for (const name of names) {
  const make = crafted[name];
  if (!make) throw new Error(`no crafted input named ${name}`);
  const text = make();
  const plain = ordinary(text.length);
  // short inputs are timed over many calls, so that each measurement takes milliseconds
  const calls = Math.max(1, Math.round(20_000 / text.length));
  time(plain, calls);
  time(text, calls);
  const a = [];
  const b = [];
  for (let r = 0; r < rounds; r++) {
    if (r % 2) {
      a.push(time(text, calls));
      b.push(time(plain, calls));
    } else {
      b.push(time(plain, calls));
      a.push(time(text, calls));
    }
  }
  out[name] = median(a) / median(b);
}
process.stdout.write(`RESULT ${JSON.stringify(out)}\n`);
