/**
 * Marks over a story's text, rendered as well-nested HTML, and the escaping of everything the report prints.
 *
 * The marks are built from spans by a sweep over their boundaries: at every boundary the set of open marks
 * is compared with the set that should be open, and only the differing tail of the stack is closed and
 * reopened, so overlapping spans are split and the markup is always well nested, whatever the spans are
 * (out of range, reversed, fractional, inside a surrogate pair, nested a thousand deep).
 */
import type { Span } from '../types';

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

export interface Mark {
  start: number;
  end: number;
  /** Among marks with the same extent, lower is outer. */
  layer: number;
  open: string;
  close: string;
  seq: number;
}

export const LAYER = { boilerplate: 0, claim: 1, quote: 2, mention: 3, source: 4, cue: 5 } as const;

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Clamp a span to the text, snapping ends that fall inside a surrogate pair outwards; null if empty. */
export function clampSpan(text: string, span: unknown): { start: number; end: number } | null {
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

/**
 * Render `text` from `from` to `to` with the marks (cut to that range): well-nested HTML whatever the marks'
 * extents. The range's ends should not split a surrogate pair.
 */
export function renderMarkedText(text: string, marks: readonly Mark[], from = 0, to = text.length): string {
  const inRange = marks
    .filter((m) => m.end > from && m.start < to)
    .map((m) => ({ ...m, start: Math.max(m.start, from), end: Math.min(m.end, to) }));
  // Outer marks first: earlier start, then later end, then lower layer, then insertion order.
  const sorted = inRange.sort((a, b) => a.start - b.start || b.end - a.end || a.layer - b.layer || a.seq - b.seq);
  const bounds = new Set<number>([from, to]);
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
