/**
 * The API contract of extract() / createExtractor() (issue 4 §2 "API limits", types.ts).
 *
 * Decisions written down here:
 *  - text must be a primitive string. Anything else — undefined, null, numbers, plain objects, arrays, a Buffer,
 *    and also a String object (new String('x')), which is not a string — is a TypeError whose message says a
 *    string was expected and names what was given.
 *  - options: undefined or a plain object. A number, string, boolean, array or function is a TypeError naming
 *    "options". maxLength must be a whole number ≥ 0 (negative, NaN, fractional, a string → TypeError or
 *    RangeError naming "maxLength"); publishedAt must be an ISO date string (YYYY-MM-DD or a full timestamp)
 *    for a day the calendar has (2023-02-30 is a RangeError naming the value; 2024-02-29 is fine);
 *    url must be a string. Options are checked even when the text is empty, and by createExtractor() when the
 *    extractor is made (fail fast), not on its first use. One parser (src/options.ts) checks them for the API,
 *    the command line's flags and batch records alike (tests/cli.test.ts compares the three).
 *  - options.url is carried into the result as `url` (absent when not given, or given empty), and from there
 *    into the exports' defaults (tests/export.test.ts).
 *  - a text longer than maxLength (default 8,000,000) is a RangeError naming both the length and the limit;
 *    a text exactly maxLength long is accepted.
 *  - the result is plain data: deep-equal to itself after a JSON round trip, and identical on a second call;
 *    a tree, not a graph: no object is reachable by two paths, so changing one entry changes nothing else.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createExtractor, extract } from '../src/index';
import type { ExtractOptions, Extraction } from '../src/types';
import { checkExtraction } from './support/validate';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ARTICLE = readFileSync(join(ROOT, 'fixtures', 'article.txt'), 'utf8');
const CORPUS = resolve(ROOT, '..', 'shared', 'corpora', 'polnear-dev.jsonl');
const SAMPLES: string[] = [
  ARTICLE,
  'WASHINGTON (AP) — “We will not back down,” Secretary of State Jane Doe told reporters on Tuesday. She said talks would resume.',
  '“It is a good deal,” said the minister, “and we expect more.”\r\n\r\nOfficials said 37% of voters agreed, according to a poll.',
  ...(existsSync(CORPUS)
    ? readFileSync(CORPUS, 'utf8')
        .split('\n')
        .filter(Boolean)
        .slice(0, 3)
        .map((l) => JSON.parse(l).text as string)
    : []),
];

/** A number in a message, with or without thousands separators: 8000001 → /8[,. _]?000[,. _]?001/. */
const num = (n: number) => new RegExp(String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '[,.\\u00a0\\u202f _]?'));
const anyExtract = extract as unknown as (text: unknown, options?: unknown) => Extraction;
const anyCreate = createExtractor as unknown as (options?: unknown) => { extract: (text: unknown) => Extraction };

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a throw, but the call returned normally');
}

describe('empty and blank input', () => {
  it("extract('') is an empty, well-formed result", () => {
    const r = extract('');
    expect(r).toEqual({
      schemaVersion: 1,
      document: { headline: null, dateline: null, sections: [], paragraphs: [], sentences: [], boilerplate: [] },
      speakers: [],
      quotes: [],
      claims: [],
    });
    expect(checkExtraction('', r)).toEqual([]);
  });

  it.each([[' '], ['\n\n\n'], ['\r\n\t \u00a0\u3000\r']])('blank input %j: no quotes, speakers or claims', (text) => {
    const r = extract(text);
    expect(checkExtraction(text, r)).toEqual([]);
    expect(r.quotes).toEqual([]);
    expect(r.speakers).toEqual([]);
    expect(r.claims).toEqual([]);
  });
});

describe('non-string text → TypeError that says a string was expected and names what was given', () => {
  const cases: [string, unknown, RegExp][] = [
    ['undefined', undefined, /undefined/],
    ['null', null, /null/],
    ['a number', 42, /number/],
    ['NaN', Number.NaN, /number/],
    ['a bigint', 42n, /bigint/],
    ['a boolean', true, /boolean/],
    ['a symbol', Symbol('x'), /symbol/],
    ['a function', () => 'text', /function/],
    ['a plain object', {}, /object/i],
    ['an object with a text field', { text: 'He said “hi.”' }, /object/i],
    ['an array', ['He said “hi.”'], /array/i],
    ['a Buffer', Buffer.from('He said “hi.”'), /Buffer|Uint8Array|object/i],
    ['a String object', new String('He said “hi.”'), /String|object/],
  ];
  it.each(cases)('%s', (_label, value, names) => {
    const e = thrown(() => anyExtract(value));
    expect(e).toBeInstanceOf(TypeError);
    expect(e.message).toMatch(/string/i);
    expect(e.message).toMatch(names);
  });

  it('createExtractor().extract checks its text the same way', () => {
    const x = createExtractor();
    const e = thrown(() => (x.extract as unknown as (t: unknown) => unknown)(null));
    expect(e).toBeInstanceOf(TypeError);
    expect(e.message).toMatch(/string/i);
  });
});

