/**
 * Speaker resolution: one pass over the story in text order, keeping a registry of the people and bodies
 * met so far (from the names the story mentions and from every source mention), and resolving each
 * attribution's source to one of them — pronouns by gender, number, recency and subject preference;
 * descriptions by head, title and affiliation; names by surname; "another …" always to someone new.
 */
import { isCapitalised } from '../language/chars';
import type { Context } from '../attribution/context';
import { tokenAt } from '../language/tokens';
import type { RawAttribution } from '../attribution/types';
import type { TokenRange } from '../language/tokens';
import type { SpeakerKind } from '../types';
import { analyseMention, type MentionInfo } from './mention';
import { appositionAt, npEndingAt } from '../language/np';
import type { Gender, HeadClass } from '../language/roles';
import { firstNameGender, isRoleWord, isTitleModifier } from '../language/roles';
import { AFFINITY, DESCRIPTION, PRONOUN } from './weights';
import { words } from '../language/words';

export interface Entity {
  id: number;
  kind: SpeakerKind;
  nameWords: string[] | null;
  surname: string | null;
  heads: Set<string>;
  classes: Set<HeadClass>;
  titles: Set<string>;
  affiliation: Set<string>;
  affiliationText: string | null;
  description: string | null;
  gender: Gender;
  plural: boolean;
  mentions: { start: number; end: number }[];
  aliases: string[];
  /** Sentence of the last mention outside quotes. */
  lastSeen: number;
  /** Sentence of the last mention anywhere, quotes included. */
  lastMention: number;
  /** Sentence where it was last a subject or a source. */
  lastSubject: number;
  spoke: number;
  speaksFor: Entity | null;
  /** Described as a business ("oil firm X", "X, a UK oil firm,"): what "the company" or "the firm" may take up. */
  business: boolean;
}

export interface Resolution {
  entities: Entity[];
  /** Entity of each raw attribution (same order), or null. */
  speakerOf: (Entity | null)[];
  /** Resolution confidence factor per attribution. */
  certainty: number[];
  /** Per attribution: the index of the attribution a follow-on quote continues (the last speaker's), or -1. */
  continues: number[];
}

