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

/** The thresholds the library is reported at. */
export const THRESHOLDS = [0.3, 0.8];
/** The threshold source and speaker accuracy are measured at. */
export const ATTRIBUTION_THRESHOLD = 0.3;

const QUOTE_MARKS = '“”‘’"\'«»';
const EDGE_PUNCT = ',.;:—–';
const STRIP = new Set([...QUOTE_MARKS, ...EDGE_PUNCT]);

const isStrippable = (ch) => STRIP.has(ch) || /\s/u.test(ch);

/**
 * Trim one span [start, end) of `text` by the README's rules.
 * Returns the trimmed [start, end] (start === end when nothing is left).
 */
export function trimSpan(text, start, end) {
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
export function normalizeIntervals(intervals) {
  const sorted = intervals
    .filter(([s, e]) => e > s)
    .map(([s, e]) => [s, e])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out = [];
  for (const iv of sorted) {
    const last = out[out.length - 1];
    if (last && iv[0] <= last[1]) last[1] = Math.max(last[1], iv[1]);
    else out.push(iv);
  }
  return out;
}

/** Trim every span, then merge: the comparable form of one content. */
export function trimContent(text, spans) {
  return normalizeIntervals((spans ?? []).map(([s, e]) => trimSpan(text, s, e)));
}

/** Total length of normalized intervals. */
export function intervalLength(ivs) {
  let n = 0;
  for (const [s, e] of ivs) n += e - s;
  return n;
}

/** Characters shared by two normalized interval lists. */
export function intersectionLength(a, b) {
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
export function overlapFraction(pred, gold) {
  const g = intervalLength(gold);
  return g === 0 ? 0 : intersectionLength(pred, gold) / g;
}

export function sameIntervals(a, b) {
  return a.length === b.length && a.every(([s, e], k) => s === b[k][0] && e === b[k][1]);
}

/**
 * One-to-one greedy matching. `preds`, `golds`: normalized trimmed interval lists.
 * Candidate pairs are those with overlap fraction ≥ t (and some overlap at all); they are taken best first.
 * Ties: larger shared length, then the tighter prediction (higher share of the prediction inside the gold),
 * then text order (gold index, prediction index) — so the result is deterministic.
 * Returns [{ pred, gold, fraction }] (indices into the inputs).
 */
export function greedyMatch(preds, golds, t) {
  const cands = [];
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
  const usedP = new Set();
  const usedG = new Set();
  const pairs = [];
  for (const c of cands) {
    if (usedP.has(c.pred) || usedG.has(c.gold)) continue;
    usedP.add(c.pred);
    usedG.add(c.gold);
    pairs.push({ pred: c.pred, gold: c.gold, fraction: c.fraction });
  }
  return pairs;
}

/** One-to-one matching of identical (trimmed, non-empty) contents. */
export function exactMatch(preds, golds) {
  const byKey = new Map();
  preds.forEach((iv, p) => {
    if (iv.length === 0) return;
    const k = JSON.stringify(iv);
    if (!byKey.has(k)) byKey.set(k, []);
    byKey.get(k).push(p);
  });
  const pairs = [];
  golds.forEach((iv, g) => {
    if (iv.length === 0) return;
    const list = byKey.get(JSON.stringify(iv));
    if (list && list.length) pairs.push({ pred: list.shift(), gold: g, fraction: 1 });
  });
  return pairs;
}

/** Lowercased words of three or more letters. */
export function words3(s, ignore) {
  const out = new Set();
  for (const w of String(s ?? '')
    .normalize('NFC')
    .toLowerCase()
    .match(/\p{L}+/gu) ?? []) {
    if ([...w].length >= 3 && !(ignore && ignore.has(w))) out.add(w);
  }
  return out;
}

/** Function words a strict speaker check ignores ("the official" must not match "the White House"). */
export const FUNCTION_WORDS = new Set(
  'the and for with from that this these those his her hers its their theirs our ours your yours who whom whose which was were has had have are not but nor yet also than then there here into onto upon out off over under about after before said says she him they them'.split(
    ' ',
  ),
);

/**
 * Speaker check: does the speaker's name or one of its mention texts share a word (≥3 letters) with the
 * reference? With `strict`, function words do not count. No speaker → false.
 */
export function speakerMatchesReference(speaker, reference, strict = false) {
  if (!speaker || !reference) return false;
  const ignore = strict ? FUNCTION_WORDS : null;
  const ref = words3(reference, ignore);
  if (ref.size === 0) return false;
  const texts = [speaker.name, ...(speaker.mentions ?? []).map((m) => m?.text)];
  for (const t of texts) for (const w of words3(t, ignore)) if (ref.has(w)) return true;
  return false;
}

function spansOverlap(a, b) {
  for (const [s1, e1] of a) for (const [s2, e2] of b) if (Math.min(e1, e2) > Math.max(s1, s2)) return true;
  return false;
}

/** A predicted quote's content spans: `quote.spans ?? [quote.content]` (an empty `spans` array falls back too). */
export function quoteContentSpans(quote) {
  const parts = quote?.spans && quote.spans.length ? quote.spans : quote?.content ? [quote.content] : [];
  return parts.filter(Boolean).map((sp) => [sp.start, sp.end]);
}

const goldSpans = (part) => (part && Array.isArray(part.spans) ? part.spans.map(([s, e]) => [s, e]) : []);
const sliceSpans = (text, spans) => spans.map(([s, e]) => text.slice(s, e)).join(' … ');

function emptyCounts() {
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
  };
}

/**
 * Score one article. `article`: a corpus line ({ id, text, attributions }); `extraction`: extract()'s result.
 * Returns { counts, details }: counts are summable (see aggregate); details list the errors for a misses dump:
 * { fn: [gold index], fp: [pred index], src: [{pred, gold}], bound: [{pred, gold, fraction}], spk: [{pred, gold}] }
 * plus the matches, for inspection.
 */
export function scoreArticle(article, extraction, thresholds = THRESHOLDS) {
  const text = article.text ?? '';
  const counts = emptyCounts();
  if (thresholds !== THRESHOLDS)
    counts.matched = Object.fromEntries(thresholds.map((t) => [String(t), { all: 0, direct: 0, indirect: 0 }]));
  counts.articles = 1;

  // gold, minus empty contents
  const golds = [];
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
  const quotes = extraction?.quotes ?? [];
  const speakers = extraction?.speakers ?? [];
  const preds = quotes.map((q) => {
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
  const seen = new Set();
  for (const p of preds) {
    if (p.iv.length === 0) continue;
    const k = JSON.stringify(p.iv);
    if (seen.has(k)) counts.predictedDuplicates++;
    seen.add(k);
  }

  const P = preds.map((p) => p.iv);
  const G = golds.map((g) => g.iv);
  const matches = {};
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
  const src = [];
  const spk = [];
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
      if (speakerMatchesReference(speaker, g.reference, true)) counts.speaker.strictCorrect++;
    }
  }

  const matchedG = new Set(base.map((m) => m.gold));
  const matchedP = new Set(base.map((m) => m.pred));
  const tight = Math.max(...thresholds);
  const tightPairs = new Set((matches[String(tight)] ?? []).map((m) => `${m.pred}:${m.gold}`));
  const details = {
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

/** Sum article counts (micro-averaging). */
export function sumCounts(list) {
  const total = emptyCounts();
  total.matched = {};
  for (const c of list) {
    for (const k of [
      'articles',
      'gold',
      'goldDirect',
      'goldIndirect',
      'goldEmpty',
      'predicted',
      'predictedEmpty',
      'predictedDuplicates',
      'predictedBadSpans',
      'exactMatched',
    ])
      total[k] += c[k];
    for (const [t, m] of Object.entries(c.matched)) {
      total.matched[t] ??= { all: 0, direct: 0, indirect: 0 };
      const tm = total.matched[t];
      tm.all += m.all;
      tm.direct += m.direct;
      tm.indirect += m.indirect;
    }
    for (const k of Object.keys(total.source)) total.source[k] += c.source[k];
    for (const k of Object.keys(total.speaker)) total.speaker[k] += c.speaker[k];
  }
  if (list.length === 0) total.matched = emptyCounts().matched;
  return total;
}

const ratio = (a, b) => (b > 0 ? a / b : 0);
const ratioOrNull = (a, b) => (b > 0 ? a / b : null);
export function prf(matched, predicted, gold) {
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
export function aggregate(countsOrList) {
  const c = Array.isArray(countsOrList) ? sumCounts(countsOrList) : countsOrList;
  const match = {};
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
  };
}

/** Parse JSONL text into articles (blank lines skipped; a bad line throws with its number). */
export function parseJsonl(content, label = 'corpus') {
  const out = [];
  const lines = content.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].trim()) continue;
    try {
      out.push(JSON.parse(lines[i]));
    } catch (err) {
      throw new Error(`${label}:${i + 1}: invalid JSON (${err.message})`);
    }
  }
  return out;
}

