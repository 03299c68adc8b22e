/**
 * Scoring of quotewire against an annotated corpus (format: ../shared/corpora/README.md).
 * Pure functions only — no file or network access — so the tests can pin every rule.
 *
 * The rules, as the corpus README defines them:
 * - every content span is trimmed of white space, quotation marks “”‘’"'«», edge punctuation , . ; : — –
 *   and a leading lowercase "that " (repeated until nothing changes; each span of multi-span content on its own);
 * - a prediction matches a gold attribution when the trimmed contents overlap by at least a fraction t of the
 *   GOLD trimmed length; pairs are matched one to one, greedily, best overlap fraction first;
 * - precision = matched / predicted, recall = matched / gold, F1 their harmonic mean, at t = 0.3 and t = 0.8;
 *   recall also for direct and indirect gold; exact F1 counts only identical trimmed spans;
 * - source-mention accuracy (matched pairs at t = 0.3): the predicted `quote.source` overlaps a gold source span;
 * - speaker accuracy (gold with `reference`, matched at t = 0.3): the resolved speaker's name or one of its
 *   mentions shares a word of three or more letters with the reference, case-insensitively.
 *
 * Judgment calls (not fixed by the README):
 * - Gold attributions whose content is null or trims to nothing are left out of every count (`goldEmpty`).
 * - Predictions whose content trims to nothing stay in `predicted` (they are the library's output) and can
 *   never match (`predictedEmpty`).
 * - Duplicate predictions (same trimmed content) are all counted; only one can match, the rest are false
 *   positives (`predictedDuplicates` says how many).
 * - Gold source null: such pairs are left out of the source-accuracy denominator; `source.goldNull` counts them
 *   and `source.goldNullPredNull` how many of those the library also left without a source.
 * - Predicted source null where gold has one: wrong.
 * - Capitalised "That " is not stripped: sentence-initially it is a demonstrative ("That looks unlikely"),
 *   not the complementizer.
 * - Ratios with an empty denominator: P/R/F1 are 0; accuracies are null ("n/a").
 */
import type { Extraction, Quote, QuoteKind, Span, Speaker } from '../src/types';
import {
  CUE_CLASSES,
  type CueClass,
  cueClassOf,
  joinContinuations,
  MENTION_CLASSES,
  type MentionClass,
  mentionClassOf,
  opensSentence,
} from './classes';

// ---------- the corpus format (../shared/corpora/README.md: one article a line) ----------

/** A half-open character range [start, end) in UTF-16 code units: `text.slice(start, end)`. */
export type Interval = [number, number];

/** One part of a gold attribution (its source, cue or content); several spans when it is discontinuous. */
export interface GoldPart {
  text: string;
  spans: Interval[];
}

/** One gold attribution. `source` or `cue` can be null; `reference` (the resolved speaker) only where a corpus gives one. */
export interface GoldAttribution {
  source?: GoldPart | null;
  cue?: GoldPart | null;
  content?: GoldPart | null;
  reference?: string | null;
  /** True where the content contains a quotation mark. */
  direct?: boolean;
}

/** One corpus line. Fields the scoring does not read (`outlet` …) are kept as they are. */
export interface Article {
  id?: string;
  corpus?: string;
  text?: string;
  attributions?: GoldAttribution[];
}

// ---------- what the scoring counts and reports ----------

/** Matched gold attributions at one threshold, split by the gold's `direct`. */
export interface MatchCounts {
  all: number;
  direct: number;
  indirect: number;
}

export interface SourceCounts {
  n: number;
  correct: number;
  goldNull: number;
  goldNullPredNull: number;
}

export interface SpeakerCounts {
  n: number;
  correct: number;
  strictCorrect: number;
}

/** Per class of cue (see classes.ts), at the attribution threshold: gold and predictions of the class, and how many of each matched. */
export interface CueClassCounts {
  gold: number;
  predicted: number;
  matchedGold: number;
  matchedPred: number;
}

/** Per class of gold source mention (see classes.ts): matched pairs with a reference, and how many got the speaker (strict). */
export interface MentionClassCounts {
  n: number;
  strictCorrect: number;
}

/** The plain counts that Counts and Metrics share: articles, gold attributions and predictions. */
export interface Totals {
  articles: number;
  gold: number;
  goldDirect: number;
  goldIndirect: number;
  goldEmpty: number;
  predicted: number;
  predictedEmpty: number;
  predictedDuplicates: number;
  predictedBadSpans: number;
}

/** The keys of Totals, in the order the report prints them. */
export const TOTAL_KEYS = [
  'articles',
  'gold',
  'goldDirect',
  'goldIndirect',
  'goldEmpty',
  'predicted',
  'predictedEmpty',
  'predictedDuplicates',
  'predictedBadSpans',
] as const satisfies readonly (keyof Totals)[];

