/**
 * The reporting-cue lexicon: loads `model/cues.json` and indexes every inflected form of each verb's head word.
 * The forms were worked out with compromise when the lexicon was frozen (`model/generated/cue-forms.json`, see
 * `inflect.ts`), so reading a story never loads compromise.
 *
 * Inflections come from compromise's own conjugation model (the same suffix rules and irregular lexicon it uses
 * to tag text), not from hand-typed lists. compromise answers with the unchanged infinitive when none of its
 * rules applies ("quip" -> past "quip"); such answers are detected and replaced by simple English spelling
 * rules, and the lemmas concerned are listed by {@link conjugationFallbacks}.
 *
 * The index is built once, on first use.
 */
import data from '../model/cues.json';
import frozen from '../model/generated/cue-forms.json';
import { ruleGerund, rulePast, ruleS } from './spelling';
import type { CueStance } from '../types';

export type VerbForm = 'base' | 's' | 'past' | 'participle' | 'gerund';

export interface CueEntry {
  /** "say", "point out", "according to", "statement". */
  lemma: string;
  stance: CueStance;
  kind: 'verb' | 'prep' | 'noun';
  /** The verb can take its addressee as direct object: "told reporters that", "urged them to". */
  listener: boolean;
  /** Also common in non-speech senses (belief, perception, findings): require a that-clause or a quote. */
  weak: boolean;
  /** Speaks only through an object that names what was put forward ("advanced new demands"). */
  object: boolean;
  /** Multi-word verb: the words after the head ("out" in "point out", "clear" in "make clear"). */
  particle: string | null;
  /** Which form of the head verb the looked-up word is (set by {@link lookupVerbForm}). */
  form: VerbForm | null;
  /** Prepositional cues: the full phrase, lower-case ("according to"). */
  text: string | null;
}

/**
 * A cue entry with every field present, so that all entries share one shape (the attribution rules read them in
 * their hottest loops, and objects of one shape keep those reads monomorphic).
 */
export function cueEntry(
  lemma: string,
  stance: CueStance,
  kind: CueEntry['kind'],
  more: Partial<Omit<CueEntry, 'lemma' | 'stance' | 'kind'>> = {},
): CueEntry {
  return {
    lemma,
    stance,
    kind,
    listener: more.listener ?? false,
    weak: more.weak ?? false,
    object: more.object ?? false,
    particle: more.particle ?? null,
    form: more.form ?? null,
    text: more.text ?? null,
  };
}

/** The cue a pattern supplies when the text has none: a transcript label ("NAME: …") or a dash signature says. */
export const IMPLIED_SAY: CueEntry = Object.freeze(cueEntry('say', 'neutral', 'verb'));

interface RawVerb {
  lemma: string;
  stance: string;
  listener?: boolean;
  weak?: boolean;
  object?: boolean;
}
interface RawPrep {
  text: string;
  stance: string;
  weak?: boolean;
}
interface RawNoun {
  lemma: string;
  stance: string;
  weak?: boolean;
}
interface RawCues {
  verbs: RawVerb[];
  preps: RawPrep[];
  nouns: RawNoun[];
  speechObjects: string[];
}

/** A lemma whose head verb compromise could not (fully) conjugate, and the forms filled in by rule. */
export interface ConjugationFallback {
  head: string;
  /** The forms filled in by spelling rules. */
  forms: VerbForm[];
  /** What compromise answered for the forms it gives. */
  compromise: { s: string | null; past: string | null; gerund: string | null };
  /** True when at least one answer was a misspelling rather than the unchanged infinitive. */
  invalid: boolean;
}

interface Built {
  verbs: Map<string, CueEntry[]>;
  nouns: Map<string, CueEntry>;
  preps: readonly CueEntry[];
  lemmaCount: number;
  fallbacks: ConjugationFallback[];
  ms: number;
}

let built: Built | null = null;

/** Each form's spellings, the first being the one compromise (or the rule) gives. */
export type Forms = Record<VerbForm, string[]>;

const FROZEN = frozen as unknown as { heads: Record<string, Forms>; plurals: Record<string, string>; fallbacks: ConjugationFallback[] };

/** A head verb the frozen forms do not have yet (cues.json edited, `npm run lexicons` not run): spell it by rule. */
function spellHead(head: string): Forms {
  const past = rulePast(head);
  return { base: [head], s: [ruleS(head)], past: [past], participle: [past], gerund: [ruleGerund(head)] };
}

const STANCES: ReadonlySet<string> = new Set<CueStance>([
  'neutral',
  'assertive',
  'hedged',
  'denial',
  'commitment',
  'ruling',
  'question',
  'opinion',
]);

function stanceOf(s: string, what: string): CueStance {
  if (!STANCES.has(s)) throw new Error(`quotewire: cues.json: unknown stance "${s}" for "${what}"`);
  return s as CueStance;
}

// When two forms share a spelling ("said" is past and participle, "put" is base and past),
// the entry reports the first of these: in news prose such a word is most often a past tense.
const FORM_ORDER: readonly VerbForm[] = ['past', 'participle', 'base', 's', 'gerund'];

/** A verb cue and the head word its forms are spelled from. */
interface HeadedEntry {
  head: string;
  entry: CueEntry;
}

