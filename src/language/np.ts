/**
 * Noun-phrase edges around a cue: the subject to its left ("The spokesman for the water board said"),
 * the source after an inverted cue ("… said the official"), and the listener after "told".
 * Token-level, using wink's POS tags; each walk is bounded, so the cost per cue is constant.
 */
import { words } from './words';
import { isCapitalised } from './chars';
import type { TokenRange, Tokens } from './tokens';
import { isRoleWord } from './roles';

const MAX_NP = 30;

/** Prepositions that attach a modifier inside a source phrase ("spokesperson for the ministry"). */
const NP_PREPS = words('nounPhrasePrepositions');
/** Adverbs and auxiliaries that sit between a subject and its cue ("also", "has repeatedly"). */
const BETWEEN = words('betweenSubjectAndCue');
/** Pronoun-like quantifiers that stand as a subject on their own ("all agreed", "others said"). */
const QUANTIFIER_SUBJECTS = words('quantifierSubjects');
export const PERSONAL_PRONOUNS = words('personalPronouns');
const RELATIVE_WORDS = words('relativeWords');
/** Hedges before a poll share ("about six in 10"). */
const SHARE_HEDGES = words('shareHedges');
/** Dashes that bracket an aside between a subject and its cue. */
const ASIDE_DASHES = new Set(['—', '–', '--']);
const POSSESSIVE = words('possessives');
const DETS = words('determiners');
const DASHES = new Set(['-', '–', '‑']);
/** Participles that glue a phrase to a noun inside a source: "released by", "issued by", "Geneva-based". */
const GLUE_PARTICIPLES = words('glueParticiples');

export const isQuoteMark = (v: string): boolean =>
  v === "''" ||
  v === '``' ||
  v === '“' ||
  v === '”' ||
  v === '"' ||
  v === '‘' ||
  v === '’' ||
  v === "'" ||
  v === '«' ||
  v === '»' ||
  v === '„';

/** A token that can stand in a noun phrase. */
function nominal(tk: Tokens, j: number): boolean {
  const p = tk.pos[j];
  // (a capitalised "verb" before a name is the name's word: "The Associated Press")
  return (
    p === 'NOUN' ||
    p === 'PROPN' ||
    p === 'NUM' ||
    p === 'ADJ' ||
    (p === 'X' && isCapitalised(tk.value[j])) ||
    (p === 'VERB' && isCapitalised(tk.value[j]) && j + 1 < tk.n && tk.pos[j + 1] === 'PROPN')
  );
}

function glued(tk: Tokens, j: number): boolean {
  // no white space on either side: a hyphen or slash inside a compound ("Geneva-based", "AT&T", "BBC/ITV")
  return j > 0 && j + 1 < tk.n && tk.start[j] === tk.end[j - 1] && tk.end[j] === tk.start[j + 1];
}

/** Skip adverbs/auxiliaries leftwards from i; returns the index of the first token that is not one. */
export function skipBetweenLeft(tk: Tokens, i: number, lo: number): number {
  let j = i;
  let budget = 6;
  while (j >= lo && budget-- > 0 && (BETWEEN.has(tk.lower[j]) || (tk.pos[j] === 'ADV' && tk.lower[j].endsWith('ly')))) j--;
  return j;
}

/**
 * The noun phrase that ends at token `last` (inclusive), walking left no further than `lo`.
 * Returns null when `last` cannot end a source phrase.
 */
export function npEndingAt(tk: Tokens, last: number, lo: number): TokenRange | null {
  if (last < lo) return null;
  const low = tk.lower[last];
  if (QUANTIFIER_SUBJECTS.has(low)) return [last, last + 1];
  if (tk.pos[last] === 'PRON' || PERSONAL_PRONOUNS.has(low)) {
    return PERSONAL_PRONOUNS.has(low) || low === 'who' ? [last, last + 1] : null;
  }
  // a share in a poll: "Six in 10 say", "about one in four said"
  if (last - 2 >= lo && isPollShare(tk, last - 2, last + 1)) {
    let a = last - 2;
    if (a - 1 >= lo && SHARE_HEDGES.has(tk.lower[a - 1])) a--;
    return [a, last + 1];
  }
  if (!canEndPhrase(tk, last)) return null;
  const walk: LeftWalk = { j: last, first: last };
  while (walk.j > lo && last - walk.j < MAX_NP) if (!stepLeft(tk, walk, lo)) break;
  // never start on a preposition or possessive marker
  let first = walk.first;
  while (first < last && (tk.pos[first] === 'ADP' || tk.pos[first] === 'PART' || tk.pos[first] === 'PUNCT')) first++;
  return [first, last + 1];
}

