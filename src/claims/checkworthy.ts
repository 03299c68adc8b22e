/**
 * Check-worthiness: how much a statement is worth a fact-checker's time, from explainable features.
 *
 *   checkworthiness = clamp(0.30 + Σ weight(reason), 0, 1), rounded to 2 decimals
 *
 * Reasons (each appears at most once in `Claim.reasons`, raising reasons first, in this order):
 *
 * | reason                 | weight | emitted when                                                                        |
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
import type { Tok } from './lex';
import { PhraseTrie } from './lexicon';

const F = lexicon.features;

export const REASON_WEIGHTS = {
  quantity: 0.25,
  date: 0.1,
  'named-entity': 0.1,
  comparison: 0.1,
  causal: 0.1,
  legal: 0.1,
  event: 0.05,
  'attributed-official': 0.05,
  prediction: -0.05,
  hedged: -0.1,
  vague: -0.1,
  headline: -0.1,
  opinion: -0.15,
  intention: -0.15,
  short: -0.15,
  'first-person-opinion': -0.2,
  question: -0.25,
} as const;
export type Reason = keyof typeof REASON_WEIGHTS;
export const BASE_SCORE = 0.3;
const REASON_ORDER = Object.keys(REASON_WEIGHTS) as Reason[];

type Cat =
  | 'comparison' | 'causal' | 'rule' | 'prediction' | 'intention' | 'firstPersonOpinion' | 'opinion' | 'position'
  | 'hedge' | 'vague' | 'eventVerbs';
const CATS: Cat[] = ['comparison', 'causal', 'rule', 'prediction', 'intention', 'firstPersonOpinion', 'opinion', 'position', 'hedge', 'vague', 'eventVerbs'];
const TRIES = new Map<Cat, PhraseTrie<true>>();
for (const c of CATS) TRIES.set(c, new PhraseTrie<true>().addAll(F[c], true));
const EXCEPTIONS = new Map<Cat, PhraseTrie<true>>([
  ['comparison', new PhraseTrie<true>().addAll(F.comparisonExceptions, true)],
  ['rule', new PhraseTrie<true>().addAll(F.ruleExceptions, true)],
  ['prediction', new PhraseTrie<true>().addAll(F.predictionExceptions, true)],
]);
const NEGATION = new PhraseTrie<true>().addAll(F.negation, true);
const NEGATION_EXCEPTIONS = new PhraseTrie<true>().addAll(F.negationExceptions, true);

/**
 * One bit per trie (a category's phrases, its exceptions, negation and its exceptions). FIRST maps a token key to the
 * bits of the tries that have a phrase starting with it, so each token costs one lookup and a trie is only walked
 * where it can match.
 */
const FIRST = new Map<string, number>();
let nextBit = 0;
function bitFor(trie: PhraseTrie<true>): number {
  const bit = 1 << nextBit++;
  for (const k of trie.firstKeys()) FIRST.set(k, (FIRST.get(k) ?? 0) | bit);
  return bit;
}
const CAT_BITS = CATS.map((c) => {
  const trie = TRIES.get(c) as PhraseTrie<true>;
  const exc = EXCEPTIONS.get(c);
  return { c, trie, bit: bitFor(trie), exc, excBit: exc ? bitFor(exc) : 0 };
});
const ALL_CATEGORIES = CAT_BITS.reduce((m, x) => m | x.bit, 0);
const ALL_CATEGORIES_AND_EXCEPTIONS = CAT_BITS.reduce((m, x) => m | x.bit | x.excBit, 0);
const NEGATION_BIT = bitFor(NEGATION);
const NEGATION_EXCEPTIONS_BIT = bitFor(NEGATION_EXCEPTIONS);
/** Words that open a subordinate clause (see mainClauseNegated). */
const SUBORDINATOR_BIT = 1 << nextBit++;
for (const w of F.subordinators) FIRST.set(w, (FIRST.get(w) ?? 0) | SUBORDINATOR_BIT);

interface FirstBits {
  /** FIRST bits of each token. */
  bits: number[];
  /** All of them or'ed. */
  any: number;
}
// (plain arrays: claims are short, and small typed arrays cost more to allocate than they save)
function firstBits(toks: readonly Tok[]): FirstBits {
  const bits: number[] = [];
  let any = 0;
  for (let i = 0; i < toks.length; i++) {
    const b = FIRST.get(toks[i].l) ?? 0;
    bits.push(b);
    any |= b;
  }
  return { bits, any };
}

const OFFICIAL = new Set(F.officialWords);
const TYPE_ORDER: ClaimType[] = ['quantity', 'temporal', 'event', 'comparison', 'causal', 'rule', 'prediction', 'position'];

export interface FeatureInput {
  /** Tokens of the claim text (from lex(text, start, end)). */
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
  reasons: Reason[];
  checkworthiness: number;
  negated: boolean;
  hedged: boolean;
  question: boolean;
}

/**
 * Which categories occur in the tokens (longest match, exceptions first). Linear: bounded trie walks per token.
 * Words inside dates ("May 9") never count, nor words inside names ("US", "Hope") except for legal cues ("Court").
 */
