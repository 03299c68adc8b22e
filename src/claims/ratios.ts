/**
 * Proportions written in words, for quantities.ts: fractions of a whole and multiples. Their Quantity has the
 * unit "ratio" and the value the proportion itself:
 *   "a third of", "one-third", "two-thirds", "three quarters of", "half of", "half the", "cut by half"   0.333…, 0.5, 0.75
 *   "double the", "doubled", "twice as many", "three times as much", "10 times the", "threefold", "5-fold"  2, 3, 10
 * A fraction not written with a hyphen must be followed by "of" or end its clause ("a third term" is an ordinal);
 * "twice", "double" and "N times" count only before a comparison ("twice as many", "double the", "three times
 * more"): "met three times" is a count of occasions, "a double standard" no proportion.
 */
import units from '../model/units.json';
import type { Tok } from './tokens';
import { SMALL, isYearLike, readNumber } from './numbers';

const DENOMINATORS = new Map<string, number>(Object.entries(units.ratioDenominators));
const MULTIPLIERS = new Map<string, number>(Object.entries(units.multipliers));
const TIMES_FOLLOWERS = new Set(units.timesFollowers);
const HALF_FOLLOWERS = new Set(units.halfFollowers);
/** Words before a bare "half" at the end of a clause that make it a proportion: "cut by half", "more than half". */
const HALF_BEFORE = new Set(['by', 'in', 'than', 'about', 'nearly', 'almost', 'roughly', 'over', 'under', 'some']);
/** Adjective forms of the multipliers, which need a comparison after them ("double the", not "a double standard"). */
const NEEDS_FOLLOWER = new Set(['twice', 'thrice', 'double', 'triple', 'quadruple']);

/** A proportion read at tokens [start, end). */
export interface RatioRead {
  start: number;
  end: number;
  value: number;
}

/** Does the clause end at token k: punctuation (not a hyphen or apostrophe), a line break, or the window's end? */
function clauseEnd(toks: readonly Tok[], k: number): boolean {
  const t = toks[k];
  return !t || t.nl || (t.k === 'p' && t.v !== '-' && t.v !== '’' && t.v !== "'");
}

function isWord(t: Tok | undefined, gap: boolean): t is Tok {
  return !!t && t.k === 'w' && t.gap === gap;
}

/** "of a million", "of a billion" at token k: the fraction before is part of an amount. */
function ofScale(toks: readonly Tok[], k: number): boolean {
  const of = toks[k];
  const a = toks[k + 1];
  const sc = toks[k + 2];
  return (
    !!of && of.l === 'of' && !!a && (a.l === 'a' || a.l === 'one') && !!sc && /^(hundred|thousand|million|billion|trillion)$/.test(sc.l)
  );
}

/** "a third of", "one-half", "two-thirds", "three quarters of": numerator at i, denominator after it. */
function fractionAt(toks: readonly Tok[], i: number): RatioRead | null {
  const t = toks[i];
  const num = t.l === 'a' || t.l === 'an' ? 1 : SMALL.get(t.l);
  if (num === undefined || num < 1 || num > 10) return null;
  const prev = toks[i - 1];
  if (prev && prev.l === 'and') return null; // "two and a half years"
  const h = toks[i + 1];
  const hyphen = !!h && h.v === '-' && !h.gap && t.l !== 'a' && t.l !== 'an';
  const d = toks[hyphen ? i + 2 : i + 1];
  if (!isWord(d, !hyphen)) return null;
  const den = DENOMINATORS.get(d.l);
  if (den === undefined || (num === 1) !== !d.l.endsWith('s') || num >= den) return null;
  const end = (hyphen ? i + 2 : i + 1) + 1;
  if (ofScale(toks, end)) return null; // "a quarter of a million dollars" is an amount
  if (!hyphen && !(isWord(toks[end], true) && toks[end].l === 'of') && !clauseEnd(toks, end)) return null;
  return { start: i, end, value: num / den };
}

/** A bare "half": "half of", "half the", "cut by half.", "more than half." */
function halfAt(toks: readonly Tok[], i: number): RatioRead | null {
  if (toks[i].l !== 'half') return null;
  const nx = toks[i + 1];
  const prev = toks[i - 1];
  if (isWord(nx, true) && HALF_FOLLOWERS.has(nx.l)) return { start: i, end: i + 1, value: 0.5 };
  if (clauseEnd(toks, i + 1) && prev && HALF_BEFORE.has(prev.l)) return { start: i, end: i + 1, value: 0.5 };
  return null;
}

/** "twice as many", "double the", "doubled", "threefold", "5-fold". */
function multiplierAt(toks: readonly Tok[], i: number): RatioRead | null {
  const t = toks[i];
  const m = MULTIPLIERS.get(t.l);
  if (m !== undefined) {
    const nx = toks[i + 1];
    if (nx && !nx.gap && nx.v === '-') return null; // "double-digit"
    if (NEEDS_FOLLOWER.has(t.l) && !(isWord(nx, true) && TIMES_FOLLOWERS.has(nx.l)) && !(t.l.startsWith('d') && clauseEnd(toks, i + 1)))
      return null;
    if (nx && nx.l === 'down') return null; // "doubled down"
    return { start: i, end: i + 1, value: m };
  }
  return null;
}

/** "three times as many", "10 times the", "5-fold" (the number at i). */
function timesAt(toks: readonly Tok[], i: number): RatioRead | null {
  const t = toks[i];
  if (t.k === 'n' && isYearLike(toks, i)) return null;
  const num = readNumber(toks, i);
  if (!num || num.weak || num.value < 2 || num.scale !== 1) return null;
  const w = toks[num.end];
  if (!w) return null;
  if (w.v === '-' && !w.gap && isWord(toks[num.end + 1], false) && toks[num.end + 1].l === 'fold')
    return { start: i, end: num.end + 2, value: num.value };
  if (!isWord(w, true) || w.l !== 'times') return null;
  const nx = toks[num.end + 1];
  return isWord(nx, true) && TIMES_FOLLOWERS.has(nx.l) ? { start: i, end: num.end + 1, value: num.value } : null;
}

/** A proportion starting at token i, or null. */
export function ratioAt(toks: readonly Tok[], i: number): RatioRead | null {
  const t = toks[i];
  if (t.k === 'n') return timesAt(toks, i);
  if (t.k !== 'w') return null;
  return fractionAt(toks, i) ?? halfAt(toks, i) ?? multiplierAt(toks, i) ?? timesAt(toks, i);
}
