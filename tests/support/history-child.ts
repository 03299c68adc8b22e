/**
 * Child process for tests/history.test.ts: reads a long random history of texts, then the probe stories, and
 * prints the probes' results as one line `RESULT [json, …]`.
 *
 *   node --import tsx tests/support/history-child.ts '{"seed": 1, "history": 20000}'
 *   node --import tsx tests/support/history-child.ts '{"seed": 1, "history": 0, "fresh": true}'
 *
 * With `fresh`, each probe is read by a new wink instance (the model's core is a deep copy on every load, so
 * that is what a new process reads with).
 */
import fc from 'fast-check';
import { getNlp } from '../../src/language/tokens';
import { extract } from '../../src/index';

const spec = JSON.parse(process.argv[2] ?? '{}') as { seed: number; history: number; fresh?: boolean };

/** Letters of scripts whose words each have a shape wink has never seen (its shapes fold only Latin and digits). */
const SCRIPTS: [number, number][] = [
  [0x430, 0x44f],
  [0x410, 0x42f],
  [0x3b1, 0x3c9],
  [0x5d0, 0x5ea],
  [0x627, 0x64a],
  [0x905, 0x939],
  [0xe01, 0xe2e],
  [0x4e00, 0x9fff],
  [0xac00, 0xd7a3],
  [0x10d0, 0x10f0],
  [0xe0, 0xff],
  [0x100, 0x17f],
];
const letter = fc.constantFrom(...SCRIPTS).chain(([a, b]) => fc.integer({ min: a, max: b }).map((c) => String.fromCharCode(c)));
const foreignWord = fc.array(letter, { minLength: 1, maxLength: 9 }).map((xs) => xs.join(''));
const english = fc.constantFrom(
  'He said',
  'she said.',
  'the minister',
  '“We disagree,”',
  'officials',
  'U.N.X.',
  'O’Neill’s',
  'in 2023',
  '42%',
  'http://a.b/c',
  'a@b.cd',
  '—',
  '\n\n',
  '\t',
  '\f',
  '\u2028',
  '\u3000',
);
const history = fc.oneof(
  { weight: 6, arbitrary: fc.array(fc.oneof(foreignWord, english), { minLength: 1, maxLength: 14 }).map((xs) => xs.join(' ')) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 24 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 16 }) },
  {
    weight: 1,
    arbitrary: fc.string({ unit: fc.constantFrom('\udf18', '\u{6a1e5}', '\f', 'He', '\t', ' ', '.', '“', 'Ł', 'ukasz'), maxLength: 10 }),
  },
);

/** Stories read after the history: each has words of its own that the history may or may not have met. */
function probes(seed: number): string[] {
  const words = fc.sample(foreignWord, { seed: seed + 1, numRuns: 40 });
  const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  return [
    'Москва He said so.',
    '"\udf18\u{6a1e5}\fHe\t',
    `${cap(words[0])} He said so.`,
    `“We will not move,” said ${cap(words[1])} ${cap(words[2])}, a spokesman for the ${cap(words[3])} ministry. ${cap(words[4])} ${words[5]} ${words[6]}. He added that talks with ${cap(words[7])} would go on.`,
    `KYIV (Reuters) — Officials said on Monday that ${words.slice(8, 20).join(' ')} had been agreed. “It is a start,” Łukasz Nowak, a spokesman, said.\n\nThe U.N.X. said O’Neill’s report was late.`,
    words.slice(20, 40).map(cap).join(' ') + '. “Yes,” she said.',
  ];
}

if (spec.history > 0) {
  for (const text of fc.sample(history, { seed: spec.seed, numRuns: spec.history })) extract(text);
}
const out: string[] = [];
for (const p of probes(spec.seed)) {
  if (spec.fresh) getNlp(true);
  out.push(JSON.stringify(extract(p)));
}
process.stdout.write(`RESULT ${JSON.stringify(out)}\n`);
