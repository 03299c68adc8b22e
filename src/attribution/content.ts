/**
 * Where a cue's reported content starts (after "that", a colon, a that-less clause, an object) and where it ends
 * (the clause's end, a narrator's ", but …", a cutting subordinator, MAX_CONTENT tokens).
 */
import { isCapitalised } from '../language/chars';
import type { Context } from './context';
import { cueAt, CLAUSE_PRONOUNS, type CueHit } from '../cues/find';
import { SPEECH_OBJECTS } from '../cues/lexicon';
import { npStartingAt, isQuoteMark, PERSONAL_PRONOUNS } from '../language/np';
import {
  NON_STATEMENTS,
  PREP_WORDS,
  MAX_CONTENT,
  END_PUNCT,
  CLAUSE_START,
  ADJUNCT_PREPS,
  OBJECT_PRONOUNS,
  CUTTING_SCONJ,
  TIME_WORDS,
  SAFE_BEFORE_THAT,
} from './words';
import { type Sent, skipBetweenRight, timePhraseEnd, isTrailingAdjunct } from './clause';

/** Where a cue's content starts: its first token, and whether a "that" opens it. */
export interface ContentStart {
  first: number;
  viaThat: boolean;
}

/** Where the content of a cue starts (its first token, and whether "that" opens it), or null when it has none. */
export function contentAfter(ctx: Context, cue: CueHit, st: Sent): ContentStart | null {
  const { tk } = ctx;
  if (cue.last + 1 >= st.b) return null;
  let k = afterListener(ctx, cue, st);
  const that = thatAhead(ctx, k, st);
  if (that >= 0) return { first: that, viaThat: true };
  const v = tk.value[k];
  if (v === ':') return k + 1 < st.b ? { first: k + 1, viaThat: false } : null;
  if (v === ',') return clauseAfterComma(ctx, cue, k, st);
  if (END_PUNCT.has(v) || tk.pos[k] === 'SPACE') return null;
  k = afterTimeWords(ctx, cue, k, st);
  if (k >= st.b) return null;
  // "…, he said the next day." / "… she said that morning.": a time, not what was said
  if (timePhraseEnd(tk, k, st.b) > 0) return null;
  if (cue.entry.object) return objectContent(ctx, k, st);
  if (cue.entry.kind === 'verb' && tk.lower[k] === 'to') return infinitiveContent(ctx, cue, k, st);
  if (CUTTING_SCONJ.has(tk.lower[k])) return subordinateFirst(ctx, cue, k, st);
  return clauseAfterAdjunct(ctx, cue, k, st) ?? plainContent(ctx, cue, k, st);
}

/**
 * “He said as the doors opened, a queue had already formed.”: a subordinate clause right after a speech verb, then
 * a comma and a clause with its own subject and verb — the whole is what was said. Null when no such clause follows
 * (“He said as he left.” reports nothing).
 */
function subordinateFirst(ctx: Context, cue: CueHit, k: number, st: Sent): ContentStart | null {
  const { tk } = ctx;
  if (cue.kind !== 'verb' || cue.entry.weak || cue.entry.object || cue.last + 1 !== k) return null;
  // "did not complain when …": a denied or negated act of speech reports nothing here
  const before = cue.first > 0 ? tk.lower[cue.first - 1] : '';
  if (cue.entry.stance !== 'neutral' || before === 'not' || before === "n't" || before === 'never') return null;
  for (let t = k + 2; t < st.b && t < k + 20; t++) {
    if (ctx.regionOfTok[t] >= 0 || END_PUNCT.has(tk.value[t])) return null;
    if (tk.value[t] !== ',') continue;
    const np = npStartingAt(tk, t + 1, st.b);
    if (!np) return null;
    const v = skipBetweenRight(ctx, np[1], st.b);
    return v < st.b && (tk.pos[v] === 'VERB' || tk.pos[v] === 'AUX') ? { first: k, viaThat: false } : null;
  }
  return null;
}

/** The token after the cue and, for a listener cue ("told reporters"), after its listener. */
function afterListener(ctx: Context, cue: CueHit, st: Sent): number {
  const { tk } = ctx;
  let k = cue.last + 1;
  if (cue.entry.listener) {
    if (OBJECT_PRONOUNS.has(tk.lower[k])) k++;
    else if (tk.lower[k] !== 'that') {
      const np = npStartingAt(tk, k, st.b);
      if (np && !PERSONAL_PRONOUNS.has(tk.lower[k])) k = np[1];
    }
  }
  return k;
}

/**
 * A complementizer "that" after a short run of adjuncts ("said Tuesday", "said on Monday", "said in a statement",
 * "said in an interview with … that"): its token, or -1 when something else comes first.
 */
