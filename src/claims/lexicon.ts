/**
 * Phrase tries over lexer tokens: the one matching primitive the claims stage uses for its word lists.
 * A phrase is lexed with the same lexer as the text, so "won't", "Kenya's" and "record-high" match the way they are
 * written. Matching is longest-first and case-insensitive (on `Tok.l`), and ignores white space between tokens.
 */
import { partsOf, type Tok } from './tokens';
import { classesOf, wordClass } from './wordclass';

interface Node<T> {
  next: Map<string, Node<T>>;
  value?: T;
}

export class PhraseTrie<T> {
  private root: Node<T> = { next: new Map() };
  /** Longest phrase, in tokens. */
  maxLen = 0;
  /** The word class of the words phrases start with (see indexStarts), 0 if none. */
  private startClass = 0;

  add(phrase: string, value: T): this {
    const keys = partsOf(phrase).map((t) => t.l);
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

  /** The keys that are a whole phrase on their own. */
  singleKeys(): string[] {
    return [...this.root.next].filter(([, n]) => n.value !== undefined).map(([k]) => k);
  }

  /**
   * Register the words phrases start with as a word class, so that matching at a token that starts none costs no
   * lookup. Call once, after the last phrase is added.
   */
  indexStarts(): this {
    this.startClass = wordClass(this.firstKeys());
    return this;
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
    if (this.startClass && i < limit && !(classesOf(toks[i]) & this.startClass)) return null;
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

interface ListNode {
  next: Map<string, ListNode>;
  /** Lists (bits) with a phrase ending here. */
  ends: number;
  /** Lists (bits) with a phrase ending further down. */
  below: number;
}

/**
 * Several phrase lists in one trie (list i is the bit `1 << i`, at most 31 lists), so that one walk from a token
 * finds the longest phrase of every list at once. Each list on its own matches exactly as a PhraseTrie of its phrases
 * would: a list's phrases are a sub-trie of the whole, and its longest match is the deepest node of the walk that
 * ends one of its phrases.
 */
export class PhraseLists {
  private root: ListNode = { next: new Map(), ends: 0, below: 0 };

  add(phrase: string, list: number): this {
    const keys = partsOf(phrase).map((t) => t.l);
    if (keys.length === 0) return this;
    const bit = 1 << list;
    let node = this.root;
    for (const k of keys) {
      node.below |= bit;
      let n = node.next.get(k);
      if (!n) {
        n = { next: new Map(), ends: 0, below: 0 };
        node.next.set(k, n);
      }
      node = n;
    }
    node.ends |= bit;
    return this;
  }

  addAll(phrases: Iterable<string>, list: number): this {
    for (const p of phrases) this.add(p, list);
    return this;
  }

  /** The keys (`Tok.l`) that some phrase of the list starts with. */
  firstKeys(list: number): string[] {
    const bit = 1 << list;
    return [...this.root.next].filter(([, n]) => (n.ends | n.below) & bit).map(([k]) => k);
  }

  /**
   * Walk from token i (not past token `limit`; line breaks do not stop it). For each list in `want` that has a phrase
   * starting at i, `ends[list]` is set to the token index just past its longest one. Returns those lists (bits).
   */
  matchAll(toks: readonly Tok[], i: number, limit: number, want: number, ends: number[]): number {
    let node = this.root;
    let found = 0;
    for (let j = i; j < limit && node.below & want; j++) {
      const n = node.next.get(toks[j].l);
      if (!n) break;
      node = n;
      let hit = node.ends & want;
      if (hit) {
        found |= hit;
        for (; hit; hit &= hit - 1) ends[31 - Math.clz32(hit & -hit)] = j + 1;
      }
    }
    return found;
  }
}

/** A set of lower-cased keys, lexed (so "'s" and "n't" line up with tokens). */
export function lowerSet(words: Iterable<string>): Set<string> {
  const s = new Set<string>();
  for (const w of words) s.add(w.toLowerCase().replace(/\u2019/g, "'"));
  return s;
}
