/**
 * `--format html`: one self-contained page (inline CSS, no scripts, no external resources) showing each story
 * with its quotes highlighted in their speaker's colour, the source mentions underlined, the cues in bold,
 * the claims outlined, and a legend of the speakers with their mentions.
 *
 * The marks are built from spans by a sweep over their boundaries: at every boundary the set of open marks
 * is compared with the set that should be open, and only the differing tail of the stack is closed and
 * reopened, so overlapping spans are split and the markup is always well nested, whatever the spans are
 * (out of range, reversed, fractional, inside a surrogate pair, nested a thousand deep).
 */
import type { Extraction, Quote, Speaker, Span } from '../types';

/** The speaker colours: light enough for black text, distinct from each other. */
export const PALETTE = [
  '#ffd54f', // amber
  '#81d4fa', // sky
  '#a5d6a7', // green
  '#f48fb1', // pink
  '#ce93d8', // purple
  '#ffab91', // salmon
  '#80cbc4', // teal
  '#dce775', // lime
  '#b39ddb', // lavender
  '#bcaaa4', // tan
  '#ffcc80', // peach
  '#b0bec5', // slate
] as const;

/** Colour of quotes nobody could be found for. */
export const UNATTRIBUTED_COLOUR = '#e0e0e0';

/** FNV-1a over UTF-16 code units: a small, stable hash. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function hslToHex(h: number, s: number, l: number): string {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number): string => {
    const k = (n + h / 30) % 12;
    const c = l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(c * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${f(0)}${f(8)}${f(4)}`;
}

/** A colour from the id alone, for speakers beyond the palette or ids no speaker has. */
function hashedColour(id: string): string {
  const h = hash(id);
  return hslToHex(h % 360, 0.65 + ((h >>> 9) % 20) / 100, 0.74 + ((h >>> 17) % 8) / 100);
}

/**
 * A colour per speaker id: each id prefers the palette slot its hash names (so an id keeps its colour from
 * story to story), taking the next free slot when two speakers of one story collide, and a colour derived
 * from the hash once the palette is used up. Deterministic: the same speakers give the same colours.
 */
