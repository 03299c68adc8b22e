/**
 * The learned check-worthiness model: its shipped weights (size, shape), reproducible training, the task's MAP, and
 * the scores and reasons it gives claims.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DENSE_NAMES, fromBase64, ngramWeights, type CheckModel } from '../src/claims/checkmodel';
import { ngramBuckets } from '../src/claims/ngrams';
import { REASONS } from '../src/claims/reasons';
import { storyTokens } from '../src/claims/tokens';
import { extract } from '../src/index';
import { type ClefDoc, parseClef, samplesOf } from '../scripts/checkworthy-data';
import { averagePrecision, lineScores, meanAveragePrecision } from '../scripts/checkworthy-eval';
import { DEFAULT_TRAIN, train } from '../scripts/checkworthy-train';
import { modelFile } from '../scripts/train-checkworthy';

const MODEL_URL = new URL('../src/model/checkworthy.json', import.meta.url);
const model: CheckModel = JSON.parse(readFileSync(MODEL_URL, 'utf8'));
const CORPUS = new URL('../../shared/corpora/clef2019-train.jsonl', import.meta.url);

/** A small made-up debate: statements with numbers and records are the checked ones. */
const TOY: ClefDoc[] = [
  {
    id: 'toy-1',
    lines: [
      { n: 1, speaker: 'A', text: 'Good evening and welcome.', label: 0 },
      { n: 2, speaker: 'B', text: 'Unemployment fell to 4 percent last year, the lowest in 50 years.', label: 1 },
      { n: 3, speaker: 'A', text: 'Thank you.', label: 0 },
      { n: 4, speaker: 'C', text: 'I think we can do better for our families.', label: 0 },
      { n: 5, speaker: 'C', text: 'We spent $6 trillion in the Middle East since 2001.', label: 1 },
    ],
  },
  {
    id: 'toy-2',
    lines: [
      { n: 1, speaker: 'A', text: 'Let us move on to the next question.', label: 0 },
      { n: 2, speaker: 'B', text: 'Crime went up 20 percent in the city under his watch.', label: 1 },
      { n: 3, speaker: 'C', text: 'That is not true, and everybody knows it.', label: 0 },
      { n: 4, speaker: 'C', text: 'The deficit doubled during those eight years.', label: 1 },
    ],
  },
];
const QUICK = { ...DEFAULT_TRAIN, epochs: 30 };

describe('the shipped model', () => {
  it('is at most 1 MB', () => {
    expect(statSync(MODEL_URL).size).toBeLessThanOrEqual(1024 * 1024);
  });

  it('holds trained weights for every feature and n-gram bucket', () => {
    const w = ngramWeights(model);
    expect(w.length).toBe(1 << model.bits);
    expect(w.some((x) => x > 0) && w.some((x) => x < 0)).toBe(true);
    for (const name of DENSE_NAMES) expect(Number.isFinite(model.dense[name])).toBe(true);
    expect(model.hand).toBeGreaterThan(0);
  });

  it('decodes base64 as Node does', () => {
    const bytes = Uint8Array.from({ length: 50 }, (_, i) => (i * 37 + 11) & 0xff);
    for (const n of [48, 49, 50]) expect(fromBase64(Buffer.from(bytes.slice(0, n)).toString('base64'))).toEqual(bytes.slice(0, n));
    expect(() => fromBase64('ab!c')).toThrow(RangeError);
  });
});

describe('n-grams', () => {
  it('hashes unigrams and bigrams once each, numbers as one word, quote marks left out', () => {
    const a = ngramBuckets(storyTokens('“Taxes rose 5 percent.”'), 14);
    expect(a).toEqual(ngramBuckets(storyTokens('taxes rose 17 percent.'), 14));
    expect(a).not.toEqual(ngramBuckets(storyTokens('percent rose 5 taxes.'), 14));
    expect([...a].sort((x, y) => x - y)).toEqual(a);
    expect(new Set(a).size).toBe(a.length);
    // 5 tokens: 5 unigrams, 6 bigrams with the start and end (some may share a bucket)
    expect(a.length).toBeLessThanOrEqual(11);
    expect(a.length).toBeGreaterThanOrEqual(9);
  });
});