describe('maxLength', () => {
  it('a text longer than maxLength → RangeError naming the length and the limit', () => {
    const text = 'word '.repeat(2469); // 12,345 code units
    expect(text.length).toBe(12_345);
    const e = thrown(() => extract(text, { maxLength: 12_000 }));
    expect(e).toBeInstanceOf(RangeError);
    expect(e.message).toMatch(num(12_345));
    expect(e.message).toMatch(num(12_000));
  });

  it('counts UTF-16 code units: 6 emoji are 12 units, over a maxLength of 11', () => {
    const e = thrown(() => extract('😀'.repeat(6), { maxLength: 11 }));
    expect(e).toBeInstanceOf(RangeError);
    expect(e.message).toMatch(/12/);
  });

  it('a text exactly maxLength long is accepted', () => {
    const text = '“Hi,” she said.';
    expect(() => extract(text, { maxLength: text.length })).not.toThrow();
  });

  it('maxLength 0 accepts only the empty string', () => {
    expect(() => extract('', { maxLength: 0 })).not.toThrow();
    expect(thrown(() => extract('a', { maxLength: 0 }))).toBeInstanceOf(RangeError);
  });

  it('createExtractor honours maxLength', () => {
    const x = createExtractor({ maxLength: 10 });
    const e = thrown(() => x.extract('x'.repeat(11)));
    expect(e).toBeInstanceOf(RangeError);
    expect(e.message).toMatch(/11/);
    expect(e.message).toMatch(/10/);
  });

  // Run in a child so that, if the limit is not enforced, 8 MB of one token cannot hang this test file.
  it('the default limit (8,000,000) rejects 8,000,001 code units, at once', async () => {
    const lib = join(ROOT, 'src', 'index.ts');
    const code = `const { extract } = await import(${JSON.stringify(pathToFileURL(lib).href)});
      try { extract('a'.repeat(8_000_001)); console.log('RESULT ' + JSON.stringify({ threw: null })); }
      catch (e) { console.log('RESULT ' + JSON.stringify({ threw: { name: e.name, message: e.message } })); }`;
    const out = await new Promise<string>((res, rej) => {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let s = '';
      let err = '';
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        rej(new Error('8,000,001 code units were not rejected within 30 s (the default maxLength is not enforced before the work starts)'));
      }, 30_000);
      child.stdout.on('data', (d) => {
        s += d;
      });
      child.stderr.on('data', (d) => {
        err += d;
      });
      child.on('close', () => {
        clearTimeout(timer);
        const m = s.match(/RESULT (.*)/);
        m ? res(m[1]) : rej(new Error(`child failed: ${err.slice(-800)}`));
      });
    });
    const { threw } = JSON.parse(out) as { threw: null | { name: string; message: string } };
    expect(threw, 'an 8,000,001-code-unit text must be refused').not.toBeNull();
    expect(threw!.name).toBe('RangeError');
    expect(threw!.message).toMatch(num(8_000_001));
    expect(threw!.message).toMatch(num(8_000_000));
  }, 40_000);
});

