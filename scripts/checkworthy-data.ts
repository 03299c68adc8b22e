/**
 * Check-worthiness data in the CLEF 2019 CheckThat! Task 1 format (../shared/corpora/README.md): one debate or
 * speech a line, `{id, date, lines: [{n, speaker, text, label}]}`. Each sentence is read the way the claims stage
 * reads a claim: the debate's sentences joined by line breaks are one story, tokenised once (the shared tokens); each
 * sentence's tokens, dates, quantities and names (found story-wide, as in a news story) give its explainable reasons
 * (src/claims/checkworthy.ts) and its hashed n-grams (src/claims/ngrams.ts). Sentences are read as narrative (no
 * speaker, no cue): the transcripts' speaker labels are not quotewire speakers.
 */
import { explain } from '../src/claims/checkworthy';
import { handScore } from '../src/claims/reasons';
import { datesInTokens } from '../src/claims/dates';
import { buildEntityContext, entitiesInTokens } from '../src/claims/entities';
import { ngramBuckets } from '../src/claims/ngrams';
import { quantitiesInTokens } from '../src/claims/quantities';
import { claimTokens, tokensIn } from '../src/claims/tokens';
import { tokenize } from '../src/language/tokens';
import type { ClaimEntity } from '../src/types';

export interface ClefLine {
  n: number;
  speaker: string;
  text: string;
  label: number;
}
export interface ClefDoc {
  id: string;
  date?: string;
  lines: ClefLine[];
}

/** One sentence as the model sees it. */
export interface Sample {
  /** Index of its document. */
  doc: number;
  label: number;
  /** Hashed n-gram buckets (ascending, distinct). */
  buckets: number[];
  /** Reason bits (REASON_ORDER). */
  why: number;
  words: number;
  /** The hand-weighted score. */
  hand: number;
  /** Place in the document, 0 (first) … 1 (last). */
  position: number;
  /** Does it hold a number (digits or a quantity)? */
  hasNumber: boolean;
}

/** Is this parsed line a CLEF check-worthiness record (`{id, lines: [{text, label}]}`)? */
export function isClefRecord(x: unknown): x is ClefDoc {
  if (!x || typeof x !== 'object') return false;
  const lines = (x as ClefDoc).lines;
  return Array.isArray(lines) && lines.every((l) => l && typeof l.text === 'string' && (l.label === 0 || l.label === 1));
}

/** The records of a JSONL file's text; a TypeError naming the line when one is not a CLEF record. */
export function parseClef(jsonl: string, name = 'input'): ClefDoc[] {
  const docs: ClefDoc[] = [];
  jsonl.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const rec: unknown = JSON.parse(line);
    if (!isClefRecord(rec)) throw new TypeError(`${name}:${i + 1}: not a check-worthiness record ({id, lines: [{text, label}]})`);
    docs.push(rec);
  });
  return docs;
}

/** The samples of one document, in order. */
export function docSamples(doc: ClefDoc, d: number, bits: number): Sample[] {
  const starts: number[] = [];
  let text = '';
  for (const l of doc.lines) {
    if (text) text += '\n';
    starts.push(text.length);
    text += l.text;
  }
  const toks = claimTokens(tokenize(text));
  const names = entitiesInTokens(text, toks, buildEntityContext(text, [], toks));
  let e = 0;
  return doc.lines.map((l, i) => {
    const a = starts[i];
    const b = a + l.text.length;
    const own = tokensIn(text, toks, a, b);
    const dated = datesInTokens(text, own, null);
    const quantities = quantitiesInTokens(text, own, dated);
    const entities: ClaimEntity[] = [];
    while (e < names.length && names[e].span.start < a) e++;
    for (let k = e; k < names.length && names[k].span.start < b; k++) if (names[k].span.end <= b) entities.push(names[k]);
    const input = {
      toks: own,
      quantities,
      dates: dated.map((x) => x.date),
      entities,
      cueStance: null,
      speaker: null,
      headline: false,
      quoted: false,
    };
    const { why, sig } = explain(input);
    return {
      doc: d,
      label: l.label,
      buckets: ngramBuckets(own, bits),
      why,
      words: sig.words,
      hand: handScore(why),
      position: doc.lines.length > 1 ? i / (doc.lines.length - 1) : 0,
      hasNumber: quantities.length > 0 || own.some((t) => t.k === 'n'),
    };
  });
}

/** The samples of all documents. */
export function samplesOf(docs: readonly ClefDoc[], bits: number): Sample[] {
  return docs.flatMap((doc, d) => docSamples(doc, d, bits));
}
