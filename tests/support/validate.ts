/**
 * A generic checker for an `extract()` result: walks the whole object and reports every broken invariant as a
 * readable string. Shared by the robustness / pathological / api tests and by the bench (which validates the
 * output of every pathological family it times; its plain-JavaScript scripts load this file through tsx's
 * `tsImport`).
 *
 * Span rule (types.ts): offsets are UTF-16 code units, `span.text === input.slice(span.start, span.end)`.
 * Any object with a `start` or `end` key is treated as an offset range (Span, Section); if it also has a `text`
 * key it is a Span and its text is checked.
 *
 * Surrogate rule, precisely: an offset `i` SPLITS A PAIR when 0 < i < input.length and input[i-1] is a high
 * surrogate (U+D800–U+DBFF) and input[i] is a low surrogate (U+DC00–U+DFFF), i.e. the offset falls between the
 * two halves of one astral code point. Offsets next to a lone (unpaired) surrogate are fine.
 */

/**
 * A value read from a result under check: it is not trusted to have any field, or any field of the type the
 * Extraction interface says, so every read is tested here rather than assumed by the compiler.
 */
// biome-ignore lint/suspicious/noExplicitAny: the checker's input is untrusted data; each field is tested at run time
type Loose = any;

/** One offset range found in a result: an object with a `start` or `end` key (a Span when it has `text`). */
export interface FoundRange {
  path: string;
  range: { start: unknown; end: unknown; text?: unknown };
}

export const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
export const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** True when offset `i` falls between the two halves of a surrogate pair in `s`. */
export function splitsPair(s: string, i: number): boolean {
  return i > 0 && i < s.length && isHigh(s.charCodeAt(i - 1)) && isLow(s.charCodeAt(i));
}

const QUOTE_KINDS = new Set(['direct', 'partial', 'mixed', 'indirect']);
const SPEAKER_KINDS = new Set(['person', 'organization', 'group', 'anonymous', 'unknown']);
const CUE_STANCES = new Set(['neutral', 'assertive', 'hedged', 'denial', 'commitment', 'ruling', 'question', 'opinion']);
const CLAIM_TYPES = new Set(['quantity', 'temporal', 'event', 'comparison', 'causal', 'rule', 'prediction', 'position']);
const CLAIM_STANCES = new Set(['asserted', 'reported', 'hedged', 'denied', 'committed', 'ruled']);
const ENTITY_TYPES = new Set(['person', 'organization', 'place', 'other']);

function show(s: string, max = 60): string {
  const t = s.length > max ? s.slice(0, max) + `…(+${s.length - max})` : s;
  return JSON.stringify(t);
}

/**
 * Every offset range in the result, with its path ("quotes[3].content").
 * Throws on a cycle (a cycle is itself a contract violation, reported by checkExtraction).
 */
export function collectRanges(result: unknown): FoundRange[] {
  const out: FoundRange[] = [];
  const stack = new Set<object>();
  (function walk(v: Loose, path: string) {
    if (v === null || typeof v !== 'object') return;
    if (stack.has(v)) throw new Error(`cycle at ${path}`);
    stack.add(v);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) walk(v[i], `${path}[${i}]`);
    } else {
      if ('start' in v || 'end' in v) out.push({ path, range: v });
      for (const k of Object.keys(v)) walk(v[k], path ? `${path}.${k}` : k);
    }
    stack.delete(v);
  })(result, '');
  return out;
}

/**
 * All the problems with `result` as the output of extract(input). Empty array = valid.
 * `max`: stop after this many problems (default 25).
 */
