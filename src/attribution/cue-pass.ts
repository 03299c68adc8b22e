/**
 * Pass 2: cues in the narrative: X said (that) … · According to X, … · …, X said. · , adding that …
 */
import type { Context } from './context';
import type { RawAttribution } from './types';
import { cueAt, type CueHit } from '../cues/find';
import { npStartingAt, subjectLeft, skipBetweenLeft } from '../language/np';
import type { TokenRange } from '../language/tokens';
import { WINDOW, OBJECT_PRONOUNS } from './words';
import {
  type Sent,
  sentOf,
  contentStartTok,
  charRange,
  regionsWithin,
  closesClause,
  hasVerb,
  isTrailingAdjunct,
  coordinatedSubject,
  passive,
  modal,
} from './clause';
import { withContent } from './make';
import { contentAfter, contentEnd } from './content';

export function insideContent(out: RawAttribution[], sentence: number, at: number): boolean {
  for (let k = out.length - 1; k >= 0 && k >= out.length - 12; k--) {
    const o = out[k];
    if (o.sentence !== sentence) continue;
    for (const [a, b] of o.parts) if (at >= a && at < b) return true;
  }
  return false;
}
/** Pass 2: cues in the narrative. */
export function cuePass(ctx: Context, out: RawAttribution[]): void {
  const { tk } = ctx;
  const nS = ctx.seg.sentTok.length;
  for (let s = 0; s < nS; s++) {
    if (ctx.mutedSentence[s]) continue;
    const st = sentOf(ctx, s);
    const bodyA = contentStartTok(ctx, st);
    for (let i = bodyA; i < st.b; i++) {
      if (ctx.usedCue[i] || ctx.regionOfTok[i] >= 0) continue;
      const c = cueAt(tk, i, st.b);
      if (!c) continue;
      // a cue inside reported content is nested speech: keep it only with its own that-clause
      if (c.kind === 'verb' && insideContent(out, s, tk.start[i])) {
        const inner = contentAfter(ctx, c, st);
        if (!inner || !inner.viaThat) continue;
      }
      const found =
        c.kind === 'prep'
          ? accordingTo(ctx, c, st, bodyA)
          : c.kind === 'participle'
            ? participle(ctx, c, st, out)
            : verbCue(ctx, c, st, bodyA, out);
      if (found) {
        out.push(found);
        i = c.last;
      }
    }
  }
}
export function accordingTo(ctx: Context, c: CueHit, st: Sent, bodyA: number): RawAttribution | null {
  const { tk } = ctx;
  const np = npStartingAt(tk, c.last + 1, st.b);
  if (!np) return null;
  const before = c.first - 1;
  if (before >= bodyA && (tk.value[before] === ',' || tk.value[before] === '—' || tk.value[before] === '(')) {
    // …, according to X.
    const a = bodyA;
    // content starts after an earlier attribution's end in the same sentence, if any
    const found = withContent(ctx, a, before, { cue: c, source: np, st, rule: 'according-to-after' });
    return found ? midSentence(ctx, found, np, st) : null;
  }
  // According to X, …
  let k = np[1];
  while (k < st.b && tk.value[k] !== ',' && k - np[1] < 12) k++;
  if (k >= st.b || tk.value[k] !== ',') k = np[1] - 1;
  return withContent(ctx, k + 1, st.b, { cue: c, source: np, st, rule: 'according-to-before' });
}
/**
 * “The depot, according to the fire marshal, had no working sprinklers.”: when the source is followed by a comma
 * and the sentence goes on with a verb, the statement goes on too — the rest of the sentence is its second span.
 */
function midSentence(ctx: Context, found: RawAttribution, np: TokenRange, st: Sent): RawAttribution {
  const { tk } = ctx;
  const k = np[1];
  if (found.kind !== 'indirect' || tk.value[k] !== ',' || k + 1 >= st.b || cueAt(tk, k + 1, st.b)) return found;
  const first = k + 1;
  const end = contentEnd(ctx, first, st, false);
  const p0 = tk.pos[first];
  if (!(p0 === 'VERB' || p0 === 'AUX' || p0 === 'ADV') || !hasVerb(ctx, first, end)) return found;
  const right = charRange(ctx, first, end);
  if (right) found.parts = [...found.parts, right];
  return found;
}

