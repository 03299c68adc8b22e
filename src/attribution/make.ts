/**
 * From what a pattern found to a RawAttribution: the cue marked used, the confidence read from the pattern's row
 * of CONFIDENCE, and for clause contents the quote regions they hold.
 */
import type { Context } from './context';
import type { RawAttribution } from './types';
import type { CueHit } from '../cues/find';
import type { CharRange, TokenRange } from '../language/tokens';
import type { QuoteKind } from '../types';
import { type Sent, charRange, regionsWithin, upperStart } from './clause';
import { words } from '../language/words';

/**
 * How sure each pattern is of what it found: the attribution's confidence before its source is resolved. The
 * patterns that rest on punctuation alone (a quote after "said,", a trailer cue) are surest; a quote with no cue
 * that only follows another, least (less still when its closing mark is missing).
 */
export const CONFIDENCE = {
  'quote-trailer': 0.95,
  'quote-lead': 0.9,
  'quote-trailer-mixed': 0.85,
  'cue-in-quote': 0.85,
  'according-to-after': 0.85,
  'according-to-before': 0.85,
  'subject-cue-that': 0.85,
  'quote-dash-signature': 0.8,
  participle: 0.8,
  parenthetical: 0.8,
  'content-then-source': 0.8,
  'content-then-cue-source': 0.75,
  'subject-cue-object': 0.7,
  label: 0.7,
  continuation: 0.6,
  'continuation-unclosed': 0.4,
} as const;
/** The pattern that found an attribution. */
export type Rule = keyof typeof CONFIDENCE;
/** What a pattern found, before it becomes a RawAttribution. */
export interface Found {
  kind: QuoteKind;
  parts: CharRange[];
  cue: CueHit | null;
  source: TokenRange | null;
  sentence: number;
  rule: Rule;
  appositive?: TokenRange | null;
}
export function make(ctx: Context, f: Found): RawAttribution {
  const { cue, sentence } = f;
  const paragraph = ctx.seg.sentPara[sentence] ?? 0;
  if (cue) for (let i = cue.first; i <= cue.last; i++) ctx.usedCue[i] = 1;
  return {
    kind: f.kind,
    parts: f.parts,
    cue: cue ? [cue.first, cue.last + 1] : null,
    cueLemma: cue ? cue.entry.lemma : null,
    stance: cue ? cue.entry.stance : 'neutral',
    source: f.source,
    appositive: f.appositive ?? null,
    continues: false,
    sentence,
    paragraph,
    confidence: CONFIDENCE[f.rule],
  };
}
/** How a clause-content pattern found its content: the cue, the source mention, the sentence, the pattern. */
export interface ContentHow {
  cue: CueHit;
  source: TokenRange | null;
  st: Sent;
  rule: Rule;
  appositive?: TokenRange | null;
}
export function withContent(ctx: Context, first: number, end: number, how: ContentHow): RawAttribution | null {
  const range = charRange(ctx, first, end);
  if (!range) return null;
  // a one-word content ("Mexico said enough.") is no statement to check
  let words = 0;
  for (let t = first; t < end && words < 2; t++) if (ctx.tk.type[t] === 'word' || ctx.tk.type[t] === 'number') words++;
  const regions = regionsWithin(ctx, range[0], range[1]);
  if (words < 2 && !regions.length) return null;
  // a bare noun phrase after the cue ("criticised the plan", "denied the report") names what was spoken of, not
  // what was said: a statement has a verb (or quoted words)
  if (how.rule === 'subject-cue-object' && !how.cue.entry.object && bareNounPhrase(ctx, first, end) && !regions.length) return null;
  const inside = regions.filter((r) => !ctx.usedRegion[r]);
  for (const r of inside) ctx.usedRegion[r] = 1;
  // a content that is only one quote is that quote
  let kind: QuoteKind = inside.length ? 'mixed' : 'indirect';
  let parts: CharRange[] = [range];
  if (inside.length === 1) {
    const reg = ctx.regions[inside[0]];
    if (reg.open <= range[0] && reg.close >= range[1] - 1) {
      kind = upperStart(ctx, inside[0]) ? 'direct' : 'partial';
      parts = reg.parts.slice();
    }
  }
  return make(ctx, { kind, parts, cue: how.cue, source: how.source, sentence: how.st.s, rule: how.rule, appositive: how.appositive });
}

/**
 * Are tokens [first, end) a noun phrase and no clause: led by a determiner or a possessive ("the plan", "his remarks")
 * and holding no verb or auxiliary? (A that-less clause whose verb wink tags as a noun — "leaks cost the city …" —
 * starts with no determiner, and stays.)
 */
function bareNounPhrase(ctx: Context, first: number, end: number): boolean {
  const { tk } = ctx;
  if (!(tk.pos[first] === 'DET' || POSSESSIVE.has(tk.lower[first]))) return false;
  for (let t = first; t < end; t++) if (tk.pos[t] === 'VERB' || tk.pos[t] === 'AUX') return false;
  return true;
}

const POSSESSIVE = words('possessives');