function thatAhead(ctx: Context, k: number, st: Sent): number {
  const { tk } = ctx;
  const limit = Math.min(st.b, k + 45);
  for (let t = k; t < limit; t++) {
    const lw = tk.lower[t];
    if (lw === 'that' && timePhraseEnd(tk, t, st.b) > 0) return -1;
    if (lw === 'that' && (tk.pos[t] === 'SCONJ' || tk.pos[t] === 'DET' || tk.pos[t] === 'PRON')) {
      // a complementizer opens the content; a relative pronoun after a noun ("a base that overlooks") does not
      const relative =
        t > k &&
        (tk.pos[t - 1] === 'NOUN' || tk.pos[t - 1] === 'PROPN') &&
        t + 1 < st.b &&
        (tk.pos[t + 1] === 'VERB' || tk.pos[t + 1] === 'AUX' || tk.pos[t + 1] === 'ADV');
      return relative ? -1 : t;
    }
    if (ctx.regionOfTok[t] >= 0 && t > k) {
      // a short quoted title inside the listener or adjunct ("told MSNBC's “Morning Joe” that")
      const reg = ctx.regions[ctx.regionOfTok[t]];
      if (reg.close - reg.open > 40) return -1;
      continue;
    }
    // a verb in a noun's place ("at a campaign stop", "in Colorado Springs") is a tagging slip
    // (a capitalised one is a name's word: "with The Associated Press")
    const nounish =
      tk.pos[t] === 'VERB' &&
      t > k &&
      (tk.pos[t - 1] === 'NOUN' || tk.pos[t - 1] === 'ADJ' || tk.pos[t - 1] === 'DET' || tk.pos[t - 1] === 'PROPN') &&
      t + 1 < st.b &&
      (tk.pos[t + 1] === 'ADP' ||
        tk.pos[t + 1] === 'PUNCT' ||
        tk.lower[t + 1] === 'that' ||
        tk.pos[t + 1] === 'CCONJ' ||
        (isCapitalised(tk.value[t]) && tk.pos[t + 1] === 'PROPN'));
    if ((!SAFE_BEFORE_THAT.has(tk.pos[t]) && !nounish) || END_PUNCT.has(tk.value[t])) return -1;
    if (tk.pos[t] === 'PRON' && t === k) return -1;
  }
  return -1;
}

/** "Mr. Obama said, a majority of Americans …": a clause after the comma of a strong verb cue; else no content. */
function clauseAfterComma(ctx: Context, cue: CueHit, k: number, st: Sent): ContentStart | null {
  const { tk } = ctx;
  if (
    cue.kind === 'verb' &&
    !cue.entry.weak &&
    k + 2 < st.b &&
    CLAUSE_START.has(tk.pos[k + 1]) &&
    !cueAt(tk, k + 1, st.b) &&
    tk.lower[k + 1] !== 'according'
  ) {
    return { first: k + 1, viaThat: false };
  }
  return null;
}

/** Skips a time adverbial right after the cue ("said Tuesday the plan …"), but not a possessive ("Tuesday’s"). */
function afterTimeWords(ctx: Context, cue: CueHit, k: number, st: Sent): number {
  const { tk } = ctx;
  let t = k;
  while (
    t < st.b &&
    TIME_WORDS.has(tk.lower[t]) &&
    t - cue.last < 4 &&
    !(t + 1 < st.b && (tk.lower[t + 1] === '’s' || tk.lower[t + 1] === "'s"))
  )
    t++;
  return t;
}

/** An object-cue speaks through what it puts forward: "advanced new demands", "voiced concerns that …". */
function objectContent(ctx: Context, k: number, st: Sent): ContentStart | null {
  const { tk } = ctx;
  let named = false;
  for (let t = k; t < st.b && t < k + 10 && !named; t++) {
    if (tk.pos[t] === 'VERB' || tk.pos[t] === 'AUX' || END_PUNCT.has(tk.value[t]) || tk.value[t] === ',') break;
    named = tk.pos[t] === 'NOUN' && SPEECH_OBJECTS.has(tk.lower[t]);
  }
  return named ? { first: k, viaThat: false } : null;
}

/** "pledged to cut taxes", "urged them to leave": commitments and appeals take an infinitive as content. */
function infinitiveContent(ctx: Context, cue: CueHit, k: number, st: Sent): ContentStart | null {
  const { tk } = ctx;
  const infinitive = k + 1 < st.b && (tk.pos[k + 1] === 'VERB' || tk.pos[k + 1] === 'AUX');
  const said = `${tk.lower[k + 1] ?? ''}`;
  if (NON_STATEMENTS.has(said) || NON_STATEMENTS.has(`${said} ${tk.lower[k + 2] ?? ''}`)) return null;
  if (infinitive && (cue.entry.stance === 'commitment' || cue.entry.stance === 'denial' || (cue.entry.listener && k > cue.last + 1)))
    return { first: k, viaThat: false };
  return null;
}

