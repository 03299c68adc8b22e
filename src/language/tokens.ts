/**
 * One wink-nlp pass over the text: tokens with exact UTF-16 offsets, POS tags and wink's sentence breaks.
 * Everything downstream works on these arrays; nothing else runs wink over the story again.
 *
 * wink's tokenizer slows down quadratically inside a very long run without white space (a pasted
 * hash, a minified script, 1 MB of "x"), so such runs are cut out before wink sees the text and kept
 * as single opaque tokens; wink reads the ordinary text between them. What wink reads is the text's
 * `winkView` (white space wink would keep inside a token becomes white space it splits on; Latin letters its
 * model does not know become their ASCII base), and its model's backtracking regexes (URL, number, ordinal)
 * are rewritten before it compiles them: see wink-safety.ts.
 *
 * wink also remembers every out-of-vocabulary word it has seen and from then on treats it as a known
 * word — which changes how it splits "U.N.X." or "O’Neill’s" the next time, so the same story could be
 * tokenised differently depending on what was read before. The instance made here reads each story as if
 * it were the first: a word learnt from an earlier story stays out of sight until this story adds it again,
 * at which point wink's stored entry is handed back instead of being rebuilt (it holds the same features,
 * as long as it was learnt as the same kind of token; when not, it is learnt afresh). wink also numbers the
 * shapes, prefixes and suffixes of the words it learns, in packed fields of fixed width that a long history
 * of multilingual copy would fill; a fresh instance is taken before they crowd (see crowded), and a story that
 * fills one anyway is read again by a fresh instance.
 *
 * Only the annotations used here run: sentence breaks and POS tags. wink's named entities, negation
 * and sentiment (over a third of its time) are never read downstream, so they are not computed.
 */
import winkNLP, { type ItemSentence } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { hardenTrex, isWinkSpace, winkView, type Trex } from './wink-safety';
import { firstNotBefore } from './search';

/**
 * Tokens [first, end): indexes into the token arrays. The optional `unit` is never set: it only keeps a token
 * range from being passed where a character range is expected, and the other way round.
 */
export type TokenRange = [first: number, end: number] & { readonly unit?: 'token' };

/** UTF-16 offsets [start, end) into the story's text (see TokenRange). */
export type CharRange = [start: number, end: number] & { readonly unit?: 'char' };

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
}

type Nlp = ReturnType<typeof winkNLP>;
type WinkModel = typeof model;

interface LexemeFeature {
  hash: Record<string, number>;
  list: string[];
  intrinsicSize: number;
}

/** A feature whose values wink numbers as it meets them and packs into a fixed number of bits per lexeme. */
interface NumberedFeature extends LexemeFeature {
  /** The largest number the packing holds; a value numbered past it corrupts the lexeme's other features. */
  maxIndex: number;
}

/** The parts of the model's core this module reads or changes. */
interface Core {
  features: Record<string, LexemeFeature | NumberedFeature> & { lexeme: LexemeFeature };
  packing: { efList: string[]; layout: Record<string, number[]> };
  trex: Trex;
}

/** wink annotations computed: sentence boundaries and part-of-speech tags. */
const PIPE = ['sbd', 'pos'];

/** The parts of wink's lexeme cache this module wraps (wink-nlp src/cache.js). */
interface WinkCache {
  add(text: string, category: number): number;
  lookup(text: string): number[] | null;
  normal(index: number): number;
}

/** What the shared instance has learnt, and what the story being read has met of it. */
interface Memory {
  lexeme: LexemeFeature;
  /** The numbered features wink computes for each new lexeme (prefix, suffix, shape). */
  numbered: NumberedFeature[];
  /** The token category each learnt lexeme was added with, by index − intrinsicSize. */
  category: number[];
  /** Lexemes at or above intrinsicSize and below this were learnt from earlier stories. */
  mark: number;
  /** Those of them the current story has added again: known from then on, as if learnt now. */
  met: Set<number>;
}

