/**
 * Pathological inputs (issue 4 §2): each must give a result, without throwing, whose spans are all valid
 * (tests/support/validate.ts's checkExtraction, the same walker the robustness properties use).
 *
 * Each case runs in a child process (tests/support/run-case.ts) that builds the input itself from
 * tests/support/inputs.ts, so a hang is killed at the deadline and reported as a failure instead of blocking the
 * test run forever (a synchronous extract() cannot be interrupted from its own thread, and vitest's timeout cannot
 * stop it).
 * No wall-clock asserts: speed and linearity are measured by `npm run bench` (section 5).
 *
 * Knobs: QW_TEST_LIB=dist to test the built bundle instead of src (default src, via tsx);
 *        QW_PATHO_DEADLINE_MS (default 100000) for the kill deadline of each case.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { describe, it, type ExpectStatic } from 'vitest';
import { ROOT, resultOfChild } from './support/child';

const RUNNER = join(ROOT, 'tests', 'support', 'run-case.ts');
const LIB = process.env.QW_TEST_LIB === 'dist' ? 'dist' : 'src';
const DEADLINE = Number(process.env.QW_PATHO_DEADLINE_MS ?? 100_000) || 100_000;
const MB = 1 << 20;
/** Children at a time. Tests run concurrently (vitest starts ≤ 5 at once) but wait here for a slot. */
const SLOTS = Math.max(1, Math.min(2, availableParallelism()));
/** vitest's timeout is only a backstop (the child deadline is what fails a hang): a test may wait for a slot
 *  behind up to 4 others, i.e. two rounds of deadlines, then run its own. */
const TIMEOUT = 3 * DEADLINE + 30_000;

let active = 0;
const waiting: (() => void)[] = [];
async function withSlot<T>(fn: () => Promise<T>): Promise<T> {
  if (active < SLOTS) active++;
  else await new Promise<void>((r) => waiting.push(r)); // the releaser hands its slot over
  try {
    return await fn();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else active--;
  }
}

type InputSpec =
  | { family: string; size: number; seed?: number }
  | { fn: string; args: unknown[] }
  | { repeat: string; count: number; prefix?: string };

interface CaseResult {
  length: number;
  ms: number;
  threw: null | { name: string; message: string; stack: string };
  problems: string[];
  counts: null | Record<string, number | undefined>;
}

/** Run one extract() in a child; reject with a readable reason on crash or deadline. */
function runCase(input: InputSpec, options?: object): Promise<CaseResult> {
  return withSlot(() => runChild(input, options));
}

function runChild(input: InputSpec, options?: object): Promise<CaseResult> {
  // the runner is TypeScript, so tsx loads it whichever library it tests (tsx leaves dist's plain JavaScript as it is)
  const nodeArgs = ['--import', 'tsx', '--max-old-space-size=4096'];
  return resultOfChild<CaseResult>(RUNNER, { lib: LIB, input, options }, DEADLINE, nodeArgs);
}

/** The case's result: no throw, valid spans, a well-formed result. */
async function expectSurvives(expect: ExpectStatic, input: InputSpec, minLength = 0): Promise<CaseResult> {
  const r = await runCase(input);
  expect(r.length, 'generated input is as large as the case says').toBeGreaterThanOrEqual(minLength);
  expect(r.threw, `extract threw on ${JSON.stringify(input)}`).toBeNull();
  expect(r.problems, `invalid result on ${JSON.stringify(input)}`).toEqual([]);
  expect(r.counts).not.toBeNull();
  return r;
}