describe('training', () => {
  it('is reproducible: the same data and seed give the same weights, other data other weights', () => {
    const samples = samplesOf(TOY, QUICK.bits);
    const one = JSON.stringify(modelFile(train(samples, QUICK), QUICK, 'toy', samples));
    const two = JSON.stringify(modelFile(train(samplesOf(TOY, QUICK.bits), QUICK), QUICK, 'toy', samples));
    expect(two).toBe(one);
    const other = JSON.stringify(modelFile(train(samples.slice(0, 6), QUICK), QUICK, 'toy', samples));
    expect(other).not.toBe(one);
  });

  it('learns: the toy debates ranked by the trained model put the checked statements first', () => {
    const samples = samplesOf(TOY, QUICK.bits);
    const w = train(samples, { ...QUICK, handWeight: 0 });
    const byDoc = TOY.map((_, d) => samples.filter((s) => s.doc === d));
    const score = (s: (typeof samples)[number]) => w.bias + s.buckets.reduce((z, b) => z + w.ngrams[b], 0);
    expect(meanAveragePrecision(byDoc.map((ss) => [ss.map(score), ss.map((s) => s.label)]))).toBe(1);
  });

  it.skipIf(!existsSync(CORPUS))('is reproducible on a slice of the CLEF 2019 training debates', () => {
    const docs = parseClef(readFileSync(CORPUS, 'utf8')).slice(0, 2);
    const samples = samplesOf(docs, QUICK.bits);
    const a = modelFile(train(samples, QUICK), QUICK, 'slice', samples);
    const b = modelFile(train(samplesOf(docs, QUICK.bits), QUICK), QUICK, 'slice', samplesOf(docs, QUICK.bits));
    expect(b).toEqual(a);
    expect(a.ngrams).not.toBe(model.ngrams);
  });
});

describe('MAP as CLEF 2019 Task 1 defines it', () => {
  it('averages precision at the ranks of the positives; ties keep the document order', () => {
    // ranks of positives: 1 and 3 → (1/1 + 2/3) / 2
    expect(averagePrecision([0.9, 0.8, 0.7, 0.1], [1, 0, 1, 0])).toBeCloseTo(5 / 6, 10);
    expect(averagePrecision([0, 0, 0], [0, 0, 1])).toBeCloseTo(1 / 3, 10);
    expect(averagePrecision([1, 2], [0, 0])).toBeNull();
    expect(
      meanAveragePrecision([
        [
          [1, 0],
          [1, 0],
        ],
        [
          [1, 0],
          [0, 1],
        ],
        [[1], [0]],
      ]),
    ).toBeCloseTo(0.75, 10);
  });

  it('gives each line the best score of the claims over it, 0 where there is none', () => {
    const doc: ClefDoc = {
      id: 'd',
      lines: [
        { n: 1, speaker: 'A', text: 'Hello there.', label: 0 },
        { n: 2, speaker: 'B', text: 'Taxes rose 5 percent in 2019 under the new law.', label: 1 },
      ],
    };
    const text = doc.lines.map((l) => l.text).join('\n');
    const scores = lineScores(doc, extract(text));
    expect(scores[0]).toBe(0);
    expect(scores[1]).toBeGreaterThan(0);
  });
});

describe('scores and reasons', () => {
  const text = readFileSync(new URL('../fixtures/article.txt', import.meta.url), 'utf8');
  const claims = extract(text, { publishedAt: '2023-05-02' }).claims;

  it('scores every claim in 0..1 and explains the high ones', () => {
    expect(claims.length).toBeGreaterThan(10);
    for (const c of claims) {
      expect(c.checkworthiness).toBeGreaterThanOrEqual(0);
      expect(c.checkworthiness).toBeLessThanOrEqual(1);
      for (const r of c.reasons) expect(REASONS).toContain(r);
      if (c.checkworthiness >= 0.5) expect(c.reasons.length).toBeGreaterThan(0);
    }
  });

  it('spreads the scores: few claims share one', () => {
    const distinct = new Set(claims.map((c) => c.checkworthiness)).size;
    expect(distinct).toBeGreaterThan(claims.length * 0.6);
  });
});