/** Can token `last` end a source phrase: a noun, or a name wink tagged otherwise? */
function canEndPhrase(tk: Tokens, last: number): boolean {
  const p = tk.pos[last];
  // a capitalised word that wink read as a verb or adjective ("Lynch said", "Young said") is a name here
  const roleAdj = p === 'ADJ' && isRoleWord(tk.lower[last]);
  const capName = roleAdj || (isCapitalised(tk.value[last]) && (p === 'VERB' || p === 'ADJ' || p === 'ADV' || p === 'X' || p === 'NUM'));
  return p === 'NOUN' || p === 'PROPN' || capName;
}

/** A walk left from a phrase's last token: `j` is the token it has reached, `first` the leftmost word it keeps. */
interface LeftWalk {
  j: number;
  first: number;
}

/** One step left, over token j - 1: true when the phrase goes on past it, false where the phrase starts. */
function stepLeft(tk: Tokens, walk: LeftWalk, lo: number): boolean {
  const k = walk.j - 1;
  const lw = tk.lower[k];
  const p = tk.pos[k];
  if ((DETS.has(lw) && p !== 'PRON') || POSSESSIVE.has(lw)) {
    walk.first = k;
    // a determiner ends the phrase unless a preposition attaches it to a head further left
    if (
      k - 1 >= lo &&
      NP_PREPS.has(tk.lower[k - 1]) &&
      k - 2 >= lo &&
      (nominal(tk, k - 2) ||
        tk.lower[k - 2] === '’s' ||
        tk.lower[k - 2] === "'s" ||
        (tk.lower[k - 1] === 'by' && GLUE_PARTICIPLES.has(tk.lower[k - 2])))
    ) {
      walk.j = k - 1;
      return true;
    }
    return false;
  }
  if (joinsCompound(tk, k)) {
    walk.j = k;
    return true;
  }
  if (NP_PREPS.has(lw) && p === 'ADP') {
    // a post-modifier: "official at the State Department", "spokesperson for X"; needs a head on its left
    if (k - 1 >= lo && (nominal(tk, k - 1) || (tk.pos[k - 1] === 'VERB' && GLUE_PARTICIPLES.has(tk.lower[k - 1])))) {
      walk.j = k;
      return true;
    }
    return false;
  }
  if (!nominal(tk, k)) return false;
  // a plain lower-case noun directly before a name is not part of it ("after the talks Smith said"),
  // unless it is a role word ("spokesman Ned Price")
  if (tk.pos[k] === 'NOUN' && !isCapitalised(tk.value[k]) && isCapitalised(tk.value[k + 1]) && tk.pos[k + 1] === 'PROPN' && !isRoleWord(lw))
    return false;
  walk.j = k;
  walk.first = k;
  return true;
}

/** Token k joins the words on either side: a possessive marker, a glued hyphen, slash, "&" or ".", a gluing participle ("Geneva-based", "released by"). */
function joinsCompound(tk: Tokens, k: number): boolean {
  const v = tk.value[k];
  const lw = tk.lower[k];
  const p = tk.pos[k];
  if (p === 'PART' && (lw === '’s' || lw === "'s" || lw === '’' || lw === "'")) return true;
  if (possessiveApostrophe(tk, k)) return true; // a plural's possessive: Mr Sands’ book
  if ((DASHES.has(v) || v === '/' || v === '&' || v === '.') && glued(tk, k)) return true;
  return (
    p === 'VERB' && GLUE_PARTICIPLES.has(lw) && ((k > 0 && DASHES.has(tk.value[k - 1]) && glued(tk, k - 1)) || tk.lower[k + 1] === 'by')
  );
}

const MONTHS = words('months');
const WEEKDAYS = words('weekdays');

