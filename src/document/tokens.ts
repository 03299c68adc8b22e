/**
 * One wink-nlp pass over the text: tokens with exact UTF-16 offsets, POS tags and wink's sentence breaks.
 * Everything downstream works on these arrays; nothing else runs wink over the story again.
 */
import winkNLP, { type ItemSentence, type ItemEntity } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export interface Tokens {
  readonly text: string;
  readonly n: number;
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** The token as written. */
  readonly value: string[];
  /** Lower-cased value. */
  readonly lower: string[];
  /** Universal POS tag from wink ("NOUN", "PROPN", "VERB", "PUNCT", "SPACE" …). */
  readonly pos: string[];
  /** wink's token type ("word", "punctuation", "number", "tabCRLF", "emoji" …). */
  readonly type: string[];
  /** Token index where each of wink's sentences starts (ascending). */
  readonly winkSentenceStarts: number[];
  /** wink's DATE / CARDINAL / PERCENT … entities as token ranges [first, last] inclusive. */
  readonly entities: { first: number; last: number; type: string }[];
}

type Nlp = ReturnType<typeof winkNLP>;
let shared: Nlp | null = null;

/** Load the wink model once per process (it is the slow part of start-up). */
export function getNlp(): Nlp {
  if (!shared) shared = winkNLP(model);
  return shared;
}

export function tokenize(text: string, nlp: Nlp = getNlp()): Tokens {
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const all = doc.tokens();
  const value = all.out(its.value) as string[];
  const spaces = all.out(its.precedingSpaces) as string[];
  const pos = all.out(its.pos) as string[];
  const type = all.out(its.type) as string[];
  const n = value.length;
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  const lower: string[] = new Array(n);
  let at = 0;
  for (let i = 0; i < n; i++) {
    at += spaces[i].length;
    // wink is lossless; should a token ever not sit where its text says, re-find it instead of trusting the count
    if (text.startsWith(value[i], at)) {
      start[i] = at;
    } else {
      const k = text.indexOf(value[i], at);
      start[i] = k >= 0 ? k : Math.min(at, text.length);
    }
    end[i] = Math.min(start[i] + value[i].length, text.length);
    at = end[i];
    lower[i] = value[i].toLowerCase();
  }
  const winkSentenceStarts: number[] = [];
  doc.sentences().each((s: ItemSentence) => {
    const sp = s.out(its.span) as unknown as [number, number];
    winkSentenceStarts.push(sp[0]);
  });
  const entities: { first: number; last: number; type: string }[] = [];
  doc.entities().each((e: ItemEntity) => {
    const sp = e.out(its.span) as unknown as [number, number];
    const t = e.out(its.type) as string;
    entities.push({ first: sp[0], last: sp[1], type: t });
  });
  return { text, n, start, end, value, lower, pos, type, winkSentenceStarts, entities };
}
