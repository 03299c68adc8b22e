/**
 * Sentence boundaries inside one paragraph: wink's sentence starts, corrected.
 *  - a closing quotation mark after . ! ? stays with the sentence it closes (wink sometimes opens the next one with it);
 *  - a missing break after `.’` / `.”` before a capitalised word is added;
 *  - false breaks after title and date abbreviations ("Sgt. Maj. Ann Lee", "Rev. Al", "Vol. 3") are removed;
 *  - a quotation ending in ? or ! and followed by a lower-case word or a short "Smith asked." stays one sentence;
 *  - a line break after sentence-final punctuation is a break (forced candidates come in through `cand`).
 * Each candidate is judged on a window of a few tokens, so the pass is linear in the paragraph's tokens.
 */
import { words } from '../language/words';
import type { Tokens } from '../language/tokens';
import { isCloseBracket, isCloseQuote, isDigit, isLower, isTerminal, isUpper, isWs } from '../language/chars';

/** Abbreviations that are followed by a name (never by a new sentence) when the next word is capitalised. */
const TITLE_ABBR = words('titleAbbr');

/** Abbreviations that are followed by a number inside a sentence ("Sept. 11", "No. 10", "Vol. 3"). */
const NUMBER_ABBR = words('numberAbbr');

/** Speech verbs of a short trailing attribution ("Smith asked."). */
const SPEECH = words('trailingSpeechVerbs');

const PRONOUNS = words('personalPronouns');

function firstChar(t: Tokens, k: number): number {
  const v = t.value[k];
  return v.length > 0 ? v.charCodeAt(0) : 0x20;
}

/** A closing-quote token: one to three of ” " ’ ' » › ("''" in some copy). */
function isQuoteTok(t: Tokens, k: number): boolean {
  const v = t.value[k];
  if (v.length === 0 || v.length > 3) return false;
  for (let i = 0; i < v.length; i++) if (!isCloseQuote(v.charCodeAt(i))) return false;
  return true;
}

/** A closing bracket token: ) ] }. */
function isBracketTok(t: Tokens, k: number): boolean {
  const v = t.value[k];
  return v.length === 1 && isCloseBracket(v.charCodeAt(0));
}

/**
 * Is token p a closing quote / bracket (or a run of them, "?'”", "!''") right after sentence-final punctuation?
 * Looks back at most three tokens, none before `first`.
 */
function closesSentence(t: Tokens, p: number, first: number): boolean {
  let i = p;
  for (let steps = 0; steps < 3 && i >= first && (isQuoteTok(t, i) || isBracketTok(t, i)); steps++) i--;
  return i < p && i >= first && endsTerminal(t, i) && t.end[i] === t.start[i + 1];
}

/** Does token k end in . ! ? … ? */
function endsTerminal(t: Tokens, k: number): boolean {
  const v = t.value[k];
  return v.length > 0 && isTerminal(v.charCodeAt(v.length - 1));
}

/** Is token k (a quote-mark token) a closing quote after sentence-final punctuation? `p` = previous non-space token. */
function closesAfterTerminal(t: Tokens, k: number, p: number, first: number, paraEnd: number): boolean {
  if (p < first || !(isQuoteTok(t, k) || isBracketTok(t, k))) return false;
  if (!(endsTerminal(t, p) || closesSentence(t, p, first))) return false;
  // a closing mark hugs the punctuation it follows; only guillemets may stand apart (« Non. »)
  if (t.start[k] !== t.end[p]) {
    const c = t.value[k].charCodeAt(0);
    if (c !== 0xbb && c !== 0x203a) return false;
  }
  // only a quote mark that closes: followed by white space, the end of the paragraph or punctuation — not a word
  const after = t.end[k];
  if (after >= paraEnd) return true;
  const c = t.text.charCodeAt(after);
  return !(isUpper(c) || isLower(c) || isDigit(c));
}

/** The abbreviation a sentence ends with ("sen" for "Sen." or "Sen" + "."), or null. */
function endingAbbr(t: Tokens, p: number, first: number): string | null {
  const v = t.lower[p];
  if (v.length > 16) return null;
  if (v.length > 1 && v.charCodeAt(v.length - 1) === 0x2e) return v.slice(0, -1);
  if (v === '.' && p - 1 >= first && t.end[p - 1] === t.start[p] && t.lower[p - 1].length <= 16) return t.lower[p - 1];
  return null;
}

