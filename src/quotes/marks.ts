/**
 * Quotation marks: tell quote marks from apostrophes and pair them into quoted regions.
 *
 * Works paragraph by paragraph, so an unbalanced mark degrades locally: it can never pair with a mark
 * in another paragraph, except in the one convention news copy uses for long quotes (an opening mark
 * at the start of each paragraph and one closing mark at the end), which is followed explicitly.
 * Linear in the text: one scan over each paragraph, a small stack of open marks.
 */
import type { CharRange } from '../language/tokens';
import { words } from '../language/words';

/** Title abbreviations ("Mr.", "Sen.") whose dot ends no sentence. */
const TITLE_ABBR = words('titleAbbr');

export interface QuoteRegion {
  /** Offset of the opening mark. */
  open: number;
  /** Offset just after the closing mark (or the end of the last part when left open). */
  close: number;
  /** Quoted text without the marks, one part per paragraph. */
  parts: CharRange[];
  /** Paragraph index of the first part. */
  paragraph: number;
  /** Single-mark (‘…’) region at the top level. */
  single: boolean;
  /** True when no closing mark was found and the region was cut at its paragraph's end. */
  unclosed: boolean;
}

const enum Q {
  None = 0,
  OpenDouble,
  CloseDouble,
  AmbigDouble,
  OpenSingle,
  CloseSingle,
  AmbigSingle,
}

const isLetterOrDigit = (c: number): boolean =>
  (c >= 48 && c <= 57) ||
  (c >= 65 && c <= 90) ||
  (c >= 97 && c <= 122) ||
  (c >= 0xc0 && c <= 0x24f) ||
  (c >= 0x370 && c <= 0x3ff) ||
  (c >= 0x400 && c <= 0x4ff);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isSpace = (c: number): boolean =>
  c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x2009 || c === 0x202f || c === 0x200a;
/** Characters after which a mark most likely opens: start, space, brackets, dashes, slashes, another opener. */
const opensAfter = (c: number): boolean =>
  c < 0 ||
  isSpace(c) ||
  c === 40 ||
  c === 91 ||
  c === 123 ||
  c === 0x2014 ||
  c === 0x2013 ||
  c === 45 ||
  c === 47 ||
  c === 0x201c ||
  c === 0x2018 ||
  c === 0xab ||
  c === 0x201e ||
  c === 58;

