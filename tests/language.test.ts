/**
 * The shared language layer (src/language/): helpers every stage reads, one definition each.
 */
import { describe, expect, it } from 'vitest';
import { isCapitalised } from '../src/language/chars';
import { type CharRange, type TokenRange, tokenAt, tokenize } from '../src/language/tokens';

describe('isCapitalised: one rule for "starts with a capital" in every stage', () => {
  it.each([
    ['Smith', true],
    ['smith', false],
    ['Łukasz', true],
    ['Österreich', true],
    ['Ærø', true],
    ['Σοφία', true],
    ['Ивана', true],
    ['ǅemal', true],
    ['×', false],
    ['÷', false],
    ['42', false],
    ['', false],
    [undefined, false],
    ['“Quote', false],
    ['ł', false],
    ['ß', false],
    ['𝐀', false],
    ['𐐀', true],
  ])('%j → %j', (word, expected) => {
    expect(isCapitalised(word as string | undefined)).toBe(expected);
  });
});

describe('tokenAt', () => {
  it('finds the first token starting at or after an offset', () => {
    const tk = tokenize('He said “no.”');
    expect(tk.value[tokenAt(tk, 0)]).toBe('He');
    expect(tk.value[tokenAt(tk, 1)]).toBe('said');
    expect(tk.value[tokenAt(tk, 8)]).toBe('“');
    expect(tokenAt(tk, 100)).toBe(tk.n);
  });
});

describe('letters wink does not know', () => {
  // wink's model knows Latin-1 letters only, and cut names with Latin Extended letters into pieces
  it.each([
    ['Łukasz Nowak', ['Łukasz', 'Nowak']],
    ['Recep Tayyip Erdoğan', ['Recep', 'Tayyip', 'Erdoğan']],
    ['Đorđe Šćepanović', ['Đorđe', 'Šćepanović']],
    ['Nguyễn Văn Thành', ['Nguyễn', 'Văn', 'Thành']],
    ['Şebnem Korur Fincancı', ['Şebnem', 'Korur', 'Fincancı']],
  ])('%s is read as whole words, tagged as a name, with the text as written', (name, words) => {
    const tk = tokenize(`${name} said so.`);
    expect(tk.value.slice(0, words.length)).toEqual(words);
    expect(tk.pos.slice(0, words.length).every((p) => p === 'PROPN')).toBe(true);
    for (let i = 0; i < tk.n; i++) expect(tk.value[i]).toBe(tk.text.slice(tk.start[i], tk.end[i]));
  });

  it.each([
    ['“It is over,” said Đorđe Šćepanović.', 'Đorđe Šćepanović'],
    ['“No,” said Recep Tayyip Erdoğan.', 'Recep Tayyip Erdoğan'],
    ['“Yes,” Nguyễn Văn Thành told reporters.', 'Nguyễn Văn Thành'],
    ['Şebnem Korur Fincancı said the report was wrong.', 'Şebnem Korur Fincancı'],
  ])('%s is attributed to %s', async (sentence, speaker) => {
    const { extract } = await import('../src/index');
    const r = extract(`Talks stall\n\n${sentence}`);
    expect(r.quotes).toHaveLength(1);
    expect(r.speakers.find((s) => s.id === r.quotes[0].speakerId)?.name).toBe(speaker);
  });
});

describe('token ranges and character ranges are different types', () => {
  it('one cannot be passed for the other (checked by the typecheck of npm test)', () => {
    const tokens: TokenRange = [0, 2];
    const chars: CharRange = [0, 11];
    // @ts-expect-error a token range is not a character range
    const wrong: CharRange = tokens;
    // @ts-expect-error a character range is not a token range
    const wrong2: TokenRange = chars;
    expect([wrong, wrong2]).toEqual([tokens, chars]);
  });
});
