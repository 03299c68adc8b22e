/**
 * Robustness properties (issue 4 §2), checked with fast-check over
 *   - arbitrary strings: full Unicode, raw UTF-16 code units (lone surrogates), control characters, graphemes,
 *     and a "spicy" alphabet of quote marks / apostrophes / line ends / emoji halves;
 *   - news-like stories generated from pieces: names, cues, every kind of quote mark, apostrophes (Minister’s,
 *     ’90s), datelines, boilerplate, blank lines, CRLF / CR, emoji, long paragraphs, optionally salted with noise.
 *
 * For every input: extract() does not throw; the result passes tests/support/validate.ts's checkExtraction (every span's
 * text is input.slice(start, end), in bounds, start ≤ end, no offset between the halves of a surrogate pair, every
 * id a quote / claim / speaker names exists, paragraph / sentence indexes valid, confidence in [0, 1], plain data);
 * the output is deterministic (same input twice, with another input in between → deep equal) and survives a JSON
 * round trip.
 *
 * Knobs: QW_FUZZ_RUNS=<multiplier> (default 1), QW_FUZZ_SEED=<int> to replay a reported seed.
 */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index';
import type { Extraction } from '../src/types';
import { checkExtraction, splitsPair } from './support/validate';
import { CUES, DATELINES, DESCRIPTIONS, NAMES, PRONOUNS, QUOTE_MARKS, QUOTE_PAIRS, WORDS } from './support/inputs';

const MULT = Number(process.env.QW_FUZZ_RUNS ?? 1) || 1;
const SEED = process.env.QW_FUZZ_SEED !== undefined ? Number(process.env.QW_FUZZ_SEED) : undefined;
const RUNS_ARBITRARY = Math.round(800 * MULT);
const RUNS_NEWS = Math.round(250 * MULT);
const TIMEOUT = 120_000 * MULT;

const params = <T>(numRuns: number): fc.Parameters<T> => ({
  numRuns,
  ...(SEED !== undefined ? { seed: SEED } : {}),
  // a property that cannot finish its runs in time is a failure too (something got slow), not a silent pass
  plugins: [fc.interruptAfterTimeLimit(TIMEOUT - 10_000, { failOnInterrupt: true })],
});

const show = (s: string) => JSON.stringify(s.length > 300 ? s.slice(0, 300) + '…' : s);

/** Everything we require of extract(input); throws an Error naming the input and every broken invariant. */
let previous = 'WASHINGTON (AP) — “Warm-up,” she said.';
let quotesSeen = 0;
function checkAll(input: string): void {
  let r1: Extraction;
  try {
    r1 = extract(input);
  } catch (e) {
    throw new Error(`extract threw on ${show(input)}: ${(e as Error)?.stack ?? e}`);
  }
  const problems = checkExtraction(input, r1);
  if (problems.length) throw new Error(`invalid result for ${show(input)}:\n  - ${problems.join('\n  - ')}`);
  quotesSeen += r1.quotes.length;
  // another input in between: no state may leak from one call into the next
  extract(previous);
  previous = input;
  const r2 = extract(input);
  if (!isDeepStrictEqual(r1, r2)) throw new Error(`not deterministic for ${show(input)}`);
  expect(JSON.parse(JSON.stringify(r1))).toEqual(r1);
}

// --------------------------------------------------------------------------------------------- arbitraries
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const SPICY = [
  ...QUOTE_MARKS,
  '’',
  '’',
  '“',
  '”',
  ' ',
  ' ',
  ' ',
  '\n',
  '\n\n',
  '\r\n',
  '\r',
  '\t',
  '\u00a0',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\u200b',
  '\u200d',
  '\u0000',
  '\u001b',
  '\u0085',
  '😀',
  '\ud83d',
  '\ude00',
  '\udc00\ud800',
  '👍🏽',
  '🇺🇦',
  '—',
  '–',
  '-',
  '…',
  '.',
  ',',
  ':',
  ';',
  '!',
  '?',
  '(',
  ')',
  '[',
  ']',
  'said',
  'says',
  'told',
  'he',
  'she',
  'Smith',
  'John',
  'the',
  'official',
  'according to',
  'that',
  'Mr.',
  'U.S.',
  'a',
  'I',
  '’s',
  "'s",
  's’',
  '’90s',
];
const spicy = fc.constantFrom(...SPICY);