/** The summable counts of one article or of many (see sumCounts). */
export interface Counts extends Totals {
  /** Keyed by the threshold as a string ("0.3", "0.8"). */
  matched: Record<string, MatchCounts>;
  exactMatched: number;
  source: SourceCounts;
  speaker: SpeakerCounts;
  byCue: Record<CueClass, CueClassCounts>;
  speakerByMention: Record<MentionClass, MentionClassCounts>;
}

/** The plain-number fields of Counts, which sumCounts adds up one by one. */
type ScalarCountKey = Exclude<keyof Counts, 'matched' | 'source' | 'speaker' | 'byCue' | 'speakerByMention'>;

/** Every ScalarCountKey, for sumCounts. */
const SCALAR_COUNT_KEYS = [...TOTAL_KEYS, 'exactMatched'] satisfies ScalarCountKey[];

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

export interface MatchMetrics extends PRF {
  matched: number;
  matchedDirect: number;
  matchedIndirect: number;
  recallDirect: number;
  recallIndirect: number;
}

/** The metrics of aggregate(); every ratio is micro-averaged. Accuracies are null with an empty denominator. */
export interface Metrics extends Totals {
  /** Keyed by the threshold as a string ("0.3", "0.8"). */
  match: Record<string, MatchMetrics>;
  exact: PRF & { matched: number };
  source: SourceCounts & { accuracy: number | null };
  speaker: SpeakerCounts & { accuracy: number | null; strictAccuracy: number | null };
  /** Precision and recall per class of cue, at the attribution threshold (null with an empty denominator). */
  byCue: Record<CueClass, CueClassCounts & { precision: number | null; recall: number | null }>;
  /** Strict speaker accuracy per class of gold source mention (null with nothing matched). */
  speakerByMention: Record<MentionClass, MentionClassCounts & { strictAccuracy: number | null }>;
}

/** A matched pair: indices into the predictions and the gold attributions, and the gold-side overlap fraction. */
export interface Pair {
  pred: number;
  gold: number;
  fraction: number;
}

/** A gold attribution that survived trimming. */
export interface GoldItem {
  attr: GoldAttribution;
  iv: Interval[];
  direct: boolean;
}

/** A prediction: the quote, its raw content spans and their trimmed form. */
export interface PredItem {
  quote: Quote;
  raw: Interval[];
  iv: Interval[];
}

/** What scoreArticle found, for a misses dump and for inspection. */
export interface ScoreDetails {
  golds: GoldItem[];
  preds: PredItem[];
  /** Keyed by the threshold as a string. */
  matches: Record<string, Pair[]>;
  exact: Pair[];
  /** Gold indices matched by nothing at the attribution threshold. */
  fn: number[];
  /** Prediction indices matching nothing at the attribution threshold. */
  fp: number[];
  src: Array<Pick<Pair, 'pred' | 'gold'>>;
  spk: Array<Pick<Pair, 'pred' | 'gold'>>;
  bound: Pair[];
}

export interface Scored {
  counts: Counts;
  details: ScoreDetails;
}

/** The thresholds the library is reported at. */
export const THRESHOLDS: readonly number[] = [0.3, 0.8];
/** The threshold source and speaker accuracy are measured at. */
export const ATTRIBUTION_THRESHOLD = 0.3;

const QUOTE_MARKS = '“”‘’"\'«»';
const EDGE_PUNCT = ',.;:—–';
const STRIP = new Set([...QUOTE_MARKS, ...EDGE_PUNCT]);

const isStrippable = (ch: string): boolean => STRIP.has(ch) || /\s/u.test(ch);

/**
 * Trim one span [start, end) of `text` by the README's rules.
 * Returns the trimmed [start, end] (start === end when nothing is left).
 */
export function trimSpan(text: string, start: number, end: number): Interval {
  let s = Math.max(0, start);
  let e = Math.min(text.length, end);
  if (e < s) e = s;
  for (;;) {
    const s0 = s;
    const e0 = e;
    while (s < e && isStrippable(text[s])) s++;
    while (e > s && isStrippable(text[e - 1])) e--;
    if (e - s > 4 && text.startsWith('that', s) && /\s/u.test(text[s + 4])) s += 4;
    if (s === s0 && e === e0) break;
  }
  return [s, e];
}

/** Sort and merge intervals; drop empty ones. */
export function normalizeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals
    .filter(([s, e]) => e > s)
    .map(([s, e]): Interval => [s, e])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Interval[] = [];
  for (const iv of sorted) {
    const last = out[out.length - 1];
    if (last && iv[0] <= last[1]) last[1] = Math.max(last[1], iv[1]);
    else out.push(iv);
  }
  return out;
}

