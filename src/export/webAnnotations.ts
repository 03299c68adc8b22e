/**
 * W3C Web Annotation (https://www.w3.org/TR/annotation-model/) export: one annotation per quote and per claim.
 *
 * Each annotation targets the story through two selectors that name the same stretch of text:
 *   - a TextQuoteSelector: the exact text with up to 32 code points of prefix and suffix;
 *   - a TextPositionSelector: start/end as Unicode code point offsets, as the model requires (quotewire's own spans
 *     are UTF-16 offsets; they are converted through a prefix table built once per call).
 * Bodies are TextualBody objects: one 'describing' sentence for people, and 'tagging' bodies with one fact each
 * ("speaker: Jane Doe", "kind: direct", "cue: say", "claim-type: quantity", "stance: reported", "quote: q3") for tools.
 * Quote annotations have motivation 'describing'; claim annotations 'classifying'.
 *
 * The target's source is `opts.source`, else the `url` the result was extracted with (`options.url`), else
 * `urn:quotewire:source`.
 *
 * The position selector needs the full input text. Pass it as `opts.text` (exact). Without it the text is rebuilt
 * from the spans in the result; stretches no span covers are assumed to hold no characters outside the Basic
 * Multilingual Plane, so offsets stay exact unless such characters sit between spans.
 */
import type { Claim, Extraction, Quote, Span, Speaker } from '../types';
import { CodePointIndex } from './codepoints';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld' as const;

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  /** Code point offset of the first character. */
  start: number;
  /** Code point offset just past the last character. */
  end: number;
}

export interface AnnotationTarget {
  type: 'SpecificResource';
  source: string;
  selector: [TextQuoteSelector, TextPositionSelector];
}

export type TextualBodyPurpose = 'describing' | 'tagging';

export interface TextualBody {
  type: 'TextualBody';
  purpose: TextualBodyPurpose;
  value: string;
  format: 'text/plain';
  language: 'en';
}

export interface AnnotationGenerator {
  id: string;
  type: 'Software';
  name: string;
}

export interface WebAnnotation {
  '@context': typeof ANNOTATION_CONTEXT;
  id: string;
  type: 'Annotation';
  motivation: 'describing' | 'classifying';
  body: TextualBody[];
  target: AnnotationTarget;
  generator: AnnotationGenerator;
}

export interface WebAnnotationOptions {
  /**
   * IRI of the annotated story (its URL, or a urn). Default: the result's `url` (`options.url` given to extract()),
   * else `urn:quotewire:source`.
   */
  source?: string;
  /** The input text given to extract(): needed for exact code point offsets and prefix/suffix. */
  text?: string;
  /** Prefix for annotation ids; default `urn:quotewire:<hash of source>:`. Ids end in "quote-q1", "claim-c1". */
  idPrefix?: string;
  /** Context length for prefix and suffix, in code points (default 32). */
  context?: number;
}

const GENERATOR: AnnotationGenerator = { id: 'https://www.npmjs.com/package/quotewire', type: 'Software', name: 'quotewire' };

/** FNV-1a, 32 bit, hex: a short stable tag for a source IRI. */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

function isSpan(x: unknown): x is Span {
  return (
    !!x &&
    typeof x === 'object' &&
    typeof (x as Span).start === 'number' &&
    typeof (x as Span).end === 'number' &&
    typeof (x as Span).text === 'string'
  );
}

/** Rebuild the input from the spans in a result (used only when the caller does not pass the text). */
export function textFromSpans(result: Extraction): string {
  const spans: Span[] = [];
  const add = (s: unknown) => {
    if (isSpan(s)) spans.push(s);
  };
  const arr = <T>(x: T[] | undefined): T[] => (Array.isArray(x) ? x : []);
  const d = result?.document;
  if (d) {
    add(d.headline);
    add(d.dateline?.span);
    for (const s of arr(d.sections)) add(s?.heading);
    for (const s of arr(d.paragraphs)) add(s);
    for (const s of arr(d.sentences)) add(s);
    for (const s of arr(d.boilerplate)) add(s);
  }
  for (const sp of arr(result?.speakers)) for (const m of arr(sp?.mentions)) add(m);
  for (const q of arr(result?.quotes)) {
    if (!q) continue;
    add(q.content);
    for (const s of arr(q.spans)) add(s);
    add(q.cue?.span);
    add(q.source);
  }
  for (const c of arr(result?.claims)) add(c?.text);
  let len = 0;
  for (const s of spans) if (s.end > len && s.end <= 1e8) len = s.end;
  const chars: string[] = new Array(len).fill(' ');
  for (const s of spans) {
    if (s.start < 0 || s.end > len || s.text.length !== s.end - s.start) continue;
    for (let i = 0; i < s.text.length; i++) chars[s.start + i] = s.text[i];
  }
  return chars.join('');
}

function speakerLabel(sp: Speaker | undefined): string {
  if (!sp) return 'an unattributed source';
  return `${sp.name} (${sp.kind})`;
}

function textual(purpose: TextualBodyPurpose, value: string): TextualBody {
  return { type: 'TextualBody', purpose, value, format: 'text/plain', language: 'en' };
}

