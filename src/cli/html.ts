/**
 * `--format html`: one self-contained page (inline CSS and one inline script allowed by its hash, nothing
 * loaded) showing each story with its quotes highlighted in their speaker's colour and the speaker named in
 * the margin and on hover, the sources and other mentions underlined, the cues in bold, the claims on demand
 * (a toggle, off at first), and a compact legend of the speakers, most quoted first, where a click on a
 * speaker picks out its quotes and mentions.
 */
import type { Extraction, Quote, Speaker, Span } from '../types';
import { clampSpan, escapeHtml, LAYER, type Mark, renderMarkedText } from './html-marks';
import { type SpeakerColour, type SpeakerStyle, speakerStyles, UNATTRIBUTED } from './html-palette';
import { REPORT_SCRIPT, REPORT_SCRIPT_HASH } from './html-script';
import { REPORT_CSS } from './html-style';

export { escapeHtml, renderMarkedText } from './html-marks';
export { PALETTE, PATTERNS, speakerStyles, styleForRank, UNATTRIBUTED } from './html-palette';
export { REPORT_SCRIPT, REPORT_SCRIPT_HASH } from './html-script';

/** The page's Content-Security-Policy: nothing loads; inline styles, and the report's own script only. */
export const REPORT_CSP = `default-src 'none'; style-src 'unsafe-inline'; script-src ${REPORT_SCRIPT_HASH}`;

export interface HtmlStory {
  text: string;
  result: Extraction;
  /** The story's file (only its name is shown) or id. */
  name?: string;
}