let shared: Nlp | null = null;
let memory: Memory | null = null;
/** The core of the model wink is loading (set by the model's core loader). */
let loading: Core | null = null;
/** Start a fresh wink instance when this many words have been learnt (bounds the memory they hold). */
const RELOAD_AFTER = 400_000;

/**
 * The model as this module loads it. Its core's lexeme table is captured; a document-level `its` hands back
 * wink's lexeme cache (see remember); and its custom-entity meta model is left out. The model package's loader
 * for that one re-serialises a module-level value on every call (JSON.stringify of what the last call
 * returned), so the string doubles in size with each wink instance made in the process and the ~20th throws
 * "Invalid string length". Only learnCustomEntities reads it, which this private instance never calls; leaving
 * it out keeps fresh instances (see RELOAD_AFTER) cheap and safe, and leaves the package's state alone for
 * anyone else's wink in the same process.
 */
function loadable(): WinkModel {
  const m = Object.create(model) as WinkModel & { core: () => unknown; metaCER: () => unknown; addons: unknown };
  m.core = function core(this: unknown) {
    const c = (model as unknown as { core: () => Core }).core.call(model);
    hardenTrex(c.trex);
    loading = c;
    return c;
  };
  m.metaCER = () => ({ machines: null, transformers: [] });
  const addons = Object.create((model as unknown as { addons: object }).addons) as { readabilityStats: unknown };
  addons.readabilityStats = (rdd: { cache: WinkCache }) => rdd.cache;
  m.addons = addons;
  return m;
}

/**
 * Wrap wink's lexeme cache so that words learnt from earlier stories are unknown to this one until it adds
 * them itself. wink looks words up (to decide how to split a token) and adds unknown ones through this
 * object's methods, so hiding is done there, with no change to wink's tables:
 * - lookup: a lexeme learnt earlier and not yet met in this story is not found;
 * - add: such a lexeme is handed back (and met) when it was learnt as the same category of token, together
 *   with its lower-case normal, which is what adding it afresh would make; otherwise both are learnt afresh.
 */
function remember(nlp: Nlp, core: Core): Memory {
  const its = nlp.its as unknown as { readabilityStats: Parameters<ReturnType<Nlp['readDoc']>['out']>[0] };
  const cache = nlp.readDoc('').out(its.readabilityStats) as unknown as WinkCache | null;
  if (!cache || typeof cache.add !== 'function' || typeof cache.lookup !== 'function' || typeof cache.normal !== 'function') {
    throw new Error('quotewire: this wink-nlp version does not expose the lexeme cache quotewire wraps (built for wink-nlp 2.4)');
  }
  const lexeme = core.features.lexeme;
  const { hash, list, intrinsicSize } = lexeme;
  const numbered = core.packing.efList
    .map((f) => core.features[f])
    .filter((f): f is NumberedFeature => f !== undefined && typeof (f as NumberedFeature).maxIndex === 'number');
  if (numbered.length === 0) throw new Error('quotewire: the wink model has no numbered lexeme features where quotewire expects them');
  const mem: Memory = { lexeme, numbered, category: [], mark: list.length, met: new Set() };
  const rawLookup = cache.lookup;
  const rawAdd = cache.add;
  const hidden = (i: number) => i >= intrinsicSize && i < mem.mark && !mem.met.has(i);
  const sameKind = (i: number, category: number) => mem.category[i - intrinsicSize] === category;
  cache.lookup = (text: string) => {
    const r = rawLookup(text);
    return r !== null && r.length === 1 && hidden(r[0]) ? null : r;
  };
  cache.add = (text: string, category: number) => {
    const norm = text.toLowerCase();
    const i = hash[text];
    const j = norm === text ? i : hash[norm];
    if (i !== undefined && hidden(i)) {
      const n = cache.normal(i);
      if (sameKind(i, category) && (n === i || n < intrinsicSize || (n === j && (!hidden(n) || sameKind(n, category))))) {
        mem.met.add(i);
        if (n >= intrinsicSize) mem.met.add(n);
        return i;
      }
      hash[text] = undefined as unknown as number;
    }
    if (norm !== text && j !== undefined && hidden(j)) {
      if (sameKind(j, category)) mem.met.add(j);
      else hash[norm] = undefined as unknown as number;
    }
    const before = list.length;
    const index = rawAdd(text, category);
    for (let k = before; k < list.length; k++) mem.category[k - intrinsicSize] = category;
    return index;
  };
  return mem;
}

