/**
 * buildClaims: one Claim per check-worthy statement of a story.
 *
 * Units of text that become claims:
 *   - direct / mixed / indirect quotes: each sentence of the quote's content (of each part, for an interrupted quote),
 *     attributed to the quote's speaker (`quoteId`, `speakerId`). For reported speech that is the reported clause.
 *   - partial quotes (a few quoted words inside the reporter's sentence): the sentence that holds them, attributed to
 *     the quote's speaker — the fragment alone is rarely a checkable statement — up to the words (content, cue,
 *     source) of any other quote in that sentence, and not at all when another quote's claim already holds them.
 *   - narrative sentences in the article's own voice (`quoteId: null`, `speakerId: null`: the publication): a sentence
 *     with no quoted words is a claim; one whose characters are less than half quoted gives its longest unquoted
 *     stretch (four words or more); one at least half quoted gives nothing. The headline and section headings are
 *     included, with the `headline` reason lowering their score. A dateline at the start of a sentence is cut off.
 *   - never anything that overlaps `document.boilerplate`.
 * Quotes are taken in text order (a longer one first at the same start); a quote that nests in or repeats text an
 * earlier quote's claims already hold only claims what is left (usually nothing), so nested quotations stay linear.
 * When the attribution before a quote's content dates the statement ("The agency ruled on March 3 that …"),
 * the claim starts at the attribution so that the date stays in the claim.
 * Claim text is trimmed of white space, a leading "that", opening quote marks, and trailing commas, colons and quote
 * marks. Units with fewer than three words are dropped. Claims come out in text order, ids "c1", "c2", …
 *
 * Stance: quotes take the cue's stance class (neutral → 'reported', assertive → 'asserted', hedged → 'hedged',
 * denial → 'denied', commitment → 'committed', ruling → 'ruled', question and opinion → 'reported' with the
 * `question` / `opinion` reasons); a quote with no cue is 'reported'. The article's own sentences are 'asserted'.
 * A 'reported' or 'asserted' claim whose own words hedge ("perhaps", "reportedly", "may") becomes 'hedged'.
 */
import { isWs, skipWs, trimEnd } from '../language/chars';
import { tokenize, type Tokens } from '../language/tokens';
import type { Claim, ClaimEntity, ClaimStance, CueStance, DocumentModel, Quote, Span, Speaker } from '../types';
import { claimTokens, firstTokenAfter, tokensIn } from './tokens';
import { datesInTokens, mayStartDate, pubDate, type CalendarDate } from './dates';
import { quantitiesInTokens } from './quantities';
import { buildEntityContext, entitiesInTokens } from './entities';
import { scoreFeatures } from './checkworthy';

export interface BuildClaimsInput {
  /** The story, exactly as given to extract(). */
  text: string;
  document: DocumentModel;
  quotes: Quote[];
  speakers: Speaker[];
  /** The story's shared tokens (`tokenize(text)`, as the pipeline read them); read again when not given. */
  tokens?: Tokens;
  /** The calendar date of publication (`publishedAt`, parsed by src/options.ts); anchors dates without a year and relative dates. */
  published?: CalendarDate | null;
}

interface Unit {
  start: number;
  end: number;
  quote: Quote | null;
  headline: boolean;
}

const STANCE: Record<CueStance, ClaimStance> = {
  neutral: 'reported',
  assertive: 'asserted',
  hedged: 'hedged',
  denial: 'denied',
  commitment: 'committed',
  ruling: 'ruled',
  question: 'reported',
  opinion: 'reported',
};

function isSpan(x: unknown): x is Span {
  return !!x && typeof x === 'object' && typeof (x as Span).start === 'number' && typeof (x as Span).end === 'number';
}

function clampSpan(s: Span, n: number): [number, number] | null {
  const a = Math.max(0, Math.min(n, Math.floor(s.start)));
  const b = Math.max(0, Math.min(n, Math.floor(s.end)));
  return Number.isFinite(a) && Number.isFinite(b) && b > a ? [a, b] : null;
}

/** How far a partial quote's claim reaches into its sentence, each way, in characters. */
const PARTIAL_REACH = 600;

