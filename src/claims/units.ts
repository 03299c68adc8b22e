/**
 * The units of text that become claims (see build.ts for the rules): each sentence of a quote's content, the
 * sentence around a partial quote, and the article's own sentences, never boilerplate.
 *
 * Which quote owns each character (content, parts, cue, source; -1: none) decides how far a partial quote's sentence
 * reaches: full quotes claim their characters first, partial quotes only what is left, so a partial quote inside a
 * reported clause stays part of that clause.
 */
import { isWs } from '../language/chars';
import type { Quote } from '../types';
import { datesInTokens } from './dates';
import { Intervals, Marks } from './marks';
import { clampSpan, isSpan, type ClaimStory } from './story';
import { tokensIn } from './tokens';
import { trimUnit, wsRuns } from './trim';

export interface Unit {
  start: number;
  end: number;
  quote: Quote | null;
  headline: boolean;
}

/** How far a partial quote's claim reaches into its sentence, each way, in characters. */
const PARTIAL_REACH = 600;

/** A quote's claims start at its attribution when that is at most this many characters before the content. */
const LEAD_REACH = 400;

export class UnitFinder {
  readonly units: Unit[] = [];
  private readonly seen = new Set<string>();
  /** The quote (+1, 0: none) owning each character. */
  private readonly ownerPlus1: Int32Array;
  private readonly owned: Marks;
  /** Set where a quote's words are (content, parts, a partial quote's sentence): the narrative pass skips these. */
  private readonly quoted: Marks;
  /** The ranges marked in `quoted`, for a quick "no quoted words here". */
  private readonly quotedRanges: [number, number][] = [];
  /** Text already in a quote's claim: a later (nested or repeated) quote only claims what is left. */
  private readonly taken: Marks;

  constructor(private readonly story: ClaimStory) {
    const n = story.n;
    // per-character arrays, in one zeroed allocation: owner (+1, 0: none) and the three sets of marks
    const buf = new Int32Array(4 * (n + 1));
    this.ownerPlus1 = buf.subarray(0, n + 1);
    this.owned = new Marks(buf.subarray(n + 1, 2 * (n + 1)));
    this.quoted = new Marks(buf.subarray(2 * (n + 1), 3 * (n + 1)));
    this.taken = new Marks(buf.subarray(3 * (n + 1)));
  }

  /** All units: the quotes' (full ones first, then partial ones, in text order), then the narrative's. */
  find(quotes: readonly Quote[]): Unit[] {
    const ordered = [...quotes].sort(
      (x, y) =>
        (x.kind === 'partial' ? 1 : 0) - (y.kind === 'partial' ? 1 : 0) ||
        x.content.start - y.content.start ||
        y.content.end - x.content.end,
    );
    for (let k = 0; k < ordered.length; k++) this.ownQuote(ordered[k], k);
    ordered.forEach((q, k) => {
      if (q.kind === 'partial') this.partialUnit(q, k);
      else this.quoteUnits(q, k);
    });
    this.narrativeUnits();
    return this.units;
  }

  private ownerOf(i: number): number {
    return this.ownerPlus1[i] - 1;
  }

  private own(a: number, b: number, k: number, words: boolean): void {
    this.owned.mark(a, b, this.ownerPlus1, k + 1);
    if (words && b > a) {
      this.quoted.mark(a, b);
      this.quotedRanges.push([a, b]);
    }
  }

  /** Quote k owns its content, parts, cue and source (its words: content and parts). */
  private ownQuote(q: Quote, k: number): void {
    const words = [q.content, ...(Array.isArray(q.spans) ? q.spans : [])];
    for (const sp of [...words, q.cue?.span, q.source]) {
      if (isSpan(sp)) {
        const c = clampSpan(sp, this.story.n);
        if (c) this.own(c[0], c[1], k, words.includes(sp));
      }
    }
  }

  private addUnit(a: number, b: number, quote: Quote | null, headline: boolean): boolean {
    const [s, e] = trimUnit(this.story.text, a, b);
    if (e <= s) return false;
    if (this.story.boiler.overlaps(s, e)) return false;
    const key = `${s}:${e}`;
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    this.units.push({ start: s, end: e, quote, headline });
    if (quote) this.taken.mark(s, e);
    return true;
  }

  /**
   * A partial quote: the sentence around the fragment, up to the words of any other quote (its content, cue or
   * source), at most PARTIAL_REACH characters either way (so that many fragments in one long sentence stay linear);
   * nothing when another quote's unit already holds it.
   */
  private partialUnit(q: Quote, k: number): void {
    const { story } = this;
    const c = clampSpan(q.content, story.n);
    if (!c || this.taken.full(c[0], c[1])) return;
    const s = typeof q.sentence === 'number' ? story.sentences[q.sentence] : undefined;
    const sent = (s && s[0] <= c[0] && s[1] >= c[1] ? s : story.sentenceAt(c[0])) ?? c;
    const [sa, sb] = story.cutDateline(
      Math.max(Math.min(sent[0], c[0]), c[0] - PARTIAL_REACH),
      Math.min(Math.max(sent[1], c[1]), c[1] + PARTIAL_REACH),
    );
    let a = Math.min(c[0], Math.max(sa, c[0]));
    let b = c[1];
    while (a > sa && (this.ownerOf(a - 1) < 0 || this.ownerOf(a - 1) === k)) a--;
    while (b < sb && (this.ownerOf(b) < 0 || this.ownerOf(b) === k)) b++;
    if (this.addUnit(a, b, q, false)) this.own(a, b, k, true);
  }