export function speakerColours(speakers: readonly Pick<Speaker, 'id'>[]): Map<string, string> {
  const colours = new Map<string, string>();
  const used = new Set<number>();
  for (const sp of speakers) {
    const id = String(sp?.id ?? '');
    if (colours.has(id)) continue;
    let colour: string | undefined;
    if (used.size < PALETTE.length) {
      let slot = hash(id) % PALETTE.length;
      while (used.has(slot)) slot = (slot + 1) % PALETTE.length;
      used.add(slot);
      colour = PALETTE[slot];
    }
    colours.set(id, colour ?? hashedColour(id));
  }
  return colours;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escape text for HTML content and attribute values. Characters HTML forbids or would mangle (NUL and the
 * other C0/C1 controls except tab, newline, form feed and CR; lone surrogates; noncharacters U+FFFE/U+FFFF)
 * become U+FFFD.
 */
export function escapeHtml(s: string): string {
  return String(s)
    .replace(/[&<>"']/g, (c) => ESCAPES[c])
    .replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f\ufffe\uffff]/g, '\ufffd')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

// ---------------------------------------------------------------------------------------------------------
// Marks over the text

interface Mark {
  start: number;
  end: number;
  /** Among marks with the same extent, lower is outer. */
  layer: number;
  open: string;
  close: string;
  seq: number;
}

const LAYER = { boilerplate: 0, claim: 1, quote: 2, mention: 3, source: 4, cue: 5 } as const;

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Clamp a span to the text, snapping ends that fall inside a surrogate pair outwards; null if empty. */
function clampSpan(text: string, span: unknown): { start: number; end: number } | null {
  if (!span || typeof span !== 'object') return null;
  const s = Number((span as Span).start);
  const e = Number((span as Span).end);
  if (!Number.isFinite(s) || !Number.isFinite(e)) return null;
  let start = Math.max(0, Math.min(text.length, Math.floor(s)));
  let end = Math.max(0, Math.min(text.length, Math.ceil(e)));
  if (start > 0 && start < text.length && isLow(text.charCodeAt(start)) && isHigh(text.charCodeAt(start - 1))) start--;
  if (end > 0 && end < text.length && isLow(text.charCodeAt(end)) && isHigh(text.charCodeAt(end - 1))) end++;
  return end > start ? { start, end } : null;
}

/** Render `text` with the marks: well-nested HTML whatever the marks' extents. */
export function renderMarkedText(text: string, marks: Mark[]): string {
  // Outer marks first: earlier start, then later end, then lower layer, then insertion order.
  const sorted = marks.slice().sort((a, b) => a.start - b.start || b.end - a.end || a.layer - b.layer || a.seq - b.seq);
  const bounds = new Set<number>([0, text.length]);
  for (const m of sorted) {
    bounds.add(m.start);
    bounds.add(m.end);
  }
  const points = [...bounds].sort((a, b) => a - b);

  const out: string[] = [];
  let active: Mark[] = []; // the marks that cover the current segment, outer first
  let stack: Mark[] = []; // the marks open in the output
  let next = 0; // index into sorted of the next mark to start
  for (let p = 0; p < points.length - 1; p++) {
    const pos = points[p];
    const segEnd = points[p + 1];
    if (active.some((m) => m.end <= pos)) active = active.filter((m) => m.end > pos);
    // Marks starting here sort after every mark that started earlier, so appending keeps `active` in order.
    while (next < sorted.length && sorted[next].start <= pos) {
      if (sorted[next].end > pos) active.push(sorted[next]);
      next++;
    }
    let k = 0;
    while (k < stack.length && k < active.length && stack[k] === active[k]) k++;
    for (let i = stack.length - 1; i >= k; i--) out.push(stack[i].close);
    for (let i = k; i < active.length; i++) out.push(active[i].open);
    stack = active.slice();
    out.push(escapeHtml(text.slice(pos, segEnd)));
  }
  for (let i = stack.length - 1; i >= 0; i--) out.push(stack[i].close);
  return out.join('');
}

// ---------------------------------------------------------------------------------------------------------
// The page

const CSS = `
:root { color-scheme: light; }
body { margin: 0; background: #fafafa; color: #1a1a1a; font: 16px/1.6 "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; }
main { max-width: 52rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
article.story { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 1.25rem 1.5rem; margin-bottom: 2rem; }
article.story > header h1 { font-size: 1.35rem; line-height: 1.3; margin: 0 0 .25rem; }
.summary { color: #555; font-size: .9rem; margin: 0 0 1rem; }
.legend { border-top: 1px solid #eee; border-bottom: 1px solid #eee; padding: .5rem 0; margin-bottom: 1rem; font-size: .9rem; }
.legend h2, .key h2 { font-size: .8rem; text-transform: uppercase; letter-spacing: .06em; color: #666; margin: 0 0 .35rem; }
.legend ul { list-style: none; margin: 0; padding: 0; }
.legend li { margin: .2rem 0; }
.swatch { display: inline-block; width: .9em; height: .9em; border-radius: 2px; vertical-align: -.1em; margin-right: .4em; border: 1px solid rgba(0,0,0,.2); }
.legend .kind, .legend .meta, .legend .counts { color: #555; }
.legend .mentions { color: #333; }
.key { font-size: .8rem; color: #555; margin-top: .5rem; }
.key > span { margin-right: 1rem; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; word-break: normal; }
mark.q { color: #111; padding: 0; border-radius: 2px; -webkit-box-decoration-break: clone; box-decoration-break: clone; }
mark.q.unattributed, .k-q { background-color: ${UNATTRIBUTED_COLOUR}; }
.src, .k-src { text-decoration: underline; text-decoration-thickness: 2px; text-underline-offset: 3px; }
.mention { text-decoration: underline dotted; text-underline-offset: 3px; }
.cue, .k-cue { font-weight: 700; }
.k-src { text-decoration-color: #888; }
.claim, .k-claim { outline: 1.5px dotted #333; outline-offset: 1px; -webkit-box-decoration-break: clone; box-decoration-break: clone; }
.boilerplate { color: #999; }
.empty { color: #777; font-style: italic; }
`;

export interface HtmlStory {
  text: string;
  result: Extraction;
  /** A file name or id, shown when the story has no headline. */
  name?: string;
}

function fmt(n: unknown): string {
  const x = Number(n);
  return Number.isFinite(x) ? String(Math.round(x * 100) / 100) : '?';
}

function arr<T>(x: unknown): T[] {
  return Array.isArray(x) ? (x.filter((v) => v && typeof v === 'object') as T[]) : [];
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** One story being rendered: its text and results, its speakers' colours, and the marks gathered so far. */
interface StoryContext {
  text: string;
  speakers: Speaker[];
  quotes: Quote[];
  colours: Map<string, string>;
  /** The first speaker with each id. */
  byId: Map<string, Speaker>;
  marks: Mark[];
  /** The extents ("start:end") of the quotes' sources: a mention there is underlined as the source only. */
  sources: Set<string>;
}

/** Render one story as an `<article>`: heading and summary, the speaker legend, and the marked-up text. */
function renderStory(story: HtmlStory, index: number): string {
  const text = typeof story.text === 'string' ? story.text : String(story.text ?? '');
  const result = (story.result ?? {}) as Partial<Extraction>;
  const speakers = arr<Speaker>(result.speakers);
  const quotes = arr<Quote>(result.quotes);
  const claims = arr<Extraction['claims'][number]>(result.claims);
  const boilerplate = arr<Span>(result.document?.boilerplate);

  const byId = new Map<string, Speaker>();
  for (const sp of speakers) if (!byId.has(String(sp.id))) byId.set(String(sp.id), sp);
  const ctx: StoryContext = { text, speakers, quotes, colours: speakerColours(speakers), byId, marks: [], sources: new Set() };

  // The order of the marks breaks ties between marks with the same extent and layer.
  for (const b of boilerplate) addMark(ctx, b, LAYER.boilerplate, '<span class="boilerplate">', '</span>');
  for (const c of claims) markClaim(ctx, c);
  for (const q of quotes) markQuote(ctx, q);
  markMentions(ctx);
  const items = legendItems(ctx);

  const headline = result.document?.headline ? clampSpan(text, result.document.headline) : null;
  const heading = headline ? text.slice(headline.start, headline.end).replace(/\s+/g, ' ').trim() : story.name || `Story ${index + 1}`;
  const summary = `${story.name && headline ? `${escapeHtml(story.name)} · ` : ''}${plural(quotes.length, 'quote')}, ${plural(speakers.length, 'speaker')}, ${plural(claims.length, 'claim')}`;

  return (
    `<article class="story" id="story-${index + 1}">\n` +
    `<header><h1>${escapeHtml(heading)}</h1><p class="summary">${summary}</p></header>\n` +
    `<section class="legend"><h2>Speakers</h2>` +
    (items.length ? `<ul>\n${items.join('\n')}\n</ul>` : '<p class="empty">No speakers found.</p>') +
    `<p class="key"><span><span class="k-q">highlight</span> quote, in its speaker’s colour</span>` +
    `<span><span class="k-src">underline</span> source</span>` +
    `<span><span class="k-cue">bold</span> cue</span><span><span class="k-claim">outline</span> claim</span></p></section>\n` +
    `<div class="text">${renderMarkedText(text, ctx.marks)}</div>\n` +
    `</article>`
  );
}

/** The colour of a speaker id (null for none). */
function colourOf(ctx: StoryContext, id: string | null | undefined): string | null {
  return id == null ? null : (ctx.colours.get(String(id)) ?? hashedColour(String(id)));
}

/** The name to show for a speaker id: the speaker's name, else the id itself, or "unattributed" for none. */
function nameOf(ctx: StoryContext, id: string | null | undefined): string {
  if (id == null) return 'unattributed';
  const sp = ctx.byId.get(String(id));
  return sp ? String(sp.name || sp.id) : String(id);
}

/** Add a mark over `span` when, clamped to the text, it is not empty. */
function addMark(ctx: StoryContext, span: unknown, layer: number, open: string, close: string): void {
  const c = clampSpan(ctx.text, span);
  if (c) ctx.marks.push({ start: c.start, end: c.end, layer, open, close, seq: ctx.marks.length });
}

/** Outline a claim, with its types, checkworthiness, stance and speaker in the title. */
function markClaim(ctx: StoryContext, c: Extraction['claims'][number]): void {
  const types = Array.isArray(c.types) ? c.types.join(', ') : '';
  const title =
    `Claim ${c.id ?? ''}: ${types || 'untyped'} · checkworthiness ${fmt(c.checkworthiness)}` +
    `${c.stance ? ` · ${c.stance}` : ''}${c.negated ? ' · negated' : ''}` +
    `${c.speakerId != null ? ` · ${nameOf(ctx, c.speakerId)}` : ''}`;
  addMark(
    ctx,
    c.text,
    LAYER.claim,
    `<span class="claim" data-claim="${escapeHtml(String(c.id ?? ''))}" data-checkworthiness="${escapeHtml(fmt(c.checkworthiness))}" title="${escapeHtml(title)}">`,
    '</span>',
  );
}

/** Highlight a quote's parts in its speaker's colour, underline its source (noting it in `sources`), embolden its cue. */
function markQuote(ctx: StoryContext, q: Quote): void {
  const colour = colourOf(ctx, q.speakerId);
  const speaker = nameOf(ctx, q.speakerId);
  const cue = q.cue?.span?.text;
  const title = `${speaker} · ${q.kind ?? 'quote'}${cue ? ` · cue “${cue}”` : ''} · confidence ${fmt(q.confidence)}`;
  const attrs =
    `class="q${colour ? '' : ' unattributed'}" data-quote="${escapeHtml(String(q.id ?? ''))}"` +
    (q.speakerId != null ? ` data-speaker="${escapeHtml(String(q.speakerId))}"` : '') +
    (colour ? ` data-colour="${colour}" style="background-color:${colour}"` : '') +
    ` title="${escapeHtml(title)}"`;
  const parts = Array.isArray(q.spans) && q.spans.length > 0 ? q.spans : [q.content];
  for (const part of parts) addMark(ctx, part, LAYER.quote, `<mark ${attrs}>`, '</mark>');

  if (q.source) {
    const c = clampSpan(ctx.text, q.source);
    if (c) ctx.sources.add(`${c.start}:${c.end}`);
    addMark(
      ctx,
      q.source,
      LAYER.source,
      `<span class="src"${q.speakerId != null ? ` data-speaker="${escapeHtml(String(q.speakerId))}"` : ''}` +
        ` style="text-decoration-color:${colour ?? '#888'}" title="${escapeHtml(`source: ${speaker}`)}">`,
      '</span>',
    );
  }
  if (q.cue?.span) {
    addMark(
      ctx,
      q.cue.span,
      LAYER.cue,
      `<span class="cue" title="${escapeHtml(`cue: ${q.cue.lemma ?? ''} (${q.cue.stance ?? ''})`)}">`,
      '</span>',
    );
  }
}

/** Underline (dotted) every speaker mention that is not already a quote's source. Run after markQuote. */
function markMentions(ctx: StoryContext): void {
  for (const sp of ctx.speakers) {
    const colour = colourOf(ctx, sp.id)!;
    for (const m of arr<Span>(sp.mentions)) {
      const c = clampSpan(ctx.text, m);
      if (!c || ctx.sources.has(`${c.start}:${c.end}`)) continue;
      addMark(
        ctx,
        m,
        LAYER.mention,
        `<span class="mention" data-speaker="${escapeHtml(String(sp.id))}" style="text-decoration-color:${colour}" title="${escapeHtml(`mention of ${nameOf(ctx, sp.id)}`)}">`,
        '</span>',
      );
    }
  }
}

/** The legend's `<li>`s: every speaker with quotes or mentions, then the unattributed quotes. */
function legendItems(ctx: StoryContext): string[] {
  const quoteCount = new Map<string, number>();
  let unattributed = 0;
  for (const q of ctx.quotes) {
    if (q.speakerId == null) unattributed++;
    else quoteCount.set(String(q.speakerId), (quoteCount.get(String(q.speakerId)) ?? 0) + 1);
  }
  const items = ctx.speakers.map((sp) => speakerItem(ctx, sp, quoteCount.get(String(sp.id)) ?? 0));
  if (unattributed > 0) {
    items.push(
      `<li data-speaker=""><span class="swatch" style="background-color:${UNATTRIBUTED_COLOUR}"></span>` +
        `<b>unattributed</b> · <span class="counts">${plural(unattributed, 'quote')}</span></li>`,
    );
  }
  return items;
}

/** One speaker's legend entry: swatch, name, kind, title and affiliation, counts, and the forms of its mentions. */
function speakerItem(ctx: StoryContext, sp: Speaker, nq: number): string {
  const id = String(sp.id);
  const mentions = arr<Span>(sp.mentions);
  const forms = mentionForms(ctx.text, mentions);
  const formList = [...forms]
    .slice(0, 24)
    .map(([form, n]) => `“${escapeHtml(form)}”${n > 1 ? ` ×${n}` : ''}`)
    .join(', ');
  const meta = [sp.title, sp.affiliation, sp.speaksFor != null ? `speaks for ${nameOf(ctx, sp.speaksFor)}` : '']
    .filter((s) => typeof s === 'string' && s)
    .map((s) => escapeHtml(String(s)))
    .join(', ');
  return (
    `<li data-speaker="${escapeHtml(id)}"><span class="swatch" style="background-color:${colourOf(ctx, id)}"></span>` +
    `<b>${escapeHtml(nameOf(ctx, id))}</b> <span class="kind">(${escapeHtml(String(sp.kind ?? 'unknown'))})</span>` +
    (meta ? ` <span class="meta">${meta}</span>` : '') +
    ` · <span class="counts">${plural(nq, 'quote')}, ${plural(mentions.length, 'mention')}</span>` +
    (formList ? `: <span class="mentions">${formList}${forms.size > 24 ? ', …' : ''}</span>` : '') +
    '</li>'
  );
}

/** How often each form (the mention's text, white space collapsed) occurs among a speaker's mentions, in first-seen order. */
function mentionForms(text: string, mentions: Span[]): Map<string, number> {
  const forms = new Map<string, number>();
  for (const m of mentions) {
    const c = clampSpan(text, m);
    const form = (c ? text.slice(c.start, c.end) : String(m.text ?? '')).replace(/\s+/g, ' ').trim();
    if (form) forms.set(form, (forms.get(form) ?? 0) + 1);
  }
  return forms;
}

/** One page holding several stories. */
export function renderHtmlPage(stories: readonly HtmlStory[], options: { title?: string } = {}): string {
  const first = stories[0];
  const h = first?.result?.document?.headline;
  const c = first && h ? clampSpan(String(first.text ?? ''), h) : null;
  const title = options.title ?? (stories.length === 1 && c ? String(first.text).slice(c.start, c.end).replace(/\s+/g, ' ').trim() : '');
  return (
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">\n` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="generator" content="quotewire">\n' +
    `<title>${escapeHtml(title ? `${title} · quotewire` : 'quotewire report')}</title>\n` +
    `<style>${CSS}</style>\n</head>\n<body>\n<main>\n` +
    stories.map((s, i) => renderStory(s, i)).join('\n') +
    '\n</main>\n</body>\n</html>\n'
  );
}

/** The page for one story: `text` is the input `result` was extracted from. */
export function renderHtml(text: string, result: Extraction): string {
  return renderHtmlPage([{ text, result }]);
}
