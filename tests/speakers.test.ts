/**
 * The speakers stage's mention analysis (src/speakers/mention.ts): what a source mention says about who speaks —
 * pronoun, name with titles and honorifics, or description with its head, affiliation, possessor or agent.
 */
import { describe, expect, it } from 'vitest';
import { analyseMention } from '../src/speakers/mention';
import { tokenize } from '../src/language/tokens';

/** The analysis of the mention `phrase`, which opens the sentence `phrase + " said so."`. */
function mention(phrase: string) {
  const tk = tokenize(`${phrase} said so.`);
  let b = 0;
  while (b < tk.n && tk.end[b] <= phrase.length) b++;
  const m = analyseMention(tk, [0, b]);
  const text = (r: [number, number] | null) => (r ? tk.text.slice(tk.start[r[0]], tk.end[r[1] - 1]) : null);
  return { ...m, agentText: text(m.agent), possessorText: text(m.possessor) };
}

describe('analyseMention', () => {
  it('a name with a title: the name words without the title, the title, the gender the name implies', () => {
    const m = mention('Prime Minister Jane Doe');
    expect(m).toMatchObject({ type: 'name', name: ['Jane', 'Doe'], titles: ['prime minister'], gender: 'f' });
  });

  it('an honorific gives the gender of a bare surname', () => {
    expect(mention('Mr. Dunn')).toMatchObject({ type: 'name', name: ['Dunn'], gender: 'm' });
    expect(mention('Ms. Dunn')).toMatchObject({ type: 'name', name: ['Dunn'], gender: 'f' });
  });

  it('a pronoun', () => {
    expect(mention('She')).toMatchObject({ type: 'pronoun', pronoun: 'she', gender: 'f' });
    expect(mention('They')).toMatchObject({ type: 'pronoun', pronoun: 'they' });
  });

  it.each([
    [
      'A senior official in the State Department',
      { head: 'senior official', headClass: 'title', fresh: true, definite: false, affiliationText: 'the State Department' },
    ],
    ['Another senior official', { head: 'senior official', fresh: true, definite: false }],
    ['The company', { head: 'company', headClass: 'organization', fresh: false, definite: true }],
    ['The report, released by the board', { head: 'report', headClass: 'document', definite: true, agentText: 'the board' }],
    ['His press office', { head: 'press office', definite: true, possessorText: 'His' }],
  ])('a description: %s', (phrase, expected) => {
    expect(mention(phrase)).toMatchObject({ type: 'nominal', ...expected });
  });

  it('a name with letters outside Latin-1 keeps them', () => {
    expect(mention('Łukasz Nowak')).toMatchObject({ type: 'name', name: ['Łukasz', 'Nowak'] });
  });
});
