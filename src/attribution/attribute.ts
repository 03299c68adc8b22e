/**
 * The attribution rules: from quote regions and cues to raw attributions (content, cue, source mention).
 *
 * Three passes, each linear in the tokens it looks at:
 *  1. quotes with a cue beside them:  “…,” X said · “…,” said X · X said: “…” · X also “stressed …”
 *  2. cues in the narrative:          X said (that) … · According to X, … · …, X said. · , adding that …
 *  3. quotes left over: a whole-sentence quote continues the last speaker; a fragment with no cue is no statement.
 */
import { isCapitalised } from '../language/chars';
import type { Context } from './context';
import { tokenAt } from '../language/tokens';
import type { RawAttribution } from './types';
import type { QuoteRegion } from '../quotes/marks';
import { cueAt, CLAUSE_PRONOUNS, type CueHit } from '../cues/find';
import { SPEECH_OBJECTS } from '../cues/lexicon';
import { npEndingAt, npStartingAt, subjectLeft, skipBetweenLeft, isQuoteMark, PERSONAL_PRONOUNS, type Range } from '../language/np';
import type { QuoteKind } from '../types';
import type { Tokens } from '../language/tokens';
import labels from '../model/labels.json';
import cueData from '../model/cues.json';

/** "declined to comment": infinitives that carry no statement (first two words after "to"). */
const NON_STATEMENTS = new Set((cueData.nonStatements as string[]).map((p) => p.split(' ').slice(1, 3).join(' ')));
const NOT_SPEAKERS = new Set((labels.notSpeakers as string[]).map((w) => w.toLowerCase()));
const NOT_SPEAKER_HEADS = new Set((labels.notSpeakerHeads as string[]).map((w) => w.toLowerCase()));

const PREP_WORDS = new Set(['to', 'for', 'with', 'about', 'on', 'at', 'in', 'into', 'from', 'by', 'of', 'over', 'against', 'upon', 'after', 'before']);
/** How far back a rule looks for a cue's subject or its sentence's main verb, in tokens. */
const WINDOW = 200;
/** The longest content a cue reports, in tokens (a run-on "sentence" of a whole page is cut there). */
const MAX_CONTENT = 600;
const END_PUNCT = new Set(['.', '!', '?', ';']);
const CLAUSE_START = new Set(['DET', 'PRON', 'PROPN', 'NOUN', 'ADJ', 'NUM']);
/** Prepositions of a short adjunct between a cue and its that-less content ("said on Friday he …"). */
const ADJUNCT_PREPS = new Set(['on', 'in', 'at', 'during', 'after', 'before', 'late', 'early', 'earlier']);
const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'us', 'me', 'you', 'it']);
/** Subordinators that end an object-content ("pledged support … as he spoke …"). */
const CUTTING_SCONJ = new Set(['as', 'when', 'while', 'because', 'after', 'before', 'since', 'although', 'though', 'unless', 'until', 'where', 'whereas']);
const TIME_WORDS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tonight', 'earlier', 'later', 'last', 'this', 'week', 'month', 'year', 'morning', 'afternoon', 'evening', 'night', 'recently', 'again']);

/** Between a cue and "that", only these may stand ("said in phone calls with X — Y — that …"). */
const SAFE_BEFORE_THAT = new Set(['ADP', 'DET', 'NOUN', 'PROPN', 'ADJ', 'NUM', 'PUNCT', 'CCONJ', 'ADV', 'PART', 'PRON', 'SYM']);

interface Sent {
  a: number; // first token
  b: number; // last token, exclusive
  s: number; // sentence index
}

function sentOf(ctx: Context, s: number): Sent {
  const [a, b] = ctx.seg.sentTok[s];
  return { a, b, s };
}

/** Char offset where a sentence's own words begin (after a dateline, when the sentence holds one). */
function contentStartTok(ctx: Context, st: Sent): number {
  const body = ctx.seg.bodyStart;
  const { tk } = ctx;
  let a = st.a;
  if (tk.start[a] < body && tk.end[st.b - 1] > body) a = tokenAt(tk, body);
  return a;
}

function charRange(ctx: Context, first: number, lastExcl: number): [number, number] | null {
  const { tk } = ctx;
  let a = first;
  let b = lastExcl;
  // drop edge punctuation (but keep closing quote marks with the content)
  while (a < b && tk.pos[a] === 'PUNCT' && !isQuoteMark(tk.value[a])) a++;
  while (b > a && (END_PUNCT.has(tk.value[b - 1]) || tk.value[b - 1] === ',' || tk.value[b - 1] === ':' || tk.pos[b - 1] === 'SPACE')) b--;
  if (b <= a) return null;
  return [tk.start[a], tk.end[b - 1]];
}

