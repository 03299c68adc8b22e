/**
 * The reporting-cue lexicon: loads `model/cues.json` and indexes every inflected form of each verb's head word.
 *
 * Inflections come from compromise's own conjugation model (the same suffix rules and irregular lexicon it uses
 * to tag text), not from hand-typed lists. compromise answers with the unchanged infinitive when none of its
 * rules applies ("quip" -> past "quip"); such answers are detected and replaced by simple English spelling
 * rules, and the lemmas concerned are listed by {@link conjugationFallbacks}.
 *
 * The index is built once, on first use.
 */
import nlp from 'compromise';
import data from '../model/cues.json';
import type { CueStance } from '../types';

export type VerbForm = 'base' | 's' | 'past' | 'participle' | 'gerund';

export interface CueEntry {
  /** "say", "point out", "according to", "statement". */
  lemma: string;
  stance: CueStance;
  kind: 'verb' | 'prep' | 'noun';
  /** The verb can take its addressee as direct object: "told reporters that", "urged them to". */
  listener?: boolean;
  /** Also common in non-speech senses (belief, perception, findings): require a that-clause or a quote. */
  weak?: boolean;
  /** Multi-word verb: the words after the head ("out" in "point out", "clear" in "make clear"). */
  particle?: string;
  /** Which form of the head verb the looked-up word is (set by {@link lookupVerbForm}). */
  form?: VerbForm;
  /** Prepositional cues: the full phrase, lower-case ("according to"). */
  text?: string;
}

interface RawVerb {
  lemma: string;
  stance: string;
  listener?: boolean;
  weak?: boolean;
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
}

