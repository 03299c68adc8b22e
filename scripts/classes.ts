/**
 * The classes `npm run eval` breaks its scores down by, and the PolNeAR reading of follow-on quotes.
 * Pure functions over the corpus format (../shared/corpora/README.md) and extract()'s quotes.
 *
 * - Cue classes, for precision and recall per class: a gold attribution's class comes from its gold cue, a
 *   prediction's from its cue, by the same rules, so "said-type recall 80%" and "said-type precision 90%" speak of
 *   the same kind of statement.
 * - Mention classes, for speaker accuracy per class: from the gold source mention (what the reader had to resolve),
 *   so the table says which kind of reference still goes to the wrong person.
 */
import type { Quote } from '../src/types';

export const CUE_CLASSES = ['said', 'according to', 'colon', 'naming', 'no cue'] as const;
export type CueClass = (typeof CUE_CLASSES)[number];

export const MENTION_CLASSES = ['name', 'pronoun', 'description', 'follow-on'] as const;
export type MentionClass = (typeof MENTION_CLASSES)[number];

/** Cues that name or label rather than report: "called it", "described as", "dubbed", "branded". */
const NAMING = /^(?:call|dub|describ|label|term|brand|characteri[sz]|nam(?:e|ed|ing)\b)/i;
/** A cue that is punctuation alone: a label's colon, a signature's dash. */
const PUNCT_ONLY = /^[\s:—–-]+$/u;

/** The class of a cue, from its text (null: no cue). */
export function cueClassOf(cueText: string | null | undefined): CueClass {
  const t = (cueText ?? '').trim();
  if (!t) return 'no cue';
  if (/\baccording\b/i.test(t)) return 'according to';
  if (PUNCT_ONLY.test(t)) return 'colon';
  if (NAMING.test(t)) return 'naming';
  return 'said';
}

const PRONOUNS = new Set('he she they it i we you him her them his hers its their theirs us me'.split(' '));
const DETERMINERS = new Set('the a an this that these those another one some'.split(' '));

/**
 * The class of a gold source mention: none (the reader carries the speaker over) is a follow-on; a personal
 * pronoun; a name (a capitalised word past the first, or a capitalised single word inside the sentence); else a
 * description ("the prime minister", "officials").
 */
export function mentionClassOf(source: string | null | undefined, sentenceInitial = false): MentionClass {
  const t = (source ?? '').trim();
  if (!t) return 'follow-on';
  const words = t.split(/\s+/u);
  if (words.length === 1 && PRONOUNS.has(words[0].toLowerCase())) return 'pronoun';
  const capital = (w: string): boolean => /^\p{Lu}/u.test(w) && !DETERMINERS.has(w.toLowerCase());
  if (words.slice(1).some(capital)) return 'name';
  if (capital(words[0]) && !sentenceInitial) return 'name';
  return 'description';
}

/** Does a span starting at `start` open its sentence (text start, or after . ! ? and quotes/space)? */
export function opensSentence(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 4), start);
  return start === 0 || /(?:^|[.!?]["”’']?\s+|\n\s*)$/u.test(before);
}

/**
 * PolNeAR reads `"A," X said. "B."` as one attribution with two spans: each quote that names the quote it
 * continues (`continues`) is folded into the first quote of its chain, as more content spans. Quotes that continue
 * nothing are returned as they are; a `continues` naming no quote is ignored.
 */
export function joinContinuations(quotes: readonly Quote[]): Quote[] {
  const byId = new Map(quotes.map((q) => [q.id, q]));
  const root = (q: Quote): Quote => {
    let r = q;
    for (let hops = 0; r.continues && byId.has(r.continues) && hops < quotes.length; hops++) r = byId.get(r.continues) as Quote;
    return r;
  };
  const extra = new Map<string, Quote[]>();
  const kept: Quote[] = [];
  for (const q of quotes) {
    const r = root(q);
    if (r === q) kept.push(q);
    else extra.set(r.id, [...(extra.get(r.id) ?? []), q]);
  }
  return kept.map((q) => {
    const more = extra.get(q.id);
    if (!more) return q;
    const spans = [q, ...more].flatMap((x) => (x.spans?.length ? x.spans : [x.content]));
    spans.sort((a, b) => a.start - b.start);
    return { ...q, spans };
  });
}