/** Trim every span, then merge: the comparable form of one content. */
export function trimContent(text: string, spans: readonly Interval[] | null | undefined): Interval[] {
  return normalizeIntervals((spans ?? []).map(([s, e]) => trimSpan(text, s, e)));
}

/** Total length of normalized intervals. */
export function intervalLength(ivs: readonly Interval[]): number {
  let n = 0;
  for (const [s, e] of ivs) n += e - s;
  return n;
}

/** Characters shared by two normalized interval lists. */
export function intersectionLength(a: readonly Interval[], b: readonly Interval[]): number {
  let n = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const lo = Math.max(a[i][0], b[j][0]);
    const hi = Math.min(a[i][1], b[j][1]);
    if (hi > lo) n += hi - lo;
    if (a[i][1] < b[j][1]) i++;
    else j++;
  }
  return n;
}

/** Overlap of a prediction with a gold content, as a fraction of the gold length (0 for empty gold). */
export function overlapFraction(pred: readonly Interval[], gold: readonly Interval[]): number {
  const g = intervalLength(gold);
  return g === 0 ? 0 : intersectionLength(pred, gold) / g;
}

export function sameIntervals(a: readonly Interval[], b: readonly Interval[]): boolean {
  return a.length === b.length && a.every(([s, e], k) => s === b[k][0] && e === b[k][1]);
}

/**
 * One-to-one greedy matching. `preds`, `golds`: normalized trimmed interval lists.
 * Candidate pairs are those with overlap fraction ≥ t (and some overlap at all); they are taken best first.
 * Ties: larger shared length, then the tighter prediction (higher share of the prediction inside the gold),
 * then text order (gold index, prediction index) — so the result is deterministic.
 * Returns [{ pred, gold, fraction }] (indices into the inputs).
 */
export function greedyMatch(preds: readonly Interval[][], golds: readonly Interval[][], t: number): Pair[] {
  const cands: Array<Pair & { inter: number; predShare: number }> = [];
  for (let g = 0; g < golds.length; g++) {
    const glen = intervalLength(golds[g]);
    if (glen === 0) continue;
    for (let p = 0; p < preds.length; p++) {
      const plen = intervalLength(preds[p]);
      if (plen === 0) continue;
      const inter = intersectionLength(preds[p], golds[g]);
      if (inter === 0) continue;
      const fraction = inter / glen;
      if (fraction + 1e-12 < t) continue;
      cands.push({ pred: p, gold: g, fraction, inter, predShare: inter / plen });
    }
  }
  cands.sort((x, y) => y.fraction - x.fraction || y.inter - x.inter || y.predShare - x.predShare || x.gold - y.gold || x.pred - y.pred);
  const usedP = new Set<number>();
  const usedG = new Set<number>();
  const pairs: Pair[] = [];
  for (const c of cands) {
    if (usedP.has(c.pred) || usedG.has(c.gold)) continue;
    usedP.add(c.pred);
    usedG.add(c.gold);
    pairs.push({ pred: c.pred, gold: c.gold, fraction: c.fraction });
  }
  return pairs;
}

/** One-to-one matching of identical (trimmed, non-empty) contents. */
export function exactMatch(preds: readonly Interval[][], golds: readonly Interval[][]): Pair[] {
  const byKey = new Map<string, number[]>();
  preds.forEach((iv, p) => {
    if (iv.length === 0) return;
    const k = JSON.stringify(iv);
    const list = byKey.get(k);
    if (list) list.push(p);
    else byKey.set(k, [p]);
  });
  const pairs: Pair[] = [];
  golds.forEach((iv, g) => {
    if (iv.length === 0) return;
    const pred = byKey.get(JSON.stringify(iv))?.shift();
    if (pred !== undefined) pairs.push({ pred, gold: g, fraction: 1 });
  });
  return pairs;
}

/** Lowercased words of three or more letters. */
export function words3(s: string | null | undefined, ignore?: ReadonlySet<string> | null): Set<string> {
  const out = new Set<string>();
  for (const w of String(s ?? '')
    .normalize('NFC')
    .toLowerCase()
    .match(/\p{L}+/gu) ?? []) {
    if ([...w].length >= 3 && !(ignore && ignore.has(w))) out.add(w);
  }
  return out;
}

