/**
 * Named entities in claims: capitalised name runs, typed person / organization / place / other, and linked to the
 * speaker registry when they name a speaker.
 *
 * Word lists: titles, honorifics, title modifiers, organisation heads, the gazetteer and demonyms are the shared ones
 * (src/language/roles.ts, over src/model/titles.json and src/model/places.json); the lists only this stage reads are
 * in src/model/claims-lexicon.json `entities` (organisation acronyms, place and document heads, name particles, place
 * cues, sentence-initial stopwords).
 *
 * How a run is built: consecutive capitalised words on one line, joined across hyphens and slashes with no space
 * ("Guinea-Bissau", "BBC/ITV"), initials ("U.S."), abbreviated titles ("Gov. Jane Doe"), name particles ("von der"),
 * and "of"/"for" when the word before is an organisation, place or title head ("Ministry of Foreign Affairs",
 * "Republic of X", "Secretary of State"). A possessive ends a run ("Kenya’s Ministry …" → "Kenya" + "Ministry …").
 *
 * How a run is typed, first rule that applies:
 *   1. the whole run names a speaker (name or alias, or it overlaps a speaker mention) → the speaker's kind
 *      (person/anonymous → person, organization/group → organization, a gazetteer place stays a place); speakerId set
 *   2. the whole run is in the gazetteer → place; an organisation acronym (UN, NATO, EU, …) → organization
 *   3. an organisation head or name word inside it (Ministry, Court, Party, Inc., Times, Watch …) → organization; a
 *      title after the organisation's name is left out ("Fox News | Chairman"); on a title-case line an organisation
 *      not known from the story gives only the known names inside it
 *   4. a title (or honorific) inside it followed by a name ("US Secretary of State Jane Doe") → person for the name, and
 *      the part before the title (less the title's modifiers: "Former", "Deputy", "Ex-") is typed on its own; a bare
 *      title is not an entity. A one-word title that ends the run after a first name or an initial is the name's last
 *      word ("Paul Singer"), after another title it is the name ("Mr. King"); a run that ends in a place or document
 *      head is not split ("Prince William County")
 *   5. a place head at its end (Region, Corridor, River, Province …) → place; a document head (Declaration, Treaty,
 *      Agreement, Act …) → other
 *   6. every piece is a gazetteer place or a known name ("Spain-Portugal") → one entity per piece
 *   7. leading title modifiers before a known name are dropped ("Former Florida"); leading demonyms ("Italian",
 *      "Soviet") are dropped, and a run that is only demonyms is not an entity
 *   8. two to four capitalised words with none of the above → person; one word → a person named elsewhere in the
 *      story by a full name (its surname), else an all-caps acronym → organization, else other
 *   Cues then retype 'other' (and guessed persons, for the strong cues): "the village of X", "the X region",
 *   "X-based", "in X", and a name coordinated with a place ("the villages of X and Y") → place.
 * Sentence-initial function words are not names ("The", "According"); a lone sentence-initial capitalised word is kept
 * only when it is known (gazetteer, speaker, a name used elsewhere in the story). On title-case lines (headlines,
 * section headings) only known names are kept.
 */
import { isWs } from '../language/chars';
import {
  demonymList,
  firstNameGender,
  honorificList,
  isPlace,
  organizationHeadList,
  organizationNameWordList,
  titleList,
  titleModifierList,
} from '../language/roles';
import { words } from '../language/words';
import lexicon from '../model/claims-lexicon.json';
import type { ClaimEntity, EntityType, Speaker, SpeakerKind } from '../types';
import { OPENERS, allCaps, capitalized, hasDigit, isCapitalized, storyTokens, tokensIn, type Tok } from './tokens';
import { PhraseTrie, lowerSet } from './lexicon';
import { classesOf, wordClass } from './wordclass';

const E = lexicon.entities;

/** Lower-cased, curly apostrophes folded to "'", white space collapsed and trimmed. */
function norm(s: string): string {
  if (!needsFold(s)) return s.toLowerCase();
  return s
    .replace(/[\u2019\u2018]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
/** Does `s` hold a curly apostrophe or white space other than single spaces between words? */
function needsFold(s: string): boolean {
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      if (i === 0 || i === n - 1 || s.charCodeAt(i + 1) === 32) return true;
    } else if (c < 32 || c === 0x2019 || c === 0x2018 || (c >= 0x80 && isWs(c))) {
      return true;
    }
  }
  return false;
}
const DEMONYMS = new Set(demonymList());
const PLACE_HEADS = new Set(E.placeHeads.map(norm));
const OTHER_HEADS = new Set(E.otherHeads.map(norm));
// a word that heads both an organisation and a place ("County", "Prefecture", "Channel") is a place head here: "the
// English Channel", "Orange County"
const ORG_HEADS = new Set([...organizationHeadList(), ...organizationNameWordList()].filter((h) => !PLACE_HEADS.has(h)));
const ORG_ACRONYMS = new Set(E.orgAcronyms.map(norm));
const TITLE_MODIFIERS = new Set(titleModifierList());
// titles and the honorifics written before a name ("Secretary of State", "Sen.", "Lt. Gen.")
const TITLES = new PhraseTrie<true>().addAll(titleList(), true).addAll(honorificList(), true).indexStarts();
const PARTICLES = new Set(E.nameParticles);
const INITIAL_STOP = new Set(E.sentenceInitialStopwords);
const NON_NAMES = new Set(E.nonNames);
const PLACE_BEFORE = new PhraseTrie<'strong' | 'weak'>();
for (const c of E.placeCuesBefore) PLACE_BEFORE.add(c, /\bof$/.test(c) ? 'strong' : 'weak');
PLACE_BEFORE.indexStarts();
const PLACE_AFTER = new Set(E.placeCuesAfter.map(norm));
// month and day names; an abbreviation's dot is a token of its own ("Sept." = sept + .)
const MONTHS_DAYS = new Set([...words('months'), ...words('weekdays')].map((w) => w.replace(/\.$/, '')));
// word classes (wordclass.ts) for the lists asked about every word of a name: a word is looked up once
const MONTH_OR_DAY = wordClass(MONTHS_DAYS);
const PARTICLE = wordClass(PARTICLES);
const DEMONYM = wordClass(DEMONYMS);
const ORG_HEAD = wordClass(ORG_HEADS);
const PLACE_HEAD = wordClass(PLACE_HEADS);
const OTHER_HEAD = wordClass(OTHER_HEADS);
const TITLE_WORD = wordClass(TITLES.singleKeys());
// the two lists of written forms ("The", "I"), by key: a word whose key is in neither is in neither
const MAYBE_LISTED_FORM = wordClass(lowerSet([...INITIAL_STOP, ...NON_NAMES]));

