/**
 * `--format html`: renderHtml on a hand-built Extraction (balanced markup, escaping, colours, overlaps,
 * arbitrary spans), then the real thing in Debian's chromium driven by playwright-core: computed highlight
 * colours and a screenshot whose pixels include them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inflateSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml, PALETTE, renderHtml, renderHtmlPage, speakerColours, UNATTRIBUTED_COLOUR } from '../src/cli/html';
import type { Claim, Extraction, Quote, Span, Speaker } from '../src/types';

// ---------------------------------------------------------------------------------------------------------
// Helpers

const VOID = new Set(['meta', 'br', 'hr', 'img', 'input', 'link', 'area', 'base', 'col', 'embed', 'source', 'track', 'wbr']);

/** Check the markup is well nested; returns the problems found (empty when fine). */
function tagProblems(html: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  // the style sheet holds no '<' (checked below) but may hold '>' (child selectors): leave it out of the scan
  html = html.replace(/<style>[\s\S]*?<\/style>/, '<style></style>');
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

/** The story text as the page shows it: the .text element's content without tags, unescaped. */
function shownText(html: string): string {
  const start = html.indexOf('<div class="text">') + '<div class="text">'.length;
  const end = html.indexOf('</div>\n</article>', start);
  return html
    .slice(start, end)
    .replace(/<[^>]*>/g, '')
    .replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]);
}

/** What escapeHtml does to characters HTML cannot carry (the text itself is otherwise unchanged). */
function displayable(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f\ufffe\uffff]/g, '\ufffd')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

const sp = (text: string, needle: string, from = 0): Span => {
  const start = text.indexOf(needle, from);
  if (start < 0) throw new Error(`"${needle}" not in the story`);
  return { start, end: start + needle.length, text: needle };
};

function hexToRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

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

// ---------------------------------------------------------------------------------------------------------