/** `text` around [start, end) with ±`width` characters, the span marked ⟦…⟧, white space collapsed. */
export function contextOf(text, start, end, width = 60) {
  const s = Math.max(0, start);
  const e = Math.min(text.length, Math.max(s, end));
  const clean = (x) => x.replace(/\s+/gu, ' ');
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

const spanText = (sp) => (sp ? sp.text : null);
const extent = (spans) => (spans.length ? [Math.min(...spans.map((s) => s[0])), Math.max(...spans.map((s) => s[1]))] : [0, 0]);

/**
 * Error-analysis records for one scored article, one object per error, ready to write as JSONL:
 * type "fn" (gold not found), "fp" (prediction matching no gold), "src" (matched, wrong source mention),
 * "spk" (matched, wrong speaker; corpora with reference only), "bound" (matched at 0.3 but not at 0.8).
 */
export function missRecords(article, extraction, details) {
  const text = article.text ?? '';
  const id = article.id ?? null;
  const speakers = extraction?.speakers ?? [];
  const out = [];
  const goldRec = (g) => {
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
  const predRec = (p) => {
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
    let bestGold = null;
    details.golds.forEach((g) => {
      const f = overlapFraction(p.iv, g.iv);
      if (f > best) {
        best = f;
        bestGold = g;
      }
    });
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