/** Names the story uses, for typing lone words and linking speakers. Build once per document. */
export interface EntityContext {
  /** normalised name → speaker */
  speakerByName: Map<string, Speaker>;
  /** speaker mentions, sorted by start */
  mentions: { start: number; end: number; speaker: Speaker }[];
  /** normalised name or surname → type, from full names found anywhere in the story */
  known: Map<string, EntityType>;
}

/** A speaker's mention: where the speakers stage read a name as that speaker. */
type Mention = EntityContext['mentions'][number];

function speakerType(kind: SpeakerKind): EntityType | null {
  if (kind === 'person' || kind === 'anonymous') return 'person';
  if (kind === 'organization' || kind === 'group') return 'organization';
  return null;
}

function stripThe(s: string): string {
  return s.startsWith('the ') ? s.slice(4) : s;
}

/**
 * Build the per-document context: the speaker registry (names, aliases, surnames of multi-word person names,
 * mentions) and the full names found anywhere in `text`.
 */
export function buildEntityContext(text: string, speakers: readonly Speaker[] = [], toks?: readonly Tok[]): EntityContext {
  const speakerByName = new Map<string, Speaker>();
  const surnameCount = new Map<string, number>();
  const surnameOwner = new Map<string, Speaker>();
  const mentions: EntityContext['mentions'] = [];
  for (const sp of speakers) {
    if (!sp || typeof sp !== 'object') continue;
    const names = [sp.name, ...(Array.isArray(sp.aliases) ? sp.aliases : [])].filter((x) => typeof x === 'string' && x.trim());
    for (const nm of names) {
      const k = stripThe(norm(nm));
      if (k && /[a-z]/.test(k) && !PRONOUNS.has(k) && !speakerByName.has(k)) speakerByName.set(k, sp);
    }
    if (sp.kind === 'person' && typeof sp.name === 'string') {
      const parts = sp.name.trim().split(/\s+/);
      if (parts.length >= 2 && isCapitalized(parts[parts.length - 1])) {
        const last = norm(parts[parts.length - 1]);
        surnameCount.set(last, (surnameCount.get(last) ?? 0) + 1);
        if (!surnameOwner.has(last)) surnameOwner.set(last, sp);
      }
    }
    for (const m of Array.isArray(sp.mentions) ? sp.mentions : []) {
      if (m && typeof m.start === 'number' && typeof m.end === 'number' && m.end > m.start)
        mentions.push({ start: m.start, end: m.end, speaker: sp });
    }
  }
  for (const [last, count] of surnameCount) {
    if (count === 1 && !speakerByName.has(last)) {
      const sp = surnameOwner.get(last);
      if (sp) speakerByName.set(last, sp);
    }
  }
  mentions.sort((a, b) => a.start - b.start || a.end - b.end);
  const ctx: EntityContext = { speakerByName, mentions, known: new Map() };
  // one pass over the story for full names, so that a lone "Doe" later reads as a person
  if (typeof text === 'string' && text.length) {
    const tokens = toks ?? storyTokens(text);
    const found = scanFound(tokens, ctx, !!toks);
    const persons: string[][] = [];
    for (const f of found) {
      if (f.type !== 'person' && f.type !== 'organization') continue;
      // the name's words, normalised; an organisation's key is the whole name normalised, the same words joined
      const words = wordKeys(text, tokens, f.a, f.b);
      if (f.type === 'person' && words.length >= 2) persons.push(words);
      else if (f.type === 'organization' && words.length >= 2) ctx.known.set(words.join(' '), 'organization');
    }
    // surnames first, so that two names side by side ("… with Doe Smith said") are not taken for one person
    const surnames = new Map<string, number>();
    for (const w of persons) surnames.set(w[w.length - 1], (surnames.get(w[w.length - 1]) ?? 0) + 1);
    for (const w of persons) {
      const own = w[w.length - 1];
      // every word is the surname of a person named in full elsewhere (the last one: of someone besides this run)
      if (w.slice(0, -1).every((y) => surnames.has(y)) && (surnames.get(own) ?? 0) > 1) continue;
      ctx.known.set(w.join(' '), 'person');
      if (!isPlace(own) && !ctx.known.has(own) && !PRONOUNS.has(own)) ctx.known.set(own, 'person');
    }
  }
  return ctx;
}

const PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'you', 'it', 'him', 'her', 'them', 'us', 'his', 'its', 'their', 'our']);

function isNameWord(t: Tok | undefined): boolean {
  if (!t || t.k !== 'w') return false;
  if (!capitalized(t)) return false;
  if (t.l === "'s" || t.l === "n't") return false;
  return true;
}

/** Is token i the first word of a sentence (or of a quotation)? */
function sentenceInitial(toks: readonly Tok[], i: number, lo: number): boolean {
  let j = i - 1;
  let dash = false;
  while (j >= lo && toks[j].k === 'p' && OPENERS.has(toks[j].v)) {
    if (toks[j].v === '“' || toks[j].v === '‘' || toks[j].v === '"') return true;
    if (toks[j].nl) return true;
    if (toks[j].v === '—' || toks[j].v === '–' || toks[j].v === '-') dash = true;
    j--;
  }
  if (j < lo) return true;
  if (toks[j + 1] && toks[j + 1].nl) return true;
  const p = toks[j];
  if (p.k === 'p' && (p.v === '.' || p.v === '!' || p.v === '?' || p.v === ':' || p.v === '…' || p.v === '”' || p.v === ';')) return true;
  // after a dateline: "CITY (Agency) — The …" (a dash after a short line start with no lower-case word)
  if (dash) {
    for (let k = j, steps = 0; k >= lo && steps < 12; k--, steps++) {
      const t = toks[k];
      if (t.k === 'w' && !capitalized(t)) return false;
      if (t.nl || k === lo) return true;
    }
  }
  return false;
}

interface Run {
  a: number;
  b: number;
}

/** Longest name run, in tokens: keeps every per-run step bounded (linear overall). */
const MAX_RUN = 14;

