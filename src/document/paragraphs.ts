/**
 * Lines and paragraphs.
 * Paragraphs are blocks separated by blank lines; a text with no blank line between two non-blank lines has one
 * paragraph per non-blank line. CRLF, lone CR, U+2028 end a line; U+2029 ends a paragraph.
 * Boilerplate lines always stand alone, and a heading-like first line glued to body text by a single newline is cut off.
 */
import { endsLikeSentence, isWs } from '../language/chars';
import { isBoilerplateLine } from './boilerplate';
import { isBodyLike, isHeadingLike, isHeadlineLike } from './headings';

export interface Lines {
  /** Trimmed content of each line: [start[i], end[i]); start === end for a blank line. */
  start: number[];
  end: number[];
  /** A U+2029 PARAGRAPH SEPARATOR ends the line: a paragraph break even without a blank line. */
  hardBreak: boolean[];
}

export interface Paragraphs {
  start: number[];
  end: number[];
  /** Line index range [firstLine, lastLine] (inclusive) of each paragraph. */
  firstLine: number[];
  lastLine: number[];
  boilerplate: boolean[];
}

export function scanLines(text: string): Lines {
  const start: number[] = [];
  const end: number[] = [];
  const hardBreak: boolean[] = [];
  const n = text.length;
  // plain LF text (the usual case): let indexOf find the line ends
  const lfOnly = text.indexOf('\r') < 0 && text.indexOf('\u2028') < 0 && text.indexOf('\u2029') < 0;
  let i = 0;
  for (;;) {
    const raw = i;
    let j = i;
    let c = 0;
    if (lfOnly) {
      j = text.indexOf('\n', i);
      if (j < 0) j = n;
      else c = 0x0a;
    } else {
      while (j < n) {
        c = text.charCodeAt(j);
        if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) break;
        j++;
      }
    }
    let s = raw;
    while (s < j && isWs(text.charCodeAt(s))) s++;
    let e = j;
    while (e > s && isWs(text.charCodeAt(e - 1))) e--;
    start.push(s);
    end.push(e);
    hardBreak.push(j < n && c === 0x2029);
    if (j >= n) break;
    i = c === 0x0d && j + 1 < n && text.charCodeAt(j + 1) === 0x0a ? j + 2 : j + 1;
  }
  return { start, end, hardBreak };
}

/** Is there a blank line (or a U+2029) between two non-blank lines? */
function hasParagraphBreaks(lines: Lines): boolean {
  let seen = false;
  let gap = false;
  for (let i = 0; i < lines.start.length; i++) {
    if (lines.start[i] === lines.end[i]) {
      if (seen) gap = true;
      continue;
    }
    if (gap) return true;
    seen = true;
    if (lines.hardBreak[i]) gap = true;
  }
  return false;
}

export function buildParagraphs(text: string, lines: Lines): Paragraphs {
  const out: Paragraphs = { start: [], end: [], firstLine: [], lastLine: [], boilerplate: [] };
  const L = lines.start.length;
  const ls = lines.start;
  const le = lines.end;
  const push = (a: number, b: number, boiler: boolean) => {
    out.start.push(ls[a]);
    out.end.push(le[b]);
    out.firstLine.push(a);
    out.lastLine.push(b);
    out.boilerplate.push(boiler);
  };
  const byBlocks = hasParagraphBreaks(lines);
  const boiler = (i: number) => isBoilerplateLine(text, ls[i], le[i]);

  if (!byBlocks) {
    for (let i = 0; i < L; i++) if (ls[i] < le[i]) push(i, i, boiler(i));
    return out;
  }

  /** Emit the run of non-boilerplate lines [a, b]; cut off a heading-like first line glued to body text. */
  let bodyRuns = 0;
  const emitRun = (a: number, b: number) => {
    const first = bodyRuns++ === 0;
    if (b > a) {
      const headish = first
        ? isHeadlineLike(text, ls[a], le[a]) && !endsLikeSentence(text, ls[a], le[a])
        : isHeadingLike(text, ls[a], le[a]);
      if (headish && isBodyLike(text, ls[a + 1], le[a + 1])) {
        push(a, a, false);
        a++;
      }
    }
    push(a, b, false);
  };

  let i = 0;
  while (i < L) {
    if (ls[i] === le[i]) {
      i++;
      continue;
    }
    // a block of non-blank lines [i, j]
    let j = i;
    while (!lines.hardBreak[j] && j + 1 < L && ls[j + 1] < le[j + 1]) j++;
    let runStart = -1;
    for (let k = i; k <= j; k++) {
      if (boiler(k)) {
        if (runStart >= 0) emitRun(runStart, k - 1);
        runStart = -1;
        push(k, k, true);
      } else if (runStart < 0) runStart = k;
    }
    if (runStart >= 0) emitRun(runStart, j);
    i = j + 1;
  }
  return out;
}