/** Skip a time adjunct that ends at i ("… on April 29", "… on Tuesday", "… last week"). */
function skipTimeLeft(tk: Tokens, i: number, lo: number): number {
  let j = i;
  if (j >= lo && tk.pos[j] === 'NUM' && j - 1 >= lo && MONTHS.has(tk.lower[j - 1])) j -= 2;
  else if (j >= lo && (MONTHS.has(tk.lower[j]) || WEEKDAYS.has(tk.lower[j]))) j -= 1;
  else if (
    j - 1 >= lo &&
    (tk.lower[j] === 'week' || tk.lower[j] === 'month' || tk.lower[j] === 'year') &&
    (tk.lower[j - 1] === 'last' || tk.lower[j - 1] === 'this')
  )
    j -= 2;
  else return i;
  if (j >= lo && (tk.lower[j] === 'on' || tk.lower[j] === 'in' || tk.lower[j] === 'earlier' || tk.lower[j] === 'late')) j--;
  // "A news report published Wednesday said": the phrase ends at the noun the participle qualifies
  if (j - 1 >= lo && tk.pos[j] === 'VERB' && tk.lower[j].endsWith('ed') && (tk.pos[j - 1] === 'NOUN' || tk.pos[j - 1] === 'PROPN'))
    return j - 1;
  // a lone weekday after a name is a time ("Smith Tuesday said"); anything else, keep the original end
  return j >= lo && (tk.pos[j] === 'NOUN' || tk.pos[j] === 'PROPN' || tk.pos[j] === 'PRON') ? j : i;
}

/** When token `close` is ")" of a short bracket ("(D-Ore.)") opened after `lo`, the index of its "("; else -1. */
function openingParen(tk: Tokens, close: number, lo: number): number {
  if (close < lo || tk.value[close] !== ')') return -1;
  let k = close - 1;
  while (k >= lo && close - k < 10 && tk.value[k] !== '(' && tk.value[k] !== ')') k--;
  return k > lo && tk.value[k] === '(' ? k : -1;
}

/** When token `open` is "(" of a short bracket closed before `hi`, the index of its ")"; else -1. */
export function closingParen(tk: Tokens, open: number, hi: number): number {
  if (open >= hi || tk.value[open] !== '(') return -1;
  let c = open + 1;
  while (c < hi && c - open < 10 && tk.value[c] !== ')' && tk.value[c] !== '(') c++;
  return c < hi && tk.value[c] === ')' ? c : -1;
}

/** Is tokens[a, b) a share in a poll, "N in M" ("Six in 10", "one in four")? */
export function isPollShare(tk: Tokens, a: number, b: number): boolean {
  return b - a >= 3 && tk.pos[b - 1] === 'NUM' && tk.lower[b - 2] === 'in' && tk.pos[b - 3] === 'NUM';
}

/**
 * The source phrase to the left of a cue at token `cue`: skips adverbs/auxiliaries and comma-bracketed
 * asides ("Smith, before the vote, pledged"; "Jane Doe, a spokeswoman for X, said").
 * Returns the phrase and, when there was one, the appositive between it and the cue.
 */
export function subjectLeft(tk: Tokens, cue: number, lo: number): { np: TokenRange; appositive: TokenRange | null } | null {
  const walk: AsideWalk = { i: skipBetweenLeft(tk, cue - 1, lo), appositive: null, skipped: 0 };
  // up to three comma-bracketed asides between the subject and the cue
  // (or dash-bracketed: "Many speakers — including … — said")
  for (let round = 0; round < 3 && walk.i >= lo && (tk.value[walk.i] === ',' || ASIDE_DASHES.has(tk.value[walk.i])); round++) {
    if (!skipAside(tk, walk, lo)) break;
  }
  let i = skipTimeLeft(tk, walk.i, lo);
  // a parenthesis right before the cue belongs to the name: "Sen. Jane Roe (D-Ore.) said"
  let paren = -1;
  let open = openingParen(tk, i, lo);
  if (open >= 0) {
    paren = i;
    i = open - 1;
  }
  if (i >= lo && (tk.value[i] === ',' || (walk.skipped && ASIDE_DASHES.has(tk.value[i])))) {
    // a bare comma before the cue: "…, said X" is an inverted cue, not a subject
    if (!walk.skipped) return null;
    i = skipBetweenLeft(tk, i - 1, lo);
    // "Rep. Jane Roe (D-Md.), chair of …, said"
    open = paren < 0 ? openingParen(tk, i, lo) : -1;
    if (open >= 0) {
      paren = i;
      i = open - 1;
    }
  }
  const np = npEndingAt(tk, i, lo);
  if (!np) return null;
  if (paren >= 0) np[1] = paren + 1;
  return { np, appositive: walk.appositive };
}

