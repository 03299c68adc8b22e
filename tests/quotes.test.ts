/**
 * The quotes stage (src/quotes/marks.ts): quote marks told from apostrophes and paired into regions, per
 * paragraph, with the open-each-paragraph convention for long quotes.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index';
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

describe('a quote run on past its missing closing mark', () => {
  /** Each region's quoted text, with "(open)" after a region cut without a closing mark. */
  const cut = (text: string): string[] =>
    findQuoteRegions(text, paragraphs(text)).map(
      (r) => r.parts.map(([a, b]) => text.slice(a, b)).join(' | ') + (r.unclosed ? ' (open)' : ''),
    );

  it.each([
    // a new opening mark after a sentence end cuts the open quote there; the narrative after belongs to no quote
    [
      'Ms Diaz said: “The plan is sound. “We start in June.” Later Mr Park said the money was gone.',
      ['The plan is sound. (open)', 'We start in June.'],
    ],
    [
      'Ms Diaz said: "The plan is sound. "We start in June." Later Mr Park said the money was gone.',
      ['The plan is sound. (open)', 'We start in June.'],
    ],
    [
      '“Is it sound? “We start in June!” “Then we stop…  “Never,” she said.',
      ['Is it sound? (open)', 'We start in June!', 'Then we stop… (open)', 'Never,'],
    ],
    // the mark after a sentence end in a straight quote opens only before a word
    ['"We start. " she said.', ['We start. ']],
    // closed quotes one after the other are untouched
    ['“We are ready,” she said. “We start in June.”', ['We are ready,', 'We start in June.']],
    // nesting: single inside double, a quote in the other style, a title abbreviation or an initial before the mark
    ['“She said ‘we start in June.’ That is final,” he said.', ['She said ‘we start in June.’ That is final,']],
    ['"It was great. “Jaws” is my favourite film," he said.', ['It was great. “Jaws” is my favourite film,']],
    ['“We met Mr. “Big” Smith there,” he said.', ['We met Mr. “Big” Smith there,']],
    ['“It was J. “Red” Adair,” he said.', ['It was J. “Red” Adair,']],
    // no sentence end before the new mark: no cut
    ['“He told me: “Go home.” And I went,” she said.', ['He told me: “Go home.” And I went,']],
  ])('%s', (text, expected) => {
    expect(cut(text)).toEqual(expected);
  });

  it('a left mark with no word after it closes an open quote', () => {
    expect(cut('“Do you want that?“ he asked.')).toEqual(['Do you want that?']);
    expect(cut('“We are done here.“[Herald]')).toEqual(['We are done here.']);
    expect(cut('“They see that. “\n\nThe story was updated.')).toEqual(['They see that. ']);
    expect(cut('„Wir gehen.“ sagte er.')).toEqual(['Wir gehen.']);
  });

  it('a quote carried from the paragraph before is cut the same way', () => {
    expect(cut('“First part of it.\n\n“Second part. “Third part,” she said.')).toEqual([
      'First part of it. | Second part. (open)',
      'Third part,',
    ]);
  });

  it('stays linear on a run of cut quotes', () => {
    const text = '“One more. '.repeat(100_000);
    const t0 = performance.now();
    const regions = findQuoteRegions(text, paragraphs(text));
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(regions).toHaveLength(100_000);
    expect(regions.every((r) => r.unclosed)).toBe(true);
  });
});

describe('a run-on quote in a story', () => {
  it('the narrative and the next speaker after it are no longer inside the first quote', () => {
    const r = extract('Ms Diaz said: "The plan is sound. "We start in June." Later Mr Park said the money was gone.');
    const name = new Map(r.speakers.map((sp) => [sp.id, sp.name]));
    expect(r.quotes.map((q) => [q.content.text, q.speakerId && name.get(q.speakerId)])).toEqual([
      ['The plan is sound.', 'Diaz'],
      ['We start in June.', 'Diaz'],
      ['the money was gone', 'Park'],
    ]);
  });
});
