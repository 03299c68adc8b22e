/**
 * Sentence and clause helpers the attribution patterns share: a sentence's token range, character ranges of
 * content, quote regions inside a range, where a clause closes, time phrases and trailing adjuncts, and the
 * subject tests (coordinated, passive, modal) a cue's clause needs.
 */
import type { CharRange } from '../language/tokens';
import type { Context } from './context';
import { tokenAt, type Tokens } from '../language/tokens';
import type { QuoteRegion } from '../quotes/marks';
import type { CueHit } from '../cues/find';
import { subjectLeft, skipBetweenLeft, isQuoteMark } from '../language/np';
import { END_PUNCT, BE, MODALS, TIME_DETS, TIME_MODIFIERS, TIME_NOUNS } from './words';
import { firstNotBefore } from '../language/search';

export interface Sent {
  a: number; // first token
  b: number; // last token, exclusive
  s: number; // sentence index
}
export function sentOf(ctx: Context, s: number): Sent {
  const [a, b] = ctx.seg.sentTok[s];
  return { a, b, s };
}
/** Char offset where a sentence's own words begin (after a dateline, when the sentence holds one). */
export function contentStartTok(ctx: Context, st: Sent): number {
  const body = ctx.seg.bodyStart;
  const { tk } = ctx;
  let a = st.a;
  if (tk.start[a] < body && tk.end[st.b - 1] > body) a = tokenAt(tk, body);
  return a;
}
export function charRange(ctx: Context, first: number, lastExcl: number): CharRange | null {
  const { tk } = ctx;
  let a = first;
  let b = lastExcl;
  // drop edge punctuation (but keep closing quote marks with the content)
  while (a < b && tk.pos[a] === 'PUNCT' && !isQuoteMark(tk.value[a])) a++;
  while (b > a && (END_PUNCT.has(tk.value[b - 1]) || tk.value[b - 1] === ',' || tk.value[b - 1] === ':' || tk.pos[b - 1] === 'SPACE')) b--;
  if (b <= a) return null;
  return [tk.start[a], tk.end[b - 1]];
}
export function regionsWithin(ctx: Context, start: number, end: number): number[] {
  const out: number[] = [];
  const rs = ctx.regions;
  // regions are sorted by open: the first that opens at or after start - 1
  const lo = firstNotBefore(rs.length, (i) => rs[i].open < start - 1);
  for (let r = lo; r < rs.length && rs[r].open < end; r++) {
    if (rs[r].open >= start - 1 && rs[r].close <= end + 1) out.push(r);
  }
  return out;
}
export function skipBetweenRight(ctx: Context, i: number, hi: number): number {
  const { tk } = ctx;
  let j = i;
  let budget = 4;
  while (j < hi && budget-- > 0 && (tk.pos[j] === 'ADV' || tk.pos[j] === 'AUX' || tk.lower[j] === 'also')) j++;
  return j;
}
/** The quote regions no attribution has taken yet, in sentences that may hold quotes. */
export function* freeRegions(ctx: Context): Generator<{ r: number; reg: QuoteRegion; openTok: number; s: number }> {
  const { tk, regions } = ctx;
  for (let r = 0; r < regions.length; r++) {
    if (ctx.usedRegion[r]) continue;
    const reg = regions[r];
    const openTok = tokenAt(tk, reg.open);
    if (openTok >= tk.n) continue;
    const s = ctx.sentOfTok[openTok];
    if (s < 0 || ctx.mutedSentence[s]) continue;
    yield { r, reg, openTok, s };
  }
}
export function upperStart(ctx: Context, r: number): boolean {
  const p = ctx.regions[r].parts[0];
  if (!p) return false;
  const text = ctx.text;
  for (let i = p[0]; i < p[1]; i++) {
    const ch = text[i];
    if (ch === ' ' || ch === '…' || ch === '.' || ch === '[' || ch === '(') continue;
    return ch !== ch.toLowerCase() || (ch >= '0' && ch <= '9');
  }
  return false;
}
/** Does region r start its sentence (so it is a direct quote rather than a fragment)? */
export function startsSentence(ctx: Context, r: number, openTok: number): boolean {
  const s = ctx.sentOfTok[openTok];
  if (s < 0) return false;
  const [a] = ctx.seg.sentTok[s];
  const st = contentStartTok(ctx, { a, b: 0, s });
  return openTok <= st || (openTok > 0 && (ctx.tk.value[openTok - 1] === ':' || ctx.tk.value[openTok - 1] === ',')) || upperStart(ctx, r);
}
export function closesClause(ctx: Context, k: number, st: Sent): boolean {
  const v = ctx.tk.value[k];
  return k >= st.b || END_PUNCT.has(v) || v === ',' || v === ':' || v === '—' || v === '–' || ctx.tk.pos[k] === 'SPACE';
}
/** "people were charged fees": the subject of a passive cue is not its speaker. */
export function passive(ctx: Context, c: CueHit, lo: number): boolean {
  const { tk } = ctx;
  if (c.entry.form !== 'past' && c.entry.form !== 'participle') return false;
  for (let t = c.first - 1; t >= lo && t >= c.first - 3; t--) {
    if (BE.has(tk.lower[t])) return tk.lower[c.last + 1] !== 'by';
    if (tk.pos[t] !== 'ADV' && tk.pos[t] !== 'PART') return false;
  }
  return false;
}
/** "The EU will propose …": a cue under a modal reports nothing yet. */
export function modal(ctx: Context, c: CueHit, lo: number): boolean {
  const { tk } = ctx;
  for (let t = c.first - 1; t >= lo && t >= c.first - 3; t--) {
    if (MODALS.has(tk.value[t])) return true; // case matters: "Theresa May said"
    if (tk.pos[t] !== 'ADV' && tk.pos[t] !== 'PART' && tk.lower[t] !== 'be' && tk.lower[t] !== 'have') return false;
  }
  return false;
}
/** "… promised to keep going and said …", "… spoke for an hour, but told …": the subject of the verb before the conjunction. */
export function coordinatedSubject(ctx: Context, c: CueHit, lo: number): ReturnType<typeof subjectLeft> {
  const { tk } = ctx;
  const j = skipBetweenLeft(tk, c.first - 1, lo);
  if (!(j > lo && (tk.lower[j] === 'and' || tk.lower[j] === 'but'))) return null;
  for (let t = j - 1; t >= lo && j - t < 30; t--) {
    if ((tk.pos[t] === 'VERB' || tk.pos[t] === 'AUX') && ctx.regionOfTok[t] < 0) {
      let v0 = t;
      while (v0 - 1 >= lo && (tk.pos[v0 - 1] === 'AUX' || tk.pos[v0 - 1] === 'PART' || tk.pos[v0 - 1] === 'VERB')) v0--;
      const subj = subjectLeft(tk, v0, lo);
      if (subj) return subj;
    }
  }
  return null;
}
/**
 * When tokens from k are a time phrase that ends the clause ("the next day.", "that morning,", "the same
 * week"), the index after it; otherwise 0.
 */