describe.concurrent(`pathological inputs (lib: ${LIB}; each in a child process, ${SLOTS} at a time, killed after ${DEADLINE / 1000} s)`, () => {
  // ---- the list in issue 4
  it(
    '1 MB of quote marks of every kind',
    async ({ expect }) => {
      await expectSurvives(expect, { family: 'quoteMarks', size: MB }, MB - 1);
    },
    TIMEOUT,
  );

  it(
    '1 MB without white space: words, punctuation and quote marks run together',
    async ({ expect }) => {
      await expectSurvives(expect, { family: 'noWhitespace', size: MB }, MB - 1);
    },
    TIMEOUT,
  );

  it(
    '1 MB without white space: a news story with its spaces removed',
    async ({ expect }) => {
      await expectSurvives(expect, { family: 'newsNoSpaces', size: MB }, MB - 1);
    },
    TIMEOUT,
  );

  it(
    '1 MB without white space: one letter repeated',
    async ({ expect }) => {
      await expectSurvives(expect, { family: 'giantToken', size: MB }, MB);
    },
    TIMEOUT,
  );

  it(
    '1 MB without white space: a base64 blob',
    async ({ expect }) => {
      await expectSurvives(expect, { family: 'base64Run', size: MB }, MB);
    },
    TIMEOUT,
  );

  it(
    '100,000 one-line paragraphs',
    async ({ expect }) => {
      const r = await expectSurvives(expect, { fn: 'oneLineParagraphsCount', args: [100_000] });
      expect(r.length).toBeGreaterThan(1_000_000);
    },
    TIMEOUT,
  );

  it(
    'quotes nested 1,000 deep (“‘“‘… closed)',
    async ({ expect }) => {
      await expectSurvives(expect, { fn: 'nested', args: [1000] }, 5000);
    },
    TIMEOUT,
  );

  it(
    'quotes nested 1,000 deep and never closed',
    async ({ expect }) => {
      await expectSurvives(expect, { fn: 'nested', args: [1000, { closed: false }] }, 3000);
    },
    TIMEOUT,
  );

  it(
    'quotes nested 100,000 deep',
    async ({ expect }) => {
      await expectSurvives(expect, { fn: 'nested', args: [100_000] }, 500_000);
    },
    TIMEOUT,
  );

  it(
    'only emoji (1 MB: ZWJ sequences, flags, skin tones, keycaps)',
    async ({ expect }) => {
      await expectSurvives(expect, { family: 'emojiOnly', size: MB }, MB - 20);
    },
    TIMEOUT,
  );

  it(
    'CRLF and lone CR line ends (1 MB)',
    async ({ expect }) => {
      const r = await expectSurvives(expect, { family: 'crLineEnds', size: MB }, MB - 1);
      expect(r.counts?.paragraphs, 'CR / CRLF line ends still make paragraphs').toBeGreaterThan(100);
    },
    TIMEOUT,
  );

  it(
    'NUL, C0 / C1 controls, bidi and zero-width characters (1 MB)',
    async ({ expect }) => {
      await expectSurvives(expect, { family: 'controlChars', size: MB }, MB - 1);
    },
    TIMEOUT,
  );

  it(
    'a 1 MB story that is all one quote left open',
    async ({ expect }) => {
      await expectSurvives(expect, { family: 'openQuote', size: MB }, MB - 1);
    },
    TIMEOUT,
  );

  it(
    '1,000 unbalanced opening quotes across paragraphs',
    async ({ expect }) => {
      await expectSurvives(expect, { fn: 'unbalancedOpensCount', args: [1000] }, 50_000);
    },
    TIMEOUT,
  );

  it(
    'a 50,000-word single sentence',
    async ({ expect }) => {
      await expectSurvives(expect, { fn: 'longSentenceWords', args: [50_000] }, 200_000);
    },
    TIMEOUT,
  );

  // ---- and others in the same spirit
  it(
    '10,000 distinct named speakers (1 MB)',
    async ({ expect }) => {
      await expectSurvives(expect, { family: 'manySpeakers', size: MB }, MB - 1);
    },
    TIMEOUT,
  );

  it(
    'pronoun after pronoun with a name every 50 sentences (1 MB)',
    async ({ expect }) => {
      await expectSurvives(expect, { family: 'pronounChain', size: MB }, MB - 1);
    },
    TIMEOUT,
  );

  it(
    'reported speech nested in one endless sentence: “officials said that sources said that …” (1 MB)',
    async ({ expect }) => {
      await expectSurvives(expect, { family: 'reportedChain', size: MB }, MB - 1);
    },
    TIMEOUT,
  );

  it(
    'dense numbers, money, percentages and dates (1 MB)',
    async ({ expect }) => {
      await expectSurvives(expect, { family: 'numbersAndDates', size: MB }, MB - 1);
    },
    TIMEOUT,
  );

  it(
    'runs of punctuation, dashes and ellipses (1 MB)',
    async ({ expect }) => {
      await expectSurvives(expect, { family: 'punctuationRuns', size: MB }, MB - 1);
    },
    TIMEOUT,
  );

  it(
    'only white space of every kind (1 MB)',
    async ({ expect }) => {
      const r = await expectSurvives(expect, { family: 'whitespaceOnly', size: MB }, MB - 1);
      expect(r.counts?.quotes).toBe(0);
    },
    TIMEOUT,
  );

  it(
    'a million lone surrogates, alternating high and low the wrong way round',
    async ({ expect }) => {
      await expectSurvives(expect, { repeat: '\udc00\ud800', count: MB / 2 }, MB);
    },
    TIMEOUT,
  );

  it(
    '“said” 200,000 times',
    async ({ expect }) => {
      await expectSurvives(expect, { repeat: 'said ', count: 200_000 }, 1_000_000);
    },
    TIMEOUT,
  );

  it(
    '200,000 empty quotations “”',
    async ({ expect }) => {
      await expectSurvives(expect, { repeat: '“” ', count: 200_000 }, 600_000);
    },
    TIMEOUT,
  );

  it(
    'a quotation interrupted 20,000 times (“a,” he said, “b,” he said, …)',
    async ({ expect }) => {
      await expectSurvives(expect, { repeat: 'more,” he said, “', count: 20_000, prefix: '“Start, ' }, 300_000);
    },
    TIMEOUT,
  );
});
