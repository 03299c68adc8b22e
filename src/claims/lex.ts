/**
 * A small, linear, allocation-light lexer for the claims stage. It works on a window `text[start, end)` and keeps
 * absolute UTF-16 offsets, so every span built from its tokens satisfies `span.text === text.slice(span.start, span.end)`.
 *
 * Token kinds:
 *   'w' word    letters (and digits after the first letter: "G7", "km2"), internal apostrophes kept ("O'Brien")
 *               but clitics split off ("Kenya" + "’s", "do" + "n't")
 *   'n' number  digits with thousands groups and a decimal part: "1,200", "3.5", "2023"
 *   's' symbol  currency and unit signs: $ € £ ¥ ₹ ₽ % ² ³ °
 *   'p' punct   any other single code point that is not white space
 * `gap` is true when white space precedes the token; `nl` when that white space holds a line break. `c` caches the
 * token's word classes (wordclass.ts), `f` its spelling (upper / lower case, non-ASCII).
 */

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

export function lex(text: string, start = 0, end = text.length): Tok[] {
  const toks: Tok[] = [];
  const lo = Math.max(0, Math.min(start | 0, text.length));
  const hi = Math.max(lo, Math.min(end | 0, text.length));
  let i = lo;
  let gap = false;
  let nl = false;
  /**
   * `key` says how a word's key is made: PLAIN (only lower-case ASCII letters and digits: the word itself), LOWER (no
   * apostrophe: lower-cased), FOLD (lower-cased, curly apostrophes folded).
   */
  const push = (k: TokKind, s: number, e: number, key = FOLD, f = spelling(text, s, e)) => {
    const v = text.slice(s, e);
    let l = v;
    if (k === 'w') {
      if (key !== PLAIN) l = v.toLowerCase();
      if (key === FOLD && l.indexOf('\u2019') >= 0) l = l.replace(/\u2019/g, "'");
    } else if (v === '\u2019') {
      l = "'";
    }
    toks.push({ k, s, e, v, l, gap, nl, c: -1, f });
    gap = false;
    nl = false;
  };
  while (i < hi) {
    const c = text.charCodeAt(i);
    if (isSpaceAt(text, i)) {
      gap = true;
      if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) nl = true;
      i++;
      continue;
    }
    if (isDigit(c)) {
      let j = i;
      while (j < hi && isDigit(text.charCodeAt(j))) j++;
      // thousands groups: ",ddd" not followed by another digit; only when the lead group has 1-3 digits
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
      push('n', i, j, FOLD, SPELL_DIGIT);
      i = j;
      continue;
    }
    if (isLetterAt(text, i)) {
      let plain = c >= 97 && c <= 122; // lower-case ASCII so far
      let apostrophe = false; // an inner apostrophe so far ("O'Brien")
      let j = i + charLen(text, i);
      // the spelling so far (a letter: a-z, A-Z, or not ASCII, as is the rest of a surrogate pair)
      let f = plain ? SPELL_LOWER : c <= 90 ? SPELL_UPPER_FIRST | SPELL_UPPER : SPELL_OTHER_FIRST | SPELL_OTHER;
      let split = -1; // where a clitic starts
      let after = -1; // end of the clitic
      while (j < hi) {
        const d = text.charCodeAt(j);
        if (d >= 97 && d <= 122) {
          f |= SPELL_LOWER;
          j++;
          continue;
        }
        if (isDigit(d)) {
          f |= SPELL_DIGIT;
          j++;
          continue;
        }
        if (isLetterAt(text, j)) {
          plain = false;
          const n = charLen(text, j);
          f |= charFlags(text, j, j + n);
          j += n;
          continue;
        }
        if (isApos(d) && j + 1 < hi && isLetterAt(text, j + 1)) {
          let k = j + 1;
          while (k < hi && isLetterAt(text, k)) k += charLen(text, k);
          const tail = text.slice(j + 1, k).toLowerCase();
          if (tail === 't' && j - 1 > i && (text.charCodeAt(j - 1) | 32) === 110) {
            split = j - 1; // "don't" → "do" + "n't"
            after = k;
          } else if (CLITICS.has(tail) && tail !== 't') {
            split = j; // "Kenya’s" → "Kenya" + "’s"
            after = k;
          } else {
            f |= charFlags(text, j, k);
            j = k; // "O'Brien"
            plain = false;
            apostrophe = true;
            continue;
          }
        }
        break;
      }
      const key = plain ? PLAIN : apostrophe ? FOLD : LOWER;
      if (split >= 0) {
        push('w', i, split, key);
        push('w', split, after);
        i = after;
      } else {
        push('w', i, j, key, f);
        i = j;
      }
      continue;
    }
    const n = charLen(text, i);
    // of the ASCII marks only $ and % are symbols
    const symbol = c < 128 ? c === 36 || c === 37 : SYMBOLS.has(text.slice(i, i + n));
    push(symbol ? 's' : 'p', i, i + n);
    i += n;
  }
  return toks;
}

/** Numeric value of an 'n' token ("1,200.5" → 1200.5). */
export function numValue(t: Tok): number {
  return Number(t.v.replace(/,/g, ''));
}

/** True for an 'n' token written as a plain integer (no separators, no decimals). */
export function isPlainInt(t: Tok): boolean {
  return t.k === 'n' && /^\d+$/.test(t.v);
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
export const SENTENCE_END = new Set(['.', '!', '?', ':', ';']);