describe('renderHtml', () => {
  const result = handBuilt();
  const html = renderHtml(STORY, result);

  it('produces balanced markup', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html.match(/<style>([\s\S]*?)<\/style>/)![1]).not.toContain('<');
    expect(tagProblems(html)).toEqual([]);
  });

  it('escapes the story: no script, no injected tags', () => {
    expect(html.toLowerCase()).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).not.toContain('<b>entry');
    expect(html).toContain('&lt;b&gt;entry&lt;/b&gt;');
    expect(html).not.toContain('\u0000');
  });

  it('is self-contained: no external resources', () => {
    expect(html).not.toMatch(/\b(?:src|href)\s*=/i);
    expect(html).not.toMatch(/url\(|@import/i);
    expect(html).toContain("default-src 'none'");
  });

  it('keeps the story text intact around the marks', () => {
    expect(shownText(html)).toBe(displayable(STORY));
  });

  it('colours each quote with its speaker colour, underlines sources, outlines claims', () => {
    const colours = speakerColours(result.speakers);
    const marks = [...html.matchAll(/<mark class="q[^"]*" data-quote="(q\d)"(?: data-speaker="(s\d)")?[^>]*>/g)];
    expect(new Set(marks.map((m) => m[1]))).toEqual(new Set(['q1', 'q2', 'q3', 'q4']));
    for (const m of marks) {
      if (m[2]) expect(m[0]).toContain(`background-color:${colours.get(m[2])}`);
      else expect(m[0]).toContain('unattributed');
    }
    expect(colours.get('s1')).not.toBe(colours.get('s2'));
    // q2 is split by the claim that crosses its start: both pieces carry the quote
    expect(marks.filter((m) => m[1] === 'q2').length).toBeGreaterThanOrEqual(1);
    expect(html).toMatch(/<span class="src" data-speaker="s1"[^>]*>Mayor Jane Doe<\/span>/);
    expect(html).toMatch(/<span class="claim" data-claim="c1"[^>]*title="Claim c1: prediction, temporal · checkworthiness 0.8/);
    expect(html).toMatch(/<span class="cue"/);
  });

  it('has a legend of the speakers with their mentions and counts', () => {
    const legend = html.slice(html.indexOf('<section class="legend">'), html.indexOf('</section>'));
    expect(legend).toContain('<b>Jane Doe</b>');
    expect(legend).toContain('2 quotes, 3 mentions');
    expect(legend).toContain('“Mayor Jane Doe”');
    expect(legend).toContain('“Her”');
    expect(legend).toContain('<b>Bob Roe</b>');
    expect(legend).toContain('1 quote, 1 mention');
    expect(legend).toContain('unattributed');
  });

  it('gives stable, distinct colours', () => {
    const ids = Array.from({ length: 30 }, (_, i) => ({ id: `s${i + 1}` }));
    const a = speakerColours(ids);
    const b = speakerColours(ids);
    expect([...a]).toEqual([...b]);
    expect(new Set([...a.values()].slice(0, PALETTE.length)).size).toBe(PALETTE.length);
    for (const c of a.values()) expect(c).toMatch(/^#[0-9a-f]{6}$/);
    // an id keeps its colour when it is alone
    expect(speakerColours([{ id: 's7' }]).get('s7')).toBe(speakerColours([{ id: 's7' }]).get('s7'));
  });

  it('escapes attribute-breaking characters', () => {
    expect(escapeHtml(`"'<>&`)).toBe('&quot;&#39;&lt;&gt;&amp;');
    const evil: Extraction = {
      ...result,
      speakers: [{ ...result.speakers[0], id: 's1" onmouseover="x', name: '<img src=x onerror=alert(1)>' }],
      quotes: [{ ...result.quotes[0], id: '"><script>', speakerId: 's1" onmouseover="x' }],
    };
    const out = renderHtml(STORY, evil);
    expect(tagProblems(out)).toEqual([]);
    expect(out).not.toMatch(/<img|<script|onmouseover="/i);
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
          expect(shownText(out)).toBe(displayable(text));
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
    expect(shownText(out)).toBe(text);
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
  });
});

// ---------------------------------------------------------------------------------------------------------
// In a real browser

/** Decode a PNG (8-bit RGB or RGBA, not interlaced: what chromium writes) to RGBA pixels. */
function decodePng(buf: Buffer): { width: number; height: number; rgba: Uint8Array } {
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!buf.subarray(0, 8).equals(sig)) throw new Error('not a PNG');
  let pos = 8;
  let width = 0;
  let height = 0;
  let colourType = 0;
  const idat: Buffer[] = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const depth = data[8];
      colourType = data[9];
      if (depth !== 8 || (colourType !== 2 && colourType !== 6) || data[12] !== 0) {
        throw new Error(`unsupported PNG: depth ${depth}, colour type ${colourType}, interlace ${data[12]}`);
      }
    } else if (type === 'IDAT') {
      idat.push(data);
    } else if (type === 'IEND') {
      break;
    }
    pos += 12 + len;
  }
  const bpp = colourType === 6 ? 4 : 3;
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  const px = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? px[row + x - bpp] : 0;
      const b = y > 0 ? px[row - stride + x] : 0;
      const c = x >= bpp && y > 0 ? px[row - stride + x - bpp] : 0;
      let v = line[x];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      } else if (filter !== 0) throw new Error(`bad PNG filter ${filter}`);
      px[row + x] = v & 255;
    }
  }
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0, j = 0; i < px.length; i += bpp, j += 4) {
    rgba[j] = px[i];
    rgba[j + 1] = px[i + 1];
    rgba[j + 2] = px[i + 2];
    rgba[j + 3] = bpp === 4 ? px[i + 3] : 255;
  }
  return { width, height, rgba };
}

function countColour(img: { rgba: Uint8Array }, [r, g, b]: [number, number, number], tolerance = 3): number {
  let n = 0;
  const d = img.rgba;
  for (let i = 0; i < d.length; i += 4) {
    if (Math.abs(d[i] - r) <= tolerance && Math.abs(d[i + 1] - g) <= tolerance && Math.abs(d[i + 2] - b) <= tolerance) n++;
  }
  return n;
}

function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const c of candidates) if (c && existsSync(c)) return c;
  const which = spawnSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' });
  const found = which.stdout.trim();
  return found && existsSync(found) ? found : null;
}

