/**
 * Pass 1: quotes with a cue beside them: “…,” X said · “…,” said X · X said: “…” · X also “stressed …” ·
 * “…” ― Name.
 */
import { isCapitalised } from '../language/chars';
import type { Context } from './context';
import { tokenAt } from '../language/tokens';
import type { RawAttribution } from './types';
import { cueAt, type CueHit } from '../cues/find';
import { IMPLIED_SAY } from '../cues/lexicon';
import { appositionAt, npEndingAt, npStartingAt, subjectLeft } from '../language/np';
import type { TokenRange } from '../language/tokens';
import type { QuoteKind } from '../types';
import type { QuoteRegion } from '../quotes/marks';
import { ADJUNCT_PREPS, END_PUNCT, OBJECT_PRONOUNS, DASH_SIGN, TIME_WORDS } from './words';
import {
  type Sent,
  sentOf,
  contentStartTok,
  skipBetweenRight,
  freeRegions,
  upperStart,
  startsSentence,
  closesClause,
  isTrailingAdjunct,
  coordinatedSubject,
} from './clause';
import { make } from './make';

/** A free quote region as the patterns below see it. */
interface QuoteAt {
  r: number;
  reg: QuoteRegion;
  openTok: number;
  /** The first token after the region. */
  closeTok: number;
  /** The sentence the region opens in. */
  s: number;
  /** The sentence its last token is in. */
  lastSent: number;
}

/** Pass 1: quotes with their cue beside them. */
export function quotePass(ctx: Context, out: RawAttribution[]): void {
  const { tk } = ctx;
  for (const { r, reg, openTok, s } of freeRegions(ctx)) {
    const closeTok = tokenAt(tk, reg.close); // first token after the region
    const q: QuoteAt = { r, reg, openTok, closeTok, s, lastSent: closeTok > 0 ? ctx.sentOfTok[closeTok - 1] : s };
    const found = cueAfter(ctx, q) ?? cueBefore(ctx, q) ?? cueInQuote(ctx, q);
    if (found) out.push(found);
  }
}

/** Direct when the quote starts its sentence, else partial. */
const kindOf = (ctx: Context, q: QuoteAt): QuoteKind => (startsSentence(ctx, q.r, q.openTok) ? 'direct' : 'partial');

/** “…,” X said / “…,” said X / “…” ― Jane Doe: a cue or a signature right after the closing mark, in the same sentence. */
function cueAfter(ctx: Context, q: QuoteAt): RawAttribution | null {
  const { tk } = ctx;
  if (q.reg.unclosed || q.closeTok >= tk.n) return null;
  // “….” ― Mayor Ed Price: a signature after a quote that ends its sentence starts the next one, in the paragraph
  const next = q.lastSent + 1;
  if (ctx.sentOfTok[q.closeTok] === next && DASH_SIGN.has(tk.value[q.closeTok]) && ctx.seg.sentPara[next] === ctx.seg.sentPara[q.lastSent])
    return dashSignature(ctx, q, q.closeTok, sentOf(ctx, next));
  if (ctx.sentOfTok[q.closeTok] !== q.lastSent) return null;
  const st = sentOf(ctx, q.lastSent);
  let j = q.closeTok;
  if (tk.value[j] === ',') j++;
  return dashSignature(ctx, q, j, st) ?? quoteTrailer(ctx, q, j, st);
}

/** “…” ― Jane Doe.  (a quote signed with a dash, as in vox pops and epigraphs) */
function dashSignature(ctx: Context, q: QuoteAt, j: number, st: Sent): RawAttribution | null {
  const { tk } = ctx;
  if (!DASH_SIGN.has(tk.value[j])) return null;
  const np = npStartingAt(tk, j + 1, st.b);
  // (the name may be followed by a handle or a date: "― Eastvale Library (@eastvalelib) March 3")
  if (!np || !isCapitalised(tk.value[j + 1]) || !(closesClause(ctx, np[1], st) || tk.value[np[1]] === '(')) return null;
  ctx.usedRegion[q.r] = 1;
  const cue: CueHit = { first: j, last: j, entry: IMPLIED_SAY, kind: 'verb' };
  return make(ctx, { kind: kindOf(ctx, q), parts: q.reg.parts.slice(), cue, source: np, sentence: q.s, rule: 'quote-dash-signature' });
}