const LEAD_TRIM = new Set(['"', '“', '‘', "'", '«', '—', '–', '-', '…', ',', ':', ';', '(', '[']);
const TAIL_TRIM = new Set(['"', '”', '“', "'", '’', '‘', '»', ',', ':', ';', '—', '–', '-', '(', '[']);

/** White space as /\s/ has it, for a one-character string. */
function isWsChar(c: string): boolean {
  return isWs(c.charCodeAt(0));
}

/** Is text[s] a period of a leading ellipsis ("... He left"): followed by another period or by white space? */
function leadingDots(text: string, s: number, e: number): boolean {
  return text.charCodeAt(s) === 46 && s + 1 < e && (text.charCodeAt(s + 1) === 46 || isWs(text.charCodeAt(s + 1)));
}

/** Does `text[s, s + 5)` read "that" and a white space, in any case? */
function startsWithThat(text: string, s: number): boolean {
  return (
    (text.charCodeAt(s) | 32) === 116 && // t
    (text.charCodeAt(s + 1) | 32) === 104 && // h
    (text.charCodeAt(s + 2) | 32) === 97 && // a
    (text.charCodeAt(s + 3) | 32) === 116 && // t
    isWs(text.charCodeAt(s + 4))
  );
}

/** The last index of `mark` in text[s, e), or -1. */
function lastIndexIn(text: string, mark: string, s: number, e: number): number {
  // search [s, e) only: lastIndexOf would run on to the start of the story when the mark is absent
  const code = mark.charCodeAt(0);
  for (let i = e - 1; i >= s; i--) if (text.charCodeAt(i) === code) return i;
  return -1;
}

/**
 * Trim a unit to its words (see the module comment). Quote marks that pair with one inside the unit stay: a leading
 * “ whose ” is inside, a trailing ” whose “ is inside (and the same for ‘ ’). Linear in the unit's length.
 */
function trimUnit(text: string, s: number, e: number): [number, number] {
  for (let guard = 0; guard < 4; guard++) {
    const s0 = s;
    const e0 = e;
    s = skipWs(text, s, e);
    e = trimEnd(text, s, e);
    // the last closing marks in the unit (-2: not looked up yet; only an opening mark needs them)
    let lastDq = -2;
    let lastSq = -2;
    while (s < e && (LEAD_TRIM.has(text[s]) || leadingDots(text, s, e))) {
      if (text[s] === '“') {
        if (lastDq === -2) lastDq = lastIndexIn(text, '”', s, e);
        if (lastDq > s) break;
      }
      if (text[s] === '‘') {
        if (lastSq === -2) lastSq = lastIndexIn(text, '’', s, e);
        if (lastSq > s && lastSq < e - 1) break;
      }
      s++;
    }
    // the trailing run of marks and spaces starts at t
    let t = e;
    while (t > s && (TAIL_TRIM.has(text[t - 1]) || isWsChar(text[t - 1]))) t--;
    // depth of open “ and ‘ over [s, p) for each p in [t, e]: only needed when a closing mark is in that run
    let dqAt: Int32Array | null = null;
    let sqAt: Int32Array | null = null;
    if (lastIndexIn(text, '”', t, e) >= 0 || lastIndexIn(text, '’', t, e) >= 0) {
      let dq = 0;
      let sq = 0;
      const step = (c: number) => {
        if (c === 0x201c)
          dq++; // “
        else if (c === 0x201d)
          dq = Math.max(0, dq - 1); // ”
        else if (c === 0x2018)
          sq++; // ‘
        else if (c === 0x2019) sq = Math.max(0, sq - 1); // ’
      };
      for (let i = s; i < t; i++) step(text.charCodeAt(i));
      dqAt = new Int32Array(e - t + 1);
      sqAt = new Int32Array(e - t + 1);
      for (let p = t; p <= e; p++) {
        dqAt[p - t] = dq;
        sqAt[p - t] = sq;
        if (p < e) step(text.charCodeAt(p));
      }
    }
    while (e > s && e - 1 >= t && TAIL_TRIM.has(text[e - 1])) {
      const c = text[e - 1];
      if (c === '”' && dqAt && dqAt[e - 1 - t] > 0) break;
      if (c === '’' && sqAt && sqAt[e - 1 - t] > 0) break;
      e--;
    }
    if (e - s > 5 && startsWithThat(text, s)) s += 4;
    if (s === s0 && e === e0) break;
  }
  s = skipWs(text, s, e);
  return [s, trimEnd(text, s, e)];
}