function build(): Built {
  const t0 = performance.now();
  const raw = data as RawCues;
  const verbs = indexVerbForms(verbEntries(raw.verbs));
  const nouns = indexNouns(raw.nouns);
  const preps = prepEntries(raw.preps);
  return {
    verbs,
    nouns,
    preps,
    lemmaCount: raw.verbs.length + raw.preps.length + raw.nouns.length,
    fallbacks: FROZEN.fallbacks,
    ms: performance.now() - t0,
  };
}

/**
 * The verb entries with their heads. Bare entries go after phrasal ones of the same head, so a caller scanning in
 * order meets "point out" before "point"; among phrasal ones, longer particles first.
 */
function verbEntries(rawVerbs: RawVerb[]): HeadedEntry[] {
  const out = rawVerbs.map((v): HeadedEntry => {
    const lemma = v.lemma.trim().toLowerCase();
    const sp = lemma.indexOf(' ');
    const head = sp < 0 ? lemma : lemma.slice(0, sp);
    const entry = cueEntry(lemma, stanceOf(v.stance, lemma), 'verb', {
      listener: v.listener === true,
      weak: v.weak === true,
      object: v.object === true,
      particle: sp >= 0 ? lemma.slice(sp + 1) : null,
    });
    return { head, entry };
  });
  out.sort((a, b) => (b.entry.particle?.length ?? 0) - (a.entry.particle?.length ?? 0));
  return out;
}

/** Every spelling of every form of each entry's head → the entries (frozen), one entry per spelling and lemma. */
function indexVerbForms(entries: HeadedEntry[]): Map<string, CueEntry[]> {
  const verbs = new Map<string, CueEntry[]>();
  for (const { head, entry } of entries) {
    const forms = FROZEN.heads[head] ?? spellHead(head);
    const done = new Set<string>();
    for (const form of FORM_ORDER) {
      for (const spelling of forms[form]) {
        const key = spelling.toLowerCase();
        if (done.has(key)) continue;
        done.add(key);
        const e: CueEntry = Object.freeze({ ...entry, form });
        const list = verbs.get(key);
        if (list) list.push(e);
        else verbs.set(key, [e]);
      }
    }
  }
  for (const list of verbs.values()) Object.freeze(list);
  return verbs;
}

/** Nominal cues by singular and plural; the first entry to claim a spelling keeps it. */
function indexNouns(rawNouns: RawNoun[]): Map<string, CueEntry> {
  const nouns = new Map<string, CueEntry>();
  for (const n of rawNouns) {
    const lemma = n.lemma.trim().toLowerCase();
    const entry = Object.freeze(cueEntry(lemma, stanceOf(n.stance, lemma), 'noun', { weak: n.weak === true }));
    const plural = FROZEN.plurals[lemma] ?? ruleS(lemma);
    if (!nouns.has(lemma)) nouns.set(lemma, entry);
    if (!nouns.has(plural)) nouns.set(plural, entry);
  }
  return nouns;
}

/** Prepositional cues, frozen, each with its phrase as `text`. */
function prepEntries(rawPreps: RawPrep[]): readonly CueEntry[] {
  return Object.freeze(
    rawPreps.map((p) => {
      const text = p.text.trim().toLowerCase();
      return Object.freeze(cueEntry(text, stanceOf(p.stance, text), 'prep', { weak: p.weak === true, text }));
    }),
  );
}

function get(): Built {
  if (!built) built = build();
  return built;
}

/**
 * Every verb cue whose head verb can be spelled `lowerWord` (lower-case), with `form` set.
 * Phrasal entries ("point out") come before the bare entry of the same head ("point"); a caller should
 * prefer an entry whose `particle` matches the following words and otherwise take the bare one.
 * The returned array and its entries are frozen and shared.
 */
export function lookupVerbForm(lowerWord: string): CueEntry[] | undefined {
  return get().verbs.get(lowerWord);
}

/** A nominal cue ("statement", "remarks", "readout"), by its singular or plural (lower-case). */
export function nounCue(lowerWord: string): CueEntry | undefined {
  return get().nouns.get(lowerWord);
}

/** Prepositional cues ("according to", "in the words of"), each with `text`. */
export function prepCues(): readonly CueEntry[] {
  return get().preps;
}

/** Number of lexicon entries (verbs, multi-word verbs, prepositional and nominal cues). */
export function cueCount(): number {
  return get().lemmaCount;
}

/** Lemma heads whose forms compromise could not supply (filled in by spelling rules instead). */
export function conjugationFallbacks(): readonly ConjugationFallback[] {
  return get().fallbacks;
}

/** Diagnostics: build time of the index in ms (excluding loading compromise), and sizes. */
export function cueLexiconStats(): { buildMs: number; verbForms: number; nounForms: number; preps: number } {
  const b = get();
  return { buildMs: b.ms, verbForms: b.verbs.size, nounForms: b.nouns.size, preps: b.preps.length };
}

/** Nouns naming something said or put forward: the objects an object-cue ("advanced …") speaks through. */
export const SPEECH_OBJECTS: ReadonlySet<string> = new Set((data as RawCues).speechObjects.map((w) => w.toLowerCase()));