export function checkExtraction(input: string, result: unknown, { max = 25 }: { max?: number } = {}): string[] {
  const problems: string[] = [];
  const add = (p: string) => {
    if (problems.length < max) problems.push(p);
  };
  const L = input.length;

  if (result === null || typeof result !== 'object') return [`result is not an object: ${String(result)}`];
  const r: Loose = result;
  if (r.schemaVersion !== 1) add(`schemaVersion is ${JSON.stringify(r.schemaVersion)}, expected 1`);
  const doc = r.document;
  if (!doc || typeof doc !== 'object') add('document missing');
  for (const k of ['speakers', 'quotes', 'claims']) if (!Array.isArray(r[k])) add(`${k} is not an array`);
  if (doc && typeof doc === 'object') {
    for (const k of ['sections', 'paragraphs', 'sentences', 'boilerplate'])
      if (!Array.isArray(doc[k])) add(`document.${k} is not an array`);
  }
  if (problems.length) return problems;

  // --- plain data: no cycles, no class instances, no functions / symbols / bigints / non-finite numbers
  {
    const stack = new Set<object>();
    (function walk(v: Loose, path: string) {
      const t = typeof v;
      if (t === 'function' || t === 'symbol' || t === 'bigint') {
        add(`${path}: ${t} is not plain data`);
        return;
      }
      if (t === 'number' && !Number.isFinite(v)) {
        add(`${path}: non-finite number ${v}`);
        return;
      }
      if (v === null || t !== 'object') return;
      if (stack.has(v)) {
        add(`${path}: cycle`);
        return;
      }
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== Array.prototype)
        add(`${path}: not a plain object/array (${proto?.constructor?.name ?? 'null prototype'})`);
      stack.add(v);
      if (Array.isArray(v)) for (let i = 0; i < v.length; i++) walk(v[i], `${path}[${i}]`);
      else for (const k of Object.keys(v)) walk(v[k], path ? `${path}.${k}` : k);
      stack.delete(v);
    })(r, '');
    if (problems.length) return problems;
  }

  // --- every offset range / span
  for (const { path, range } of collectRanges(r)) {
    if (!Number.isInteger(range.start) || !Number.isInteger(range.end)) {
      add(`${path}: start/end not integers (${range.start}, ${range.end})`);
      continue;
    }
    const start = range.start as number;
    const end = range.end as number;
    if (start < 0 || end > L || start > end) {
      add(`${path}: [${start}, ${end}) out of order or outside [0, ${L}]`);
      continue;
    }
    if (splitsPair(input, start)) add(`${path}: start ${start} splits a surrogate pair`);
    if (splitsPair(input, end)) add(`${path}: end ${end} splits a surrogate pair`);
    if ('text' in range) {
      if (typeof range.text !== 'string') add(`${path}: text is ${typeof range.text}`);
      else if (range.text !== input.slice(start, end))
        add(`${path}: text ${show(range.text)} !== input.slice(${start}, ${end}) ${show(input.slice(start, end))}`);
    }
  }

  // --- document structure: paragraphs and sentences ascending, not overlapping
  for (const k of ['paragraphs', 'sentences', 'sections']) {
    const xs = doc[k];
    for (let i = 1; i < xs.length; i++) {
      if (xs[i].start < xs[i - 1].end) {
        add(`document.${k}[${i}] [${xs[i].start}, ${xs[i].end}) overlaps or precedes [${i - 1}] [${xs[i - 1].start}, ${xs[i - 1].end})`);
        break;
      }
    }
  }

  // --- ids and references
  const ids = (xs: Loose[], what: string) => {
    const s = new Set<unknown>();
    xs.forEach((x, i) => {
      if (typeof x.id !== 'string' || x.id === '') add(`${what}[${i}].id is ${JSON.stringify(x.id)}`);
      else if (s.has(x.id)) add(`${what}[${i}].id ${JSON.stringify(x.id)} is a duplicate`);
      s.add(x.id);
    });
    return s;
  };
  const speakers = ids(r.speakers, 'speakers');
  const quotes = ids(r.quotes, 'quotes');
  ids(r.claims, 'claims');
  const ref = (v: unknown, set: Set<unknown>, where: string) => {
    if (v === null || v === undefined) return;
    if (!set.has(v)) add(`${where} = ${JSON.stringify(v)} names no such id`);
  };

  r.speakers.forEach((s: Loose, i: number) => {
    const p = `speakers[${i}]`;
    if (typeof s.name !== 'string') add(`${p}.name is ${typeof s.name}`);
    if (!SPEAKER_KINDS.has(s.kind)) add(`${p}.kind ${JSON.stringify(s.kind)} not a SpeakerKind`);
    if (!Array.isArray(s.aliases)) add(`${p}.aliases is not an array`);
    if (!Array.isArray(s.mentions)) add(`${p}.mentions is not an array`);
    else
      for (let j = 1; j < s.mentions.length; j++) {
        if (s.mentions[j].start < s.mentions[j - 1].start) {
          add(`${p}.mentions not in text order at ${j}`);
          break;
        }
      }
    if (s.speaksFor !== undefined) {
      ref(s.speaksFor, speakers, `${p}.speaksFor`);
      if (s.speaksFor === s.id) add(`${p}.speaksFor is itself`);
    }
  });

  r.quotes.forEach((q: Loose, i: number) => {
    const p = `quotes[${i}]`;
    if (!QUOTE_KINDS.has(q.kind)) add(`${p}.kind ${JSON.stringify(q.kind)} not a QuoteKind`);
    ref(q.speakerId, speakers, `${p}.speakerId`);
    if (!('speakerId' in q)) add(`${p}.speakerId missing (null when unknown)`);
    if (!Number.isInteger(q.paragraph) || q.paragraph < 0 || q.paragraph >= doc.paragraphs.length)
      add(`${p}.paragraph ${q.paragraph} not an index into ${doc.paragraphs.length} paragraphs`);
    if (!Number.isInteger(q.sentence) || q.sentence < 0 || q.sentence >= doc.sentences.length)
      add(`${p}.sentence ${q.sentence} not an index into ${doc.sentences.length} sentences`);
    if (typeof q.confidence !== 'number' || !(q.confidence >= 0 && q.confidence <= 1)) add(`${p}.confidence ${q.confidence} not in [0, 1]`);
    if (!q.content || typeof q.content.start !== 'number') add(`${p}.content missing`);
    else if (Array.isArray(q.spans)) {
      q.spans.forEach((s: Loose, j: number) => {
        if (s.start < q.content.start || s.end > q.content.end)
          add(`${p}.spans[${j}] [${s.start}, ${s.end}) not inside content [${q.content.start}, ${q.content.end})`);
      });
    }
    if (q.cue && !CUE_STANCES.has(q.cue.stance)) add(`${p}.cue.stance ${JSON.stringify(q.cue.stance)} not a CueStance`);
  });

  r.claims.forEach((c: Loose, i: number) => {
    const p = `claims[${i}]`;
    ref(c.speakerId, speakers, `${p}.speakerId`);
    ref(c.quoteId, quotes, `${p}.quoteId`);
    if (typeof c.checkworthiness !== 'number' || !Number.isFinite(c.checkworthiness))
      add(`${p}.checkworthiness ${c.checkworthiness} not a finite number`);
    if (!CLAIM_STANCES.has(c.stance)) add(`${p}.stance ${JSON.stringify(c.stance)} not a ClaimStance`);
    if (!Array.isArray(c.types) || c.types.some((t: unknown) => !CLAIM_TYPES.has(t as string)))
      add(`${p}.types ${JSON.stringify(c.types)} has a non-ClaimType`);
    if (typeof c.negated !== 'boolean') add(`${p}.negated is ${typeof c.negated}`);
    (c.entities ?? []).forEach((e: Loose, j: number) => {
      if (!ENTITY_TYPES.has(e.type)) add(`${p}.entities[${j}].type ${JSON.stringify(e.type)} not an EntityType`);
      if (e.speakerId !== undefined) ref(e.speakerId, speakers, `${p}.entities[${j}].speakerId`);
    });
    (c.quantities ?? []).forEach((q: Loose, j: number) => {
      if (typeof q.value !== 'number' || !Number.isFinite(q.value)) add(`${p}.quantities[${j}].value ${q.value} not finite`);
    });
  });

  return problems;
}

/** Throws an Error listing the problems (with the input, abbreviated) if the result is invalid. */
export function assertValidExtraction(input: string, result: unknown): void {
  const problems = checkExtraction(input, result);
  if (problems.length) {
    throw new Error(`invalid extraction for input ${show(input, 200)} (length ${input.length}):\n  - ${problems.join('\n  - ')}`);
  }
}