/** Lines where most longer words are capitalised: headlines and headings. */
function titleCaseLines(toks: readonly Tok[]): Uint8Array {
  const flag = new Uint8Array(toks.length);
  let lineStart = 0;
  // words of four letters or more on the current line, and how many of them are capitalised
  let words = 0;
  let caps = 0;
  const close = (end: number) => {
    if (words >= 3 && caps / words >= 0.8) flag.fill(1, lineStart, end);
    lineStart = end;
    words = 0;
    caps = 0;
  };
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (i > 0 && t.nl) close(i);
    if (t.k !== 'w' || t.e - t.s < 4) continue;
    words++;
    if (capitalized(t)) caps++;
  }
  close(toks.length);
  return flag;
}

type Head = 'org' | 'place' | 'other' | 'title' | null;
const HEAD_CACHE = new Map<string, Head>();
function headOf(t: Tok): Head {
  if (t.k === 'w') {
    // a word has no dot and its key is its norm: its classes tell
    const c = classesOf(t);
    return c & ORG_HEAD ? 'org' : c & PLACE_HEAD ? 'place' : c & OTHER_HEAD ? 'other' : c & TITLE_WORD ? 'title' : null;
  }
  const hit = HEAD_CACHE.get(t.v);
  if (hit !== undefined) return hit;
  const l = norm(t.v.replace(/\.$/, ''));
  let h: Head = null;
  if (ORG_HEADS.has(l) || ORG_HEADS.has(norm(t.v))) h = 'org';
  else if (PLACE_HEADS.has(l)) h = 'place';
  else if (OTHER_HEADS.has(l)) h = 'other';
  else if (TITLES.match([t], 0)) h = 'title';
  if (HEAD_CACHE.size > 50_000) HEAD_CACHE.clear();
  HEAD_CACHE.set(t.v, h);
  return h;
}

/** Can token t open a run: a capitalised word, or an all-caps one? */
function opensRun(t: Tok): boolean {
  return isNameWord(t) || (t.k === 'w' && allCaps(t));
}

/** Collect capitalised runs in toks[lo, hi). */
function collectRuns(toks: readonly Tok[], lo: number, hi: number): Run[] {
  const runs: Run[] = [];
  let i = lo;
  while (i < hi) {
    if (!opensRun(toks[i])) {
      i++;
      continue;
    }
    const b = runEnd({ toks, start: i, hi });
    runs.push({ a: i, b });
    i = b;
  }
  return runs;
}

/** A run being grown: its tokens, its first token, and the end of the stretch it may grow into. */
interface Growth {
  toks: readonly Tok[];
  start: number;
  hi: number;
}

/** Where the run opened at g.start ends: it takes what joins it, step by step, up to a line end or MAX_RUN tokens. */
function runEnd(g: Growth): number {
  const { toks, start, hi } = g;
  let b = start + 1;
  for (;;) {
    const nx = toks[b];
    // names are short: a longer capitalised stretch (an all-caps line) is cut into runs of at most MAX_RUN tokens
    if (!nx || b >= hi || nx.nl || b - start >= MAX_RUN) return b;
    const joined = joinedEnd(g, b);
    if (joined < 0) return nx.v === '.' && !nx.gap ? dotEnd(toks, b) : b;
    b = joined;
  }
}

/** The run's end once toks[b] (and what it brings) joins a run ending at b, or -1 when it does not join. */
function joinedEnd(g: Growth, b: number): number {
  const nx = g.toks[b];
  if (nx.k === 'w' && nx.gap && isNameWord(nx)) return b + 1;
  if (nx.k === 'p' && (nx.v === '-' || nx.v === '/' || nx.v === '‑') && !nx.gap) return compoundEnd(g, b);
  if (nx.v === '.' && !nx.gap) return initialEnd(g, b);
  if (nx.k !== 'w' || !nx.gap || capitalized(nx)) return -1;
  const end = connectorEnd(g, b);
  return end < 0 && nx.l === 'and' ? gazetteerAndEnd(g, b) : end;
}

/** Hyphen and slash compounds with no spaces ("Guinea-Bissau", "BBC/ITV"): past the word after the mark at b, or -1. */
function compoundEnd(g: Growth, b: number): number {
  const w = g.toks[b + 1];
  return w && !w.gap && b + 1 < g.hi && isNameWord(w) ? b + 2 : -1;
}

/** Is t a short capitalised word that a dot may abbreviate ("U", "Gov", "Inc")? */
function abbreviates(t: Tok): boolean {
  return t.k === 'w' && t.v.length <= 3 && capitalized(t);
}

/** Initials and abbreviations ("U.S.", "John F. Kennedy", "Gov. Jane Doe"): past the name word after the dot at b, or -1. */
function initialEnd(g: Growth, b: number): number {
  const prev = g.toks[b - 1];
  const w = g.toks[b + 1];
  if (!abbreviates(prev) || !w || b + 1 >= g.hi || !isNameWord(w) || w.nl) return -1;
  return prev.v.length === 1 || !w.gap || TITLES.match([prev], 0) ? b + 2 : -1;
}

/** Where a run that stops at the dot at b ends: past the dot of a second initial ("U.S.") or of an organisation head ("Inc."), else b. */
function dotEnd(toks: readonly Tok[], b: number): number {
  const prev = toks[b - 1];
  if (!abbreviates(prev)) return b;
  if (prev.v.length === 1 && toks[b - 2] && toks[b - 2].v === '.') return b + 1;
  return ORG_HEADS.has(norm(prev.v + '.')) ? b + 1 : b;
}

/** Connectors ("Ministry of Foreign Affairs", "Ursula von der Leyen"): past the name word after the one at b, or -1. */
function connectorEnd(g: Growth, b: number): number {
  const { toks } = g;
  // "of"/"for"/"on" after a head word (and an optional "the": "Secretary of the Treasury"), or name particles
  const nx = toks[b];
  const joinOf = (nx.l === 'of' || nx.l === 'for' || nx.l === 'on') && headOf(toks[b - 1]) !== null;
  const particle = (classesOf(nx) & PARTICLE) !== 0;
  if (!joinOf && !particle) return -1;
  let k = b + 1;
  if (joinOf && toks[k] && toks[k].l === 'the' && toks[k].gap) k++;
  while (particle && toks[k] && toks[k].gap && classesOf(toks[k]) & PARTICLE && !capitalized(toks[k]) && k < b + 3) k++;
  const w = toks[k];
  return w && k < g.hi && w.gap && !w.nl && isNameWord(w) && !(classesOf(w) & MONTH_OR_DAY) ? k + 1 : -1;
}

