/**
 * The library's word lists about people, organisations and places, as fast lookups; every stage asks here and none
 * keeps a copy of its own (the claims stage builds its token tries from the lists below).
 *  - model/titles.json (hand-edited): titles, honorifics, title modifiers, and the head nouns that mark anonymous
 *    sources, organisations, groups and spokespeople; plus the words that mark an organisation's name.
 *  - model/places.json (hand-edited): the gazetteer of countries, cities, regions and subdivisions, and demonyms. It is
 *    the one source for "is this a place / a country": it holds phrases ("United States", "Gaza Strip"), every
 *    country compromise knows, and is reviewed for news use.
 *  - model/generated/name-words.json (`npm run lexicons`, not edited by hand): compromise's first names, place words
 *    and organisation words. Its place words are only a fallback for a single word the gazetteer does not hold
 *    (isPlaceWord: towns and provinces); it also lists surnames and airport codes ("bolton", "lhr"), so the gazetteer
 *    never takes it in.
 */
import { words as wordList } from './words';
import data from '../model/titles.json';
import places from '../model/places.json';
import nameWords from '../model/generated/name-words.json';

export type Gender = 'm' | 'f' | null;
export type HeadClass = 'spokes' | 'document' | 'anonymous' | 'organization' | 'group' | 'title';

interface TitleInfo {
  gender: Gender;
}

const DOCUMENT_HEADS = wordList('documentHeads');

let built: {
  titles: Map<string, TitleInfo>; // full lower-case title phrase
  titleFirst: Map<string, number>; // first word → longest phrase length in words
  honorifics: Map<string, { gender: Gender; title: string | null }>;
  modifiers: Set<string>;
  heads: Map<string, HeadClass>; // one- or multi-word heads → class
  headWords: Set<string>; // any single word that is (the last word of) a role head or title
} | null = null;

function lex() {
  if (built) return built;
  const titles = new Map<string, TitleInfo>();
  const titleFirst = new Map<string, number>();
  const addTitle = (t: string, gender: Gender) => {
    const low = t.toLowerCase();
    if (!titles.has(low)) titles.set(low, { gender });
    const words = low.split(/\s+/);
    titleFirst.set(words[0], Math.max(titleFirst.get(words[0]) ?? 0, words.length));
  };
  for (const t of data.titles as { text: string; gender: string | null }[]) addTitle(t.text, (t.gender as Gender) ?? null);
  const honorifics = new Map<string, { gender: Gender; title: string | null }>();
  for (const h of data.honorifics as { text: string; variants: string[]; gender: string | null; title?: string }[]) {
    for (const v of h.variants) honorifics.set(v.toLowerCase(), { gender: (h.gender as Gender) ?? null, title: h.title ?? null });
  }
  const heads = new Map<string, HeadClass>();
  const put = (list: string[], cls: HeadClass) => {
    for (const w of list) if (!heads.has(w.toLowerCase())) heads.set(w.toLowerCase(), cls);
  };
  for (const d of DOCUMENT_HEADS) heads.set(d, 'document');
  put(data.spokesHeads as string[], 'spokes');
  put(data.groupHeads as string[], 'group');
  put(data.anonymousHeads as string[], 'anonymous');
  put(data.organizationHeads as string[], 'organization');
  for (const t of titles.keys()) if (!heads.has(t)) heads.set(t, 'title');
  const headWords = new Set<string>();
  for (const h of heads.keys()) headWords.add(h.split(/\s+/).pop() as string);
  built = {
    titles,
    titleFirst,
    honorifics,
    modifiers: new Set((data.titleModifiers as string[]).map((s) => s.toLowerCase())),
    heads,
    headWords,
  };
  return built;
}

/** A single word that names a role or a role-bearing body ("spokesman", "minister", "official", "court"). */
export function isRoleWord(lower: string): boolean {
  return lex().headWords.has(lower) || lex().titles.has(lower);
}

/** An honorific ("Mr.", "Sen.", "President"): the gender it fixes and the title it stands for. */
export function honorific(lower: string): { gender: Gender; title: string | null } | undefined {
  return lex().honorifics.get(lower);
}

export function isTitleModifier(lower: string): boolean {
  return lex().modifiers.has(lower);
}

/** The longest title starting at words[i] (lower-case): its length in words, or 0. */
export function titleAt(words: readonly string[], i: number): { len: number; title: string; gender: Gender } | null {
  const L = lex();
  const max = L.titleFirst.get(words[i]);
  if (!max) return null;
  for (let n = Math.min(max, words.length - i); n >= 1; n--) {
    const phrase = words.slice(i, i + n).join(' ');
    const info = L.titles.get(phrase);
    if (info) return { len: n, title: phrase, gender: info.gender };
  }
  return null;
}

