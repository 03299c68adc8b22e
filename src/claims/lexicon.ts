/**
 * Phrase tries over lexer tokens: the one matching primitive the claims stage uses for its word lists.
 * A phrase is lexed with the same lexer as the text, so "won't", "Kenya's" and "record-high" match the way they are
 * written. Matching is longest-first and case-insensitive (on `Tok.l`), and ignores white space between tokens.
 */
import { lex, type Tok } from './lex';

interface Node<T> {
  next: Map<string, Node<T>>;
  value?: T;
}

export class PhraseTrie<T> {
  private root: Node<T> = { next: new Map() };
  /** Longest phrase, in tokens. */
  maxLen = 0;

  add(phrase: string, value: T): this {
    const keys = lex(phrase).map((t) => t.l);
    if (keys.length === 0) return this;
    let node = this.root;
    for (const k of keys) {
      let n = node.next.get(k);
      if (!n) {
        n = { next: new Map() };
        node.next.set(k, n);
      }
      node = n;
    }
    if (node.value === undefined) node.value = value;
    if (keys.length > this.maxLen) this.maxLen = keys.length;
    return this;
  }

  /** The keys (`Tok.l`) that some phrase starts with: a token with another key can start no match. */
  firstKeys(): IterableIterator<string> {
    return this.root.next.keys();
  }

  addAll(phrases: Iterable<string>, value: T): this {
    for (const p of phrases) this.add(p, value);
    return this;
  }

  /**
   * Longest phrase starting at token `i` (and not running past token `limit`). `sameLine` stops at line breaks.
   * Returns the token index just past the match, or -1.
   */
  match(toks: readonly Tok[], i: number, limit = toks.length, sameLine = true): { end: number; value: T } | null {
    let node = this.root;
    let best: { end: number; value: T } | null = null;
    for (let j = i; j < limit; j++) {
      const t = toks[j];
      if (j > i && sameLine && t.nl) break;
      const n = node.next.get(t.l);
      if (!n) break;
      node = n;
      if (node.value !== undefined) best = { end: j + 1, value: node.value };
    }
    return best;
  }

  /** The longest phrase that ends exactly at token `end - 1`. Cost: maxLen trie walks of at most maxLen steps. */
  matchEndingAt(toks: readonly Tok[], end: number, floor = 0): { start: number; value: T } | null {
    for (let len = Math.min(this.maxLen, end - floor); len >= 1; len--) {
      const m = this.match(toks, end - len, end);
      if (m && m.end === end) return { start: end - len, value: m.value };
    }
    return null;
  }
}

/** A set of lower-cased keys, lexed (so "'s" and "n't" line up with tokens). */
export function lowerSet(words: Iterable<string>): Set<string> {
  const s = new Set<string>();
  for (const w of words) s.add(w.toLowerCase().replace(/\u2019/g, "'"));
  return s;
}
