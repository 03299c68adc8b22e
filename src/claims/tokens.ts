/**
 * The claims stage's tokens: the story's shared tokens (src/language/tokens.ts, one wink pass) seen as the parts
 * the claims' finders read. Most shared tokens are one part; a few pack several, which the finders want apart:
 * "N.Y." (N . Y .), "11th" (11 th), "16-19" (16 - 19), "6:00", "vice-presidential", "Trump's" (Trump 's).
 * Offsets are absolute UTF-16 offsets, so every span built from the parts satisfies
 * `span.text === text.slice(span.start, span.end)`.
 *
 * Part kinds:
 *   'w' word    letters (and digits after the first letter: "G7", "km2"), internal apostrophes kept ("O'Brien")
 *               but clitics split off ("Kenya" + "’s", "do" + "n't")
 *   'n' number  digits with thousands groups and a decimal part: "1,200", "3.5", "2023"
 *   's' symbol  currency and unit signs: $ € £ ¥ ₹ ₽ % ² ³ °
 *   'p' punct   any other single code point that is not white space
 * `gap` is true when white space precedes the token; `nl` when that white space holds a line break. `c` caches the
 * token's word classes (wordclass.ts), `f` its spelling (upper / lower case, non-ASCII).
 */

import { tokenize, type Tokens } from '../language/tokens';
import { firstNotBefore } from '../language/search';

export type TokKind = 'w' | 'n' | 's' | 'p';

export interface Tok {
  k: TokKind;
  s: number;
  e: number;
  /** The token as written. */
  v: string;
  /** Lower-cased, with curly apostrophes folded to "'". */
  l: string;
  gap: boolean;
  nl: boolean;
  /** Word-class bits, -1 until first asked (see wordclass.ts). */
  c: number;
  /** Spelling: SPELL_* bits, so that case tests need not read the string (see capitalized, allCaps). */
  f: number;
}

/** The first character is A-Z. */
const SPELL_UPPER_FIRST = 1;
/** The first character is not ASCII. */
const SPELL_OTHER_FIRST = 2;
/** Some character is a-z / A-Z / not ASCII. */
const SPELL_LOWER = 4;
const SPELL_UPPER = 8;
const SPELL_OTHER = 16;
/** Some character is 0-9. */
const SPELL_DIGIT = 32;

function spelling(text: string, s: number, e: number): number {
  const c0 = text.charCodeAt(s);
  return (c0 >= 65 && c0 <= 90 ? SPELL_UPPER_FIRST : c0 >= 128 ? SPELL_OTHER_FIRST : 0) | charFlags(text, s, e);
}
/** The spelling bits of each character of text[s, e) (first-character bits aside). */
function charFlags(text: string, s: number, e: number): number {
  let f = 0;
  for (let i = s; i < e; i++) f |= charFlag(text.charCodeAt(i));
  return f;
}
function charFlag(c: number): number {
  if (c >= 97 && c <= 122) return SPELL_LOWER;
  if (c >= 65 && c <= 90) return SPELL_UPPER;
  if (c >= 48 && c <= 57) return SPELL_DIGIT;
  return c >= 128 ? SPELL_OTHER : 0;
}

/** Does the token start with A-Z? */
export function upperAsciiFirst(t: Tok): boolean {
  return (t.f & SPELL_UPPER_FIRST) !== 0;
}

/** Does the token hold a digit 0-9 (/\d/)? */
export function hasDigit(t: Tok): boolean {
  return (t.f & SPELL_DIGIT) !== 0;
}

/** isCapitalized(t.v), read off the spelling when it settles it. */
export function capitalized(t: Tok): boolean {
  if (t.f & SPELL_UPPER_FIRST) return true;
  if (!(t.f & SPELL_OTHER_FIRST)) return false;
  return isCapitalized(t.v);
}

/** isAllCaps(t.v), read off the spelling when it settles it. */
export function allCaps(t: Tok): boolean {
  if (t.e - t.s < 2 || t.f & SPELL_LOWER) return false;
  if (!(t.f & SPELL_OTHER)) return (t.f & SPELL_UPPER) !== 0;
  return isAllCaps(t.v);
}

