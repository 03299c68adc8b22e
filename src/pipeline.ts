import type { ExtractOptions, Extraction } from './types';
import { tokenize } from './document/tokens';

export function extract(text: string, options: ExtractOptions = {}): Extraction {
  if (typeof text !== 'string') throw new TypeError(`quotewire.extract: text must be a string, got ${text === null ? 'null' : typeof text}`);
  void options;
  tokenize(text);
  return { schemaVersion: 1, document: { headline: null, dateline: null, sections: [], paragraphs: [], sentences: [], boilerplate: [] }, speakers: [], quotes: [], claims: [] };
}

export function createExtractor(options: ExtractOptions = {}) {
  return { extract: (text: string, more: ExtractOptions = {}) => extract(text, { ...options, ...more }) };
}