describe('invalid options → TypeError or RangeError naming the option', () => {
  const text = 'He said “hi.”';
  const bad: [string, unknown, RegExp][] = [
    ['maxLength: -1', { maxLength: -1 }, /maxLength/],
    ['maxLength: NaN', { maxLength: Number.NaN }, /maxLength/],
    ['maxLength: 1.5', { maxLength: 1.5 }, /maxLength/],
    ["maxLength: '10'", { maxLength: '10' }, /maxLength/],
    ['maxLength: null', { maxLength: null }, /maxLength/],
    ["publishedAt: 'not a date'", { publishedAt: 'not a date' }, /publishedAt/],
    ["publishedAt: 'yesterday'", { publishedAt: 'yesterday' }, /publishedAt/],
    ["publishedAt: '2023-13-45'", { publishedAt: '2023-13-45' }, /publishedAt/],
    ["publishedAt: ''", { publishedAt: '' }, /publishedAt/],
    ['publishedAt: 20230423', { publishedAt: 20230423 }, /publishedAt/],
    ['publishedAt: a Date object', { publishedAt: new Date('2023-04-23') }, /publishedAt/],
    ['url: 42', { url: 42 }, /url/],
    ['options: 42', 42, /options/],
    ["options: 'publishedAt'", 'publishedAt', /options/],
    ['options: true', true, /options/],
    ['options: an array', [{ maxLength: 10 }], /options/],
  ];
  it.each(bad)('extract: %s', (_label, options, names) => {
    const e = thrown(() => anyExtract(text, options));
    expect(
      [TypeError, RangeError].some((C) => e instanceof C),
      `${e?.name}: ${e?.message}`,
    ).toBe(true);
    expect(e.message).toMatch(names);
  });

  it.each(bad)('extract on empty text still checks options: %s', (_label, options, names) => {
    const e = thrown(() => anyExtract('', options));
    expect([TypeError, RangeError].some((C) => e instanceof C)).toBe(true);
    expect(e.message).toMatch(names);
  });

  it.each(bad)('createExtractor fails fast: %s', (_label, options, names) => {
    const e = thrown(() => anyCreate(options));
    expect([TypeError, RangeError].some((C) => e instanceof C)).toBe(true);
    expect(e.message).toMatch(names);
  });

  it.each<[string, ExtractOptions]>([
    ['publishedAt date', { publishedAt: '2023-04-23' }],
    ['publishedAt timestamp', { publishedAt: '2023-04-23T10:00:00Z' }],
    ['publishedAt with offset', { publishedAt: '2023-04-23T10:00:00.000+02:00' }],
    ['url', { url: 'https://example.com/news/1' }],
    ['all three', { publishedAt: '2016-09-12', url: 'https://example.com/', maxLength: 1_000_000 }],
    ['no options', {}],
  ])('valid options are accepted: %s', (_label, options) => {
    expect(() => extract(text, options)).not.toThrow();
    expect(() => createExtractor(options).extract(text)).not.toThrow();
  });

  it('options are neither mutated nor required to be mutable', () => {
    const options = Object.freeze({ publishedAt: '2023-04-23', maxLength: 100_000 });
    const copy = { ...options };
    extract(ARTICLE, options);
    createExtractor(options).extract(ARTICLE);
    expect(options).toEqual(copy);
  });
});

