/**
 * Pins every scoring rule of scripts/metrics.ts (the corpus README's definitions) on made-up sentences.
 */
import { describe, expect, it } from 'vitest';
import type { Extraction, Quote, Speaker, Span } from '../src/types';
import * as M from '../scripts/metrics';
import type { Article, GoldAttribution, GoldPart, Interval } from '../scripts/metrics';
import { cueClassOf, joinContinuations, mentionClassOf } from '../scripts/classes';

// ---------- helpers: build gold and predictions from substrings of a made-up text ----------

/** Offsets of the `nth` occurrence of `sub` in `text`. */
function at(text: string, sub: string, nth = 0): Interval {
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = text.indexOf(sub, i + 1);
    if (i < 0) throw new Error(`"${sub}" not in text`);
  }
  return [i, i + sub.length];
}
const spanOf = (text: string, sub: string, nth = 0): Span => {
  const [start, end] = at(text, sub, nth);
  return { start, end, text: text.slice(start, end) };
};
const part = (text: string, subs: string | string[] | null): GoldPart | null => {
  if (subs == null) return null;
  const list = Array.isArray(subs) ? subs : [subs];
  const spans = list.map((s) => at(text, s));
  return { text: spans.map(([s, e]) => text.slice(s, e)).join(' '), spans };
};
function gold(
  text: string,
  g: { content: string | string[]; source?: string | null; cue?: string | null; reference?: string | null; direct?: boolean },
): GoldAttribution {
  const content = part(text, g.content)!;
  return {
    content,
    source: part(text, g.source ?? null),
    cue: part(text, g.cue ?? null),
    reference: g.reference ?? null,
    direct: g.direct ?? /[“”"]/.test(content.text),
  };
}
let qid = 0;
function quote(
  text: string,
  q: { content: string | string[]; source?: string | null; speakerId?: string | null; kind?: Quote['kind'] },
): Quote {
  const parts = (Array.isArray(q.content) ? q.content : [q.content]).map((s) => spanOf(text, s));
  const start = Math.min(...parts.map((p) => p.start));
  const end = Math.max(...parts.map((p) => p.end));
  return {
    id: `q${++qid}`,
    kind: q.kind ?? 'indirect',
    content: { start, end, text: text.slice(start, end) },
    ...(parts.length > 1 ? { spans: parts } : {}),
    cue: null,
    source: q.source ? spanOf(text, q.source) : null,
    speakerId: q.speakerId ?? null,
    paragraph: 0,
    sentence: 0,
    confidence: 1,
  };
}
function extraction(quotes: Quote[], speakers: Speaker[] = []): Extraction {
  return {
    schemaVersion: 1,
    document: { headline: null, dateline: null, sections: [], paragraphs: [], sentences: [], boilerplate: [] },
    speakers,
    quotes,
    claims: [],
  };
}
const article = (text: string, attributions: GoldAttribution[], id = 'synthetic'): Article => ({ id, text, attributions });
function score(a: Article, quotes: Quote[], speakers: Speaker[] = []) {
  const s = M.scoreArticle(a, extraction(quotes, speakers));
  return { metrics: M.aggregate([s.counts]), details: s.details };
}
const trimmed = (text: string, sub: string) => {
  const [s, e] = at(text, sub);
  const [ts, te] = M.trimSpan(text, s, e);
  return text.slice(ts, te);
};

// ---------- trimming ----------

describe('trimming', () => {
  it('strips white space and every kind of quotation mark', () => {
    const t = ' “Taxes will rise,” ‘Rates will fall’ "Prices hold" \'Wages grow\' «Jobs return» ';
    expect(trimmed(t, ' “Taxes will rise,” ')).toBe('Taxes will rise');
    expect(trimmed(t, '‘Rates will fall’')).toBe('Rates will fall');
    expect(trimmed(t, '"Prices hold"')).toBe('Prices hold');
    expect(trimmed(t, "'Wages grow'")).toBe('Wages grow');
    expect(trimmed(t, '«Jobs return»')).toBe('Jobs return');
  });

  it('strips edge punctuation , . ; : — – but keeps inner punctuation and ? !', () => {
    const t = 'x — the budget, sadly, is late; – : . ,  Why now? No way!';
    expect(trimmed(t, '— the budget, sadly, is late; – : . ,')).toBe('the budget, sadly, is late');
    expect(trimmed(t, 'Why now?')).toBe('Why now?');
    expect(trimmed(t, ' No way!')).toBe('No way!');
  });

  it('strips a leading lowercase "that ", also behind quotes and punctuation, but not a demonstrative "That"', () => {
    const t = 'She said that the plan failed. He said, “that the vote was rigged.” That looks unlikely.';
    expect(trimmed(t, 'that the plan failed.')).toBe('the plan failed');
    expect(trimmed(t, ', “that the vote was rigged.”')).toBe('the vote was rigged');
    expect(trimmed(t, 'That looks unlikely.')).toBe('That looks unlikely');
    // "that" glued to a word is not the complementizer
    const u = 'thatched roofs leak';
    expect(trimmed(u, 'thatched roofs leak')).toBe('thatched roofs leak');
  });

  it('can leave nothing', () => {
    const t = 'a “ , ” b';
    const [s, e] = at(t, '“ , ”');
    const [ts, te] = M.trimSpan(t, s, e);
    expect(te - ts).toBe(0);
  });

  it('trims each span of multi-span content on its own', () => {
    const t = '“We will win,” she said, “and we will govern.”';
    const iv = M.trimContent(t, [at(t, '“We will win,”'), at(t, '“and we will govern.”')]);
    expect(iv.map(([s, e]) => t.slice(s, e))).toEqual(['We will win', 'and we will govern']);
  });
});

// ---------- matching ----------

describe('overlap threshold', () => {
  // gold content "the new bridge will open in the spring of next year" (51 chars)
  const text = 'The mayor said that the new bridge will open in the spring of next year, officials confirmed.';
  const a = article(text, [
    gold(text, { content: 'that the new bridge will open in the spring of next year', source: 'The mayor', cue: 'said' }),
  ]);

  it('measures overlap as a fraction of the gold trimmed length', () => {
    const g = M.trimContent(text, [at(text, 'that the new bridge will open in the spring of next year')]);
    const p = M.trimContent(text, [at(text, 'the new bridge will open')]);
    expect(M.overlapFraction(p, g)).toBeCloseTo(
      'the new bridge will open'.length / 'the new bridge will open in the spring of next year'.length,
      10,
    );
    // a prediction much longer than the gold still covers all of it
    const whole = M.trimContent(text, [[0, text.length]]);
    expect(M.overlapFraction(whole, g)).toBe(1);
  });

  it('a half overlap matches at t=0.3 but not at t=0.8', () => {
    const { metrics } = score(a, [quote(text, { content: 'the new bridge will open' })]); // 24/51 ≈ 0.47
    expect(metrics.match['0.3'].matched).toBe(1);
    expect(metrics.match['0.8'].matched).toBe(0);
    expect(metrics.exact.matched).toBe(0);
  });

  it('a large overlap matches at both thresholds', () => {
    const { metrics } = score(a, [quote(text, { content: 'the new bridge will open in the spring of next' })]); // 46/51
    expect(metrics.match['0.3'].matched).toBe(1);
    expect(metrics.match['0.8'].matched).toBe(1);
  });

  it('a small overlap does not match at all', () => {
    const { metrics } = score(a, [quote(text, { content: 'the new bridge' })]); // 14/51 ≈ 0.27
    expect(metrics.match['0.3'].matched).toBe(0);
    expect(metrics.match['0.3'].precision).toBe(0);
  });

  it('the threshold is inclusive', () => {
    const g: Interval[][] = [[[0, 10]]];
    expect(M.greedyMatch([[[0, 3]]], g, 0.3)).toHaveLength(1);
    expect(M.greedyMatch([[[0, 2]]], g, 0.3)).toHaveLength(0);
    expect(M.greedyMatch([[[2, 10]]], g, 0.8)).toHaveLength(1);
  });

  it('a prediction that swallows the gold and more matches at 0.8 (gold-side fraction)', () => {
    const { metrics } = score(a, [
      quote(text, { content: 'said that the new bridge will open in the spring of next year, officials confirmed' }),
    ]);
    expect(metrics.match['0.8'].matched).toBe(1);
  });
});

describe('one-to-one greedy matching', () => {
  it('two predictions over one gold give one match and one false positive', () => {
    const text = 'The minister said the tax would rise next year and would fall later.';
    const a = article(text, [gold(text, { content: 'the tax would rise next year and would fall later', source: 'The minister' })]);
    const { metrics, details } = score(a, [
      quote(text, { content: 'the tax would rise next year' }),
      quote(text, { content: 'the tax would rise next year and would fall later' }),
    ]);
    expect(metrics.predicted).toBe(2);
    expect(metrics.match['0.3'].matched).toBe(1);
    expect(metrics.match['0.3'].precision).toBe(0.5);
    expect(metrics.match['0.3'].recall).toBe(1);
    // the better (complete) prediction wins the gold
    expect(details.matches['0.3']).toEqual([{ pred: 1, gold: 0, fraction: 1 }]);
    expect(details.fp).toEqual([0]);
  });

  it('takes the best overlap first over all pairs, not the first prediction in text order', () => {
    // P0 covers G1 fully and part of G0; P1 covers most of G0
    const G: Interval[][] = [[[0, 10]], [[20, 30]]];
    const P: Interval[][] = [[[6, 30]], [[0, 9]]];
    // P0: G0 0.4, G1 1.0; P1: G0 0.9
    const pairs = M.greedyMatch(P, G, 0.3);
    expect(pairs).toEqual([
      { pred: 0, gold: 1, fraction: 1 },
      { pred: 1, gold: 0, fraction: 0.9 },
    ]);
  });

  it('greedy order can leave a gold unmatched (one-to-one)', () => {
    // P0 is best for G0 (1.0) and also overlaps G1 (0.5); P1 absent → G1 stays unmatched
    const G: Interval[][] = [[[0, 10]], [[10, 20]]];
    const pairs = M.greedyMatch([[[0, 15]]], G, 0.3);
    expect(pairs).toEqual([{ pred: 0, gold: 0, fraction: 1 }]);
  });

  it('on equal fractions prefers the tighter prediction', () => {
    const G: Interval[][] = [[[10, 20]]];
    const pairs = M.greedyMatch([[[0, 40]], [[10, 21]]], G, 0.8);
    expect(pairs).toEqual([{ pred: 1, gold: 0, fraction: 1 }]);
  });

  it('one prediction cannot match two gold attributions with the same content', () => {
    // nested attribution: the same content annotated for two sources
    const text = 'Aides said the senator told donors the race is close.';
    const a = article(text, [
      gold(text, { content: 'the race is close', source: 'the senator', cue: 'told' }),
      gold(text, { content: 'the race is close', source: 'Aides', cue: 'said' }),
    ]);
    const { metrics } = score(a, [quote(text, { content: 'the race is close', source: 'the senator' })]);
    expect(metrics.gold).toBe(2);
    expect(metrics.match['0.3'].matched).toBe(1);
    expect(metrics.exact.matched).toBe(1);
    expect(metrics.exact.recall).toBe(0.5);
  });

  it('counts duplicate predictions: only one matches', () => {
    const text = 'Officials said the road will close on Monday.';
    const a = article(text, [gold(text, { content: 'the road will close on Monday', source: 'Officials' })]);
    const { metrics } = score(a, [
      quote(text, { content: 'the road will close on Monday.' }),
      quote(text, { content: 'the road will close on Monday' }),
    ]);
    expect(metrics.predicted).toBe(2);
    expect(metrics.predictedDuplicates).toBe(1);
    expect(metrics.match['0.8'].matched).toBe(1);
    expect(metrics.exact.matched).toBe(1);
    expect(metrics.exact.precision).toBe(0.5);
  });
});

describe('multi-span content', () => {
  const text = '“We will win,” she said, “and we will govern for everyone.”';
  const a = article(text, [gold(text, { content: ['“We will win,”', '“and we will govern for everyone.”'], source: 'she', cue: 'said' })]);

  it('the same two spans are an exact match', () => {
    const { metrics } = score(a, [
      quote(text, { content: ['We will win', 'and we will govern for everyone'], source: 'she', kind: 'direct' }),
    ]);
    expect(metrics.exact.matched).toBe(1);
    expect(metrics.match['0.8'].matched).toBe(1);
  });

  it('uses quote.content when there are no spans: covers the gold but is not exact (the cue lies between)', () => {
    const { metrics } = score(a, [quote(text, { content: 'We will win,” she said, “and we will govern for everyone' })]);
    expect(metrics.match['0.8'].matched).toBe(1);
    expect(metrics.exact.matched).toBe(0);
  });

  it('counts the gold length over all its spans', () => {
    // "We will win" is 11 of 11 + 31 trimmed characters ≈ 0.26
    const { metrics } = score(a, [quote(text, { content: 'We will win' })]);
    expect(metrics.match['0.3'].matched).toBe(0);
    const r = score(a, [quote(text, { content: 'and we will govern for everyone' })]); // 31/42
    expect(r.metrics.match['0.3'].matched).toBe(1);
    expect(r.metrics.match['0.8'].matched).toBe(0);
  });
});

describe('exact match', () => {
  it('compares trimmed spans: quote marks, punctuation and "that " do not matter, words do', () => {
    const text = 'The senator said that “the bill is dead.” Later she said the bill is dead for now.';
    const a = article(text, [gold(text, { content: 'that “the bill is dead.”', source: 'The senator' })]);
    expect(score(a, [quote(text, { content: 'the bill is dead' })]).metrics.exact.matched).toBe(1);
    expect(score(a, [quote(text, { content: 'the bill is' })]).metrics.exact.matched).toBe(0);
    // same words elsewhere in the text are not the same span
    expect(score(a, [quote(text, { content: 'the bill is dead', kind: 'indirect' })]).metrics.exact.f1).toBe(1);
    const later = spanOf(text, 'the bill is dead', 1);
    const q = quote(text, { content: 'the bill is dead' });
    q.content = later;
    expect(score(a, [q]).metrics.exact.matched).toBe(0);
  });
});

// ---------- precision / recall / direct / indirect / micro-averaging ----------

describe('precision, recall and direct/indirect recall', () => {
  const text =
    '“Prices will fall,” the chancellor said. “Wages will rise,” she added. ' +
    'The bank said rates would stay put. Analysts said growth would slow.';
  const golds = [
    gold(text, { content: '“Prices will fall,”', source: 'the chancellor', direct: true }),
    gold(text, { content: '“Wages will rise,”', source: 'she', direct: true }),
    gold(text, { content: 'rates would stay put', source: 'The bank', direct: false }),
    gold(text, { content: 'growth would slow', source: 'Analysts', direct: false }),
  ];
  const a = article(text, golds);

  it('reports recall for direct and indirect gold separately', () => {
    const { metrics } = score(a, [
      quote(text, { content: 'Prices will fall', kind: 'direct' }),
      quote(text, { content: 'rates would stay put' }),
      quote(text, { content: 'growth would slow' }),
      quote(text, { content: 'the chancellor said' }), // no gold
    ]);
    expect(metrics.gold).toBe(4);
    expect(metrics.goldDirect).toBe(2);
    expect(metrics.goldIndirect).toBe(2);
    const m = metrics.match['0.3'];
    expect(m.matched).toBe(3);
    expect(m.precision).toBe(0.75);
    expect(m.recall).toBe(0.75);
    expect(m.f1).toBeCloseTo(0.75, 10);
    expect(m.recallDirect).toBe(0.5);
    expect(m.recallIndirect).toBe(1);
  });

  it('micro-averages over articles (sums, not a mean of ratios)', () => {
    const t1 = 'He said the port reopened.';
    const a1 = article(t1, [gold(t1, { content: 'the port reopened', source: 'He' })], 'a1');
    const s1 = M.scoreArticle(a1, extraction([quote(t1, { content: 'the port reopened' })]));
    const s2 = M.scoreArticle(a, extraction([]));
    const m = M.aggregate([s1.counts, s2.counts]);
    expect(m.articles).toBe(2);
    expect(m.gold).toBe(5);
    expect(m.match['0.3'].recall).toBe(1 / 5); // a macro average would give 0.5
    expect(m.match['0.3'].precision).toBe(1);
  });

  it('gives 0, not NaN, with nothing predicted, and null accuracies with nothing matched', () => {
    const { metrics } = score(a, []);
    expect(metrics.match['0.3']).toMatchObject({ precision: 0, recall: 0, f1: 0 });
    expect(metrics.exact.f1).toBe(0);
    expect(metrics.source.accuracy).toBeNull();
    expect(metrics.speaker.accuracy).toBeNull();
  });

  it('leaves empty gold out, keeps empty predictions as false positives', () => {
    const t = 'He said “ , ” and she said the talks failed.';
    const b = article(t, [gold(t, { content: '“ , ”', source: 'He' }), gold(t, { content: 'the talks failed', source: 'she' })]);
    const { metrics } = score(b, [quote(t, { content: '“ , ”' }), quote(t, { content: 'the talks failed' })]);
    expect(metrics.gold).toBe(1);
    expect(metrics.goldEmpty).toBe(1);
    expect(metrics.predicted).toBe(2);
    expect(metrics.predictedEmpty).toBe(1);
    expect(metrics.match['0.3'].matched).toBe(1);
    expect(metrics.match['0.3'].precision).toBe(0.5);
  });
});

// ---------- source and speaker ----------

describe('source-mention accuracy', () => {
  const text = 'The foreign minister said the border is closed. Reports say the border will reopen. A spokesman insisted talks continue.';
  const a = article(text, [
    gold(text, { content: 'the border is closed', source: 'The foreign minister', cue: 'said' }),
    gold(text, { content: 'the border will reopen', source: null, cue: 'say' }),
    gold(text, { content: 'talks continue', source: 'A spokesman', cue: 'insisted' }),
  ]);

  it('counts overlapping source mentions as right, other or missing mentions as wrong, and excludes gold without a source', () => {
    const { metrics, details } = score(a, [
      quote(text, { content: 'the border is closed', source: 'minister' }), // overlaps the gold mention: right
      quote(text, { content: 'the border will reopen', source: null }), // gold source null: excluded
      quote(text, { content: 'talks continue', source: 'The foreign minister' }), // wrong mention
    ]);
    expect(metrics.source).toMatchObject({ n: 2, correct: 1, accuracy: 0.5, goldNull: 1, goldNullPredNull: 1 });
    expect(details.src).toHaveLength(1);
  });

  it('a missing predicted source is wrong where gold has one', () => {
    const { metrics } = score(a, [quote(text, { content: 'the border is closed' })]);
    expect(metrics.source).toMatchObject({ n: 1, correct: 0, accuracy: 0 });
  });

  it('only matched pairs count', () => {
    const { metrics } = score(a, [quote(text, { content: 'The foreign', source: 'The foreign minister' })]);
    expect(metrics.source.n).toBe(0);
  });
});

describe('speaker accuracy', () => {
  const text = 'Chief Darian Lonechild said the band will appeal. The White House said the order stands. Al Smith said taxes rise.';
  const a = article(text, [
    gold(text, { content: 'the band will appeal', source: 'Chief Darian Lonechild', reference: 'Darian Lonechild' }),
    gold(text, { content: 'the order stands', source: 'The White House', reference: 'the White House' }),
    gold(text, { content: 'taxes rise', source: 'Al Smith', reference: 'Al Gore' }),
  ]);
  const mention = (sub: string): Span => spanOf(text, sub);
  const speaker = (id: string, name: string, mentions: string[]): Speaker => ({
    id,
    name,
    kind: 'person',
    aliases: [],
    mentions: mentions.map(mention),
  });

  it('shares a word of ≥3 letters with the reference, in the name or a mention, case-insensitively', () => {
    expect(M.speakerMatchesReference(speaker('s', 'LONECHILD', []), 'Darian Lonechild')).toBe(true);
    expect(M.speakerMatchesReference(speaker('s', 'the chief', ['Lonechild']), 'Darian Lonechild')).toBe(true);
    expect(M.speakerMatchesReference(speaker('s', 'Al Smith', ['Al Smith']), 'Al Gore')).toBe(false); // "al" is too short
    expect(M.speakerMatchesReference(undefined, 'Darian Lonechild')).toBe(false);
    // the README's rule counts "the"; the strict variant does not
    expect(M.speakerMatchesReference(speaker('s', 'the official', []), 'the White House')).toBe(true);
    expect(M.speakerMatchesReference(speaker('s', 'the official', []), 'the White House', true)).toBe(false);
    // the README's strict rule ignores honorifics too, and counts aliases
    expect(M.speakerMatchesReference(speaker('s', 'Mrs Roe', []), 'Mrs Doe', true)).toBe(false);
    expect(M.speakerMatchesReference(speaker('s', 'Mrs Roe', []), 'Mrs Doe')).toBe(true);
    const aliased: Speaker = { ...speaker('s', 'the chief', []), aliases: ['Darian Lonechild'] };
    expect(M.speakerMatchesReference(aliased, 'Lonechild', true)).toBe(true);
  });

  it('resolves quote.speakerId among the speakers and scores matched pairs with a reference', () => {
    const speakers = [speaker('s1', 'Darian Lonechild', ['Chief Darian Lonechild']), speaker('s2', 'Al Smith', ['Al Smith'])];
    const { metrics } = score(
      a,
      [
        quote(text, { content: 'the band will appeal', source: 'Chief Darian Lonechild', speakerId: 's1' }), // right
        quote(text, { content: 'the order stands', source: 'The White House', speakerId: null }), // unresolved: wrong
        quote(text, { content: 'taxes rise', source: 'Al Smith', speakerId: 's2' }), // shares only "al": wrong
      ],
      speakers,
    );
    expect(metrics.speaker).toMatchObject({ n: 3, correct: 1 });
    expect(metrics.speaker.accuracy).toBeCloseTo(1 / 3, 10);
  });

  it('a speakerId that names no speaker is wrong', () => {
    const { metrics } = score(
      a,
      [quote(text, { content: 'the band will appeal', speakerId: 'nobody' })],
      [speaker('s1', 'Darian Lonechild', [])],
    );
    expect(metrics.speaker).toMatchObject({ n: 1, correct: 0 });
  });

  it('is n/a without references', () => {
    const t = 'He said the port reopened.';
    const b = article(t, [gold(t, { content: 'the port reopened', source: 'He' })]);
    const { metrics } = score(b, [quote(t, { content: 'the port reopened', speakerId: 's1' })], [speaker('s1', 'Jane Doe', [])]);
    expect(metrics.speaker.n).toBe(0);
    expect(metrics.speaker.accuracy).toBeNull();
  });
});

// ---------- misses dump ----------

describe('miss records', () => {
  it('lists false negatives, false positives, wrong sources and boundary errors with context', () => {
    const text = 'The minister said the tax will rise. The mayor warned that the bridge may close soon for repairs. Weather is fine.';
    const a = article(
      text,
      [
        gold(text, { content: 'the tax will rise', source: 'The minister', cue: 'said' }),
        gold(text, { content: 'that the bridge may close soon for repairs', source: 'The mayor', cue: 'warned' }),
        gold(text, { content: 'Weather is fine', source: null }),
      ],
      'art-1',
    );
    const quotes = [
      quote(text, { content: 'the tax will rise', source: 'The mayor' }), // matched, wrong source
      quote(text, { content: 'the bridge may close', source: 'The mayor' }), // matched at 0.3 only
      quote(text, { content: 'The minister said' }), // false positive
    ];
    const s = M.scoreArticle(a, extraction(quotes));
    const recs = M.missRecords(a, extraction(quotes), s.details);
    const types = recs.map((r) => r.type).sort();
    expect(types).toEqual(['bound', 'fn', 'fp', 'src']);
    for (const r of recs) expect(r.id).toBe('art-1');
    const fn = recs.find((r) => r.type === 'fn')!;
    expect(fn).toMatchObject({ content: 'Weather is fine', source: null, direct: false });
    expect(fn.context).toContain('⟦Weather is fine⟧');
    const fp = recs.find((r) => r.type === 'fp')!;
    expect(fp).toMatchObject({ content: 'The minister said', kind: 'indirect', source: null });
    const src = recs.find((r) => r.type === 'src')!;
    expect(src).toMatchObject({ goldSource: 'The minister', predSource: 'The mayor' });
  });
});

// ---------- PolNeAR's reading of follow-on quotes, and the per-class tables ----------

describe('continuations joined (PolNeAR)', () => {
  const text = '“We won,” the senator said. “Now the work begins.” Aides cheered. Critics said the vote was rigged.';
  const a = article(text, [gold(text, { content: ['We won', 'Now the work begins'], source: 'the senator' })]);
  const q1 = quote(text, { content: 'We won', source: 'the senator' });
  const q2 = { ...quote(text, { content: 'Now the work begins' }), continues: q1.id };
  const q3 = quote(text, { content: 'the vote was rigged', source: 'Critics' });

  it('folds a quote that continues another into it as more spans, along the whole chain', () => {
    const q4 = { ...quote(text, { content: 'Aides cheered' }), continues: q2.id };
    const joined = joinContinuations([q1, q2, q3, q4]);
    expect(joined.map((q) => q.id)).toEqual([q1.id, q3.id]);
    expect(joined[0].spans?.map((s) => s.text)).toEqual(['We won', 'Now the work begins', 'Aides cheered']);
    expect(joined[1]).toBe(q3);
  });

  it('ignores a continues that names no quote', () => {
    const stray = { ...q2, continues: 'q999' };
    expect(joinContinuations([q1, stray])).toEqual([q1, stray]);
  });

  it('scores the joined quote as one exact match only when asked', () => {
    const plain = M.aggregate([M.scoreArticle(a, extraction([q1, q2, q3])).counts]);
    const joined = M.aggregate([M.scoreArticle(a, extraction([q1, q2, q3]), M.THRESHOLDS, { joinContinuations: true }).counts]);
    expect(plain.exact.matched).toBe(0);
    expect(plain.predicted).toBe(3);
    expect(joined.exact.matched).toBe(1);
    expect(joined.predicted).toBe(2);
    expect(joined.source.correct).toBe(1);
  });
});

describe('classes of cue and of mention', () => {
  it('classes a cue by its text', () => {
    expect(cueClassOf('said')).toBe('said');
    expect(cueClassOf('told reporters')).toBe('said');
    expect(cueClassOf('according to')).toBe('according to');
    expect(cueClassOf(':')).toBe('colon');
    expect(cueClassOf('—')).toBe('colon');
    expect(cueClassOf('called')).toBe('naming');
    expect(cueClassOf('described')).toBe('naming');
    expect(cueClassOf(null)).toBe('no cue');
    expect(cueClassOf('  ')).toBe('no cue');
  });

  it('classes a gold source mention as name, pronoun, description or follow-on', () => {
    expect(mentionClassOf('Mr Dunn')).toBe('name');
    expect(mentionClassOf('the Home Office')).toBe('name');
    expect(mentionClassOf('Dunn')).toBe('name');
    expect(mentionClassOf('Officials', true)).toBe('description');
    expect(mentionClassOf('she')).toBe('pronoun');
    expect(mentionClassOf('the prime minister')).toBe('description');
    expect(mentionClassOf(null)).toBe('follow-on');
  });

  it('counts precision and recall per cue class and strict speaker accuracy per mention class', () => {
    const t = 'Jo Ames said the plant will close. She said jobs will go. The mayor called it “a disaster”.';
    const g = [
      { ...gold(t, { content: 'the plant will close', source: 'Jo Ames', cue: 'said', reference: 'Jo Ames' }) },
      { ...gold(t, { content: 'jobs will go', source: 'She', cue: 'said', reference: 'Jo Ames' }) },
      { ...gold(t, { content: 'a disaster', source: 'The mayor', cue: 'called', reference: 'Lee Bo' }) },
    ];
    const ames: Speaker = { id: 's1', name: 'Jo Ames', kind: 'person', aliases: [], mentions: [] } as unknown as Speaker;
    const said = (q: Quote): Quote => ({ ...q, cue: { span: spanOf(t, 'said'), lemma: 'say', stance: 'neutral' } });
    const preds = [
      said(quote(t, { content: 'the plant will close', source: 'Jo Ames', speakerId: 's1' })),
      said(quote(t, { content: 'jobs will go', source: 'She', speakerId: null })),
    ];
    const m = M.aggregate([M.scoreArticle(article(t, g), extraction(preds, [ames])).counts]);
    expect(m.byCue.said).toMatchObject({ gold: 2, predicted: 2, precision: 1, recall: 1 });
    expect(m.byCue.naming).toMatchObject({ gold: 1, predicted: 0, precision: null, recall: 0 });
    expect(m.speakerByMention.name).toMatchObject({ n: 1, strictCorrect: 1, strictAccuracy: 1 });
    expect(m.speakerByMention.pronoun).toMatchObject({ n: 1, strictCorrect: 0, strictAccuracy: 0 });
    expect(m.speakerByMention.description.strictAccuracy).toBeNull();
  });
});