/** The walk left over asides: where it stands, the first noun-phrase aside (an appositive), how many it passed. */
interface AsideWalk {
  i: number;
  appositive: TokenRange | null;
  skipped: number;
}

/**
 * Step left over one aside bracketed by the comma or dash at `walk.i`, when it is an adverbial, a noun phrase or a
 * relative clause on the subject (not a finite clause); false, and the walk unchanged, when it is none of them.
 */
function skipAside(tk: Tokens, walk: AsideWalk, lo: number): boolean {
  const i = walk.i;
  const bracket = tk.value[i];
  const scan = scanAside(tk, i, lo, bracket);
  const k = scan.open;
  if (k < lo || tk.value[k] !== bracket) return false;
  if (scan.finite && !scan.relative) return false;
  const asideFirst = k + 1;
  if (asideFirst >= i) return false;
  const p0 = tk.pos[asideFirst];
  const l0 = tk.lower[asideFirst];
  const isAdverbial =
    p0 === 'ADP' || p0 === 'ADV' || p0 === 'SCONJ' || p0 === 'NUM' || (p0 === 'VERB' && (l0.endsWith('ing') || l0 === 'including'));
  const isNp = !isAdverbial && (p0 === 'DET' || p0 === 'NOUN' || p0 === 'PROPN' || p0 === 'ADJ' || POSSESSIVE.has(l0));
  // "Jane Doe, who runs the group, said": a relative clause on the subject
  const isRelative = scan.relative && RELATIVE_WORDS.has(l0);
  if (!isAdverbial && !isNp && !isRelative) return false;
  // "In a book published this week, Jane Roe QC, a member of …, says": past the appositive, a name is the subject
  if (walk.skipped > 0 && isNameRun(tk, asideFirst, i)) return false;
  if (isNp && !walk.appositive) walk.appositive = [asideFirst, i];
  walk.i = k;
  walk.skipped++;
  return true;
}

/** Tokens [a, b) are capitalised words of a name (with its dots and hyphens) and nothing else. */
function isNameRun(tk: Tokens, a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    if (tk.value[k] === '.' || tk.value[k] === '-') continue;
    if (!isCapitalised(tk.value[k]) || (tk.pos[k] !== 'PROPN' && tk.pos[k] !== 'NOUN')) return false;
  }
  return b - a >= 2;
}

/**
 * Scan left from the closing bracket at i to the aside's opening one (at most 45 tokens, never across a quote
 * mark): where it opens, whether the aside holds a finite verb, and whether it holds a relative word.
 */
function scanAside(tk: Tokens, i: number, lo: number, bracket: string): { open: number; finite: boolean; relative: boolean } {
  let k = i - 1;
  let finite = false;
  let relative = false;
  while (
    k >= lo &&
    tk.value[k] !== bracket &&
    (bracket !== ',' || !ASIDE_DASHES.has(tk.value[k])) &&
    i - k < 45 &&
    (!isQuoteMark(tk.value[k]) || possessiveApostrophe(tk, k))
  ) {
    const lw = tk.lower[k];
    if (RELATIVE_WORDS.has(lw) || (lw === 'that' && k - 1 >= lo && tk.pos[k - 1] === 'NOUN')) relative = true;
    // (a capitalised "verb" inside an aside is a name's word: wink tags "Peter Cook", "Ways and Means" as verbs;
    // a participle after a noun is a reduced relative: "a shirt covered in buttons")
    const nameWord = isCapitalised(tk.value[k]);
    const reduced =
      lw.endsWith('ed') && k - 1 >= lo && (tk.pos[k - 1] === 'NOUN' || tk.pos[k - 1] === 'PROPN' || tk.pos[k - 1] === 'PUNCT');
    if ((tk.pos[k] === 'VERB' || tk.pos[k] === 'AUX') && !nameWord && !lw.endsWith('ing') && !reduced) finite = true;
    k--;
  }
  return { open: k, finite, relative };
}

/** Is token k the apostrophe of a plural possessive ("the parents' committee"): glued to a word in -s, a space after? */
export function possessiveApostrophe(tk: Tokens, k: number): boolean {
  const v = tk.value[k];
  if ((v !== "'" && v !== '’') || k === 0 || k + 1 >= tk.n || tk.start[k] !== tk.end[k - 1] || tk.end[k] === tk.start[k + 1]) return false;
  const prev = tk.lower[k - 1];
  return prev.endsWith('s');
}