/** Classify the character at i (or Q.None if it is not a quotation mark in this context). */
function classify(text: string, i: number, from: number, to: number): Q {
  const c = text.charCodeAt(i);
  const prev = i > from ? text.charCodeAt(i - 1) : -1;
  const next = i + 1 < to ? text.charCodeAt(i + 1) : -1;
  switch (c) {
    case 0x201c: // “
    case 0x201e: // „
    case 0xab: // «
      return Q.OpenDouble;
    case 0x201d: // ”
    case 0xbb: // »
      return Q.CloseDouble;
    case 0x22: // "
      if (opensAfter(prev) && next >= 0 && !isSpace(next)) return Q.OpenDouble;
      if (!opensAfter(prev) && (next < 0 || !isLetterOrDigit(next))) return Q.CloseDouble;
      return Q.AmbigDouble;
    case 0x2018: // ‘
    case 0x201a: // ‚
      // ‘90s is an elided year, not a quote
      if (isDigit(next) && next >= 0 && i + 3 < to && isDigit(text.charCodeAt(i + 2)) && text.charCodeAt(i + 3) === 115) return Q.None;
      return Q.OpenSingle;
    case 0x2019: // ’
    case 0x27: // '
      // inside a word: Minister’s, don’t, rock ’n’ roll's inner marks
      if (prev >= 0 && next >= 0 && isLetterOrDigit(prev) && isLetterOrDigit(next)) return Q.None;
      // elisions at a word start: ’90s, ’n’, ’em, ’tis
      if (!isLetterOrDigit(prev) && isDigit(next)) return Q.None;
      if (
        !isLetterOrDigit(prev) &&
        (next === 110 || next === 101 || next === 116) &&
        i + 2 < to &&
        /[’'\s]/.test(text[i + 2] ?? ' ') &&
        (text[i + 1] === 'n' || text.startsWith('em', i + 1) || text.startsWith('tis', i + 1))
      )
        return Q.None;
      if (c === 0x27 && opensAfter(prev) && next >= 0 && !isSpace(next)) return Q.OpenSingle;
      if (opensAfter(prev) && next >= 0 && !isSpace(next)) return c === 0x2019 ? Q.AmbigSingle : Q.OpenSingle;
      return Q.CloseSingle;
    default:
      return Q.None;
  }
}

/** A doubled apostrophe ('') standing for a double mark: opens after space, closes before space/punctuation. */
function classify2(text: string, i: number, from: number, to: number): Q {
  const prev = i > from ? text.charCodeAt(i - 1) : -1;
  const next = i + 2 < to ? text.charCodeAt(i + 2) : -1;
  if (opensAfter(prev) && next >= 0 && !isSpace(next)) return Q.OpenDouble;
  if (!opensAfter(prev)) return Q.CloseDouble;
  return Q.AmbigDouble;
}

const isMarkCode = (c: number): boolean =>
  c === 0x201c ||
  c === 0x201d ||
  c === 0x201e ||
  c === 0xab ||
  c === 0xbb ||
  c === 0x22 ||
  c === 0x2018 ||
  c === 0x2019 ||
  c === 0x201a ||
  c === 0x27;

interface Open {
  at: number;
  double: boolean;
  /** Length of the mark: 2 for the doubled apostrophe some outlets use for a double quote (''). */
  len: number;
}

/** The scan of one paragraph: its range and index, the marks open in it, and a region continued from the paragraph before. */
interface ParaScan {
  text: string;
  p: number;
  start: number;
  end: number;
  stack: Open[];
  continued: QuoteRegion | null;
  /** The regions found so far, in all paragraphs. */
  out: QuoteRegion[];
}

/**
 * Find the top-level quoted regions in the given paragraphs (spans into text, in order).
 * Nested quotes (single inside double) are part of their outer region.
 */
export function findQuoteRegions(
  text: string,
  paragraphs: readonly { start: number; end: number }[],
  skip?: readonly boolean[],
): QuoteRegion[] {
  const out: QuoteRegion[] = [];
  // a region left open at the end of a paragraph, waiting for the next paragraph to continue it
  let carry: QuoteRegion | null = null;
  for (let p = 0; p < paragraphs.length; p++) {
    const { start, end } = paragraphs[p];
    if (skip?.[p]) {
      carry = null;
      continue;
    }
    const scan: ParaScan = { text, p, start, end, stack: [], continued: null, out };
    if (carry) continueCarried(scan, carry);
    scanMarks(scan);
    carry = endParagraph(scan);
  }
  if (carry) {
    carry.unclosed = true;
    out.push(carry);
  }
  out.sort((a, b) => a.open - b.open);
  return out;
}

/** A carried region continues only when this paragraph opens with a double mark; otherwise it ends, unclosed, where it was cut. */
function continueCarried(s: ParaScan, carry: QuoteRegion): void {
  const { text, start } = s;
  const c0 = text.charCodeAt(start);
  if (c0 === 0x201c || c0 === 0x22 || c0 === 0xab || c0 === 0x201e || (c0 === 0x27 && text.charCodeAt(start + 1) === 0x27)) {
    s.continued = carry;
    s.stack.push({ at: start, double: true, len: text.charCodeAt(start) === 0x27 ? 2 : 1 });
  } else {
    carry.unclosed = true;
    s.out.push(carry);
  }
}

/** One pass over the paragraph's marks: openers go on the stack, closers pop it and complete regions. */
function scanMarks(s: ParaScan): void {
  const { text, start, end, stack } = s;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (!isMarkCode(code)) continue;
    if (s.continued && i === start) {
      // the continuation mark, already on the stack
      if (code === 0x27) i++;
      continue;
    }
    // '' used as a double quotation mark
    const twin = code === 0x27 && i + 1 < end && text.charCodeAt(i + 1) === 0x27;
    const classified = twin ? classify2(text, i, start, end) : classify(text, i, start, end);
    const len = twin ? 2 : 1;
    if (classified === Q.None) continue;
    const q = settleMark(s, i, classified, code);
    if (q === Q.OpenDouble) {
      if (!twin) cutRunOn(s, i, code);
      stack.push({ at: i, double: true, len });
      if (twin) i++;
      continue;
    }
    if (q === Q.OpenSingle) {
      stack.push({ at: i, double: false, len: 1 });
      continue;
    }
    if (twin) i++;
    // (an ambiguous single mark settled to None still looks for a single opener below the top)
    closeMark(s, i, q === Q.CloseDouble, len);
  }
}

/** Settles a mark against the marks open before it: whether an ambiguous or misused mark opens or closes here. */
function settleMark(s: ParaScan, i: number, classified: Q, code: number): Q {
  const { text, start, end, stack } = s;
  const top = stack.length ? stack[stack.length - 1] : null;
  let q = classified;
  if (q === Q.AmbigDouble) q = top && top.double ? Q.CloseDouble : Q.OpenDouble;
  // a right mark used as an opener (”Quote…”): nothing double is open, space before, a word after
  if (
    q === Q.CloseDouble &&
    code === 0x201d &&
    !stack.some((o) => o.double) &&
    opensAfter(i > start ? text.charCodeAt(i - 1) : -1) &&
    i + 1 < end &&
    !isSpace(text.charCodeAt(i + 1)) &&
    text.indexOf('\u201d', i + 1) >= 0 &&
    text.indexOf('\u201d', i + 1) < end
  )
    q = Q.OpenDouble;
  // a left mark used as a closer (…a fascist?“ he asked / …stand.“[Outlet] / a “ ending the paragraph): a double quote
  // is open, no word follows the mark, and either no space comes before it or nothing after it
  if (q === Q.OpenDouble && code === 0x201c && stack.length && stack[0].double) {
    const next = i + 1 < end ? text.charCodeAt(i + 1) : -1;
    if (next < 0 || (!opensAfter(i > start ? text.charCodeAt(i - 1) : -1) && !isLetterOrDigit(next))) q = Q.CloseDouble;
  }
  if (q === Q.AmbigSingle) q = top && !top.double ? Q.CloseSingle : Q.None;
  // a straight " while a straight " is open closes it
  if (
    q === Q.OpenDouble &&
    code === 0x22 &&
    top &&
    top.double &&
    text.charCodeAt(top.at) === 0x22 &&
    !opensAfter(i > start ? text.charCodeAt(i - 1) : -1)
  )
    q = Q.CloseDouble;
  return q;
}