const SYMBOLS = new Set(['$', '€', '£', '¥', '₹', '₽', '%', '²', '³', '°', '₼', '֏']);
const LETTER = /[\p{L}\p{M}]/u;
const SPACE = /\s/u;

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (isAsciiLetter(c)) return true;
  if (c < 128) return false;
  const cp = text.codePointAt(i) ?? c;
  return LETTER.test(String.fromCodePoint(cp));
}
function charLen(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
}
function isSpaceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 32 || c === 9 || c === 10 || c === 13) return true;
  if (c < 128) return false;
  return SPACE.test(text[i]) || c === 0x200b || c === 0xfeff;
}
function isApos(c: number): boolean {
  return c === 39 || c === 0x2019;
}

const CLITICS = new Set(['s', 't', 're', 'll', 've', 'd', 'm']);
/** How a word's key is made from it (see lex). */
const PLAIN = 0;
const LOWER = 1;
const FOLD = 2;

/** The end of a clitic ("’s", "'ll") starting with the apostrophe at i and running to hi, or -1. */
function cliticEnd(text: string, i: number, hi: number): number {
  let k = i + 1;
  while (k < hi && isLetterAt(text, k)) k += charLen(text, k);
  if (k !== hi || k === i + 1) return -1;
  const tail = text.slice(i + 1, k).toLowerCase();
  return CLITICS.has(tail) && tail !== 't' ? k : -1;
}

/** Whether white space, and a line break in it, came before the next part (carried from one stretch to the next). */
interface Gap {
  gap: boolean;
  nl: boolean;
}

/**
 * Reads parts into `toks` (see the module comment). `key` says how a word's key is made: PLAIN (only lower-case
 * ASCII letters and digits: the word itself), LOWER (no apostrophe: lower-cased), FOLD (lower-cased, curly
 * apostrophes folded).
 */
class PartReader {
  /**
   * The shared token being read, when the reader goes token by token (claimTokens): a part that is the whole token
   * takes its spelling and lower case from the shared arrays instead of new strings (the story's parts are held
   * all at once, so this is most of the claims stage's memory on a long story).
   */
  whole = -1;

  constructor(
    private readonly toks: Tok[],
    private readonly text: string,
    private readonly g: Gap,
    private readonly shared: Tokens | null = null,
  ) {}

