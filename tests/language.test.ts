/**
 * The shared language layer (src/language/): helpers every stage reads, one definition each.
 */
import { describe, expect, it } from 'vitest';
import { isCapitalised } from '../src/language/chars';
import { tokenAt, tokenize } from '../src/language/tokens';

describe('isCapitalised: one rule for "starts with a capital" in every stage', () => {
  it.each([
    ['Smith', true], ['smith', false], ['Łukasz', true], ['Österreich', true], ['Ærø', true], ['Σοφία', true],
    ['Ивана', true], ['ǅemal', true], ['×', false], ['÷', false], ['42', false], ['', false], [undefined, false],
    ['“Quote', false], ['ł', false], ['ß', false], ['𝐀', false], ['𐐀', true],
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
