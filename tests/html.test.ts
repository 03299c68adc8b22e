/**
 * `--format html`: renderHtml on hand-built Extractions (balanced markup, escaping, the palette, the legend's
 * order, the headline once, the file's name only, arbitrary spans), then the page in Debian's chromium driven
 * by playwright-core: hover names the speaker, the claims toggle shows the claims, a click on a speaker picks
 * out its quotes and mentions, each asserted on the DOM and on the screenshot's pixels.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baseName,
  escapeHtml,
  PALETTE,
  PATTERNS,
  REPORT_SCRIPT,
  REPORT_SCRIPT_HASH,
  renderHtml,
  renderHtmlPage,
  speakerStyles,
  styleForRank,
  UNATTRIBUTED,
} from '../src/cli/html';
import type { Claim, Extraction, Quote, Span, Speaker } from '../src/types';
import { chromiumFor, countColour, decodePng, type Image, launch } from './support/browser';
import { ciede2000, contrast, deltaE, hexToRgb } from './support/colour';

// ---------------------------------------------------------------------------------------------------------
// Helpers

const VOID = new Set(['meta', 'br', 'hr', 'img', 'input', 'link', 'area', 'base', 'col', 'embed', 'source', 'track', 'wbr']);

/** Check the markup is well nested; returns the problems found (empty when fine). */
function tagProblems(html: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  // the style sheet and the script hold no '<' (checked below) but may hold '>': leave them out of the scan
  html = html.replace(/<style>[\s\S]*?<\/style>/, '<style></style>').replace(/<script>[\s\S]*?<\/script>/, '<script></script>');
  const re = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z-]+(?:="[^"<>]*")?)*)\s*(\/?)>|<!DOCTYPE html>|<|>/g;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (m[0] === '<!DOCTYPE html>') continue;
    if (m[0] === '<' || m[0] === '>') {
      problems.push(`stray ${m[0]} at ${m.index}: ${JSON.stringify(html.slice(m.index - 20, m.index + 20))}`);
      continue;
    }
    const name = m[2].toLowerCase();
    if (VOID.has(name)) continue;
    if (m[1]) {
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open}> at ${m.index}`);
    } else {
      stack.push(name);
    }
  }
  if (stack.length) problems.push(`unclosed: ${stack.join(' ')}`);
  return problems;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const untag = (s: string): string => s.replace(/<[^>]*>/g, '').replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]);

/** The story's text as the page shows it: the heading when it is the story's headline, then each paragraph. */
function shownText(html: string, headline: boolean): string {
  const h1 = headline ? untag(html.match(/<h1>([\s\S]*?)<\/h1>/)![1]) : '';
  const paras = [...html.matchAll(/<div class="para"><div class="who">[\s\S]*?<\/div><p>([\s\S]*?)<\/p><\/div>/g)];
  return h1 + paras.map((m) => untag(m[1])).join('');
}

/** What escapeHtml does to characters HTML cannot carry (the text itself is otherwise unchanged). */
function displayable(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f\ufffe\uffff]/g, '\ufffd')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** Text without its white space: the page drops what lies between paragraphs, and nothing else. */
const ink = (s: string): string => s.replace(/\s+/g, '');

const sp = (text: string, needle: string, from = 0): Span => {
  const start = text.indexOf(needle, from);
  if (start < 0) throw new Error(`"${needle}" not in the story`);
  return { start, end: start + needle.length, text: needle };
};

// A made-up story with every kind of mark, an overlap across a quote boundary, markup and odd characters.
const STORY =
  'Mayor Vows Bridge <script>alert("x")</script> & More\r\n\r\n' +
  'SPRINGFIELD — “We will finish the bridge by 2025,” Mayor Jane Doe said on Monday.\r\n\r\n' +
  'Her deputy, Bob Roe, said the budget had grown by 40% 😀 since 2020.\r\n\r\n' +
  '“That is simply false,” Doe said. A sign read: “No <b>entry</b>\u0000.”\n';

function handBuilt(): Extraction {
  const t = STORY;
  const doe = sp(t, 'Mayor Jane Doe');
  const her = sp(t, 'Her');
  const doe2 = sp(t, 'Doe said.');
  const doeShort = { start: doe2.start, end: doe2.start + 3, text: 'Doe' };
  const roe = sp(t, 'Bob Roe');
  const speakers: Speaker[] = [
    { id: 's1', name: 'Jane Doe', kind: 'person', title: 'mayor', aliases: ['Doe'], mentions: [doe, her, doeShort] },
    { id: 's2', name: 'Bob Roe', kind: 'person', title: 'deputy', aliases: [], mentions: [roe] },
  ];
  const said1 = sp(t, 'said on Monday');
  const cue1 = { start: said1.start, end: said1.start + 4, text: 'said' };
  const said2 = sp(t, 'said the budget');
  const cue2 = { start: said2.start, end: said2.start + 4, text: 'said' };
  const said3 = sp(t, 'said.', doe2.start);
  const cue3 = { start: said3.start, end: said3.start + 4, text: 'said' };
  const quote = (
    id: string,
    kind: Quote['kind'],
    content: Span,
    cue: Span | null,
    source: Span | null,
    speakerId: string | null,
  ): Quote => ({
    id,
    kind,
    content,
    cue: cue ? { span: cue, lemma: 'say', stance: 'neutral' } : null,
    source,
    speakerId,
    paragraph: 0,
    sentence: 0,
    confidence: 0.9,
  });
  const quotes: Quote[] = [
    quote('q1', 'direct', sp(t, 'We will finish the bridge by 2025,'), cue1, doe, 's1'),
    quote('q2', 'indirect', sp(t, 'the budget had grown by 40% 😀 since 2020'), cue2, roe, 's2'),
    quote('q3', 'direct', sp(t, 'That is simply false,'), cue3, doeShort, 's1'),
    quote('q4', 'direct', sp(t, 'No <b>entry</b>\u0000.'), null, null, null),
  ];
  const claim = (id: string, text: Span, quoteId: string | null, speakerId: string | null, types: Claim['types']): Claim => ({
    id,
    text,
    quoteId,
    speakerId,
    types,
    checkworthiness: 0.8,
    reasons: ['number'],
    stance: 'reported',
    negated: false,
    entities: [],
    quantities: [],
    dates: [],
  });
  const claims: Claim[] = [
    claim('c1', sp(t, 'finish the bridge by 2025'), 'q1', 's1', ['prediction', 'temporal']),
    // crosses the start of q2 and the source mention: the marks must be split, not interleaved
    claim('c2', sp(t, 'Roe, said the budget had grown by 40%'), 'q2', 's2', ['quantity']),
  ];
  return {
    schemaVersion: 1,
    document: {
      headline: sp(t, 'Mayor Vows Bridge <script>alert("x")</script> & More'),
      dateline: null,
      sections: [],
      paragraphs: [],
      sentences: [],
      boilerplate: [],
    },
    speakers,
    quotes,
    claims,
  };
}

/** A story of `n` speakers, the i-th quoted n − i times (so the first is the most quoted), one paragraph a quote. */
function manySpeakers(n: number): { text: string; result: Extraction } {
  const paras: string[] = ['Council Votes On The Budget'];
  const who: number[] = [];
  for (let round = 0; round < n; round++) {
    for (let i = 0; i < n - round; i++) {
      paras.push(`“Point ${round} from speaker ${i},” said Speaker${i} Person.`);
      who.push(i);
    }
  }
  const text = paras.join('\n\n');
  const speakers: Speaker[] = Array.from({ length: n + 1 }, (_, i) => ({
    id: `s${i}`,
    name: i === n ? 'Nobody Quoted' : `Speaker${i} Person`,
    kind: 'person',
    aliases: [],
    mentions: [],
  }));
  const quotes: Quote[] = [];
  let at = paras[0].length + 2;
  for (let k = 0; k < who.length; k++) {
    const p = paras[k + 1];
    const content = { start: at + 1, end: at + p.indexOf('”'), text: p.slice(1, p.indexOf('”')) };
    const src = { start: at + p.indexOf('Speaker'), end: at + p.length - 1, text: `Speaker${who[k]} Person` };
    speakers[who[k]].mentions.push(src);
    quotes.push({
      id: `q${k}`,
      kind: 'direct',
      content,
      cue: null,
      source: src,
      speakerId: `s${who[k]}`,
      paragraph: k + 1,
      sentence: 0,
      confidence: 1,
    });
    at += p.length + 2;
  }
  const document = { headline: sp(text, paras[0]), dateline: null, sections: [], paragraphs: [], sentences: [], boilerplate: [] };
  return { text, result: { schemaVersion: 1, document, speakers, quotes, claims: [] } };
}

// ---------------------------------------------------------------------------------------------------------

describe('the palette', () => {
  it('measures colour difference right (CIEDE2000 against Sharma, Wu and Dalal’s test data)', () => {
    const pairs: Array<[[number, number, number], [number, number, number], number]> = [
      [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
      [[50, 0, 0], [50, -1, 2], 2.3669],
      [[50, 2.49, -0.001], [50, -2.49, 0.0009], 7.1792],
      [[60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644],
      [[22.7233, 20.0904, -46.694], [23.0331, 14.973, -42.5619], 2.0373],
      [[90.9257, -0.5406, -0.9208], [88.6381, -0.8985, -0.7239], 1.5381],
      [[2.0776, 0.0795, -1.135], [0.9033, -0.0636, -0.5514], 0.9082],
    ];
    for (const [a, b, want] of pairs) expect(ciede2000(a, b)).toBeCloseTo(want, 4);
    expect(deltaE('#ffffff', '#000000')).toBeCloseTo(100, 0);
  });

  it('holds colours that stay apart: every pair at CIEDE2000 ≥ 14, for as many speakers as it holds', () => {
    expect(PALETTE.length).toBeGreaterThanOrEqual(12);
    const close: string[] = [];
    for (let i = 0; i < PALETTE.length; i++) {
      for (let j = i + 1; j < PALETTE.length; j++) {
        const d = deltaE(PALETTE[i].background, PALETTE[j].background);
        if (d < 14) close.push(`${PALETTE[i].background} ~ ${PALETTE[j].background}: ${d.toFixed(1)}`);
      }
    }
    expect(close).toEqual([]);
  });

  it('gives readable highlights and inks, apart from the page and from unattributed grey', () => {
    const text = hexToRgb('#1a1a1a');
    for (const c of PALETTE) {
      expect(contrast(hexToRgb(c.background), text), c.background).toBeGreaterThanOrEqual(8);
      expect(contrast(hexToRgb(c.ink), [255, 255, 255]), c.ink).toBeGreaterThanOrEqual(4.5);
      expect(deltaE(c.background, '#ffffff'), c.background).toBeGreaterThanOrEqual(18);
      expect(deltaE(c.background, UNATTRIBUTED.background), c.background).toBeGreaterThanOrEqual(12);
    }
  });

  it('reuses colours past its length with a pattern, so no two speakers look alike', () => {
    const n = PALETTE.length * PATTERNS.length;
    const looks = new Set(Array.from({ length: n }, (_, r) => `${styleForRank(r).background} ${styleForRank(r).pattern}`));
    expect(looks.size).toBe(n);
    expect(styleForRank(0)).toMatchObject({ ...PALETTE[0], pattern: 'plain', rank: 0 });
    expect(styleForRank(PALETTE.length)).toMatchObject({ ...PALETTE[0], pattern: 'striped' });
    expect(styleForRank(-1).rank).toBe(0);
    const styles = speakerStyles(['b', 'a', 'b', 'c']);
    expect([...styles.keys()]).toEqual(['b', 'a', 'c']);
    expect(styles.get('b')!.background).toBe(PALETTE[0].background);
  });
});

describe('renderHtml', () => {
  const result = handBuilt();
  const html = renderHtml(STORY, result);

  it('produces balanced markup', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html.match(/<style>([\s\S]*?)<\/style>/)![1]).not.toContain('<');
    expect(REPORT_SCRIPT).not.toMatch(/<\/|<!--/);
    expect(tagProblems(html)).toEqual([]);
  });

  it('escapes the story: no script but its own, no injected tags', () => {
    expect(html.match(/<script/gi)).toHaveLength(1);
    expect(html).toContain(`<script>${REPORT_SCRIPT}</script>`);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).not.toContain('<b>entry');
    expect(html).toContain('&lt;b&gt;entry&lt;/b&gt;');
    expect(html).not.toContain('\u0000');
  });

  it('is self-contained, and its script runs by its hash alone', () => {
    expect(html).not.toMatch(/\b(?:src|href)\s*=/i);
    expect(html).not.toMatch(/url\(|@import/i);
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/script-src[^;"]*unsafe/);
    const hash = `'sha256-${createHash('sha256').update(REPORT_SCRIPT).digest('base64')}'`;
    expect(REPORT_SCRIPT_HASH, 'REPORT_SCRIPT changed: put its new hash in src/cli/html-script.ts').toBe(hash);
    expect(html).toContain(`script-src ${hash}`);
  });

  it('keeps the story text intact around the marks, the headline once', () => {
    expect(ink(shownText(html, true))).toBe(ink(displayable(STORY)));
    const headline = 'Mayor Vows Bridge &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; More';
    expect(html.split(headline)).toHaveLength(3); // the <title> and the heading
    expect(html.match(/<title>[^<]*<\/title>/)![0]).toContain(headline);
  });

  it('colours each quote with its speaker colour, most quoted first; underlines sources; claims off at first', () => {
    const marks = [...html.matchAll(/<mark class="q ([a-z]+)" data-quote="(q\d)" data-speaker="(s\d)?" data-colour="(#[0-9a-f]{6})"/g)];
    expect(new Set(marks.map((m) => m[2]))).toEqual(new Set(['q1', 'q2', 'q3', 'q4']));
    // s1 has two quotes, s2 one: s1 gets the first colour
    const colourOf = Object.fromEntries(marks.map((m) => [m[3] ?? '', m[4]]));
    expect(colourOf).toEqual({ s1: PALETTE[0].background, s2: PALETTE[1].background, '': UNATTRIBUTED.background });
    expect(marks.find((m) => m[2] === 'q4')![1]).toBe('unattributed');
    expect(html).toMatch(/<span class="src" data-speaker="s1"[^>]*>Mayor Jane Doe<\/span>/);
    expect(html).toMatch(/<span class="claim" data-claim="c1" title="Claim c1: prediction, temporal · check-worthiness 0.8/);
    expect(html).toMatch(/<input type="checkbox" class="claims-toggle">/);
    expect(html).not.toMatch(/class="claims-toggle" checked/);
    expect(html).toMatch(/<span class="cue"/);
    expect(html).toMatch(/<mark [^>]*title="Jane Doe\ndirect quote · cue “said” · confidence 0.9"/);
  });

  it('names the speakers in the margin of the paragraphs their quotes start in', () => {
    const margins = [...html.matchAll(/<div class="who">([\s\S]*?)<\/div><p>([\s\S]*?)<\/p>/g)].map((m) => [
      [...m[1].matchAll(/data-speaker="([^"]*)"/g)].map((n) => n[1]),
      untag(m[2]).slice(0, 14),
    ]);
    expect(margins).toEqual([
      [['s1'], 'SPRINGFIELD — '],
      [['s2'], 'Her deputy, Bo'],
      [['s1', ''], '“That is simpl'],
    ]);
  });

  it('has a compact legend: quoted speakers by quote count, the unattributed, then who is only mentioned', () => {
    const legend = html.slice(html.indexOf('<ul class="legend"'), html.indexOf('</ul>'));
    const chips = [
      ...legend.matchAll(/<button [^>]*data-speaker="([^"]*)"[^>]*>[\s\S]*?<span class="nm">([^<]*)<\/span><span class="n">(\d+)/g),
    ];
    expect(chips.map((c) => [c[1], c[2], c[3]])).toEqual([
      ['s1', 'Jane Doe', '2'],
      ['s2', 'Bob Roe', '1'],
      ['', 'unattributed', '1'],
    ]);
    expect(legend).toContain('called “Mayor Jane Doe”, “Her”, “Doe”');
    const { text, result: many } = manySpeakers(20);
    const page = renderHtml(text, many);
    const order = [...page.matchAll(/<button type="button" class="chip" data-speaker="(s\d+)"/g)].map((m) => m[1]);
    expect(order).toEqual(Array.from({ length: 20 }, (_, i) => `s${i}`));
    expect(page).not.toMatch(/class="chip" data-speaker="s20"/); // quoted by nobody
    expect(page).toContain('+ 1 mentioned, not quoted');
    expect(page).toContain('+ 10 more');
    expect(page.match(/<li class="more">/g)).toHaveLength(10);
  });

  it('shows the file’s name, not its path', () => {
    expect(baseName('/home/someone/private/story.txt')).toBe('story.txt');
    expect(baseName('C:\\Users\\someone\\story.txt')).toBe('story.txt');
    expect(baseName('story.txt')).toBe('story.txt');
    const page = renderHtmlPage([{ text: STORY, result: handBuilt(), name: '/home/someone/private/story.txt' }]);
    expect(page).toContain('story.txt · 4 quotes from 2 speakers · 2 claims');
    expect(page).not.toContain('/home/someone');
    const noHeadline = { ...handBuilt(), document: { ...handBuilt().document, headline: null } };
    const titled = renderHtmlPage([{ text: STORY, result: noHeadline, name: 'C:\\private\\b.txt' }]);
    expect(titled).toContain('<h1>b.txt</h1>');
    expect(titled).toContain('<title>b.txt · quotewire</title>');
    expect(titled).not.toContain('private');
  });

  it('escapes attribute-breaking characters', () => {
    expect(escapeHtml(`"'<>&`)).toBe('&quot;&#39;&lt;&gt;&amp;');
    const evil: Extraction = {
      ...result,
      speakers: [{ ...result.speakers[0], id: 's1" onmouseover="x', name: '<img src=x onerror=alert(1)>' }],
      quotes: [{ ...result.quotes[0], id: '"><script>', speakerId: 's1" onmouseover="x' }],
    };
    const out = renderHtmlPage([{ text: STORY, result: evil, name: '<i>x</i>.txt' }]);
    expect(tagProblems(out)).toEqual([]);
    expect(out).not.toMatch(/<img|<script>[^(]|onmouseover="|<i>/i);
  });

  it('stays valid for any spans over any text', () => {
    const odd = fc.constantFrom(
      '\r\n',
      '\r',
      '\n',
      '\u0000',
      '😀',
      '\ud83d',
      '\ude00',
      '<',
      '&',
      '"',
      '“',
      '’',
      ' ',
      'a',
      'é',
      '\u202e',
      '\ufeff',
    );
    const textArb = fc.array(fc.oneof(odd, fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 40 }).map((a) => a.join(''));
    const spanArb = (n: number) =>
      fc.record({
        start: fc.oneof(fc.integer({ min: -3, max: n + 3 }), fc.constant(Number.NaN), fc.double({ min: -1, max: n + 1, noNaN: true })),
        end: fc.integer({ min: -3, max: n + 3 }),
      });
    fc.assert(
      fc.property(
        textArb.chain((text) =>
          fc.tuple(
            fc.constant(text),
            fc.array(fc.tuple(spanArb(text.length), fc.option(spanArb(text.length)), fc.option(fc.constantFrom('s1', 's2', 'nobody'))), {
              maxLength: 8,
            }),
            fc.array(spanArb(text.length), { maxLength: 5 }),
            fc.array(spanArb(text.length), { maxLength: 5 }),
          ),
        ),
        ([text, qs, cs, ms]) => {
          const mk = (s: { start: number; end: number }): Span => ({ start: s.start, end: s.end, text: '' });
          const ex: Extraction = {
            schemaVersion: 1,
            document: { headline: null, dateline: null, sections: [], paragraphs: [], sentences: [], boilerplate: ms.slice(0, 1).map(mk) },
            speakers: [
              { id: 's1', name: 'One', kind: 'person', aliases: [], mentions: ms.map(mk) },
              { id: 's2', name: 'Two <i>', kind: 'group', aliases: [], mentions: [] },
            ],
            quotes: qs.map(([c, src, who], i) => ({
              id: `q${i}`,
              kind: 'direct',
              content: mk(c),
              spans: i % 2 ? [mk(c), ...(src ? [mk(src)] : [])] : undefined,
              cue: src ? { span: mk(src), lemma: 'say', stance: 'neutral' } : null,
              source: src ? mk(src) : null,
              speakerId: who ?? null,
              paragraph: 0,
              sentence: 0,
              confidence: 1,
            })),
            claims: cs.map((c, i) => ({
              id: `c${i}`,
              text: mk(c),
              quoteId: null,
              speakerId: null,
              types: ['event'],
              checkworthiness: 0.5,
              reasons: [],
              stance: 'asserted',
              negated: false,
              entities: [],
              quantities: [],
              dates: [],
            })),
          };
          const out = renderHtml(text, ex);
          expect(tagProblems(out)).toEqual([]);
          expect(ink(shownText(out, false))).toBe(ink(displayable(text)));
          expect(out).not.toContain('\u0000');
          expect(out.toLowerCase()).not.toContain('<i>');
        },
      ),
      { numRuns: 400 },
    );
  });

  it('handles nesting a thousand deep and a page of several stories', () => {
    const text = '“'.repeat(1000) + 'x' + '”'.repeat(1000);
    const quotes: Quote[] = Array.from({ length: 1000 }, (_, i) => ({
      id: `q${i}`,
      kind: 'direct',
      content: { start: i, end: text.length - i, text: '' },
      cue: null,
      source: null,
      speakerId: `s${i % 3}`,
      paragraph: 0,
      sentence: 0,
      confidence: 1,
    }));
    const ex: Extraction = { ...handBuilt(), document: { ...handBuilt().document, headline: null }, speakers: [], quotes, claims: [] };
    const out = renderHtml(text, ex);
    expect(tagProblems(out)).toEqual([]);
    expect(shownText(out, false)).toBe(text);
    const page = renderHtmlPage([
      { text: STORY, result: handBuilt(), name: 'a.txt' },
      {
        text: 'Nothing here.',
        result: { ...handBuilt(), speakers: [], quotes: [], claims: [], document: { ...handBuilt().document, headline: null } },
        name: 'b.txt',
      },
    ]);
    expect(tagProblems(page)).toEqual([]);
    expect(page.match(/<article /g)).toHaveLength(2);
    expect(page).toContain('<h1>b.txt</h1>');
    expect(page).toContain('No quotes found.');
  });
});