/** “…,” X said (, “…”): a trailer at j, and the next quote when it goes on right after the interruption. */
function quoteTrailer(ctx: Context, q: QuoteAt, j: number, st: Sent): RawAttribution | null {
  const { tk, regions } = ctx;
  const { r, reg, s } = q;
  const trailer = trailerAt(ctx, j, st);
  if (!trailer) return null;
  const parts = reg.parts.slice();
  ctx.usedRegion[r] = 1;
  // “…,” he said, “…” — the quote goes on after the interruption
  const after = skipAdjunct(ctx, q, trailer.end);
  if (
    after + 1 < tk.n &&
    (tk.value[after] === ',' || tk.value[after] === ':') &&
    r + 1 < regions.length &&
    tokenAt(tk, regions[r + 1].open) === after + 1 &&
    !ctx.usedRegion[r + 1]
  ) {
    parts.push(...regions[r + 1].parts);
    ctx.usedRegion[r + 1] = 1;
  }
  const kind = kindOf(ctx, q);
  if (kind === 'partial' && parts.length === 1) {
    // “… a misguided approach,” said X — narrative before the quote belongs to the same statement
    const from = tk.start[contentStartTok(ctx, sentOf(ctx, s))];
    return make(ctx, {
      kind: 'mixed',
      parts: [[from, reg.close]],
      cue: trailer.cue,
      source: trailer.source,
      sentence: s,
      rule: 'quote-trailer-mixed',
      appositive: trailer.appositive,
    });
  }
  return make(ctx, {
    kind,
    parts,
    cue: trailer.cue,
    source: trailer.source,
    sentence: s,
    rule: 'quote-trailer',
    appositive: trailer.appositive,
  });
}

/** "…,” Trump said during a rally in Ohio, “…" — skip a short adjunct up to the comma before the next quote. */
function skipAdjunct(ctx: Context, q: QuoteAt, after: number): number {
  const { tk, regions } = ctx;
  const r = q.r;
  if (r + 1 >= regions.length || ctx.usedRegion[r + 1]) return after;
  const nextOpen = tokenAt(tk, regions[r + 1].open);
  if (!(nextOpen > after + 1 && nextOpen - after < 14 && tk.value[nextOpen - 1] === ',' && ctx.sentOfTok[nextOpen] === q.lastSent))
    return after;
  for (let t = after; t < nextOpen - 1; t++) {
    if (tk.pos[t] === 'VERB' || tk.pos[t] === 'AUX' || END_PUNCT.has(tk.value[t])) return after;
  }
  return nextOpen - 1;
}

/** X said: “…” / X said, “…” — a verb cue with its subject just before the opening mark. */
function cueBefore(ctx: Context, q: QuoteAt): RawAttribution | null {
  const { tk } = ctx;
  const { r, openTok, s } = q;
  if (openTok <= 0) return null;
  const st = sentOf(ctx, s);
  let b = openTok - 1;
  const punct = tk.value[b] === ':' || tk.value[b] === ',';
  if (punct) b--;
  if (b < st.a) return null;
  const c = cueAt(tk, b, st.b) ?? listenerCueBefore(ctx, b, st) ?? (punct ? cueBeforeAdjunct(ctx, b, st) : null);
  if (!c || c.kind !== 'verb' || ctx.usedCue[c.first] || !(punct || upperStart(ctx, r))) return null;
  const subj = subjectLeft(tk, c.first, st.a) ?? coordinatedSubject(ctx, c, st.a);
  if (!subj) return null;
  ctx.usedRegion[r] = 1;
  // after "said," or "told them:" the quotation is a statement of its own, whatever its first letter
  return make(ctx, {
    kind: punct || upperStart(ctx, r) ? 'direct' : 'partial',
    parts: q.reg.parts.slice(),
    cue: c,
    source: subj.np,
    sentence: s,
    rule: 'quote-lead',
    appositive: subj.appositive,
  });
}

/**
 * “X said in a statement:”, “wrote on Twitter:”, “said on Monday,”: a verb cue followed by a short adjunct (a
 * preposition or a time word first, no verb, no comma) that ends at token b, right before the quote's colon or
 * comma. Null when none.
 */
function cueBeforeAdjunct(ctx: Context, b: number, st: Sent): CueHit | null {
  const { tk } = ctx;
  for (let p = b - 1; p >= st.a && p >= b - ADJUNCT_REACH; p--) {
    if (tk.pos[p] === 'VERB' || tk.pos[p] === 'AUX') {
      const c = cueAt(tk, p, st.b);
      const first = c ? c.last + 1 : -1;
      return c && c.kind === 'verb' && first <= b && (ADJUNCT_PREPS.has(tk.lower[first]) || TIME_WORDS.has(tk.lower[first])) ? c : null;
    }
    if (tk.value[p] === ',' || END_PUNCT.has(tk.value[p]) || ctx.regionOfTok[p] >= 0) return null;
  }
  return null;
}

/** How many tokens an adjunct between a cue and a quote's colon may hold (“said in a joint statement on Monday:”). */
const ADJUNCT_REACH = 8;