function regionsWithin(ctx: Context, start: number, end: number): number[] {
  const out: number[] = [];
  const rs = ctx.regions;
  // regions are sorted by open; binary search the first that opens at or after start
  let lo = 0;
  let hi = rs.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (rs[m].open < start - 1) lo = m + 1;
    else hi = m;
  }
  for (let r = lo; r < rs.length && rs[r].open < end; r++) {
    if (rs[r].open >= start - 1 && rs[r].close <= end + 1) out.push(r);
  }
  return out;
}

/**
 * How sure each pattern is of what it found: the attribution's confidence before its source is resolved. The
 * patterns that rest on punctuation alone (a quote after "said,", a trailer cue) are surest; a quote with no cue
 * that only follows another, least (less still when its closing mark is missing).
 */
const CONFIDENCE = {
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
type Rule = keyof typeof CONFIDENCE;

/** What a pattern found, before it becomes a RawAttribution. */
interface Found {
  kind: QuoteKind;
  parts: [number, number][];
  cue: CueHit | null;
  source: Range | null;
  sentence: number;
  rule: Rule;
  appositive?: Range | null;
}

function make(ctx: Context, f: Found): RawAttribution {
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

/** Is token i the start of the content of a cue? Returns the content's first token, or -1. */
function contentAfter(ctx: Context, cue: CueHit, st: Sent): { first: number; viaThat: boolean } | null {
  const { tk } = ctx;
  let k = cue.last + 1;
  if (k >= st.b) return null;
  if (cue.entry.listener) {
    if (OBJECT_PRONOUNS.has(tk.lower[k])) k++;
    else if (tk.lower[k] !== 'that') {
      const np = npStartingAt(tk, k, st.b);
      if (np && !PERSONAL_PRONOUNS.has(tk.lower[k])) k = np[1];
    }
  }
  // "said Tuesday", "said on Monday", "said in a statement", "said in phone calls with … that"
  const limit = Math.min(st.b, k + 45);
  for (let t = k; t < limit; t++) {
    const lw = tk.lower[t];
    if (lw === 'that' && timePhraseEnd(tk, t, st.b) > 0) break;
    if (lw === 'that' && (tk.pos[t] === 'SCONJ' || tk.pos[t] === 'DET' || tk.pos[t] === 'PRON')) {
      // a complementizer opens the content; a relative pronoun after a noun ("a base that overlooks") does not
      const relative = t > k && (tk.pos[t - 1] === 'NOUN' || tk.pos[t - 1] === 'PROPN') && t + 1 < st.b && (tk.pos[t + 1] === 'VERB' || tk.pos[t + 1] === 'AUX' || tk.pos[t + 1] === 'ADV');
      if (relative) break;
      return { first: t, viaThat: true };
    }
    if (ctx.regionOfTok[t] >= 0 && t > k) {
      // a short quoted title inside the listener or adjunct ("told MSNBC's “Morning Joe” that")
      const reg = ctx.regions[ctx.regionOfTok[t]];
      if (reg.close - reg.open > 40) break;
      continue;
    }
    // a verb in a noun's place ("at a campaign stop", "in Colorado Springs") is a tagging slip
    // (a capitalised one is a name's word: "with The Associated Press")
    const nounish = tk.pos[t] === 'VERB' && t > k && (tk.pos[t - 1] === 'NOUN' || tk.pos[t - 1] === 'ADJ' || tk.pos[t - 1] === 'DET' || tk.pos[t - 1] === 'PROPN') && t + 1 < st.b && (tk.pos[t + 1] === 'ADP' || tk.pos[t + 1] === 'PUNCT' || tk.lower[t + 1] === 'that' || tk.pos[t + 1] === 'CCONJ' || (isCapitalised(tk.value[t]) && tk.pos[t + 1] === 'PROPN'));
    if ((!SAFE_BEFORE_THAT.has(tk.pos[t]) && !nounish) || END_PUNCT.has(tk.value[t])) break;
    if (tk.pos[t] === 'PRON' && t === k) break;
  }
  const v = tk.value[k];
  if (v === ':') return k + 1 < st.b ? { first: k + 1, viaThat: false } : null;
  if (v === ',' && cue.kind === 'verb' && !cue.entry.weak && k + 2 < st.b && CLAUSE_START.has(tk.pos[k + 1]) && !cueAt(tk, k + 1, st.b) && tk.lower[k + 1] !== 'according') {
    // "Mr. Obama said, a majority of Americans …"
    return { first: k + 1, viaThat: false };
  }
  if (v === ',' || END_PUNCT.has(v) || tk.pos[k] === 'SPACE') return null;
  // skip a time adverbial right after the cue ("said Tuesday the plan …")
  while (k < st.b && TIME_WORDS.has(tk.lower[k]) && k - cue.last < 4 && !(k + 1 < st.b && (tk.lower[k + 1] === '’s' || tk.lower[k + 1] === "'s"))) k++;
  if (k >= st.b) return null;
  // "…, he said the next day." / "… she said that morning.": a time, not what was said
  if (timePhraseEnd(tk, k, st.b) > 0) return null;
  if (cue.entry.object) {
    // an object-cue speaks through what it puts forward: "advanced new demands", "voiced concerns that …"
    let named = false;
    for (let t = k; t < st.b && t < k + 10 && !named; t++) {
      if (tk.pos[t] === 'VERB' || tk.pos[t] === 'AUX' || END_PUNCT.has(tk.value[t]) || tk.value[t] === ',') break;
      named = tk.pos[t] === 'NOUN' && SPEECH_OBJECTS.has(tk.lower[t]);
    }
    return named ? { first: k, viaThat: false } : null;
  }
  if (cue.entry.kind === 'verb' && tk.lower[k] === 'to') {
    // "pledged to cut taxes", "urged them to leave": commitments and appeals take an infinitive
    const infinitive = k + 1 < st.b && (tk.pos[k + 1] === 'VERB' || tk.pos[k + 1] === 'AUX');
    const said = `${tk.lower[k + 1] ?? ''}`;
    if (NON_STATEMENTS.has(said) || NON_STATEMENTS.has(`${said} ${tk.lower[k + 2] ?? ''}`)) return null;
    if (infinitive && (cue.entry.stance === 'commitment' || cue.entry.stance === 'denial' || (cue.entry.listener && k > cue.last + 1))) return { first: k, viaThat: false };
    return null;
  }
  if (CUTTING_SCONJ.has(tk.lower[k])) return null;
  // "said on Friday he met …", "said in an interview she would …": a short phrase, then a clause with a pronoun subject
  if (cue.kind === 'verb' && !cue.entry.weak && ADJUNCT_PREPS.has(tk.lower[k])) {
    for (let t = k + 1; t < st.b && t <= k + 6; t++) {
      if (tk.pos[t] === 'PUNCT' || tk.pos[t] === 'VERB' || tk.pos[t] === 'AUX' || ctx.regionOfTok[t] >= 0) break;
      if (CLAUSE_PRONOUNS.has(tk.lower[t]) && t > k + 1 && t + 1 < st.b && (tk.pos[t + 1] === 'VERB' || tk.pos[t + 1] === 'AUX')) return { first: t, viaThat: false };
    }
  }
  if (PREP_WORDS.has(tk.lower[k]) || tk.pos[k] === 'ADP' || tk.pos[k] === 'PART' || tk.pos[k] === 'CCONJ' || tk.pos[k] === 'PUNCT' && !isQuoteMark(tk.value[k])) return null;
  if (cue.entry.weak) {
    // a weak cue ("called", "cited") speaks only when what follows carries a quotation
    let quoted = false;
    for (let t = k; t < st.b && t < k + 25 && !quoted; t++) quoted = ctx.regionOfTok[t] >= 0;
    if (!quoted) return null;
  }
  return { first: k, viaThat: false };
}

/** Where content that starts at `first` ends (exclusive token). */
function contentEnd(ctx: Context, first: number, st: Sent, viaThat: boolean): number {
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
          if (c.entry.listener && after < st.b) after = OBJECT_PRONOUNS.has(tk.lower[after]) ? after + 1 : npStartingAt(tk, after, st.b)?.[1] ?? after;
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

function skipBetweenRight(ctx: Context, i: number, hi: number): number {
  const { tk } = ctx;
  let j = i;
  let budget = 4;
  while (j < hi && budget-- > 0 && (tk.pos[j] === 'ADV' || tk.pos[j] === 'AUX' || tk.lower[j] === 'also')) j++;
  return j;
}

/** The quote regions no attribution has taken yet, in sentences that may hold quotes. */
function* freeRegions(ctx: Context): Generator<{ r: number; reg: QuoteRegion; openTok: number; s: number }> {
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

/** Pass 1: quotes with their cue beside them. */
function quotePass(ctx: Context, out: RawAttribution[]): void {
  const { tk, regions } = ctx;
  for (const { r, reg, openTok, s } of freeRegions(ctx)) {
    const closeTok = tokenAt(tk, reg.close); // first token after the region
    const lastSent = closeTok > 0 ? ctx.sentOfTok[closeTok - 1] : s;
    const kindOf = (): QuoteKind => (startsSentence(ctx, r, openTok) ? 'direct' : 'partial');

    // “…,” X said / “…,” said X
    if (!reg.unclosed && closeTok < tk.n && ctx.sentOfTok[closeTok] === lastSent) {
      const st = sentOf(ctx, lastSent);
      let j = closeTok;
      if (tk.value[j] === ',') j++;
      // “…” ― Jane Doe.  (a quote signed with a dash, as in vox pops and epigraphs)
      if (DASH_SIGN.has(tk.value[j])) {
        const np = npStartingAt(tk, j + 1, st.b);
        if (np && isCapitalised(tk.value[j + 1]) && closesClause(ctx, np[1], st)) {
          ctx.usedRegion[r] = 1;
          const cue: CueHit = { first: j, last: j, entry: { lemma: 'say', stance: 'neutral', kind: 'verb' }, kind: 'verb' };
          out.push(make(ctx, { kind: kindOf(), parts: reg.parts.slice(), cue, source: np, sentence: s, rule: 'quote-dash-signature' }));
          continue;
        }
      }
      const trailer = trailerAt(ctx, j, st);
      if (trailer) {
        const parts = reg.parts.slice();
        ctx.usedRegion[r] = 1;
        // “…,” he said, “…” — the quote goes on after the interruption
        let after = trailer.end;
        // "…,” Trump said during a rally in Ohio, “…" — skip a short adjunct up to the comma before the next quote
        if (r + 1 < regions.length && !ctx.usedRegion[r + 1]) {
          const nextOpen = tokenAt(tk, regions[r + 1].open);
          if (nextOpen > after + 1 && nextOpen - after < 14 && tk.value[nextOpen - 1] === ',' && ctx.sentOfTok[nextOpen] === lastSent) {
            let plain = true;
            for (let t = after; t < nextOpen - 1 && plain; t++) plain = tk.pos[t] !== 'VERB' && tk.pos[t] !== 'AUX' && !END_PUNCT.has(tk.value[t]);
            if (plain) after = nextOpen - 1;
          }
        }
        if (after + 1 < tk.n && (tk.value[after] === ',' || tk.value[after] === ':') && r + 1 < regions.length && tokenAt(tk, regions[r + 1].open) === after + 1 && !ctx.usedRegion[r + 1]) {
          parts.push(...regions[r + 1].parts);
          ctx.usedRegion[r + 1] = 1;
        }
        const kind = kindOf();
        if (kind === 'partial' && parts.length === 1) {
          // “… a misguided approach,” said X — narrative before the quote belongs to the same statement
          const from = tk.start[contentStartTok(ctx, sentOf(ctx, s))];
          out.push(make(ctx, { kind: 'mixed', parts: [[from, reg.close]], cue: trailer.cue, source: trailer.source, sentence: s, rule: 'quote-trailer-mixed' }));
        } else {
          out.push(make(ctx, { kind, parts, cue: trailer.cue, source: trailer.source, sentence: s, rule: 'quote-trailer' }));
        }
        continue;
      }
    }
    // X said: “…” / X said, “…”
    if (openTok > 0) {
      const st = sentOf(ctx, s);
      let b = openTok - 1;
      const punct = tk.value[b] === ':' || tk.value[b] === ',';
      if (punct) b--;
      if (b >= st.a) {
        const c = cueAt(tk, b, st.b) ?? listenerCueBefore(ctx, b, st);
        if (c && c.kind === 'verb' && !ctx.usedCue[c.first] && (punct || upperStart(ctx, r))) {
          const subj = subjectLeft(tk, c.first, st.a) ?? coordinatedSubject(ctx, c, st.a);
          if (subj) {
            ctx.usedRegion[r] = 1;
            // after "said," or "told them:" the quotation is a statement of its own, whatever its first letter
            out.push(make(ctx, { kind: punct || upperStart(ctx, r) ? 'direct' : 'partial', parts: reg.parts.slice(), cue: c, source: subj.np, sentence: s, rule: 'quote-lead', appositive: subj.appositive }));
            continue;
          }
        }
      }
    }
    // X also “stressed …” — the cue is the quote's first word
    const firstIn = openTok + 1;
    if (firstIn < closeTok && !upperStart(ctx, r)) {
      const st = sentOf(ctx, s);
      const c = cueAt(tk, firstIn, st.b);
      if (c && c.kind === 'verb' && (c.entry.form === 'past' || c.entry.form === 's')) {
        const subj = subjectLeft(tk, openTok, st.a);
        if (subj) {
          ctx.usedRegion[r] = 1;
          out.push(make(ctx, { kind: 'partial', parts: reg.parts.slice(), cue: c, source: subj.np, sentence: s, rule: 'cue-in-quote', appositive: subj.appositive }));
        }
      }
    }
  }
}

function upperStart(ctx: Context, r: number): boolean {
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
function startsSentence(ctx: Context, r: number, openTok: number): boolean {
  const s = ctx.sentOfTok[openTok];
  if (s < 0) return false;
  const [a] = ctx.seg.sentTok[s];
  const st = contentStartTok(ctx, { a, b: 0, s });
  return openTok <= st || (openTok > 0 && (ctx.tk.value[openTok - 1] === ':' || ctx.tk.value[openTok - 1] === ',')) || upperStart(ctx, r);
}

/** "X said" / "said X" / "X told reporters" starting at token j, ending the sentence or a clause. */
function trailerAt(ctx: Context, j: number, st: Sent): { cue: CueHit; source: Range; end: number } | null {
  const { tk } = ctx;
  if (j >= st.b) return null;
  // said X
  const c0 = cueAt(tk, j, st.b);
  if (c0 && c0.kind === 'verb' && !ctx.usedCue[j]) {
    const np = npStartingAt(tk, c0.last + 1, st.b);
    if (np && closesClause(ctx, np[1], st)) return { cue: c0, source: np, end: np[1] };
    if (!np && c0.last + 1 < st.b) {
      // "said Smith, who …" — npStartingAt stops at the comma either way; nothing else to try
    }
  }
  // X said
  const np = npStartingAt(tk, j, st.b);
  if (!np) return null;
  const k = skipBetweenRight(ctx, np[1], st.b);
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
  return { cue: c, source: np, end };
}

function closesClause(ctx: Context, k: number, st: Sent): boolean {
  const v = ctx.tk.value[k];
  return k >= st.b || END_PUNCT.has(v) || v === ',' || v === ':' || v === '—' || v === '–' || ctx.tk.pos[k] === 'SPACE';
}

/** "X told reporters:" — the token before the colon ends the listener of a listener cue. */
function listenerCueBefore(ctx: Context, b: number, st: Sent): CueHit | null {
  const np = npEndingAt(ctx.tk, b, st.a);
  if (!np || np[0] - 1 < st.a) return null;
  const c = cueAt(ctx.tk, np[0] - 1, st.b);
  return c && c.entry.listener ? c : null;
}

function insideContent(out: RawAttribution[], sentence: number, at: number): boolean {
  for (let k = out.length - 1; k >= 0 && k >= out.length - 12; k--) {
    const o = out[k];
    if (o.sentence !== sentence) continue;
    for (const [a, b] of o.parts) if (at >= a && at < b) return true;
  }
  return false;
}

/** Pass 2: cues in the narrative. */
function cuePass(ctx: Context, out: RawAttribution[]): void {
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
      const found = c.kind === 'prep' ? accordingTo(ctx, c, st, bodyA) : c.kind === 'participle' ? participle(ctx, c, st, out) : verbCue(ctx, c, st, bodyA, out);
      if (found) {
        out.push(found);
        i = c.last;
      }
    }
  }
}

/** How a clause-content pattern found its content: the cue, the source mention, the sentence, the pattern. */
interface ContentHow {
  cue: CueHit;
  source: Range | null;
  st: Sent;
  rule: Rule;
  appositive?: Range | null;
}

function withContent(ctx: Context, first: number, end: number, how: ContentHow): RawAttribution | null {
  const range = charRange(ctx, first, end);
  if (!range) return null;
  // a one-word content ("Mexico said enough.") is no statement to check
  let words = 0;
  for (let t = first; t < end && words < 2; t++) if (ctx.tk.type[t] === 'word' || ctx.tk.type[t] === 'number') words++;
  if (words < 2 && !regionsWithin(ctx, range[0], range[1]).length) return null;
  const inside = regionsWithin(ctx, range[0], range[1]).filter((r) => !ctx.usedRegion[r]);
  for (const r of inside) ctx.usedRegion[r] = 1;
  // a content that is only one quote is that quote
  let kind: QuoteKind = inside.length ? 'mixed' : 'indirect';
  let parts: [number, number][] = [range];
  if (inside.length === 1) {
    const reg = ctx.regions[inside[0]];
    if (reg.open <= range[0] && reg.close >= range[1] - 1) {
      kind = upperStart(ctx, inside[0]) ? 'direct' : 'partial';
      parts = reg.parts.slice();
    }
  }
  return make(ctx, { kind, parts, cue: how.cue, source: how.source, sentence: how.st.s, rule: how.rule, appositive: how.appositive });
}

function accordingTo(ctx: Context, c: CueHit, st: Sent, bodyA: number): RawAttribution | null {
  const { tk } = ctx;
  const np = npStartingAt(tk, c.last + 1, st.b);
  if (!np) return null;
  const before = c.first - 1;
  if (before >= bodyA && (tk.value[before] === ',' || tk.value[before] === '—' || tk.value[before] === '(')) {
    // …, according to X.
    let a = bodyA;
    // content starts after an earlier attribution's end in the same sentence, if any
    return withContent(ctx, a, before, { cue: c, source: np, st, rule: 'according-to-after' });
  }
  // According to X, …
  let k = np[1];
  while (k < st.b && tk.value[k] !== ',' && k - np[1] < 12) k++;
  if (k >= st.b || tk.value[k] !== ',') k = np[1] - 1;
  return withContent(ctx, k + 1, st.b, { cue: c, source: np, st, rule: 'according-to-before' });
}

function participle(ctx: Context, c: CueHit, st: Sent, out: RawAttribution[]): RawAttribution | null {
  const content = contentAfter(ctx, c, st);
  if (!content) return null;
  // the sentence's speaker: the attribution whose cue comes last before the participle,
  // else the subject of the main clause (the first verb outside quotes)
  const { tk } = ctx;
  let source: Range | null = null;
  let appositive: Range | null = null;
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

const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", '’s', 'am']);

/** "people were charged fees": the subject of a passive cue is not its speaker. */
function passive(ctx: Context, c: CueHit, lo: number): boolean {
  const { tk } = ctx;
  if (c.entry.form !== 'past' && c.entry.form !== 'participle') return false;
  for (let t = c.first - 1; t >= lo && t >= c.first - 3; t--) {
    if (BE.has(tk.lower[t])) return tk.lower[c.last + 1] !== 'by';
    if (tk.pos[t] !== 'ADV' && tk.pos[t] !== 'PART') return false;
  }
  return false;
}

const MODALS = new Set(['will', 'would', 'could', 'may', 'might', 'should', 'can', 'must', 'shall', "'ll", '’ll']);

/** "The EU will propose …": a cue under a modal reports nothing yet. */
function modal(ctx: Context, c: CueHit, lo: number): boolean {
  const { tk } = ctx;
  for (let t = c.first - 1; t >= lo && t >= c.first - 3; t--) {
    if (MODALS.has(tk.value[t])) return true; // case matters: "Theresa May said"
    if (tk.pos[t] !== 'ADV' && tk.pos[t] !== 'PART' && tk.lower[t] !== 'be' && tk.lower[t] !== 'have') return false;
  }
  return false;
}

/** "… promised to keep going and said …", "… spoke for an hour, but told …": the subject of the verb before the conjunction. */
function coordinatedSubject(ctx: Context, c: CueHit, lo: number): ReturnType<typeof subjectLeft> {
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

function verbCue(ctx: Context, c: CueHit, st: Sent, bodyA: number, out: RawAttribution[]): RawAttribution | null {
  const { tk } = ctx;
  if (passive(ctx, c, bodyA) || modal(ctx, c, bodyA)) return null;
  // the subject may not reach back into a quote that ends before the cue
  let lo = Math.max(bodyA, c.first - WINDOW);
  for (let t = c.first - 1; t >= lo; t--) {
    if (ctx.regionOfTok[t] >= 0) {
      lo = t + 1;
      break;
    }
  }
  let subj = subjectLeft(tk, c.first, lo);
  const content = contentAfter(ctx, c, st);
  if (!subj && content) {
    // "… promised to keep going and said she would …": the subject of the verb before the conjunction
    const j = skipBetweenLeft(tk, c.first - 1, lo);
    const prev = out.length ? out[out.length - 1] : null;
    if (j >= lo && (tk.lower[j] === 'and' || tk.lower[j] === 'but') && prev && prev.sentence === st.s && prev.source && prev.parts[prev.parts.length - 1][1] <= tk.start[j]) {
      subj = { np: prev.source, appositive: prev.appositive };
    } else {
      subj = coordinatedSubject(ctx, c, lo);
    }
  }
  if (subj && content) {
    const end = contentEnd(ctx, content.first, st, content.viaThat);
    // the words between the cue and its content ("said in phone calls with …") hold no cue of their own
    for (let t = c.last + 1; t < content.first; t++) ctx.usedCue[t] = 1;
    return withContent(ctx, content.first, end, { cue: c, source: subj.np, st, rule: content.viaThat ? 'subject-cue-that' : 'subject-cue-object', appositive: subj.appositive });
  }
  // "Acts of protest, Mr. Obama said, are acts of patriotism": the statement around a parenthetical cue
  if (subj && subj.np[0] - 1 > bodyA && tk.value[subj.np[0] - 1] === ',' && tk.value[c.last + 1] === ',' && c.last + 2 < st.b && !cueAt(tk, c.last + 2, st.b)) {
    const left = charRange(ctx, bodyA, subj.np[0] - 1);
    const end = contentEnd(ctx, c.last + 2, st, false);
    const right = charRange(ctx, c.last + 2, end);
    if (left && right) {
      const found = withContent(ctx, c.last + 2, end, { cue: c, source: subj.np, st, rule: 'parenthetical', appositive: subj.appositive });
      if (found) {
        found.parts = [left, right];
        for (const r of regionsWithin(ctx, left[0], left[1])) ctx.usedRegion[r] = 1;
        if (found.kind === 'indirect' && regionsWithin(ctx, left[0], left[1]).length) found.kind = 'mixed';
        return found;
      }
    }
  }
  // …, X said.  (content before the source)
  // (after a listener cue, past its object: "…, a spokesman told the newspaper.")
  let after = c.last + 1;
  if (c.entry.listener && after < st.b) after = OBJECT_PRONOUNS.has(tk.lower[after]) ? after + 1 : npStartingAt(tk, after, st.b)?.[1] ?? after;
  if (subj && closesClause(ctx, after, st) || (subj && after < st.b && isTrailingAdjunct(ctx, after, st))) {
    const before = subj.np[0] - 1;
    // (what comes before must be a clause: "As an immigrant, she felt for me" reports nothing)
    if (before > bodyA && (tk.value[before] === ',' || tk.value[before] === '—') && hasVerb(ctx, bodyA, before)) {
      return withContent(ctx, bodyA, before, { cue: c, source: subj.np, st, rule: 'content-then-source', appositive: subj.appositive });
    }
  }
  // …, said X.
  if (!subj && c.first - 1 > bodyA && tk.value[c.first - 1] === ',') {
    const np = npStartingAt(tk, c.last + 1, st.b);
    if (np && closesClause(ctx, np[1], st)) return withContent(ctx, bodyA, c.first - 1, { cue: c, source: np, st, rule: 'content-then-cue-source' });
  }
  return null;
}

const TIME_DETS = new Set(['the', 'that', 'this', 'a']);
const TIME_MODIFIERS = new Set(['next', 'following', 'previous', 'same', 'other', 'last']);
const TIME_NOUNS = new Set(['day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years', 'morning', 'afternoon', 'evening', 'night', 'weekend', 'time']);

/**
 * When tokens from k are a time phrase that ends the clause ("the next day.", "that morning,", "the same
 * week"), the index after it; otherwise 0.
 */
function timePhraseEnd(tk: Tokens, k: number, b: number): number {
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
function hasVerb(ctx: Context, a: number, b: number): boolean {
  const { tk } = ctx;
  for (let t = a; t < b; t++) if (tk.pos[t] === 'VERB' || tk.pos[t] === 'AUX' || ctx.regionOfTok[t] >= 0) return true;
  return false;
}

/** "…, she said in a statement." / "…, he told reporters on Tuesday." */
function isTrailingAdjunct(ctx: Context, k: number, st: Sent): boolean {
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

/** A short Title Case quotation is a title ("‘Make Your Kid a Millionaire’"), not a statement. */
function titleCased(text: string, [a, b]: [number, number]): boolean {
  if (b - a > 90) return false;
  const words = text.slice(a, b).match(/[A-Za-z][A-Za-z'’-]*/g) ?? [];
  if (words.length > 10 || words.length === 0) return false;
  const caps = words.filter((w) => w[0] !== w[0].toLowerCase()).length;
  return caps / words.length >= 0.7;
}

/** Pass 3: quotes no cue claimed. */
function leftoverPass(ctx: Context, out: RawAttribution[]): void {
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
    const raw = make(ctx, { kind: 'direct', parts: reg.parts.slice(), cue: null, source: null, sentence: s, rule: reg.unclosed ? 'continuation-unclosed' : 'continuation' });
    raw.continues = true;
    out.push(raw);
  }
}

/** Pass 0: "NAME: …" lines — transcript turns and headline attributions ("Pence: …", "WALLACE: …"). */
function labelPass(ctx: Context, out: RawAttribution[]): void {
  const { tk, seg } = ctx;
  for (let p = 0; p < seg.paraSent.length; p++) {
    const role = seg.paraRole[p];
    if (role !== 'body' && role !== 'headline') continue;
    const [s0, s1] = seg.paraSent[p];
    if (s0 >= s1) continue;
    let i = contentStartTok(ctx, sentOf(ctx, s0));
    const paraEnd = seg.sentTok[s1 - 1][1];
    let inRegion = -1;
    if (i < paraEnd && isQuoteMark(tk.value[i]) && ctx.regionOfTok[i] >= 0) {
      inRegion = ctx.regionOfTok[i];
      i++;
      while (i < paraEnd && isQuoteMark(tk.value[i]) && ctx.regionOfTok[i] === inRegion && tk.start[i] === tk.end[i - 1]) i++;
    }
    const first = i;
    let j = i;
    while (j < paraEnd && j - first < 7 && (tk.pos[j] === 'PROPN' || (isCapitalised(tk.value[j]) && tk.pos[j] !== 'PUNCT') || tk.value[j] === '.' || (tk.value[j] === '-' && tk.start[j] === tk.end[j - 1]))) j++;
    if (j === first || j >= paraEnd || tk.value[j] !== ':' || j + 1 >= paraEnd) continue;
    const label = ctx.text.slice(tk.start[first], tk.end[j - 1]).toLowerCase();
    if (NOT_SPEAKERS.has(label) || NOT_SPEAKER_HEADS.has(tk.lower[j - 1]) || tk.pos[first] === 'DET' || ctx.usedCue[j]) continue;
    // a name has no function words in it ("Stealth Over Health:" is a headline kicker, not a speaker)
    let functionWord = false;
    for (let t = first + 1; t < j && !functionWord; t++) functionWord = tk.pos[t] === 'ADP' && tk.lower[t] !== 'of' || tk.pos[t] === 'DET' || tk.pos[t] === 'CCONJ' || tk.pos[t] === 'VERB' || tk.pos[t] === 'AUX';
    if (functionWord) continue;
    // the content: the rest of the paragraph (inside its quote, when the turn is quoted)
    let end = paraEnd;
    if (inRegion >= 0) {
      const reg = ctx.regions[inRegion];
      const lastPart = reg.parts.find(([a, b]) => a <= tk.start[j] && tk.start[j] < b);
      if (lastPart) end = tokenAt(tk, lastPart[1]);
      ctx.usedRegion[inRegion] = 1;
    }
    // a tally ("Clinton: 1,769.") says nothing: the content needs two words
    let words = 0;
    for (let t = j + 1; t < end && words < 2; t++) if (tk.type[t] === 'word') words++;
    if (words < 2) continue;
    const range = charRange(ctx, j + 1, end);
    if (!range) continue;
    for (const r of regionsWithin(ctx, range[0], range[1])) ctx.usedRegion[r] = 1;
    const cue: CueHit = { first: j, last: j, entry: { lemma: 'say', stance: 'neutral', kind: 'verb' }, kind: 'verb' };
    out.push(make(ctx, { kind: inRegion >= 0 ? 'direct' : 'indirect', parts: [range], cue, source: [first, j], sentence: s0, rule: 'label' }));
  }
}

const DASH_SIGN = new Set(['―', '—', '–']);

export function attribute(ctx: Context): RawAttribution[] {
  const out: RawAttribution[] = [];
  labelPass(ctx, out);
  quotePass(ctx, out);
  cuePass(ctx, out);
  leftoverPass(ctx, out);
  out.sort((x, y) => x.parts[0][0] - y.parts[0][0]);
  return out;
}
