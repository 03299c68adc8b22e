/**
 * Check-worthiness scoring as CLEF CheckThat! 2019 Task 1 defines it: each document's sentences ranked by score
 * (highest first; equal scores keep the document's order), average precision per document (the mean of precision@k
 * over the ranks k of its check-worthy sentences), and MAP, the mean over the documents that have any.
 *
 * `npm run eval -- file.jsonl` sends a file of such records here (scripts/eval.ts tells them by their shape): quotewire
 * (the build in dist/) reads each document's sentences joined by line breaks as one story, and a sentence scores the
 * highest check-worthiness of the claims that overlap it (0 when none does). The same table gives the baselines:
 * "has a number", sentence length (words), the hand-weighted reasons alone, and random order (mean of 20 seeds).
 */
import { readFileSync } from 'node:fs';
import type { Extraction } from '../src/types';
import { type ClefDoc, isClefRecord, parseClef, samplesOf, type Sample } from './checkworthy-data';

/** Average precision of one ranking: `scores[i]` and `labels[i]` (1: check-worthy) of sentence i; null with no positive. */
export function averagePrecision(scores: ArrayLike<number>, labels: ArrayLike<number>): number | null {
  const order = Array.from({ length: scores.length }, (_, i) => i);
  order.sort((a, b) => scores[b] - scores[a] || a - b);
  let hits = 0;
  let sum = 0;
  order.forEach((i, k) => {
    if (labels[i] !== 1) return;
    hits++;
    sum += hits / (k + 1);
  });
  return hits ? sum / hits : null;
}

/** Mean average precision over documents, each `[scores, labels]`; documents with no positive are left out. */
export function meanAveragePrecision(docs: ReadonlyArray<readonly [ArrayLike<number>, ArrayLike<number>]>): number {
  const aps = docs.map(([s, l]) => averagePrecision(s, l)).filter((x): x is number => x !== null);
  return aps.length ? aps.reduce((a, b) => a + b, 0) / aps.length : 0;
}

/** MAP of a score given to each sample (grouped by `doc`). */
export function mapOfSamples(samples: readonly Sample[], score: (s: Sample, i: number) => number): number {
  const byDoc = new Map<number, [number[], number[]]>();
  samples.forEach((s, i) => {
    let d = byDoc.get(s.doc);
    if (!d) {
      d = [[], []];
      byDoc.set(s.doc, d);
    }
    d[0].push(score(s, i));
    d[1].push(s.label);
  });
  return meanAveragePrecision([...byDoc.values()]);
}

/** A seeded generator of numbers in [0, 1) (mulberry32). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The baselines' MAP on samples: has a number, length, the hand-weighted reasons, random (mean of 20 seeds from `seed`). */
export function baselines(samples: readonly Sample[], seed = 1): Record<string, number> {
  let random = 0;
  for (let k = 0; k < 20; k++) {
    const r = seeded(seed + k);
    random += mapOfSamples(samples, () => r()) / 20;
  }
  return {
    'has a number': mapOfSamples(samples, (s) => (s.hasNumber ? 1 : 0)),
    'sentence length': mapOfSamples(samples, (s) => s.words),
    'hand-weighted reasons': mapOfSamples(samples, (s) => s.hand),
    random,
  };
}

/** Each line's score from an extraction of the lines joined by '\n': the best claim overlapping it, else 0. */
export function lineScores(doc: ClefDoc, extraction: Extraction): number[] {
  const scores = new Array<number>(doc.lines.length).fill(0);
  const starts: number[] = [];
  let at = 0;
  for (const l of doc.lines) {
    starts.push(at);
    at += l.text.length + 1;
  }
  let k = 0;
  const claims = [...extraction.claims].sort((a, b) => a.text.start - b.text.start);
  for (const c of claims) {
    while (k + 1 < starts.length && starts[k + 1] <= c.text.start) k++;
    for (let j = k; j < starts.length && starts[j] < c.text.end; j++) scores[j] = Math.max(scores[j], c.checkworthiness);
  }
  return scores;
}

/** Scores a CLEF-format file with `extract` and prints quotewire's MAP next to the baselines'. */
export function evalCheckworthyFile(file: string, extract: (text: string) => Extraction, limit = Infinity): void {
  const docs = parseClef(readFileSync(file, 'utf8'), file).slice(0, limit);
  const ranked = docs.map((d) => {
    const scores = lineScores(d, extract(d.lines.map((l) => l.text).join('\n')));
    return [scores, d.lines.map((l) => l.label)] as const;
  });
  const rows: [string, number][] = [['quotewire', meanAveragePrecision(ranked)], ...Object.entries(baselines(samplesOf(docs, 10)))];
  const positives = docs.reduce((n, d) => n + d.lines.filter((l) => l.label === 1).length, 0);
  const sentences = docs.reduce((n, d) => n + d.lines.length, 0);
  console.log(`${file}: ${docs.length} documents, ${sentences} sentences, ${positives} check-worthy`);
  for (const [name, map] of rows) console.log(`  MAP ${map.toFixed(3)}  ${name}`);
}

/** Does the file hold check-worthiness records (its first record has `lines` of `{text, label}`)? */
export function isClefFile(file: string): boolean {
  const first = readFileSync(file, 'utf8')
    .split('\n')
    .find((l) => l.trim());
  if (!first) return false;
  try {
    return isClefRecord(JSON.parse(first));
  } catch {
    return false;
  }
}
