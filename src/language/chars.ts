/**
 * Character classes every stage uses, on UTF-16 code units (no regex, no slicing), and the one test of whether a
 * word is capitalised. "White space" is exactly JavaScript's `\s` set, so trimmed spans agree with
 * `String.prototype.trim()`.
 */

/** True for the code units JavaScript's `\s` matches (white space and line terminators). */
export function isWs(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Closing quotation marks: ” " ’ ' » ›. */
export function isCloseQuote(c: number): boolean {
  return c === 0x201d || c === 0x22 || c === 0x2019 || c === 0x27 || c === 0xbb || c === 0x203a;
}

/** Any quotation mark, opening or closing. */
export function isQuote(c: number): boolean {
  return c === 0x22 || c === 0x27 || c === 0xab || c === 0xbb || (c >= 0x2018 && c <= 0x201f) || c === 0x2039 || c === 0x203a;
}

/** Sentence-final punctuation: . ! ? … and the full-width / interrobang forms. */
export function isTerminal(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026 || c === 0x203d || c === 0xff01 || c === 0xff1f || c === 0x3002;
}

/** Closing brackets that may follow sentence-final punctuation: ) ] }. */
export function isCloseBracket(c: number): boolean {
  return c === 0x29 || c === 0x5d || c === 0x7d;
}

/** Upper-case letter (any script that has case). */
export function isUpper(c: number): boolean {
  if (c >= 0x41 && c <= 0x5a) return true;
  if (c < 0xc0) return false;
  const ch = String.fromCharCode(c);
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** Lower-case letter (any script that has case). */
export function isLower(c: number): boolean {
  if (c >= 0x61 && c <= 0x7a) return true;
  if (c < 0xb5) return false;
  const ch = String.fromCharCode(c);
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** A letter with case, or any code unit from a caseless script's letter range (rough, but cheap). */
export function isLetter(c: number): boolean {
  return isUpper(c) || isLower(c) || (c >= 0x3040 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0x0590 && c <= 0x06ff);
}

/** Index of the first non-white-space code unit in [from, to), or `to`. */
export function skipWs(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && isWs(text.charCodeAt(i))) i++;
  return i;
}

/** One past the last non-white-space code unit in [from, to), or `from`. */
export function trimEnd(text: string, from: number, to: number): number {
  let i = to;
  while (i > from && isWs(text.charCodeAt(i - 1))) i--;
  return i;
}

/**
 * Does [start, end) end like a body sentence: . ! ? … possibly followed by closing quotes / brackets?
 * Only the last few code units are looked at.
 */
export function endsLikeSentence(text: string, start: number, end: number): boolean {
  let i = end;
  let guard = 0;
  while (i > start && guard < 4 && (isCloseQuote(text.charCodeAt(i - 1)) || isCloseBracket(text.charCodeAt(i - 1)))) {
    i--;
    guard++;
  }
  return i > start && isTerminal(text.charCodeAt(i - 1));
}

/**
 * True when the word starts with a capital: an upper- or title-case letter of any script that has case ("Łukasz",
 * "Österreich", "Σ"), not a symbol that only sits in a Latin-1 capital range ("×").
 */
export function isCapitalised(word: string | undefined): boolean {
  if (!word) return false;
  const cp = word.codePointAt(0) as number;
  if (cp >= 0x41 && cp <= 0x5a) return true;
  if (cp < 0xc0) return false;
  const ch = String.fromCodePoint(cp);
  return ch !== ch.toLowerCase();
}
