/**
 * The role lexicon (model/titles.json) as fast lookups: titles, honorifics, and the head nouns that mark
 * anonymous sources, organisations, groups and spokespeople. Plus the first names, countries, places and
 * organisations of compromise's word lexicon, frozen into model/generated/name-words.json (`npm run lexicons`).
 */
import { words as wordList } from './words';
import data from '../model/titles.json';
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

type WordClass = 'male' | 'female' | 'first' | 'country' | 'place' | 'organization';
let words: Map<string, WordClass[]> | null = null;
function wordClasses(lower: string): WordClass[] {
  if (!words) {
    words = new Map();
    for (const cls of ['male', 'female', 'first', 'country', 'place', 'organization'] as const) {
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

export function isPlaceWord(lower: string): boolean {
  const t = wordClasses(lower);
  return t.includes('country') || t.includes('place');
}

export function isCountry(lower: string): boolean {
  return wordClasses(lower).includes('country');
}

export function isKnownOrganization(lower: string): boolean {
  return wordClasses(lower).includes('organization');
}
