/**
 * Check-worthiness: how much a statement is worth a fact-checker's time, from explainable features and a learned model.
 *
 *   hand            = clamp(0.30 + Σ weight(reason), 0, 1)                 (the table below; reasons.ts)
 *   checkworthiness = σ(bias + h · hand + Σ learned weights of the reasons, the length and the word n-grams)
 *
 * (h = 3 in the shipped model), rounded to 3 decimals: checkmodel.ts computes it with the weights that
 * scripts/train-checkworthy.ts learnt from CLEF 2019's debates (src/model/checkworthy.json). Each reason appears at
 * most once in `Claim.reasons`: those that raise the score first, then those that lower it, each group by how much it
 * pushed; `checked-wording` / `unchecked-wording` when the claim's word n-grams pushed it up or down (by 0.75 logit
 * or more from a typical sentence's).
 *
 * | reason                 | hand   | emitted when                                                                        |
 * |------------------------|--------|-------------------------------------------------------------------------------------|
 * | `quantity`             | +0.25  | the claim holds a number (count, percentage, amount, measure)                        |
 * | `date`                 | +0.10  | the claim holds a date, year or decade                                               |
 * | `named-entity`         | +0.10  | the claim names a person, organisation or place                                      |
 * | `comparison`           | +0.10  | "than", superlatives ("the largest", "the only"), "record", "for the first time", "doubled" |
 * | `causal`               | +0.10  | "because", "due to", "as a result", "led to", "caused", "in response to"              |
 * | `legal`                | +0.10  | "ruled", "court", "law", "must", "order", "illegal", "treaty", a ruling cue             |
 * | `event`                | +0.05  | a concrete event verb ("occupied", "set up", "blocked", "took place", "signed")       |
 * | `attributed-official`  | +0.05  | a quote whose speaker is an organisation or holds a title, affiliation or office     |
 * | `prediction`           | −0.05  | "will", "expect", "forecast", "likely to": the future is hard to check now           |
 * | `hedged`               | −0.10  | a hedged cue ("suggested") or hedge words ("perhaps", "reportedly", "may")           |
 * | `vague`                | −0.10  | vague amounts ("a few", "several", "many") and no number in the claim               |
 * | `headline`             | −0.10  | the headline or a section heading (the publication's claim, but compressed)          |
 * | `opinion`              | −0.15  | evaluative language ("important", "surprising", "believe") or an opinion cue          |
 * | `intention`            | −0.15  | aims and plans ("the aim is", "aim to", "make sure", "plan to", "seek to")          |
 * | `short`                | −0.15  | fewer than five words                                                                |
 * | `first-person-opinion` | −0.20  | "I think", "we believe", "my goal", "we hope", "in my view"                           |
 * | `question`             | −0.25  | the claim is a question (ends in "?", or a question cue)                             |
 *
 * The same pass yields the claim's `types` (quantity, temporal, event, comparison, causal, rule, prediction,
 * position; 'event' when nothing else applies), whether its main clause is negated, and whether it is hedged.
 */
import lexicon from '../model/claims-lexicon.json';
import type { ClaimDate, ClaimEntity, ClaimType, CueStance, Quantity, Speaker } from '../types';
import type { Tok } from './tokens';
import { PhraseLists, PhraseTrie } from './lexicon';
import { classesOf, wordClass, wordClasses } from './wordclass';
import { REASON_ORDER, type Reason, type ReasonName } from './reasons';
export { BASE_SCORE, REASON_WEIGHTS, REASONS, handScore, type Reason, type ReasonName } from './reasons';
import { modelScore } from './checkmodel';

const F = lexicon.features;

/** One bit per reason, by its place in REASON_ORDER. */
const R = Object.fromEntries(REASON_ORDER.map((r, i) => [r, 1 << i])) as Record<Reason, number>;

type Cat =
  | 'comparison'
  | 'causal'
  | 'rule'
  | 'prediction'
  | 'intention'
  | 'firstPersonOpinion'
  | 'opinion'
  | 'position'
  | 'hedge'
  | 'vague'
  | 'eventVerbs';
const CATS: Cat[] = [
  'comparison',
  'causal',
  'rule',
  'prediction',
  'intention',
  'firstPersonOpinion',
  'opinion',
  'position',
  'hedge',
  'vague',
  'eventVerbs',
];
/** A set of categories is a bit mask: C[c] is category c's bit. */
const C = Object.fromEntries(CATS.map((c, i) => [c, 1 << i])) as Record<Cat, number>;
const EXCEPTIONS: Partial<Record<Cat, string[]>> = {
  comparison: F.comparisonExceptions,
  rule: F.ruleExceptions,
  prediction: F.predictionExceptions,
};
/**
 * The categories' phrases and their exceptions, in one PhraseLists so that one walk serves them all: list k is
 * category k (CATS order); EXCEPTION_LIST[k] is its exceptions' list (-1: none).
 */
