/**
 * The `quotewire` command line: the built `dist/cli.js` spawned on temp files and stdin (formats, batch
 * mode with bad records, exit codes), plus the pieces it is made of (arguments, text table, line reader,
 * record handling, progress line) tested directly.
 */
import { execFileSync, spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import {
  closeSync,
  constants as fsConstants,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RECORD_TIMEOUT, parseArgs, USAGE, UsageError } from '../src/cli/args';
import { readLines, type Line } from '../src/cli/batch';
import { EtaEstimator } from '../src/cli/eta';
import { progressLine } from '../src/cli/progress';
import { notText, readFailure } from '../src/cli/input';
import { processRecord, recordId } from '../src/cli/record';
import { quantityValue } from '../src/cli/text-claims';
import { DEFAULT_COLUMNS, displayWidth, formatText, LEGEND, sanitizeCell, truncate, wrap } from '../src/cli/text';
import { extract } from '../src/index';
import { checkOptions } from '../src/options';
import type { Claim, Extraction, Quantity, Quote } from '../src/types';

const CLI = resolve('dist/cli.js');
const HAVE_CLI = existsSync(CLI);
const CI = Boolean(process.env.CI);
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

if (!HAVE_CLI && !CI) {
  console.warn(`[cli.test] ${CLI} is missing: skipping the command-line tests (npm test builds it; or run npm run build)`);
}

const STORY =
  'Council Approves Budget\n\n' +
  'SPRINGFIELD (AP) — The city council approved a $4 million budget on Tuesday.\n\n' +
  '“This budget puts families first and it will cut waiting times at every clinic in the city by half before the end of next year,” Mayor Jane Doe said.\n\n' +
  'Councillor Bob Roe said the plan was reckless. “We cannot afford it,” he said.\n';

// odd, but text: a bell, CRLF, a lone CR, an escape sequence, an emoji (NUL makes input binary: see 'input that is not text')
const ODD_STORY = '“Odd\u0007 input 😀,” she said.\r\nA line\rwith a lone CR. \u001b[31mred\u001b[0m\r\n';

function emptyResult(): Extraction {
  return {
    schemaVersion: 1,
    document: { headline: null, dateline: null, sections: [], paragraphs: [], sentences: [], boilerplate: [] },
    speakers: [],
    quotes: [],
    claims: [],
  };
}

// ---------------------------------------------------------------------------------------------------------
// The pieces

describe('parseArgs', () => {
  it('reads formats, values and files', () => {
    const o = parseArgs(['-f', 'json', '--published-at=2023-05-02', '--url', 'https://x.test/a', 'a.txt', '-', '--', '--odd-name']);
    expect(o.format).toBe('json');
    expect(o.extract.publishedAt).toEqual({ text: '2023-05-02', year: 2023, month: 5, day: 2 });
    expect(o.extract.url).toBe('https://x.test/a');
    expect(o.files).toEqual(['a.txt', '-', '--odd-name']);
    expect(parseArgs([]).format).toBe('text');
    const b = parseArgs(['--batch', 'in.jsonl', '-j4', '--max-length', '100']);
    expect(b).toMatchObject({ batch: 'in.jsonl', threads: 4, extract: { maxLength: 100 }, format: 'jsonl' });
  });

  it('rejects mistakes with a UsageError', () => {
    for (const argv of [
      ['--nope'],
      ['--format', 'xml'],
      ['--format'],
      ['--threads', '0', '--batch', 'x'],
      ['--threads', 'many', '--batch', 'x'],
      ['--threads', '2'],
      ['--batch', 'x', 'file.txt'],
      ['--batch', 'x', '--format', 'html'],
      ['--max-length', '-5'],
      ['--published-at', 'yesterday'],
      ['--help=yes'],
    ]) {
      expect(() => parseArgs(argv), argv.join(' ')).toThrow(UsageError);
    }
  });

  it('--published-at: an impossible date is a UsageError naming it; a leap day is fine (issue 8)', () => {
    for (const v of ['2023-02-30', '2023-04-31', '2023-02-29', '2023-13-01', '2023-05-02T25:00:00Z']) {
      let err: unknown;
      try {
        parseArgs(['--published-at', v, 'a.txt']);
      } catch (e) {
        err = e;
      }
      expect(err, v).toBeInstanceOf(UsageError);
      expect((err as Error).message).toContain('--published-at');
      expect((err as Error).message).toContain(v);
    }
    expect(parseArgs(['--published-at', '2024-02-29']).extract.publishedAt?.text).toBe('2024-02-29');
    expect(parseArgs(['--published-at=2023-05-02T10:00:00+02:00']).extract.publishedAt).toEqual({
      text: '2023-05-02T10:00:00+02:00',
      year: 2023,
      month: 5,
      day: 2,
    });
  });

  it('--record-timeout: milliseconds for --batch, 0 for no limit, documented (issue 8)', () => {
    expect(parseArgs(['--batch', 'x', '--record-timeout', '1500']).recordTimeout).toBe(1500);
    expect(parseArgs(['--batch', 'x', '--record-timeout=0']).recordTimeout).toBe(0);
    expect(parseArgs(['--batch', 'x']).recordTimeout).toBeUndefined(); // runBatch applies the default
    expect(DEFAULT_RECORD_TIMEOUT).toBe(60_000);
    for (const argv of [
      ['--batch', 'x', '--record-timeout', '-1'],
      ['--batch', 'x', '--record-timeout', '1.5'],
      ['--batch', 'x', '--record-timeout', '10s'],
      ['--batch', 'x', '--record-timeout', '99999999999'],
      ['--batch', 'x', '--record-timeout'],
      ['--record-timeout', '1000', 'story.txt'],
    ]) {
      expect(() => parseArgs(argv), argv.join(' ')).toThrow(UsageError);
    }
    expect(USAGE).toMatch(/--record-timeout MS[\s\S]*default: 60000/);
    expect(readFileSync('README.md', 'utf8')).toContain('--record-timeout');
  });
});

describe('formatText', () => {
  const text = 'x'.repeat(400);
  const q = (id: string, content: string, speakerId: string | null, cue: string | null, kind: Quote['kind'] = 'direct'): Quote => ({
    id,
    kind,
    content: { start: 0, end: content.length, text: content },
    cue: cue ? { span: { start: 0, end: cue.length, text: cue }, lemma: 'say', stance: 'neutral' } : null,
    source: null,
    speakerId,
    paragraph: 0,
    sentence: 0,
    confidence: 1,
  });
  const result: Extraction = {
    ...emptyResult(),
    speakers: [
      { id: 's1', name: 'Jane Doe', kind: 'person', aliases: [], mentions: [] },
      { id: 's2', name: '東京都庁の報道官 and a very long description of someone', kind: 'anonymous', aliases: [], mentions: [] },
    ],
    quotes: [
      q('q1', 'short', 's1', 'said'),
      q('q2', `emoji 😀😀 and CJK 東京 ${text}`, 's2', 'according to', 'indirect'),
      q('q3', 'line\r\nbreaks\u0000 and \u001b[31mescapes\u001b[0m \ud800 lone', null, null, 'partial'),
    ],
  };

  /** The display columns [from, to) of a line (what a terminal shows there), trimmed. */
  const cols = (line: string, from: number, to = Number.POSITIVE_INFINITY): string => {
    let out = '';
    let w = 0;
    for (const ch of line) {
      if (w >= from && w < to) out += ch;
      w += displayWidth(ch);
    }
    return out.trim();
  };
  /** The table's rows: each row's lines, as the speaker, kind, cue and content columns show them. */
  const tableRows = (out: string) => {
    const lines = out.split('\n');
    const h = lines.findIndex((l) => /^SPEAKER\s+KIND\s+CUE\s+CONTENT$/.test(l));
    const at = ['KIND', 'CUE', 'CONTENT'].map((c) => displayWidth(lines[h].slice(0, lines[h].indexOf(c))));
    const rows: { speaker: string[]; kind: string; cue: string[]; content: string[] }[] = [];
    for (const line of lines.slice(h + 1)) {
      if (line === '') break;
      const kind = cols(line, at[0], at[1]);
      if (kind !== '') rows.push({ speaker: [], kind, cue: [], content: [] });
      const row = rows[rows.length - 1];
      row.speaker.push(cols(line, 0, at[0]));
      row.cue.push(cols(line, at[1], at[2]));
      row.content.push(cols(line, at[2]));
    }
    return rows;
  };
  const joined = (cells: string[]): string => cells.filter((c) => c !== '').join(' ');

  it('prints a table: speaker names in full, wrapped; content on two lines or more, cut with "…"; 99 columns by default', () => {
    const out = formatText(result, { name: 'story.txt' });
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toBe('== story.txt · 3 quotes, 2 speakers, 0 claims');
    for (const line of lines) {
      expect(displayWidth(line), line).toBeLessThanOrEqual(DEFAULT_COLUMNS - 1);
      expect(line).not.toMatch(/[\u0000-\u001f\u007f]/);
    }
    const rows = tableRows(out);
    expect(rows.map((r) => r.kind)).toEqual(['direct', 'indirect', 'partial']);
    expect(rows.map((r) => joined(r.speaker))).toEqual([
      'Jane Doe',
      '東京都庁の報道官 and a very long description of someone',
      '(unknown)',
    ]);
    expect(rows[1].speaker.length).toBeGreaterThan(1); // wrapped, not cut
    expect(joined(rows[0].content)).toBe('short');
    expect(joined(rows[1].content)).toMatch(/^emoji 😀😀 and CJK 東京 [x ]+…$/);
    expect(rows[1].content.length).toBe(Math.max(2, rows[1].speaker.length));
    expect(joined(rows[2].content)).toBe('line breaks\ufffd and \ufffd[31mescapes\ufffd[0m \ufffd lone');
    expect(joined(rows[2].cue)).toBe('—');
    // the legend, one line, under the table
    expect(lines.filter((l) => l === LEGEND)).toHaveLength(1);
    expect(displayWidth(LEGEND)).toBeLessThanOrEqual(DEFAULT_COLUMNS - 1);
    for (const word of ['direct:', 'partial:', 'mixed:', 'indirect:', '—:']) expect(LEGEND).toContain(word);
  });

  it('fits a terminal width', () => {
    for (const columns of [40, 80, 120, 200]) {
      const out = formatText(result, { name: 'story.txt', columns });
      const lines = out.trimEnd().split('\n');
      const col = displayWidth(lines.find((l) => l.startsWith('SPEAKER'))!.split('CONTENT')[0]);
      // the content column shrinks to fit, down to 20 columns
      for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(Math.max(columns - 1, col + 20));
      // in full, whatever the width (a word wider than the column is broken where it must be)
      const name = '東京都庁の報道官 and a very long description of someone';
      expect(joined(tableRows(out)[1].speaker).replace(/ /g, '')).toBe(name.replace(/ /g, ''));
      if (columns >= 80) expect(joined(tableRows(out)[1].speaker)).toBe(name);
    }
  });

  it('shows every speaker of the fixture in full, and its most check-worthy claims with their numbers and dates', () => {
    const fixture = extract(readFileSync('fixtures/article.txt', 'utf8'), { publishedAt: '2023-05-02' });
    const out = formatText(fixture, { name: 'article.txt' });
    const names = tableRows(out).map((r) => joined(r.speaker));
    const byId = new Map(fixture.speakers.map((sp) => [sp.id, sp.name]));
    expect(names).toEqual(fixture.quotes.map((q) => (q.speakerId ? byId.get(q.speakerId) : `(${q.source?.text})`)));
    expect(names.some((n) => displayWidth(n) > 28)).toBe(true); // what the old table cut

    const lines = out.trimEnd().split('\n');
    const head = lines.findIndex((l) => l.startsWith('TOP CLAIMS'));
    expect(lines[head]).toBe(`TOP CLAIMS · 5 of ${fixture.claims.length}, most check-worthy first (score 0–1; --format json has all)`);
    const scores = lines.slice(head + 1).flatMap((l) => (/^\d\.\d\d {2}/.test(l) ? [Number(l.slice(0, 4))] : []));
    const best = fixture.claims.map((c) => c.checkworthiness).sort((a, b) => b - a);
    expect(scores).toEqual(best.slice(0, 5).map((x) => Number(x.toFixed(2))));
    const section = lines.slice(head).join('\n');
    const top = [...fixture.claims].sort((a, b) => b.checkworthiness - a.checkworthiness)[0];
    for (const q of top.quantities) expect(section).toContain(`${q.span.text} → ${quantityValue(q)}`);
    for (const d of top.dates) expect(section).toContain(d.value === d.span.text ? d.span.text : `${d.span.text} → ${d.value}`);
    expect(section).toMatch(/dates: April 23 → \d{4}-04-23/);
  });

  it("claims: ties keep story order, the story's own voice is named so, quantities read as understood", () => {
    const claim = (id: string, score: number, speakerId: string | null, quoteId: string | null, more: Partial<Claim> = {}): Claim => ({
      id,
      text: { start: 0, end: 5, text: `claim ${id}` },
      quoteId,
      speakerId,
      types: [],
      checkworthiness: score,
      reasons: [],
      stance: 'asserted',
      negated: false,
      entities: [],
      quantities: [],
      dates: [],
      ...more,
    });
    const q = (text: string, value: number, unit: string | null, extra: Partial<Quantity> = {}): Quantity => ({
      span: { start: 0, end: text.length, text },
      value,
      unit,
      ...extra,
    });
    const claims = [
      claim('c1', 0.2, 's1', 'q1'),
      claim('c2', 0.9, null, null, { quantities: [q('about 300 people', 300, 'people', { qualifier: 'approximate' })] }),
      claim('c3', 0.5, 'zz', 'q2', { dates: [{ span: { start: 0, end: 9, text: 'last week' }, value: null, precision: 'week' }] }),
      claim('c4', 0.5, 's1', 'q3', { quantities: [q('5 to 10 percent', 5, '%', { qualifier: 'range', high: 10 })] }),
      ...['c5', 'c6', 'c7'].map((id) => claim(id, 0.1, 's1', 'q1')),
    ];
    const lines = formatText({ ...result, claims })
      .trimEnd()
      .split('\n');
    const head = lines.findIndex((l) => l.startsWith('TOP CLAIMS'));
    expect(lines.slice(head)).toEqual([
      'TOP CLAIMS · 5 of 7, most check-worthy first (score 0–1; --format json has all)',
      '0.90  (the story): claim c2',
      '      numbers: about 300 people → ≈ 300 people',
      '0.50  (unresolved): claim c3',
      '      dates: last week → ?',
      '0.50  Jane Doe: claim c4',
      '      numbers: 5 to 10 percent → 5–10%',
      '0.20  Jane Doe: claim c1',
      '0.10  Jane Doe: claim c5',
    ]);
    // no claims, no section
    expect(formatText(result)).not.toContain('TOP CLAIMS');
  });

  it('wraps at spaces, breaks only words too wide, cuts with "…", never splits a character', () => {
    expect(wrap('the quick brown fox jumps', 10)).toEqual(['the quick', 'brown fox', 'jumps']);
    expect(wrap('the quick brown fox jumps', 10, 2)).toEqual(['the quick', 'brown …']);
    expect(wrap('abcdefghijklmnop', 5)).toEqual(['abcde', 'fghij', 'klmno', 'p']);
    expect(wrap('😀😀😀😀😀', 3)).toEqual(['😀', '😀', '😀', '😀', '😀']);
    expect(wrap('東京 東京都庁', 4)).toEqual(['東京', '東京', '都庁']);
    expect(wrap('', 10)).toEqual([]);
    expect(wrap('word', 0)).toEqual([]);
    const long = 'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor '.repeat(5).trim();
    for (const width of [7, 13, 30]) {
      const lines = wrap(long, width);
      for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(width);
      // nothing lost: at 7 columns "consectetur" and "adipiscing" are broken, elsewhere only spaces become line ends
      if (width === 7) expect(lines.join('').replace(/ /g, '')).toBe(long.replace(/ /g, ''));
      else expect(lines.join(' ')).toBe(long);
      const cut = wrap(long, width, 3);
      expect(cut).toHaveLength(3);
      expect(cut[2].endsWith('…')).toBe(true);
      for (const l of cut) expect(displayWidth(l)).toBeLessThanOrEqual(width);
    }
  });

  it('says so when there are no quotes, and survives malformed results', () => {
    expect(formatText(emptyResult())).toContain('(no quotes found)');
    expect(() => formatText({} as Extraction)).not.toThrow();
    expect(() => formatText({ ...emptyResult(), quotes: [null as unknown as Quote] })).not.toThrow();
  });

  it('sanitizes and truncates without splitting characters', () => {
    expect(sanitizeCell('a\r\n\tb\u0000c\u001bd\u202ee')).toBe('a b\ufffdc\ufffdd\ufffde');
    expect(truncate('😀😀😀', 4)).toBe('😀…');
    expect(truncate('abc', 3)).toBe('abc');
    expect(truncate('abcd', 3)).toBe('ab…');
  });
});

async function collect(chunks: (string | Buffer)[], maxBytes = 1 << 20): Promise<Line[]> {
  const lines: Line[] = [];
  for await (const l of readLines(Readable.from(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c))), maxBytes)) lines.push(l);
  return lines;
}

