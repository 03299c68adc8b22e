/**
 * Shape tests for short one-line paragraphs: headline-like and section-heading-like.
 * All tests are bounded: they give up on anything longer than a few hundred code units.
 */
import { words } from '../language/words';
import { endsLikeSentence, isCloseQuote, isDigit, isLetter, isLower, isQuote, isUpper, isWs } from '../language/chars';

export const HEADLINE_MAX_WORDS = 25;
export const HEADLINE_MAX_CHARS = 200;
export const HEADING_MAX_WORDS = 12;
export const HEADING_MAX_CHARS = 120;

/** Words that stay lower-case in Title Case. */
const SMALL_WORDS = words('smallWords');

export interface LineShape {
  words: number;
  /** Words whose first letter is upper-case / lower-case (small words after the first not counted). */
  upper: number;
  lower: number;
  /** Letters with case, and how many of them are upper-case. */
  letters: number;
  capitals: number;
}

/** Count words and their capitalisation in text[start, end). Call only on short ranges. */
export function lineShape(text: string, start: number, end: number): LineShape {
  const shape: LineShape = { words: 0, upper: 0, lower: 0, letters: 0, capitals: 0 };
  let i = start;
  while (i < end) {
    while (i < end && isWs(text.charCodeAt(i))) i++;
    if (i >= end) break;
    const ws = i;
    let first = -1;
    while (i < end && !isWs(text.charCodeAt(i))) {
      const c = text.charCodeAt(i);
      if (isUpper(c)) {
        shape.letters++;
        shape.capitals++;
        if (first < 0) first = 1;
      } else if (isLower(c)) {
        shape.letters++;
        if (first < 0) first = 0;
      } else if (first < 0 && (isDigit(c) || isLetter(c))) {
        first = 2; // a number or a caseless letter: neutral
      }
      i++;
    }
    shape.words++;
    if (first === 1) shape.upper++;
    else if (first === 0) {
      const isSmall = shape.words > 1 && i - ws <= 5 && SMALL_WORDS.has(text.slice(ws, i).toLowerCase());
      if (!isSmall) shape.lower++;
    }
  }
  return shape;
}

/** Mostly Title Case or ALL CAPS. */
export function isTitleish(s: LineShape): boolean {
  if (s.letters === 0) return false;
  if (s.capitals === s.letters) return true;
  const counted = s.upper + s.lower;
  return counted > 0 && s.upper >= 0.7 * counted;
}

function hasLineBreak(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}

/** One line of at most 25 words and 200 code units, with at least one letter. */
export function isShortLine(text: string, start: number, end: number): boolean {
  const len = end - start;
  if (len <= 0 || len > HEADLINE_MAX_CHARS || hasLineBreak(text, start, end)) return false;
  const s = lineShape(text, start, end);
  return s.words > 0 && s.words <= HEADLINE_MAX_WORDS && s.letters > 0;
}

/**
 * A headline: one short line that either does not end like a body sentence or is Title Case / ALL CAPS.
 * text[start, end) must be trimmed.
 */
export function isHeadlineLike(text: string, start: number, end: number): boolean {
  const len = end - start;
  if (len <= 0 || len > HEADLINE_MAX_CHARS) return false;
  if (hasLineBreak(text, start, end)) return false;
  const s = lineShape(text, start, end);
  if (s.words === 0 || s.words > HEADLINE_MAX_WORDS || s.letters === 0) return false;
  if (!endsLikeSentence(text, start, end)) return true;
  // ends like a sentence: only a line in strict Title Case (or ALL CAPS) is still a headline
  return s.capitals === s.letters || (s.lower === 0 && s.upper >= 2);
}

/**
 * A section heading: one line of at most 12 words, no final . ! ? : , ; no quote mark at either end unless
 * the whole line is a quotation, mostly Title Case or ALL CAPS. text[start, end) must be trimmed.
 */
export function isHeadingLike(text: string, start: number, end: number): boolean {
  const len = end - start;
  if (len <= 0 || len > HEADING_MAX_CHARS) return false;
  if (hasLineBreak(text, start, end)) return false;
  const last = text.charCodeAt(end - 1);
  if (last === 0x2e || last === 0x21 || last === 0x3f || last === 0x3a || last === 0x2c || last === 0x3b || last === 0x2026) {
    return false;
  }
  const firstC = text.charCodeAt(start);
  const startsQ = isQuote(firstC);
  const endsQ = isCloseQuote(last) || isQuote(last);
  if (startsQ !== endsQ) return false;
  if (startsQ && endsLikeSentence(text, start, end)) return false; // “We will win.”
  const s = lineShape(text, start, end);
  if (s.words === 0 || s.words > HEADING_MAX_WORDS) return false;
  return isTitleish(s);
}

/** Does the paragraph read like body text (a full sentence, or longer than any heading)? */
export function isBodyLike(text: string, start: number, end: number): boolean {
  if (endsLikeSentence(text, start, end)) return true;
  if (end - start > HEADLINE_MAX_CHARS) return true;
  return lineShape(text, start, end).words > HEADING_MAX_WORDS;
}

const ARTICLES = words('articles');

/**
 * Headline-ese: a short single sentence that ends with a period (as scraped headlines often do) but reads like a
 * headline, not a lede: at least three words and no article ("Judge rejects request to unseal file."), or a
 * "Label: …" opening ("Poll: Clinton and Trump in dead heat."). Never a line that opens with a quote mark.
 * text[start, end) must be trimmed; only call on short lines.
 */
export function isHeadlinese(text: string, start: number, end: number): boolean {
  const len = end - start;
  if (len <= 0 || len > 160 || hasLineBreak(text, start, end)) return false;
  if (isQuote(text.charCodeAt(start))) return false;
  const line = text.slice(start, end);
  const words = line.split(/\s+/);
  if (words.length > 20) return false;
  // a single sentence: no word ending in ! ? or a non-abbreviation "word." followed by a capitalised word
  for (let i = 0; i < words.length - 1; i++) {
    const w = words[i];
    const last = w.charCodeAt(w.length - 1);
    const ends = last === 0x21 || last === 0x3f || (last === 0x2e && w.length > 4 && w.indexOf('.') === w.length - 1);
    if (ends && isUpper(words[i + 1].charCodeAt(0))) return false;
  }
  const colon = line.indexOf(': ');
  if (colon > 0 && colon < 40) return true;
  if (words.length < 3) return false;
  for (let i = 0; i < words.length; i++) if (ARTICLES.has(words[i].toLowerCase())) return false;
  return true;
}

/** A byline: "By Jane Doe", "By JANE DOE and JOHN ROE, Associated Press" (one short line, no final period). */
export function isByline(text: string, start: number, end: number): boolean {
  const len = end - start;
  if (len < 4 || len > 120 || hasLineBreak(text, start, end)) return false;
  const c0 = text.charCodeAt(start);
  const c1 = text.charCodeAt(start + 1);
  if (!(c0 === 0x42 || c0 === 0x62) || !(c1 === 0x79 || c1 === 0x59) || text.charCodeAt(start + 2) !== 0x20) return false;
  if (!isUpper(text.charCodeAt(skipSpaces(text, start + 3, end)))) return false;
  if (endsLikeSentence(text, start, end)) return false; // not "By Monday, the Senate had voted."
  return lineShape(text, start, end).words <= 12;
}

function skipSpaces(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && isWs(text.charCodeAt(i))) i++;
  return i;
}