const CHROMIUM = findChromium();
const CI = Boolean(process.env.CI);
const CLI = resolve('dist/cli.js');
const FIXTURE = resolve('fixtures/article.txt');

if (!CHROMIUM && !CI) {
  console.warn(
    '[html.test] no chromium executable found (/usr/bin/chromium): skipping the browser tests. Run scripts/ensure-chromium.sh to install it.',
  );
}

describe.skipIf(!CHROMIUM && !CI)('the HTML report in chromium', () => {
  let browser: import('playwright-core').Browser;
  let dir: string;

  beforeAll(async () => {
    if (!CHROMIUM) {
      throw new Error(
        'CI is set but no chromium executable was found: CI must run the browser test (bash scripts/ensure-chromium.sh installs it)',
      );
    }
    dir = mkdtempSync(join(tmpdir(), 'quotewire-html-'));
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--force-color-profile=srgb', '--font-render-hinting=none'] });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Open a page, check the computed colours of the highlights, screenshot it; returns the highlight colours. */
  async function checkPage(url: string, shot: string): Promise<string[]> {
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 }, deviceScaleFactor: 1 });
    const failedRequests: string[] = [];
    page.on('requestfailed', (r) => failedRequests.push(r.url()));
    page.on('request', (r) => {
      if (!r.url().startsWith('file:') && !r.url().startsWith('data:') && r.url() !== 'about:blank') failedRequests.push(r.url());
    });
    await page.goto(url);
    // (the test runs without the DOM lib: getComputedStyle is reached through the page's global)
    const marks = await page.$$eval('.text mark.q[data-colour]', (els) => {
      const win = globalThis as unknown as { getComputedStyle(el: unknown): { backgroundColor: string } };
      return els.map((el) => ({
        colour: el.getAttribute('data-colour')!,
        computed: win.getComputedStyle(el).backgroundColor,
        visible: el.getClientRects().length > 0,
      }));
    });
    expect(marks.length, 'the page has no coloured quote highlights').toBeGreaterThan(0);
    for (const m of marks) {
      const [r, g, b] = hexToRgb(m.colour);
      expect(m.computed).toBe(`rgb(${r}, ${g}, ${b})`);
      expect(m.visible).toBe(true);
    }
    expect(failedRequests).toEqual([]);
    await page.screenshot({ path: shot, fullPage: true });
    await page.close();

    const png = readFileSync(shot);
    expect(statSync(shot).size).toBeGreaterThan(5_000);
    const img = decodePng(png);
    expect(img.width).toBeGreaterThan(500);
    expect(img.height).toBeGreaterThan(300);
    const colours = [...new Set(marks.map((m) => m.colour))];
    for (const c of colours) {
      expect(countColour(img, hexToRgb(c)), `highlight colour ${c} not in the screenshot`).toBeGreaterThan(100);
    }
    // not a blank page: plenty of dark (text) pixels too
    expect(countColour(img, [26, 26, 26], 40)).toBeGreaterThan(500);
    return colours;
  }

  it('renders a hand-built story with the speakers’ colours', { timeout: 60_000 }, async () => {
    const file = join(dir, 'hand.html');
    writeFileSync(file, renderHtml(STORY, handBuilt()));
    const colours = await checkPage(pathToFileURL(file).href, join(dir, 'hand.png'));
    const expected = speakerColours(handBuilt().speakers);
    expect(new Set(colours)).toEqual(new Set([expected.get('s1'), expected.get('s2')]));
    expect(colours).not.toContain(UNATTRIBUTED_COLOUR);
  });

  it('renders the fixture from `quotewire --format html` with the quotes coloured', { timeout: 90_000 }, async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
    const run = spawnSync(process.execPath, [CLI, FIXTURE, '--format', 'html'], { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 << 20 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(tagProblems(run.stdout)).toEqual([]);
    const file = join(dir, 'article.html');
    writeFileSync(file, run.stdout);
    await checkPage(pathToFileURL(file).href, join(dir, 'article.png'));
  });
});