  /** A full quote: each sentence of each part that no earlier quote's unit holds. */
  private quoteUnits(q: Quote, k: number): void {
    const parts = Array.isArray(q.spans) && q.spans.length ? q.spans.filter(isSpan) : [q.content];
    let lead = this.attributionLead(q);
    for (const p of parts) {
      const c = clampSpan(p, this.story.n);
      if (!c) continue;
      // the stretches of this part that no earlier quote's claim holds (all of it, unless quotes nest or repeat)
      let i = this.taken.free(c[0]);
      while (i < c[1]) {
        let j = i;
        while (j < c[1] && !this.taken.isSet(j)) j++;
        const pieces = this.story.sentencesIn(i, j);
        for (const [ps, pe] of pieces) {
          const start = lead >= 0 && lead < ps && ps === pieces[0][0] && i === c[0] ? lead : ps;
          if (start !== ps) this.own(start, ps, k, true);
          this.addUnit(start, pe, q, false);
        }
        lead = -1;
        this.taken.mark(i, j);
        i = this.taken.free(j);
      }
    }
  }

  /**
   * When the attribution before a quote's content dates the statement ("The agency ruled on March 3 that …",
   * "… published on June 9 said that …"), the claim starts at the attribution so that the date stays with it.
   * Returns that start, or -1.
   */
  private attributionLead(q: Quote): number {
    const { story } = this;
    const c = clampSpan(q.content, story.n);
    if (!c) return -1;
    let r0 = -1;
    for (const sp of [q.cue?.span, q.source]) {
      if (!isSpan(sp)) continue;
      const x = clampSpan(sp, story.n);
      if (x && x[1] <= c[0] && (r0 < 0 || x[0] < r0)) r0 = x[0];
    }
    if (r0 < 0 || c[0] - r0 > LEAD_REACH) return -1;
    const sent = story.sentenceAt(c[0]);
    if (sent && r0 < sent[0]) return -1;
    if (story.boiler.overlaps(r0, c[0])) return -1;
    if (!story.mayHoldDate(r0, c[0])) return -1;
    return datesInTokens(story.text, tokensIn(story.text, story.toks, r0, c[0]), null).length ? r0 : -1;
  }

  /**
   * The article's own voice: sentences that hold no quoted words, or, when quoted words fill less than half of one,
   * its longest stretch outside them; then a headline or heading the sentences do not hold. (The quotes are all
   * placed: `quoted` is final.)
   */
  private narrativeUnits(): void {
    const { story } = this;
    const quotedIv = new Intervals(this.quotedRanges);
    for (const [a0, b0] of story.sentenceList) {
      const [a, b] = story.cutDateline(a0, b0);
      if (b <= a || story.boiler.overlaps(a, b)) continue;
      this.narrative(quotedIv, a, b, story.headingIv.overlaps(a, b));
    }
    const sentenceIv = new Intervals(story.sentenceList);
    for (const [a, b] of story.headings) {
      if (sentenceIv.overlaps(a, b)) continue;
      this.narrative(quotedIv, a, b, true);
    }
  }

  private narrative(quotedIv: Intervals, a: number, b: number, head: boolean): void {
    const share = quotedIv.overlaps(a, b) ? this.quotedShare(a, b) : this.hasWord(a, b) ? 0 : 1;
    if (share >= 0.5) return;
    if (share === 0) {
      this.addUnit(a, b, null, head);
      return;
    }
    const [bestA, bestB] = this.longestUnquoted(a, b);
    const [x, y] = trimUnit(this.story.text, bestA, bestB);
    if (y - x > 0 && wsRuns(this.story.text, x, y, 3) >= 3) this.addUnit(x, y, null, head);
  }

  /** The longest stretch of [a, b) with no quoted words (the first of the longest). */
  private longestUnquoted(a: number, b: number): [number, number] {
    let bestA = a;
    let bestB = a;
    let i = a;
    while (i < b) {
      while (i < b && this.quoted.isSet(i)) i++;
      const s0 = i;
      while (i < b && !this.quoted.isSet(i)) i++;
      if (i - s0 > bestB - bestA) {
        bestA = s0;
        bestB = i;
      }
    }
    return [bestA, bestB];
  }

  private hasWord(a: number, b: number): boolean {
    const text = this.story.text;
    for (let i = a; i < b; i++) if (!isWs(text.charCodeAt(i))) return true;
    return false;
  }

  /** The share of [a, b)'s non-white-space characters that are quoted words (1 when there are none). */
  private quotedShare(a: number, b: number): number {
    const text = this.story.text;
    let all = 0;
    let cov = 0;
    for (let i = a; i < b; i++) {
      if (isWs(text.charCodeAt(i))) continue;
      all++;
      if (this.quoted.isSet(i)) cov++;
    }
    return all ? cov / all : 1;
  }
}