describe('readLines', () => {
  it('splits LF and CRLF across chunk boundaries, drops a BOM, keeps blank lines', async () => {
    const lines = await collect(['\ufeff{"a"', ':1}\r', '\n\n{"b":2}\n{"c":', '3}']);
    expect(lines.map((l) => [l.lineNo, l.text])).toEqual([
      [1, '{"a":1}'],
      [2, ''],
      [3, '{"b":2}'],
      [4, '{"c":3}'],
    ]);
    expect(lines.reduce((n, l) => n + l.bytes, 0)).toBe(Buffer.byteLength('\ufeff{"a":1}\r\n\n{"b":2}\n{"c":3}'));
  });

  it('decodes UTF-8 split across chunks', async () => {
    const buf = Buffer.from('{"t":"😀é"}\n');
    const lines = await collect([buf.subarray(0, 7), buf.subarray(7, 9), buf.subarray(9)]);
    expect(lines[0].text).toBe('{"t":"😀é"}');
  });

  it('skips over a line too long to hold', async () => {
    const lines = await collect(['short\n', 'x'.repeat(50), 'y'.repeat(50), '\nafter\n'], 64);
    expect(lines.map((l) => l.text)).toEqual(['short', null, 'after']);
    expect(lines[1].bytes).toBe(101);
  });

  it('gives nothing for an empty input, and no phantom last line', async () => {
    expect(await collect([])).toEqual([]);
    expect((await collect(['a\n'])).length).toBe(1);
  });
});

