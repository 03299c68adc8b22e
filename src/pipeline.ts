/**
 * The pipeline, stage by stage: document → quotes → cues → attribution → speakers → claims.
 */
import type { ExtractOptions, Extraction, Quote, Span } from './types';
import { tokenize } from './language/tokens';
import { segment } from './document/segment';
import { findQuoteRegions } from './quotes/marks';
import { buildContext } from './attribution/context';
import { attribute } from './attribution/attribute';
import { resolveSpeakers, type Entity } from './speakers/resolve';
import { buildSpeakers } from './speakers/speakers';
import { checkOptions, checkText, type CheckedOptions } from './options';
import { buildClaims } from './claims/index';

const span = (text: string, start: number, end: number): Span => ({ start, end, text: text.slice(start, end) });

export function extract(text: string, options: ExtractOptions = {}): Extraction {
  return extractChecked(text, checkOptions(options));
}

/** {@link extract} on options already parsed by src/options.ts: the command line parses its flags and records there. */
export function extractChecked(text: unknown, opts: CheckedOptions): Extraction {
  checkText(text, opts.maxLength);
  const tk = tokenize(text);
  const seg = segment(tk);
  const skip = seg.paraRole.map((r) => r === 'boilerplate' || r === 'heading');
  const regions = findQuoteRegions(text, seg.model.paragraphs, skip);
  const ctx = buildContext(text, tk, seg, regions);
  const raws = attribute(ctx);
  const res = resolveSpeakers(ctx, raws);
  const used = new Set<Entity>();
  for (const e of res.speakerOf) if (e) used.add(e);
  const { speakers, idOf } = buildSpeakers(text, used);
  const quotes: Quote[] = raws.map((r, i) => {
    const parts = r.parts.map(([a, b]) => span(text, a, b));
    const first = parts[0];
    const last = parts[parts.length - 1];
    const e = res.speakerOf[i];
    const q: Quote = {
      id: `q${i + 1}`,
      kind: r.kind,
      content: span(text, first.start, last.end),
      cue: r.cue ? { span: span(text, tk.start[r.cue[0]], tk.end[r.cue[1] - 1]), lemma: r.cueLemma ?? '', stance: r.stance } : null,
      source: r.source ? span(text, tk.start[r.source[0]], tk.end[r.source[1] - 1]) : null,
      speakerId: e ? (idOf.get(e) ?? null) : null,
      paragraph: r.paragraph,
      sentence: r.sentence,
      confidence: Math.round(Math.max(0, Math.min(1, r.confidence * res.certainty[i] * (e ? 1 : 0.6))) * 100) / 100,
    };
    if (parts.length > 1) q.spans = parts;
    const from = res.continues[i];
    if (from >= 0) q.continues = `q${from + 1}`;
    return q;
  });
  const claims = buildClaims({ text, tokens: tk, document: seg.model, quotes, speakers, published: opts.publishedAt });
  const document = seg.model;
  return opts.url === null
    ? { schemaVersion: 1, document, speakers, quotes, claims }
    : { schemaVersion: 1, url: opts.url, document, speakers, quotes, claims };
}

export interface Extractor {
  extract(text: string, options?: ExtractOptions): Extraction;
}

/** An extractor with fixed options; the models load once, on creation. */
export function createExtractor(options: ExtractOptions = {}): Extractor {
  const base = checkOptions(options);
  tokenize('');
  return {
    extract: (text: string, more?: ExtractOptions) => extractChecked(text, checkOptions(more, base)),
  };
}