/** The class of a head noun phrase ("press office" → spokes, "court" → organization, "officials" → group). */
export function headClass(phrase: string): HeadClass | null {
  return lex().heads.get(phrase) ?? null;
}

export function titleGender(title: string): Gender {
  return lex().titles.get(title)?.gender ?? null;
}

/** Every title phrase (titles.json `titles`), lower-case: "president", "secretary of state", "attorney-general". */
export function titleList(): readonly string[] {
  return [...lex().titles.keys()];
}

/** Every honorific as written before a name (titles.json `honorifics`, all variants), lower-case: "mr.", "sen", "lt. gen.". */
export function honorificList(): readonly string[] {
  return [...lex().honorifics.keys()];
}

/** Words that may precede a title without changing its head (titles.json `titleModifiers`): "deputy", "acting", "ex-". */
export function titleModifierList(): readonly string[] {
  return [...lex().modifiers];
}

/** Head nouns of organisations (titles.json `organizationHeads`), lower-case: "ministry", "court", "inc.", "central bank". */
export function organizationHeadList(): readonly string[] {
  return (data.organizationHeads as string[]).map((s) => s.toLowerCase());
}

/**
 * Words that make a capitalised name an organisation's wherever they stand in it, but head no description of one
 * (titles.json `organizationNameWords`): "Times", "Watch", "International", "Reuters". Not heads: "the International
 * Monetary Fund" is headed by "fund", and "the watch" names no organisation.
 */
export function organizationNameWordList(): readonly string[] {
  return (data.organizationNameWords as string[]).map((s) => s.toLowerCase());
}

export type PlaceKind = 'country' | 'city' | 'region' | 'subdivision';

/** Lower-cased, curly apostrophes folded to "'", white space collapsed and trimmed: the key every place is kept by. */
export function placeKey(name: string): string {
  return name
    .replace(/[\u2019\u2018]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

let gazetteer: Map<string, PlaceKind> | null = null;
function gaz(): Map<string, PlaceKind> {
  if (!gazetteer) {
    gazetteer = new Map();
    const lists: [PlaceKind, string[]][] = [
      ['country', places.countries],
      ['city', places.cities],
      ['region', places.regions],
      ['subdivision', places.subdivisions],
    ];
    // a name in two lists ("Djibouti", "Hong Kong") keeps the first: a country before a city
    for (const [kind, list] of lists) for (const p of list) if (!gazetteer.has(placeKey(p))) gazetteer.set(placeKey(p), kind);
  }
  return gazetteer;
}

/**
 * The gazetteer (model/places.json): what kind of place `key` names ("kenya" → country, "new york" → city,
 * "middle east" → region, "texas" → subdivision), or null. `key` as {@link placeKey} makes it.
 */
export function placeKind(key: string): PlaceKind | null {
  return gaz().get(key) ?? null;
}

/** Is `key` (as {@link placeKey} makes it) a place in the gazetteer (model/places.json)? */
export function isPlace(key: string): boolean {
  return gaz().has(key);
}

/** Demonyms and other adjectives of nationality, region, religion or party (places.json `demonyms`), lower-case: "italian", "soviet". */
export function demonymList(): readonly string[] {
  return places.demonyms.map(placeKey);
}

// (name-words.json's countries are not read: places.json holds them all, and is the one country list)
type WordClass = 'male' | 'female' | 'first' | 'place' | 'organization';
let words: Map<string, WordClass[]> | null = null;
function wordClasses(lower: string): WordClass[] {
  if (!words) {
    words = new Map();
    for (const cls of ['male', 'female', 'first', 'place', 'organization'] as const) {
      for (const w of (nameWords as unknown as Record<WordClass, string[]>)[cls]) {
        const list = words.get(w);
        if (list) list.push(cls);
        else words.set(w, [cls]);
      }
    }
  }
  return words.get(lower) ?? [];
}

export function firstNameGender(lower: string): Gender | undefined {
  const t = wordClasses(lower);
  if (t.includes('male')) return 'm';
  if (t.includes('female')) return 'f';
  if (t.includes('first')) return null;
  return undefined;
}

/**
 * Is the lower-case word a place: a one-word name in the gazetteer (model/places.json), or a word compromise's lexicon
 * tags a place (model/generated/name-words.json: towns and provinces the gazetteer leaves out)?
 */
export function isPlaceWord(lower: string): boolean {
  return isPlace(lower) || wordClasses(lower).includes('place');
}

/** Is the lower-case word a country (or territory) in the gazetteer (model/places.json `countries`)? */
export function isCountry(lower: string): boolean {
  return placeKind(lower) === 'country';
}

export function isKnownOrganization(lower: string): boolean {
  return wordClasses(lower).includes('organization');
}