/**
 * True when a numbered feature (a word's shape, prefix or suffix) has used more than half the numbers its
 * packing has left after the model's own. Multilingual copy meets a new shape with nearly every new word, and
 * the shape field holds 16,384 numbers, 587 of them the model's: past the limit, wink packs new words' features
 * into each other, and a story's sentences would depend on what the process read before.
 */
function crowded(mem: Memory): boolean {
  for (const f of mem.numbered) {
    if (f.list.length - f.intrinsicSize > (f.maxIndex + 1 - f.intrinsicSize) / 2) return true;
  }
  return false;
}

/** True when a numbered feature handed out a number its packing cannot hold. */
function overflowed(mem: Memory): boolean {
  for (const f of mem.numbered) if (f.list.length > f.maxIndex + 1) return true;
  return false;
}

/** True when the instance has learnt nothing yet: it reads as a fresh process would. */
function pristine(mem: Memory): boolean {
  return mem.lexeme.list.length === mem.lexeme.intrinsicSize;
}

/**
 * Load the wink model once per process (it is the slow part of start-up); `fresh` forces a new instance.
 * A new instance is also made when the shared one has learnt many words (RELOAD_AFTER bounds the memory they
 * hold) or has crowded a numbered feature (see crowded).
 */
export function getNlp(fresh = false): Nlp {
  if (fresh || !shared || !memory || memory.lexeme.list.length - memory.lexeme.intrinsicSize > RELOAD_AFTER || crowded(memory)) {
    loading = null;
    const nlp = winkNLP(loadable(), PIPE as Parameters<typeof winkNLP>[1]);
    if (!loading) throw new Error('quotewire: the wink model loaded without its lexeme table');
    memory = remember(nlp, loading);
    shared = nlp;
  }
  return shared;
}

/** Runs of this many characters or more without white space are not given to wink. */
const OPAQUE_RUN = 120;

/** [start, end) of every run of at least OPAQUE_RUN characters wink would not split, in one linear scan. */
function longRuns(text: string): number[] {
  const out: number[] = [];
  const n = text.length;
  // s is always 0 or just after a space. A run of OPAQUE_RUN from s needs text[s + OPAQUE_RUN - 1] and everything
  // before it back to s free of spaces; the last space found looking back from there is where the next try starts
  // (a run starting before it would hold it), so ordinary text is crossed a few characters per OPAQUE_RUN.
  let s = 0;
  while (s + OPAQUE_RUN <= n) {
    let j = s + OPAQUE_RUN - 1;
    while (j >= s && !isWinkSpace(text.charCodeAt(j))) j--;
    if (j >= s) {
      s = j + 1;
      continue;
    }
    let e = s + OPAQUE_RUN;
    while (e < n && !isWinkSpace(text.charCodeAt(e))) e++;
    out.push(s, e);
    s = e + 1;
  }
  return out;
}

interface Piece {
  start: Int32Array;
  end: Int32Array;
  value: string[];
  pos: string[];
  type: string[];
  sentences: number[];
}

