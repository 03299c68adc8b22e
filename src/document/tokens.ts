/**
 * One wink-nlp pass over the text: tokens with exact UTF-16 offsets, POS tags and wink's sentence breaks.
 * Everything downstream works on these arrays; nothing else runs wink over the story again.
 *
 * wink's tokenizer slows down quadratically inside a very long run without white space (a pasted
 * hash, a minified script, 1 MB of "x"), so such runs are cut out before wink sees the text and kept
 * as single opaque tokens; wink reads the ordinary text between them.
 *
 * wink also remembers every out-of-vocabulary word it has seen and from then on treats it as a known
 * word — which changes how it splits "O’Neill’s" or "Foo-Bar" the next time, so the same story could be
 * tokenised differently depending on what was read before. The instance made here hides those learnt
 * words from every look-up, so each story is read as if it were the first; the memory they take is
 * bounded by starting a fresh instance once enough have piled up.
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
  /** wink's token type ("word", "punctuation", "number", "tabCRLF", "emoji" …); "opaque" for a cut-out run. */
  readonly type: string[];
  /** Token index where each of wink's sentences starts (ascending). */
  readonly winkSentenceStarts: number[];
  /** wink's DATE / CARDINAL / PERCENT … entities as token ranges [first, last] inclusive. */
  readonly entities: { first: number; last: number; type: string }[];
}

type Nlp = ReturnType<typeof winkNLP>;
type WinkModel = typeof model;

interface LexemeFeature {
  hash: Record<string, number>;
  list: string[];
  intrinsicSize: number;
}

let shared: Nlp | null = null;
let learnt: LexemeFeature | null = null;
/** Lexeme indexes at or above this were learnt while reading the current text, and stay visible. */
let boundary = 0;
/** Start a fresh wink instance when this many words have been learnt (hidden, but held in memory). */
const RELOAD_AFTER = 400_000;

/** The model with a core whose lexeme table forgets out-of-vocabulary words for look-ups. */
function historyFree(): WinkModel {
  const m = Object.create(model) as WinkModel & { core: () => unknown };
  m.core = function core(this: unknown) {
    const c = (model as unknown as { core: () => { features: { lexeme: LexemeFeature } } }).core.call(model);
    const lexeme = c.features.lexeme;
    const table = lexeme.hash;
    lexeme.hash = new Proxy(table, {
      get(target, key) {
        const v = target[key as string];
        // learnt while reading an earlier text: hidden, so this text reads as if it were the first
        return typeof v === 'number' && v >= lexeme.intrinsicSize && v < boundary ? undefined : v;
      },
    });
    learnt = lexeme;
    return c;
  };
  return m;
}

/** Load the wink model once per process (it is the slow part of start-up). */
export function getNlp(): Nlp {
  if (!shared || (learnt && learnt.list.length - learnt.intrinsicSize > RELOAD_AFTER)) shared = winkNLP(historyFree());
  return shared;
}

/** Runs of this many characters or more without white space are not given to wink. */
const OPAQUE_RUN = 120;

interface Builder {
  start: number[];
  end: number[];
  value: string[];
  pos: string[];
  type: string[];
  sentences: number[];
  entities: { first: number; last: number; type: string }[];
}

function readPiece(nlp: Nlp, text: string, from: number, to: number, b: Builder): void {
  if (to <= from) return;
  const piece = from === 0 && to === text.length ? text : text.slice(from, to);
  const its = nlp.its;
  if (learnt) boundary = learnt.list.length;
  const doc = nlp.readDoc(piece);
  const all = doc.tokens();
  const value = all.out(its.value) as string[];
  const spaces = all.out(its.precedingSpaces) as string[];
  const pos = all.out(its.pos) as string[];
  const type = all.out(its.type) as string[];
  const base = b.value.length;
  let at = 0;
  for (let i = 0; i < value.length; i++) {
    at += spaces[i].length;
    // wink is lossless; should a token ever not sit where its text says, re-find it instead of trusting the count
    let s = at;
    if (!piece.startsWith(value[i], at)) {
      const k = piece.indexOf(value[i], at);
      s = k >= 0 ? k : Math.min(at, piece.length);
    }
    const e = Math.min(s + value[i].length, piece.length);
    b.start.push(from + s);
    b.end.push(from + e);
    b.value.push(value[i]);
    b.pos.push(pos[i]);
    b.type.push(type[i]);
    at = e;
  }
  doc.sentences().each((s: ItemSentence) => {
    const sp = s.out(its.span) as unknown as [number, number];
    b.sentences.push(base + sp[0]);
  });
  doc.entities().each((e: ItemEntity) => {
    const sp = e.out(its.span) as unknown as [number, number];
    b.entities.push({ first: base + sp[0], last: base + sp[1], type: e.out(its.type) as string });
  });
}

export function tokenize(text: string, nlp: Nlp = getNlp()): Tokens {
  const b: Builder = { start: [], end: [], value: [], pos: [], type: [], sentences: [], entities: [] };
  // cut out long runs without white space; read the rest with wink
  const long = new RegExp(`\\S{${OPAQUE_RUN},}`, 'g');
  let from = 0;
  let m: RegExpExecArray | null;
  while ((m = long.exec(text)) !== null) {
    readPiece(nlp, text, from, m.index, b);
    b.start.push(m.index);
    b.end.push(m.index + m[0].length);
    b.value.push(m[0]);
    b.pos.push('X');
    b.type.push('opaque');
    from = m.index + m[0].length;
  }
  readPiece(nlp, text, from, text.length, b);
  const n = b.value.length;
  const lower: string[] = new Array(n);
  for (let i = 0; i < n; i++) lower[i] = b.type[i] === 'opaque' ? b.value[i] : b.value[i].toLowerCase();
  return {
    text,
    n,
    start: Int32Array.from(b.start),
    end: Int32Array.from(b.end),
    value: b.value,
    lower,
    pos: b.pos,
    type: b.type,
    winkSentenceStarts: b.sentences,
    entities: b.entities,
  };
}
