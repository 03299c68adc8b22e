/**
 * The document stage's sentences of a text, for tests that build a document model by hand around them (the claims
 * stage splits nothing itself: it takes the document's sentences).
 */
import { segment } from '../../src/document/segment';
import { tokenize } from '../../src/language/tokens';
import type { Span } from '../../src/types';

/** The sentences `extract` would find in `text`; with `within`, only those inside one of those spans. */
export function sentencesOf(text: string, within?: readonly Span[]): Span[] {
  const all = segment(tokenize(text)).model.sentences;
  return within ? all.filter((s) => within.some((w) => w.start <= s.start && s.end <= w.end)) : all;
}
