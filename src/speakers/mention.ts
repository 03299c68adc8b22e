/**
 * What a source mention says about its referent: a pronoun, a name (with titles), or a description
 * ("another senior European official familiar with …", "his press office", "the Geneva-based tribunal").
 */
import { words } from '../language/words';
import { isCapitalised } from '../language/chars';
import type { Tokens } from '../language/tokens';
import { closingParen, isPollShare, type Range } from '../language/np';
import { firstNameGender, headClass, honorific, isCountry, isKnownOrganization, isPlaceWord, isTitleModifier, titleAt, titleGender, type Gender, type HeadClass } from '../language/roles';

export interface MentionInfo {
  range: Range;
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
  agent: Range | null;
  /** "his press office", "Brazil’s ambassador": the owner. */
  possessor: Range | null;
  /** A name that names an organisation or a country rather than a person. */
  organizationName: boolean;
  country: boolean;
}

const PRONOUNS = words('mentionPronouns');
const POSSESSIVE = words('possessives');
const FRESH = words('indefiniteDeterminers');
const DEFINITE = words('definiteDeterminers');
const SPLIT_PREPS = words('nounPhrasePrepositions');
const STOP = words('nameStopWords');
/** Words that follow a head and close the description's core ("privy to", "familiar with"). */
const POSTMOD = words('descriptionClosers');

