/**
 * The document stage: paragraphs, headline, dateline, section headings, boilerplate and sentences,
 * from the one wink token pass. Linear in the text; never throws; every Span is exact.
 */
import type { DocumentModel, Section, Span } from '../types';
import type { TokenRange, Tokens } from '../language/tokens';
import { endsLikeSentence, skipWs, trimEnd } from '../language/chars';
import { matchDateline, type DatelineMatch } from './dateline';
import { isBodyLike, isByline, isHeadingLike, isHeadlineLike, isHeadlinese, isShortLine } from './headings';
import { buildParagraphs, scanLines, type Lines, type Paragraphs } from './paragraphs';
import { paragraphBreaks } from './sentences';

export interface Segmented {
  model: DocumentModel; // the public document model (all Spans exact: text === input.slice(start,end))
  /** Per sentence in model.sentences: its tokens. */
  sentTok: TokenRange[];
  sentPara: number[]; // per sentence: index of its paragraph in model.paragraphs
  paraSent: [number, number][]; // per paragraph: sentence index range [first, lastExclusive)
  paraRole: ('headline' | 'heading' | 'body' | 'boilerplate')[]; // per paragraph
  bodyStart: number; // char offset where the body text begins (after the dateline, if any)
}

type Role = Segmented['paraRole'][number];

/** How many short byline-like paragraphs may sit between the headline and a dateline. */
const MAX_PRE_DATELINE = 2;

/** What the steps below share: the text, its lines and paragraphs, and each paragraph's role as found so far. */
interface Layout {
  text: string;
  lines: Lines;
  paras: Paragraphs;
  roles: Role[];
}

/** The front of the story: the headline and dateline paragraphs (-1 when absent), and where the body begins. */
interface Front {
  headline: number;
  dateline: DatelineMatch | null;
  datelinePara: number;
  /** The paragraph the body begins in (the dateline's, or the first after the headline). */
  bodyPara: number;
  /** Char offset where the body text begins (after the dateline, if any). */
  bodyStart: number;
}

/** The sentences of the story, with their token ranges and paragraphs, and each paragraph's sentence range. */
interface SentenceSplit {
  sentences: Span[];
  sentTok: TokenRange[];
  sentPara: number[];
  paraSent: [number, number][];
}

/** One paragraph: its index, its character range [start, end) and its token range [first, last). */
interface ParaTokens {
  p: number;
  start: number;
  end: number;
  first: number;
  last: number;
}

/**
 * The document model of a story from its tokens. Throws only on a bug: no text makes it give up (the property
 * and pathological tests hold it to that), and a fallback that hid a bug would hide it from them too.
 */
export function segment(tokens: Tokens): Segmented {
  const text = tokens.text;
  const lines = scanLines(text);
  const paras = buildParagraphs(text, lines);
  const roles: Role[] = paras.boilerplate.map((b): Role => (b ? 'boilerplate' : 'body'));
  const layout: Layout = { text, lines, paras, roles };
  const front = findFront(layout);
  markHeadings(layout, front.bodyPara);
  const sections = buildSections(layout, front);
  const split = splitSentences(tokens, layout);
  const model = buildModel(layout, front, sections, split.sentences);
  return { model, sentTok: split.sentTok, sentPara: split.sentPara, paraSent: split.paraSent, paraRole: roles, bodyStart: front.bodyStart };
}

const spanOf = (text: string, start: number, end: number): Span => ({ start, end, text: text.slice(start, end) });

/** The first paragraph from `from` on that is not boilerplate (the paragraph count when there is none). */
function nextContent(paras: Paragraphs, from: number): number {
  let p = from;
  while (p < paras.start.length && paras.boilerplate[p]) p++;
  return p;
}

