/**
 * UTF-16 ⇄ Unicode code point offsets. The W3C Web Annotation model counts characters as code points; JavaScript
 * strings (and quotewire's spans) count UTF-16 units. One linear pass builds a prefix table; every lookup after that
 * is O(1).
 */

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

export class CodePointIndex {
  /** cp[i] = number of code points in text[0, i). A lone or split surrogate counts as one code point. */
  private readonly cp: Int32Array;
  constructor(readonly text: string) {
    const n = text.length;
    const cp = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) {
      const pairTail = i > 0 && isLow(text.charCodeAt(i)) && isHigh(text.charCodeAt(i - 1));
      cp[i + 1] = cp[i] + (pairTail ? 0 : 1);
    }
    this.cp = cp;
  }

  /** Move a UTF-16 offset off the middle of a surrogate pair: 'start' moves back, 'end' moves forward. */
  snap(i: number, side: 'start' | 'end'): number {
    const t = this.text;
    const k = Math.max(0, Math.min(t.length, Math.floor(Number.isFinite(i) ? i : 0)));
    if (k > 0 && k < t.length && isLow(t.charCodeAt(k)) && isHigh(t.charCodeAt(k - 1))) return side === 'start' ? k - 1 : k + 1;
    return k;
  }

  /** Code point offset of a UTF-16 offset that sits on a code point boundary. */
  toCodePoint(i: number): number {
    return this.cp[Math.max(0, Math.min(this.text.length, i))];
  }

  /** UTF-16 offset `count` code points before `i` (not before 0). */
  back(i: number, count: number): number {
    const t = this.text;
    let k = i;
    for (let c = 0; c < count && k > 0; c++) {
      k--;
      if (k > 0 && isLow(t.charCodeAt(k)) && isHigh(t.charCodeAt(k - 1))) k--;
    }
    return k;
  }

  /** UTF-16 offset `count` code points after `i` (not past the end). */
  forward(i: number, count: number): number {
    const t = this.text;
    let k = i;
    for (let c = 0; c < count && k < t.length; c++) {
      k += isHigh(t.charCodeAt(k)) && k + 1 < t.length && isLow(t.charCodeAt(k + 1)) ? 2 : 1;
    }
    return k;
  }
}
