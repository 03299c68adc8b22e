/**
 * One wink-nlp pass over the text: tokens with exact UTF-16 offsets, POS tags and wink's sentence breaks.
 * Everything downstream works on these arrays; nothing else runs wink over the story again.
 *
 * wink's tokenizer slows down quadratically inside a very long run without white space (a pasted
 * hash, a minified script, 1 MB of "x"), so such runs are cut out before wink sees the text and kept
 * as single opaque tokens; wink reads the ordinary text between them.
 *
 * wink also remembers every out-of-vocabulary word it has seen and from then on treats it as a known
 * word — which changes how it splits "U.N.X." or "O’Neill’s" the next time, so the same story could be
 * tokenised differently depending on what was read before. The instance made here reads each story as if
 * it were the first: a word learnt from an earlier story stays out of sight until this story adds it again,
 * at which point wink's stored entry is handed back instead of being rebuilt (it holds the same features,
 * as long as it was learnt as the same kind of token; when not, it is learnt afresh).
 *
 * Only the annotations used here run: sentence breaks and POS tags. wink's named entities, negation
 * and sentiment (over a third of its time) are never read downstream, so they are not computed.
 */
import winkNLP, { type ItemSentence } from 'wink-nlp';
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
}

type Nlp = ReturnType<typeof winkNLP>;
type WinkModel = typeof model;

interface LexemeFeature {
  hash: Record<string, number>;
  list: string[];
  intrinsicSize: number;
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
  /** The token category each learnt lexeme was added with, by index − intrinsicSize. */
  category: number[];
  /** Lexemes at or above intrinsicSize and below this were learnt from earlier stories. */
  mark: number;
  /** Those of them the current story has added again: known from then on, as if learnt now. */
  met: Set<number>;
}

let shared: Nlp | null = null;
let memory: Memory | null = null;
/** The lexeme table of the model wink is loading (set by the model's core loader). */
let loading: LexemeFeature | null = null;
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
    const c = (model as unknown as { core: () => { features: { lexeme: LexemeFeature } } }).core.call(model);
    loading = c.features.lexeme;
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
function remember(nlp: Nlp, lexeme: LexemeFeature): Memory {
  const its = nlp.its as unknown as { readabilityStats: Parameters<ReturnType<Nlp['readDoc']>['out']>[0] };
  const cache = nlp.readDoc('').out(its.readabilityStats) as unknown as WinkCache | null;
  if (!cache || typeof cache.add !== 'function' || typeof cache.lookup !== 'function' || typeof cache.normal !== 'function') {
    throw new Error('quotewire: this wink-nlp version does not expose the lexeme cache quotewire wraps (built for wink-nlp 2.4)');
  }
  const { hash, list, intrinsicSize } = lexeme;
  const mem: Memory = { lexeme, category: [], mark: list.length, met: new Set() };
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

/** Load the wink model once per process (it is the slow part of start-up); `fresh` forces a new instance. */
export function getNlp(fresh = false): Nlp {
  if (fresh || !shared || !memory || memory.lexeme.list.length - memory.lexeme.intrinsicSize > RELOAD_AFTER) {
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

/** JavaScript's `\s`, as a char-code test. */
function isSpace(c: number): boolean {
  return c <= 32
    ? c === 32 || (c >= 9 && c <= 13)
    : c >= 0xa0 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029
      || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff);
}

/** [start, end) of every run of at least OPAQUE_RUN non-space characters, in one linear scan. */
function longRuns(text: string): number[] {
  const out: number[] = [];
  let run = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !isSpace(text.charCodeAt(i))) { run++; continue; }
    if (run >= OPAQUE_RUN) out.push(i - run, i);
    run = 0;
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

/** Tokens of the text, read by the shared instance (whose memory of earlier stories getNlp keeps). */
export function tokenize(text: string): Tokens {
  const nlp = getNlp();
  // cut out long runs without white space; read the rest with wink
  const runs = longRuns(text);
  const pieces: Piece[] = [];
  let from = 0;
  for (let r = 0; r < runs.length; r += 2) {
    if (runs[r] > from) pieces.push(readPiece(nlp, text, from, runs[r]));
    pieces.push(opaque(text, runs[r], runs[r + 1]));
    from = runs[r + 1];
  }
  if (from < text.length) pieces.push(readPiece(nlp, text, from, text.length));
  const joined = pieces.length === 1 ? pieces[0] : join(pieces);
  const n = joined.value.length;
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
