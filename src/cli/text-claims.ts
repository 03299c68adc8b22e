/**
 * The claims section of `--format text`: the most check-worthy claims, each with its score, who made it, its
 * words (two lines at most) and the numbers and dates read from it, as written and as understood.
 */
import type { Claim, ClaimDate, Quantity, Speaker } from '../types';
import { sanitizeCell, truncate, wrap } from './cells';

/** How many claims the section shows. */
export const TOP_CLAIMS = 5;

const QUALIFIER: Record<NonNullable<Quantity['qualifier']>, string> = {
  approximate: '≈',
  'at-least': '≥',
  'at-most': '≤',
  'up-to': '≤',
  range: '',
};

/** "150 km²", "≈ 3 people", "5–10 %": the number as quotewire understood it. */
export function quantityValue(q: Quantity): string {
  const value = q.qualifier === 'range' && typeof q.high === 'number' ? `${q.value}–${q.high}` : String(q.value);
  const qualifier = q.qualifier ? QUALIFIER[q.qualifier] : '';
  const unit = q.unit === null || q.unit === undefined ? '' : q.unit === '%' ? '%' : ` ${q.unit}`;
  return `${qualifier ? `${qualifier} ` : ''}${value}${unit}`;
}

/** "words as written → as understood", or the words alone when the two are the same. */
function asRead(written: string, understood: string | null): string {
  const w = sanitizeCell(written);
  const u = understood === null ? '?' : sanitizeCell(understood);
  return w === u ? w : `${w} → ${u}`;
}

/** The numbers and dates line of a claim, empty when it has neither. */
function factsLine(c: Claim): string {
  const quantities = Array.isArray(c.quantities) ? c.quantities : [];
  const dates = Array.isArray(c.dates) ? c.dates : [];
  const parts: string[] = [];
  if (quantities.length > 0)
    parts.push(`numbers: ${quantities.map((q) => asRead(String(q?.span?.text ?? ''), quantityValue(q))).join(', ')}`);
  if (dates.length > 0)
    parts.push(`dates: ${dates.map((d: ClaimDate) => asRead(String(d?.span?.text ?? ''), d?.value ?? null)).join(', ')}`);
  return parts.join(' · ');
}

/** Who made the claim: the speaker's name, "(unresolved)" for a quote without one, "(the story)" for its own voice. */
function claimant(c: Claim, speakers: Map<string, Speaker>): string {
  const sp = c.speakerId != null ? speakers.get(c.speakerId) : undefined;
  if (sp) return sanitizeCell(String(sp.name || sp.id));
  return c.quoteId != null ? '(unresolved)' : '(the story)';
}

/** The section's lines at `width` columns; none when there are no claims. */
export function claimsSection(claims: Claim[], speakers: Map<string, Speaker>, width: number): string[] {
  const valid = claims.filter((c) => c && typeof c === 'object' && typeof c.checkworthiness === 'number');
  if (valid.length === 0) return [];
  // most check-worthy first; a tie keeps the story's order
  const top = valid
    .map((c, i) => ({ c, i }))
    .sort((a, b) => b.c.checkworthiness - a.c.checkworthiness || a.i - b.i)
    .slice(0, TOP_CLAIMS)
    .map(({ c }) => c);
  const lines = [
    truncate(`TOP CLAIMS · ${top.length} of ${valid.length}, most check-worthy first (score 0–1; --format json has all)`, width),
  ];
  const indent = '      ';
  const inner = Math.max(10, width - indent.length);
  for (const c of top) {
    const words = `${claimant(c, speakers)}: ${sanitizeCell(String(c.text?.text ?? ''))}`;
    const body = wrap(words, inner, 2);
    lines.push(`${c.checkworthiness.toFixed(2).padEnd(indent.length)}${body[0] ?? ''}`);
    for (const l of body.slice(1)) lines.push(indent + l);
    const facts = factsLine(c);
    if (facts) for (const l of wrap(facts, inner, 2)) lines.push(indent + l);
  }
  return lines;
}