export function participle(ctx: Context, c: CueHit, st: Sent, out: RawAttribution[]): RawAttribution | null {
  const content = contentAfter(ctx, c, st);
  if (!content) return null;
  // the sentence's speaker: the attribution whose cue comes last before the participle,
  // else the subject of the main clause (the first verb outside quotes)
  const { tk } = ctx;
  let source: TokenRange | null = null;
  let appositive: TokenRange | null = null;
  let best = -1;
  for (let k = out.length - 1; k >= 0 && k >= out.length - 12; k--) {
    const o = out[k];
    if (o.sentence === st.s && o.source && o.cue && o.cue[0] < c.first && o.cue[0] > best) {
      best = o.cue[0];
      source = o.source;
      appositive = o.appositive;
    }
  }
  for (let t = Math.max(st.a, c.first - WINDOW); !source && t < c.first; t++) {
    if ((tk.pos[t] === 'VERB' || tk.pos[t] === 'AUX') && ctx.regionOfTok[t] < 0) {
      const subj = subjectLeft(tk, t, st.a);
      if (subj) {
        source = subj.np;
        appositive = subj.appositive;
      }
      break;
    }
  }
  for (let k = out.length - 1; !source && k >= 0 && out[k].sentence === st.s; k--) {
    if (out[k].source) {
      source = out[k].source;
      appositive = out[k].appositive;
    }
  }
  if (!source) return null;
  const end = contentEnd(ctx, content.first, st, content.viaThat);
  return withContent(ctx, content.first, end, { cue: c, source, st, rule: 'participle', appositive });
}
/** A verb cue being read: the cue, its sentence, where the sentence's own words begin, and how far left its subject may reach. */
interface CueSite {
  c: CueHit;
  st: Sent;
  bodyA: number;
  lo: number;
}

/** A cue's subject, and the appositive beside it. */
type Subject = NonNullable<ReturnType<typeof subjectLeft>>;

/** A verb cue in the narrative: X said (that) … · “…, X said, …” around it · …, X said. · …, said X. */
export function verbCue(ctx: Context, c: CueHit, st: Sent, bodyA: number, out: RawAttribution[]): RawAttribution | null {
  if (passive(ctx, c, bodyA) || modal(ctx, c, bodyA)) return null;
  const site: CueSite = { c, st, bodyA, lo: subjectFloor(ctx, c, bodyA) };
  const content = contentAfter(ctx, c, st);
  const subj = subjectOf(ctx, site, out, content !== null);
  if (!subj) return cueThenSource(ctx, site);
  if (content) {
    const end = contentEnd(ctx, content.first, st, content.viaThat);
    // the words between the cue and its content ("said in an interview with …") hold no cue of their own
    for (let t = c.last + 1; t < content.first; t++) ctx.usedCue[t] = 1;
    return withContent(ctx, content.first, end, {
      cue: c,
      source: subj.np,
      st,
      rule: content.viaThat ? 'subject-cue-that' : 'subject-cue-object',
      appositive: subj.appositive,
    });
  }
  return parenthetical(ctx, site, subj, out) ?? contentThenSource(ctx, site, subj);
}

/** How far left the subject may reach: a window before the cue, but not back into a quote that ends before it. */
function subjectFloor(ctx: Context, c: CueHit, bodyA: number): number {
  const lo = Math.max(bodyA, c.first - WINDOW);
  for (let t = c.first - 1; t >= lo; t--) {
    if (ctx.regionOfTok[t] >= 0) return t + 1;
  }
  return lo;
}