const PHRASES = new PhraseLists();
CATS.forEach((c, k) => {
  PHRASES.addAll(F[c], k);
});
let nextList = CATS.length;
const EXCEPTION_LIST = CATS.map((c) => {
  const exc = EXCEPTIONS[c];
  if (!exc) return -1;
  PHRASES.addAll(exc, nextList);
  return nextList++;
});
/** Scratch for PHRASES.matchAll, one entry per list (categories() is not re-entered). */
const ENDS: number[] = new Array<number>(nextList).fill(0);
const NEGATION = new PhraseTrie<true>().addAll(F.negation, true);
const NEGATION_EXCEPTIONS = new PhraseTrie<true>().addAll(F.negationExceptions, true);

/**
 * Word classes (wordclass.ts) for the words phrases start with: one per category, one for all the exceptions, for
 * negation and its exceptions, and the subordinators. A token's classes are looked up once, so a trie is only walked
 * where one of its phrases can start. The categories' classes are consecutive, in CATS order: shifted down by
 * CAT_SHIFT they are C bits.
 */
const CAT_SHIFT = wordClasses(CATS.map((_, k) => PHRASES.firstKeys(k)));
const CAT_BITS = CATS.map((c, k) => ({ c, bit: 1 << (CAT_SHIFT + k), excList: EXCEPTION_LIST[k] }));
const CAT_EXCEPTIONS = CAT_BITS.filter((x) => x.excList >= 0);
const ALL_CATEGORIES = CAT_BITS.reduce((m, x) => m | x.bit, 0);
/** A word that starts an exception of some category (which one, the walk tells). */
const EXCEPTION_START = wordClass(CAT_EXCEPTIONS.flatMap((x) => PHRASES.firstKeys(x.excList)));
/** The classes of the categories that have exceptions. */
const EXCEPTION_CATEGORIES = CAT_EXCEPTIONS.reduce((m, x) => m | x.bit, 0);
const NEGATION_BIT = wordClass(NEGATION.firstKeys());
const NEGATION_EXCEPTIONS_BIT = wordClass(NEGATION_EXCEPTIONS.firstKeys());
/** Words that open a subordinate clause (see mainClauseNegated). */
const SUBORDINATOR_BIT = wordClass(F.subordinators);

const OFFICIAL = new Set(F.officialWords);
const TYPE_ORDER: ClaimType[] = ['quantity', 'temporal', 'event', 'comparison', 'causal', 'rule', 'prediction', 'position'];
/** One bit per type, by its place in TYPE_ORDER. */
const T = Object.fromEntries(TYPE_ORDER.map((t, i) => [t, 1 << i])) as Record<ClaimType, number>;

export interface FeatureInput {
  /** Tokens of the claim text (claims/tokens.ts tokensIn). */
  toks: readonly Tok[];
  quantities: readonly Quantity[];
  dates: readonly ClaimDate[];
  entities: readonly ClaimEntity[];
  /** The cue's stance for quote claims; null for the article's own voice. */
  cueStance: CueStance | null;
  speaker: Speaker | null;
  /** Headline or section heading. */
  headline: boolean;
  /** Is this the text of a quotation (or reported speech)? */
  quoted: boolean;
}

export interface Features {
  types: ClaimType[];
  reasons: ReasonName[];
  checkworthiness: number;
  negated: boolean;
  hedged: boolean;
  question: boolean;
}

/** Something with a span: a claim's date, name or quantity. */
type Spanned = { span: { start: number; end: number } };

/** A forward-only cursor over sorted, non-overlapping spans (dates, names, quantities) of one claim. */
class SpanCursor {
  private readonly spans: readonly Spanned[];
  private k: number;
  constructor(spans: readonly Spanned[]) {
    this.spans = spans;
    this.k = 0;
  }
  /** Does a span hold offset `at`? The offsets asked about must not decrease. */
  covers(at: number): boolean {
    const spans = this.spans;
    while (this.k < spans.length && spans[this.k].span.end <= at) this.k++;
    return this.k < spans.length && spans[this.k].span.start <= at;
  }
}

/** The categories not found yet that have a phrase or an exception starting at a token of classes `b` (as C bits). */
function categoriesStartingAt(b: number, found: number): number {
  let visit = b & ALL_CATEGORIES;
  if (b & EXCEPTION_START) visit |= EXCEPTION_CATEGORIES;
  return (visit >>> CAT_SHIFT) & ~found;
}

