/**
 * Cue spotting: is the token at i a reporting cue, and of which kind?
 * Verbs come from the lexicon's inflection index; prepositional cues ("according to") are matched as phrases.
 */
import { words } from '../language/words';
import type { Tokens } from '../language/tokens';
import { lookupVerbForm, prepCues, type CueEntry } from './lexicon';

/** Quote marks that can close a quotation right after its final comma. */
const CLOSING_MARKS = new Set(['”', '"', '’', "'", '»', "''"]);

export interface CueHit {
  /** First and last token (inclusive) of the cue, e.g. "according to" or "pointed out". */
  first: number;
  last: number;
  entry: CueEntry;
  /** verb: a finite or infinitive verb; participle: ", adding that …"; prep: "according to". */
  kind: 'verb' | 'participle' | 'prep';
}

let prepIndex: Map<string, { words: string[]; entry: CueEntry }[]> | null = null;
function preps(): Map<string, { words: string[]; entry: CueEntry }[]> {
  if (!prepIndex) {
    prepIndex = new Map();
    for (const e of prepCues()) {
      const words = (e.text ?? e.lemma).toLowerCase().split(/\s+/);
      const list = prepIndex.get(words[0]) ?? [];
      list.push({ words, entry: e });
      prepIndex.set(words[0], list);
    }
  }
  return prepIndex;
}

const VERBAL = new Set(['VERB', 'AUX']);
/** Pronouns that open a reported clause as its subject. */
export const CLAUSE_PRONOUNS = words('clausePronouns');

/** Words before a bare gerund that make it a verb of the clause ("was saying", "while saying", "also warning"). */
const GERUND_LEADS = new Set([
  'is',
  'was',
  'were',
  'are',
  'been',
  'be',
  'am',
  "'s",
  '’s',
  'while',
  'after',
  'before',
  'when',
  'by',
  'in',
  'also',
  'repeatedly',
  'publicly',
  'not',
]);

/** The cue that token i starts, when it starts one before `hi`: a prepositional cue, else a verb cue. */
export function cueAt(tk: Tokens, i: number, hi: number): CueHit | null {
  return prepCueAt(tk, i, hi) ?? verbCueAt(tk, i, hi);
}

/** A prepositional cue ("according to") whose words all stand from token i on. */
function prepCueAt(tk: Tokens, i: number, hi: number): CueHit | null {
  const pl = preps().get(tk.lower[i]);
  if (!pl) return null;
  for (const { words, entry } of pl) {
    if (i + words.length > hi) continue;
    let ok = true;
    for (let k = 1; k < words.length && ok; k++) ok = tk.lower[i + k] === words[k];
    if (ok) return { first: i, last: i + words.length - 1, entry, kind: 'prep' };
  }
  return null;
}

/** A verb cue at token i: a verb form of the lexicon, tagged as a verb or standing where only a verb can. */
function verbCueAt(tk: Tokens, i: number, hi: number): CueHit | null {
  const entries = lookupVerbForm(tk.lower[i]);
  if (!entries || entries.length === 0) return null;
  if (!VERBAL.has(tk.pos[i]) && !nounTaggedVerb(tk, i, hi, entries)) return null;
  const { hit, last } = bestEntry(tk, i, hi, entries);
  if (!hit) return null;
  const prev = i > 0 ? tk.value[i - 1] : '';
  // (a comma inside a closing quote counts: '… “expanded the party,” claiming that …')
  const commaBefore = prev === ',' || prev === '—' || prev === '–' || (CLOSING_MARKS.has(prev) && i > 1 && tk.value[i - 2] === ',');
  const kind = hit.form === 'gerund' && commaBefore ? 'participle' : 'verb';
  // a bare gerund or participle that is not a participle clause ("the ruling party", "a written statement") is no cue
  if (hit.form === 'gerund' && kind === 'verb' && !GERUND_LEADS.has(i > 0 ? tk.lower[i - 1] : '')) return null;
  return { first: i, last, entry: hit, kind };
}

/**
 * wink sometimes tags "reports", "says" as nouns: a finite verb form between a name and "that" / ":" is a verb,
 * and so is a base form in poll results ("Six in 10 say they …", "43 percent say he …").
 */
function nounTaggedVerb(tk: Tokens, i: number, hi: number, entries: readonly CueEntry[]): boolean {
  if (tk.pos[i] !== 'NOUN') return false;
  const low = tk.lower[i];
  const next = i + 1 < hi ? tk.lower[i + 1] : '';
  const prevPos = i > 0 ? tk.pos[i - 1] : '';
  const poll = (prevPos === 'NUM' || prevPos === 'NOUN') && entries.some((e) => e.form === 'base') && CLAUSE_PRONOUNS.has(next);
  if (poll) return true;
  const finite = entries.some((e) => e.form === 's' || e.form === 'past');
  return (
    finite &&
    (prevPos === 'PROPN' || prevPos === 'NOUN' || prevPos === 'PRON') &&
    (next === 'that' || next === ':' || low === 'says' || low === 'said')
  );
}

/** The entry that fits: a phrasal one whose particle follows ("pointed out"), else the first bare one. */
function bestEntry(tk: Tokens, i: number, hi: number, entries: readonly CueEntry[]): { hit: CueEntry | null; last: number } {
  let hit: CueEntry | null = null;
  let last = i;
  for (const e of entries) {
    if (e.particle) {
      const pw = e.particle.split(' ');
      let ok = i + pw.length < hi + 1;
      for (let k = 0; k < pw.length && ok; k++) ok = tk.lower[i + 1 + k] === pw[k];
      if (ok && (!hit || !hit.particle)) {
        hit = e;
        last = i + pw.length;
      }
    } else if (!hit) {
      hit = e;
    }
  }
  return { hit, last };
}