const arbitraryString = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 3, arbitrary: fc.string({ unit: codeUnit, maxLength: 200 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 120 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 200 }) },
  { weight: 4, arbitrary: fc.string({ unit: fc.oneof(spicy, codeUnit, fc.constantFrom('a', 'b', ' ')), maxLength: 150 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 400 }) },
);

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const EMOJI = ['😀', '👍🏽', '👨‍👩‍👧', '🇺🇦', '#️⃣', '❤️', '🙏', '🗳️'];
const BOILERPLATE = [
  'Advertisement',
  'Read more: Why the talks failed',
  'Photo: AP',
  'Sign up for our newsletter',
  'Get the Mirror in your inbox:',
  'ADVERTISEMENT',
  '(Reporting by Jane Doe; Editing by John Smith)',
  'Share this article',
];
const who = fc.oneof(fc.constantFrom(...NAMES), fc.constantFrom(...DESCRIPTIONS), fc.constantFrom(...PRONOUNS));
const cue = fc.constantFrom(...CUES);
const pair = fc.constantFrom(...QUOTE_PAIRS);
const word = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 1, arbitrary: fc.constantFrom(...EMOJI) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 8 }) },
  { weight: 1, arbitrary: fc.constantFrom(...NAMES) },
);
const body = fc.array(word, { minLength: 1, maxLength: 25 }).map((ws) => ws.join(' '));

const sentence = fc.oneof(
  // “Body,” Jane Doe said.
  fc.tuple(pair, body, who, cue).map(([[o, c], b, w, k]) => `${o}${cap(b)},${c} ${w} ${k}.`),
  // Jane Doe said: “Body.”
  fc.tuple(who, cue, pair, body).map(([w, k, [o, c], b]) => `${cap(w)} ${k}: ${o}${cap(b)}.${c}`),
  // “Body,” she said, “more body.”
  fc.tuple(pair, body, who, cue, body).map(([[o, c], b, w, k, b2]) => `${o}${cap(b)},${c} ${w} ${k}, ${o}${b2}.${c}`),
  // Jane Doe said that body.
  fc.tuple(who, cue, body).map(([w, k, b]) => `${cap(w)} ${k} that ${b}.`),
  // According to the official, body.
  fc.tuple(who, body).map(([w, b]) => `According to ${w}, ${b}.`),
  // He called it “a few days” …
  fc.tuple(who, pair, body, body).map(([w, [o, c], b, b2]) => `${cap(w)} called it ${o}${b}${c} and ${b2}.`),
  // plain
  body.map((b) => `${cap(b)}.`),
  // unbalanced open
  fc.tuple(pair, body).map(([[o], b]) => `${o}${cap(b)}`),
  // stray close
  fc.tuple(body, pair, who).map(([b, [, c], w]) => `${cap(b)}${c} ${w} said.`),
  // nested
  fc
    .tuple(pair, pair, body, body, body, who, cue)
    .map(([[o, c], [o2, c2], a, b, d, w, k]) => `${o}${cap(a)} ${o2}${b}${c2} ${d},${c} ${w} ${k}.`),
  // a question to a speaker, a colon quote, an em-dash aside
  fc.tuple(who, body).map(([w, b]) => `Asked whether ${b}, ${w} said: “No.”`),
  fc.tuple(who, cue, body).map(([w, k, b]) => `${cap(w)} — who ${k} nothing — ${b}.`),
);

const paragraph = fc
  .oneof(
    { weight: 6, arbitrary: fc.array(sentence, { minLength: 1, maxLength: 6 }) },
    { weight: 1, arbitrary: fc.array(sentence, { minLength: 10, maxLength: 30 }) }, // long paragraphs
  )
  .map((ss) => ss.join(' '));