/**
 * Words a strict speaker check ignores: the function words and honorifics `../shared/corpora/README.md` lists
 * ("the official" must not match "the White House"; "Mrs Doe" must not match "Mrs Roe"). Only words of three or
 * more letters are compared at all, so "of", "Mr", "Dr" and the like never count either way.
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  'the of and for a an in to on said says who his her its their mr mrs ms dr'.split(' '),
);

/**
 * Speaker check: does the speaker's name, one of its aliases or one of its mention texts share a word (≥3 letters)
 * with the reference? With `strict`, the README's function words and honorifics do not count. No speaker → false.
 */
export function speakerMatchesReference(
  speaker: Speaker | null | undefined,
  reference: string | null | undefined,
  strict = false,
): boolean {
  if (!speaker || !reference) return false;
  const ignore = strict ? FUNCTION_WORDS : null;
  const ref = words3(reference, ignore);
  if (ref.size === 0) return false;
  const texts = [speaker.name, ...(speaker.aliases ?? []), ...(speaker.mentions ?? []).map((m) => m?.text)];
  for (const t of texts) for (const w of words3(t, ignore)) if (ref.has(w)) return true;
  return false;
}

function spansOverlap(a: readonly Interval[], b: readonly Interval[]): boolean {
  for (const [s1, e1] of a) for (const [s2, e2] of b) if (Math.min(e1, e2) > Math.max(s1, s2)) return true;
  return false;
}

/** A predicted quote's content spans: `quote.spans ?? [quote.content]` (an empty `spans` array falls back too). */
export function quoteContentSpans(quote: Pick<Quote, 'content' | 'spans'> | null | undefined): Interval[] {
  const parts = quote?.spans && quote.spans.length ? quote.spans : quote?.content ? [quote.content] : [];
  return parts.filter(Boolean).map((sp): Interval => [sp.start, sp.end]);
}

const goldSpans = (part: GoldPart | null | undefined): Interval[] =>
  part && Array.isArray(part.spans) ? part.spans.map(([s, e]): Interval => [s, e]) : [];
const sliceSpans = (text: string, spans: readonly Interval[]): string => spans.map(([s, e]) => text.slice(s, e)).join(' … ');

function emptyCounts(): Counts {
  return {
    articles: 0,
    gold: 0,
    goldDirect: 0,
    goldIndirect: 0,
    goldEmpty: 0,
    predicted: 0,
    predictedEmpty: 0,
    predictedDuplicates: 0,
    predictedBadSpans: 0,
    matched: Object.fromEntries(THRESHOLDS.map((t) => [String(t), { all: 0, direct: 0, indirect: 0 }])),
    exactMatched: 0,
    source: { n: 0, correct: 0, goldNull: 0, goldNullPredNull: 0 },
    speaker: { n: 0, correct: 0, strictCorrect: 0 },
    byCue: Object.fromEntries(CUE_CLASSES.map((c) => [c, { gold: 0, predicted: 0, matchedGold: 0, matchedPred: 0 }])) as Counts['byCue'],
    speakerByMention: Object.fromEntries(MENTION_CLASSES.map((c) => [c, { n: 0, strictCorrect: 0 }])) as Counts['speakerByMention'],
  };
}

/** How scoreArticle reads the predictions. */
export interface ScoreOptions {
  /** PolNeAR's convention: a quote that names the quote it continues counts as more spans of it (classes.ts). */
  joinContinuations?: boolean;
}

/**
 * Score one article. `article`: a corpus line ({ id, text, attributions }); `extraction`: extract()'s result.
 * Returns { counts, details }: counts are summable (see aggregate); details list the errors for a misses dump:
 * { fn: [gold index], fp: [pred index], src: [{pred, gold}], bound: [{pred, gold, fraction}], spk: [{pred, gold}] }
 * plus the matches, for inspection.
 */