/** "Bosnia and Herzegovina": past the word after the "and" at b when the joined name is in the gazetteer, or -1. */
function gazetteerAndEnd(g: Growth, b: number): number {
  const w = g.toks[b + 1];
  if (!w || b + 1 >= g.hi || !w.gap || !isNameWord(w)) return -1;
  return isPlace(norm(`${spanText(g.toks, g.start, b)} and ${w.v}`)) ? b + 2 : -1;
}

function spanText(toks: readonly Tok[], a: number, b: number): string {
  let s = '';
  for (let j = a; j < b; j++) s += (j > a && toks[j].gap ? ' ' : '') + toks[j].v;
  return s;
}

/**
 * `norm(spanText(toks, a, b))`, built from the tokens' keys: a word's `l` is already its norm, and so is a printable
 * ASCII mark. Lower-casing word by word equals lower-casing the whole only away from a Greek capital sigma (whose
 * lower case depends on the letters around it), so a key with a sigma, or with any other mark, takes the long way.
 */
function nameKey(toks: readonly Tok[], a: number, b: number): string {
  if (b - a === 1 && toks[a].k === 'w') return toks[a].l;
  let key = '';
  for (let j = a; j < b; j++) {
    const t = toks[j];
    let piece: string;
    if (t.k === 'w' || t.k === 'n') piece = t.l;
    else {
      const c = t.v.charCodeAt(0);
      if (t.v.length !== 1 || c <= 32 || c >= 127) return norm(spanText(toks, a, b));
      piece = t.v;
    }
    key += j > a && t.gap ? ` ${piece}` : piece;
  }
  return sigmaFree(key) ? key : norm(spanText(toks, a, b));
}
function sigmaFree(s: string): boolean {
  return s.indexOf('σ') < 0 && s.indexOf('ς') < 0;
}

/** An entity by token range, toks[a, b); every field is set when it is made. */
interface Found extends ClaimEntity {
  a: number;
  b: number;
  speakerId: string | undefined;
  /** Typed by rule 8's guesses (the cues may retype it). */
  guessed: boolean;
}

function lookupKnown(key: string, ctx: EntityContext | undefined): { type: EntityType; speaker?: Speaker } | null {
  const bare = stripThe(key);
  // the gazetteer (src/language/roles.ts): "the Netherlands" and "Netherlands", "the US" and "US"
  const barePlace = isPlace(bare);
  if (ctx) {
    const sp = ctx.speakerByName.get(key) ?? (bare === key ? undefined : ctx.speakerByName.get(bare));
    if (sp) {
      const ty = barePlace ? 'place' : (speakerType(sp.kind) ?? knownGet(ctx, key) ?? 'person');
      return { type: ty, speaker: sp };
    }
  }
  if (barePlace || (bare !== key && isPlace(key))) return { type: 'place' };
  if (ORG_ACRONYMS.has(key)) return { type: 'organization' };
  const k = ctx ? knownGet(ctx, key) : undefined;
  if (k) return { type: k };
  return null;
}

/** What classify works with, the same for a run and every part of it: the tokens, the context, `strict`, the output. */
interface Classing {
  toks: readonly Tok[];
  ctx: EntityContext | undefined;
  /** Keep only known names (title-case lines). */
  strict: boolean;
  out: Found[];
}

/** A stretch of tokens with its type, to be pushed as an entity: a known name, a piece of a run, a guess. */
interface Piece {
  a: number;
  b: number;
  type: EntityType;
  speaker: Speaker | undefined;
}

/** The part of a run being typed, toks[a, b), and its key (nameKey). */
interface Part {
  a: number;
  b: number;
  key: string;
}

/** Push a piece as an entity, less the marks other than a dot at its end (none when nothing is left). */
function emit(c: Classing, p: Piece, guessed = false): void {
  let y = p.b;
  while (y > p.a && c.toks[y - 1].k === 'p' && c.toks[y - 1].v !== '.') y--;
  if (y <= p.a) return;
  const span = { start: c.toks[p.a].s, end: c.toks[y - 1].e, text: '' };
  c.out.push({ a: p.a, b: y, span, type: p.type, speakerId: p.speaker?.id, guessed });
}

/** Push every piece of a list (none when there is no list). */
function emitAll(c: Classing, pieces: readonly Piece[] | undefined): void {
  if (pieces) for (const p of pieces) emit(c, p);
}

/** Classify toks[a, b): pushes zero or more entities, by the first of the module header's typing rules that applies. */
function classify(c: Classing, a: number, b: number): void {
  const { toks } = c;
  // trim trailing dots that are not part of an abbreviation, and stray punctuation
  while (b > a && toks[b - 1].k === 'p' && !(toks[b - 1].v === '.' && b - 2 >= a && toks[b - 2].v.length <= 3)) b--;
  while (a < b && toks[a].k === 'p') a++;
  if (a >= b) return;
  const part: Part = { a, b, key: nameKey(toks, a, b) };
  // one helper per rule, in the header's order; each returns true when it has typed the part (or found it no entity)
  if (wholeKnown(c, part)) return; // 1–2
  if (leadingThe(c, part)) return; // 1–2 again without a "The" that belongs to the name
  const heads = headsOf(c, part);
  if (organization(c, part, heads)) return; // 3
  if (splitAtTitle(c, part, heads)) return; // 4
  if (headAtEnd(c, part, heads.last)) return; // 5
  if (knownPiecesOnly(c, part)) return; // 6
  if (c.strict) return; // title-case lines: only known names
  if (leadingModifiers(c, part)) return; // 7
  if (leadingDemonyms(c, part)) return; // 7
  guess(c, part); // 8
}

/** Rules 1–2: the whole part is a known name (a speaker, a gazetteer place, an acronym, a name from the story). */
function wholeKnown(c: Classing, p: Part): boolean {
  // a title-led alias ("Prime Minister Jane Doe") still splits off its title
  const known = titleLed(c.toks, p) ? null : lookupKnown(p.key, c.ctx);
  if (!known) return false;
  emit(c, { a: p.a, b: p.b, type: known.type, speaker: known.speaker });
  return true;
}

