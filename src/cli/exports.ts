/**
 * The `annotations` and `jsonld` formats: the Extraction through the export helpers of src/export.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { toSchemaOrgClaims, toWebAnnotations } from '../export/index';
import type { Extraction } from '../types';
import type { Format } from './args';

export interface ExportContext {
  /** The input text the result was extracted from (exact offsets in Web Annotations). */
  text?: string;
  /** The story's URL (--url, or the record's url). */
  url?: string;
  publishedAt?: string;
  /** The file the story came from, when there is no URL. */
  file?: string;
  /** The batch record's id, when there is no URL. */
  id?: unknown;
}

/** The IRI that names the story: its URL, else its file, else a urn from the record id. */
export function sourceIri(ctx: ExportContext): string {
  if (ctx.url) return ctx.url;
  if (ctx.file) return pathToFileURL(resolve(ctx.file)).href;
  if (typeof ctx.id === 'string' || typeof ctx.id === 'number') return `urn:quotewire:record:${encodeURIComponent(String(ctx.id))}`;
  return 'urn:quotewire:stdin';
}

/** The payload for a JSON format: the Extraction itself for json/jsonl, else the export. */
export function exportResult(format: Format, result: Extraction, ctx: ExportContext): unknown {
  switch (format) {
    case 'annotations':
      return toWebAnnotations(result, { source: sourceIri(ctx), ...(ctx.text !== undefined ? { text: ctx.text } : {}) });
    case 'jsonld':
      return toSchemaOrgClaims(result, { url: sourceIri(ctx), ...(ctx.publishedAt ? { datePublished: ctx.publishedAt } : {}) });
    default:
      return result;
  }
}