export function scoreArticle(
  article: Article,
  extraction: Extraction | null | undefined,
  thresholds: readonly number[] = THRESHOLDS,
  options: ScoreOptions = {},
): Scored {
  const text = article.text ?? '';
  const counts = emptyCounts();
  if (thresholds !== THRESHOLDS)
    counts.matched = Object.fromEntries(thresholds.map((t) => [String(t), { all: 0, direct: 0, indirect: 0 }]));
  counts.articles = 1;

  // gold, minus empty contents
  const golds: GoldItem[] = [];
  for (const a of article.attributions ?? []) {
    const iv = trimContent(text, goldSpans(a.content));
    if (iv.length === 0) {
      counts.goldEmpty++;
      continue;
    }
    golds.push({ attr: a, iv, direct: a.direct === true });
  }
  counts.gold = golds.length;
  counts.goldDirect = golds.filter((g) => g.direct).length;
  counts.goldIndirect = counts.gold - counts.goldDirect;

  // predictions
  const quotes = options.joinContinuations ? joinContinuations(extraction?.quotes ?? []) : (extraction?.quotes ?? []);
  const speakers = extraction?.speakers ?? [];
  const preds = quotes.map((q): PredItem => {
    const raw = quoteContentSpans(q);
    for (const sp of [...(q.spans ?? []), q.content].filter(Boolean)) {
      if (
        !(sp.start >= 0 && sp.end >= sp.start && sp.end <= text.length) ||
        (typeof sp.text === 'string' && sp.text !== text.slice(sp.start, sp.end))
      ) {
        counts.predictedBadSpans++;
        break;
      }
    }
    return { quote: q, raw, iv: trimContent(text, raw) };
  });
  counts.predicted = preds.length;
  counts.predictedEmpty = preds.filter((p) => p.iv.length === 0).length;
  const seen = new Set<string>();
  for (const p of preds) {
    if (p.iv.length === 0) continue;
    const k = JSON.stringify(p.iv);
    if (seen.has(k)) counts.predictedDuplicates++;
    seen.add(k);
  }

  const P = preds.map((p) => p.iv);
  const G = golds.map((g) => g.iv);
  const matches: Record<string, Pair[]> = {};
  for (const t of thresholds) {
    const pairs = greedyMatch(P, G, t);
    matches[String(t)] = pairs;
    const c = counts.matched[String(t)];
    c.all = pairs.length;
    c.direct = pairs.filter((m) => golds[m.gold].direct).length;
    c.indirect = c.all - c.direct;
  }
  const exact = exactMatch(P, G);
  counts.exactMatched = exact.length;

  // source and speaker, on the pairs matched at the attribution threshold
  const at = thresholds.includes(ATTRIBUTION_THRESHOLD) ? ATTRIBUTION_THRESHOLD : Math.min(...thresholds);
  const base = matches[String(at)] ?? [];
  const src: ScoreDetails['src'] = [];
  const spk: ScoreDetails['spk'] = [];
  const strictOk = new Set<number>();
  for (const m of base) {
    const g = golds[m.gold].attr;
    const q = preds[m.pred].quote;
    const gs = goldSpans(g.source);
    if (gs.length === 0) {
      counts.source.goldNull++;
      if (!q.source) counts.source.goldNullPredNull++;
    } else {
      counts.source.n++;
      const ok = !!q.source && spansOverlap([[q.source.start, q.source.end]], gs);
      if (ok) counts.source.correct++;
      else src.push({ pred: m.pred, gold: m.gold });
    }
    if (g.reference) {
      counts.speaker.n++;
      const speaker = q.speakerId == null ? undefined : speakers.find((s) => s.id === q.speakerId);
      if (speakerMatchesReference(speaker, g.reference)) counts.speaker.correct++;
      else spk.push({ pred: m.pred, gold: m.gold });
      if (speakerMatchesReference(speaker, g.reference, true)) {
        counts.speaker.strictCorrect++;
        strictOk.add(m.gold);
      }
    }
  }

  countClasses(counts, text, golds, preds, base, strictOk);

  const matchedG = new Set(base.map((m) => m.gold));
  const matchedP = new Set(base.map((m) => m.pred));
  const tight = Math.max(...thresholds);
  const tightPairs = new Set((matches[String(tight)] ?? []).map((m) => `${m.pred}:${m.gold}`));
  const details: ScoreDetails = {
    golds,
    preds,
    matches,
    exact,
    fn: golds.map((_, i) => i).filter((i) => !matchedG.has(i)),
    fp: preds.map((_, i) => i).filter((i) => !matchedP.has(i)),
    src,
    spk,
    // matched loosely but not at the tight threshold: boundary errors
    bound: base.filter((m) => !tightPairs.has(`${m.pred}:${m.gold}`)),
  };
  return { counts, details };
}

/**
 * The per-class counts of one article: cue classes of gold and predictions (matched at the attribution threshold),
 * and strict speaker accuracy by the class of the gold source mention. `strict`: matched gold indices whose
 * speaker passed the strict check.
 */
function countClasses(counts: Counts, text: string, golds: GoldItem[], preds: PredItem[], base: Pair[], strict: Set<number>): void {
  const goldClass = golds.map((g) => cueClassOf(g.attr.cue?.text));
  const predClass = preds.map((p) => cueClassOf(p.quote.cue?.span.text));
  for (const c of goldClass) counts.byCue[c].gold++;
  for (const c of predClass) counts.byCue[c].predicted++;
  for (const m of base) {
    counts.byCue[goldClass[m.gold]].matchedGold++;
    counts.byCue[predClass[m.pred]].matchedPred++;
    const g = golds[m.gold].attr;
    if (!g.reference) continue;
    const src = goldSpans(g.source);
    const cls = mentionClassOf(g.source?.text, src.length > 0 && opensSentence(text, src[0][0]));
    counts.speakerByMention[cls].n++;
    if (strict.has(m.gold)) counts.speakerByMention[cls].strictCorrect++;
  }
}