/** Does a title open a name in the part (a title that does not end it), with no organisation head in the part? */
function titleLed(toks: readonly Tok[], p: Part): boolean {
  for (let j = p.a; j < p.b; j++) if (toks[j].k === 'w' && headOf(toks[j]) === 'org') return false;
  for (let j = p.a; j < p.b - 1; j++) {
    const m = toks[j].k === 'w' ? TITLES.match(toks, j, p.b) : null;
    if (m && m.end < p.b) return true;
  }
  return false;
}

/** "The Bronx", "The Gambia": a leading "The" that belongs to the name; the rest is typed on its own. */
function leadingThe(c: Classing, p: Part): boolean {
  if (c.toks[p.a].l !== 'the' || p.b - p.a < 2) return false;
  classify(c, p.a + 1, p.b);
  return true;
}

/** Where rules 3–5 look in a part (-1: none). */
interface Heads {
  /** The first organisation head word. */
  org: number;
  /** The title (or honorific) that counts: the last one, or the one before when the last is a name (titleIsName). */
  titleStart: number;
  titleEnd: number;
  /** The head word that ends the part, if any. */
  last: Head;
}

/** The part's first organisation head, the title that counts, and its last word's head. */
function headsOf(c: Classing, p: Part): Heads {
  const { toks } = c;
  const heads: Heads = { org: -1, titleStart: -1, titleEnd: -1, last: null };
  // the title before the last one ("Mr." in "Mr. King")
  let priorStart = -1;
  let priorEnd = -1;
  for (let j = p.a; j < p.b; j++) {
    const t = toks[j];
    if (t.k !== 'w') continue;
    if (heads.org < 0 && headOf(t) === 'org') heads.org = j;
    const tm = TITLES.match(toks, j, p.b);
    if (!tm) continue;
    priorStart = heads.titleStart;
    priorEnd = heads.titleEnd;
    heads.titleStart = j;
    heads.titleEnd = tm.end;
    j = tm.end - 1;
  }
  if (titleIsName(c, p, heads, priorEnd)) {
    heads.titleStart = priorStart;
    heads.titleEnd = priorEnd;
  }
  const last = toks[p.b - 1];
  heads.last = last.k === 'w' ? headOf(last) : null;
  return heads;
}

/** Is the one-word title that ends the part a name ("Paul Singer", "Mr. King"), so that the title before it counts? */
function titleIsName(c: Classing, p: Part, heads: Heads, priorEnd: number): boolean {
  // after a first name or an initial it is the name's last word ("Paul Singer", "Martin D. Singer"); after another
  // title (ending at priorEnd) it is the name that title is written before ("Mr. King", "Rep. Pete King")
  const { toks, ctx } = c;
  const ts = heads.titleStart;
  if (heads.titleEnd !== p.b || ts <= p.a || heads.titleEnd - ts !== 1 || !toks[ts].gap) return false;
  const w = toks[ts - 1];
  const known = w.k === 'w' ? lookupKnown(w.l, ctx) : null;
  const initial = w.v === '.' && ts - 2 >= p.a && toks[ts - 2].k === 'w' && toks[ts - 2].v.length === 1;
  const afterFirstName = initial || (w.k === 'w' && firstNameGender(w.l) !== undefined && (!known || known.type === 'person'));
  const between = priorEnd >= 0 ? afterModifiers(toks, priorEnd, ts) : -1;
  return afterFirstName || (between >= 0 && (between >= ts || !lookupKnown(nameKey(toks, between, ts), ctx)));
}

/** Rule 3: an organisation head makes the part an organisation (less a title after its name). */
function organization(c: Classing, p: Part, heads: Heads): boolean {
  // not when a title-led name follows the head: "Finance Ministry adviser Jane Doe" stays split
  if (heads.org < 0 || (heads.titleEnd > heads.org && heads.titleEnd < p.b)) return false;
  const { toks, ctx } = c;
  // on a title-case line an organisation must be known, else only the known names inside it are kept
  if (c.strict && !(ctx && knownGet(ctx, p.key) !== undefined)) {
    emitAll(c, knownPieces(toks, p.a, p.b, ctx)?.list);
    return true;
  }
  // a title after the organisation's name is not part of it: "Democratic National Committee | Chair" (but
  // "Department of Justice" is one name)
  const ts = heads.titleStart;
  const end = heads.titleEnd === p.b && ts > heads.org && isNameWord(toks[ts - 1]) ? ts : p.b;
  const key = end === p.b ? p.key : nameKey(toks, p.a, end);
  emit(c, { a: p.a, b: end, type: 'organization', speaker: ctx?.speakerByName.get(stripThe(key)) });
  return true;
}

/** Rule 4: a title splits the part: what comes before it is typed on its own, the name after it is a person. */
function splitAtTitle(c: Classing, p: Part, heads: Heads): boolean {
  // not when a place or document head ends the part: "Prince William County", "National Voter Registration Act"
  if (heads.titleEnd <= p.a || ((heads.last === 'place' || heads.last === 'other') && p.b - p.a >= 2)) return false;
  const ts = titleOpening(c.toks, p.a, heads);
  if (ts > p.a) classify(c, p.a, ts);
  nameAfterTitle(c, heads.titleEnd, p.b);
  return true;
}

/** Where the splitting title starts: past an organisation head that opens it, else back over its modifiers. */
function titleOpening(toks: readonly Tok[], a: number, heads: Heads): number {
  let ts = heads.titleStart;
  // the head stays with the name before it: "Republican National Committee | Chairman Reince Priebus"
  if (ts > a) while (ts < heads.titleEnd - 1 && toks[ts].k === 'w' && headOf(toks[ts]) === 'org') ts++;
  if (ts !== heads.titleStart) return ts;
  // the title's modifiers belong to it: "Deputy Foreign Minister", "Ex-President"
  for (;;) {
    if (ts > a && TITLE_MODIFIERS.has(toks[ts - 1].l)) ts--;
    else if (ts - 2 >= a && toks[ts - 1].v === '-' && !toks[ts - 1].gap && !toks[ts].gap && TITLE_MODIFIERS.has(`${toks[ts - 2].l}-`))
      ts -= 2;
    else return ts;
  }
}