/** Light stem for matching affiliations: "Canadian"/"Canada" → "canad", "States"/"State" → "state". */
function affKey(w: string): string {
  const x = w.toLowerCase().replace(/[’']s$/, '');
  return x.length > 5 ? x.slice(0, 5) : x.replace(/s$/, '');
}

export function analyseMention(tk: Tokens, range: Range): MentionInfo {
  const [a, b] = range;
  const text = tk.text.slice(tk.start[a], tk.end[b - 1]);
  const base: MentionInfo = {
    range, start: tk.start[a], end: tk.end[b - 1], text, type: 'nominal', pronoun: null, fresh: false, definite: false, plural: false,
    name: [], head: null, headClass: null, titles: [], gender: null, affiliation: [], affiliationText: null, affiliationWords: [], coreText: text, agent: null, possessor: null,
    organizationName: false, country: false,
  };
  const first = tk.lower[a];
  if (b - a === 1 && PRONOUNS.has(first)) {
    base.type = 'pronoun';
    base.pronoun = first;
    base.gender = first === 'he' || first === 'his' ? 'm' : first === 'she' || first === 'her' ? 'f' : null;
    base.plural = first === 'they' || first === 'we' || first === 'their' || first === 'our';
    return base;
  }
  // a share in a poll ("Six in 10", "about one in four"): the respondents, a group
  if (isPollShare(tk, a, b)) {
    base.head = 'respondents';
    base.headClass = 'group';
    base.plural = true;
    return base;
  }
  // "released by X" / "issued by X": the agent
  for (let i = a; i + 1 < b; i++) {
    if (tk.lower[i + 1] === 'by' && tk.pos[i] === 'VERB') {
      base.agent = [i + 2, b];
      break;
    }
  }
  const coreEnd = base.agent ? base.agent[0] - 2 : b;
  // the core: up to the first preposition that is not inside a capitalised name ("Court of Justice")
  let headEnd = coreEnd;
  for (let i = a + 1; i < coreEnd; i++) {
    const lw = tk.lower[i];
    if (SPLIT_PREPS.has(lw) && tk.pos[i] === 'ADP') {
      const capBoth = lw === 'of' && isCapitalised(tk.value[i - 1]) && i + 1 < coreEnd && isCapitalised(tk.value[i + 1]);
      if (!capBoth) {
        headEnd = i;
        break;
      }
    }
    if (POSTMOD.has(lw) && i > a) {
      headEnd = i;
      break;
    }
  }
  // affiliation: the phrase after the splitting preposition, up to a post-modifier
  let coreSet = false;
  if (headEnd < coreEnd && ['for', 'at', 'of', 'in', 'from', 'with', 'to', 'on'].includes(tk.lower[headEnd]) && !POSTMOD.has(tk.lower[headEnd])) {
    let e = headEnd + 1;
    while (e < coreEnd && !POSTMOD.has(tk.lower[e])) e++;
    if (e > headEnd + 1) {
      base.coreText = tk.text.slice(tk.start[a], tk.end[e - 1]);
      coreSet = true;
      base.affiliationText = tk.text.slice(tk.start[headEnd + 1], tk.end[e - 1]);
      for (let i = headEnd + 1; i < e; i++) {
        if (STOP.has(tk.lower[i]) || tk.pos[i] === 'PUNCT') continue;
        base.affiliation.push(affKey(tk.value[i]));
        base.affiliationWords.push(tk.lower[i]);
      }
    }
  }
  if (!coreSet && headEnd < b) base.coreText = tk.text.slice(tk.start[a], tk.end[Math.max(a, headEnd - 1)]);
  let i = a;
  if (FRESH.has(first)) {
    base.fresh = true;
    i++;
  } else if (DEFINITE.has(first)) {
    base.definite = true;
    i++;
  } else if (POSSESSIVE.has(first)) {
    base.definite = true;
    base.possessor = [a, a + 1];
    i++;
  }
  // "Brazil’s permanent representative": possessor before ’s
  for (let k = i; k < headEnd; k++) {
    if (tk.lower[k] === '’s' || tk.lower[k] === "'s") {
      base.possessor = [i, k];
      for (let m = i; m < k; m++) if (!STOP.has(tk.lower[m])) base.affiliation.push(affKey(tk.value[m]));
      base.definite = true;
      i = k + 1;
    }
  }
  const words: string[] = [];
  const orig: string[] = [];
  for (let k = i; k < headEnd; k++) {
    // a bracketed party and state after a name ("Jane Roe (D-Ore.)") is not part of the name
    const close = closingParen(tk, k, headEnd);
    if (close >= 0) {
      k = close;
      continue;
    }
    if (tk.pos[k] === 'PUNCT' && tk.value[k] !== '-' && tk.value[k] !== '.') continue;
    words.push(tk.lower[k]);
    orig.push(tk.value[k]);
  }
  const capRun = words.length > 0 && orig.every((w, k) => isCapitalised(w) || STOP.has(words[k]) || w === '-' || w === '.' || w === '&');
  const orgWord = words.findIndex((w) => headClass(w) === 'organization');
  // an organisation's proper name: "International Court of Justice", "the State Department"
  if (capRun && orgWord >= 0) {
    base.type = 'name';
    base.organizationName = true;
    base.name = orig.filter((w) => isCapitalised(w) || w === 'of' || w === 'and');
    base.head = words[orgWord];
    base.headClass = 'organization';
    return finish(base, words);
  }
  // titles and honorifics, anywhere in the core ("US Secretary of State Jane Doe", "the Polish prime minister")
  let nameFrom = 0;
  let sawTitle = false;
  for (let k = 0; k < words.length; k++) {
    const t = titleAt(words, k);
    const h = honorific(words[k]);
    if (h && (!t || t.len === 1) && k + 1 < words.length && isCapitalised(orig[k + 1])) {
      if (h.gender) base.gender = h.gender;
      if (h.title) base.titles.push(h.title);
      nameFrom = k + 1;
      sawTitle = true;
      continue;
    }
    if (t) {
      base.titles.push(t.title);
      if (t.gender) base.gender = t.gender;
      nameFrom = k + t.len;
      sawTitle = true;
      k += t.len - 1;
    }
  }
  // modifiers before the head add to the affiliation ("US", "Polish", "State Department")
  const lastCap = orig.length > 0 && isCapitalised(orig[orig.length - 1]);
  const nameWords = lastCap ? orig.slice(nameFrom).filter((w) => isCapitalised(w) || w === '-' || w === '.') : [];
  if (nameWords.length && nameFrom < words.length && !(headClass(words[words.length - 1]) && headClass(words[words.length - 1]) !== 'title' && !sawTitle)) {
    base.type = 'name';
    base.name = nameWords;
    for (let k = 0; k < nameFrom; k++) if (isCapitalised(orig[k]) && !isTitleModifier(words[k]) && !titleAt(words, k)) base.affiliation.push(affKey(orig[k]));
    const lowName = nameWords.map((w) => w.toLowerCase());
    if (base.definite && !sawTitle) base.organizationName = true; // "The New York Post"
    if (lowName.every((w) => isPlaceWord(w) || w === 'the' || w === '-') || (lowName.length === 1 && isKnownOrganization(lowName[0]))) {
      base.organizationName = true;
      base.country = lowName.some((w) => isCountry(w) || isPlaceWord(w));
    }
    if (!base.gender && !base.organizationName) {
      const g = firstNameGender(lowName[0]);
      if (g && lowName.length > 1) base.gender = g;
    }
    return finish(base, words);
  }
  // "one of the diplomats": the head is in the of-phrase, and "one" makes it a single person
  if (!words.length && base.fresh && base.affiliationWords.length) {
    const w = base.affiliationWords[base.affiliationWords.length - 1];
    const cls = headClass(w) ?? headClass(w.replace(/s$/, ''));
    if (cls) {
      base.head = w.replace(/s$/, '');
      base.headClass = cls === 'group' ? 'anonymous' : cls;
      return finish(base, words);
    }
  }
  // a description: the longest known head at the end of the core
  for (let n = Math.min(3, words.length); n >= 1 && !base.head; n--) {
    const phrase = words.slice(words.length - n).join(' ');
    const cls = headClass(phrase);
    if (cls) {
      base.head = phrase;
      base.headClass = cls;
    }
  }
  if (!base.head && words.length) {
    const last = words[words.length - 1];
    const cls = headClass(last.replace(/s$/, ''));
    if (cls) {
      base.head = last;
      base.headClass = cls === 'anonymous' || cls === 'spokes' ? 'group' : cls;
    }
  }
  for (let k = 0; k < Math.max(0, words.length - 1); k++) {
    if (isCapitalised(orig[k]) && !isTitleModifier(words[k])) base.affiliation.push(affKey(orig[k]));
  }
  return finish(base, words);
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