const CUE_COUNT_KEYS = ['gold', 'predicted', 'matchedGold', 'matchedPred'] as const satisfies readonly (keyof CueClassCounts)[];

/** Sum article counts (micro-averaging). */
export function sumCounts(list: readonly Counts[]): Counts {
  const total = emptyCounts();
  total.matched = {};
  for (const c of list) {
    for (const k of SCALAR_COUNT_KEYS) total[k] += c[k];
    for (const [t, m] of Object.entries(c.matched)) {
      total.matched[t] ??= { all: 0, direct: 0, indirect: 0 };
      const tm = total.matched[t];
      tm.all += m.all;
      tm.direct += m.direct;
      tm.indirect += m.indirect;
    }
    for (const k of Object.keys(total.source) as Array<keyof SourceCounts>) total.source[k] += c.source[k];
    for (const k of Object.keys(total.speaker) as Array<keyof SpeakerCounts>) total.speaker[k] += c.speaker[k];
    for (const k of CUE_CLASSES) for (const f of CUE_COUNT_KEYS) total.byCue[k][f] += c.byCue[k][f];
    for (const k of MENTION_CLASSES) {
      total.speakerByMention[k].n += c.speakerByMention[k].n;
      total.speakerByMention[k].strictCorrect += c.speakerByMention[k].strictCorrect;
    }
  }
  if (list.length === 0) total.matched = emptyCounts().matched;
  return total;
}

const ratio = (a: number, b: number): number => (b > 0 ? a / b : 0);
const ratioOrNull = (a: number, b: number): number | null => (b > 0 ? a / b : null);
export function prf(matched: number, predicted: number, gold: number): PRF {
  const precision = ratio(matched, predicted);
  const recall = ratio(matched, gold);
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/**
 * Metrics from summed counts (or a list of article counts). Micro-averaged: every ratio is computed from
 * corpus-wide sums. Shape:
 * { articles, gold, goldDirect, goldIndirect, goldEmpty, predicted, predictedEmpty, predictedDuplicates,
 *   predictedBadSpans,
 *   match: { "0.3": { matched, precision, recall, f1, matchedDirect, matchedIndirect, recallDirect, recallIndirect }, "0.8": … },
 *   exact: { matched, precision, recall, f1 },
 *   source: { n, correct, accuracy|null, goldNull, goldNullPredNull },
 *   speaker: { n, correct, accuracy|null, strictCorrect, strictAccuracy|null } }
 */
export function aggregate(countsOrList: Counts | Counts[]): Metrics {
  const c = Array.isArray(countsOrList) ? sumCounts(countsOrList) : countsOrList;
  const match: Record<string, MatchMetrics> = {};
  for (const [t, m] of Object.entries(c.matched)) {
    match[t] = {
      matched: m.all,
      ...prf(m.all, c.predicted, c.gold),
      matchedDirect: m.direct,
      matchedIndirect: m.indirect,
      recallDirect: ratio(m.direct, c.goldDirect),
      recallIndirect: ratio(m.indirect, c.goldIndirect),
    };
  }
  return {
    articles: c.articles,
    gold: c.gold,
    goldDirect: c.goldDirect,
    goldIndirect: c.goldIndirect,
    goldEmpty: c.goldEmpty,
    predicted: c.predicted,
    predictedEmpty: c.predictedEmpty,
    predictedDuplicates: c.predictedDuplicates,
    predictedBadSpans: c.predictedBadSpans,
    match,
    exact: { matched: c.exactMatched, ...prf(c.exactMatched, c.predicted, c.gold) },
    source: { ...c.source, accuracy: ratioOrNull(c.source.correct, c.source.n) },
    speaker: {
      n: c.speaker.n,
      correct: c.speaker.correct,
      accuracy: ratioOrNull(c.speaker.correct, c.speaker.n),
      strictCorrect: c.speaker.strictCorrect,
      strictAccuracy: ratioOrNull(c.speaker.strictCorrect, c.speaker.n),
    },
    byCue: Object.fromEntries(
      CUE_CLASSES.map((k) => {
        const b = c.byCue[k];
        return [k, { ...b, precision: ratioOrNull(b.matchedPred, b.predicted), recall: ratioOrNull(b.matchedGold, b.gold) }];
      }),
    ) as Metrics['byCue'],
    speakerByMention: Object.fromEntries(
      MENTION_CLASSES.map((k) => {
        const b = c.speakerByMention[k];
        return [k, { ...b, strictAccuracy: ratioOrNull(b.strictCorrect, b.n) }];
      }),
    ) as Metrics['speakerByMention'],
  };
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isInterval = (x: unknown): x is Interval =>
  Array.isArray(x) && x.length === 2 && typeof x[0] === 'number' && typeof x[1] === 'number';

/** Is `x` a gold part (null, or `{ text, spans: [[start, end], …] }`)? Returns what is wrong, or null. */
function goldPartProblem(x: unknown): string | null {
  if (x === null || x === undefined) return null;
  if (!isObject(x)) return 'not an object or null';
  if (typeof x.text !== 'string') return '`text` is not a string';
  if (!Array.isArray(x.spans) || !x.spans.every(isInterval)) return '`spans` is not a list of [start, end] number pairs';
  return null;
}

/**
 * Check that one parsed corpus line has the format of ../shared/corpora/README.md, as far as the scoring reads it:
 * throws `label:line: …` otherwise. The value itself is kept as it is (fields the scoring ignores stay).
 */
export function assertArticle(x: unknown, where = 'article'): asserts x is Article {
  function fail(what: string): never {
    throw new Error(`${where}: ${what}`);
  }
  if (!isObject(x)) fail('not a JSON object');
  for (const k of ['id', 'corpus', 'text']) if (x[k] !== undefined && typeof x[k] !== 'string') fail(`\`${k}\` is not a string`);
  const attributions: unknown = x.attributions;
  if (attributions === undefined) return;
  if (!Array.isArray(attributions)) fail('`attributions` is not a list');
  attributions.forEach((attr: unknown, n: number) => {
    if (!isObject(attr)) fail(`attribution ${n} is not an object`);
    for (const k of ['source', 'cue', 'content']) {
      const problem = goldPartProblem(attr[k]);
      if (problem) fail(`attribution ${n}, ${k}: ${problem}`);
    }
    if (attr.reference !== undefined && attr.reference !== null && typeof attr.reference !== 'string')
      fail(`attribution ${n}: \`reference\` is not a string or null`);
    if (attr.direct !== undefined && typeof attr.direct !== 'boolean') fail(`attribution ${n}: \`direct\` is not a boolean`);
  });
}

/** Parse JSONL text into articles (blank lines skipped; a bad line, or one not in the corpus format, throws with its number). */
export function parseJsonl(content: string, label = 'corpus'): Article[] {
  const out: Article[] = [];
  const lines = content.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(lines[i]);
    } catch (err) {
      throw new Error(`${label}:${i + 1}: invalid JSON (${err instanceof Error ? err.message : String(err)})`);
    }
    assertArticle(value, `${label}:${i + 1}`);
    out.push(value);
  }
  return out;
}