/** Runs of white space in text[a, b), counted up to `enough` (one less than the number of /\s+/-separated pieces). */
function wsRuns(text: string, a: number, b: number, enough: number): number {
  let runs = 0;
  let inWs = false;
  for (let i = a; i < b && runs < enough; i++) {
    const w = isWs(text.charCodeAt(i));
    if (w && !inWs) runs++;
    inWs = w;
  }
  return runs;
}

/** Index of the first of the sorted sentences that ends after offset p (binary search). */
function firstSentenceEndingAfter(sentences: readonly [number, number][], p: number): number {
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid][1] <= p) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Sorted, merged intervals with an overlap test. */
class Intervals {
  private starts: number[] = [];
  private ends: number[] = [];
  constructor(spans: readonly [number, number][]) {
    const sorted = [...spans].sort((a, b) => a[0] - b[0]);
    for (const [a, b] of sorted) {
      const k = this.ends.length - 1;
      if (k >= 0 && a <= this.ends[k]) this.ends[k] = Math.max(this.ends[k], b);
      else {
        this.starts.push(a);
        this.ends.push(b);
      }
    }
  }
  overlaps(a: number, b: number): boolean {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ends[mid] <= a) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.starts.length && this.starts[lo] < b;
  }
}

/**
 * Marks over [0, n) that can only be set, with a jump to the next unset position: each position is visited once
 * however many overlapping ranges are marked (nested quotes stay linear).
 * Stored as jumps in a zeroed array of n + 1 (so no set-up pass): skip[i] is 0 while i is unset, else a distance
 * forward towards the next unset position. Position n is never set.
 */
class Marks {
  constructor(private readonly skip: Int32Array) {}
  isSet(i: number): boolean {
    return this.skip[i] !== 0;
  }
  /** The first unset position ≥ i (n when none). */
  free(i: number): number {
    const skip = this.skip;
    let r = i;
    while (skip[r] !== 0) r += skip[r];
    let j = i;
    while (j !== r) {
      const k = j + skip[j];
      skip[j] = r - j;
      j = k;
    }
    return r;
  }
  /** Set [a, b); `into[i] = value` for every position i that was unset. */
  mark(a: number, b: number, into?: Int32Array, value = 0): void {
    const skip = this.skip;
    let i = this.free(a);
    while (i < b) {
      // a stretch of unset positions: set them one after the other, then jump past the set ones that follow
      for (; i < b && skip[i] === 0; i++) {
        skip[i] = 1;
        if (into) into[i] = value;
      }
      if (i < b) i = this.free(i);
    }
  }
  /** Is all of [a, b) set? */
  full(a: number, b: number): boolean {
    return this.free(a) >= b;
  }
}