function readPiece(nlp: Nlp, text: string, from: number, to: number): Piece {
  const piece = from === 0 && to === text.length ? text : text.slice(from, to);
  const its = nlp.its;
  // a new story: what earlier ones taught wink goes out of sight
  if (memory) {
    memory.mark = memory.lexeme.list.length;
    memory.met.clear();
  }
  const doc = nlp.readDoc(piece);
  const all = doc.tokens();
  const value = all.out(its.value) as string[];
  const spaces = all.out(its.precedingSpaces) as string[];
  const pos = all.out(its.pos) as string[];
  const type = all.out(its.type) as string[];
  const n = value.length;
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  let at = 0;
  for (let i = 0; i < n; i++) {
    const v = value[i];
    at += spaces[i].length;
    // wink is lossless; should a token ever not sit where its text says, re-find it instead of trusting the count
    let s = at;
    if (!piece.startsWith(v, at)) {
      const k = piece.indexOf(v, at);
      s = k >= 0 ? k : Math.min(at, piece.length);
    }
    const e = Math.min(s + v.length, piece.length);
    start[i] = from + s;
    end[i] = from + e;
    at = e;
  }
  const sentences: number[] = [];
  doc.sentences().each((s: ItemSentence) => {
    sentences.push((s.out(its.span) as unknown as [number, number])[0]);
  });
  return { start, end, value, pos, type, sentences };
}

/** A run without white space, kept whole as one token. */
function opaque(text: string, from: number, to: number): Piece {
  return { start: Int32Array.of(from), end: Int32Array.of(to), value: [text.slice(from, to)], pos: ['X'], type: ['opaque'], sentences: [] };
}

/**
 * wink's reading of the text, in pieces: the runs wink must not see (see longRuns) as opaque tokens, the text
 * between them read by wink from the view (see winkView).
 */
function readAll(nlp: Nlp, text: string, view: string): Piece {
  const runs = longRuns(view);
  const pieces: Piece[] = [];
  let from = 0;
  for (let r = 0; r < runs.length; r += 2) {
    if (runs[r] > from) pieces.push(readPiece(nlp, view, from, runs[r]));
    pieces.push(opaque(text, runs[r], runs[r + 1]));
    from = runs[r + 1];
  }
  if (from < text.length) pieces.push(readPiece(nlp, view, from, text.length));
  return pieces.length === 1 ? pieces[0] : join(pieces);
}

/** Tokens of the text, read by the shared instance (whose memory of earlier stories getNlp keeps). */
export function tokenize(text: string): Tokens {
  let nlp = getNlp();
  const view = winkView(text);
  const wasPristine = memory !== null && pristine(memory);
  let joined = readAll(nlp, text, view);
  if (memory && overflowed(memory) && !wasPristine) {
    // this story filled a numbered feature that earlier stories had used too: read it as a fresh process would
    nlp = getNlp(true);
    joined = readAll(nlp, text, view);
  }
  const n = joined.value.length;
  if (view !== text) {
    // wink read spaces where the text has other white space; tokens show the text
    for (let i = 0; i < n; i++) {
      if (joined.type[i] !== 'opaque') joined.value[i] = text.slice(joined.start[i], joined.end[i]);
    }
  }
  const lower: string[] = new Array(n);
  for (let i = 0; i < n; i++) lower[i] = joined.type[i] === 'opaque' ? joined.value[i] : joined.value[i].toLowerCase();
  return {
    text,
    n,
    start: joined.start,
    end: joined.end,
    value: joined.value,
    lower,
    pos: joined.pos,
    type: joined.type,
    winkSentenceStarts: joined.sentences,
  };
}

function join(pieces: Piece[]): Piece {
  let n = 0;
  for (const p of pieces) n += p.value.length;
  const out: Piece = { start: new Int32Array(n), end: new Int32Array(n), value: [], pos: [], type: [], sentences: [] };
  let base = 0;
  for (const p of pieces) {
    out.start.set(p.start, base);
    out.end.set(p.end, base);
    for (let i = 0; i < p.value.length; i++) {
      out.value.push(p.value[i]);
      out.pos.push(p.pos[i]);
      out.type.push(p.type[i]);
    }
    for (const s of p.sentences) out.sentences.push(base + s);
    base += p.value.length;
  }
  return out;
}

/** First token whose start is >= offset (binary search). */
export function tokenAt(tk: Tokens, offset: number): number {
  return firstNotBefore(tk.n, (i) => tk.start[i] < offset);
}