const sep = fc.constantFrom('\n\n', '\n\n', '\n\n', '\r\n\r\n', '\n', '\r\r', '\r', '\n\n\n', ' \n \n', '\r\n', '\u2029', '\n\t\n');
const block = fc.oneof(
  { weight: 10, arbitrary: paragraph },
  { weight: 1, arbitrary: fc.constantFrom(...BOILERPLATE) },
  { weight: 1, arbitrary: fc.constantFrom(...EMOJI) },
);

const story = fc
  .tuple(
    fc.option(body.map(cap), { nil: undefined }), // headline
    fc.option(fc.constantFrom(...DATELINES), { nil: undefined }),
    fc.array(fc.tuple(block, sep), { minLength: 1, maxLength: 12 }),
  )
  .map(([headline, dateline, parts]) => {
    let s = headline ? `${headline}\n\n` : '';
    s += dateline ?? '';
    for (const [p, e] of parts) s += p + e;
    return s;
  });

/** A story with a few arbitrary code units (lone surrogates, controls, quote marks …) dropped in anywhere. */
const noisyStory = fc
  .tuple(story, fc.array(fc.tuple(fc.nat(), fc.oneof(codeUnit, spicy)), { minLength: 1, maxLength: 6 }))
  .map(([s, ins]) => {
    let out = s;
    for (const [at, c] of ins) {
      const i = at % (out.length + 1);
      out = out.slice(0, i) + c + out.slice(i);
    }
    return out;
  });

// --------------------------------------------------------------------------------------------- tests
describe('the span checker itself', () => {
  it('knows what splitting a surrogate pair means', () => {
    const s = 'a😀b\ud800c\udc00';
    expect(splitsPair(s, 0)).toBe(false);
    expect(splitsPair(s, 1)).toBe(false); // before the pair
    expect(splitsPair(s, 2)).toBe(true); // between its halves
    expect(splitsPair(s, 3)).toBe(false); // after it
    expect(splitsPair(s, 5)).toBe(false); // after a lone high surrogate, before 'c'
    expect(splitsPair(s, 6)).toBe(false); // before a lone low surrogate (preceded by 'c')
    expect(splitsPair(s, s.length)).toBe(false);
  });
  it('catches a wrong span, a dangling id and a bad index', () => {
    const input = 'He said “hi.”';
    const bad = {
      schemaVersion: 1,
      document: {
        headline: null,
        dateline: null,
        sections: [],
        paragraphs: [{ start: 0, end: 13, text: input }],
        sentences: [],
        boilerplate: [],
      },
      speakers: [],
      quotes: [
        {
          id: 'q1',
          kind: 'direct',
          content: { start: 9, end: 12, text: 'hi!' },
          cue: null,
          source: null,
          speakerId: 's9',
          paragraph: 0,
          sentence: 0,
          confidence: 2,
        },
      ],
      claims: [],
    };
    const problems = checkExtraction(input, bad).join('\n');
    expect(problems).toMatch(/quotes\[0\]\.content: text "hi!"/);
    expect(problems).toMatch(/speakerId = "s9" names no such id/);
    expect(problems).toMatch(/sentence 0 not an index/);
    expect(problems).toMatch(/confidence 2 not in \[0, 1\]/);
  });
});