/** One story being rendered: its text and results, its speakers' styles, and the marks gathered so far. */
interface StoryContext {
  text: string;
  speakers: Speaker[];
  quotes: Quote[];
  /** The first speaker with each id. */
  byId: Map<string, Speaker>;
  /** Quotes per speaker id, for the ids that have quotes. */
  counts: Map<string, number>;
  /** The quoted speakers' ids, most quoted first, and their styles in that order. */
  styles: Map<string, SpeakerStyle>;
  marks: Mark[];
  /** The extents ("start:end") of the quotes' sources: a mention there is underlined as the source only. */
  sources: Set<string>;
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

/** The last part of a path (either slash), so the page never shows where a file lives. */
export function baseName(name: string): string {
  const parts = String(name).split(/[\\/]/);
  while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  return parts[parts.length - 1];
}

/** Where a quote starts in the text (the earliest of its parts), or null when none of them is in it. */
function quoteStart(text: string, q: Quote): number | null {
  const parts = Array.isArray(q.spans) && q.spans.length > 0 ? q.spans : [q.content];
  let start: number | null = null;
  for (const p of parts) {
    const c = clampSpan(text, p);
    if (c && (start === null || c.start < start)) start = c.start;
  }
  return start;
}

/** The ids that have quotes, most quoted first (ties: the one quoted first), with their counts. */
function rankSpeakers(text: string, quotes: Quote[]): { counts: Map<string, number>; ranked: string[] } {
  const counts = new Map<string, number>();
  const first = new Map<string, number>();
  for (const q of quotes) {
    if (q.speakerId == null) continue;
    const id = String(q.speakerId);
    counts.set(id, (counts.get(id) ?? 0) + 1);
    const at = quoteStart(text, q) ?? Number.MAX_SAFE_INTEGER;
    if (!first.has(id) || at < first.get(id)!) first.set(id, at);
  }
  const ranked = [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || first.get(a)! - first.get(b)!);
  return { counts, ranked };
}

function storyContext(story: HtmlStory): StoryContext {
  const text = typeof story.text === 'string' ? story.text : String(story.text ?? '');
  const result = (story.result ?? {}) as Partial<Extraction>;
  const speakers = arr<Speaker>(result.speakers);
  const quotes = arr<Quote>(result.quotes);
  const byId = new Map<string, Speaker>();
  for (const sp of speakers) if (!byId.has(String(sp.id))) byId.set(String(sp.id), sp);
  const { counts, ranked } = rankSpeakers(text, quotes);
  return { text, speakers, quotes, byId, counts, styles: speakerStyles(ranked), marks: [], sources: new Set() };
}

/** The name to show for a speaker id: the speaker's name, else the id itself, or "unattributed" for none. */
function nameOf(ctx: StoryContext, id: string | null | undefined): string {
  if (id == null) return 'unattributed';
  const sp = ctx.byId.get(String(id));
  return sp ? String(sp.name || sp.id) : String(id);
}

/** The colour of a speaker id: its style, or the unattributed grey for none. */
function colourOf(ctx: StoryContext, id: string | null | undefined): SpeakerColour & { pattern?: string } {
  return (id == null ? undefined : ctx.styles.get(String(id))) ?? UNATTRIBUTED;
}

/** The inline style that hands an element its speaker's colours. */
function vars(c: SpeakerColour): string {
  return `--bg:${c.background};--ink:${c.ink}`;
}

/** Add a mark over `span` when, clamped to the text, it is not empty. */
function addMark(ctx: StoryContext, span: unknown, layer: number, open: string, close: string): void {
  const c = clampSpan(ctx.text, span);
  if (c) ctx.marks.push({ start: c.start, end: c.end, layer, open, close, seq: ctx.marks.length });
}

/** Mark a claim: invisible until the claims toggle is on; "minor" below a checkworthiness of 0.5. */
function markClaim(ctx: StoryContext, c: Extraction['claims'][number]): void {
  const types = Array.isArray(c.types) ? c.types.join(', ') : '';
  const worth = Number(c.checkworthiness);
  const title =
    `Claim ${c.id ?? ''}: ${types || 'untyped'} · check-worthiness ${fmt(c.checkworthiness)}` +
    `${c.stance ? ` · ${c.stance}` : ''}${c.negated ? ' · negated' : ''}`;
  addMark(
    ctx,
    c.text,
    LAYER.claim,
    `<span class="claim${worth >= 0.5 ? '' : ' minor'}" data-claim="${escapeHtml(String(c.id ?? ''))}" title="${escapeHtml(title)}">`,
    '</span>',
  );
}

/** Highlight a quote's parts in its speaker's colour, underline its source (noting it in `sources`), embolden its cue. */
function markQuote(ctx: StoryContext, q: Quote): void {
  const id = q.speakerId == null ? null : String(q.speakerId);
  const colour = colourOf(ctx, id);
  const speaker = nameOf(ctx, id);
  const cue = q.cue?.span?.text;
  const title = `${speaker}\n${q.kind ?? 'quote'} quote${cue ? ` · cue “${cue}”` : ''} · confidence ${fmt(q.confidence)}`;
  const cls = id == null ? 'q unattributed' : `q ${colour.pattern}`;
  const attrs =
    `class="${cls}" data-quote="${escapeHtml(String(q.id ?? ''))}" data-speaker="${escapeHtml(id ?? '')}"` +
    ` data-colour="${colour.background}" style="${vars(colour)}" title="${escapeHtml(title)}"`;
  const parts = Array.isArray(q.spans) && q.spans.length > 0 ? q.spans : [q.content];
  for (const part of parts) addMark(ctx, part, LAYER.quote, `<mark ${attrs}>`, '</mark>');

  if (q.source) {
    const c = clampSpan(ctx.text, q.source);
    if (c) ctx.sources.add(`${c.start}:${c.end}`);
    const tip = `${speaker}\nwho said it`;
    const open = `<span class="src" data-speaker="${escapeHtml(id ?? '')}" style="${vars(colour)}" title="${escapeHtml(tip)}">`;
    addMark(ctx, q.source, LAYER.source, open, '</span>');
  }
  if (q.cue?.span) {
    const tip = `cue: ${q.cue.lemma ?? ''}${q.cue.stance ? ` (${q.cue.stance})` : ''}`;
    addMark(ctx, q.cue.span, LAYER.cue, `<span class="cue" title="${escapeHtml(tip)}">`, '</span>');
  }
}

/** Underline (dotted) every mention of a quoted speaker that is not already a quote's source. Run after markQuote. */
function markMentions(ctx: StoryContext): void {
  for (const sp of ctx.speakers) {
    const id = String(sp.id);
    const style = ctx.styles.get(id);
    if (!style || ctx.byId.get(id) !== sp) continue;
    const tip = escapeHtml(`${nameOf(ctx, id)}\nmentioned`);
    for (const m of arr<Span>(sp.mentions)) {
      const c = clampSpan(ctx.text, m);
      if (!c || ctx.sources.has(`${c.start}:${c.end}`)) continue;
      const open = `<span class="mention" data-speaker="${escapeHtml(id)}" style="${vars(style)}" title="${tip}">`;
      addMark(ctx, m, LAYER.mention, open, '</span>');
    }
  }
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

/** A chip's tooltip: the name, what the speaker is, and how the story refers to it. */
function chipTitle(ctx: StoryContext, id: string): string {
  const sp = ctx.byId.get(id);
  const meta = [sp?.kind, sp?.title, sp?.affiliation, sp?.speaksFor != null ? `speaks for ${nameOf(ctx, sp.speaksFor)}` : '']
    .filter((s) => typeof s === 'string' && s)
    .join(', ');
  const forms = [...mentionForms(ctx.text, arr<Span>(sp?.mentions))];
  const formList = forms
    .slice(0, 12)
    .map(([form, n]) => `“${form}”${n > 1 ? ` ×${n}` : ''}`)
    .join(', ');
  const n = ctx.counts.get(id) ?? 0;
  return (
    `${nameOf(ctx, id)}${meta ? ` (${meta})` : ''}\n${plural(n, 'quote')}` +
    (formList ? ` · called ${formList}${forms.length > 12 ? ', …' : ''}` : '') +
    '\nclick to pick out their quotes and mentions'
  );
}

/** How many speakers' chips the legend shows before a "+ N more" toggle (for 3 or more): it stays a line or two. */
const LEGEND_SHOWN = 10;

/** The number of chips shown before the toggle: all of them when the toggle would hide fewer than 3. */
function shownChips(speakers: number): number {
  return speakers - LEGEND_SHOWN >= 3 ? LEGEND_SHOWN : speakers;
}

/** The legend: a chip per quoted speaker, most quoted first, then the unattributed quotes and who is only mentioned. */
function legend(ctx: StoryContext): string {
  const items: string[] = [];
  const shown = shownChips(ctx.styles.size);
  for (const [id, style] of ctx.styles) {
    items.push(
      `<li${style.rank >= shown ? ' class="more"' : ''}><button type="button" class="chip" data-speaker="${escapeHtml(id)}" aria-pressed="false" style="${vars(style)}"` +
        ` title="${escapeHtml(chipTitle(ctx, id))}"><span class="sw ${style.pattern}"></span>` +
        `<span class="nm">${escapeHtml(nameOf(ctx, id))}</span><span class="n">${ctx.counts.get(id)}</span></button></li>`,
    );
  }
  const unattributed = ctx.quotes.filter((q) => q.speakerId == null).length;
  if (unattributed > 0) {
    items.push(
      `<li><button type="button" class="chip" data-speaker="" aria-pressed="false" style="${vars(UNATTRIBUTED)}"` +
        ` title="${escapeHtml(`${plural(unattributed, 'quote')} with no speaker found`)}"><span class="sw"></span>` +
        `<span class="nm">unattributed</span><span class="n">${unattributed}</span></button></li>`,
    );
  }
  const hidden = ctx.styles.size - shown;
  if (hidden > 0) {
    items.push(
      '<li><label class="chip more-btn"><input type="checkbox" class="more-toggle">' +
        `<span class="m-more">+ ${hidden} more</span><span class="m-less">fewer</span></label></li>`,
    );
  }
  const others = [...ctx.byId.keys()].filter((id) => !ctx.styles.has(id));
  if (others.length > 0) {
    const names = others.map((id) => nameOf(ctx, id)).join(', ');
    items.push(`<li class="empty" title="${escapeHtml(names)}">+ ${others.length} mentioned, not quoted</li>`);
  }
  if (items.length === 0) return '<p class="empty">No quotes found.</p>';
  return `<ul class="legend" aria-label="Speakers, most quoted first">${items.join('')}</ul>`;
}

/** The toggle that shows the claims, and a one-line key to the marks. */
function tools(claims: number): string {
  const toggle =
    claims > 0
      ? `<label><input type="checkbox" class="claims-toggle"> Show claims (${claims})</label>` +
        '<span class="k-claim"><span class="k-worth">worth checking</span> · <span class="k-minor">other claims</span></span>'
      : '<span>No claims</span>';
  return (
    `<div class="tools">${toggle}<span class="key"><span>highlight: a quote, in its speaker’s colour</span>` +
    '<span><span class="src" style="--ink:#555">underline</span>: who said it</span>' +
    '<span><span class="mention" style="--ink:#555">dotted</span>: named again</span><span><b>bold</b>: cue</span></span></div>'
  );
}

/** White space the page may drop at a paragraph's ends (not the vertical tab: it is shown, as U+FFFD). */
const SPACE = /[^\S\v]/;

/** `start` and `end` moved inwards past white space; null when nothing else is between them. */
function trimmed(text: string, start: number, end: number): { start: number; end: number } | null {
  let s = start;
  let e = end;
  while (s < e && SPACE.test(text[s])) s++;
  while (e > s && SPACE.test(text[e - 1])) e--;
  return s < e ? { start: s, end: e } : null;
}

/**
 * The story's paragraphs between `from` and `to`, without their surrounding white space: separated by blank
 * lines when the text has any, else by line breaks.
 */
function paragraphs(text: string, from: number, to: number): Array<{ start: number; end: number }> {
  const blank = /(?:\r\n?|\n)[^\S\r\n\v]*(?:\r\n?|\n)/.test(text);
  const sep = blank ? /(?:\r\n?|\n)[^\S\r\n\v]*(?:\r\n?|\n)/g : /\r\n?|\n/g;
  const out: Array<{ start: number; end: number }> = [];
  let at = from;
  sep.lastIndex = from;
  for (let m = sep.exec(text); m && m.index < to; m = sep.exec(text)) {
    const p = trimmed(text, at, Math.min(m.index, to));
    if (p) out.push(p);
    at = Math.min(m.index + m[0].length, to);
  }
  const last = trimmed(text, at, to);
  if (last) out.push(last);
  return out;
}

/** The margin of a paragraph: the speakers whose quotes start in it, in order, each named once. */
function margin(ctx: StoryContext, starts: Array<[number, string | null]>, p: { start: number; end: number }): string {
  const seen = new Set<string | null>();
  const names: string[] = [];
  for (const [at, id] of starts) {
    if (at < p.start || at >= p.end || seen.has(id)) continue;
    seen.add(id);
    const n = id == null ? 0 : (ctx.counts.get(id) ?? 0);
    const title = `${nameOf(ctx, id)}\n${id == null ? 'no speaker found' : `${plural(n, 'quote')} in the story`}`;
    names.push(
      `<span class="name" data-speaker="${escapeHtml(id ?? '')}" style="${vars(colourOf(ctx, id))}" title="${escapeHtml(title)}">` +
        `${escapeHtml(nameOf(ctx, id))}</span>`,
    );
  }
  return `<div class="who">${names.join('')}</div>`;
}

/** The body: a row per paragraph, its speakers in the margin, its text marked. */
function body(ctx: StoryContext, ranges: Array<[number, number]>): string {
  const starts: Array<[number, string | null]> = [];
  for (const q of ctx.quotes) {
    const at = quoteStart(ctx.text, q);
    if (at !== null) starts.push([at, q.speakerId == null ? null : String(q.speakerId)]);
  }
  starts.sort((a, b) => a[0] - b[0]);
  const rows: string[] = [];
  for (const [from, to] of ranges) {
    for (const p of paragraphs(ctx.text, from, to)) {
      rows.push(`<div class="para">${margin(ctx, starts, p)}<p>${renderMarkedText(ctx.text, ctx.marks, p.start, p.end)}</p></div>`);
    }
  }
  return rows.length ? rows.join('\n') : '<p class="empty">The story is empty.</p>';
}

/** Render one story as an `<article>`: headline, summary, legend and tools, then the marked-up text. */
function renderStory(story: HtmlStory, index: number): string {
  const ctx = storyContext(story);
  const result = (story.result ?? {}) as Partial<Extraction>;
  const claims = arr<Extraction['claims'][number]>(result.claims);
  // The order of the marks breaks ties between marks with the same extent and layer.
  for (const b of arr<Span>(result.document?.boilerplate)) addMark(ctx, b, LAYER.boilerplate, '<span class="boilerplate">', '</span>');
  for (const c of claims) markClaim(ctx, c);
  for (const q of ctx.quotes) markQuote(ctx, q);
  markMentions(ctx);

  const name = story.name ? baseName(story.name) : '';
  const hl = result.document?.headline ? clampSpan(ctx.text, result.document.headline) : null;
  // The headline is shown once: as the heading, marks and all, and not again in the text.
  const heading = hl ? renderMarkedText(ctx.text, ctx.marks, hl.start, hl.end) : escapeHtml(name || `Story ${index + 1}`);
  const ranges: Array<[number, number]> = hl
    ? [
        [0, hl.start],
        [hl.end, ctx.text.length],
      ]
    : [[0, ctx.text.length]];
  const facts = [name, `${plural(ctx.quotes.length, 'quote')} from ${plural(ctx.styles.size, 'speaker')}`, plural(claims.length, 'claim')];
  return (
    `<article class="story" id="story-${index + 1}">\n` +
    `<header><h1>${heading}</h1><p class="summary">${escapeHtml(facts.filter(Boolean).join(' · '))}</p></header>\n` +
    `<div class="bar">${legend(ctx)}${tools(claims.length)}</div>\n` +
    `<div class="text">\n${body(ctx, ranges)}\n</div>\n` +
    '</article>'
  );
}

/** The plain text of a story's headline, or ''. */
function headlineText(story: HtmlStory | undefined): string {
  const h = story?.result?.document?.headline;
  const c = story && h ? clampSpan(String(story.text ?? ''), h) : null;
  return c ? String(story!.text).slice(c.start, c.end).replace(/\s+/g, ' ').trim() : '';
}

/** One page holding several stories. */
export function renderHtmlPage(stories: readonly HtmlStory[], options: { title?: string } = {}): string {
  const title = options.title ?? (stories.length === 1 ? headlineText(stories[0]) || baseName(stories[0].name ?? '') : '');
  return (
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
    `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">\n` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="generator" content="quotewire">\n' +
    `<title>${escapeHtml(title ? `${title} · quotewire` : 'quotewire report')}</title>\n` +
    `<style>${REPORT_CSS}</style>\n</head>\n<body>\n<main>\n` +
    stories.map((s, i) => renderStory(s, i)).join('\n') +
    `\n</main>\n<script>${REPORT_SCRIPT}</script>\n</body>\n</html>\n`
  );
}

/** The page for one story: `text` is the input `result` was extracted from. */
export function renderHtml(text: string, result: Extraction): string {
  return renderHtmlPage([{ text, result }]);
}