describe('processRecord', () => {
  const ok = () => emptyResult();
  const run = (line: string, extract = ok, maxLength?: number) =>
    processRecord(
      { line, lineNo: 7, options: { format: 'jsonl', ...(maxLength ? { defaults: checkOptions({ maxLength }) } : {}) } },
      extract,
    );

  it('answers every kind of bad line with an error record', () => {
    const cases: [string, unknown][] = [
      ['not json', null],
      ['', null],
      ['[1]', null],
      ['"text"', null],
      ['{"id":"a"}', 'a'],
      ['{"id":"b","text":null}', 'b'],
      ['{"id":2,"text":{"x":1}}', 2],
      ['{"id":"u","text":"x","url":5}', 'u'],
    ];
    for (const [line, id] of cases) {
      const r = run(line);
      expect(r.ok, line).toBe(false);
      const rec = JSON.parse(r.out);
      expect(rec.id).toEqual(id);
      expect(rec.line).toBe(7);
      expect(typeof rec.error).toBe('string');
    }
  });

  it('turns a throwing extractor into an error record with the id', () => {
    const r = run('{"id":"t","text":"hello"}', () => {
      throw new RangeError('too long');
    });
    expect(JSON.parse(r.out)).toEqual({ id: 't', error: 'RangeError: too long', line: 7 });
    expect(JSON.parse(run('{"id":"m","text":"hello world"}', ok, 5).out).error).toMatch(/^RangeError/);
  });

  it('a record with an impossible publishedAt is an error record naming the value (issue 8)', () => {
    let called = false;
    for (const v of ['2023-02-30', '2023-04-31', '2023-02-29', '2023-00-10']) {
      const r = processRecord(
        { line: JSON.stringify({ id: 'd', text: 'hi', publishedAt: v }), lineNo: 3, options: { format: 'jsonl' } },
        () => {
          called = true;
          return emptyResult();
        },
      );
      expect(r.ok, v).toBe(false);
      const rec = JSON.parse(r.out);
      expect(rec).toMatchObject({ id: 'd', line: 3 });
      expect(rec.error).toMatch(/^RangeError: "publishedAt"/);
      expect(rec.error).toContain(v);
    }
    expect(called).toBe(false);
    expect(
      processRecord({ line: '{"id":"l","text":"hi","publishedAt":"2024-02-29"}', lineNo: 1, options: { format: 'jsonl' } }, ok).ok,
    ).toBe(true);
  });

  it('passes the record options through', () => {
    let seen: unknown;
    const r = processRecord(
      {
        line: '{"id":1,"text":"\ufeffhi","url":"https://a.test"}',
        lineNo: 1,
        options: { format: 'jsonl', defaults: checkOptions({ publishedAt: '2020-01-01', maxLength: 50 }) },
      },
      (text, options) => {
        seen = { text, options };
        return emptyResult();
      },
    );
    expect(r.ok).toBe(true);
    expect(seen).toEqual({
      text: 'hi',
      options: { publishedAt: { text: '2020-01-01', year: 2020, month: 1, day: 1 }, url: 'https://a.test', maxLength: 50 },
    });
    expect(JSON.parse(r.out)).toEqual({ id: 1, result: emptyResult() });
  });
});