export function timePhraseEnd(tk: Tokens, k: number, b: number): number {
  let j = k;
  if (j < b && TIME_DETS.has(tk.lower[j])) j++;
  const modified = j < b && TIME_MODIFIERS.has(tk.lower[j]);
  if (modified) j++;
  if (!(j < b && TIME_NOUNS.has(tk.lower[j]))) return 0;
  if (!modified && tk.lower[k] !== 'that' && tk.lower[k] !== 'this') return 0;
  j++;
  return j >= b || tk.value[j] === ',' || END_PUNCT.has(tk.value[j]) ? j : 0;
}
/** Does any token in [a, b) read as a verb (outside quotations, any token counts inside them)? */
export function hasVerb(ctx: Context, a: number, b: number): boolean {
  const { tk } = ctx;
  for (let t = a; t < b; t++) if (tk.pos[t] === 'VERB' || tk.pos[t] === 'AUX' || ctx.regionOfTok[t] >= 0) return true;
  return false;
}
/** "…, she said in a statement." / "…, he told reporters on Tuesday." */
export function isTrailingAdjunct(ctx: Context, k: number, st: Sent): boolean {
  const { tk } = ctx;
  if (timePhraseEnd(tk, k, st.b) > 0) return true;
  const p = tk.pos[k];
  if (!(p === 'ADP' || p === 'PROPN' || p === 'NOUN' || p === 'PRON' || p === 'ADV')) return false;
  for (let t = k; t < st.b; t++) {
    if (tk.pos[t] === 'VERB' || tk.pos[t] === 'AUX' || tk.lower[t] === 'that' || ctx.regionOfTok[t] >= 0) return false;
    if (tk.value[t] === ',' || END_PUNCT.has(tk.value[t])) return true;
  }
  return true;
}