/** Tokens from k read like a short trailing attribution: "Smith asked." / "the officer shouted," / "he said". */
function isShortAttribution(t: Tokens, k: number, last: number): boolean {
  let j = k;
  if (PRONOUNS.has(t.lower[j])) j++;
  else {
    let words = 0;
    while (j < last && words < 4 && !SPEECH.has(t.lower[j]) && t.type[j] === 'word') {
      j++;
      words++;
    }
    if (words === 0) return false;
  }
  if (j >= last || !SPEECH.has(t.lower[j])) return false;
  j++;
  if (j >= last) return true;
  const v = t.value[j];
  return v === '.' || v === ',' || v === ';';
}

/**
 * Should a break before token k (first non-space token of the would-be sentence) be dropped?
 * p = previous non-space token, first = the paragraph's first token, last = one past its last.
 */
function falseBreak(t: Tokens, k: number, p: number, first: number, last: number): boolean {
  if (p < first) return false;
  const c = firstChar(t, k);
  const abbr = endingAbbr(t, p, first);
  if (abbr !== null) {
    if (TITLE_ABBR.has(abbr) && (isUpper(c) || isDigit(c))) return true;
    if (NUMBER_ABBR.has(abbr) && isDigit(c)) return true;
  }
  // no white space after the period: a domain, a URL or a typo ("GunBroker.com", "pic.twitter.com"), not a break
  if (t.start[k] === t.end[p] && !isQuoteTok(t, p) && !isBracketTok(t, p)) return true;
  const pq = closesSentence(t, p, first);
  const pv = t.value[p];
  const pEndsStrong = pv === '?' || pv === '!' || pv === '…' || pv === '...' || pv === '?!' || pv === '!?';
  if (isLower(c) && (pq || pEndsStrong)) return true;
  // "Sen. Jane Roe (D-Ore.) said …": a lower-case word after an abbreviation in brackets goes on the sentence
  // (or a comma or semicolon: "Rep. Jane Roe (D-Md.), chair of …, said")
  if ((isLower(c) || t.value[k] === ',' || t.value[k] === ';') && pv === ')' && p - 1 >= first && t.value[p - 1] === '.') return true;
  if (pq && isShortAttribution(t, k, last)) return true;
  return false;
}

/** A break wink missed: `… said ’no.’ He left.` — closing quote after . ! ?, white space, then a capital or an opening quote. */
function missedBreak(t: Tokens, k: number, p: number, first: number): boolean {
  if (!isQuoteTok(t, p) || !closesSentence(t, p, first) || t.start[k] <= t.end[p]) return false;
  const c = firstChar(t, k);
  return isUpper(c) || c === 0x201c || c === 0x2018 || c === 0xab;
}

/**
 * Decide the sentence breaks of one paragraph whose tokens are [first, last).
 * `cand[k] !== 0` marks a candidate break before token k (wink's starts, line breaks after final punctuation).
 * Pushes the token index of every sentence start after the first onto `out`.
 */
export function paragraphBreaks(t: Tokens, first: number, last: number, paraEnd: number, cand: Uint8Array, out: number[]): void {
  const value = t.value;
  let carry = false;
  let prev = -1; // previous non-space token
  let prevQuote = false; // is it a closing-quote token?
  for (let k = first; k < last; k++) {
    const v = value[k];
    const ws = v.length === 0 || isWs(v.charCodeAt(0));
    if (k > first) {
      let is = carry || cand[k] !== 0;
      if (!is && prevQuote && !ws) is = missedBreak(t, k, prev, first);
      carry = false;
      if (is) {
        if (ws)
          carry = true; // a break sits on the next real token
        else if (closesAfterTerminal(t, k, prev, first, paraEnd))
          carry = true; // the quote mark belongs to the sentence before
        else if (prev < first) {
          /* nothing before it in this paragraph */
        } else if (!falseBreak(t, k, prev, first, last)) out.push(k);
      }
    }
    if (!ws) {
      prev = k;
      prevQuote = v.length <= 3 && isCloseQuote(v.charCodeAt(0)) && isQuoteTok(t, k);
    }
  }
}
