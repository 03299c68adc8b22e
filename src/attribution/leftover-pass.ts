/**
 * Pass 3: quotes left over: a whole-sentence quote continues the last speaker; a fragment with no cue is no
 * statement.
 */
import type { CharRange } from '../language/tokens';
import type { Context } from './context';
import type { RawAttribution } from './types';
import { freeRegions, upperStart, startsSentence } from './clause';
import { make } from './make';

/** A short Title Case quotation is a title ("‘Make Your Kid a Millionaire’"), not a statement. */
export function titleCased(text: string, [a, b]: CharRange): boolean {
  if (b - a > 90) return false;
  const words = text.slice(a, b).match(/[A-Za-z][A-Za-z'’-]*/g) ?? [];
  if (words.length > 10 || words.length === 0) return false;
  const caps = words.filter((w) => w[0] !== w[0].toLowerCase()).length;
  return caps / words.length >= 0.7;
}
/** Pass 3: quotes no cue claimed. */
export function leftoverPass(ctx: Context, out: RawAttribution[]): void {
  for (const { r, reg, openTok, s } of freeRegions(ctx)) {
    const p = ctx.seg.sentPara[s];
    if (ctx.seg.paraRole[p] !== 'body') continue;
    // a statement, not a title or a scare quote: it starts a sentence and has a few words
    let words = 0;
    for (const [a, b] of reg.parts) {
      const t = ctx.text.slice(a, Math.min(b, a + 400));
      words += (t.match(/\S+/g) ?? []).length;
      if (words >= 4) break;
    }
    if (words < 4 || !startsSentence(ctx, r, openTok) || !upperStart(ctx, r) || titleCased(ctx.text, reg.parts[0])) continue;
    const raw = make(ctx, {
      kind: 'direct',
      parts: reg.parts.slice(),
      cue: null,
      source: null,
      sentence: s,
      rule: reg.unclosed ? 'continuation-unclosed' : 'continuation',
    });
    raw.continues = true;
    out.push(raw);
  }
}