describe('results: deterministic, plain data, the same through createExtractor', () => {
  it.each(SAMPLES.map((s, i) => [i, s]))('sample %i: valid, and identical on a second call', (_i, text) => {
    const a = extract(text as string);
    expect(checkExtraction(text as string, a)).toEqual([]);
    const b = extract(text as string);
    expect(b).toStrictEqual(a);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it.each(SAMPLES.map((s, i) => [i, s]))('sample %i: survives JSON.stringify / JSON.parse unchanged', (_i, text) => {
    const r = extract(text as string, { publishedAt: '2023-05-02', url: 'https://example.com/a' });
    expect(JSON.parse(JSON.stringify(r))).toStrictEqual(r);
  });

  it('createExtractor(opts).extract(text) equals extract(text, opts), text after text', () => {
    const opts: ExtractOptions = { publishedAt: '2023-05-02', url: 'https://example.com/a', maxLength: 2_000_000 };
    const x = createExtractor(opts);
    for (const text of [...SAMPLES, ...SAMPLES.slice().reverse()]) {
      expect(x.extract(text)).toStrictEqual(extract(text, opts));
    }
  });

  it('two extractors with different options do not interfere', () => {
    const a = createExtractor({ publishedAt: '2016-09-12' });
    const b = createExtractor({ publishedAt: '2023-05-02' });
    for (const text of SAMPLES) {
      const ra = a.extract(text);
      b.extract(text);
      expect(a.extract(text)).toStrictEqual(ra);
      expect(ra).toStrictEqual(extract(text, { publishedAt: '2016-09-12' }));
    }
  });

  const schemaPath = [join(ROOT, 'schema.json'), join(ROOT, 'src', 'export', 'schema.json')].find((p) => existsSync(p));
  it.skipIf(!schemaPath)('results validate against the published JSON Schema (quotewire/schema.json)', async () => {
    const schema = JSON.parse(readFileSync(schemaPath!, 'utf8'));
    const draft2020 = String(schema.$schema ?? '').includes('2020-12');
    const Ajv = draft2020 ? (await import('ajv/dist/2020.js')).default : (await import('ajv')).default;
    const ajv = new (Ajv as unknown as new (o: object) => { compile: (s: object) => ((d: unknown) => boolean) & { errors?: unknown } })({
      allErrors: true,
      strict: false,
    });
    const validate = ajv.compile(schema);
    for (const text of ['', ...SAMPLES]) {
      const r = extract(text, { publishedAt: '2023-05-02' });
      const ok = validate(r);
      expect(ok, JSON.stringify(validate.errors)?.slice(0, 1000)).toBe(true);
    }
  });

  const cjs = join(ROOT, 'dist', 'index.cjs');
  it.skipIf(!existsSync(cjs))('the CommonJS build gives the same result as the source', () => {
    const req = createRequire(import.meta.url);
    const lib = req(cjs) as { extract: typeof extract; createExtractor: typeof createExtractor };
    expect(typeof lib.extract).toBe('function');
    expect(typeof lib.createExtractor).toBe('function');
    expect(lib.extract('')).toStrictEqual(extract(''));
    expect(() => (lib.extract as unknown as (t: unknown) => unknown)(42)).toThrow(TypeError);
  });
});

describe('options.url is carried into the result (issue 9)', () => {
  const text = 'WASHINGTON (AP) — “We will not back down,” Secretary of State Jane Doe told reporters on Tuesday.';
  const URL_A = 'https://news.test/a';

  it('extract() and createExtractor() give it back as result.url, first after schemaVersion; no url, no field', () => {
    const r = extract(text, { url: URL_A, publishedAt: '2023-05-02' });
    expect(r.url).toBe(URL_A);
    expect(Object.keys(r).slice(0, 2)).toEqual(['schemaVersion', 'url']);
    expect(createExtractor({ url: URL_A }).extract(text)).toStrictEqual(extract(text, { url: URL_A }));
    for (const options of [{}, { url: '' }, { url: undefined }, undefined]) expect('url' in extract(text, options)).toBe(false);
    // the rest of the result does not depend on it
    const { url: _url, ...rest } = r;
    expect(rest).toStrictEqual(extract(text, { publishedAt: '2023-05-02' }));
  });

  it("an extractor's options are replaced per call, option by option; undefined restores the default", () => {
    const x = createExtractor({ url: URL_A, publishedAt: '2016-09-12' });
    expect(x.extract(text, { url: 'urn:b' }).url).toBe('urn:b');
    expect(x.extract(text, { maxLength: 1000 })).toStrictEqual(extract(text, { url: URL_A, publishedAt: '2016-09-12' }));
    expect('url' in x.extract(text, { url: undefined })).toBe(false);
    expect(x.extract(text, { publishedAt: undefined })).toStrictEqual(extract(text, { url: URL_A }));
    expect(x.extract(text, null as unknown as undefined)).toStrictEqual(x.extract(text));
    expect(x.extract(text)).toStrictEqual(extract(text, { url: URL_A, publishedAt: '2016-09-12' }));
  });
});

describe('impossible dates → RangeError naming the value (issue 8)', () => {
  const text = 'He said “hi.”';
  // Date.parse('2023-02-30') is 2 March: a check through Date.parse lets these through
  it.each([
    '2023-02-30',
    '2023-04-31',
    '2023-02-29',
    '1900-02-29',
    '2023-13-01',
    '2023-00-10',
    '2023-01-00',
    '2023-06-31T10:00:00Z',
    '2023-04-23T25:00:00Z',
    '2023-04-23T10:61',
  ])('publishedAt %j', (value) => {
    for (const fn of [
      () => extract(text, { publishedAt: value }),
      () => createExtractor({ publishedAt: value }),
      () => createExtractor().extract(text, { publishedAt: value }),
    ]) {
      const e = thrown(fn);
      expect(e, `${e?.name}: ${e?.message}`).toBeInstanceOf(RangeError);
      expect(e.message).toMatch(/publishedAt/);
      expect(e.message).toContain(value);
    }
  });

  it.each(['2024-02-29', '2000-02-29', '2023-02-28', '2023-04-30', '2023-12-31', '2024-02-29T23:59:60Z', '2023-04-23T24:00:00'])(
    'a real date is accepted: %j',
    (value) => {
      expect(() => extract(text, { publishedAt: value })).not.toThrow();
    },
  );

  it('a leap day anchors relative dates in claims', () => {
    const r = extract('The council approved a $4 million budget yesterday, officials said on Thursday.', { publishedAt: '2024-02-29' });
    const values = r.claims.flatMap((c) => c.dates.map((d) => d.value));
    expect(values).toContain('2024-02-28');
  });
});

describe('the result shares no object between two places (issue 8)', () => {
  const BOILER =
    'Storm Batters Coast\n\nMIAMI (AP) — A storm hit the coast, officials said on Tuesday.\n\nAdvertisement\n\n“We are ready,” Mayor Jane Doe said. “It is 37% done,” she said.\n\nRead more: Why the storm was so strong\n\nCrews cleared roads, she said.';

  /** Every object or array in `root` with the first path that reaches it; throws on one reached by a second path. */
  function walk(root: unknown): Map<object, string> {
    const seen = new Map<object, string>();
    const visit = (v: unknown, path: string): void => {
      if (v === null || typeof v !== 'object') return;
      const before = seen.get(v);
      if (before !== undefined) throw new Error(`one object at ${before} and ${path}`);
      seen.set(v, path);
      if (Array.isArray(v))
        v.forEach((x, i) => {
          visit(x, `${path}[${i}]`);
        });
      else for (const [k, x] of Object.entries(v)) visit(x, `${path}.${k}`);
    };
    visit(root, 'result');
    return seen;
  }

  it.each([BOILER, ...SAMPLES].map((s, i) => [i, s]))('sample %i: no object is reachable by two paths', (_i, text) => {
    const r = extract(text as string, { publishedAt: '2023-05-02' });
    const seen = walk(r);
    expect(seen.size).toBeGreaterThan(10);
  });

  it('a boilerplate entry is not its paragraph: changing one leaves the other', () => {
    const r = extract(BOILER);
    expect(r.document.boilerplate.map((b) => b.text)).toEqual(['Advertisement', 'Read more: Why the storm was so strong']);
    const before = JSON.stringify(r.document.paragraphs);
    for (const b of r.document.boilerplate) {
      const p = r.document.paragraphs.find((x) => x.start === b.start && x.end === b.end);
      expect(p).toBeDefined();
      expect(p).not.toBe(b);
      b.text = 'changed';
      b.start = -1;
    }
    expect(JSON.stringify(r.document.paragraphs)).toBe(before);
  });

  it('changing every object of one result changes no other entry, and no later result', () => {
    const r = extract(BOILER, { publishedAt: '2023-05-02' });
    const pristine = JSON.stringify(r);
    expect(r.quotes.length).toBeGreaterThan(0);
    expect(r.claims.length).toBeGreaterThan(0);
    // each entry of each list, changed alone: the rest of the result is as it was
    const lists: [string, readonly object[]][] = [
      ['paragraphs', r.document.paragraphs],
      ['sentences', r.document.sentences],
      ['boilerplate', r.document.boilerplate],
      ['sections', r.document.sections],
      ['speakers', r.speakers],
      ['quotes', r.quotes],
      ['claims', r.claims],
    ];
    for (const [name, list] of lists) {
      list.forEach((entry, i) => {
        const saved = JSON.stringify(entry);
        const mark = `mutated ${name}[${i}]`;
        walk(entry).forEach((_path, o) => {
          if (!Array.isArray(o)) (o as Record<string, unknown>).__mark = mark;
        });
        expect(JSON.stringify(r).split(mark).length - 1, `${name}[${i}]`).toBe(JSON.stringify(entry).split(mark).length - 1);
        // undo, so the next entry starts from the pristine result
        walk(entry).forEach((_path, o) => {
          if (!Array.isArray(o)) delete (o as Record<string, unknown>).__mark;
        });
        expect(JSON.stringify(entry)).toBe(saved);
      });
    }
    expect(JSON.stringify(r)).toBe(pristine);
    // wreck the whole first result: a second call is not affected (nothing is handed out from a cache)
    walk(r).forEach((_path, o) => {
      if (Array.isArray(o)) o.push('junk');
      else
        for (const k of Object.keys(o))
          (o as Record<string, unknown>)[k] =
            typeof (o as Record<string, unknown>)[k] === 'object' ? (o as Record<string, unknown>)[k] : 'junk';
    });
    expect(JSON.stringify(extract(BOILER, { publishedAt: '2023-05-02' }))).toBe(pristine);
  });
});
