/**
 * The word lists of src/model/words.json as sets, made once each: the hand-edited data every stage's word tests
 * read, kept out of the logic files (see that file for what each list is for).
 */
import data from '../model/words.json';

export type WordList = keyof typeof data.lists;

const made = new Map<WordList, ReadonlySet<string>>();

/** The named list of src/model/words.json as a set (its words are lower case). */
export function words(name: WordList): ReadonlySet<string> {
  let set = made.get(name);
  if (!set) {
    set = new Set(data.lists[name].words);
    made.set(name, set);
  }
  return set;
}