/** The name after a splitting title, toks[from, b): a known name's type (a place there is a person), else a person. */
function nameAfterTitle(c: Classing, from: number, b: number): void {
  const { toks, ctx } = c;
  let a = from;
  while (a < b && toks[a].k === 'p') a++;
  if (a >= b) return;
  const known = lookupKnown(nameKey(toks, a, b), ctx);
  if (known) emit(c, { a, b, type: known.type === 'place' ? 'person' : known.type, speaker: known.speaker });
  else if (!c.strict) emit(c, { a, b, type: 'person', speaker: undefined });
  // on a title-case line only the known names in it are kept
  else emitAll(c, knownPieces(toks, a, b, ctx)?.list);
}

/** Rule 5: a place head at the end ("… Region") or start ("Republic of …") → place; a document head at the end → other. */
function headAtEnd(c: Classing, p: Part, last: Head): boolean {
  const { toks } = c;
  let type: EntityType | null = null;
  if (p.b - p.a >= 3 && toks[p.a].k === 'w' && headOf(toks[p.a]) === 'place' && toks[p.a + 1].l === 'of') type = 'place';
  else if (last === 'place' && p.b - p.a >= 2) type = 'place';
  else if (last === 'other' && p.b - p.a >= 2) type = 'other';
  if (type === null) return false;
  // on a title-case line such a part is not an entity
  if (!c.strict) emit(c, { a: p.a, b: p.b, type, speaker: undefined });
  return true;
}

/** Rule 6: every piece is a known name (hyphen compounds); on a title-case line, whatever known pieces there are. */
function knownPiecesOnly(c: Classing, p: Part): boolean {
  const pieces = knownPieces(c.toks, p.a, p.b, c.ctx);
  if (!pieces || !(pieces.complete || c.strict)) return false;
  emitAll(c, pieces.list);
  return true;
}

/** Rule 7: leading title modifiers before a known name are dropped ("Former Florida", "Ex-CIA"). */
function leadingModifiers(c: Classing, p: Part): boolean {
  const m = afterModifiers(c.toks, p.a, p.b);
  if (m <= p.a || m >= p.b || !lookupKnown(nameKey(c.toks, m, p.b), c.ctx)) return false;
  classify(c, m, p.b);
  return true;
}

/** Rule 7: leading demonyms are dropped ("Italian", "Soviet"); a part that is only demonyms is not an entity. */
function leadingDemonyms(c: Classing, p: Part): boolean {
  const { toks } = c;
  let d = p.a;
  while (d < p.b && toks[d].k === 'w' && classesOf(toks[d]) & DEMONYM) {
    d++;
    while (d < p.b && toks[d].k === 'p') d++;
  }
  if (d === p.a) return false;
  if (d < p.b) classify(c, d, p.b);
  return true;
}

/** Rule 8, guesses: one short all-caps word → organization; two to four spaced capitalised words → person; else other. */
function guess(c: Classing, p: Part): void {
  const { toks } = c;
  const words: Tok[] = [];
  for (let j = p.a; j < p.b; j++) if (toks[j].k === 'w') words.push(toks[j]);
  let type: EntityType = 'other';
  if (words.length === 1 && allCaps(words[0]) && words[0].v.length <= 6) type = 'organization';
  // a person's name has spaces: "Jane Doe"; a hyphen compound alone ("Baden-Württemberg") is left to the cues
  else if (spaced(toks, p) && words.length >= 2 && words.length <= 4 && words.every(nameShaped)) type = 'person';
  emit(c, { a: p.a, b: p.b, type, speaker: undefined }, true);
}

/** Is there a space inside the part ("Jane Doe")? */
function spaced(toks: readonly Tok[], p: Part): boolean {
  for (let j = p.a + 1; j < p.b; j++) if (toks[j].gap) return true;
  return false;
}

/** Is w shaped like a word of a person's name: capitalised, not all caps, no digit? */
function nameShaped(w: Tok): boolean {
  return capitalized(w) && !allCaps(w) && !hasDigit(w);
}

/** The first token of toks[a, b) after its leading title modifiers ("Former", "Acting", "Ex-") and the marks after them. */
function afterModifiers(toks: readonly Tok[], a: number, b: number): number {
  let m = a;
  for (;;) {
    if (m < b && toks[m].k === 'w' && TITLE_MODIFIERS.has(toks[m].l)) m++;
    else if (m + 1 < b && toks[m].k === 'w' && toks[m + 1].v === '-' && !toks[m + 1].gap && TITLE_MODIFIERS.has(`${toks[m].l}-`)) m += 2;
    else break;
  }
  while (m < b && toks[m].k === 'p') m++;
  return m;
}

/** Split toks[a, b) into known names; `complete` when nothing unknown (other than joiners) is left over. */
function knownPieces(
  toks: readonly Tok[],
  a: number,
  b: number,
  ctx: EntityContext | undefined,
): { list: Piece[]; complete: boolean } | null {
  const list: Piece[] = [];
  let complete = true;
  let j = a;
  while (j < b) {
    const t = toks[j];
    if (t.k !== 'w') {
      j++;
      continue;
    }
    let found = false;
    // keys for toks[j, j+len), built once, longest first
    const keys: string[] = [];
    let acc = '';
    for (let y = j; y < Math.min(b, j + 6); y++) {
      acc += (y > j && toks[y].gap ? ' ' : '') + toks[y].l;
      keys.push(acc);
    }
    for (let len = keys.length; len >= 1; len--) {
      const y = j + len;
      if (toks[y - 1].k !== 'w' && toks[y - 1].v !== '.') continue;
      const k = lookupKnown(keys[len - 1], ctx);
      if (k) {
        list.push({ a: j, b: y, type: k.type, speaker: k.speaker });
        j = y;
        found = true;
        break;
      }
    }
    if (!found) {
      if (!(classesOf(t) & DEMONYM) && !(t.l === 'the')) complete = false; // a word's `l` is its norm
      j++;
    }
  }
  return list.length ? { list, complete } : null;
}

/**
 * Title-case lines and name runs of a token stream. They do not depend on the context, so the two scans of a story
 * (building its context, then finding its entities) share them; keyed weakly by the token array, which is never
 * changed after lexing.
 */
const SHAPES = new WeakMap<readonly Tok[], { titled: Uint8Array; runs: Run[] }>();
function shapeOf(toks: readonly Tok[]): { titled: Uint8Array; runs: Run[] } {
  let shape = SHAPES.get(toks);
  if (!shape) {
    shape = { titled: titleCaseLines(toks), runs: collectRuns(toks, 0, toks.length) };
    SHAPES.set(toks, shape);
  }
  return shape;
}