/** `text` around [start, end) with ±`width` characters, the span marked ⟦…⟧, white space collapsed. */
export function contextOf(text: string, start: number, end: number, width = 60): string {
  const s = Math.max(0, start);
  const e = Math.min(text.length, Math.max(s, end));
  const clean = (x: string): string => x.replace(/\s+/gu, ' ');
  return (
    (s - width > 0 ? '…' : '') +
    clean(text.slice(Math.max(0, s - width), s)) +
    '⟦' +
    clean(text.slice(s, e)) +
    '⟧' +
    clean(text.slice(e, e + width)) +
    (e + width < text.length ? '…' : '')
  );
}

const spanText = (sp: Span | null | undefined): string | null => (sp ? sp.text : null);
const extent = (spans: readonly Interval[]): Interval =>
  spans.length ? [Math.min(...spans.map((s) => s[0])), Math.max(...spans.map((s) => s[1]))] : [0, 0];

/** A gold attribution as a miss record shows it. */
export interface GoldRecord {
  content: string;
  source: string | null;
  cue: string | null;
  direct: boolean;
  reference: string | null;
  start: number;
  end: number;
  context: string;
}

/** A prediction as a miss record shows it. */
export interface PredRecord {
  content: string;
  kind: QuoteKind | null;
  cue: string | null;
  source: string | null;
  speaker: string | null;
  confidence: number | null;
  start: number;
  end: number;
  context: string;
}

/** One line of a misses dump (`id` is the article's). */
export type MissRecord =
  | ({ type: 'fn'; id: string | null } & GoldRecord)
  | ({ type: 'fp'; id: string | null } & PredRecord & { empty: boolean; bestGoldOverlap: number; bestGold: string | null })
  | {
      type: 'src';
      id: string | null;
      goldSource: string | null;
      predSource: string | null;
      goldSourceContext: string | null;
      predSourceContext: string | null;
      cue: string | null;
      predCue: string | null;
      content: string;
      direct: boolean;
    }
  | {
      type: 'spk';
      id: string | null;
      reference: string | null | undefined;
      speaker: string | null;
      mentions: string[];
      goldSource: string | null;
      predSource: string | null;
      context: string;
    }
  | {
      type: 'bound';
      id: string | null;
      overlap: number;
      gold: string;
      pred: string;
      kind: QuoteKind | null;
      direct: boolean;
      context: string;
    };

