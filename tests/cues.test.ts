/**
 * The cues stage (src/cues/find.ts over the lexicon): which token starts a speech cue, how far the cue runs
 * (particles, prepositional cues), and the verb forms it accepts.
 */
import { describe, expect, it } from 'vitest';
import { cueAt } from '../src/cues/find';
import { tokenize } from '../src/language/tokens';

/** The cue found at the first token whose text is `at`: its words and lemma, or null. */
function cueIn(text: string, at: string): { words: string; lemma: string; kind: string } | null {
  const tk = tokenize(text);
  const i = tk.value.indexOf(at);
  if (i < 0) throw new Error(`no token ${at} in ${text}`);
  const hit = cueAt(tk, i, tk.n);
  return hit ? { words: tk.value.slice(hit.first, hit.last + 1).join(' '), lemma: hit.entry.lemma, kind: hit.kind } : null;
}

describe('cueAt', () => {
  it.each([
    ['The minister said the talks would resume.', 'said', { words: 'said', lemma: 'say', kind: 'verb' }],
    ['She told reporters the plan was dead.', 'told', { words: 'told', lemma: 'tell', kind: 'verb' }],
    ['The mayor insists the budget is balanced.', 'insists', { words: 'insists', lemma: 'insist', kind: 'verb' }],
    ['He pointed out that costs had risen.', 'pointed', { words: 'pointed out', lemma: 'point out', kind: 'verb' }],
    ['According to the ministry, prices fell.', 'According', { words: 'According to', lemma: 'according to', kind: 'prep' }],
  ])('%s → %j', (text, at, expected) => {
    expect(cueIn(text, at)).toEqual(expected);
  });

  it.each([
    ['The said agreement was signed.', 'said'],
    ['The table was set for dinner.', 'table'],
    ['Prices rose by 3% in May.', 'rose'],
  ])('%s: no cue at %j', (text, at) => {
    expect(cueIn(text, at)).toBeNull();
  });

  it('a verb form tagged as a noun is a cue between a name and "that"', () => {
    expect(cueIn('Reuters reports that the deal is off.', 'reports')?.lemma).toBe('report');
  });
});
