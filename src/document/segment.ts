/**
 * The document stage: paragraphs, headline, dateline, section headings, boilerplate and sentences,
 * from the one wink token pass. Linear in the text; never throws; every Span is exact.
 */
import type { DocumentModel, Section, Span } from '../types';
import type { Tokens } from '../language/tokens';
import { endsLikeSentence, skipWs, trimEnd } from '../language/chars';
import { matchDateline, type DatelineMatch } from './dateline';
import { isBodyLike, isByline, isHeadingLike, isHeadlineLike, isHeadlinese, isShortLine } from './headings';
import { buildParagraphs, scanLines } from './paragraphs';
import { paragraphBreaks } from './sentences';

export interface Segmented {
  model: DocumentModel; // the public document model (all Spans exact: text === input.slice(start,end))
  sentTok: [number, number][]; // per sentence in model.sentences: token range [first, lastExclusive)
  sentPara: number[]; // per sentence: index of its paragraph in model.paragraphs
  paraSent: [number, number][]; // per paragraph: sentence index range [first, lastExclusive)
  paraRole: ('headline' | 'heading' | 'body' | 'boilerplate')[]; // per paragraph
  bodyStart: number; // char offset where the body text begins (after the dateline, if any)
}

type Role = Segmented['paraRole'][number];

/** How many short byline-like paragraphs may sit between the headline and a dateline. */
const MAX_PRE_DATELINE = 2;

/**
 * The document model of a story from its tokens. Throws only on a bug: no text makes it give up (the property
 * and pathological tests hold it to that), and a fallback that hid a bug would hide it from them too.
 */