function categories(
  toks: readonly Tok[],
  first: FirstBits,
  quantities: readonly Quantity[],
  dates: readonly ClaimDate[],
  entities: readonly ClaimEntity[],
): Set<Cat> {
  const found = new Set<Cat>();
  const { bits, any } = first;
  if (!(any & ALL_CATEGORIES)) return found;
  // One pass for all categories, each keeping its own place: from[k] is the first token category k may look at again
  // (past an exception it matched, or past a quantity's qualifier), Infinity once found.
  const from: number[] = CAT_BITS.map(() => 0);
  const inDate = spanCursor(dates);
  const inName = spanCursor(entities);
  const inQuantity = spanCursor(quantities);
  for (let i = 0; i < toks.length; i++) {
    const b = bits[i];
    if (!(b & ALL_CATEGORIES_AND_EXCEPTIONS)) continue;
    const at = toks[i].s;
    if (inDate(at)) continue;
    const named = inName(at);
    for (let k = 0; k < CAT_BITS.length; k++) {
      const { c, trie, bit, exc, excBit } = CAT_BITS[k];
      if (!(b & (bit | excBit)) || from[k] > i || (named && c !== 'rule')) continue;
      if (exc && b & excBit) {
        const x = exc.match(toks, i, toks.length, false);
        if (x) {
          from[k] = x.end;
          continue;
        }
      }
      const m = b & bit ? trie.match(toks, i, toks.length, false) : null;
      if (!m) continue;
      // "more than 1,000": a quantity qualifier, not a comparison
      if (c === 'comparison' && inQuantity(at)) {
        from[k] = m.end;
      } else {
        found.add(c);
        from[k] = Infinity;
      }
    }
  }
  return found;
}

/**
 * Is a token inside one of the spans (sorted, not overlapping)? Ask with non-decreasing token starts: the cursor only
 * moves forward.
 */
function spanCursor(spans: readonly { span: { start: number; end: number } }[]): (at: number) => boolean {
  let k = 0;
  return (at) => {
    while (k < spans.length && spans[k].span.end <= at) k++;
    return k < spans.length && spans[k].span.start <= at;
  };
}

/**
 * Negation in the main clause: a negator outside subordinate clauses. A subordinate clause runs from a subordinator
 * ("which", "who", "if", "because", "when" …) to the next comma, semicolon, colon or dash (or to the end).
 */
function mainClauseNegated(toks: readonly Tok[], first: FirstBits): boolean {
  if (!(first.any & NEGATION_BIT)) return false;
  const { bits } = first;
  let inSub = false;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.k === 'p') {
      if (t.v === ',' || t.v === ';' || t.v === '—' || t.v === '–' || t.v === ':') inSub = false;
      continue;
    }
    if (t.k !== 'w') continue;
    if (bits[i] & SUBORDINATOR_BIT) {
      inSub = true;
      continue;
    }
    if (inSub) continue;
    const ex = bits[i] & NEGATION_EXCEPTIONS_BIT ? NEGATION_EXCEPTIONS.match(toks, i, toks.length, false) : null;
    if (ex) {
      i = ex.end - 1;
      continue;
    }
    if (bits[i] & NEGATION_BIT && NEGATION.match(toks, i, toks.length, false)) return true;
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
  const words = `${sp.name ?? ''}`.toLowerCase().split(/[^a-z]+/);
  return words.some((w) => OFFICIAL.has(w));
}

export function scoreFeatures(input: FeatureInput): Features {
  const { toks, quantities, dates, entities, cueStance, speaker } = input;
  const first = firstBits(toks);
  const cats = categories(toks, first, quantities, dates, entities);
  const words = toks.reduce((n, t) => n + (t.k === 'w' || t.k === 'n' ? 1 : 0), 0);
  const question = isQuestion(toks) || cueStance === 'question';
  const hedged = cueStance === 'hedged' || cats.has('hedge');
  const reasons = new Set<Reason>();
  if (quantities.length) reasons.add('quantity');
  if (dates.length) reasons.add('date');
  if (entities.length) reasons.add('named-entity');
  if (cats.has('comparison')) reasons.add('comparison');
  if (cats.has('causal')) reasons.add('causal');
  if (cats.has('rule') || cueStance === 'ruling') reasons.add('legal');
  if (cats.has('eventVerbs')) reasons.add('event');
  if (input.quoted && isOfficial(speaker)) reasons.add('attributed-official');
  if (cats.has('prediction')) reasons.add('prediction');
  if (hedged) reasons.add('hedged');
  if (cats.has('vague') && !quantities.length) reasons.add('vague');
  if (input.headline) reasons.add('headline');
  if (cats.has('opinion') || cueStance === 'opinion') reasons.add('opinion');
  if (cats.has('intention')) reasons.add('intention');
  if (words < 5) reasons.add('short');
  if (cats.has('firstPersonOpinion')) reasons.add('first-person-opinion');
  if (question) reasons.add('question');

  const ordered = REASON_ORDER.filter((r) => reasons.has(r));
  let score = BASE_SCORE;
  for (const r of ordered) score += REASON_WEIGHTS[r];
  score = Math.round(Math.min(1, Math.max(0, score)) * 100) / 100;

  const types = new Set<ClaimType>();
  if (quantities.length) types.add('quantity');
  if (dates.length) types.add('temporal');
  if (cats.has('eventVerbs')) types.add('event');
  if (cats.has('comparison')) types.add('comparison');
  if (cats.has('causal')) types.add('causal');
  if (cats.has('rule') || cueStance === 'ruling') types.add('rule');
  if (cats.has('prediction')) types.add('prediction');
  if (cats.has('position') || cats.has('opinion') || cats.has('firstPersonOpinion') || cats.has('intention') || cueStance === 'opinion') types.add('position');
  if (types.size === 0) types.add('event');

  return {
    types: TYPE_ORDER.filter((t) => types.has(t)),
    reasons: ordered,
    checkworthiness: score,
    negated: mainClauseNegated(toks, first),
    hedged,
    question,
  };
}