/** The source phrase right after an inverted cue ("…,” said the official at the ministry."). */
export function npStartingAt(tk: Tokens, first: number, hi: number): TokenRange | null {
  if (first >= hi) return null;
  const lw = tk.lower[first];
  if (PERSONAL_PRONOUNS.has(lw)) return [first, first + 1];
  let j = first;
  let lastHead = -1;
  while (j < hi && j - first < MAX_NP) {
    const lwj = tk.lower[j];
    const p = tk.pos[j];
    if ((DETS.has(lwj) && p !== 'PRON') || POSSESSIVE.has(lwj)) {
      if (lastHead >= 0 && !NP_PREPS.has(tk.lower[j - 1])) break;
      // "one of the diplomats", "some of them": the quantifier heads the phrase
      if (j + 1 < hi && tk.lower[j + 1] === 'of' && !POSSESSIVE.has(lwj) && lwj !== 'the' && lwj !== 'a' && lwj !== 'an') lastHead = j;
      j++;
      continue;
    }
    if (nominal(tk, j)) {
      if (p !== 'ADJ') lastHead = j;
      j++;
      continue;
    }
    if ((p === 'PART' && (lwj === '’s' || lwj === "'s")) || ((DASHES.has(tk.value[j]) || tk.value[j] === '/') && glued(tk, j))) {
      j++;
      continue;
    }
    if (
      p === 'ADP' &&
      NP_PREPS.has(lwj) &&
      lastHead >= 0 &&
      j + 1 < hi &&
      (nominal(tk, j + 1) || DETS.has(tk.lower[j + 1]) || POSSESSIVE.has(tk.lower[j + 1]))
    ) {
      j++;
      continue;
    }
    break;
  }
  if (lastHead < 0) return null;
  return [first, lastHead + 1];
}

/** How many tokens an apposition between a name and its verb may hold. */
const APPOSITION_MAX = 28;
const APPOSITION_OPENERS = words('appositionOpeners');
/** Dashes that set off an apposition: spaced, not glued inside a compound. */
const APPOSITION_DASHES = new Set(['-', '–', '—', '--']);

/**
 * The apposition that opens at token k between a name and its verb, without its delimiters, when the same
 * delimiter closes it before `hi`: ", a manager," / ", 54," / ", a well-known opponent of the plan in the city," /
 * " - then adviser to the president - ". Null otherwise. A long one must open with a determiner, a possessive or
 * "then"/"former" and hold no auxiliary, no pronoun but a possessive, and no verb but a participle inside a phrase.
 */
export function appositionAt(tk: Tokens, k: number, hi: number): TokenRange | null {
  const dash = APPOSITION_DASHES.has(tk.value[k]) && !glued(tk, k);
  if ((tk.value[k] !== ',' && !dash) || k + 1 >= hi) return null;
  const close = tk.value[k];
  const first = k + 1;
  if (PERSONAL_PRONOUNS.has(tk.lower[first])) return null;
  // an age: one number of at most three digits
  if (!dash && tk.type[first] === 'number' && tk.value[first].length <= 3 && tk.value[first + 1] === ',') return [first, first + 1];
  const np = npStartingAt(tk, first, hi);
  if (np && tk.value[np[1]] === close) return np;
  if (!APPOSITION_OPENERS.has(tk.lower[first])) return null;
  for (let j = first + 1; j < Math.min(hi, first + APPOSITION_MAX); j++) {
    if (tk.value[j] === close && (!dash || !glued(tk, j))) return [first, j];
    if (!inApposition(tk, j)) return null;
  }
  return null;
}

/** Can token j stand inside a long apposition? Not an auxiliary, a quote mark, a pronoun (possessives aside) or a finite verb. */
function inApposition(tk: Tokens, j: number): boolean {
  const p = tk.pos[j];
  if (p === 'AUX' || isQuoteMark(tk.value[j]) || tk.value[j] === ';') return false;
  if (p === 'PRON') return POSSESSIVE.has(tk.lower[j]);
  if (p !== 'VERB') return true;
  // a participle inside the phrase: "well-known", "based in", "appointed by"
  if (j > 0 && glued(tk, j - 1)) return true;
  return /(?:ed|en|wn|ing)$/.test(tk.lower[j]) && (tk.pos[j + 1] === 'ADP' || tk.pos[j + 1] === 'NOUN' || tk.pos[j + 1] === 'PROPN');
}