/** The slice of compromise's world object this module uses. */
interface Conjugation {
  Infinitive?: string;
  PastTense?: string;
  PresentTense?: string;
  Gerund?: string;
  Participle?: string;
}
interface CompromiseWorld {
  model: unknown;
  methods: {
    two: {
      transform: {
        verb: { conjugate(inf: string, model: unknown): Conjugation };
        noun: { toPlural(str: string, model: unknown): string };
      };
    };
  };
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

// ---------------------------------------------------------------------------------------------
// Rule-based spelling, used only where compromise has no answer.

/** Double the final consonant before -ed/-ing: "quip" -> "quipp", "rebut" -> "rebutt". */
function doubled(v: string): string {
  // consonant-vowel-consonant ending, final consonant not w/x/y
  if (!/(?:^|[^aeiou]|qu)[aeiou][b-df-hj-np-tvz]$/.test(v)) return v;
  const vowelGroups = v.match(/[aeiouy]+/g)?.length ?? 0;
  // one syllable, or a stressed final syllable that English doubles (rebut, admit, refer, compel, occur, regret, control)
  if (vowelGroups <= 1 || /(?:but|mit|fer|pel|cur|gret|trol)$/.test(v)) return v + v[v.length - 1];
  return v;
}

function ruleS(v: string): string {
  if (/[^aeiou]y$/.test(v)) return v.slice(0, -1) + 'ies';
  if (/(?:^|[^aeiou]|qu)[aeiou]z$/.test(v)) return v + 'zes';
  if (/(?:s|sh|ch|x|z|o)$/.test(v)) return v + 'es';
  return v + 's';
}

function rulePast(v: string): string {
  if (/[^aeiou]y$/.test(v)) return v.slice(0, -1) + 'ied';
  if (v.endsWith('e')) return v + 'd';
  return doubled(v) + 'ed';
}

function ruleGerund(v: string): string {
  if (/ie$/.test(v)) return v.slice(0, -2) + 'ying';
  if (/[^aeiouy]e$/.test(v) && v !== 'be') return v.slice(0, -1) + 'ing';
  return doubled(v) + 'ing';
}

/** A suffix-thumb model as compromise stores it (`model.two.models.toPast` …). */
interface SuffixModel {
  ex?: Record<string, string>;
  same?: string[];
  fwd?: Record<string, string>;
  both?: Record<string, string>;
}

/**
 * Did one of compromise's rules produce this answer? Its converter returns the input unchanged when no
 * exception, pass-through suffix or suffix rule matches; that echo must not be taken for an invariant
 * form ("tweet" -> past "tweet") while a real one ("broadcast" -> "broadcast", via a "cast" rule) must be
 * kept. Mirrors the lookup order of compromise's converter; null when the model has an unexpected shape.
 */
function ruleApplies(model: SuffixModel | undefined, str: string): boolean | null {
  if (!model || typeof model !== 'object' || (!model.ex && !model.fwd && !model.both)) return null;
  const has = (o: Record<string, string> | undefined, k: string) => !!o && Object.prototype.hasOwnProperty.call(o, k);
  if (has(model.ex, str)) return true;
  if (Array.isArray(model.same) && model.same.some((suffix) => str.endsWith(suffix))) return true;
  for (let len = str.length - 1; len >= 1; len--) {
    const suffix = str.slice(str.length - len);
    if (has(model.fwd, suffix) || has(model.both, suffix)) return true;
  }
  return has(model.fwd, '') || has(model.both, '');
}

interface Models {
  toPast?: SuffixModel;
  toPresent?: SuffixModel;
  toGerund?: SuffixModel;
}

type Verdict = 'ok' | 'missing' | 'invalid';

/** Is compromise's answer a real form? 'missing': it echoed the infinitive; 'invalid': a misspelling. */
function checkS(inf: string, s: string | undefined): Verdict {
  if (!s || s === inf) return 'missing';
  if (!s.endsWith('s')) return 'invalid';
  if (/[^aeiou]y$/.test(inf)) return s.endsWith('ies') ? 'ok' : 'invalid';
  if (/(?:s|sh|ch|x|z)$/.test(inf)) return s.endsWith('es') ? 'ok' : 'invalid';
  return 'ok';
}
function checkPast(inf: string, past: string | undefined, models: Models): Verdict {
  if (!past) return 'missing';
  if (past === inf) {
    const applied = ruleApplies(models.toPast, inf);
    // English pasts identical to the base (put, cast, bid, read, spread) all end in -t or -d
    if (applied === null) return /[td]$/.test(inf) ? 'ok' : 'missing';
    return applied && /[td]$/.test(inf) ? 'ok' : 'missing';
  }
  if (/[^aeiou]y$/.test(inf) && past === inf + 'ed') return 'invalid';
  return 'ok';
}
function checkGerund(inf: string, g: string | undefined): Verdict {
  if (!g || g === inf) return 'missing';
  return g.endsWith('ing') && /[aeiouy]/.test(g.slice(0, -3)) ? 'ok' : 'invalid';
}

/** Each form's spellings, the first being the one compromise (or the rule) gives. */
type Forms = Record<VerbForm, string[]>;

function conjugateHead(world: CompromiseWorld, head: string, fallbacks: ConjugationFallback[]): Forms {
  let c: Conjugation = {};
  try {
    c = world.methods.two.transform.verb.conjugate(head, world.model) ?? {};
  } catch {
    c = {};
  }
  const models = ((world.model as { two?: { models?: Models } })?.two?.models ?? {}) as Models;
  const fixed: VerbForm[] = [];
  const reasons: Verdict[] = [];
  const note = (form: VerbForm, v: Verdict) => {
    fixed.push(form);
    reasons.push(v);
  };
  let s = c.PresentTense;
  const vs = checkS(head, s);
  if (vs !== 'ok') {
    note('s', vs);
    s = ruleS(head);
  }
  let past = c.PastTense;
  const vp = checkPast(head, past, models);
  if (vp !== 'ok') {
    note('past', vp);
    past = rulePast(head);
  }
  let gerund = c.Gerund;
  const vg = checkGerund(head, gerund);
  if (vg !== 'ok') {
    note('gerund', vg);
    gerund = ruleGerund(head);
  }
  if (fixed.length) {
    fallbacks.push({
      head,
      forms: fixed,
      compromise: { s: c.PresentTense ?? null, past: c.PastTense ?? null, gerund: c.Gerund ?? null },
      invalid: reasons.includes('invalid'),
    });
  }
  // compromise only reports a participle when it differs from the past tense ("spoke"/"spoken")
  const participle = c.Participle && c.Participle !== head ? c.Participle : (past as string);
  const forms: Forms = { base: [head], s: [s as string], past: [past as string], participle: [participle], gerund: [gerund as string] };
  // British and American spellings differ for verbs in unstressed vowel + l: signalled/signaled, labelling/labeling
  if (/(?:^|[^aeiou])[aeiou]l$/.test(head) && (head.match(/[aeiouy]+/g)?.length ?? 0) > 1) {
    const add = (form: VerbForm, w: string) => {
      if (!forms[form].includes(w)) forms[form].push(w);
    };
    const pasts = [head + 'ed', head + 'led'];
    const gerunds = [head + 'ing', head + 'ling'];
    for (const form of ['past', 'participle'] as const) {
      if (pasts.includes(forms[form][0])) pasts.forEach((w) => add(form, w));
    }
    if (gerunds.includes(forms.gerund[0])) gerunds.forEach((w) => add('gerund', w));
  }
  return forms;
}

// When two forms share a spelling ("said" is past and participle, "put" is base and past),
// the entry reports the first of these: in news prose such a word is most often a past tense.
const FORM_ORDER: readonly VerbForm[] = ['past', 'participle', 'base', 's', 'gerund'];

function build(): Built {
  const t0 = performance.now();
  const raw = data as RawCues;
  const world = nlp.world() as unknown as CompromiseWorld;
  const fallbacks: ConjugationFallback[] = [];
  const formsByHead = new Map<string, Forms>();

  // bare entries go after phrasal ones of the same head, so a caller scanning in order meets
  // "point out" before "point"; among phrasal ones, longer particles first
  const verbEntries = raw.verbs.map((v) => {
    const lemma = v.lemma.trim().toLowerCase();
    const sp = lemma.indexOf(' ');
    const head = sp < 0 ? lemma : lemma.slice(0, sp);
    const entry: CueEntry = { lemma, stance: stanceOf(v.stance, lemma), kind: 'verb' };
    if (v.listener) entry.listener = true;
    if (v.weak) entry.weak = true;
    if (sp >= 0) entry.particle = lemma.slice(sp + 1);
    return { head, entry };
  });
  verbEntries.sort((a, b) => (b.entry.particle?.length ?? 0) - (a.entry.particle?.length ?? 0));

  const verbs = new Map<string, CueEntry[]>();
  for (const { head, entry } of verbEntries) {
    let forms = formsByHead.get(head);
    if (!forms) {
      forms = conjugateHead(world, head, fallbacks);
      formsByHead.set(head, forms);
    }
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

  const nouns = new Map<string, CueEntry>();
  const toPlural = world.methods.two.transform.noun.toPlural;
  for (const n of raw.nouns) {
    const lemma = n.lemma.trim().toLowerCase();
    const entry: CueEntry = { lemma, stance: stanceOf(n.stance, lemma), kind: 'noun' };
    if (n.weak) entry.weak = true;
    Object.freeze(entry);
    let plural = '';
    try {
      plural = toPlural(lemma, world.model) ?? '';
    } catch {
      plural = '';
    }
    if (!plural || plural === lemma) plural = ruleS(lemma);
    if (!nouns.has(lemma)) nouns.set(lemma, entry);
    if (!nouns.has(plural)) nouns.set(plural, entry);
  }

  const preps = Object.freeze(
    raw.preps.map((p) => {
      const text = p.text.trim().toLowerCase();
      const e: CueEntry = { lemma: text, text, stance: stanceOf(p.stance, text), kind: 'prep' };
      if (p.weak) e.weak = true;
      return Object.freeze(e);
    }),
  );

  return {
    verbs,
    nouns,
    preps,
    lemmaCount: raw.verbs.length + raw.preps.length + raw.nouns.length,
    fallbacks,
    ms: performance.now() - t0,
  };
}

function get(): Built {
  return (built ??= build());
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
