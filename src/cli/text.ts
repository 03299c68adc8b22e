/**
 * `--format text`: a readable, aligned table per story (speaker, kind, cue, content), safe to print on a
 * terminal whatever the story holds (control characters, escape sequences, emoji, CJK, lone surrogates).
 */
import type { Extraction, Quote, Speaker } from '../types';

/** Columns of a code point on a terminal: 0 for combining marks and joiners, 2 for wide and emoji. */
function cpWidth(cp: number): number {
  if (
    (cp >= 0x0300 && cp <= 0x036f) ||
    (cp >= 0x1ab0 && cp <= 0x1aff) ||
    (cp >= 0x1dc0 && cp <= 0x1dff) ||
    (cp >= 0x20d0 && cp <= 0x20ff) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0xfe20 && cp <= 0xfe2f) ||
    (cp >= 0x200b && cp <= 0x200d) ||
    (cp >= 0xe0100 && cp <= 0xe01ef) ||
    (cp >= 0x1f3fb && cp <= 0x1f3ff)
  ) {
    return 0;
  }
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x1fa70 && cp <= 0x1faff) ||
    (cp >= 0x1f680 && cp <= 0x1f6ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

/** Display width of a string on a terminal (an estimate: no font knows better). */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += cpWidth(ch.codePointAt(0)!);
  return w;
}

/**
 * One line of plain, printable text: white space runs (newlines, tabs, CR) become one space; control
 * characters (NUL, ESC …), bidi overrides and lone surrogates become U+FFFD, so nothing can move the cursor,
 * recolour the terminal or reorder the table.
 */
export function sanitizeCell(s: string): string {
  return s
    .replace(/[\s\u0085]+/g, ' ')
    .replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g, '\ufffd')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .trim();
}

/** Cut to at most `width` columns, ending in "…" when cut; never splits a surrogate pair. */
export function truncate(s: string, width: number): string {
  if (width <= 0) return '';
  if (displayWidth(s) <= width) return s;
  let out = '';
  let w = 0;
  for (const ch of s) {
    const cw = cpWidth(ch.codePointAt(0)!);
    if (w + cw > width - 1) break;
    out += ch;
    w += cw;
  }
  return out + '…';
}

function pad(s: string, width: number): string {
  const w = displayWidth(s);
  return w >= width ? s : s + ' '.repeat(width - w);
}

export interface TextOptions {
  /** Name shown in the story's header line (a file name, "(stdin)"). */
  name?: string;
  /** Terminal width in columns; when absent the content column is cut at about 100 characters. */
  columns?: number;
}

const MAX_SPEAKER = 28;
const MAX_CUE = 18;
const DEFAULT_CONTENT = 100;
const MIN_CONTENT = 20;
const MIN_SPEAKER = 10;
const MIN_CUE = 4;
const GAP = '  ';

function speakerLabel(byId: Map<string, Speaker>, q: Quote): string {
  const sp = q.speakerId != null ? byId.get(q.speakerId) : undefined;
  if (sp) return String(sp.name || sp.id);
  if (q.speakerId != null) return String(q.speakerId);
  if (q.source?.text) return `(${q.source.text})`;
  return '(unknown)';
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The text report of one story. Never throws on odd (even malformed) results. */
export function formatText(result: Extraction, options: TextOptions = {}): string {
  const quotes = Array.isArray(result?.quotes) ? result.quotes.filter((q) => q && typeof q === 'object') : [];
  const speakers = Array.isArray(result?.speakers) ? result.speakers : [];
  const claims = Array.isArray(result?.claims) ? result.claims : [];
  const byId = new Map<string, Speaker>();
  for (const s of speakers) if (s && typeof s === 'object' && !byId.has(s.id)) byId.set(s.id, s);

  const title = sanitizeCell(options.name ?? '');
  const headline = result?.document?.headline?.text ? sanitizeCell(result.document.headline.text) : '';
  const summary = `${plural(quotes.length, 'quote')}, ${plural(speakers.length, 'speaker')}, ${plural(claims.length, 'claim')}`;
  const lines: string[] = [];
  let header = `== ${title ? title + ' · ' : ''}${summary}`;
  if (options.columns) header = truncate(header, options.columns);
  lines.push(header);
  if (headline) lines.push(truncate(headline, options.columns ?? DEFAULT_CONTENT + 40));

  if (quotes.length === 0) {
    lines.push('(no quotes found)');
    return lines.join('\n') + '\n';
  }

  const rows = quotes.map((q) => [
    truncate(sanitizeCell(speakerLabel(byId, q)), MAX_SPEAKER),
    sanitizeCell(String(q.kind ?? '')),
    truncate(sanitizeCell(String(q.cue?.span?.text ?? '—')), MAX_CUE),
    sanitizeCell(String(q.content?.text ?? '')),
  ]);
  const head = ['SPEAKER', 'KIND', 'CUE', 'CONTENT'];
  const widths = [0, 1, 2].map((c) => Math.max(displayWidth(head[c]), ...rows.map((r) => displayWidth(r[c]))));
  let contentWidth = DEFAULT_CONTENT;
  if (options.columns) {
    // On a narrow terminal the speaker and cue columns give way first, so the content keeps 20 columns.
    const fixed = (): number => widths.reduce((a, b) => a + b, 0) + GAP.length * 3;
    const deficit = (): number => fixed() + MIN_CONTENT - options.columns!;
    if (deficit() > 0) widths[0] = Math.max(MIN_SPEAKER, widths[0] - deficit());
    if (deficit() > 0) widths[2] = Math.max(MIN_CUE, widths[2] - deficit());
    contentWidth = Math.max(MIN_CONTENT, options.columns - fixed());
  }

  const line = (r: string[]): string =>
    (
      pad(truncate(r[0], widths[0]), widths[0]) +
      GAP +
      pad(r[1], widths[1]) +
      GAP +
      pad(truncate(r[2], widths[2]), widths[2]) +
      GAP +
      truncate(r[3], contentWidth)
    ).trimEnd();
  lines.push(line(head));
  for (const r of rows) lines.push(line(r));
  return lines.join('\n') + '\n';
}
