/**
 * `--format text`: per story a header, a table of its quotes (speaker, kind, cue, content; names in full,
 * wrapped), a one-line legend, and its most check-worthy claims. Fits the terminal's width (100 columns when
 * the output is not a terminal), and is safe to print whatever the story holds (control characters, escape
 * sequences, emoji, CJK, lone surrogates): every cell goes through sanitizeCell.
 */
import type { Extraction, Quote, Speaker } from '../types';
import { displayWidth, pad, sanitizeCell, truncate, wrap } from './cells';
import { claimsSection } from './text-claims';

export { displayWidth, sanitizeCell, truncate, wrap } from './cells';

export interface TextOptions {
  /** Name shown in the story's header line (a file name, "(stdin)"). */
  name?: string;
  /** Terminal width in columns; DEFAULT_COLUMNS when absent. */
  columns?: number;
}

/** The width when the output is not a terminal. */
export const DEFAULT_COLUMNS = 100;
/** The speaker column takes at most this share of the width; longer names wrap. */
const SPEAKER_SHARE = 0.25;
const MAX_CUE = 14;
const MIN_CONTENT = 20;
const MIN_SPEAKER = 10;
const MIN_CUE = 4;
/** Lines of content a row shows at least (more when its speaker's name takes more). */
const CONTENT_LINES = 2;
const GAP = '  ';

/** What the KIND values and an empty CUE mean, under the table: one line of a 100-column terminal. */
export const LEGEND = 'direct: quoted, partial: quoted phrase, mixed: reported with quotes, indirect: reported · —: no cue';

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
  // one column short of the terminal's: a line that fills it makes some terminals wrap an empty line after it
  const columns = Math.max(MIN_CONTENT + MIN_SPEAKER, (options.columns ?? DEFAULT_COLUMNS) - 1);
  const quotes = Array.isArray(result?.quotes) ? result.quotes.filter((q) => q && typeof q === 'object') : [];
  const speakers = Array.isArray(result?.speakers) ? result.speakers : [];
  const claims = Array.isArray(result?.claims) ? result.claims : [];
  const byId = new Map<string, Speaker>();
  for (const s of speakers) if (s && typeof s === 'object' && !byId.has(s.id)) byId.set(s.id, s);

  const title = sanitizeCell(options.name ?? '');
  const headline = result?.document?.headline?.text ? sanitizeCell(result.document.headline.text) : '';
  const summary = `${plural(quotes.length, 'quote')}, ${plural(speakers.length, 'speaker')}, ${plural(claims.length, 'claim')}`;
  const lines = [truncate(`== ${title ? `${title} · ` : ''}${summary}`, columns)];
  if (headline) lines.push(...wrap(headline, columns, 2));

  if (quotes.length === 0) lines.push('(no quotes found)');
  else lines.push('', ...quoteTable(quotes, byId, columns), '', ...wrap(LEGEND, columns));
  const section = claimsSection(claims, byId, columns);
  if (section.length > 0) lines.push('', ...section);
  return lines.map((l) => l.trimEnd()).join('\n') + '\n';
}

/** The quotes table at `columns` wide: a header, then each quote on as many lines as its cells need. */
function quoteTable(quotes: Quote[], byId: Map<string, Speaker>, columns: number): string[] {
  const rows = quotes.map((q) => [
    sanitizeCell(speakerLabel(byId, q)),
    sanitizeCell(String(q.kind ?? '')),
    sanitizeCell(String(q.cue?.span?.text ?? '—')),
    sanitizeCell(String(q.content?.text ?? '')),
  ]);
  const head = ['SPEAKER', 'KIND', 'CUE', 'CONTENT'];
  const widest = (c: number): number => Math.max(displayWidth(head[c]), ...rows.map((r) => displayWidth(r[c])));
  const widths = [Math.min(widest(0), Math.max(MIN_SPEAKER, Math.floor(columns * SPEAKER_SHARE))), widest(1), Math.min(widest(2), MAX_CUE)];
  // On a narrow terminal the speaker and cue columns give way first, so that the content keeps 20 columns.
  const fixed = (): number => widths[0] + widths[1] + widths[2] + GAP.length * 3;
  const deficit = (): number => fixed() + MIN_CONTENT - columns;
  if (deficit() > 0) widths[0] = Math.max(MIN_SPEAKER, widths[0] - deficit());
  if (deficit() > 0) widths[2] = Math.max(MIN_CUE, widths[2] - deficit());
  const contentWidth = Math.max(MIN_CONTENT, columns - fixed());

  const lines = [joinCells(head, widths)];
  for (const [speaker, kind, cue, content] of rows) {
    const who = wrap(speaker, widths[0]);
    const how = wrap(cue, widths[2], 2);
    const what = wrap(content, contentWidth, Math.max(CONTENT_LINES, who.length, how.length));
    const height = Math.max(1, who.length, how.length, what.length);
    for (let i = 0; i < height; i++) {
      lines.push(joinCells([who[i] ?? '', i === 0 ? truncate(kind, widths[1]) : '', how[i] ?? '', what[i] ?? ''], widths));
    }
  }
  return lines;
}

/** One line of the table: the first three cells padded to their widths, the content after them. */
function joinCells(cells: string[], widths: number[]): string {
  return (pad(cells[0], widths[0]) + GAP + pad(cells[1], widths[1]) + GAP + pad(cells[2], widths[2]) + GAP + cells[3]).trimEnd();
}