  /** The parts of text[lo, hi); white space only sets the next part's `gap` and `nl`. */
  read(lo: number, hi: number): void {
    const text = this.text;
    let i = lo;
    while (i < hi) {
      const c = text.charCodeAt(i);
      if (isSpaceAt(text, i)) {
        this.g.gap = true;
        if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) this.g.nl = true;
        i++;
      } else if (isDigit(c)) {
        i = this.number(i, hi);
      } else if (isLetterAt(text, i)) {
        i = this.word(i, hi);
      } else {
        i = this.mark(i, lo, hi);
      }
    }
  }

  private push(k: TokKind, s: number, e: number, key = FOLD, f = spelling(this.text, s, e)): void {
    const tk = this.shared;
    const i = this.whole;
    // (an opaque run's lower-case entry is the run as written; a token whose value is not its text is read afresh)
    const whole = tk !== null && i >= 0 && tk.start[i] === s && tk.end[i] === e && tk.value[i].length === e - s && tk.type[i] !== 'opaque';
    const v = whole ? tk.value[i] : this.text.slice(s, e);
    let l = v;
    if (k === 'w') {
      if (key !== PLAIN) l = whole ? tk.lower[i] : v.toLowerCase();
      if (key === FOLD && l.indexOf('\u2019') >= 0) l = l.replace(/\u2019/g, "'");
    } else if (v === '\u2019') {
      l = "'";
    }
    this.toks.push({ k, s, e, v, l, gap: this.g.gap, nl: this.g.nl, c: -1, f });
    this.g.gap = false;
    this.g.nl = false;
  }

  /** A number at i: digits, thousands groups (",ddd" not followed by another digit, after 1-3 lead digits), decimals. */
  private number(i: number, hi: number): number {
    const text = this.text;
    let j = i;
    while (j < hi && isDigit(text.charCodeAt(j))) j++;
    if (j - i <= 3) {
      while (
        j + 3 < hi &&
        text.charCodeAt(j) === 44 &&
        isDigit(text.charCodeAt(j + 1)) &&
        isDigit(text.charCodeAt(j + 2)) &&
        isDigit(text.charCodeAt(j + 3)) &&
        !(j + 4 < hi && isDigit(text.charCodeAt(j + 4)))
      ) {
        j += 4;
      }
    }
    if (j + 1 < hi && text.charCodeAt(j) === 46 && isDigit(text.charCodeAt(j + 1))) {
      j++;
      while (j < hi && isDigit(text.charCodeAt(j))) j++;
    }
    this.push('n', i, j, FOLD, SPELL_DIGIT);
    return j;
  }

  /** A word at i, with a clitic split off ("Kenya’s" → "Kenya" + "’s", "don't" → "do" + "n't"). */
  private word(i: number, hi: number): number {
    const w = readWord(this.text, i, hi);
    if (w.split >= 0) {
      this.push('w', i, w.split, w.key);
      this.push('w', w.split, w.after);
      return w.after;
    }
    this.push('w', i, w.end, w.key, w.f);
    return w.end;
  }

  /** A symbol or mark at i — or a clitic the shared tokens hold apart from its word ("Kenya" "’s"): one word. */
  private mark(i: number, lo: number, hi: number): number {
    const text = this.text;
    const c = text.charCodeAt(i);
    const clitic = isApos(c) && i === lo && i > 0 && isLetterAt(text, i - 1) ? cliticEnd(text, i, hi) : -1;
    if (clitic > 0) {
      this.push('w', i, clitic);
      return clitic;
    }
    const n = charLen(text, i);
    // of the ASCII marks only $ and % are symbols
    const symbol = c < 128 ? c === 36 || c === 37 : SYMBOLS.has(text.slice(i, i + n));
    this.push(symbol ? 's' : 'p', i, i + n);
    return i + n;
  }
}

/** A word read from i: where it ends, how its key is made, its spelling, and where a clitic starts and ends (or -1). */
interface WordRead {
  end: number;
  key: number;
  f: number;
  split: number;
  after: number;
}

/** Reads the word at i (a letter) up to hi: letters, digits after the first letter, inner apostrophes, a clitic. */
function readWord(text: string, i: number, hi: number): WordRead {
  const c = text.charCodeAt(i);
  let plain = c >= 97 && c <= 122; // lower-case ASCII so far
  let apostrophe = false; // an inner apostrophe so far ("O'Brien")
  let j = i + charLen(text, i);
  // the spelling so far (a letter: a-z, A-Z, or not ASCII, as is the rest of a surrogate pair)
  let f = plain ? SPELL_LOWER : c <= 90 ? SPELL_UPPER_FIRST | SPELL_UPPER : SPELL_OTHER_FIRST | SPELL_OTHER;
  const out: WordRead = { end: j, key: PLAIN, f, split: -1, after: -1 };
  while (j < hi) {
    const d = text.charCodeAt(j);
    if ((d >= 97 && d <= 122) || isDigit(d)) {
      f |= d >= 97 ? SPELL_LOWER : SPELL_DIGIT;
      j++;
    } else if (isLetterAt(text, j)) {
      plain = false;
      const n = charLen(text, j);
      f |= charFlags(text, j, j + n);
      j += n;
    } else if (isApos(d) && j + 1 < hi && isLetterAt(text, j + 1)) {
      let k = j + 1;
      while (k < hi && isLetterAt(text, k)) k += charLen(text, k);
      const tail = text.slice(j + 1, k).toLowerCase();
      if (tail === 't' && j - 1 > i && (text.charCodeAt(j - 1) | 32) === 110) {
        out.split = j - 1; // "don't" → "do" + "n't"
        out.after = k;
        break;
      }
      if (CLITICS.has(tail) && tail !== 't') {
        out.split = j; // "Kenya’s" → "Kenya" + "’s"
        out.after = k;
        break;
      }
      f |= charFlags(text, j, k);
      j = k; // "O'Brien"
      plain = false;
      apostrophe = true;
    } else {
      break;
    }
  }
  out.end = j;
  out.key = plain ? PLAIN : apostrophe ? FOLD : LOWER;
  out.f = f;
  return out;
}