describe('one options parser: the same bad value, the same error from extract(), the flag and a batch record (issue 9)', () => {
  const thrown = (fn: () => unknown): Error => {
    try {
      fn();
    } catch (e) {
      return e as Error;
    }
    throw new Error('did not throw');
  };
  /** The error of a batch record carrying `value` as its `field`. */
  const recordError = (field: string, value: unknown): string => {
    const r = processRecord(
      { line: JSON.stringify({ id: 'r', text: 'hi', [field]: value }), lineNo: 1, options: { format: 'jsonl' } },
      () => emptyResult(),
    );
    expect(r.ok).toBe(false);
    return JSON.parse(r.out).error as string;
  };
  /** The API's error for `value`, and the words after the option's name, which every door shares. */
  const apiError = (field: string, value: unknown) => {
    const e = thrown(() => extract('He said “hi.”', { [field]: value }));
    const name = `quotewire: options.${field} `;
    expect(e.message.startsWith(name), e.message).toBe(true);
    return { e, words: e.message.slice(name.length) };
  };

  const BAD_DATES: [string, typeof RangeError][] = [
    ['2023-02-30', RangeError],
    ['2023-04-31T10:00:00Z', RangeError],
    ['2023-13-01', RangeError],
    ['2023-05-02T25:00', RangeError],
    ['2023-05-02T10:00+24:00', RangeError],
    ['yesterday', RangeError],
    ['', RangeError],
  ];
  it.each(BAD_DATES)('publishedAt %j', (value, Class) => {
    const { e, words } = apiError('publishedAt', value);
    expect(e).toBeInstanceOf(Class);
    const flag = thrown(() => parseArgs(['--published-at', value, 'a.txt']));
    expect(flag).toBeInstanceOf(UsageError);
    expect(flag.message).toBe(`--published-at ${words}`);
    expect(flag.cause).toBeInstanceOf(Class);
    expect(recordError('publishedAt', value)).toBe(`${Class.name}: "publishedAt" ${words}`);
  });

  it.each<[string, unknown]>([
    ['publishedAt', 20230502],
    ['publishedAt', true],
    ['publishedAt', ['2023-05-02']],
    ['publishedAt', { y: 2023 }],
    ['url', 42],
    ['url', false],
    ['url', ['https://a.test']],
  ])('%s %j (no string: the command line cannot give one)', (field, value) => {
    const { e, words } = apiError(field, value);
    expect(e).toBeInstanceOf(TypeError);
    expect(recordError(field, value)).toBe(`TypeError: "${field}" ${words}`);
  });

  it.each<[string, number | string, typeof TypeError | typeof RangeError]>([
    ['-5', -5, RangeError],
    ['1.5', 1.5, TypeError],
    ['ten', 'ten', TypeError],
  ])('maxLength: --max-length %s and options.maxLength %j', (flagValue, apiValue, Class) => {
    const { e, words } = apiError('maxLength', apiValue);
    expect(e).toBeInstanceOf(Class);
    const flag = thrown(() => parseArgs(['--max-length', flagValue, 'a.txt']));
    expect(flag).toBeInstanceOf(UsageError);
    expect(flag.message).toBe(`--max-length ${words}`);
    expect(flag.cause).toBeInstanceOf(Class);
  });

  it('a good value is parsed into the same object from every door', () => {
    const api = checkOptions({ publishedAt: '2024-02-29T23:30:00-05:00', url: 'https://news.test/a', maxLength: 0 });
    const flags = parseArgs(['--published-at', '2024-02-29T23:30:00-05:00', '--url', 'https://news.test/a', '--max-length', '0']).extract;
    expect(flags).toEqual(api);
    expect(api.publishedAt).toEqual({ text: '2024-02-29T23:30:00-05:00', year: 2024, month: 2, day: 29 });
    let seen: unknown;
    processRecord(
      {
        line: JSON.stringify({ id: 1, text: '', publishedAt: '2024-02-29T23:30:00-05:00', url: 'https://news.test/a' }),
        lineNo: 1,
        options: { format: 'jsonl', defaults: checkOptions({ maxLength: 0 }) },
      },
      (_t, o) => {
        seen = o;
        return emptyResult();
      },
    );
    expect(seen).toEqual(api);
  });

  it("a record's null or missing field takes the command line's value; an empty url is no url", () => {
    const defaults = parseArgs(['--batch', 'x', '--published-at', '2023-05-02', '--url', 'https://news.test/d']).extract;
    const seen: unknown[] = [];
    const grab = (_t: string, o: unknown) => {
      seen.push(o);
      return emptyResult();
    };
    for (const line of ['{"id":1,"text":"a"}', '{"id":2,"text":"a","publishedAt":null,"url":null}', '{"id":3,"text":"a","url":""}']) {
      expect(processRecord({ line, lineNo: 1, options: { format: 'jsonl', defaults } }, grab).ok).toBe(true);
    }
    expect(seen[0]).toEqual(defaults);
    expect(seen[1]).toEqual(defaults);
    expect(seen[2]).toEqual({ ...defaults, url: null });
  });
});

describe('recordId', () => {
  it('reads the id of a record line as processRecord does, null for anything else', () => {
    expect(recordId('{"id":"a","text":"x"}')).toBe('a');
    expect(recordId('{"text":"x","id":{"n":[1,2]}}')).toEqual({ n: [1, 2] });
    expect(recordId('{"id":1,"id":2}')).toBe(2);
    expect(recordId('{"text":"x"}')).toBeUndefined(); // errorRecord prints it as null
    for (const line of ['', 'not json', '[1]', '"a"', 'null', '{"id":"cut']) expect(recordId(line), line).toBeNull();
  });
});

describe('input the command line cannot use (issue 13)', () => {
  const errno = (code: string, message: string) => Object.assign(new Error(message), { code });

  it('says why a file cannot be read in words, without errno codes', () => {
    expect(readFailure(errno('ENOENT', "ENOENT: no such file or directory, open 'x.txt'"))).toBe('no such file');
    expect(readFailure(errno('EISDIR', 'EISDIR: illegal operation on a directory, read'))).toBe('is a directory');
    expect(readFailure(errno('EACCES', "EACCES: permission denied, open 'x.txt'"))).toBe('permission denied');
    expect(readFailure(errno('ENOTDIR', "ENOTDIR: not a directory, open 'a/b'"))).toBe('a part of the path is not a directory');
    // a code without words of its own keeps Node's words, less the code and the syscall
    expect(readFailure(errno('EIO', "EIO: i/o error, read 'x'"))).toBe('i/o error');
    expect(readFailure(errno('EIO', 'EIO: i/o error, read'))).toBe('i/o error');
    expect(readFailure(errno('EBUSY', "EBUSY: resource busy or locked, open 'a, b'"))).toBe('resource busy or locked');
    expect(readFailure(new Error('standard input was already read'))).toBe('standard input was already read');
  });

  it('takes NUL, or a tenth of invalid UTF-8 and control characters, for binary; odd text stays text', () => {
    expect(notText('a\u0000b')).toBe('it holds NUL characters');
    expect(notText(readFileSync(process.execPath).subarray(0, 4096).toString('utf8'))).toBe('it holds NUL characters');
    const random = Buffer.from(Array.from({ length: 1000 }, (_, i) => 128 + ((i * 37) % 128))).toString('utf8');
    expect(notText(random)).toMatch(/^\d+% of it is invalid UTF-8 or control characters$/);
    expect(notText('\u0001\u0002\u0003 abcd')).toMatch(/^38% of it/); // 3 of 8
    // text: a Latin-1 "é" read as UTF-8, an escape sequence, tabs and line ends of every kind, emoji, nothing at all
    expect(notText(Buffer.from('Caf\xe9 au lait, she said.', 'latin1').toString('utf8'))).toBeNull();
    expect(notText(ODD_STORY)).toBeNull();
    expect(notText('a\tb\r\nc\fd\ve \u001b[0m 😀')).toBeNull();
    expect(notText('')).toBeNull();
    expect(notText(STORY)).toBeNull();
  });

  it('--batch: a record whose text is binary is an error record with its id', () => {
    const never = (): Extraction => {
      throw new Error('must not be called');
    };
    const out = processRecord(
      { line: JSON.stringify({ id: 'bin', text: '\u007fELF\u0002\u0001\u0001\u0000\u0000' }), lineNo: 4, options: { format: 'jsonl' } },
      never,
    );
    expect(out.ok).toBe(false);
    expect(JSON.parse(out.out)).toEqual({
      id: 'bin',
      error: '"text" is not text: it holds NUL characters (quotewire reads UTF-8 text)',
      line: 4,
    });
  });
});