/** How many same-named candidates a look-up weighs, most recent first. */
const LOOKBACK = 64;
/** How many of the latest activity records a look-back over recent entities walks at most. */
const RECENT_SCAN = 512;
const norm = (w: string): string => w.toLowerCase().replace(/[’']s$/, '');

/** Small words an organisation's initials leave out ("The Bank of England" → BOE takes no letter from "The"). */
const INITIALS_SKIP = words('nameStopWords');

/** The initials of a name's capitalised words, small words aside ("Bank of England" → BE). */
function initialsOf(nameWords: readonly string[]): string {
  let initials = '';
  for (const w of nameWords) if (isCapitalised(w) && !INITIALS_SKIP.has(w.toLowerCase())) initials += w[0];
  return initials;
}

/** The token after the last one of the sentence holding token `tok`. */
function sentenceEnd(ctx: Context, tok: number): number {
  return ctx.seg.sentTok[ctx.sentOfTok[tok]]?.[1] ?? ctx.tk.n;
}

class Registry {
  entities: Entity[] = [];
  lastSpeaker: Entity | null = null;
  lastSpeakerParagraph = -1;
  /** The source mention of the last attribution, which a following quote with no cue continues. */
  lastSource: TokenRange | null = null;
  /** The index of the last attribution that found a speaker; -1 before the first. */
  lastQuote = -1;
  /** Per attribution: the attribution a follow-on quote continues, or -1 (see continuedSpeaker). */
  continues: number[] = [];
  /** Documents put out by someone the story named ("The board released its report"), in text order. */
  documents: { head: string; author: Entity; sentence: number }[] = [];
  /** Entities in the order they were last touched (sentence stamps), for bounded look-backs. */
  private activity: { e: Entity; sentence: number }[] = [];
  /** Name words (lower-case) → entities whose name contains them. */
  private nameIndex = new Map<string, Entity[]>();
  private stamp = 0;
  private seen = new Map<Entity, number>();

  touch(e: Entity, sentence: number): void {
    const last = this.activity[this.activity.length - 1];
    if (last && last.e === e && last.sentence === sentence) return;
    this.activity.push({ e, sentence });
  }

  /**
   * Entities active at or after sentence `since`, most recent first, each once. The walk is bounded in records
   * as well as sentences: a story that is one endless sentence ("officials said that sources said that …")
   * would otherwise walk the whole history at every mention.
   */
  recent(since: number): Entity[] {
    const out: Entity[] = [];
    const stamp = ++this.stamp;
    const stop = Math.max(0, this.activity.length - RECENT_SCAN);
    for (let k = this.activity.length - 1; k >= stop; k--) {
      const a = this.activity[k];
      if (a.sentence < since) break;
      if (this.seen.get(a.e) === stamp) continue;
      this.seen.set(a.e, stamp);
      out.push(a.e);
    }
    return out;
  }

  /** Organisations whose name shares a word with the words given, most recently created first. */
  namedBodies(words: string[]): Entity[] {
    // search the most specific word's list (a word shared by every body, like "group", says little)
    let pool: Entity[] | null = null;
    for (const w of words) {
      const list = this.nameIndex.get(norm(w));
      if (list && (!pool || list.length < pool.length)) pool = list;
    }
    const out: Entity[] = [];
    if (!pool) return out;
    for (let k = pool.length - 1; k >= 0 && out.length < LOOKBACK; k--) if (pool[k].kind === 'organization') out.push(pool[k]);
    return out;
  }

  /** Offices already created for an owner. */
  offices = new Map<Entity, Entity[]>();

  index(e: Entity, words: string[]): void {
    for (const w of words) {
      const k = norm(w);
      const list = this.nameIndex.get(k) ?? [];
      if (!list.includes(e)) list.push(e);
      this.nameIndex.set(k, list);
    }
  }

  create(kind: SpeakerKind): Entity {
    const e: Entity = {
      id: this.entities.length,
      kind,
      nameWords: null,
      surname: null,
      heads: new Set(),
      classes: new Set(),
      titles: new Set(),
      affiliation: new Set(),
      affiliationText: null,
      description: null,
      gender: null,
      plural: false,
      mentions: [],
      aliases: [],
      lastSeen: -1,
      lastMention: -1,
      lastSubject: -1,
      spoke: 0,
      speaksFor: null,
      business: false,
    };
    this.entities.push(e);
    return e;
  }

  absorb(e: Entity, m: MentionInfo, sentence: number, subject: boolean, inQuote: boolean): void {
    if (m.type === 'name' && m.name.length) {
      if (!e.nameWords || m.name.length > e.nameWords.length) e.nameWords = m.name.slice();
      if (!e.surname || m.name.length > 1) e.surname = norm(m.name[m.name.length - 1]);
      this.index(e, m.name);
    }
    if (m.head) e.heads.add(m.head.split(' ').pop() as string);
    if (m.headClass) e.classes.add(m.headClass);
    for (const t of m.titles) {
      e.titles.add(t);
      e.heads.add(t.split(' ').pop() as string);
    }
    for (const a of m.affiliation) e.affiliation.add(a);
    if (m.affiliationText && !e.affiliationText) e.affiliationText = m.affiliationText;
    if (m.type === 'nominal' && (!e.description || (m.fresh && !e.description.match(/^(a|an|another)\b/i)))) e.description = m.coreText;
    if (m.gender && !e.gender && (e.kind === 'person' || e.kind === 'anonymous' || e.kind === 'unknown')) e.gender = m.gender;
    if (m.type !== 'pronoun') {
      const alias = m.coreText;
      if (!e.aliases.includes(alias)) e.aliases.push(alias);
    }
    this.addMention(e, m.start, m.end);
    e.lastMention = Math.max(e.lastMention, sentence);
    if (inQuote) this.touch(e, sentence);
    if (!inQuote) {
      e.lastSeen = sentence;
      if (subject) e.lastSubject = sentence;
      this.touch(e, sentence);
    }
  }

  addMention(e: Entity, start: number, end: number): void {
    const last = e.mentions[e.mentions.length - 1];
    if (last && last.start === start && last.end === end) return;
    e.mentions.push({ start, end });
  }

  /**
   * "The BRC said" after "the British Retail Consortium": the latest organisation whose capitalised name words
   * (of, the, and, for aside) have these initials. Only for a one-word name of two to six capitals.
   */
  byInitials(words: string[]): Entity | null {
    if (words.length !== 1 || !/^[A-Z]{2,6}$/.test(words[0])) return null;
    const acronym = words[0];
    // (the latest LOOKBACK entities only: a story of thousands of capitalised sources stays linear)
    for (let k = this.entities.length - 1; k >= 0 && k >= this.entities.length - LOOKBACK; k--) {
      const e = this.entities[k];
      if (e.kind !== 'organization' || !e.nameWords || e.nameWords.length < 2) continue;
      if (initialsOf(e.nameWords) === acronym) return e;
    }
    return null;
  }

  /** The entity these name words name, most recent first; never one of the other gender ("Mr. Dunn" is not "Jane Dunn"). */
  byName(words: string[], personOnly: boolean, gender: Gender = null): Entity | null {
    const low = words.map(norm);
    const surname = low[low.length - 1];
    let best: Entity | null = null;
    const pool = this.nameIndex.get(surname) ?? [];
    for (let k = pool.length - 1; k >= 0 && k >= pool.length - LOOKBACK; k--) {
      const e = pool[k];
      if (!e.nameWords) continue;
      if (personOnly && e.kind !== 'person' && e.kind !== 'anonymous') continue;
      if (!genderOk(e, gender)) continue;
      const names = e.nameWords.map(norm);
      if (e.kind === 'organization') {
        // "The Post" for "The New York Post"; "Moscow" for "Moscow"
        if (low.every((w) => names.includes(w))) return e;
        continue;
      }
      if (e.surname !== surname && !(low.length === 1 && names.includes(surname))) continue;
      if (low.length > 1 && names.length > 1 && names[0] !== low[0] && !(low[0].length <= 2 && names[0][0] === low[0][0])) continue; // another first name
      if (!best || e.lastSeen > best.lastSeen) best = e;
    }
    return best;
  }
}

const PERSONISH = new Set<SpeakerKind>(['person', 'anonymous', 'unknown']);

function genderOk(e: Entity, g: Gender): boolean {
  return !g || !e.gender || e.gender === g;
}

function affinity(e: Entity, m: MentionInfo): number {
  if (!m.affiliation.length || !e.affiliation.size) return 0;
  let hit = 0;
  for (const a of m.affiliation) if (e.affiliation.has(a)) hit++;
  return hit ? AFFINITY.base + Math.min(hit, AFFINITY.maxShared) * AFFINITY.perShared : AFFINITY.clash;
}

/** Can entity e be what a description with head word h (the last word of m.head) refers to? */
function headCompatible(e: Entity, m: MentionInfo, h: string): boolean {
  if (e.heads.has(h)) return true;
  if (m.headClass === 'spokes' && e.classes.has('spokes')) return true;
  if (m.headClass === 'title' && m.titles.some((t) => e.titles.has(t))) return true;
  if (!m.plural && COMPANY_HEADS.has(h) && (e.business || organizationLike(e))) return true;
  // "the charity", "the union": a body named before as one ("the Hansard Society", "the Association of …")
  if (!m.plural && BODY_HEADS.has(h) && e.kind === 'organization' && !e.business && namedAsBody(e)) return true;
  return false;
}

/** An organisation whose name has a body's word in it ("Hansard Society", "Association of Flight Attendants"). */
function namedAsBody(e: Entity): boolean {
  return !!e.nameWords && e.nameWords.some((w) => BODY_HEADS.has(w.toLowerCase()));
}

/** "the company", "the firm", "the bank": heads that may take up a business named before (see organizationLike). */
const COMPANY_HEADS = words('companyHeads');
const BODY_HEADS = words('bodyHeads');
/** One-word "names" that are common words at a sentence's start: never a company taken up by "the company". */
const NOT_COMPANY_NAMES = new Set([...words('weekdays'), ...words('months'), ...words('determiners'), ...words('quantifierSubjects')]);

/**
 * Can "the company", "the firm", "the bank" be e? An organisation named without a head word of its own ("Acme",
 * not "the Tax Foundation"), or a one-word name that nothing marks as a person (no first name, title, honorific or
 * gender): "Acme said sales fell. The company said …".
 */
function organizationLike(e: Entity): boolean {
  if (e.kind === 'organization') return e.heads.size === 0;
  if (e.kind !== 'person' || !e.nameWords || e.nameWords.length !== 1 || e.gender || e.titles.size) return false;
  const w = e.nameWords[0].toLowerCase();
  // (a bare word that only ever stood at a sentence's start — "Friday", "Both" — has not been the subject of anything)
  return firstNameGender(w) === undefined && !NOT_COMPANY_NAMES.has(w) && (e.spoke > 0 || e.lastSubject >= 0);
}

export function resolveSpeakers(ctx: Context, raws: RawAttribution[]): Resolution {
  const { tk } = ctx;
  const reg = new Registry();
  reg.continues = new Array(raws.length).fill(-1);
  const speakerOf: (Entity | null)[] = new Array(raws.length).fill(null);
  const certainty: number[] = new Array(raws.length).fill(1);

  // source mentions, so the name scan leaves them to the attribution that owns them
  const sourceTok = new Uint8Array(tk.n);
  for (const r of raws) {
    if (r.source) for (let i = r.source[0]; i < r.source[1]; i++) sourceTok[i] = 1;
    if (r.appositive) for (let i = r.appositive[0]; i < r.appositive[1]; i++) sourceTok[i] = 1;
  }
  // events in text order: name runs and attributions (at their source, or their content when unsourced)
  const order = raws.map((r, k) => ({ k, at: r.source ? tk.start[r.source[0]] : r.parts[0][0] }));
  order.sort((x, y) => x.at - y.at || x.k - y.k);
  let next = 0;
  const runs = nameRuns(ctx, sourceTok);
  let ri = 0;
  const flushRunsBefore = (pos: number) => {
    while (ri < runs.length && tk.start[runs[ri][0]] < pos) {
      backgroundMention(ctx, reg, runs[ri]);
      ri++;
    }
  };
  for (; next < order.length; next++) {
    const { k, at } = order[next];
    flushRunsBefore(at);
    const r = raws[k];
    const e = resolveOne(ctx, reg, r, k, certainty);
    speakerOf[k] = e;
    if (e) {
      e.spoke++;
      reg.lastSpeaker = e;
      reg.lastSpeakerParagraph = r.paragraph;
      reg.lastSource = r.source;
      reg.lastQuote = k;
      e.lastSubject = r.sentence;
      reg.touch(e, r.sentence);
    }
  }
  flushRunsBefore(Infinity);
  return { entities: reg.entities, speakerOf, certainty, continues: reg.continues };
}

function isSubjectAt(ctx: Context, range: TokenRange): boolean {
  const { tk } = ctx;
  let j = range[1];
  // "Tom Brown, a critic of the plan, was keen …": the apposition between a subject and its verb
  const ap = appositionAt(tk, j, sentenceEnd(ctx, range[0]));
  if (ap) j = ap[1] + 1;
  let budget = 3;
  while (j < tk.n && budget-- > 0 && (tk.pos[j] === 'ADV' || tk.value[j] === ',')) j++;
  return j < tk.n && (tk.pos[j] === 'VERB' || tk.pos[j] === 'AUX');
}

/** Capitalised runs that may name people or bodies, with a title word before them when there is one. */
function nameRuns(ctx: Context, skip: Uint8Array): TokenRange[] {
  const { tk } = ctx;
  const out: TokenRange[] = [];
  let i = 0;
  while (i < tk.n) {
    if (!(tk.pos[i] === 'PROPN') || skip[i] || ctx.sentOfTok[i] < 0 || ctx.mutedSentence[ctx.sentOfTok[i]]) {
      i++;
      continue;
    }
    let j = i + 1;
    while (
      j < tk.n &&
      !skip[j] &&
      (tk.pos[j] === 'PROPN' ||
        (isCapitalised(tk.value[j]) && (tk.pos[j] === 'NOUN' || tk.pos[j] === 'ADJ')) ||
        // a surname that is also a verb, after a first name ("Ann Grant runs", "Peter Cook said")
        (j === i + 1 && isCapitalised(tk.value[j]) && tk.pos[j] === 'VERB' && firstNameGender(tk.lower[i]) !== undefined) ||
        (tk.lower[j] === 'of' && j + 1 < tk.n && isCapitalised(tk.value[j + 1]) && tk.pos[j + 1] !== 'PUNCT') ||
        // a hyphen or an initial's period inside a name, with no space either side ("Ali-Frazier", "J.K"), never a
        // sentence's end ("… Ms. Ortiz. Paul Reyes …")
        ((tk.value[j] === '-' || tk.value[j] === '.') &&
          tk.start[j] === tk.end[j - 1] &&
          j + 1 < tk.n &&
          tk.start[j + 1] === tk.end[j] &&
          tk.pos[j + 1] === 'PROPN'))
    )
      j++;
    let a = i;
    // lower-case titles before a name ("spokesman Ned Price", "prime minister Jane Doe")
    while (
      a > 0 &&
      !skip[a - 1] &&
      (isRoleWord(tk.lower[a - 1]) || isTitleModifier(tk.lower[a - 1])) &&
      // (a business head is no title: "oil giant Shell" is a business, see describedAsBusiness)
      !COMPANY_HEADS.has(tk.lower[a - 1]) &&
      tk.pos[a - 1] !== 'PUNCT' &&
      a - i > -4
    )
      a--;
    // a possessive run is the owner, not a speaker mention; keep it anyway for names
    out.push([a, j]);
    i = j;
  }
  return out;
}

function backgroundMention(ctx: Context, reg: Registry, range: TokenRange): void {
  const e = registerName(ctx, reg, range);
  if (e && isSubjectAt(ctx, range)) noteDocument(ctx, reg, range, e);
}

/** A name run the story mentions: the entity it names, registered or taken up (null when it names no one). */
function registerName(ctx: Context, reg: Registry, range: TokenRange): Entity | null {
  const { tk } = ctx;
  const m = analyseMention(tk, range);
  if (m.type !== 'name' || !m.name.length) return null;
  const s = ctx.sentOfTok[range[0]];
  const inQuote = ctx.regionOfTok[range[0]] >= 0;
  const subject = isSubjectAt(ctx, range);
  if (m.organizationName) {
    if (m.country && m.name.length === 1) {
      const known = reg.byName(m.name, false);
      if (known) reg.absorb(known, m, s, subject, inQuote);
      return known;
    }
    // a name the lexicon knows as an organisation's, with a head word or described as a business ("giant Unilever")
    const business = describedAsBusiness(ctx, range);
    if (!m.head && !business && !bracketedInitials(ctx, range, m)) return null;
    const e = reg.byName(m.name, false) ?? reg.create('organization');
    if (business) e.business = true;
    reg.absorb(e, m, s, subject, inQuote);
    return e;
  }
  if (!m.titles.length && !m.honorific && (bracketedInitials(ctx, range, m) || (!m.gender && describedAsBusiness(ctx, range)))) {
    const e = reg.byName(m.name, false) ?? reg.create('organization');
    e.kind = 'organization';
    e.business = true;
    reg.absorb(e, m, s, subject, inQuote);
    return e;
  }
  const known = reg.byName(m.name, true, m.gender);
  if (known) {
    reg.absorb(known, m, s, subject, inQuote);
    return known;
  }
  // a new person: only when the story marks it as one (a title, an honorific, or a first name and a surname)
  if (m.titles.length || m.honorific || (m.name.length >= 2 && m.gender)) {
    const e = reg.create('person');
    reg.absorb(e, m, s, subject, inQuote);
    return e;
  }
  return null;
}

/** "The National Housing Forum (NHF)": a name followed by its initials in brackets names an organisation. */
function bracketedInitials(ctx: Context, range: TokenRange, m: MentionInfo): boolean {
  const { tk } = ctx;
  const b = range[1];
  if (tk.value[b] !== '(' || tk.value[b + 2] !== ')' || m.name.length < 2) return false;
  const acronym = tk.value[b + 1];
  if (!/^\p{Lu}{2,6}$/u.test(acronym)) return false;
  return initialsOf(m.name) === acronym;
}

/**
 * "oil firm Cairn Energy", "Cairn Energy, a UK oil firm, …": a business head just before the name, or heading the
 * apposition right after it, marks the name as a business.
 */
function describedAsBusiness(ctx: Context, range: TokenRange): boolean {
  const { tk } = ctx;
  const [a, b] = range;
  if (a > 0 && COMPANY_HEADS.has(tk.lower[a - 1]) && !isCapitalised(tk.value[a - 1])) return true;
  const ap = appositionAt(tk, b, sentenceEnd(ctx, a));
  if (!ap) return false;
  // the apposition's head: the last word before its end or before a preposition ("the world's largest miner by value")
  let k = ap[0];
  while (k < ap[1] && tk.pos[k] !== 'ADP') k++;
  return k - 1 >= ap[0] && COMPANY_HEADS.has(tk.lower[k - 1]);
}

/** "The Eastvale Water Board released its annual report …": the document the subject puts out, for a later "the report said". */
function noteDocument(ctx: Context, reg: Registry, range: TokenRange, author: Entity): void {
  const { tk } = ctx;
  const s = ctx.sentOfTok[range[0]];
  const end = Math.min(tk.n, range[1] + 4);
  for (let v = range[1]; v < end && ctx.sentOfTok[v] === s; v++) {
    if (!RELEASE_VERBS.has(tk.lower[v])) continue;
    for (let d = v + 1; d < Math.min(tk.n, v + 7) && ctx.sentOfTok[d] === s; d++) {
      if (DOCUMENT_HEADS.has(tk.lower[d])) {
        reg.documents.push({ head: tk.lower[d], author, sentence: s });
        return;
      }
      if (tk.pos[d] === 'VERB' || tk.pos[d] === 'PUNCT') break;
    }
    return;
  }
}

const RELEASE_VERBS = words('releaseVerbs');
const DOCUMENT_HEADS = words('documentHeads');

/** One sourced attribution being resolved: its analysed source and appositive, and where its certainty factor goes. */
interface Turn {
  r: RawAttribution;
  /** The attribution's index in `certainty`. */
  k: number;
  certainty: number[];
  m: MentionInfo;
  appositive: MentionInfo | null;
}

/** The speaker of one attribution, its certainty factor written to certainty[k]. */
function resolveOne(ctx: Context, reg: Registry, r: RawAttribution, k: number, certainty: number[]): Entity | null {
  const { tk } = ctx;
  if (!r.source) return continuedSpeaker(reg, r, k, certainty);
  const turn: Turn = {
    r,
    k,
    certainty,
    m: analyseMention(tk, relativeAntecedent(ctx, r) ?? r.source),
    appositive: r.appositive ? analyseMention(tk, r.appositive) : null,
  };
  const { m } = turn;
  if (m.type === 'pronoun') return pronounSpeaker(reg, turn, () => sentenceSubject(ctx, reg, turn));
  const author = documentAuthor(ctx, reg, turn);
  if (author) return author;
  const office = ownerOffice(ctx, reg, turn);
  if (office) return takeSource(reg, turn, office);
  const e = resolveDescriptionOrName(reg, m, r);
  if (!e) return null;
  if (m.type === 'name' && !m.titles.length && !m.honorific && !m.gender && !e.gender && !e.titles.size) {
    // "Video game giant Electronic Arts (EA) says …": the business its description makes it
    if (describedAsBusiness(ctx, m.range)) {
      e.kind = 'organization';
      e.business = true;
    }
  }
  takeSource(reg, turn, e);
  if (m.type === 'nominal' && m.headClass === 'spokes' && m.affiliationText && !e.speaksFor) {
    // a spokesperson for a body speaks for it
    const body = reg.namedBodies(m.affiliationWords).find((x) => x.nameWords && affinity(x, m) > 0 && x !== e);
    if (body) e.speaksFor = body;
  }
  return e;
}

/**
 * "…, Dan Frost, who argues …": a relative pronoun after a comma, right after a name, stands for that name, not
 * for whoever a free pronoun would pick up. Only the name is taken ("the speeches by Bernie Sanders, who …" is
 * Sanders, but not a name inside a prepositional phrase). Null when the source is no such pronoun (a restrictive
 * "voters who …" is left as it was).
 */
function relativeAntecedent(ctx: Context, r: RawAttribution): TokenRange | null {
  const { tk } = ctx;
  const src = r.source;
  if (!src || src[1] - src[0] !== 1 || !RELATIVE.has(tk.lower[src[0]])) return null;
  const last = src[0] - 2;
  const lo = ctx.seg.sentTok[r.sentence]?.[0] ?? 0;
  if (last < lo || tk.value[last + 1] !== ',' || !isCapitalised(tk.value[last]) || tk.pos[last] !== 'PROPN') return null;
  let first = last;
  while (
    first - 1 >= lo &&
    first > last - 5 &&
    (tk.pos[first - 1] === 'PROPN' || (tk.value[first - 1] === '.' && tk.start[first] === tk.end[first - 1]))
  )
    first--;
  // "an analyst at Jefferies, who …": when the name ends a noun phrase's prepositional phrase, "who" stands for the
  // whole phrase ("denied by Jack Straw, who …" keeps the name: the agent's "by" starts no noun phrase)
  if (first - 1 >= lo && tk.pos[first - 1] === 'ADP') {
    const np = npEndingAt(tk, last, lo);
    if (np && np[0] < first - 1) return np;
  }
  return [first, last + 1];
}

const RELATIVE = words('relativeWords');

/** The source mention (and its appositive) describe the entity found for it. */
function takeSource(reg: Registry, turn: Turn, e: Entity): Entity {
  reg.absorb(e, turn.m, turn.r.sentence, true, false); // a source is its cue's subject, outside the quote
  if (turn.appositive) absorbAppositive(reg, e, turn.appositive);
  return e;
}

/** A quote with no cue continues the last speaker of this or the previous paragraph (none when it does not continue). */
function continuedSpeaker(reg: Registry, r: RawAttribution, k: number, certainty: number[]): Entity | null {
  if (!r.continues) return null;
  const last = reg.lastSpeaker;
  if (!last || r.paragraph - reg.lastSpeakerParagraph > 1) return null;
  certainty[k] = r.paragraph === reg.lastSpeakerParagraph ? 0.9 : 0.75;
  // the mention that names this speaker is the one the quote continues from
  r.source = reg.lastSource;
  reg.continues[k] = reg.lastQuote;
  return last;
}

/** A pronoun source: the referent it picks up, now mentioned here. */
function pronounSpeaker(reg: Registry, turn: Turn, fallback: () => Entity | null): Entity | null {
  const { m, r, k, certainty } = turn;
  const s = r.sentence;
  const e = resolvePronoun(reg, m, r) ?? fallback();
  certainty[k] = e ? 0.9 : 0.5;
  if (!e) return null;
  if (!e.gender && m.gender && PERSONISH.has(e.kind)) e.gender = m.gender;
  reg.addMention(e, m.start, m.end);
  e.lastSeen = s;
  reg.touch(e, s);
  return e;
}

/**
 * "Okoro kept calm, however: “No one will be fired,” she said.": a personal pronoun nothing earlier can take is the
 * name that opens its own sentence as the subject — a one-word name the registry did not keep, as it marks no
 * person by itself. Null when the sentence opens otherwise.
 */
function sentenceSubject(ctx: Context, reg: Registry, turn: Turn): Entity | null {
  const { tk } = ctx;
  const { m, r } = turn;
  if (m.pronoun !== 'he' && m.pronoun !== 'she') return null;
  const span = ctx.seg.sentTok[r.sentence];
  if (!span) return null;
  const a = span[0];
  let b = a;
  while (b < span[1] && b - a < 4 && tk.pos[b] === 'PROPN') b++;
  if (b === a || !r.source || b > r.source[0] || !isSubjectAt(ctx, [a, b])) return null;
  const name = analyseMention(tk, [a, b]);
  if (name.type !== 'name' || name.organizationName || name.country) return null;
  const e = reg.byName(name.name, true, name.gender) ?? reg.create('person');
  reg.absorb(e, name, r.sentence, true, false);
  return e;
}

/** A document that speaks for its author: "a readout released by X", "the ministry's statement". */
function documentAuthor(ctx: Context, reg: Registry, turn: Turn): Entity | null {
  const { m, r } = turn;
  if (m.type !== 'nominal' || m.headClass !== 'document') return null;
  const by = m.agent ?? m.possessor ?? authorAfter(ctx, m);
  if (!by) return releasedBy(reg, turn) ?? modifierAuthor(ctx, reg, turn);
  const who = analyseMention(ctx.tk, by);
  const inner: RawAttribution = { ...r, source: by, appositive: null };
  const e = who.type === 'pronoun' ? resolvePronoun(reg, who, inner) : resolveDescriptionOrName(reg, who, inner);
  if (!e) return null;
  reg.absorb(e, who, r.sentence, true, false);
  const alias = m.coreText;
  if (!e.aliases.includes(alias)) e.aliases.push(alias);
  turn.certainty[turn.k] = 0.9;
  noteAuthored(reg, m, e, r.sentence);
  return e;
}

/** A document the story tied to its author ("the ministry's report", "The WEF report"), for a later "the report said". */
function noteAuthored(reg: Registry, m: MentionInfo, author: Entity, sentence: number): void {
  if (m.head) reg.documents.push({ head: m.head.slice(m.head.lastIndexOf(' ') + 1), author, sentence });
}

/** "a report from the Eastvale Consortium", "a statement by the ministry": the named body after "from" or "by". */
function authorAfter(ctx: Context, m: MentionInfo): TokenRange | null {
  const { tk } = ctx;
  const [a, b] = m.range;
  for (let i = a + 1; i < b - 1; i++) {
    if (tk.lower[i] !== 'from' && tk.lower[i] !== 'by') continue;
    let first = i + 1;
    if (tk.lower[first] === 'the') first++;
    return first < b && isCapitalised(tk.value[first]) ? [i + 1, b] : null;
  }
  return authorAfterAdjunct(ctx, b);
}

/** "a report earlier this week from the British Retail Consortium": a short time adjunct, then from/by and a name. */
function authorAfterAdjunct(ctx: Context, b: number): TokenRange | null {
  const { tk } = ctx;
  const s = ctx.sentOfTok[b - 1];
  let i = b;
  while (i < tk.n && i - b < 4 && ctx.sentOfTok[i] === s && TIME_ADJUNCT.has(tk.lower[i])) i++;
  if (i === b || (tk.lower[i] !== 'from' && tk.lower[i] !== 'by')) return null;
  let first = i + 1;
  if (tk.lower[first] === 'the') first++;
  let end = first;
  while (end < tk.n && ctx.sentOfTok[end] === s && (isCapitalised(tk.value[end]) || NAME_GLUE.has(tk.lower[end]))) end++;
  while (end > first && NAME_GLUE.has(tk.lower[end - 1])) end--;
  return end > first && isCapitalised(tk.value[first]) ? [i + 1, end] : null;
}
const TIME_ADJUNCT = new Set([
  ...words('timeWords'),
  ...words('timeDets'),
  ...words('timeNouns'),
  ...words('weekdays'),
  'earlier',
  'later',
]);
const NAME_GLUE = new Set(['of', 'for', 'the', 'and', '&', '’s', "'s"]);

/**
 * "The WEF report said", "an FA statement said", "a 2014 House Intelligence Committee report": the run of capitalised
 * words right before a document's lower-case head names the body that put it out — the one the story named, by name
 * or initials, or a new organisation of that name. Not when the head is capitalised too ("The Washington Post",
 * "a Morning Consult Poll" are names) or the run is a date ("a February survey").
 */
function modifierAuthor(ctx: Context, reg: Registry, turn: Turn): Entity | null {
  const run = authorRun(ctx, turn.m);
  if (!run) return null;
  const { tk } = ctx;
  const names = [];
  for (let k = run[0]; k < run[1]; k++) if (isCapitalised(tk.value[k])) names.push(tk.value[k]);
  const e = reg.byName(names, false) ?? reg.byInitials(names) ?? reg.create('organization');
  reg.absorb(e, analyseMention(tk, run), turn.r.sentence, true, false);
  if (!e.aliases.includes(turn.m.coreText)) e.aliases.push(turn.m.coreText);
  turn.certainty[turn.k] = 0.85;
  noteAuthored(reg, turn.m, e, turn.r.sentence);
  return e;
}

/** The tokens of the capitalised run that ends right before the mention's document head, or null. */
function authorRun(ctx: Context, m: MentionInfo): TokenRange | null {
  const { tk } = ctx;
  const headWord = m.head ? m.head.slice(m.head.lastIndexOf(' ') + 1) : null;
  let h = m.range[0];
  while (h < m.range[1] && tk.lower[h] !== headWord) h++;
  if (h >= m.range[1] || isCapitalised(tk.value[h])) return null;
  let first = h;
  while (first - 1 >= m.range[0] && (isCapitalised(tk.value[first - 1]) || RUN_GLUE.has(tk.value[first - 1]))) first--;
  while (first < h && (RUN_GLUE.has(tk.value[first]) || DETERMINER_WORDS.has(tk.lower[first]))) first++;
  if (first === h || TIME_ADJUNCT.has(tk.lower[h - 1]) || MONTHS.has(tk.lower[h - 1])) return null;
  return [first, h];
}
const RUN_GLUE = new Set(['-', '/', '&', '.']);
const DETERMINER_WORDS = words('determiners');
const MONTHS = words('months');

function releasedBy(reg: Registry, turn: Turn): Entity | null {
  const { m, r } = turn;
  if (m.fresh || !m.head) return null;
  const head = m.head.slice(m.head.lastIndexOf(' ') + 1);
  for (let k = reg.documents.length - 1; k >= 0 && k >= reg.documents.length - LOOKBACK; k--) {
    const doc = reg.documents[k];
    if (r.sentence - doc.sentence > DOCUMENT_REACH || doc.sentence > r.sentence) break;
    if (doc.head !== head) continue;
    const alias = m.coreText;
    if (!doc.author.aliases.includes(alias)) doc.author.aliases.push(alias);
    turn.certainty[turn.k] = 0.85;
    return doc.author;
  }
  return null;
}

/** How many sentences back "the report" may reach for the document it is. */
const DOCUMENT_REACH = 12;

/** An office that speaks for its owner ("his press office", "Smith's spokesman"): one per office and owner. */
function ownerOffice(ctx: Context, reg: Registry, turn: Turn): Entity | null {
  const { m, r } = turn;
  if (m.type !== 'nominal' || !m.possessor || !(m.headClass === 'spokes' || m.headClass === 'organization')) return null;
  const ownerInfo = analyseMention(ctx.tk, m.possessor);
  const owner =
    ownerInfo.type === 'pronoun'
      ? (cataphor(ctx, reg, r, ownerInfo) ?? resolvePronoun(reg, ownerInfo, r))
      : resolveDescriptionOrName(reg, ownerInfo, { ...r, source: m.possessor, appositive: null });
  if (!owner) return null;
  // the same office of the same owner is one speaker
  const mine = reg.offices.get(owner) ?? [];
  const existing = mine.find((x) => m.head !== null && x.heads.has(m.head.split(' ').pop() as string));
  const e =
    existing ?? reg.create(m.headClass === 'spokes' && m.head !== 'press office' && m.head !== 'office' ? 'anonymous' : 'organization');
  if (!existing) reg.offices.set(owner, [...mine, e]);
  e.speaksFor = owner;
  if (!existing && owner.nameWords) e.description = `${m.head} of ${owner.nameWords.join(' ')}`;
  turn.certainty[turn.k] = 0.85;
  return e;
}

function absorbAppositive(reg: Registry, e: Entity, a: MentionInfo): void {
  // "A Kremlin spokesman, Jane Roe, said": the appositive names the speaker
  if (a.type === 'name' && !a.organizationName && a.name.length && (!e.nameWords || a.name.length > e.nameWords.length)) {
    e.nameWords = a.name.slice();
    e.surname = norm(a.name[a.name.length - 1]);
    reg.index(e, a.name);
    if (e.kind === 'anonymous' || e.kind === 'unknown') e.kind = 'person';
  }
  for (const t of a.titles) e.titles.add(t);
  if (a.head) e.heads.add(a.head.split(' ').pop() as string);
  if (a.headClass) e.classes.add(a.headClass);
  for (const x of a.affiliation) e.affiliation.add(x);
  if (a.affiliationText && !e.affiliationText) e.affiliationText = a.affiliationText;
  if (!e.gender && a.gender) e.gender = a.gender;
  if (a.type === 'nominal' && !e.description) e.description = a.coreText;
  reg.addMention(e, a.start, a.end);
}

function resolveDescriptionOrName(reg: Registry, m: MentionInfo, r: RawAttribution): Entity | null {
  if (m.type === 'name') {
    // (a bare name may be a business named before: "Shares in Cairn Energy, a UK oil firm, fell … Cairn argues …")
    const known = reg.byName(m.name, !m.organizationName, m.gender) ?? businessNamed(reg, m) ?? reg.byInitials(m.name);
    if (known) return known;
    if (!m.organizationName) {
      // a role introduced first and a name right after: "a spokesperson for X said …" then "Jane Doe said …"
      const last = reg.lastSpeaker;
      // (or the same title: "A senior minister has warned …" then "Minister Jo Bloggs told MPs …")
      if (
        last &&
        !last.nameWords &&
        last.kind === 'anonymous' &&
        r.paragraph - reg.lastSpeakerParagraph <= 1 &&
        !r.appositive &&
        ((last.classes.has('spokes') && !m.titles.length) || sameTitle(last, m))
      ) {
        last.kind = 'person';
        return last;
      }
      return reg.create('person');
    }
    return reg.create('organization');
  }
  if (m.type !== 'nominal') return null;
  const kindFor = (): SpeakerKind =>
    m.headClass === 'organization'
      ? 'organization'
      : m.headClass === 'group' || m.plural
        ? 'group'
        : m.headClass === 'document'
          ? 'unknown'
          : m.head
            ? 'anonymous'
            : 'unknown';
  if (m.fresh) return reg.create(kindFor());
  // a definite description: the most recent compatible referent
  let best: Entity | null = null;
  let bestScore = -Infinity;
  const cur = r.sentence;
  const h = m.head ? m.head.slice(m.head.lastIndexOf(' ') + 1) : null;
  for (const e of h === null ? [] : reg.recent(cur - DESCRIPTION.window)) {
    if (!headCompatible(e, m, h as string)) continue;
    if (m.plural !== e.plural && m.headClass === 'group') continue;
    const dist = cur - Math.max(e.lastMention, e.lastSubject);
    if (dist > DESCRIPTION.window) continue;
    const score =
      affinity(e, m) * DESCRIPTION.affinity +
      dist * DESCRIPTION.perSentence +
      (e === reg.lastSpeaker ? DESCRIPTION.lastSpeaker : 0) +
      (e.spoke ? DESCRIPTION.spoke : 0);
    if (score > bestScore) {
      bestScore = score;
      best = e;
    }
  }
  if (best && bestScore > DESCRIPTION.floor) {
    // a bare name that "the company" refers to is a company
    if (h !== null && COMPANY_HEADS.has(h) && best.kind === 'person') best.kind = 'organization';
    return best;
  }
  return untitledSubject(reg, m, cur) ?? reg.create(kindFor());
}

/** A plain name that names a business the story described as one ("Cairn" for "Cairn Energy, a UK oil firm"). */
function businessNamed(reg: Registry, m: MentionInfo): Entity | null {
  if (m.titles.length || m.honorific) return null;
  const e = reg.byName(m.name, false);
  return e?.business ? e : null;
}

/** Does the named mention carry a title the unnamed entity was described by ("a senior minister" / "Minister Jo Bloggs")? */
function sameTitle(e: Entity, m: MentionInfo): boolean {
  for (const t of m.titles) if (e.titles.has(t) || e.heads.has(t.slice(t.lastIndexOf(' ') + 1))) return true;
  return false;
}

/**
 * "The minister", "the former party leader", "The Tory leader", "the Salford MP", "The Chancellor": "the" and
 * words, no "of" after the head, the last not a plural in -s — and not a capitalised head after capitalised words,
 * which names a thing ("the Huffington Post Pollster"), unless the head is an abbreviation ("MP").
 */
function definiteRole(text: string): boolean {
  const words = text.split(' ');
  if (words.length < 2 || words[0].toLowerCase() !== 'the') return false;
  for (let k = 1; k < words.length; k++) if (!/^\p{L}[\p{L}-]*$/u.test(words[k]) || words[k] === 'of') return false;
  const head = words[words.length - 1];
  if (head.endsWith('s')) return false;
  const capitalHead = isCapitalised(head) && head !== head.toUpperCase();
  return !(capitalHead && words.length > 2 && isCapitalised(words[words.length - 2]));
}

/**
 * "Jo Bloggs has criticised the plan. The minister told MPs …": a definite role description that no one's known
 * title fits takes up the one person met in the last sentences — the subject of this or the previous sentence, or
 * the speaker quoted two sentences back — when the story gave them no title that could clash, their gender agrees
 * and the description's affiliation ("the Salford MP", "the Tory leader") does not clash with theirs.
 */
function untitledSubject(reg: Registry, m: MentionInfo, cur: number): Entity | null {
  if (m.headClass !== 'title' || m.plural || m.possessor || !definiteRole(m.text)) return null;
  // the subject of this or the previous sentence; else the speaker quoted two sentences back
  return (
    onlyPersonSince(reg, m, cur, cur - 1, (e) => e.lastSubject >= cur - 1) ??
    onlyPersonSince(reg, m, cur, cur - 2, (e) => e === reg.lastSpeaker)
  );
}

/** The one person met since sentence `since` when `near` holds for them and nothing clashes; null when there are others. */
function onlyPersonSince(reg: Registry, m: MentionInfo, cur: number, since: number, near: (e: Entity) => boolean): Entity | null {
  let best: Entity | null = null;
  for (const e of reg.recent(since)) {
    if (e.kind !== 'person' && e.kind !== 'anonymous') continue;
    // anyone else met in these sentences makes the role ambiguous
    if (best) return null;
    if (e.kind !== 'person' || !e.nameWords || e.titles.size || e.plural) return null;
    if (!near(e) || e.lastSubject < since || e.lastSubject > cur) return null;
    if ((m.gender && e.gender && m.gender !== e.gender) || affinity(e, m) < 0) return null;
    best = e;
  }
  return best;
}

/** "According to his press office, Smith …": the owner named right after. */
function cataphor(ctx: Context, reg: Registry, r: RawAttribution, pron: MentionInfo): Entity | null {
  const { tk } = ctx;
  const start = r.parts[0][0];
  const i = tokenAt(tk, start);
  let j = i;
  while (j < tk.n && tk.pos[j] === 'PROPN' && j - i < 4) j++;
  if (j === i) return null;
  const m = analyseMention(tk, [i, j]);
  if (m.type !== 'name' || m.organizationName) return null;
  const g: Gender = pron.pronoun === 'his' ? 'm' : pron.pronoun === 'her' ? 'f' : null;
  const known = reg.byName(m.name, true, m.gender);
  if (known) return genderOk(known, g) ? known : null;
  // the owner is introduced right here: register them now
  if (!m.titles.length && m.name.length < 2) return null;
  const e = reg.create('person');
  const s = ctx.sentOfTok[i];
  reg.absorb(e, m, s, isSubjectAt(ctx, [i, j]), false);
  if (!e.gender && g) e.gender = g;
  return e;
}

function resolvePronoun(reg: Registry, m: MentionInfo, r: RawAttribution): Entity | null {
  const p = m.pronoun ?? (m.text.toLowerCase() as string);
  const last = reg.lastSpeaker;
  const g: Gender = p === 'he' || p === 'his' || p === 'him' ? 'm' : p === 'she' || p === 'her' ? 'f' : null;
  const firstPerson = p === 'we' || p === 'i' || p === 'you';
  if (firstPerson) return last;
  const plural = p === 'they' || p === 'their';
  const neuter = p === 'it' || p === 'its';
  const ok = (e: Entity): boolean => {
    if (neuter) return e.kind === 'organization' || e.kind === 'unknown';
    if (plural) return e.kind === 'group' || e.kind === 'organization' || e.plural || (e.kind === 'anonymous' && !e.gender);
    // (a document — "the code", "the report" — is never "he" or "she")
    return PERSONISH.has(e.kind) && genderOk(e, g) && !e.plural && !(e.kind === 'unknown' && e.classes.has('document'));
  };
  let best: Entity | null = null;
  let bestScore = -Infinity;
  const cur = r.sentence;
  for (const e of reg.recent(cur - PRONOUN.window)) {
    if (!ok(e) || e.lastSeen < 0) continue;
    const dist = cur - Math.max(e.lastSeen, e.lastSubject);
    if (dist > PRONOUN.window || dist < 0) continue;
    let score = dist * PRONOUN.perSentence;
    if (e === last) score += PRONOUN.lastSpeaker;
    if (last && !ok(last) && last.speaksFor === e) score += PRONOUN.speaksForLast;
    if (e.lastSubject === cur) score += PRONOUN.subjectHere;
    else if (e.lastSubject === cur - 1) score += e === last ? PRONOUN.subjectBeforeIsLast : PRONOUN.subjectBefore;
    if (e.spoke) score += PRONOUN.spoke;
    if (score > bestScore) {
      bestScore = score;
      best = e;
    }
  }
  return best;
}