/** Which of the `visit` categories still look at token i: past their last exception, and only legal cues in names. */
function categoriesLooking(visit: number, from: readonly number[], i: number, named: boolean): number {
  let look = 0;
  for (; visit; visit &= visit - 1) {
    const k = 31 - Math.clz32(visit & -visit);
    if (from[k] > i || (named && CAT_BITS[k].c !== 'rule')) continue;
    look |= 1 << k;
  }
  return look;
}

/** The PHRASES lists to walk at a token of classes `b`: each looking category with a phrase here, and its exceptions. */
function listsWanted(look: number, b: number): number {
  let want = 0;
  for (; look; look &= look - 1) {
    const k = 31 - Math.clz32(look & -look);
    const { bit, excList } = CAT_BITS[k];
    if (b & bit) want |= 1 << k;
    if (excList >= 0 && b & EXCEPTION_START) want |= 1 << excList;
  }
  return want;
}

/** Which looking categories the walk found (C bits); an exception or a quantity's qualifier ("more than") moves `from` past it. */
function settleMatches(look: number, got: number, from: number[], inQuantity: boolean): number {
  let found = 0;
  for (; look; look &= look - 1) {
    const k = 31 - Math.clz32(look & -look);
    const { c, excList } = CAT_BITS[k];
    if (excList >= 0 && got & (1 << excList)) {
      from[k] = ENDS[excList]; // an exception: skip past it
      continue;
    }
    if (!(got & (1 << k))) continue;
    if (c === 'comparison' && inQuantity) {
      from[k] = ENDS[k];
    } else {
      found |= 1 << k;
      from[k] = Infinity;
    }
  }
  return found;
}

/**
 * Which categories occur in the tokens (longest match, exceptions first), as C bits. Linear: bounded trie walks per
 * token.
 * Words inside dates ("May 9") never count, nor words inside names ("US", "Hope") except for legal cues ("Court").
 */
function categories(input: FeatureInput, any: number): number {
  const { toks } = input;
  let found = 0; // C bits
  if (!(any & ALL_CATEGORIES)) return found;
  // One pass for all categories, each keeping its own place: from[k] is the first token category k may look at again
  // (past an exception it matched, or past a quantity's qualifier), Infinity once found.
  const from: number[] = new Array<number>(CATS.length).fill(0);
  // the dates, names and quantities are sorted and do not overlap: cursors move forward with the tokens
  const inDate = new SpanCursor(input.dates);
  const inName = new SpanCursor(input.entities);
  const inQuantity = new SpanCursor(input.quantities);
  for (let i = 0; i < toks.length; i++) {
    const b = classesOf(toks[i]);
    const visit = categoriesStartingAt(b, found);
    if (!visit) continue;
    const at = toks[i].s;
    if (inDate.covers(at)) continue;
    // the lists to walk for: each category still looking here, and its exceptions
    const look = categoriesLooking(visit, from, i, inName.covers(at));
    const want = listsWanted(look, b);
    if (!want) continue;
    const got = PHRASES.matchAll(toks, i, toks.length, want, ENDS);
    found |= settleMatches(look, got, from, inQuantity.covers(at));
  }
  return found;
}

/**
 * Negation in the main clause: a negator outside subordinate clauses. A subordinate clause runs from a subordinator
 * ("which", "who", "if", "because", "when" …) to the next comma, semicolon, colon or dash (or to the end).
 */
function mainClauseNegated(toks: readonly Tok[], any: number): boolean {
  if (!(any & NEGATION_BIT)) return false;
  let inSub = false;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.k === 'p') {
      if (t.v === ',' || t.v === ';' || t.v === '—' || t.v === '–' || t.v === ':') inSub = false;
      continue;
    }
    if (t.k !== 'w') continue;
    const b = classesOf(t);
    if (b & SUBORDINATOR_BIT) {
      inSub = true;
      continue;
    }
    if (inSub) continue;
    const ex = b & NEGATION_EXCEPTIONS_BIT ? NEGATION_EXCEPTIONS.match(toks, i, toks.length, false) : null;
    if (ex) {
      i = ex.end - 1;
      continue;
    }
    if (b & NEGATION_BIT && NEGATION.match(toks, i, toks.length, false)) return true;
  }
  return false;
}

function isQuestion(toks: readonly Tok[]): boolean {
  for (let i = toks.length - 1; i >= 0; i--) {
    const t = toks[i];
    if (t.k === 'p' && (t.v === '”' || t.v === '"' || t.v === '’' || t.v === "'" || t.v === ')')) continue;
    return t.v === '?';
  }
  return false;
}

function isOfficial(sp: Speaker | null): boolean {
  if (!sp) return false;
  if (sp.kind === 'organization') return true;
  if (sp.title || sp.affiliation || sp.speaksFor) return true;
  return officialName(sp);
}