export function segment(tokens: Tokens): Segmented {
  const text = tokens.text;
  const span = (start: number, end: number): Span => ({ start, end, text: text.slice(start, end) });

  // ---- paragraphs -------------------------------------------------------------------------------------------
  const lines = scanLines(text);
  const paras = buildParagraphs(text, lines);
  const P = paras.start.length;
  const ps = paras.start;
  const pe = paras.end;
  const paraRole: Role[] = new Array(P);
  for (let p = 0; p < P; p++) paraRole[p] = paras.boilerplate[p] ? 'boilerplate' : 'body';
  const nextContent = (from: number): number => {
    let p = from;
    while (p < P && paras.boilerplate[p]) p++;
    return p;
  };

  // ---- headline and dateline ---------------------------------------------------------------------------------
  let headline = -1;
  let dateline: DatelineMatch | null = null;
  let datelinePara = -1;
  let f0 = nextContent(0);
  // a byline above the headline or the dateline ("By JANE DOE, Associated Press") is body text, never the headline
  for (let tries = 0; f0 < P && tries < MAX_PRE_DATELINE && isByline(text, ps[f0], pe[f0]); tries++) f0 = nextContent(f0 + 1);
  if (f0 < P) {
    dateline = matchDateline(text, ps[f0], pe[f0]);
    if (dateline) datelinePara = f0;
    else {
      const q = nextContent(f0 + 1);
      if (q < P && paras.firstLine[f0] === paras.lastLine[f0] && isHeadline(text, ps[f0], pe[f0], ps[q], pe[q])) {
        headline = f0;
        paraRole[f0] = 'headline';
      }
    }
  }
  const firstBody = headline >= 0 ? nextContent(headline + 1) : f0;
  if (!dateline && headline >= 0) {
    // the dateline opens the first body paragraph, possibly after a byline or two ("By Jane Doe")
    let p = firstBody;
    for (let tries = 0; p < P && tries <= MAX_PRE_DATELINE; tries++) {
      dateline = matchDateline(text, ps[p], pe[p]);
      if (dateline) {
        datelinePara = p;
        break;
      }
      if (isBodyLike(text, ps[p], pe[p])) break;
      p = nextContent(p + 1);
    }
  }
  const bodyPara = datelinePara >= 0 ? datelinePara : firstBody;
  const bodyStart = dateline ? dateline.bodyStart : bodyPara < P ? ps[bodyPara] : 0;

  // ---- section headings --------------------------------------------------------------------------------------
  for (let p = bodyPara + 1; p < P; p++) {
    if (paraRole[p] !== 'body' || paras.firstLine[p] !== paras.lastLine[p]) continue;
    if (!isHeadingLike(text, ps[p], pe[p])) continue;
    const q = nextContent(p + 1);
    if (q < P && !isHeadingLike(text, ps[q], pe[q])) paraRole[p] = 'heading';
  }

  const sections: Section[] = [];
  if (bodyPara < P) {
    let cur: Section = { heading: null, start: bodyStart, end: bodyStart };
    for (let p = bodyPara; p < P; p++) {
      if (paraRole[p] === 'heading') {
        sections.push(cur);
        cur = { heading: span(ps[p], pe[p]), start: ps[p], end: pe[p] };
      } else if (pe[p] > cur.end) cur.end = pe[p];
    }
    sections.push(cur);
  }

  // ---- sentences ---------------------------------------------------------------------------------------------
  const n = tokens.n;
  const ts = tokens.start;
  const cand = new Uint8Array(n);
  for (const w of tokens.winkSentenceStarts) if (w >= 0 && w < n) cand[w] = 1;

  const sentences: Span[] = [];
  const sentTok: [number, number][] = [];
  const sentPara: number[] = [];
  const paraSent: [number, number][] = new Array(P);
  const breaks: number[] = [];
  const ls = lines.start;
  const le = lines.end;
  let tk = 0;
  for (let p = 0; p < P; p++) {
    const a = ps[p];
    const b = pe[p];
    while (tk < n && ts[tk] < a) tk++;
    const first = tk;
    while (tk < n && ts[tk] < b) tk++;
    const last = tk;
    // a line break after sentence-final punctuation is a candidate break
    if (paras.lastLine[p] > paras.firstLine[p]) {
      let q = first;
      for (let l = paras.firstLine[p] + 1; l <= paras.lastLine[p]; l++) {
        if (ls[l] === le[l] || !endsLikeSentence(text, ls[l - 1], le[l - 1])) continue;
        while (q < last && ts[q] < ls[l]) q++;
        if (q < last) cand[q] = 1;
      }
    }
    // breaks of all paragraphs go into one array (no per-paragraph allocation); this paragraph's are [b0, b1)
    const b0 = breaks.length;
    if (last > first) paragraphBreaks(tokens, first, last, b, cand, breaks);
    const b1 = breaks.length;
    const s0 = sentences.length;
    let sStart = a;
    let tFirst = first;
    for (let i = b0; i <= b1; i++) {
      const tNext = i < b1 ? breaks[i] : last;
      const cut = i < b1 ? ts[tNext] : b;
      const s = skipWs(text, sStart, cut);
      const e = trimEnd(text, s, cut);
      if (e > s) {
        let ta = tFirst;
        let tb = tNext;
        while (ta < tb && ts[ta] < s) ta++;
        while (tb > ta && ts[tb - 1] >= e) tb--;
        sentences.push(span(s, e));
        sentTok.push([ta, tb]);
        sentPara.push(p);
      }
      sStart = cut;
      tFirst = tNext;
    }
    paraSent[p] = [s0, sentences.length];
  }

  const model: DocumentModel = {
    headline: headline >= 0 ? span(ps[headline], pe[headline]) : null,
    dateline: dateline
      ? { span: span(dateline.start, dateline.end), place: dateline.place, agency: dateline.agency }
      : null,
    sections,
    paragraphs: ps.map((s, p) => span(s, pe[p])),
    sentences,
    boilerplate: [],
  };
  // a span of its own, not the paragraph's object: the public result shares no object between two places
  for (let p = 0; p < P; p++) if (paraRole[p] === 'boilerplate') model.boilerplate.push(span(ps[p], pe[p]));
  return { model, sentTok, sentPara, paraSent, paraRole, bodyStart };
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