/** X also “stressed …” — the cue is the quote's first word. */
function cueInQuote(ctx: Context, q: QuoteAt): RawAttribution | null {
  const { tk } = ctx;
  const { r, openTok, s } = q;
  const firstIn = openTok + 1;
  if (firstIn >= q.closeTok || upperStart(ctx, r)) return null;
  const st = sentOf(ctx, s);
  const c = cueAt(tk, firstIn, st.b);
  if (!c || c.kind !== 'verb' || !(c.entry.form === 'past' || c.entry.form === 's')) return null;
  const subj = subjectLeft(tk, openTok, st.a);
  if (!subj) return null;
  ctx.usedRegion[r] = 1;
  return make(ctx, {
    kind: 'partial',
    parts: q.reg.parts.slice(),
    cue: c,
    source: subj.np,
    sentence: s,
    rule: 'cue-in-quote',
    appositive: subj.appositive,
  });
}

/** "X said" / "said X" / "X told reporters" starting at token j, ending the sentence or a clause. */
export function trailerAt(
  ctx: Context,
  j: number,
  st: Sent,
): { cue: CueHit; source: TokenRange; end: number; appositive: TokenRange | null } | null {
  const { tk } = ctx;
  if (j >= st.b) return null;
  // said X
  const c0 = cueAt(tk, j, st.b);
  if (c0 && c0.kind === 'verb' && !ctx.usedCue[j]) {
    const np = npStartingAt(tk, c0.last + 1, st.b) ?? nameInSpeakerSlot(ctx, c0.last + 1, st);
    if (np && closesClause(ctx, np[1], st)) {
      // "said EEF chief economist, Steve Radley.": the name after the role is the speaker's
      const named = nameAfterRole(ctx, np, st);
      if (named) return { cue: c0, source: named, end: named[1], appositive: np };
      return { cue: c0, source: np, end: np[1], appositive: null };
    }
  }
  // X said / X, a manager, said / X, 54, said
  const np = npStartingAt(tk, j, st.b) ?? nameInSpeakerSlot(ctx, j, st);
  if (!np) return null;
  const apposition = appositionAt(tk, np[1], st.b);
  const k = skipBetweenRight(ctx, apposition ? apposition[1] + 1 : np[1], st.b);
  const c = cueAt(tk, k, st.b);
  if (!c || c.kind !== 'verb' || ctx.usedCue[k]) return null;
  let end = c.last + 1;
  if (c.entry.listener && end < st.b) {
    if (OBJECT_PRONOUNS.has(tk.lower[end])) end++;
    else {
      const l = npStartingAt(tk, end, st.b);
      if (l) end = l[1];
    }
  }
  // "“…,” she said." — but not "“…,” she said that …", where the cue has content of its own
  if (!closesClause(ctx, end, st) && !isTrailingAdjunct(ctx, end, st)) return null;
  return { cue: c, source: np, end, appositive: apposition };
}

/**
 * "…," said the union's chief economist, Ann Roe.": a role, a comma, and a name of two or more capitalised words
 * that ends the sentence. The name's tokens; null otherwise.
 */
function nameAfterRole(ctx: Context, role: TokenRange, st: Sent): TokenRange | null {
  const { tk } = ctx;
  const k = role[1];
  if (tk.value[k] !== ',' || tk.pos[role[1] - 1] === 'PROPN') return null;
  let j = k + 1;
  while (j < st.b && tk.pos[j] === 'PROPN' && isCapitalised(tk.value[j])) j++;
  if (j - (k + 1) < 2 || !(j >= st.b || END_PUNCT.has(tk.value[j]))) return null;
  return [k + 1, j];
}

/**
 * A capitalised word that wink did not take for a noun, standing where only the speaker can ("“…,” Grant said." /
 * "“…,” said Hope."): a surname that is also a word (Grant, Hope, Will, Young). It must be followed by a cue or end
 * the clause; a sentence-initial word cannot be told from a name this way and is left alone.
 */
function nameInSpeakerSlot(ctx: Context, j: number, st: Sent): TokenRange | null {
  const { tk } = ctx;
  if (j >= st.b || j <= st.a || !isCapitalised(tk.value[j]) || tk.type[j] !== 'word' || tk.pos[j] === 'PRON') return null;
  const next = j + 1;
  const cue = cueAt(tk, next, st.b);
  return (cue && cue.kind === 'verb') || closesClause(ctx, next, st) ? [j, next] : null;
}

/** "X told reporters:" — the token before the colon ends the listener of a listener cue. */
export function listenerCueBefore(ctx: Context, b: number, st: Sent): CueHit | null {
  const np = npEndingAt(ctx.tk, b, st.a);
  if (!np || np[0] - 1 < st.a) return null;
  const c = cueAt(ctx.tk, np[0] - 1, st.b);
  return c && c.entry.listener ? c : null;
}
