/**
 * The story as the claims stage reads it: its text and tokens, and the document model's parts that decide where
 * claims may be — sentences, headline and headings, the dateline, boilerplate — clamped to the text, checked once.
 */
import { skipWs, trimEnd } from '../language/chars';
import { tokenize, type Tokens } from '../language/tokens';
import type { DocumentModel, Span } from '../types';
import { firstSentenceEndingAfter, Intervals } from './marks';
import { isWsChar } from './trim';
import { claimTokens, firstTokenAfter, type Tok } from './tokens';
import { mayStartDate } from './dates';

export function isSpan(x: unknown): x is Span {
  return !!x && typeof x === 'object' && typeof (x as Span).start === 'number' && typeof (x as Span).end === 'number';
}

export function clampSpan(s: Span, n: number): [number, number] | null {
  const a = Math.max(0, Math.min(n, Math.floor(s.start)));
  const b = Math.max(0, Math.min(n, Math.floor(s.end)));
  return Number.isFinite(a) && Number.isFinite(b) && b > a ? [a, b] : null;
}

/** The spans of a list (of anything) clamped to [0, n), those that are not spans or are empty left out. */
function spansOf(xs: unknown, n: number): [number, number][] {
  return (Array.isArray(xs) ? xs : [])
    .filter(isSpan)
    .map((s) => clampSpan(s, n))
    .filter((x): x is [number, number] => !!x);
}

/** The headline's and the section headings' spans. */
function headingsOf(doc: Partial<DocumentModel>, n: number): [number, number][] {
  const headings: [number, number][] = [];
  if (isSpan(doc.headline)) {
    const h = clampSpan(doc.headline, n);
    if (h) headings.push(h);
  }
  for (const sec of Array.isArray(doc.sections) ? doc.sections : []) {
    if (sec && isSpan(sec.heading)) {
      const h = clampSpan(sec.heading, n);
      if (h) headings.push(h);
    }
  }
  return headings;
}

export class ClaimStory {
  readonly n: number;
  readonly boiler: Intervals;
  readonly dateline: [number, number] | null;
  readonly headings: [number, number][];
  readonly headingIv: Intervals;
  /** The document's sentences as given (a quote's `sentence` indexes them). */
  readonly sentences: [number, number][];
  /** The sentences in text order: the document's, or with none its paragraphs, or the whole text, as one each. */
  readonly sentenceList: [number, number][];
  /** The story's tokens (for names, each claim's features, and a first look at attributions). */
  readonly toks: Tok[];

  constructor(
    readonly text: string,
    doc: Partial<DocumentModel>,
    tokens: Tokens | undefined,
  ) {
    const n = text.length;
    this.n = n;
    this.boiler = new Intervals(spansOf(doc.boilerplate, n));
    this.dateline = doc.dateline && isSpan(doc.dateline.span) ? clampSpan(doc.dateline.span, n) : null;
    this.headings = headingsOf(doc, n);
    this.headingIv = new Intervals(this.headings);
    this.sentences = spansOf(doc.sentences, n);
    const paragraphs = this.sentences.length ? [] : spansOf(doc.paragraphs, n);
    this.sentenceList = this.sentences.length ? [...this.sentences] : paragraphs.length ? paragraphs : [[0, n]];
    this.sentenceList.sort((a, b) => a[0] - b[0]);
    this.toks = claimTokens(tokens && tokens.text === text ? tokens : tokenize(text));
  }

  /** [a, b) without a dateline at its start ("WASHINGTON (AP) — "). */
  cutDateline(a: number, b: number): [number, number] {
    const { dateline, text } = this;
    if (dateline && dateline[0] < b && dateline[1] > a && dateline[0] <= a + 2) {
      let s = Math.max(a, dateline[1]);
      while (s < b && (isWsChar(text[s]) || text[s] === '—' || text[s] === '–' || text[s] === '-' || text[s] === ':')) s++;
      return [s, b];
    }
    return [a, b];
  }

  /** The sentence holding offset p, or null. */
  sentenceAt(p: number): [number, number] | null {
    const s = this.sentenceList[firstSentenceEndingAfter(this.sentenceList, p)];
    return s && s[0] <= p ? s : null;
  }

  /** The sentences overlapping text[a, b), cut to it and trimmed (all of it, when no sentence overlaps). */
  sentencesIn(a: number, b: number): [number, number][] {
    const { text, sentenceList } = this;
    const out: [number, number][] = [];
    for (let k = firstSentenceEndingAfter(sentenceList, a); k < sentenceList.length && sentenceList[k][0] < b; k++) {
      const x = skipWs(text, Math.max(a, sentenceList[k][0]), Math.min(b, sentenceList[k][1]));
      const y = trimEnd(text, x, Math.min(b, sentenceList[k][1]));
      if (y > x) out.push([x, y]);
    }
    if (!out.length) {
      const x = skipWs(text, a, b);
      const y = trimEnd(text, x, b);
      if (y > x) out.push([x, y]);
    }
    return out;
  }

  /** Could text[a, b) hold a date? Not when no token straddles its edges and none of them can start a date. */
  mayHoldDate(a: number, b: number): boolean {
    const all = this.toks;
    let j = firstTokenAfter(all, a);
    if (j < all.length && all[j].s < a) return true;
    for (; j < all.length && all[j].s < b; j++) if (all[j].e > b || mayStartDate(all[j])) return true;
    return false;
  }
}