// ---------------------------------------------------------------------------------------------------------
// In a real browser

const CHROMIUM = chromiumFor('html.test');
const CLI = resolve('dist/cli.js');
const FIXTURE = resolve('fixtures/article.txt');
const CORPUS = resolve('../shared/corpora/polnear-dev.jsonl');

const rgb = (hex: string): string => `rgb(${hexToRgb(hex).join(', ')})`;

describe.skipIf(!CHROMIUM && !process.env.CI)('the HTML report in chromium', () => {
  let browser: import('playwright-core').Browser;
  let dir: string;

  beforeAll(async () => {
    if (!CHROMIUM) {
      throw new Error(
        'CI is set but no chromium executable was found: CI must run the browser test (bash scripts/ensure-chromium.sh installs it)',
      );
    }
    dir = mkdtempSync(join(tmpdir(), 'quotewire-html-'));
    browser = await launch(CHROMIUM);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Open a page from a file; `problems` lists the requests it made and the errors it logged (a CSP refusal is one). */
  async function open(html: string, name: string): Promise<{ page: Page; problems: string[] }> {
    const file = join(dir, `${name}.html`);
    writeFileSync(file, html);
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 }, deviceScaleFactor: 1 });
    const problems: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) problems.push(`request ${r.url()}`);
    });
    page.on('pageerror', (e) => problems.push(`error ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.text()}`);
    });
    await page.goto(pathToFileURL(file).href);
    return { page, problems };
  }

  /** Computed style properties of the elements `selector` finds, with their data-colour. */
  function styles(page: Page, selector: string, props: string[]): Promise<Array<Record<string, string>>> {
    // (the test runs without the DOM lib: getComputedStyle is reached through the page's global)
    return page.$$eval(
      selector,
      (els, props) => {
        const win = globalThis as unknown as { getComputedStyle(el: unknown): Record<string, string> };
        return els.map((el) => ({
          ...Object.fromEntries(props.map((p) => [p, win.getComputedStyle(el)[p]])),
          colour: el.getAttribute('data-colour') ?? '',
          speaker: el.getAttribute('data-speaker') ?? '',
          className: el.getAttribute('class') ?? '',
        }));
      },
      props,
    );
  }

  async function shot(page: Page): Promise<Image> {
    return decodePng(await page.screenshot({ fullPage: true }));
  }

  /** Every quote highlight is painted in its data-colour and is on screen. */
  async function expectQuoteColours(page: Page): Promise<Set<string>> {
    const marks = await styles(page, '.text mark.q', ['backgroundColor']);
    expect(marks.length, 'the page has no quote highlights').toBeGreaterThan(0);
    for (const m of marks) expect(m.backgroundColor).toBe(rgb(m.colour));
    return new Set(marks.map((m) => m.colour));
  }

  it('paints each speaker’s quotes in its colour and names the speaker on hover', { timeout: 60_000 }, async () => {
    const { page, problems } = await open(renderHtml(STORY, handBuilt()), 'hand');
    expect(await expectQuoteColours(page)).toEqual(new Set([PALETTE[0].background, PALETTE[1].background, UNATTRIBUTED.background]));
    const img = await shot(page);
    for (const c of [PALETTE[0], PALETTE[1], UNATTRIBUTED]) {
      expect(countColour(img, hexToRgb(c.background)), `${c.background} not in the screenshot`).toBeGreaterThan(100);
    }
    expect(countColour(img, [26, 26, 26], 40), 'no text on the page').toBeGreaterThan(500);

    const tip = page.locator('.qw-tip');
    expect(await tip.isVisible()).toBe(false);
    await page.hover('mark[data-quote="q2"]');
    expect(await tip.isVisible()).toBe(true);
    expect(await tip.locator('b').textContent()).toBe('Bob Roe');
    expect(await tip.locator('div').textContent()).toContain('indirect quote · cue “said”');
    const withTip = countColour(await shot(page), [34, 34, 34], 2);
    await page.hover('.summary');
    expect(await tip.isVisible()).toBe(false);
    expect(withTip - countColour(await shot(page), [34, 34, 34], 2), 'the tooltip is not painted').toBeGreaterThan(1000);
    await page.hover('.who .name[data-speaker="s2"]');
    expect(await tip.locator('b').textContent()).toBe('Bob Roe');
    // the titles became the tooltip's text: no second, native tooltip
    expect(await page.locator('.story [title]').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows the claims only when asked to', { timeout: 60_000 }, async () => {
    const { page, problems } = await open(renderHtml(STORY, handBuilt()), 'claims');
    const red = hexToRgb('#c62828');
    // three pieces: the second claim crosses the start of a quote, and is split there
    const before = await styles(page, '.claim', ['borderBottomStyle']);
    expect(before.map((c) => c.borderBottomStyle)).toEqual(['none', 'none', 'none']);
    expect(countColour(await shot(page), red, 10)).toBe(0);
    await page.hover('mark[data-quote="q1"]');
    expect(await page.locator('.qw-tip').textContent()).not.toContain('Claim');

    await page.click('.claims-toggle');
    const after = await styles(page, '.claim', ['borderBottomStyle', 'borderBottomColor']);
    expect(after.map((c) => [c.borderBottomStyle, c.borderBottomColor])).toEqual(Array(3).fill(['solid', rgb('#c62828')]));
    expect(countColour(await shot(page), red, 10), 'the claims are not underlined in red').toBeGreaterThan(200);
    await page.hover('.summary');
    await page.hover('.claim[data-claim="c1"]');
    expect(await page.locator('.qw-tip b').textContent()).toBe('Jane Doe');
    expect(await page.locator('.qw-tip div').textContent()).toContain('Claim c1: prediction, temporal · check-worthiness 0.8');

    await page.click('.claims-toggle');
    expect((await styles(page, '.claim', ['borderBottomStyle'])).map((c) => c.borderBottomStyle)).toEqual(['none', 'none', 'none']);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('picks out a speaker’s quotes and mentions when the speaker is clicked', { timeout: 60_000 }, async () => {
    const { page, problems } = await open(renderHtml(STORY, handBuilt()), 'focus');
    const img0 = await shot(page);
    await page.click('.chip[data-speaker="s1"]');
    expect(await page.getAttribute('article.story', 'data-focus')).toBe('s1');
    expect(await page.getAttribute('.chip[data-speaker="s1"]', 'aria-pressed')).toBe('true');
    const marks = await styles(page, '.text mark.q', ['backgroundColor', 'outlineStyle']);
    for (const m of marks) {
      if (m.speaker === 's1')
        expect([m.className, m.backgroundColor, m.outlineStyle]).toEqual(['q plain hit', rgb(PALETTE[0].background), 'solid']);
      else expect(m.backgroundColor).toBe('rgb(243, 243, 243)');
    }
    // "Her" and the short "Doe" are mentions of s1: picked out in its colour
    const mentions = await styles(page, '.text .mention', ['backgroundColor']);
    expect(mentions.length).toBeGreaterThan(0);
    for (const m of mentions) expect(m.backgroundColor).toBe(m.speaker === 's1' ? rgb(PALETTE[0].background) : 'rgba(0, 0, 0, 0)');
    const img1 = await shot(page);
    const [a0, b0, a1, b1] = [img0, img0, img1, img1].map((img, i) => countColour(img, hexToRgb(PALETTE[i % 2].background)));
    expect(a1, 'the chosen speaker lost its colour').toBeGreaterThan(a0 * 0.8);
    expect(b1, 'the other speaker’s quotes are still coloured').toBeLessThan(b0 / 3);

    await page.click('.chip[data-speaker="s1"]');
    expect(await page.getAttribute('article.story', 'data-focus')).toBeNull();
    await page.click('mark[data-quote="q2"]');
    expect(await page.getAttribute('article.story', 'data-focus')).toBe('s2');
    await page.keyboard.press('Escape');
    expect(await page.getAttribute('article.story', 'data-focus')).toBeNull();
    expect(await page.locator('.hit').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('tells apart more speakers than the palette holds, and folds the legend', { timeout: 60_000 }, async () => {
    const { text, result } = manySpeakers(PALETTE.length + 4);
    const { page, problems } = await open(renderHtml(text, result), 'many');
    await expectQuoteColours(page);
    const marks = await styles(page, '.text mark.q', ['backgroundImage']);
    for (const m of marks) {
      const rank = Number(m.speaker.slice(1));
      expect(m.colour).toBe(PALETTE[rank % PALETTE.length].background);
      if (rank < PALETTE.length) expect(m.backgroundImage).toBe('none');
      else expect(m.backgroundImage).toContain('repeating-linear-gradient');
    }
    expect(await page.locator('.legend li.more').first().isVisible()).toBe(false);
    await page.click('.more-btn');
    expect(await page.locator('.legend li.more').first().isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('renders the fixture from `quotewire --format html`: headline once, the file’s name, most quoted first', {
    timeout: 90_000,
  }, async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
    const run = spawnSync(process.execPath, [CLI, FIXTURE, '--format', 'html'], { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 << 20 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(tagProblems(run.stdout)).toEqual([]);
    expect(run.stdout).not.toContain(resolve('fixtures'));
    const { page, problems } = await open(run.stdout, 'article');
    const colours = await expectQuoteColours(page);
    const img = await shot(page);
    for (const c of colours) expect(countColour(img, hexToRgb(c)), `${c} not in the screenshot`).toBeGreaterThan(100);
    const headline = readFileSync(FIXTURE, 'utf8').split('\n')[0].trim();
    const shown = ((await page.locator('main').textContent()) ?? '').split(headline).length - 1;
    expect(shown, 'the headline is not shown exactly once').toBe(1);
    expect(await page.locator('.summary').textContent()).toMatch(/^article\.txt · \d+ quotes from \d+ speakers · \d+ claims$/);
    const counts = (await page.locator('.chip .n').allInnerTexts()).map(Number);
    expect(counts.length).toBeGreaterThan(3);
    expect(counts.slice(0, -1)).toEqual([...counts.slice(0, -1)].sort((a, b) => b - a));
    expect(problems).toEqual([]);
    await page.close();
  });

  it.skipIf(!existsSync(CORPUS))('stays readable on a long many-speaker story of the corpus', { timeout: 120_000 }, async () => {
    const { createExtractor } = await import('../src/index');
    const ex = createExtractor({});
    const stories = readFileSync(CORPUS, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { id: string; text: string });
    // the story with the most speakers quoted
    const runs = stories.map((s) => ({ s, r: ex.extract(s.text) }));
    const speakersOf = (r: Extraction): number => new Set(r.quotes.map((q) => q.speakerId).filter((id) => id != null)).size;
    const { s, r } = runs.reduce((a, b) => (speakersOf(b.r) > speakersOf(a.r) ? b : a));
    expect(speakersOf(r)).toBeGreaterThan(PALETTE.length);
    const { page, problems } = await open(renderHtmlPage([{ text: s.text, result: r, name: `/corpus/${s.id}.txt` }]), 'long');
    await expectQuoteColours(page);
    const img = await shot(page);
    for (const c of PALETTE.slice(0, 5)) expect(countColour(img, hexToRgb(c.background)), c.background).toBeGreaterThan(100);
    // the claims are off: no red underlines on a story with many claims
    expect(r.claims.length).toBeGreaterThan(20);
    expect(countColour(img, hexToRgb('#c62828'), 10)).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });
});