/** The headline and the dateline: a dateline opens the first content paragraph, or else that paragraph may be the headline. */
function findFront(layout: Layout): Front {
  const { text, paras, roles } = layout;
  const P = paras.start.length;
  const ps = paras.start;
  const pe = paras.end;
  const front: Front = { headline: -1, dateline: null, datelinePara: -1, bodyPara: 0, bodyStart: 0 };
  let f0 = nextContent(paras, 0);
  // a byline above the headline or the dateline ("By JANE DOE, Associated Press") is body text, never the headline
  for (let tries = 0; f0 < P && tries < MAX_PRE_DATELINE && isByline(text, ps[f0], pe[f0]); tries++) f0 = nextContent(paras, f0 + 1);
  if (f0 < P) {
    front.dateline = matchDateline(text, ps[f0], pe[f0]);
    if (front.dateline) front.datelinePara = f0;
    else {
      const q = nextContent(paras, f0 + 1);
      if (q < P && paras.firstLine[f0] === paras.lastLine[f0] && isHeadline(text, ps[f0], pe[f0], ps[q], pe[q])) {
        front.headline = f0;
        roles[f0] = 'headline';
      }
    }
  }
  const firstBody = front.headline >= 0 ? nextContent(paras, front.headline + 1) : f0;
  if (!front.dateline && front.headline >= 0) findDatelineBelow(layout, front, firstBody);
  front.bodyPara = front.datelinePara >= 0 ? front.datelinePara : firstBody;
  front.bodyStart = front.dateline ? front.dateline.bodyStart : front.bodyPara < P ? ps[front.bodyPara] : 0;
  return front;
}

/** Below a headline, the dateline opens the first body paragraph, possibly after a byline or two ("By Jane Doe"). */
function findDatelineBelow(layout: Layout, front: Front, firstBody: number): void {
  const { text, paras } = layout;
  const P = paras.start.length;
  let p = firstBody;
  for (let tries = 0; p < P && tries <= MAX_PRE_DATELINE; tries++) {
    front.dateline = matchDateline(text, paras.start[p], paras.end[p]);
    if (front.dateline) {
      front.datelinePara = p;
      return;
    }
    if (isBodyLike(text, paras.start[p], paras.end[p])) return;
    p = nextContent(paras, p + 1);
  }
}

/** Section headings: a one-line, heading-like body paragraph after the body's start, not followed by another such line. */
function markHeadings(layout: Layout, bodyPara: number): void {
  const { text, paras, roles } = layout;
  const P = paras.start.length;
  const ps = paras.start;
  const pe = paras.end;
  for (let p = bodyPara + 1; p < P; p++) {
    if (roles[p] !== 'body' || paras.firstLine[p] !== paras.lastLine[p]) continue;
    if (!isHeadingLike(text, ps[p], pe[p])) continue;
    const q = nextContent(paras, p + 1);
    if (q < P && !isHeadingLike(text, ps[q], pe[q])) roles[p] = 'heading';
  }
}

/** The body's sections: the first from the body's start, without a heading; then one from each heading. */
function buildSections(layout: Layout, front: Front): Section[] {
  const { text, paras, roles } = layout;
  const P = paras.start.length;
  const ps = paras.start;
  const pe = paras.end;
  const sections: Section[] = [];
  if (front.bodyPara >= P) return sections;
  let cur: Section = { heading: null, start: front.bodyStart, end: front.bodyStart };
  for (let p = front.bodyPara; p < P; p++) {
    if (roles[p] === 'heading') {
      sections.push(cur);
      cur = { heading: spanOf(text, ps[p], pe[p]), start: ps[p], end: pe[p] };
    } else if (pe[p] > cur.end) cur.end = pe[p];
  }
  sections.push(cur);
  return sections;
}

/** The sentences of every paragraph: wink's sentence starts and line breaks are candidates, `paragraphBreaks` decides. */
function splitSentences(tokens: Tokens, layout: Layout): SentenceSplit {
  const { paras } = layout;
  const P = paras.start.length;
  const n = tokens.n;
  const ts = tokens.start;
  const cand = new Uint8Array(n);
  for (const w of tokens.winkSentenceStarts) if (w >= 0 && w < n) cand[w] = 1;
  const out: SentenceSplit = { sentences: [], sentTok: [], sentPara: [], paraSent: new Array(P) };
  const breaks: number[] = [];
  let tk = 0;
  for (let p = 0; p < P; p++) {
    const start = paras.start[p];
    const end = paras.end[p];
    while (tk < n && ts[tk] < start) tk++;
    const first = tk;
    while (tk < n && ts[tk] < end) tk++;
    const para: ParaTokens = { p, start, end, first, last: tk };
    markLineBreaks(tokens, layout, para, cand);
    // breaks of all paragraphs go into one array (no per-paragraph allocation); this paragraph's are [b0, end)
    const b0 = breaks.length;
    if (para.last > first) paragraphBreaks(tokens, first, para.last, end, cand, breaks);
    const s0 = out.sentences.length;
    cutSentences(tokens, para, breaks, b0, out);
    out.paraSent[p] = [s0, out.sentences.length];
  }
  return out;
}