/** Does the speaker's name hold an official word? Kept per speaker (a story's claims share few speakers) and name. */
const OFFICIAL_NAMES = new WeakMap<Speaker, { name: unknown; official: boolean }>();
function officialName(sp: Speaker): boolean {
  const hit = OFFICIAL_NAMES.get(sp);
  if (hit && hit.name === sp.name) return hit.official;
  const words = `${sp.name ?? ''}`.toLowerCase().split(/[^a-z]+/);
  const official = words.some((w) => OFFICIAL.has(w));
  OFFICIAL_NAMES.set(sp, { name: sp.name, official });
  return official;
}

/** What scoring reads besides the input: the categories found (C bits), the word count, and two verdicts. */
export interface Signals {
  cats: number;
  words: number;
  hedged: boolean;
  question: boolean;
}

/** The tokens' classes, or'ed together. */
function classesOfAll(toks: readonly Tok[]): number {
  let any = 0;
  for (let i = 0; i < toks.length; i++) any |= classesOf(toks[i]);
  return any;
}

/** How many words (and numbers) the claim has. */
function wordCount(toks: readonly Tok[]): number {
  let words = 0;
  for (let i = 0; i < toks.length; i++) if (toks[i].k === 'w' || toks[i].k === 'n') words++;
  return words;
}

/** Which reasons apply (R bits): the table in the header, row by row. */
function reasonBits(input: FeatureInput, sig: Signals): number {
  const { quantities, cueStance } = input;
  const cats = sig.cats;
  let why = 0;
  if (quantities.length) why |= R.quantity;
  if (input.dates.length) why |= R.date;
  if (input.entities.length) why |= R['named-entity'];
  if (cats & C.comparison) why |= R.comparison;
  if (cats & C.causal) why |= R.causal;
  if (cats & C.rule || cueStance === 'ruling') why |= R.legal;
  if (cats & C.eventVerbs) why |= R.event;
  if (input.quoted && isOfficial(input.speaker)) why |= R['attributed-official'];
  if (cats & C.prediction) why |= R.prediction;
  if (sig.hedged) why |= R.hedged;
  if (cats & C.vague && !quantities.length) why |= R.vague;
  if (input.headline) why |= R.headline;
  if (cats & C.opinion || cueStance === 'opinion') why |= R.opinion;
  if (cats & C.intention) why |= R.intention;
  if (sig.words < 5) why |= R.short;
  if (cats & C.firstPersonOpinion) why |= R['first-person-opinion'];
  if (sig.question) why |= R.question;
  return why;
}

/** The claim's types in TYPE_ORDER ('event' when nothing else applies). */
function claimTypes(input: FeatureInput, cats: number): ClaimType[] {
  const cueStance = input.cueStance;
  let kinds = 0; // types, as T bits
  if (input.quantities.length) kinds |= T.quantity;
  if (input.dates.length) kinds |= T.temporal;
  if (cats & C.eventVerbs) kinds |= T.event;
  if (cats & C.comparison) kinds |= T.comparison;
  if (cats & C.causal) kinds |= T.causal;
  if (cats & C.rule || cueStance === 'ruling') kinds |= T.rule;
  if (cats & C.prediction) kinds |= T.prediction;
  if (cats & (C.position | C.opinion | C.firstPersonOpinion | C.intention) || cueStance === 'opinion') kinds |= T.position;
  if (kinds === 0) kinds = T.event;
  const types: ClaimType[] = [];
  for (let i = 0; i < TYPE_ORDER.length; i++) if (kinds & (1 << i)) types.push(TYPE_ORDER[i]);
  return types;
}

/** The explainable signals of a claim: which reasons apply (R bits, REASON_ORDER), its word count, categories and verdicts. */
export interface Explained {
  why: number;
  sig: Signals;
  any: number;
}

/** Which reasons apply to a claim, with the signals behind them (one pass over its tokens). */
export function explain(input: FeatureInput): Explained {
  const { toks, cueStance } = input;
  const any = classesOfAll(toks);
  const cats = categories(input, any);
  const sig: Signals = {
    cats,
    words: wordCount(toks),
    hedged: cueStance === 'hedged' || !!(cats & C.hedge),
    question: isQuestion(toks) || cueStance === 'question',
  };
  return { why: reasonBits(input, sig), sig, any };
}

/** The claim's types, reasons, checkworthiness, negation, hedging and question-ness (see the header). */
export function scoreFeatures(input: FeatureInput): Features {
  const { why, sig, any } = explain(input);
  const { reasons, score } = modelScore(input.toks, why, sig.words);
  return {
    types: claimTypes(input, sig.cats),
    reasons,
    checkworthiness: score,
    negated: mainClauseNegated(input.toks, any),
    hedged: sig.hedged,
    question: sig.question,
  };
}