/** Is every key run r asked `known` about in the recorded scan still unknown? */
function unchanged(rec: ScanRecord, r: number, ctx: EntityContext): boolean {
  for (let k = r ? rec.askedEnd[r - 1] : 0; k < rec.askedEnd[r]; k++) if (ctx.known.has(rec.asked[k])) return false;
  return true;
}

function isInitialStop(t: Tok): boolean {
  return (classesOf(t) & MAYBE_LISTED_FORM) !== 0 && INITIAL_STOP.has(t.v);
}

/** One run: skip what is not a name, trim sentence-initial function words, classify the rest. */
function scanRun(toks: readonly Tok[], r: Run, titled: Uint8Array, ctx: EntityContext | undefined, found: Found[]): void {
  let a = r.a;
  const b = r.b;
  const strict = titled[a] === 1;
  // months and weekdays are dates, not names
  if (b - a === 1 && classesOf(toks[a]) & MONTH_OR_DAY) return;
  if (b - a === 1 && classesOf(toks[a]) & MAYBE_LISTED_FORM && NON_NAMES.has(toks[a].v)) return;
  // pronoun "I", sentence-initial function words
  if (sentenceInitial(toks, a, 0)) {
    const whole = lookupKnown(nameKey(toks, a, b), ctx);
    if (!whole) {
      while (a < b && toks[a].k === 'w' && isInitialStop(toks[a]) && !(toks[a].l === 'the' && lookupKnown(nameKey(toks, a, b), ctx))) a++;
      while (a < b && toks[a].k === 'p') a++;
      if (a >= b) return;
      // a lone sentence-initial word must be known (or a name by shape: an acronym)
      // (an abbreviated title and a name, "Gov. Doe", is two words)
      const single = b - a === 1 || (b - a === 3 && toks[a + 1].k === 'p' && !TITLES.match(toks, a, a + 1));
      // (a === r.a: the key is the whole run's, which is not known)
      if (single && a === r.a && !allCaps(toks[a])) return;
    }
  }
  classify({ toks, ctx, strict, out: found }, a, b);
}

/**
 * Replaying a story's first scan. buildEntityContext scans the story while its context knows no names yet; the second
 * scan (entitiesInTokens, same tokens, same context) differs only where a run asks the context's `known` names about a
 * key they now hold. So the first scan keeps, per run, the entities it found and the keys it asked `known` about; the
 * second takes those entities as they are for every run whose keys are all still unknown, and scans the others again.
 * A record serves one replay.
 */
interface ScanRecord {
  ctx: EntityContext;
  /** The runs' entities as classified (copies, before the cue passes), run after run; run r ends at foundEnd[r]. */
  found: Found[];
  foundEnd: number[];
  /** The keys each run asked `known` about, run after run; run r's end at askedEnd[r]. */
  asked: string[];
  askedEnd: number[];
}
const RECORDS = new WeakMap<readonly Tok[], ScanRecord>();
/** The keys asked `known` about while a first scan is recorded (null otherwise). */
let askedKnown: string[] | null = null;
function knownGet(ctx: EntityContext, key: string): EntityType | undefined {
  if (askedKnown) askedKnown.push(key);
  return ctx.known.get(key);
}

function copyFound(f: Found): Found {
  return { ...f };
}

/**
 * Core scan over a token stream: runs, types, cues, speaker links; the entities found, by token range, in order.
 * `record`: keep a ScanRecord (see above).
 */
function scanFound(toks: readonly Tok[], ctx: EntityContext | undefined, record = false): Found[] {
  const found = scanRuns(toks, ctx, record);
  // cues: "the village of X", "the X region", "X-based", "in X", coordination with a place
  retypeByCues(toks, found);
  retypeCoordinated(toks, found);
  retypeBySameName(toks, found);
  if (ctx && ctx.mentions.length) linkMentions(toks, found, ctx.mentions);
  return inOrder(found);
}

/** The entities of every run as classified: replayed from the first scan where it still holds; recorded when `record`. */
function scanRuns(toks: readonly Tok[], ctx: EntityContext | undefined, record: boolean): Found[] {
  const { titled, runs } = shapeOf(toks);
  const found: Found[] = [];
  const replay = ctx && !record ? takeRecord(toks, ctx) : undefined;
  const rec: ScanRecord | undefined =
    record && ctx && ctx.known.size === 0 ? { ctx, found: [], foundEnd: [], asked: [], askedEnd: [] } : undefined;
  if (rec) askedKnown = rec.asked;
  try {
    for (let r = 0; r < runs.length; r++) {
      if (replay && ctx && unchanged(replay, r, ctx)) {
        for (let f = r ? replay.foundEnd[r - 1] : 0; f < replay.foundEnd[r]; f++) found.push(replay.found[f]);
        continue;
      }
      const from = found.length;
      scanRun(toks, runs[r], titled, ctx, found);
      if (rec) recordRun(rec, found, from);
    }
  } finally {
    if (rec) askedKnown = null;
  }
  if (rec) RECORDS.set(toks, rec);
  return found;
}

/** The record of the stream's first scan under this context, if any, taken out of RECORDS. */
function takeRecord(toks: readonly Tok[], ctx: EntityContext): ScanRecord | undefined {
  const prior = RECORDS.get(toks);
  if (!prior || prior.ctx !== ctx) return undefined;
  // a record is replayed once: its entities are handed over as they are (the cue passes change them)
  RECORDS.delete(toks);
  return prior;
}

/** Close a run in the record: copies of its entities, found[from…], and the end of the keys it asked about. */
function recordRun(rec: ScanRecord, found: readonly Found[], from: number): void {
  for (let f = from; f < found.length; f++) rec.found.push(copyFound(found[f]));
  rec.foundEnd.push(rec.found.length);
  rec.askedEnd.push(rec.asked.length);
}

/** Place cues around each name that is not a place nor a speaker's retype it: 'other' and guessed persons (strong cues). */
function retypeByCues(toks: readonly Tok[], found: Found[]): void {
  for (let f = 0; f < found.length; f++) {
    const e = found[f];
    if (e.type === 'place' || e.speakerId) continue;
    // a strong cue ("the village of X", "X region", "X-based", a coordinated place) retypes 'other' and a guessed
    // person; a weak one ("in X") only a guessed 'other'
    const cue = placeCue(toks, found, f);
    if (cue === 'strong' && (e.type === 'other' || (e.guessed && e.type === 'person'))) e.type = 'place';
    else if (cue === 'weak' && e.type === 'other' && e.guessed) e.type = 'place';
  }
}