/**
 * The parts of text[start, end) on their own — for phrases of the word lists (data, not a story), and for a stretch
 * of a story that cuts through a shared token.
 */
export function partsOf(text: string, start = 0, end = text.length): Tok[] {
  const toks: Tok[] = [];
  const lo = Math.max(0, Math.min(start | 0, text.length));
  const hi = Math.max(lo, Math.min(end | 0, text.length));
  new PartReader(toks, text, { gap: false, nl: false }).read(lo, hi);
  return toks;
}

/**
 * The claims stage's view of the story's shared tokens (src/language/tokens.ts): each shared token as its parts, in
 * order. A part never runs across the end of a shared token, so the claims stage and the earlier stages cut the
 * story at the same places.
 */
export function claimTokens(tk: Tokens): Tok[] {
  const toks: Tok[] = [];
  const reader = new PartReader(toks, tk.text, { gap: false, nl: false }, tk);
  let from = 0;
  for (let i = 0; i < tk.n; i++) {
    const to = tk.end[i];
    if (to <= from) continue;
    reader.whole = i;
    reader.read(from, to);
    from = to;
  }
  reader.whole = -1;
  if (from < tk.text.length) reader.read(from, tk.text.length);
  return toks;
}

/** Index of the first token of `toks` that ends after offset p. */
export function firstTokenAfter(toks: readonly Tok[], p: number): number {
  return firstNotBefore(toks.length, (i) => toks[i].e <= p);
}

/**
 * The story's tokens inside text[a, b): a slice of `toks` (claimTokens), with a token that straddles an edge cut
 * down to its parts inside the stretch.
 */
export function tokensIn(text: string, toks: readonly Tok[], a: number, b: number): Tok[] {
  const lo = firstTokenAfter(toks, a);
  const hi = firstTokenAfter(toks, b); // (token ends increase: at or after lo, as b >= a)
  const headCut = lo < toks.length && toks[lo].s < a;
  const tailCut = hi < toks.length && toks[hi].s < b;
  if (!headCut && !tailCut) return toks.slice(lo, hi);
  const out: Tok[] = [];
  const reader = new PartReader(out, text, { gap: false, nl: false });
  let i = lo;
  if (headCut) {
    reader.read(a, Math.min(toks[lo].e, b));
    i++;
  }
  for (; i < hi; i++) out.push(toks[i]);
  if (tailCut && toks[hi].s >= a) reader.read(Math.max(toks[hi].s, a), b);
  return out;
}

export function isCapitalized(v: string): boolean {
  const c = v.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  const ch = String.fromCodePoint(v.codePointAt(0) ?? c);
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

export function isAllCaps(v: string): boolean {
  if (v.length < 2) return false;
  // ASCII: no lower-case letter and at least one upper-case one (no case conversion needed)
  let upper = false;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
    if (c >= 128) return v === v.toUpperCase() && v !== v.toLowerCase();
    if (c >= 65 && c <= 90) upper = true;
  }
  return upper;
}

/** Opening quote marks and brackets that may precede a sentence's first word. */
export const OPENERS = new Set(['"', '“', '‘', "'", '(', '[', '«', '„', '‚', '—', '–', '-', '…']);

/** The claims' tokens of a whole story, read by the shared tokenizer (for the finders called on their own). */
export function storyTokens(text: string): Tok[] {
  return claimTokens(tokenize(text));
}