/**
 * A run-on quote in scraped copy: its closing mark is missing and the next quote's opening mark comes while it is
 * still open (`Ms Diaz said: “The plan is sound. “We start in June.” Later …`). When an opening double mark at i
 * meets an open double quote of the same style (alone on the stack: no single quote open inside it) that has run to a
 * sentence end just before the mark, that quote is cut there, unclosed, and the mark opens a new quote. “ « „ open
 * here (a “ that closes was settled before); a straight " opens only after white space and before a letter or
 * digit. A title abbreviation ("Mr.") or an initial ("J.") before the dot is no sentence end. O(1) per mark but for
 * the white space before it, which no other mark scans.
 */
function cutRunOn(s: ParaScan, i: number, code: number): void {
  const { text, start, stack } = s;
  if (stack.length !== 1 || !stack[0].double) return;
  const opener = stack[0];
  const openCode = text.charCodeAt(opener.at);
  // a quote inside a quote in the other style ("… “…” …") is nesting; '' is left alone
  if (openCode === 0x27 || (openCode === 0x22) !== (code === 0x22)) return;
  if (code === 0x22) {
    const next = text.charCodeAt(i + 1);
    if (!(i > start && isSpace(text.charCodeAt(i - 1))) || !isLetterOrDigit(next)) return;
  }
  // the sentence end before the mark: . ! ? … then white space
  let j = i - 1;
  while (j >= start && isSpace(text.charCodeAt(j))) j--;
  const from = opener.at + opener.len;
  if (j <= from) return;
  const c = text.charCodeAt(j);
  if (c !== 46 && c !== 33 && c !== 63 && c !== 0x2026) return;
  if (c === 46 && abbreviationAt(text, j, from)) return;
  const cut = j + 1;
  stack.length = 0;
  const continued = s.continued;
  if (continued) {
    continued.parts.push([from, cut]);
    continued.close = cut;
    continued.unclosed = true;
    s.out.push(continued);
    s.continued = null;
  } else {
    s.out.push({ open: opener.at, close: cut, parts: [[from, cut]], paragraph: s.p, single: false, unclosed: true });
  }
}

/** Is the dot at j the dot of a title abbreviation ("Mr.") or an initial ("J.")? Looks at most 8 characters back. */
function abbreviationAt(text: string, j: number, from: number): boolean {
  let k = j;
  while (k > from && j - k < 8 && isLetterOrDigit(text.charCodeAt(k - 1))) k--;
  if (k === j || (k > from && isLetterOrDigit(text.charCodeAt(k - 1)))) return false;
  const word = text.slice(k, j);
  if (word.length === 1) return word !== word.toLowerCase();
  return TITLE_ABBR.has(word.toLowerCase());
}

/**
 * A closing mark ending at i: it closes the innermost opener of its kind (an unmatched closer is dropped), and when
 * that opener is the bottom of the stack a top-level region is complete.
 */
function closeMark(s: ParaScan, i: number, wantDouble: boolean, len: number): void {
  const { stack } = s;
  let k = stack.length - 1;
  while (k >= 0 && stack[k].double !== wantDouble) k--;
  if (k < 0) return;
  const opener = stack[k];
  stack.length = k; // anything opened inside and never closed is dropped with it
  if (k !== 0) return;
  const continued = s.continued;
  if (continued) {
    continued.parts.push([s.start + opener.len, i + 1 - len]);
    continued.close = i + 1;
    continued.unclosed = false; // carried open from the paragraph before, and closed here
    s.out.push(continued);
    s.continued = null;
  } else {
    s.out.push({
      open: opener.at,
      close: i + 1,
      parts: [[opener.at + opener.len, i + 1 - len]],
      paragraph: s.p,
      single: !opener.double,
      unclosed: false,
    });
  }
}

/**
 * What is left open at the paragraph's end: an open double quote is carried to the next paragraph (returned); a
 * continued quote whose closing mark is missing is cut here, unclosed.
 */
function endParagraph(s: ParaScan): QuoteRegion | null {
  const { text, start, end, stack, continued } = s;
  const bottom = stack.length ? stack[0] : null;
  if (bottom && bottom.double) {
    const region: QuoteRegion = continued ?? { open: bottom.at, close: end, parts: [], paragraph: s.p, single: false, unclosed: true };
    region.parts.push([bottom.at + bottom.len, end]);
    region.close = end;
    return region;
  }
  if (continued) {
    continued.parts.push([start + (text.charCodeAt(start) === 0x27 ? 2 : 1), end]);
    continued.close = end;
    continued.unclosed = true;
    s.out.push(continued);
  }
  return null;
}