/** How strongly the words around found[f] say it is a place: 'strong', 'weak' or null (no cue). */
function placeCue(toks: readonly Tok[], found: readonly Found[], f: number): 'strong' | 'weak' | null {
  const e = found[f];
  // a cue after the name or a coordinated place is strong; a cue before it as placeCuesBefore has it ("of": strong)
  if (placeCueAfter(toks, e.b)) return 'strong';
  const before = PLACE_BEFORE.matchEndingAt(toks, e.a, Math.max(0, e.a - 3));
  if (before && before.value === 'strong') return 'strong';
  if (f > 0 && coordinatedWithPlace(toks, found[f - 1], e)) return 'strong';
  return before ? 'weak' : null;
}

/** Is toks[b] a place cue after a name: "region" (a word after a space) or "-based" (no spaces)? */
function placeCueAfter(toks: readonly Tok[], b: number): boolean {
  const nx = toks[b];
  if (!nx) return false;
  if (nx.k === 'w' && nx.gap && PLACE_AFTER.has(nx.l)) return true;
  const nx2 = toks[b + 1];
  return nx.v === '-' && !nx.gap && !!nx2 && !nx2.gap && PLACE_AFTER.has(`-${nx2.l}`);
}

/** Does e follow the place prev with only "and", "or" or a comma between them? */
function coordinatedWithPlace(toks: readonly Tok[], prev: Found, e: Found): boolean {
  const p = toks[e.a - 1];
  return !!p && (p.l === 'and' || p.l === 'or' || p.v === ',') && prev.b === e.a - 1 && prev.type === 'place';
}

/** A later coordination pass: "villages of X and Y" where X became a place only in the cue pass. */
function retypeCoordinated(toks: readonly Tok[], found: Found[]): void {
  for (let f = 1; f < found.length; f++) {
    const e = found[f];
    if (e.type === 'other' && e.guessed && coordinatedWithPlace(toks, found[f - 1], e)) e.type = 'place';
  }
}

/** One name, one type: a guessed 'other' takes 'place' when another mention of the same name was typed a place. */
function retypeBySameName(toks: readonly Tok[], found: Found[]): void {
  const placeNames = new Set<string>();
  for (const e of found) if (e.type === 'place') placeNames.add(nameKey(toks, e.a, e.b));
  if (!placeNames.size) return;
  for (const e of found) if (e.type === 'other' && e.guessed && placeNames.has(nameKey(toks, e.a, e.b))) e.type = 'place';
}

/** A name the speakers stage read as a speaker's mention is that speaker, and of its kind unless it is a place. */
function linkMentions(toks: readonly Tok[], found: Found[], mentions: readonly Mention[]): void {
  let m = 0;
  for (const e of found) {
    const start = toks[e.a].s;
    const end = toks[e.b - 1].e;
    while (m < mentions.length && mentions[m].end <= start) m++;
    const mention = mentionOf(mentions, m, { start, end });
    if (!mention) continue;
    e.speakerId = mention.speaker.id;
    const ty = speakerType(mention.speaker.kind);
    if (ty && e.type !== 'place') e.type = ty;
  }
}

/** The first mention from mentions[from] on that is the name at `at` or ends with it ("Secretary Jane Doe"). */
function mentionOf(mentions: readonly Mention[], from: number, at: { start: number; end: number }): Mention | undefined {
  // not one with the name inside a longer description ("a Treasury Department aide" does not make "Treasury
  // Department" the aide)
  for (let k = from; k < mentions.length && mentions[k].start < at.end; k++) {
    const mm = mentions[k];
    if ((mm.start <= at.start && mm.end === at.end) || (mm.start >= at.start && mm.end <= at.end)) return mm;
  }
  return undefined;
}

/** The entities by start: runs come in order and each one's entities too, so they usually are already. */
function inOrder(found: Found[]): Found[] {
  for (let f = 1; f < found.length; f++) if (found[f].a < found[f - 1].a) return found.sort((x, y) => x.a - y.a);
  return found;
}

/** Core scan over a token stream, as entities with absolute offsets. */
function scanTokens(text: string, toks: readonly Tok[], ctx: EntityContext | undefined): ClaimEntity[] {
  return scanFound(toks, ctx).map((f) => {
    const s = toks[f.a].s;
    const e = toks[f.b - 1].e;
    const ent: ClaimEntity = { span: { start: s, end: e, text: text.slice(s, e) }, type: f.type };
    if (f.speakerId) ent.speakerId = f.speakerId;
    return ent;
  });
}

/**
 * The white-space separated words of toks[a, b) (as `text.slice(…).split(/\s+/)` has them), each normalised. Words
 * are the tokens between gaps; a gap that is not all white space to /\s/ (a zero-width space) takes the long way.
 */
function wordKeys(text: string, toks: readonly Tok[], a: number, b: number): string[] {
  const keys: string[] = [];
  let from = a;
  for (let j = a + 1; j <= b; j++) {
    if (j < b && !toks[j].gap) continue;
    if (j < b) for (let i = toks[j - 1].e; i < toks[j].s; i++) if (!isWs(text.charCodeAt(i))) return slowWordKeys(text, toks, a, b);
    keys.push(nameKey(toks, from, j));
    from = j;
  }
  return keys;
}
function slowWordKeys(text: string, toks: readonly Tok[], a: number, b: number): string[] {
  return text
    .slice(toks[a].s, toks[b - 1].e)
    .split(/\s+/)
    .map(norm);
}
/**
 * Named entities in `text[start, end)` with absolute offsets. Pass a context from {@link buildEntityContext} to link
 * speakers and to recognise surnames introduced earlier in the story.
 */
export function findEntities(
  text: string,
  start = 0,
  end = typeof text === 'string' ? text.length : 0,
  ctx?: EntityContext,
): ClaimEntity[] {
  if (typeof text !== 'string') return [];
  return scanTokens(text, tokensIn(text, storyTokens(text), start, end), ctx);
}

/** Internal: entities over tokens already lexed from `text` (the whole story, in buildClaims). */
export function entitiesInTokens(text: string, toks: readonly Tok[], ctx?: EntityContext): ClaimEntity[] {
  return scanTokens(text, toks, ctx);
}
