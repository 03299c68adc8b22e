/**
 * Word classes: the claims stage's word lists as bits, so that a token is looked up once however many lists ask
 * about it. Each list registers its words (token keys, `Tok.l`) at module load and gets a bit; `classesOf` looks a
 * token's key up the first time it is asked and keeps the answer on the token (`Tok.c`).
 *
 * Tokens never outlive the call that lexed them, and every list registers while its module loads, before any call:
 * a kept answer cannot miss a list.
 */
import type { Tok } from './tokens';

const CLASSES = new Map<string, number>();
/** Bits handed out so far (bits 0…30: the answers stay positive small integers). */
let used = 0;

/**
 * Register word lists as classes with consecutive bits: returns the first bit's index, and list i has the bit
 * `1 << (index + i)`.
 */
export function wordClasses(lists: Iterable<Iterable<string>>): number {
  const first = used;
  for (const words of lists) {
    if (used >= 31) throw new Error('wordClasses: more than 31 word classes');
    const bit = 1 << used++;
    for (const w of words) CLASSES.set(w, (CLASSES.get(w) ?? 0) | bit);
  }
  return first;
}

/** Register one word list: returns its bit. */
export function wordClass(words: Iterable<string>): number {
  return 1 << wordClasses([words]);
}

/** The classes of a token (bits), looked up on first use. */
export function classesOf(t: Tok): number {
  let c = t.c;
  if (c < 0) {
    c = CLASSES.get(t.l) ?? 0;
    t.c = c;
  }
  return c;
}