export function buildClaims(input: BuildClaimsInput): Claim[] {
  const text = input && typeof input.text === 'string' ? input.text : '';
  const n = text.length;
  if (!n) return [];
  const doc: Partial<DocumentModel> = input.document && typeof input.document === 'object' ? input.document : {};
  const quotes = Array.isArray(input.quotes) ? input.quotes.filter((q) => q && isSpan(q.content)) : [];
  const speakers = Array.isArray(input.speakers) ? input.speakers.filter((s) => s && typeof s.id === 'string') : [];
  const speakerById = new Map(speakers.map((s) => [s.id, s]));
  const pub = pubDate(input.published);

  const spansOf = (xs: unknown): [number, number][] =>
    (Array.isArray(xs) ? xs : [])
      .filter(isSpan)
      .map((s) => clampSpan(s, n))
      .filter((x): x is [number, number] => !!x);
  const boiler = new Intervals(spansOf(doc.boilerplate));
  const dateline = doc.dateline && isSpan(doc.dateline.span) ? clampSpan(doc.dateline.span, n) : null;
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
  const headingIv = new Intervals(headings);

  // which quote owns each character (content, parts, cue, source; -1: none). Full quotes claim their characters
  // first, partial quotes only what is left, so a partial quote inside a reported clause stays part of that clause.
  // per-character arrays, in one zeroed allocation: owner (+1, 0: none) and the three sets of marks
  const buf = new Int32Array(4 * (n + 1));
  const ownerPlus1 = buf.subarray(0, n + 1);
  const ownerOf = (i: number) => ownerPlus1[i] - 1;
  const owned = new Marks(buf.subarray(n + 1, 2 * (n + 1)));
  /** Set where a quote's words are (content, parts, a partial quote's sentence): the narrative pass skips these. */
  const quoted = new Marks(buf.subarray(2 * (n + 1), 3 * (n + 1)));
  /** The ranges marked in `quoted`, for a quick "no quoted words here" (see quotedIv). */
  const quotedRanges: [number, number][] = [];
  const own = (a: number, b: number, k: number, words: boolean) => {
    owned.mark(a, b, ownerPlus1, k + 1);
    if (words && b > a) {
      quoted.mark(a, b);
      quotedRanges.push([a, b]);
    }
  };
  const hasWord = (a: number, b: number) => {
    for (let i = a; i < b; i++) if (!isWs(text.charCodeAt(i))) return true;
    return false;
  };
  const quotedShare = (a: number, b: number) => {
    let all = 0;
    let cov = 0;
    for (let i = a; i < b; i++) {
      if (isWs(text.charCodeAt(i))) continue;
      all++;
      if (quoted.isSet(i)) cov++;
    }
    return all ? cov / all : 1;
  };
  const ordered = [...quotes].sort(
    (x, y) =>
      (x.kind === 'partial' ? 1 : 0) - (y.kind === 'partial' ? 1 : 0) || x.content.start - y.content.start || y.content.end - x.content.end,
  );
  ordered.forEach((q, k) => {
    const words = [q.content, ...(Array.isArray(q.spans) ? q.spans : [])];
    for (const sp of [...words, q.cue?.span, q.source]) {
      if (isSpan(sp)) {
        const c = clampSpan(sp, n);
        if (c) own(c[0], c[1], k, words.includes(sp));
      }
    }
  });

  const sentences = spansOf(doc.sentences);
  // the document's sentences (with none, its paragraphs, or the whole text, each as one sentence)
  const sentenceList: [number, number][] = sentences.length
    ? [...sentences]
    : spansOf(doc.paragraphs).length
      ? spansOf(doc.paragraphs)
      : [[0, n]];
  sentenceList.sort((a, b) => a[0] - b[0]);
  const cutDateline = (a: number, b: number): [number, number] => {
    if (dateline && dateline[0] < b && dateline[1] > a && dateline[0] <= a + 2) {
      let s = Math.max(a, dateline[1]);
      while (s < b && (isWsChar(text[s]) || text[s] === '—' || text[s] === '–' || text[s] === '-' || text[s] === ':')) s++;
      return [s, b];
    }
    return [a, b];
  };
  /** The sentence holding offset p (binary search), or null. */
  const sentenceAt = (p: number): [number, number] | null => {
    const s = sentenceList[firstSentenceEndingAfter(sentenceList, p)];
    return s && s[0] <= p ? s : null;
  };

  /** The story's tokens (for names, each claim's features, and a first look at attributions). */
  const all = claimTokens(input.tokens && input.tokens.text === text ? input.tokens : tokenize(text));
  /** The sentences overlapping text[a, b), cut to it and trimmed (all of it, when no sentence overlaps). */
  const sentencesIn = (a: number, b: number): [number, number][] => {
    const out: [number, number][] = [];
    let k = firstSentenceEndingAfter(sentenceList, a);
    for (; k < sentenceList.length && sentenceList[k][0] < b; k++) {
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
  };
  /**
   * Could text[a, b) hold a date? Not when no token of the story straddles its edges and none of them can start a
   * date.
   */
  const mayHoldDate = (a: number, b: number): boolean => {
    let j = firstTokenAfter(all, a);
    if (j < all.length && all[j].s < a) return true;
    for (; j < all.length && all[j].s < b; j++) if (all[j].e > b || mayStartDate(all[j])) return true;
    return false;
  };

  const units: Unit[] = [];
  const seen = new Set<string>();
  /** Text already in a quote's claim: a later (nested or repeated) quote only claims what is left. */
  const taken = new Marks(buf.subarray(3 * (n + 1)));
  const addUnit = (a: number, b: number, quote: Quote | null, headline: boolean): boolean => {
    const [s, e] = trimUnit(text, a, b);
    if (e <= s) return false;
    if (boiler.overlaps(s, e)) return false;
    const key = `${s}:${e}`;
    if (seen.has(key)) return false;
    seen.add(key);
    units.push({ start: s, end: e, quote, headline });
    if (quote) taken.mark(s, e);
    return true;
  };

  /**
   * When the attribution before a quote's content dates the statement ("The agency ruled on March 3 that …",
   * "… published on June 9 said that …"), the claim starts at the attribution so that the date stays with it.
   * Returns that start, or -1.
   */
  const attributionLead = (q: Quote): number => {
    const c = clampSpan(q.content, n);
    if (!c) return -1;
    let r0 = -1;
    for (const sp of [q.cue?.span, q.source]) {
      if (!isSpan(sp)) continue;
      const x = clampSpan(sp, n);
      if (x && x[1] <= c[0] && (r0 < 0 || x[0] < r0)) r0 = x[0];
    }
    if (r0 < 0 || c[0] - r0 > 400) return -1;
    const sent = sentenceAt(c[0]);
    if (sent && r0 < sent[0]) return -1;
    if (boiler.overlaps(r0, c[0])) return -1;
    if (!mayHoldDate(r0, c[0])) return -1;
    return datesInTokens(text, tokensIn(text, all, r0, c[0]), null).length ? r0 : -1;
  };

  // 1. quotes: full quotes first, then partial ones (which may sit inside a reported clause already taken)
  ordered.forEach((q, k) => {
    if (q.kind === 'partial') {
      const c = clampSpan(q.content, n);
      if (!c) return;
      // already inside another quote's unit?
      if (taken.full(c[0], c[1])) return;
      const sent =
        (typeof q.sentence === 'number' && sentences[q.sentence] && sentences[q.sentence][0] <= c[0] && sentences[q.sentence][1] >= c[1]
          ? sentences[q.sentence]
          : sentenceAt(c[0])) ?? c;
      // (at most PARTIAL_REACH characters either way, so that many fragments in one long sentence stay linear)
      const [sa, sb] = cutDateline(
        Math.max(Math.min(sent[0], c[0]), c[0] - PARTIAL_REACH),
        Math.min(Math.max(sent[1], c[1]), c[1] + PARTIAL_REACH),
      );
      // the sentence around the fragment, up to the words of any other quote (its content, cue or source)
      let a = Math.min(c[0], Math.max(sa, c[0]));
      let b = c[1];
      while (a > sa && (ownerOf(a - 1) < 0 || ownerOf(a - 1) === k)) a--;
      while (b < sb && (ownerOf(b) < 0 || ownerOf(b) === k)) b++;
      if (addUnit(a, b, q, false)) own(a, b, k, true);
      return;
    }
    const parts = Array.isArray(q.spans) && q.spans.length ? q.spans.filter(isSpan) : [q.content];
    let lead = attributionLead(q);
    for (const p of parts) {
      const c = clampSpan(p, n);
      if (!c) continue;
      // the stretches of this part that no earlier quote's claim holds (all of it, unless quotes nest or repeat)
      let i = taken.free(c[0]);
      while (i < c[1]) {
        let j = i;
        while (j < c[1] && !taken.isSet(j)) j++;
        const pieces = sentencesIn(i, j);
        for (const [ps, pe] of pieces) {
          const start = lead >= 0 && lead < ps && ps === pieces[0][0] && i === c[0] ? lead : ps;
          if (start !== ps) own(start, ps, k, true);
          addUnit(start, pe, q, false);
        }
        lead = -1;
        taken.mark(i, j);
        i = taken.free(j);
      }
    }
  });

  // 2. the article's own voice: sentences that hold no quoted words, or, when quoted words fill less than half of
  // one, its longest stretch outside them
  // (the quotes are all placed: `quoted` is final)
  const quotedIv = new Intervals(quotedRanges);
  const narrative = (a: number, b: number, head: boolean) => {
    const share = quotedIv.overlaps(a, b) ? quotedShare(a, b) : hasWord(a, b) ? 0 : 1;
    if (share >= 0.5) return;
    if (share === 0) {
      addUnit(a, b, null, head);
      return;
    }
    let bestA = a;
    let bestB = a;
    let i = a;
    while (i < b) {
      while (i < b && quoted.isSet(i)) i++;
      const s0 = i;
      while (i < b && !quoted.isSet(i)) i++;
      if (i - s0 > bestB - bestA) {
        bestA = s0;
        bestB = i;
      }
    }
    const [x, y] = trimUnit(text, bestA, bestB);
    if (y - x > 0 && wsRuns(text, x, y, 3) >= 3) addUnit(x, y, null, head);
  };
  for (const [a0, b0] of sentenceList) {
    const [a, b] = cutDateline(a0, b0);
    if (b <= a || boiler.overlaps(a, b)) continue;
    narrative(a, b, headingIv.overlaps(a, b));
  }
  // a headline or heading the sentence list does not hold
  const sentenceIv = new Intervals(sentenceList);
  for (const [a, b] of headings) {
    if (sentenceIv.overlaps(a, b)) continue;
    narrative(a, b, true);
  }

  // 3. features per unit
  // names: one pass over the whole story (sentence starts and title-case lines are judged in their real context);
  // each claim takes the names that lie inside it
  const ctx = buildEntityContext(text, speakers, all);
  const allEntities = entitiesInTokens(text, all, ctx);
  const entitiesIn = (a: number, b: number): ClaimEntity[] => {
    let lo = 0;
    let hi = allEntities.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (allEntities[mid].span.start < a) lo = mid + 1;
      else hi = mid;
    }
    const out: ClaimEntity[] = [];
    for (let i = lo; i < allEntities.length && allEntities[i].span.start < b; i++) {
      const e = allEntities[i];
      if (e.span.end > b) continue;
      // a copy (claims do not share objects); the same keys in the same order as the story's entity
      const copy: ClaimEntity = { span: { start: e.span.start, end: e.span.end, text: e.span.text }, type: e.type };
      if (e.speakerId !== undefined) copy.speakerId = e.speakerId;
      out.push(copy);
    }
    return out;
  };
  units.sort((x, y) => x.start - y.start || x.end - y.end);
  const claims: Claim[] = [];
  for (const u of units) {
    const toks = tokensIn(text, all, u.start, u.end);
    let words = 0;
    for (const t of toks) if (t.k === 'w' || t.k === 'n') words++;
    if (words < 3) continue;
    const dated = datesInTokens(text, toks, pub);
    const quantities = quantitiesInTokens(text, toks, dated);
    const dates = dated.map((d) => d.date);
    const entities = entitiesIn(u.start, u.end);
    const q = u.quote;
    const speaker = q && q.speakerId ? (speakerById.get(q.speakerId) ?? null) : null;
    const cueStance: CueStance | null = q
      ? q.cue && typeof q.cue.stance === 'string' && Object.hasOwn(STANCE, q.cue.stance)
        ? q.cue.stance
        : 'neutral'
      : null;
    const f = scoreFeatures({ toks, quantities, dates, entities, cueStance, speaker, headline: u.headline, quoted: !!q });
    let stance: ClaimStance = q ? STANCE[cueStance ?? 'neutral'] : 'asserted';
    if ((stance === 'reported' || stance === 'asserted') && f.hedged) stance = 'hedged';
    claims.push({
      id: '',
      text: { start: u.start, end: u.end, text: text.slice(u.start, u.end) },
      quoteId: q ? (q.id ?? null) : null,
      speakerId: q ? (q.speakerId ?? null) : null,
      types: f.types,
      checkworthiness: f.checkworthiness,
      reasons: f.reasons,
      stance,
      negated: f.negated,
      entities,
      quantities,
      dates,
    });
  }
  claims.forEach((c, i) => {
    c.id = `c${i + 1}`;
  });
  return claims;
}