/** The story's IRI: the explicit option, else the URL the result was extracted with, else a placeholder urn. */
function sourceOf(result: Extraction, opts: WebAnnotationOptions | undefined): string {
  if (typeof opts?.source === 'string' && opts.source) return opts.source;
  if (typeof result?.url === 'string' && result.url) return result.url;
  return 'urn:quotewire:source';
}

export function toWebAnnotations(result: Extraction, opts: WebAnnotationOptions = {}): WebAnnotation[] {
  const source = sourceOf(result, opts);
  const text = typeof opts?.text === 'string' ? opts.text : textFromSpans(result);
  const ctx: AnnotationContext = {
    source,
    text,
    ctxLen: Math.max(0, Math.min(1000, Math.floor(opts?.context ?? 32))),
    prefix: opts?.idPrefix ?? `urn:quotewire:${fnv1a(source)}:`,
    index: new CodePointIndex(text),
    speakers: new Map<string, Speaker>(),
  };
  for (const s of arr(result?.speakers)) if (s && typeof s.id === 'string') ctx.speakers.set(s.id, s);
  const out: WebAnnotation[] = [];
  for (const q of arr(result?.quotes) as Quote[]) if (q && isSpan(q.content)) out.push(quoteAnnotation(ctx, q));
  for (const c of arr(result?.claims) as Claim[]) if (c && isSpan(c.text)) out.push(claimAnnotation(ctx, c));
  return out;
}

/** What every annotation of one result shares: its source, text, selector context, id prefix and speakers. */
interface AnnotationContext {
  source: string;
  text: string;
  ctxLen: number;
  prefix: string;
  index: CodePointIndex;
  speakers: Map<string, Speaker>;
}

/** An array, or an empty one for anything else (the result may come from JSON written elsewhere). */
function arr<T>(x: T[] | undefined): T[] {
  return Array.isArray(x) ? x : [];
}

/** The target of a span: a quote selector with context and a position selector, both on code points. */
function target(ctx: AnnotationContext, span: Span): AnnotationTarget {
  const { index, text, ctxLen } = ctx;
  const s = index.snap(span.start, 'start');
  const e = Math.max(s, index.snap(span.end, 'end'));
  return {
    type: 'SpecificResource',
    source: ctx.source,
    selector: [
      {
        type: 'TextQuoteSelector',
        exact: text.slice(s, e),
        prefix: text.slice(index.back(s, ctxLen), s),
        suffix: text.slice(e, index.forward(e, ctxLen)),
      },
      { type: 'TextPositionSelector', start: index.toCodePoint(s), end: index.toCodePoint(e) },
    ],
  };
}

/** The annotation envelope: id under the result's prefix, motivation, body, target and generator. */
function annotation(
  ctx: AnnotationContext,
  id: string,
  motivation: WebAnnotation['motivation'],
  body: TextualBody[],
  span: Span,
): WebAnnotation {
  return {
    '@context': ANNOTATION_CONTEXT,
    id: `${ctx.prefix}${id}`,
    type: 'Annotation',
    motivation,
    body,
    target: target(ctx, span),
    generator: GENERATOR,
  };
}

/** A quote as a describing annotation: who said it, how (kind, cue), with what confidence. */
function quoteAnnotation(ctx: AnnotationContext, q: Quote): WebAnnotation {
  const sp = q.speakerId ? ctx.speakers.get(q.speakerId) : undefined;
  const kind = typeof q.kind === 'string' && q.kind ? q.kind : 'unknown';
  const cue = q.cue ? `cue “${q.cue.lemma}” (${q.cue.stance})` : 'no cue';
  const body = [
    textual(
      'describing',
      `${kind[0].toUpperCase()}${kind.slice(1)} quote attributed to ${speakerLabel(sp)}; ${cue}; confidence ${q.confidence}.`,
    ),
    textual('tagging', `speaker: ${sp ? sp.name : 'unattributed'}`),
    textual('tagging', `kind: ${kind}`),
  ];
  if (q.cue) body.push(textual('tagging', `cue: ${q.cue.lemma}`));
  return annotation(ctx, `quote-${q.id}`, 'describing', body, q.content);
}

/** A claim as a classifying annotation: its types, who claims it, stance, check-worthiness and reasons. */
function claimAnnotation(ctx: AnnotationContext, c: Claim): WebAnnotation {
  const sp = c.speakerId ? ctx.speakers.get(c.speakerId) : undefined;
  const who = c.quoteId === null && c.speakerId === null ? 'the publication' : speakerLabel(sp);
  const reasons = arr(c.reasons).length ? ` (${arr(c.reasons).join(', ')})` : '';
  const body = [
    textual(
      'describing',
      `Claim (${arr(c.types).join(', ')}) by ${who}, ${c.stance}${c.negated ? ', negated' : ''}; check-worthiness ${c.checkworthiness}${reasons}.`,
    ),
    textual('tagging', `speaker: ${who === 'the publication' ? 'publication' : sp ? sp.name : 'unattributed'}`),
    ...arr(c.types).map((t) => textual('tagging', `claim-type: ${t}`)),
    textual('tagging', `stance: ${c.stance}`),
  ];
  if (c.quoteId) body.push(textual('tagging', `quote: ${c.quoteId}`));
  return annotation(ctx, `claim-${c.id}`, 'classifying', body, c.text);
}