/**
 * Error-analysis records for one scored article, one object per error, ready to write as JSONL:
 * type "fn" (gold not found), "fp" (prediction matching no gold), "src" (matched, wrong source mention),
 * "spk" (matched, wrong speaker; corpora with reference only), "bound" (matched at 0.3 but not at 0.8).
 */
export function missRecords(article: Article, extraction: Extraction | null | undefined, details: ScoreDetails): MissRecord[] {
  const text = article.text ?? '';
  const id = article.id ?? null;
  const speakers = extraction?.speakers ?? [];
  const out: MissRecord[] = [];
  const goldRec = (g: GoldItem): GoldRecord => {
    const spans = goldSpans(g.attr.content);
    const [s, e] = extent(spans);
    return {
      content: sliceSpans(text, spans),
      source: g.attr.source?.text ?? null,
      cue: g.attr.cue?.text ?? null,
      direct: g.direct,
      reference: g.attr.reference ?? null,
      start: s,
      end: e,
      context: contextOf(text, s, e),
    };
  };
  const predRec = (p: PredItem): PredRecord => {
    const q = p.quote;
    const [s, e] = extent(p.raw);
    const speaker = q.speakerId == null ? null : speakers.find((x) => x.id === q.speakerId);
    return {
      content: sliceSpans(text, p.raw),
      kind: q.kind ?? null,
      cue: spanText(q.cue?.span),
      source: spanText(q.source),
      speaker: speaker ? speaker.name : null,
      confidence: q.confidence ?? null,
      start: s,
      end: e,
      context: contextOf(text, s, e),
    };
  };
  for (const i of details.fn) out.push({ type: 'fn', id, ...goldRec(details.golds[i]) });
  for (const i of details.fp) {
    const p = details.preds[i];
    let best = 0;
    let bestGold: GoldItem | null = null;
    for (const g of details.golds) {
      const f = overlapFraction(p.iv, g.iv);
      if (f > best) {
        best = f;
        bestGold = g;
      }
    }
    out.push({
      type: 'fp',
      id,
      ...predRec(p),
      empty: p.iv.length === 0,
      bestGoldOverlap: Math.round(best * 1000) / 1000,
      bestGold: bestGold ? sliceSpans(text, goldSpans(bestGold.attr.content)) : null,
    });
  }
  for (const { pred, gold } of details.src) {
    const g = details.golds[gold];
    const p = details.preds[pred];
    const gs = goldSpans(g.attr.source);
    const q = p.quote;
    const at = q.source ? [q.source.start, q.source.end] : extent(gs);
    out.push({
      type: 'src',
      id,
      goldSource: g.attr.source?.text ?? null,
      predSource: spanText(q.source),
      goldSourceContext: gs.length ? contextOf(text, ...extent(gs)) : null,
      predSourceContext: q.source ? contextOf(text, at[0], at[1]) : null,
      cue: g.attr.cue?.text ?? null,
      predCue: spanText(q.cue?.span),
      content: sliceSpans(text, goldSpans(g.attr.content)),
      direct: g.direct,
    });
  }
  for (const { pred, gold } of details.spk) {
    const g = details.golds[gold];
    const q = details.preds[pred].quote;
    const speaker = q.speakerId == null ? null : speakers.find((x) => x.id === q.speakerId);
    out.push({
      type: 'spk',
      id,
      reference: g.attr.reference,
      speaker: speaker ? speaker.name : null,
      mentions: speaker ? (speaker.mentions ?? []).map((m) => m.text) : [],
      goldSource: g.attr.source?.text ?? null,
      predSource: spanText(q.source),
      ...(() => {
        const [s, e] = extent(goldSpans(g.attr.content));
        return { context: contextOf(text, s, e) };
      })(),
    });
  }
  for (const { pred, gold, fraction } of details.bound) {
    const g = details.golds[gold];
    const p = details.preds[pred];
    const [s, e] = extent([...goldSpans(g.attr.content), ...p.raw]);
    out.push({
      type: 'bound',
      id,
      overlap: Math.round(fraction * 1000) / 1000,
      gold: sliceSpans(text, goldSpans(g.attr.content)),
      pred: sliceSpans(text, p.raw),
      kind: p.quote.kind ?? null,
      direct: g.direct,
      context: contextOf(text, s, e),
    });
  }
  return out;
}