/** The cue's subject: the phrase on its left, or, when the cue has content, the subject of a coordinated verb before it. */
function subjectOf(ctx: Context, site: CueSite, out: RawAttribution[], hasContent: boolean): Subject | null {
  const { tk } = ctx;
  const { c, st, lo } = site;
  const subj = subjectLeft(tk, c.first, lo);
  if (subj || !hasContent) return subj;
  // "… promised to keep going and said she would …": the subject of the verb before the conjunction
  const j = skipBetweenLeft(tk, c.first - 1, lo);
  const prev = out.length ? out[out.length - 1] : null;
  if (
    j >= lo &&
    (tk.lower[j] === 'and' || tk.lower[j] === 'but') &&
    prev &&
    prev.sentence === st.s &&
    prev.source &&
    prev.parts[prev.parts.length - 1][1] <= tk.start[j]
  ) {
    return { np: prev.source, appositive: prev.appositive };
  }
  return coordinatedSubject(ctx, c, lo);
}

/** "Acts of protest, Mr. Obama said, are acts of patriotism": the statement around a parenthetical cue. */
function parenthetical(ctx: Context, site: CueSite, subj: Subject, out: RawAttribution[]): RawAttribution | null {
  const { tk } = ctx;
  const { c, st, bodyA } = site;
  if (
    !(
      subj.np[0] - 1 > bodyA &&
      tk.value[subj.np[0] - 1] === ',' &&
      tk.value[c.last + 1] === ',' &&
      c.last + 2 < st.b &&
      !cueAt(tk, c.last + 2, st.b)
    )
  )
    return null;
  const left = charRange(ctx, bodyA, subj.np[0] - 1);
  const end = contentEnd(ctx, c.last + 2, st, false);
  const right = charRange(ctx, c.last + 2, end);
  if (!left || !right) return null;
  // "The pool will stay shut, Varga said, and the repairs will cost less": two statements, one after the other
  const conj = tk.lower[c.last + 2];
  if ((conj === 'and' || conj === 'but') && hasVerb(ctx, bodyA, subj.np[0] - 1) && hasVerb(ctx, c.last + 3, end)) {
    const how = { cue: c, source: subj.np, st, rule: 'parenthetical' as const, appositive: subj.appositive };
    const first = withContent(ctx, bodyA, subj.np[0] - 1, how);
    if (first) out.push(first);
    return withContent(ctx, c.last + 2, end, how);
  }
  const found = withContent(ctx, c.last + 2, end, { cue: c, source: subj.np, st, rule: 'parenthetical', appositive: subj.appositive });
  if (!found) return null;
  found.parts = [left, right];
  for (const r of regionsWithin(ctx, left[0], left[1])) ctx.usedRegion[r] = 1;
  if (found.kind === 'indirect' && regionsWithin(ctx, left[0], left[1]).length) found.kind = 'mixed';
  return found;
}

/**
 * …, X said.  (content before the source)
 * (after a listener cue, past its object: "…, a spokesman told the newspaper.")
 */
function contentThenSource(ctx: Context, site: CueSite, subj: Subject): RawAttribution | null {
  const { tk } = ctx;
  const { c, st, bodyA } = site;
  let after = c.last + 1;
  if (c.entry.listener && after < st.b)
    after = OBJECT_PRONOUNS.has(tk.lower[after]) ? after + 1 : (npStartingAt(tk, after, st.b)?.[1] ?? after);
  if (!closesClause(ctx, after, st) && !(after < st.b && isTrailingAdjunct(ctx, after, st))) return null;
  const before = subj.np[0] - 1;
  // (what comes before must be a clause: "As an immigrant, she felt for me" reports nothing)
  if (before > bodyA && (tk.value[before] === ',' || tk.value[before] === '—') && hasVerb(ctx, bodyA, before)) {
    return withContent(ctx, bodyA, before, { cue: c, source: subj.np, st, rule: 'content-then-source', appositive: subj.appositive });
  }
  return null;
}

/** …, said X.  (content before an inverted cue and its source) */
function cueThenSource(ctx: Context, site: CueSite): RawAttribution | null {
  const { tk } = ctx;
  const { c, st, bodyA } = site;
  if (!(c.first - 1 > bodyA && tk.value[c.first - 1] === ',')) return null;
  const np = npStartingAt(tk, c.last + 1, st.b);
  if (np && closesClause(ctx, np[1], st))
    return withContent(ctx, bodyA, c.first - 1, { cue: c, source: np, st, rule: 'content-then-cue-source' });
  return null;
}