/** "said on Friday he met …", "said in an interview she would …": a short phrase, then a clause with a pronoun subject. */
function clauseAfterAdjunct(ctx: Context, cue: CueHit, k: number, st: Sent): ContentStart | null {
  const { tk } = ctx;
  if (cue.kind !== 'verb' || cue.entry.weak || !ADJUNCT_PREPS.has(tk.lower[k])) return null;
  for (let t = k + 1; t < st.b && t <= k + 6; t++) {
    if (tk.pos[t] === 'PUNCT' || tk.pos[t] === 'VERB' || tk.pos[t] === 'AUX' || ctx.regionOfTok[t] >= 0) break;
    if (CLAUSE_PRONOUNS.has(tk.lower[t]) && t > k + 1 && t + 1 < st.b && (tk.pos[t + 1] === 'VERB' || tk.pos[t + 1] === 'AUX'))
      return { first: t, viaThat: false };
  }
  return null;
}

/** Content right at k, unless k is a preposition, particle, conjunction or punctuation; a weak cue needs a quotation in it. */
function plainContent(ctx: Context, cue: CueHit, k: number, st: Sent): ContentStart | null {
  const { tk } = ctx;
  if (
    PREP_WORDS.has(tk.lower[k]) ||
    tk.pos[k] === 'ADP' ||
    tk.pos[k] === 'PART' ||
    tk.pos[k] === 'CCONJ' ||
    (tk.pos[k] === 'PUNCT' && !isQuoteMark(tk.value[k]))
  )
    return null;
  if (cue.entry.weak) {
    // a weak cue ("called", "cited") speaks only when what follows carries a quotation
    let quoted = false;
    for (let t = k; t < st.b && t < k + 25 && !quoted; t++) quoted = ctx.regionOfTok[t] >= 0;
    if (!quoted) return null;
  }
  return { first: k, viaThat: false };
}

/** Where content that starts at `first` ends (exclusive token). */
export function contentEnd(ctx: Context, first: number, st: Sent, viaThat: boolean): number {
  const { tk } = ctx;
  let depth = 0;
  // a reported clause ("he cannot comment … because …") keeps its subordinate clauses; an object does not
  let clause = viaThat || PERSONAL_PRONOUNS.has(tk.lower[first]);
  const stop = Math.min(st.b, first + MAX_CONTENT);
  for (let t = first + 1; t < stop; t++) {
    if (ctx.regionOfTok[t] >= 0) continue;
    // '… “expanded the party,” claiming that …': the comma sits inside the closing quote
    if (t - 2 > first && ctx.regionOfTok[t - 1] >= 0 && isQuoteMark(tk.value[t - 1]) && tk.value[t - 2] === ',') {
      const next = cueAt(tk, t, st.b);
      if (next && next.kind === 'participle') return t;
    }
    const v = tk.value[t];
    if (v === '(' || v === '[') depth++;
    else if ((v === ')' || v === ']') && depth > 0) depth--;
    if (depth > 0) continue;
    if (v === ',' && t + 1 < st.b) {
      const next = cueAt(tk, t + 1, st.b);
      // ", adding that …", ", according to …", ", he said"
      if (next && (next.kind === 'participle' || next.kind === 'prep')) return t;
      if (next && next.kind === 'verb' && next.entry.form !== 'gerund') return t;
      const np = npStartingAt(tk, t + 1, st.b);
      if (np && np[1] < st.b) {
        const c = cueAt(tk, skipBetweenRight(ctx, np[1], st.b), st.b);
        if (c && c.kind === 'verb') {
          let after = c.last + 1;
          if (c.entry.listener && after < st.b)
            after = OBJECT_PRONOUNS.has(tk.lower[after]) ? after + 1 : (npStartingAt(tk, after, st.b)?.[1] ?? after);
          if (after >= st.b || END_PUNCT.has(tk.value[after]) || tk.value[after] === ',' || isTrailingAdjunct(ctx, after, st)) return t;
        }
      }
    }
    if (tk.pos[t] === 'AUX') clause = true;
    if (!clause && tk.pos[t] === 'SCONJ' && CUTTING_SCONJ.has(tk.lower[t])) return t;
    // "… and says he will …": a second cue of the same subject starts a statement of its own
    if ((tk.lower[t] === 'and' || tk.lower[t] === 'but') && t + 1 < st.b && ctx.regionOfTok[t + 1] < 0) {
      const next = cueAt(tk, t + 1, st.b);
      if (next && next.kind === 'verb' && (next.entry.form === 's' || next.entry.form === 'past') && !next.entry.weak) return t;
    }
  }
  return stop;
}