describe('edge inputs (each listed, so a failure names its input)', () => {
  const EDGE = [
    '',
    ' ',
    '\n',
    '\r',
    '\r\n',
    '\n\n\n',
    '\t',
    '\u0000',
    '\u0000\u0000\u0000',
    '\ufeff',
    '\u2028\u2029',
    '“',
    '”',
    '‘',
    '’',
    '"',
    "'",
    '«',
    '»',
    '„',
    '“”',
    '“ ”',
    '""',
    '"""',
    "''''",
    '«»',
    '‹›',
    '「」',
    '”“',
    '’‘',
    '\ud800',
    '\udc00',
    '\udc00\ud800',
    '\ud83d“',
    '“\ude00',
    'a\ud83d',
    '\ude00b',
    '😀',
    '“😀”',
    '😀“😀”😀',
    '👨‍👩‍👧',
    '🇺🇦🇺🇦🇺🇦',
    'é',
    'e\u0301',
    'said',
    'He said.',
    'said “',
    '“Hi,” said',
    '“Hi,” said.',
    ', said Smith.',
    '“Hi,”\nshe said.',
    '“Hi,”\r\nshe said.',
    '“Hi,”\rshe said.',
    'He said: “',
    'He said: “”',
    'He said “Yes”',
    '“Yes” —',
    'WASHINGTON (AP) —',
    'WASHINGTON (AP) — “',
    '— “Hello,” he said. —',
    '“A ‘B “C” B’ A,” she said.',
    '“Unclosed,\n\n“Also unclosed,\n\n“Third,” he said.',
    'Minister’s ’90s rock ’n’ roll',
    '\ufeff“Hello,” she said.',
    '“Hello,”\u00a0she\u00a0said.',
    '“שלום,” אמר',
    '“مرحبا،” قال',
    '“你好，”他说。',
    '“Привет”, — сказал он.',
    'U.S. officials said. Mr. Smith said. Dr. No said.',
    '...',
    '…',
    '—',
    'I said I said I said',
    'Said.Said.Said.',
    '"He said \'she said "they said"\'" said I.',
    'a'.repeat(300),
    '“'.repeat(300),
    '” he said. '.repeat(40),
    'He said “' + '😀'.repeat(100) + '”',
    ' \u3000 \u00a0 ',
    '\u202eevil said “hi”\u202c',
    '<p>“Hi,” she said.</p>',
    'Advertisement\n\n“Hi,” she said.\n\nRead more',
    '“Hi,” she said.'.split('').join('\u200b'),
    // found by npm run fuzz (seed 834889588): a range joiner, then a currency sign that ends the sentence
    'He said that the the 0-$ . He — who said nothing — the.\n\n',
    'It cost 5-$',
  ];
  it.each(EDGE.map((s) => [JSON.stringify(s).slice(0, 80), s]))('%s', (_label, input) => {
    checkAll(input as string);
  });
});

describe('properties', () => {
  it(
    `arbitrary strings (${RUNS_ARBITRARY} runs): never throws, valid spans, deterministic`,
    () => {
      fc.assert(
        fc.property(arbitraryString, (s) => {
          checkAll(s);
        }),
        params(RUNS_ARBITRARY),
      );
    },
    TIMEOUT,
  );

  it(
    `news-like stories (${Math.round(RUNS_NEWS * 0.6)} runs): never throws, valid spans, deterministic`,
    () => {
      const before = quotesSeen;
      fc.assert(
        fc.property(story, (s) => {
          checkAll(s);
        }),
        params(Math.round(RUNS_NEWS * 0.6)),
      );
      // not vacuous: the generated stories are full of quotations, so some must be found
      expect(quotesSeen - before).toBeGreaterThan(0);
    },
    TIMEOUT,
  );

  it(
    `news-like stories salted with arbitrary code units (${Math.round(RUNS_NEWS * 0.4)} runs)`,
    () => {
      fc.assert(
        fc.property(noisyStory, (s) => {
          checkAll(s);
        }),
        params(Math.round(RUNS_NEWS * 0.4)),
      );
    },
    TIMEOUT,
  );

  it(
    'a story and its CRLF / CR twins give the same quotes, offsets aside (line ends are only line ends)',
    () => {
      fc.assert(
        fc.property(story, (s) => {
          const lf = s.replace(/\r\n?/g, '\n');
          const crlf = lf.replace(/\n/g, '\r\n');
          const cr = lf.replace(/\n/g, '\r');
          const contents = (t: string) => extract(t).quotes.map((q) => [q.kind, q.content.text.replace(/\r\n?/g, '\n')]);
          const want = contents(lf);
          expect(contents(crlf)).toEqual(want);
          expect(contents(cr)).toEqual(want);
        }),
        params(Math.round(40 * MULT)),
      );
    },
    TIMEOUT,
  );
});
