/**
 * What a source mention says about its referent: a pronoun, a name (with titles), or a description
 * ("another senior European official familiar with …", "his press office", "the Geneva-based tribunal").
 */
import { words } from '../language/words';
import { isCapitalised } from '../language/chars';
import type { Tokens } from '../language/tokens';
import { closingParen, isPollShare, possessiveApostrophe } from '../language/np';
import type { TokenRange } from '../language/tokens';
import {
  firstNameGender,
  headClass,
  honorific,
  isCountry,
  isKnownOrganization,
  isPlaceWord,
  isTitleModifier,
  titleAt,
  titleGender,
  type Gender,
  type HeadClass,
} from '../language/roles';

export interface MentionInfo {
  range: TokenRange;
  start: number;
  end: number;
  text: string;
  type: 'pronoun' | 'name' | 'nominal';
  pronoun: string | null;
  /** "another", "a", "an", "one": a new referent. */
  fresh: boolean;
  definite: boolean;
  plural: boolean;
  /** Name words as written ("Jane", "Doe"), without titles. */
  name: string[];
  /** Lower-case head phrase of a description ("official", "press office", "court"). */
  head: string | null;
  headClass: HeadClass | null;
  titles: string[];
  gender: Gender;
  /** Lower-case content words of the affiliation and modifiers ("state", "department", "french"). */
  affiliation: string[];
  /** The text of the affiliation phrase ("the State Department"). */
  affiliationText: string | null;
  /** The affiliation phrase's content words, lower-case ("state", "department"). */
  affiliationWords: string[];
  /** The description without trailing post-modifiers ("a senior official in the United States"). */
  coreText: string;
  /** "released by X": the agent that really speaks for a document. */
  agent: TokenRange | null;
  /** "his press office", "Brazil’s ambassador": the owner. */
  possessor: TokenRange | null;
  /** A name that names an organisation or a country rather than a person. */
  organizationName: boolean;
  country: boolean;
  /** An honorific stands before the name ("Mr Dunn", "Ms. Ortiz"): a person, whatever else the name is. */
  honorific: boolean;
}

const PRONOUNS = words('mentionPronouns');
const POSSESSIVE = words('possessives');
const FRESH = words('indefiniteDeterminers');
const DEFINITE = words('definiteDeterminers');
const SPLIT_PREPS = words('nounPhrasePrepositions');
const STOP = words('nameStopWords');
/** Words that follow a head and close the description's core ("aware of", "familiar with"). */
const POSTMOD = words('descriptionClosers');

