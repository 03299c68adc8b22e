/**
 * Datelines at the start of a story's first body paragraph:
 *   "MADRID (AP) —", "LONDON, May 2 (Reuters) -", "KYIV, Ukraine (AP) — ", "NEW YORK —",
 *   "BEIRUT, Lebanon, Jan. 3 (Reuters) –", "Paris (AFP) -", "(CNN) —".
 * An ALL-CAPS place (optional ", Region" parts and a date), an optional parenthesised agency, then a dash.
 * The pattern only ever runs on a short prefix of the paragraph, so its cost is bounded.
 */
import agencyData from '../model/agencies.json';
import { isLower, isUpper, isWs } from '../language/chars';

export interface DatelineMatch {
  start: number;
  /** End of the dash. */
  end: number;
  place: string | null;
  agency: string | null;
  /** Just after the dash and any white space that follows it. */
  bodyStart: number;
}

/** Longest prefix of a paragraph that is examined for a dateline. */
const PREFIX = 160;

const SP = '[ \\t\\u00a0\\u2009\\u202f]';
// Latin letters (with Latin-1 and Extended-A/B accents) as plain ranges: Unicode property classes cost ~10 ms to
// compile, and English-language datelines are written in Latin script. ALL CAPS is checked afterwards.
const UPPER = 'A-Z\\u00c0-\\u00d6\\u00d8-\\u00de\\u0100-\\u017f';
const LETTER = 'A-Za-z\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u024f\\u0300-\\u036f';
const WORD = `[${UPPER}][${LETTER}\\d.'’\\-]*`;
const PART = `[${UPPER}\\d][${LETTER}\\d.'’\\-]*`;
export const DATELINE_RE = new RegExp(
  `^(?:(${WORD}(?:${SP}+${WORD}){0,5})((?:${SP}*,${SP}*${PART}(?:${SP}+${PART}){0,3}){0,3})${SP}*)?` +
    `(?:\\(([^()\\r\\n]{1,40})\\)${SP}*)?` +
    `(?:(—|–|―|‒|--)|(?<=[ \\t\\u00a0\\u2009\\u202f)])(-))`,
);

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
export const DATE_PART_RE = new RegExp(
  `^(?:${MONTH}${SP}+\\d{1,2}(?:st|nd|rd|th)?|\\d{1,2}${SP}+${MONTH}|\\d{1,4}|(?:mon|tues|wednes|thurs|fri|satur|sun)day)$`,
  'i',
);

let known: Set<string> | null = null;
function knownAgencies(): Set<string> {
  if (!known) {
    known = new Set();
    const list = (agencyData as unknown as { agencies?: unknown }).agencies;
    if (Array.isArray(list)) for (const a of list) if (typeof a === 'string') known.add(a.trim().toLowerCase());
  }
  return known;
}

/** Is the agency name one we know (from src/model/agencies.json)? */
export function isKnownAgency(name: string): boolean {
  return knownAgencies().has(name.trim().toLowerCase());
}

function allCaps(s: string): boolean {
  let letters = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isLower(c)) return false;
    if (isUpper(c)) letters++;
  }
  return letters >= 2;
}

/**
 * Find a dateline at text[start, …) (start = first non-space of the paragraph, end = paragraph end).
 * Returns null when the paragraph does not open with one.
 */
export function matchDateline(text: string, start: number, end: number): DatelineMatch | null {
  if (end <= start) return null;
  const prefix = text.slice(start, Math.min(end, start + PREFIX));
  const m = DATELINE_RE.exec(prefix);
  if (!m) return null;
  const placeWords = m[1];
  const rest = m[2] ?? '';
  const agencyRaw = m[3];
  const agency = agencyRaw !== undefined ? agencyRaw.trim() : null;
  if (agency !== null) {
    if (agency.length === 0) return null;
    const c = agency.charCodeAt(0);
    if (!(isUpper(c) || isLower(c) || (c >= 0x30 && c <= 0x39))) return null;
  }
  const knownAgency = agency !== null && isKnownAgency(agency);
  let place: string | null = null;
  if (placeWords) {
    // An ALL-CAPS place goes with any agency (or none); a Title-case one only with an agency we know.
    if (!allCaps(placeWords) && !knownAgency) return null;
    let placeEnd = placeWords.length;
    if (rest) {
      let off = placeWords.length;
      for (const piece of rest.split(',')) {
        const pieceStart = off;
        off += piece.length + 1;
        if (pieceStart === placeWords.length && piece.trim() === '') continue; // text before the first comma
        const t = piece.trim();
        if (t === '') return null;
        if (DATE_PART_RE.test(t)) break;
        let e = pieceStart + piece.length;
        while (e > pieceStart && isWs(prefix.charCodeAt(e - 1))) e--;
        placeEnd = e;
      }
    }
    place = prefix.slice(0, placeEnd);
  } else if (!knownAgency) {
    return null; // "(Something) —" on its own is only a dateline for a known agency
  }
  const dashEnd = start + m[0].length;
  let bodyStart = dashEnd;
  while (bodyStart < text.length && isWs(text.charCodeAt(bodyStart))) bodyStart++;
  return { start, end: dashEnd, place, agency, bodyStart };
}
