/**
 * The quotes stage (src/quotes/marks.ts): quote marks told from apostrophes and paired into regions, per
 * paragraph, with the open-each-paragraph convention for long quotes.
 */
import { describe, expect, it } from 'vitest';
import { findQuoteRegions } from '../src/quotes/marks';

/** Paragraphs of a text split on blank lines, as offsets. */
function paragraphs(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /[^\n]+(?:\n(?!\n)[^\n]*)*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/** The quoted text of each region, parts joined by " | ". */
function quoted(text: string): string[] {
  return findQuoteRegions(text, paragraphs(text)).map((r) => r.parts.map(([a, b]) => text.slice(a, b)).join(' | '));
}

describe('quote marks and apostrophes', () => {
  it.each([
    ['“We will go,” she said.', ['We will go,']],
    ['"We will go," she said.', ['We will go,']],
    ['The Minister’s “red line” held.', ['red line']],
    ['In the ’90s, he said “never.”', ['never.']],
    ['rock ’n’ roll, she called it ‘a phase’.', ['a phase']],
    ['«Nous partons», a-t-il dit.', ['Nous partons']],
    ['He said ‘no’ twice and “yes” once.', ['no', 'yes']],
    ['O’Neill’s aides’ notes said nothing.', []],
    ['“Outer ‘inner’ outer,” he said.', ['Outer ‘inner’ outer,']],
  ])('%s', (text, expected) => {
    expect(quoted(text)).toEqual(expected);
  });
});

describe('regions across paragraphs', () => {
  it('a quote that opens each paragraph and closes at the last one is one closed region in parts', () => {
    const text = '“First part of it.\n\n“Second part of it,” she said.';
    const regions = findQuoteRegions(text, paragraphs(text));
    expect(regions).toHaveLength(1);
    expect(regions[0].parts.map(([a, b]) => text.slice(a, b))).toEqual(['First part of it.', 'Second part of it,']);
    expect(regions[0].unclosed).toBe(false);
  });

  it('an unbalanced mark stays in its paragraph, and the next paragraph pairs as usual', () => {
    const text = 'He said “this never closes.\n\nShe said “this does,” later.';
    const regions = findQuoteRegions(text, paragraphs(text));
    const closed = regions.filter((r) => !r.unclosed).map((r) => r.parts.map(([a, b]) => text.slice(a, b)).join(''));
    expect(closed).toEqual(['this does,']);
    for (const r of regions) expect(r.close).toBeLessThanOrEqual(text.length);
  });

  it('regions come in text order with offsets inside the text', () => {
    const text = '“A,” he said. “B,” she said.\n\n“C.”';
    const regions = findQuoteRegions(text, paragraphs(text));
    expect(regions.map((r) => text.slice(r.parts[0][0], r.parts[0][1]))).toEqual(['A,', 'B,', 'C.']);
    for (let i = 1; i < regions.length; i++) expect(regions[i].open).toBeGreaterThan(regions[i - 1].open);
  });
});
