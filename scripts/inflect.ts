/**
 * Inflections of the cue lexicon from compromise's conjugation model — run when the lexicon is frozen
 * (`npm run lexicons` writes src/model/generated/cue-forms.json), not when a story is read: loading compromise costs
 * more than loading wink's whole model, and the forms only change when cues.json does.
 *
 * compromise answers with the unchanged infinitive when none of its rules applies ("quip" -> past "quip");
 * such answers are detected and replaced by simple English spelling rules, and the lemmas concerned are
 * recorded as fallbacks.
 */
import nlp from 'compromise';
import { ruleGerund, rulePast, ruleS } from '../src/cues/spelling';
import type { ConjugationFallback, Forms, VerbForm } from '../src/cues/lexicon';

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
  const has = (o: Record<string, string> | undefined, k: string) => !!o && Object.hasOwn(o, k);
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
      if (pasts.includes(forms[form][0])) for (const w of pasts) add(form, w);
    }
    if (gerunds.includes(forms.gerund[0])) for (const w of gerunds) add('gerund', w);
  }
  return forms;
}

/** The frozen forms: every head verb's spellings, every noun cue's plural, and the fallbacks used. */
export interface FrozenForms {
  heads: Record<string, Forms>;
  plurals: Record<string, string>;
  fallbacks: ConjugationFallback[];
}

/** Conjugate every head verb and pluralise every noun of a cue lexicon with compromise. */
export function inflectCues(raw: { verbs: { lemma: string }[]; nouns: { lemma: string }[] }): FrozenForms {
  const world = nlp.world() as unknown as CompromiseWorld;
  const heads: Record<string, Forms> = {};
  const fallbacks: ConjugationFallback[] = [];
  for (const v of raw.verbs) {
    const head = v.lemma.trim().toLowerCase().split(' ')[0];
    if (!heads[head]) heads[head] = conjugateHead(world, head, fallbacks);
  }
  const plurals: Record<string, string> = {};
  const toPlural = world.methods.two.transform.noun.toPlural;
  for (const n of raw.nouns) {
    const lemma = n.lemma.trim().toLowerCase();
    let plural = '';
    try {
      plural = toPlural(lemma, world.model) ?? '';
    } catch {
      plural = '';
    }
    if (!plural || plural === lemma) plural = ruleS(lemma);
    plurals[lemma] = plural;
  }
  return { heads, plurals, fallbacks };
}