describe('progressLine', () => {
  it('shows records, rate and, with a known size, percentage and ETA', () => {
    expect(progressLine({ records: 1200, failed: 0, bytes: 0 }, 10, 80)).toBe('1,200 records  120/s');
    expect(progressLine({ records: 3, failed: 0, bytes: 0 }, 2, 80)).toBe('3 records  1.5/s');
    const line = progressLine({ records: 50, failed: 2, bytes: 250, totalBytes: 1000 }, 5, 100);
    expect(line).toMatch(/^\[#+\.+\] 50 records {2}10\/s {2}2 failed {2}25\.0% {2}ETA 15s$/);
    expect(progressLine({ records: 50, failed: 0, bytes: 250, totalBytes: 1000 }, 5, 20).length).toBeLessThan(20);
  });
});

describe('EtaEstimator (issue 13: the first ETA was 2 m 27 s at 1.8 %)', () => {
  /**
   * A simulated batch drawn every 0.1 s: `startup` seconds of model loading with nothing done, then `rate`
   * bytes a second written in bursts every half second (records wait for the ones before them).
   */
  function simulate(total: number, startup: number, rateAt: (t: number) => number) {
    const eta = new EtaEstimator();
    const draws: { t: number; done: number; estimate: number | null; truth: number; naive: number }[] = [];
    let done = 0;
    let pending = 0;
    for (let i = 1; done < total; i++) {
      const t = i / 10;
      if (t > startup) pending += rateAt(t) / 10;
      if (i % 5 === 0) {
        done = Math.min(total, done + Math.round(pending));
        pending = 0;
      }
      eta.update(t, done);
      // the true time left, at the rate of the moment
      const truth = (total - done) / rateAt(t);
      draws.push({ t, done, estimate: eta.remaining(total), truth, naive: done > 0 ? ((total - done) * t) / done : Number.NaN });
    }
    return draws;
  }

  it('gives no estimate until a few seconds of progress are seen; then one within 20 % of the truth', () => {
    const draws = simulate(60_000, 5, () => 1000);
    const first = draws.findIndex((d) => d.estimate !== null);
    expect(draws[first].t).toBeGreaterThanOrEqual(5 + 3);
    for (const d of draws.slice(0, first)) expect(d.estimate).toBeNull();
    for (const d of draws.slice(first)) {
      expect(Math.abs(d.estimate! - d.truth), `t=${d.t}`).toBeLessThanOrEqual(0.2 * d.truth + 1);
    }
    // the average since the start, what the bar showed before: wild while the startup weighs on it
    const early = draws.find((d) => d.done / 60_000 >= 0.018)!;
    expect(early.naive / early.truth).toBeGreaterThan(2);
    expect(draws.at(-1)!.estimate).toBe(0);
  });

  it('follows a change of pace within about two time constants', () => {
    const draws = simulate(100_000, 2, (t) => (t < 30 ? 2000 : 1000));
    const later = draws.filter((d) => d.t >= 55 && d.truth > 5);
    expect(later.length).toBeGreaterThan(0);
    for (const d of later) expect(Math.abs(d.estimate! - d.truth), `t=${d.t}`).toBeLessThanOrEqual(0.2 * d.truth + 1);
  });

  it('says "ETA …" on the bar while there is no estimate', () => {
    expect(progressLine({ records: 3, failed: 0, bytes: 20, totalBytes: 1000 }, 1, 100, null)).toMatch(/ 2\.0% {2}ETA …$/);
    expect(progressLine({ records: 3, failed: 0, bytes: 20, totalBytes: 1000 }, 1, 100, 75)).toMatch(/ETA 1m15s$/);
  });
});

// ---------------------------------------------------------------------------------------------------------
// The built command

describe.skipIf(!HAVE_CLI && !CI)('quotewire (dist/cli.js)', () => {
  let dir: string;
  let story: string;
  let story2: string;
  const run = (args: string[], input?: string, env: Record<string, string> = {}): SpawnSyncReturns<string> =>
    spawnSync(process.execPath, [CLI, ...args], {
      input,
      encoding: 'utf8',
      timeout: 120_000,
      maxBuffer: 256 << 20,
      env: { ...process.env, FORCE_COLOR: '0', ...env },
    });

  let storyJsonCache: Extraction | null = null;
  /** `quotewire -f json story.txt`, run once. */
  const storyJson = (): Extraction => (storyJsonCache ??= JSON.parse(run(['-f', 'json', story]).stdout) as Extraction);

  beforeAll(() => {
    if (!HAVE_CLI) throw new Error(`${CLI} is missing: CI must build before testing (npm run build)`);
    dir = mkdtempSync(join(tmpdir(), 'quotewire-cli-'));
    story = join(dir, 'story.txt');
    story2 = join(dir, 'odd.txt');
    writeFileSync(story, STORY);
    writeFileSync(story2, ODD_STORY);
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('is an executable with a shebang', () => {
    expect(readFileSync(CLI, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(statSync(CLI).mode & 0o111).not.toBe(0);
  });

  it('--help, --version, usage errors', { timeout: 60_000 }, () => {
    const help = run(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: quotewire [options] [file ...]');
    expect(help.stdout).toContain('--batch FILE');
    const version = run(['--version']);
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toBe(`quotewire ${pkg.version}`);
    for (const args of [['--bogus'], ['--format', 'xml', story], ['--batch', story, '--threads', '0'], ['--batch', story, story]]) {
      const r = run(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^quotewire: .+\nTry 'quotewire --help'/);
    }
  });

  it('--format text prints a table per story', { timeout: 60_000 }, () => {
    const r = run([story, story2]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = r.stdout;
    expect(out).toMatch(new RegExp(`^== ${story.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} · \\d+ quotes?, \\d+ speakers?, \\d+ claims?\\n`));
    expect(out).toContain(`== ${story2} · `);
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/); // nothing but newlines as control characters
    // not a terminal: laid out for 100 columns
    for (const line of out.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(DEFAULT_COLUMNS - 1);
    const json = storyJson();
    expect(out.includes('\nTOP CLAIMS · ')).toBe(json.claims.length > 0);
    if (json.quotes.length > 0) {
      expect(out).toMatch(/^SPEAKER\s+KIND\s+CUE\s+CONTENT$/m);
      expect(out).toContain(`\n${LEGEND}\n`);
      expect(out.split('\n').filter((l) => /^\S.*\s(direct|partial|mixed|indirect)\s/.test(l)).length).toBeGreaterThanOrEqual(
        json.quotes.length,
      );
    } else {
      expect(out).toContain('(no quotes found)');
    }
  });

  it('--format json prints the Extraction, pretty; several files give an array', { timeout: 60_000 }, () => {
    const r = run(['--format', 'json', '--published-at', '2023-05-02', '--url', 'https://news.test/a', story]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^\{\n {2}"schemaVersion": 1,/);
    const result = JSON.parse(r.stdout) as Extraction;
    expect(result.schemaVersion).toBe(1);
    for (const key of ['document', 'speakers', 'quotes', 'claims'] as const) expect(result[key]).toBeDefined();
    expect(result.url).toBe('https://news.test/a'); // --url is carried into the result (issue 9)
    for (const q of result.quotes) expect(STORY.slice(q.content.start, q.content.end)).toBe(q.content.text);
    const both = JSON.parse(
      run(['-f', 'json', '--published-at', '2023-05-02', '--url', 'https://news.test/a', story, story2]).stdout,
    ) as Extraction[];
    expect(both).toHaveLength(2);
    expect(both[0]).toEqual(result);
  });

  it('--format jsonl prints one line per story', { timeout: 60_000 }, () => {
    const r = run(['--format', 'jsonl', story, story2, story]);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    const parsed = lines.map((l) => JSON.parse(l) as Extraction);
    for (const p of parsed) expect(p.schemaVersion).toBe(1);
    for (const p of parsed) expect('url' in p).toBe(false); // no --url, no url
    expect(lines[0]).toBe(lines[2]);
    // spans index the text as read: CRLF, control characters and emoji kept
    for (const q of parsed[1].quotes) expect(ODD_STORY.slice(q.content.start, q.content.end)).toBe(q.content.text);
  });

  it('--format annotations and jsonld go through the export helpers', { timeout: 60_000 }, () => {
    const quotes = storyJson().quotes;
    const ann = run(['-f', 'annotations', story]);
    expect(ann.stderr).toBe('');
    expect(ann.status).toBe(0);
    const annotations = JSON.parse(ann.stdout) as { '@context': string; type: string; target: { source: string } }[];
    expect(Array.isArray(annotations)).toBe(true);
    expect(annotations.length).toBeGreaterThanOrEqual(quotes.length);
    for (const a of annotations) {
      expect(a['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
      expect(a.type).toBe('Annotation');
      expect(a.target.source).toBe(pathToFileURL(story).href);
    }
    const withUrl = JSON.parse(run(['-f', 'annotations', '--url', 'https://news.test/a', story]).stdout) as typeof annotations;
    for (const a of withUrl) expect(a.target.source).toBe('https://news.test/a');

    const ld = run(['-f', 'jsonld', '--url', 'https://news.test/a', '--published-at', '2023-05-02', story]);
    expect(ld.stderr).toBe('');
    expect(ld.status).toBe(0);
    const claims = JSON.parse(ld.stdout) as { '@type': string; appearance: { url: string; datePublished?: string } }[];
    expect(Array.isArray(claims)).toBe(true);
    for (const c of claims) {
      expect(c['@type']).toBe('Claim');
      expect(c.appearance).toMatchObject({ url: 'https://news.test/a', datePublished: '2023-05-02' });
    }
    // several files: an array per file
    const two = JSON.parse(run(['-f', 'jsonld', story, story2]).stdout) as unknown[];
    expect(two).toHaveLength(2);
    expect(two.every(Array.isArray)).toBe(true);
  });

  it('reads stdin when there is no file, or for "-"', { timeout: 60_000 }, () => {
    const fromFile = run(['-f', 'jsonl', story]).stdout;
    const a = run(['-f', 'jsonl'], STORY);
    expect(a.status).toBe(0);
    expect(a.stdout).toBe(fromFile);
    const b = run(['-f', 'jsonl', '-'], STORY);
    expect(b.stdout).toBe(fromFile);
    const text = run([], STORY);
    expect(text.status).toBe(0);
    expect(text.stdout.startsWith('== (stdin) · ')).toBe(true);
    const html = run(['-f', 'html'], ODD_STORY);
    expect(html.status).toBe(0);
    expect(html.stdout.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html.stdout).not.toContain('\u0000');
  });

  it('a missing file is reported in words, the others still processed, exit 2', { timeout: 60_000 }, () => {
    const nope = join(dir, 'nope.txt');
    const r = run(['-f', 'jsonl', nope, story]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`quotewire: cannot read ${nope}: no such file\n`);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
  });

  it('a directory is reported as one, exit 2, in story and in batch mode alike (issue 13)', { timeout: 60_000 }, () => {
    const r = run([dir]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`quotewire: cannot read ${dir}: is a directory\n`);
    const batch = run(['--batch', dir]);
    expect(batch.status).toBe(2);
    expect(batch.stderr).toBe(`quotewire: cannot read ${dir}: is a directory\n`);
  });

  it('refuses input that is not text, exit 2: a binary file, bytes that are not UTF-8, binary on stdin (issue 13)', {
    timeout: 60_000,
  }, () => {
    const binary = join(dir, 'program.bin');
    writeFileSync(binary, readFileSync(process.execPath).subarray(0, 65_536)); // an executable, as `quotewire /usr/bin/ls`
    const r = run([binary, story]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`quotewire: ${binary} is not text: it holds NUL characters (quotewire reads UTF-8 text)\n`);
    // the text story after it is still read
    expect(r.stdout).toMatch(/^== .*story\.txt · \d+ quotes?/);
    expect(r.stdout).not.toContain('program.bin');

    const latin = join(dir, 'noise.bin');
    writeFileSync(latin, Buffer.from(Array.from({ length: 4000 }, (_, i) => 128 + ((i * 31) % 128))));
    const noise = run(['-f', 'json', latin]);
    expect(noise.status).toBe(2);
    expect(noise.stdout).toBe('');
    expect(noise.stderr).toMatch(
      /^quotewire: .*noise\.bin is not text: \d+% of it is invalid UTF-8 or control characters \(quotewire reads UTF-8 text\)\n$/,
    );

    const stdin = spawnSync(process.execPath, [CLI], { input: Buffer.from('\u0000\u0001binary\u0000') });
    expect(stdin.status).toBe(2);
    expect(stdin.stderr.toString()).toBe('quotewire: (stdin) is not text: it holds NUL characters (quotewire reads UTF-8 text)\n');
  });

  it('--batch: a record whose text is binary becomes an error record and the run goes on (issue 13)', { timeout: 120_000 }, () => {
    const exe = readFileSync(process.execPath).subarray(0, 2048).toString('latin1');
    const lines = [
      JSON.stringify({ id: 'a', text: STORY }),
      JSON.stringify({ id: 'exe', text: exe }),
      JSON.stringify({ id: 'c', text: STORY }),
    ];
    const r = run(['--batch', '-', '--threads', '1'], lines.join('\n') + '\n');
    expect(r.status).toBe(1);
    const out = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; error?: string; result?: unknown; line?: number });
    expect(out.map((o) => [o.id, o.error === undefined])).toEqual([
      ['a', true],
      ['exe', false],
      ['c', true],
    ]);
    expect(out[1]).toEqual({ id: 'exe', error: '"text" is not text: it holds NUL characters (quotewire reads UTF-8 text)', line: 2 });
  });

  it('--published-at and --max-length refuse a bad value in the words of extract(), as usage errors (issue 9)', { timeout: 60_000 }, () => {
    const cases: [string[], string, unknown][] = [
      [['--published-at', '2023-02-30', story], 'publishedAt', '2023-02-30'],
      [['--published-at=yesterday', story], 'publishedAt', 'yesterday'],
      [['--max-length', '-5', story], 'maxLength', -5],
      [['--max-length=1.5', story], 'maxLength', 1.5],
    ];
    for (const [args, field, value] of cases) {
      let api: Error | undefined;
      try {
        extract('', { [field]: value });
      } catch (e) {
        api = e as Error;
      }
      const words = api!.message.replace(`quotewire: options.${field} `, '');
      const r = run(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr.split('\n')[0]).toBe(`quotewire: ${args[0].replace(/=.*/, '')} ${words}`);
    }
    // 0 is a limit, as in the API: every story but an empty one is refused
    const zero = run(['--max-length', '0', story]);
    expect(zero.status).toBe(1);
    expect(zero.stderr).toMatch(/RangeError: text is \d+ UTF-16 code units long, over the maximum of 0/);
  });

  it('--max-length refuses a long story with exit 1', { timeout: 60_000 }, () => {
    const r = run(['--max-length', '20', story]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/RangeError/);
  });

  describe('--batch', () => {
    const good = (id: string, text: string, more: object = {}) => JSON.stringify({ id, text, ...more });
    const big = 'word '.repeat(200); // 1,000 characters, over --max-length 600
    const input = [
      good('a', STORY, { publishedAt: '2023-05-02', url: 'https://news.test/a' }),
      'this is not JSON',
      JSON.stringify({ id: 'no-text' }),
      JSON.stringify({ id: 'number-text', text: 42 }),
      good('too-long', big),
      good('b', ODD_STORY),
      '',
      '{"id": "truncated", "text": "oops',
      good('c', 'Short. “Fine,” he said.'),
    ];
    const expected: { id: unknown; ok: boolean }[] = [
      { id: 'a', ok: true },
      { id: null, ok: false },
      { id: 'no-text', ok: false },
      { id: 'number-text', ok: false },
      { id: 'too-long', ok: false },
      { id: 'b', ok: true },
      { id: null, ok: false },
      { id: null, ok: false },
      { id: 'c', ok: true },
    ];

    function check(stdout: string): Record<string, unknown>[] {
      const lines = stdout.trimEnd().split('\n');
      expect(lines).toHaveLength(input.length);
      const recs = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
      recs.forEach((rec, i) => {
        expect(rec.id, `line ${i + 1}`).toEqual(expected[i].id);
        if (expected[i].ok) {
          expect(rec.error, `line ${i + 1}: ${String(rec.error)}`).toBeUndefined();
          expect((rec.result as Extraction).schemaVersion).toBe(1);
        } else {
          expect(typeof rec.error, `line ${i + 1}`).toBe('string');
          expect(rec.line).toBe(i + 1);
          expect(rec.result).toBeUndefined();
        }
      });
      expect(String(recs[4].error)).toMatch(/^RangeError/);
      return recs;
    }

    it('answers every line, in order, errors as records, exit 1', { timeout: 120_000 }, () => {
      const file = join(dir, 'in.jsonl');
      writeFileSync(file, input.join('\n') + '\n');
      const r = run(['--batch', file, '--max-length', '600']);
      expect(r.stderr).toBe(''); // stderr is not a terminal: no progress bar
      expect(r.status).toBe(1);
      const recs = check(r.stdout);
      // the same story gives the same result as the single-story command
      const single = JSON.parse(run(['-f', 'json', '--published-at', '2023-05-02', '--url', 'https://news.test/a', story]).stdout);
      expect(recs[0].result).toEqual(single);
    });

    it('reads stdin with --batch -, CRLF line ends, one thread or many: same output', { timeout: 120_000 }, () => {
      const file = join(dir, 'in.jsonl');
      writeFileSync(file, input.join('\n') + '\n');
      const many = run(['--batch', file, '--max-length', '600', '--threads', '3']);
      const one = run(['--batch', '-', '--max-length', '600', '-j', '1'], input.join('\r\n'));
      expect(one.status).toBe(1);
      check(one.stdout);
      expect(one.stdout).toBe(many.stdout);
    });

    it('exits 0 when every record is good, in input order over many records', { timeout: 120_000 }, () => {
      const n = 60;
      const lines = Array.from({ length: n }, (_, i) => good(`r${i}`, i % 3 ? `Story ${i}. “Number ${i},” said Ann Lee.` : STORY));
      const file = join(dir, 'good.jsonl');
      writeFileSync(file, lines.join('\n'));
      const r = run(['--batch', file, '--threads', '2']);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const out = r.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as { id: string; result: Extraction });
      expect(out.map((o) => o.id)).toEqual(lines.map((_, i) => `r${i}`));
      for (const o of out) expect(o.result.schemaVersion).toBe(1);
    });

    it('--format annotations in batch mode gives the export as each result', { timeout: 60_000 }, () => {
      const r = run(
        ['--batch', '-', '-f', 'annotations'],
        [good('x', STORY, { url: 'https://news.test/x' }), good('y', STORY), 'bad'].join('\n'),
      );
      expect(r.status).toBe(1);
      const [x, y, bad] = r.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(Array.isArray(x.result)).toBe(true);
      for (const a of x.result) expect(a.target.source).toBe('https://news.test/x');
      for (const a of y.result) expect(a.target.source).toBe('urn:quotewire:record:y');
      expect(bad).toMatchObject({ id: null, line: 3 });
    });

    it('impossible dates: a usage error for --published-at, an error record for a record (issue 8)', { timeout: 60_000 }, () => {
      for (const args of [
        ['--published-at', '2023-02-30', story],
        ['--batch', '-', '--published-at=2023-04-31'],
      ]) {
        const r = run(args, '');
        expect(r.status, args.join(' ')).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr).toMatch(/^quotewire: --published-at .*"2023-0[24]-3[01]".*\nTry 'quotewire --help'/);
      }
      const lines = [good('x', STORY, { publishedAt: '2023-02-29' }), good('y', STORY, { publishedAt: '2024-02-29' }), good('z', STORY)];
      const r = run(['--batch', '-', '--published-at', '2023-06-30'], lines.join('\n'));
      expect(r.status).toBe(1);
      const [x, y, z] = r.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(x).toMatchObject({ id: 'x', line: 1 });
      expect(x.error).toContain('"2023-02-29"');
      expect(x.error).toMatch(/publishedAt/);
      expect(y.result.schemaVersion).toBe(1);
      expect(z.result.schemaVersion).toBe(1);
    });

    // The worker's test-only hooks (src/cli/worker.ts): a record whose text holds the marker spins for 30 s, or
    // ends its worker thread, as a pathological story or an out-of-memory crash would.
    const SLOW = 'QW-TEST-SLOW-RECORD';
    const CRASH = 'QW-TEST-CRASH-RECORD';

    it('--record-timeout: a record over budget is an error record, its worker replaced, the rest whole and in order (issue 8)', {
      timeout: 120_000,
    }, () => {
      const ids = ['a', 'b', 'slow', 'c', 'd', 'e'];
      const lines = ids.map((id, i) => good(id, `${id === 'slow' ? `${SLOW} ` : ''}Story ${i}. “Number ${i},” said Ann Lee.`));
      const expectedResult = JSON.parse(run(['--batch', '-'], good('c', 'Story 3. “Number 3,” said Ann Lee.')).stdout).result;
      // one thread: the records after the slow one can only run on the worker that replaces the one stopped
      const t0 = Date.now();
      const r = run(['--batch', '-', '--threads', '1', '--record-timeout', '1000'], lines.join('\n'), { QW_TEST_SLOW_MARKER: SLOW });
      const ms = Date.now() - t0;
      expect(r.stderr).toBe('');
      expect(r.status).toBe(1);
      const out = r.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(out.map((o) => o.id)).toEqual(ids);
      expect(out[2]).toEqual({ id: 'slow', error: expect.stringMatching(/time budget of 1000 ms/), line: 3 });
      for (const i of [0, 1, 3, 4, 5]) expect((out[i].result as Extraction).schemaVersion, String(out[i].id)).toBe(1);
      expect(out[3].result).toEqual(expectedResult);
      // the slow record would spin for 30 s: the batch is done in a fraction of that
      expect(ms).toBeLessThan(15_000);

      // two threads, two slow records side by side: both stopped, both workers replaced
      const two = [
        good('x', 'One. “Fine,” he said.'),
        good('s1', `${SLOW} one`),
        good('s2', `${SLOW} two`),
        good('y', 'Two. “Fine,” she said.'),
      ];
      const r2 = run(['--batch', '-', '-j', '2', '--record-timeout=800'], two.join('\n'), { QW_TEST_SLOW_MARKER: SLOW });
      expect(r2.status).toBe(1);
      const out2 = r2.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(out2.map((o) => [o.id, o.line ?? null, 'result' in o])).toEqual([
        ['x', null, true],
        ['s1', 2, false],
        ['s2', 3, false],
        ['y', null, true],
      ]);
      expect(String(out2[1].error)).toMatch(/TimeoutError: .*time budget of 800 ms \(--record-timeout\)/);
    });

    it('a worker that dies keeps the id and line of its record in the error record (issue 8)', { timeout: 120_000 }, () => {
      const lines = [
        good('a', 'One. “Fine,” he said.'),
        JSON.stringify({ text: `${CRASH} first`, id: 17 }),
        good('c', 'Two. “Fine,” she said.'),
        JSON.stringify({ id: { feed: 'x', n: 4 }, text: `${CRASH} again` }),
      ];
      const r = run(['--batch', '-', '--threads', '1'], lines.join('\n'), { QW_TEST_CRASH_MARKER: CRASH });
      expect(r.status).toBe(1);
      const out = r.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(out).toHaveLength(4);
      expect(out[1]).toEqual({ id: 17, error: expect.stringMatching(/^worker failed: .*died.*exited with code: 1/), line: 2 });
      expect(out[3]).toMatchObject({ id: { feed: 'x', n: 4 }, line: 4 });
      expect((out[2].result as Extraction).schemaVersion).toBe(1); // on the replacement worker
    });

    /**
     * The CLI in batch mode writing into a real pipe (a FIFO: a child's 'pipe' stdio is a socket pair, which
     * does not cut lines the same way) that the test stops reading; the signal comes while a line is half in.
     */
    async function interruptBatch(
      signal: 'SIGINT' | 'SIGTERM',
    ): Promise<{ code: number | null; signal: string | null; out: string; n: number }> {
      const n = 400;
      const file = join(dir, 'signal.jsonl');
      writeFileSync(file, Array.from({ length: n }, (_, i) => good(`r${i}`, STORY)).join('\n') + '\n');
      const fifo = join(dir, `out-${signal}.fifo`);
      execFileSync('mkfifo', [fifo]);
      const rfd = openSync(fifo, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
      const wfd = openSync(fifo, 'w');
      const child = spawn(process.execPath, [CLI, '--batch', file, '--threads', '2'], { stdio: ['ignore', wfd, 'pipe'] });
      closeSync(wfd);
      const exited = new Promise<[number | null, string | null]>((res) => child.on('exit', (code, sig) => res([code, sig])));
      const sleep = (ms: number) => new Promise((res) => setTimeout(res, ms));
      const chunks: Buffer[] = [];
      const buf = Buffer.alloc(1 << 16);
      /** Read what the pipe holds now; -1 at its end. */
      const readNow = (): number => {
        let got = 0;
        for (;;) {
          let k: number;
          try {
            k = readSync(rfd, buf, 0, buf.length, null);
          } catch (err) {
            if ((err as NodeJS.ErrnoException).code === 'EAGAIN') return got;
            throw err;
          }
          if (k === 0) return -1;
          chunks.push(Buffer.from(buf.subarray(0, k)));
          got += k;
        }
      };
      try {
        for (let t = 0; readNow() === 0 && t < 3000; t++) await sleep(20); // the first records are out
        await sleep(1500); // and the pipe is full: the CLI is blocked in the middle of a line
        child.kill(signal);
        await sleep(300);
        for (let t = 0; readNow() !== -1 && t < 3000; t++) await sleep(20); // read the rest, to the pipe's end
        const [code, sig] = await exited;
        return { code, signal: sig, out: Buffer.concat(chunks).toString('utf8'), n };
      } finally {
        closeSync(rfd);
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
    }

    it.skipIf(process.platform === 'win32')(
      'SIGTERM / SIGINT into a slow pipe: the last line is finished, then exit 143 / 130 (issue 8)',
      { timeout: 120_000 },
      async () => {
        for (const [signal, status] of [
          ['SIGTERM', 143],
          ['SIGINT', 130],
        ] as const) {
          const r = await interruptBatch(signal);
          expect(r.out.endsWith('\n'), `${signal}: the output ends with a whole line, not ${JSON.stringify(r.out.slice(-40))}`).toBe(true);
          const lines = r.out.slice(0, -1).split('\n');
          lines.forEach((l, i) => {
            const rec = JSON.parse(l) as { id: string; result: Extraction };
            expect(rec.id).toBe(`r${i}`);
            expect(rec.result.schemaVersion).toBe(1);
          });
          // it stopped: no new record was started and written after the signal
          expect(lines.length).toBeGreaterThan(0);
          expect(lines.length, signal).toBeLessThan(r.n);
          expect({ code: r.code, signal: r.signal }, signal).toEqual({ code: status, signal: null });
        }
      },
    );

    it('an empty batch is fine; a missing batch file is exit 2', { timeout: 60_000 }, () => {
      const empty = run(['--batch', '-'], '');
      expect(empty.status).toBe(0);
      expect(empty.stdout).toBe('');
      const missing = run(['--batch', join(dir, 'missing.jsonl')]);
      expect(missing.status).toBe(2);
      expect(missing.stderr).toContain('cannot read');
    });
  });
});