/** Light stem for matching affiliations: "Canadian"/"Canada" → "canad", "States"/"State" → "state". */
function affKey(w: string): string {
  const x = w.toLowerCase().replace(/[’']s$/, '');
  return x.length > 5 ? x.slice(0, 5) : x.replace(/s$/, '');
}

/** Prepositions that open an affiliation after the head ("an official at the State Department"). */
const AFFILIATION_PREPS = ['for', 'at', 'of', 'in', 'from', 'with', 'to', 'on'];

/** The words of the core after its determiner and possessor: lower-case, and as written. */
interface CoreWords {
  words: string[];
  orig: string[];
}

/** What the titles and honorifics in the core say: where the name after them starts, and whether there was one. */
interface TitleScan {
  nameFrom: number;
  sawTitle: boolean;
}

export function analyseMention(tk: Tokens, range: TokenRange): MentionInfo {
  const [a, b] = range;
  const m = newMention(tk, range);
  const first = tk.lower[a];
  if (b - a === 1 && PRONOUNS.has(first)) return pronounMention(m, first);
  // a share in a poll ("Six in 10", "about one in four"): the respondents, a group
  if (isPollShare(tk, a, b)) {
    m.head = 'respondents';
    m.headClass = 'group';
    m.plural = true;
    return m;
  }
  m.agent = agentOf(tk, a, b);
  const coreEnd = m.agent ? m.agent[0] - 2 : b;
  const headEnd = headEndOf(tk, a, coreEnd);
  readAffiliation(tk, m, headEnd, coreEnd);
  const nameStart = readPossessor(tk, m, readDeterminer(m, first), headEnd);
  const core = coreWords(tk, nameStart, headEnd);
  if (readOrganizationName(m, core)) return finish(m, core.words);
  const scan = readTitles(m, core);
  if (readName(m, core, scan)) return finish(m, core.words);
  if (readOneOf(m, core.words)) return finish(m, core.words);
  readDescription(m, core);
  return finish(m, core.words);
}

/** A mention with every field at its default: a nominal with no head, its core the whole text. */
function newMention(tk: Tokens, range: TokenRange): MentionInfo {
  const [a, b] = range;
  const text = tk.text.slice(tk.start[a], tk.end[b - 1]);
  return {
    range,
    start: tk.start[a],
    end: tk.end[b - 1],
    text,
    type: 'nominal',
    pronoun: null,
    fresh: false,
    definite: false,
    plural: false,
    name: [],
    head: null,
    headClass: null,
    titles: [],
    gender: null,
    affiliation: [],
    affiliationText: null,
    affiliationWords: [],
    coreText: text,
    agent: null,
    possessor: null,
    organizationName: false,
    country: false,
    honorific: false,
  };
}

/** A lone pronoun: its gender and number. */
function pronounMention(m: MentionInfo, first: string): MentionInfo {
  m.type = 'pronoun';
  m.pronoun = first;
  m.gender = first === 'he' || first === 'his' ? 'm' : first === 'she' || first === 'her' ? 'f' : null;
  m.plural = first === 'they' || first === 'we' || first === 'their' || first === 'our';
  return m;
}

/** "released by X" / "issued by X": the agent, or null. */
function agentOf(tk: Tokens, a: number, b: number): TokenRange | null {
  for (let i = a; i + 1 < b; i++) {
    if (tk.lower[i + 1] === 'by' && tk.pos[i] === 'VERB') return [i + 2, b];
  }
  return null;
}

/** Where the head phrase ends: at the first preposition that is not inside a capitalised name ("Court of Justice"), or a post-modifier. */
function headEndOf(tk: Tokens, a: number, coreEnd: number): number {
  for (let i = a + 1; i < coreEnd; i++) {
    const lw = tk.lower[i];
    if (SPLIT_PREPS.has(lw) && tk.pos[i] === 'ADP') {
      const capBoth = lw === 'of' && isCapitalised(tk.value[i - 1]) && i + 1 < coreEnd && isCapitalised(tk.value[i + 1]);
      if (!capBoth) return i;
    }
    if (POSTMOD.has(lw) && i > a) return i;
  }
  return coreEnd;
}

/** The affiliation: the phrase after the splitting preposition, up to a post-modifier; and the core text it closes. */
function readAffiliation(tk: Tokens, m: MentionInfo, headEnd: number, coreEnd: number): void {
  const [a, b] = m.range;
  if (headEnd < coreEnd && AFFILIATION_PREPS.includes(tk.lower[headEnd]) && !POSTMOD.has(tk.lower[headEnd])) {
    let e = headEnd + 1;
    while (e < coreEnd && !POSTMOD.has(tk.lower[e])) e++;
    if (e > headEnd + 1) {
      m.coreText = tk.text.slice(tk.start[a], tk.end[e - 1]);
      m.affiliationText = tk.text.slice(tk.start[headEnd + 1], tk.end[e - 1]);
      for (let i = headEnd + 1; i < e; i++) {
        if (STOP.has(tk.lower[i]) || tk.pos[i] === 'PUNCT') continue;
        m.affiliation.push(affKey(tk.value[i]));
        m.affiliationWords.push(tk.lower[i]);
      }
      return;
    }
  }
  if (headEnd < b) m.coreText = tk.text.slice(tk.start[a], tk.end[Math.max(a, headEnd - 1)]);
}

/** The determiner: "another"/"a" make a new referent, "the" and possessives a known one; returns the token after it. */
function readDeterminer(m: MentionInfo, first: string): number {
  const a = m.range[0];
  if (FRESH.has(first)) {
    m.fresh = true;
    return a + 1;
  }
  if (DEFINITE.has(first)) {
    m.definite = true;
    return a + 1;
  }
  if (POSSESSIVE.has(first)) {
    m.definite = true;
    m.possessor = [a, a + 1];
    return a + 1;
  }
  return a;
}

/** "Brazil’s permanent representative": the possessor before ’s; returns the token after it. */
function readPossessor(tk: Tokens, m: MentionInfo, from: number, headEnd: number): number {
  let i = from;
  for (let k = from; k < headEnd; k++) {
    // "the minister's", and a plural's bare apostrophe ("Mr Sands' book")
    if (tk.lower[k] === '’s' || tk.lower[k] === "'s" || (k > from && possessiveApostrophe(tk, k))) {
      m.possessor = [i, k];
      for (let j = i; j < k; j++) if (!STOP.has(tk.lower[j])) m.affiliation.push(affKey(tk.value[j]));
      m.definite = true;
      i = k + 1;
    }
  }
  return i;
}

/** The core's words up to the head's end, without punctuation and bracketed asides. */
function coreWords(tk: Tokens, from: number, headEnd: number): CoreWords {
  const core: CoreWords = { words: [], orig: [] };
  for (let k = from; k < headEnd; k++) {
    // a bracketed party and state after a name ("Jane Roe (D-Ore.)") is not part of the name
    const close = closingParen(tk, k, headEnd);
    if (close >= 0) {
      k = close;
      continue;
    }
    if (tk.pos[k] === 'PUNCT' && tk.value[k] !== '-' && tk.value[k] !== '.') continue;
    core.words.push(tk.lower[k]);
    core.orig.push(tk.value[k]);
  }
  return core;
}

/** An organisation's proper name ("International Court of Justice", "the State Department"): capitalised, with an organisation word. */
function readOrganizationName(m: MentionInfo, { words, orig }: CoreWords): boolean {
  const capRun = words.length > 0 && orig.every((w, k) => isCapitalised(w) || STOP.has(words[k]) || w === '-' || w === '.' || w === '&');
  const orgWord = words.findIndex((w) => headClass(w) === 'organization');
  if (!capRun || orgWord < 0 || titledPersonAfter(words, orgWord)) return false;
  m.type = 'name';
  m.organizationName = true;
  m.name = orig.filter((w) => isCapitalised(w) || w === 'of' || w === 'and');
  m.head = words[orgWord];
  m.headClass = 'organization';
  return true;
}

/**
 * "Senate Majority Leader Mitch McConnell", "Supreme Court Justice Frank Nervo": a title after the organisation's
 * word with a name of two or more words after it makes the run a titled person, the organisation their affiliation.
 */
function titledPersonAfter(words: readonly string[], orgWord: number): boolean {
  for (let k = orgWord + 1; k < words.length; k++) {
    const t = titleAt(words, k);
    if (!t) continue;
    const rest = words.slice(k + t.len).filter((w) => w !== '.' && w !== '-');
    if (rest.length >= 2 && !rest.some((w) => headClass(w) === 'organization')) return true;
    k += t.len - 1;
  }
  return false;
}

/** Titles and honorifics, anywhere in the core ("US Secretary of State Jane Doe", "the Polish prime minister"). */
function readTitles(m: MentionInfo, { words, orig }: CoreWords): TitleScan {
  const scan: TitleScan = { nameFrom: 0, sawTitle: false };
  for (let k = 0; k < words.length; k++) {
    // a word joined by a hyphen to the next is part of a compound name, not a title ("KING-TV")
    if (orig[k + 1] === '-' && k + 2 < words.length) continue;
    const t = titleAt(words, k);
    const h = honorific(words[k]);
    if (h && (!t || t.len === 1) && k + 1 < words.length && isCapitalised(orig[k + 1])) {
      if (h.gender) m.gender = h.gender;
      if (h.title) m.titles.push(h.title);
      m.honorific = true;
      scan.nameFrom = k + 1;
      scan.sawTitle = true;
      continue;
    }
    if (t) {
      m.titles.push(t.title);
      if (t.gender) m.gender = t.gender;
      scan.nameFrom = k + t.len;
      scan.sawTitle = true;
      k += t.len - 1;
    }
  }
  return scan;
}

/** A name after the titles (a person, or a place or organisation named like one); false when the core ends in a description's head. */
function readName(m: MentionInfo, { words, orig }: CoreWords, { nameFrom, sawTitle }: TitleScan): boolean {
  const lastCap = orig.length > 0 && isCapitalised(orig[orig.length - 1]);
  const nameWords = lastCap ? orig.slice(nameFrom).filter((w) => isCapitalised(w) || w === '-' || w === '.') : [];
  const lastClass = headClass(words[words.length - 1]);
  if (!nameWords.length || nameFrom >= words.length || (lastClass && lastClass !== 'title' && !sawTitle)) return false;
  m.type = 'name';
  m.name = nameWords;
  // modifiers before the name add to the affiliation ("US", "Polish", "State Department")
  for (let k = 0; k < nameFrom; k++)
    if (isCapitalised(orig[k]) && !isTitleModifier(words[k]) && !titleAt(words, k)) m.affiliation.push(affKey(orig[k]));
  const lowName = nameWords.map((w) => w.toLowerCase());
  if (m.definite && !sawTitle) m.organizationName = true; // "The New York Post"
  if (lowName.every((w) => isPlaceWord(w) || w === 'the' || w === '-') || (lowName.length === 1 && isKnownOrganization(lowName[0]))) {
    m.organizationName = true;
    m.country = lowName.some((w) => isCountry(w) || isPlaceWord(w));
  }
  if (!m.gender && !m.organizationName) {
    const g = firstNameGender(lowName[0]);
    if (g && lowName.length > 1) m.gender = g;
  }
  return true;
}

/** "one of the diplomats": the head is in the of-phrase, and "one" makes it a single person. */
function readOneOf(m: MentionInfo, words: string[]): boolean {
  if (words.length || !m.fresh || !m.affiliationWords.length) return false;
  const w = m.affiliationWords[m.affiliationWords.length - 1];
  const cls = headClass(w) ?? headClass(w.replace(/s$/, ''));
  if (!cls) return false;
  m.head = w.replace(/s$/, '');
  m.headClass = cls === 'group' ? 'anonymous' : cls;
  return true;
}

/** A description: the longest known head at the end of the core, and its capitalised modifiers as affiliation. */
function readDescription(m: MentionInfo, { words, orig }: CoreWords): void {
  for (let n = Math.min(3, words.length); n >= 1 && !m.head; n--) {
    const phrase = words.slice(words.length - n).join(' ');
    const cls = headClass(phrase);
    if (cls) {
      m.head = phrase;
      m.headClass = cls;
    }
  }
  if (!m.head && words.length) {
    const last = words[words.length - 1];
    const cls = headClass(last.replace(/s$/, ''));
    if (cls) {
      m.head = last;
      m.headClass = cls === 'anonymous' || cls === 'spokes' ? 'group' : cls;
    }
  }
  for (let k = 0; k < Math.max(0, words.length - 1); k++) {
    if (isCapitalised(orig[k]) && !isTitleModifier(words[k])) m.affiliation.push(affKey(orig[k]));
  }
}

function finish(base: MentionInfo, words: string[]): MentionInfo {
  const lastLow = words[words.length - 1] ?? '';
  base.plural = base.headClass === 'group' || (base.type === 'nominal' && /[^s]s$/.test(lastLow) && !base.titles.length && !base.head);
  if (base.type === 'nominal' && !base.head && base.titles.length) {
    base.head = base.titles[base.titles.length - 1];
    base.headClass = 'title';
    if (!base.gender) base.gender = titleGender(base.head);
  }
  return base;
}