/** A line break after sentence-final punctuation is a candidate break. */
function markLineBreaks(tokens: Tokens, layout: Layout, para: ParaTokens, cand: Uint8Array): void {
  const { text, paras } = layout;
  const ls = layout.lines.start;
  const le = layout.lines.end;
  const ts = tokens.start;
  const { p, first, last } = para;
  if (paras.lastLine[p] <= paras.firstLine[p]) return;
  let q = first;
  for (let l = paras.firstLine[p] + 1; l <= paras.lastLine[p]; l++) {
    if (ls[l] === le[l] || !endsLikeSentence(text, ls[l - 1], le[l - 1])) continue;
    while (q < last && ts[q] < ls[l]) q++;
    if (q < last) cand[q] = 1;
  }
}

/** Cuts one paragraph at its breaks `breaks[b0..]` into trimmed, non-empty sentences with their token ranges. */
function cutSentences(tokens: Tokens, para: ParaTokens, breaks: number[], b0: number, out: SentenceSplit): void {
  const text = tokens.text;
  const ts = tokens.start;
  const b1 = breaks.length;
  let sStart = para.start;
  let tFirst = para.first;
  for (let i = b0; i <= b1; i++) {
    const tNext = i < b1 ? breaks[i] : para.last;
    const cut = i < b1 ? ts[tNext] : para.end;
    const s = skipWs(text, sStart, cut);
    const e = trimEnd(text, s, cut);
    if (e > s) {
      let ta = tFirst;
      let tb = tNext;
      while (ta < tb && ts[ta] < s) ta++;
      while (tb > ta && ts[tb - 1] >= e) tb--;
      out.sentences.push(spanOf(text, s, e));
      out.sentTok.push([ta, tb]);
      out.sentPara.push(para.p);
    }
    sStart = cut;
    tFirst = tNext;
  }
}

/** The public document model; every Span a fresh object. */
function buildModel(layout: Layout, front: Front, sections: Section[], sentences: Span[]): DocumentModel {
  const { text, paras, roles } = layout;
  const ps = paras.start;
  const pe = paras.end;
  const { headline, dateline } = front;
  const model: DocumentModel = {
    headline: headline >= 0 ? spanOf(text, ps[headline], pe[headline]) : null,
    dateline: dateline ? { span: spanOf(text, dateline.start, dateline.end), place: dateline.place, agency: dateline.agency } : null,
    sections,
    paragraphs: ps.map((s, p) => spanOf(text, s, pe[p])),
    sentences,
    boilerplate: [],
  };
  // a span of its own, not the paragraph's object: the public result shares no object between two places
  for (let p = 0; p < ps.length; p++) if (roles[p] === 'boilerplate') model.boilerplate.push(spanOf(text, ps[p], pe[p]));
  return model;
}

/**
 * Is the first paragraph [a, b) the headline, given the next paragraph [c, d)? A short line that does not end like a
 * sentence or is in Title Case; or any short line right above a dateline; or a short headline-ese sentence
 * ("Judge rejects request to unseal file.") above a longer paragraph.
 */
function isHeadline(text: string, a: number, b: number, c: number, d: number): boolean {
  if (isHeadlineLike(text, a, b)) return true;
  if (!isShortLine(text, a, b)) return false;
  if (matchDateline(text, c, d)) return true;
  return d - c >= 1.5 * (b - a) && isHeadlinese(text, a, b);
}
