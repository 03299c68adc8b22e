/**
 * What keeps wink's tokenizer linear on hostile text, and whole on names it does not know.
 *
 * wink splits the text on its own white-space set and then runs the model's token-type regexes over each
 * piece: the anchored "linear" detectors (`trex.ltc`) on the whole piece, the global "recursive" ones
 * (`trex.rtc`) over what is left, and three helper regexes. Two things make that cost grow faster than the
 * text:
 *
 * 1. Regexes that backtrack. The model's URL regex (in `ltc` and `rtc`) nests `(?:[label]-*)*[label]+`, which
 *    tries every way of cutting a domain label into pieces: exponential in the label's length (a 69-character
 *    `//0.APP.PPP.P…` took a second, 85 characters a minute and a half). `hardenTrex` rewrites it, before wink
 *    compiles it, into a form that accepts exactly the same strings with one way to match each
 *    (`[label]+(?:-+[label]+)*`), and drops the redundant `(?::\S*)?` inside the user-info group (`\S+` already
 *    takes a colon). Two quadratic ones that a story full of long digit runs made cost four times ordinary
 *    text are made linear too: the anchored number detector (digit groups with an optional separator between
 *    them are digit groups with one) and the ordinal search (not restarted inside a run of digits). Every
 *    regex wink compiles is left at most quadratic in the piece's length, which `tests/redos.test.ts` checks
 *    with recheck, and finds what the model's own finds (fuzzed there; the same tokens on 954 corpus stories).
 * 2. Long pieces. Quadratic in a piece's length is harmless only while pieces are short, so no piece wink reads
 *    is long: `tokens.ts` keeps runs of OPAQUE_RUN or more non-space characters away from wink, and
 *    `winkView` turns the white space wink does not split on (form feed, vertical tab, the ideographic and
 *    other Unicode spaces, line and paragraph separators, the BOM) into the ones it does, so "non-space"
 *    means the same to both. Both keep every offset: the view has the text's length, one code unit for one.
 *
 * The same view also gives wink the ASCII base of Latin letters its model does not know (Ł, ğ, ễ …), which it
 * used to cut out of names ("Ł" + "ukasz"); tokens still show the text as written.
 */

/** A wink regex entry: source, flags, and (for token detectors) the token category it yields. */
type TrexEntry = [string, string, number?];

export interface Trex {
  ltc: TrexEntry[];
  rtc: TrexEntry[];
  helpers: Record<string, [string, string]>;
}

const LABEL = String.raw`[a-z\u00A1-\uFFFF\d]`;

const ORDINAL = String.raw`1\dth|[04-9]th|1st|2nd|3rd|[02-9]1st|[02-9]2nd|[02-9]3rd|[02-9][04-9]th|\d+\d[04-9]th|\d+\d1st|\d+\d2nd|\d+\d3rd`;

/** [what the model's source has, what it becomes]: each pair accepts the same strings and finds the same matches. */
export const TREX_REWRITES: readonly (readonly [string, string])[] = [
  // URL, a domain label: letters or digits, with hyphens only between them
  [`(?:${LABEL}-*)*${LABEL}+`, `${LABEL}+(?:-+${LABEL}+)*`],
  // URL, user info before "@": `\S+` already covers ":\S*"
  [String.raw`(?:\S+(?::\S*)?@)?`, String.raw`(?:\S+@)?`],
  // a whole number token (anchored): digit groups that follow each other with no separator are one group
  [String.raw`(?:[\.\,\-\/\:]?(?=(?<digit>\d+))\k<digit>)*$`, String.raw`(?:[\.\,\-\/\:]\d+)*$`],
  // ordinals, searched for anywhere in a piece: a start inside a run of digits, three or more from its end, can
  // never be the leftmost match (the digit before it starts a match too), so it is not tried: the search no
  // longer rescans the run from every digit
  [ORDINAL, String.raw`(?:(?<!\d)|(?=\d{0,2}(?!\d)))(?:${ORDINAL})`],
];

/**
 * The model's tokenizer regexes with the backtracking ones rewritten (in place; the model's core is a fresh
 * copy on every load). Throws when a shape it rewrites is missing: a model update that changes them must be
 * looked at, not run unguarded.
 */
export function hardenTrex(trex: Trex): Trex {
  const used = new Array<boolean>(TREX_REWRITES.length).fill(false);
  for (const list of [trex.ltc, trex.rtc]) {
    for (const entry of list) {
      TREX_REWRITES.forEach(([from, to], k) => {
        if (!entry[0].includes(from)) return;
        entry[0] = entry[0].split(from).join(to);
        used[k] = true;
      });
    }
  }
  const missing = TREX_REWRITES.filter((_, k) => !used[k]).map(([from]) => from);
  if (missing.length) {
    throw new Error(
      `quotewire: the wink model's tokenizer regexes are not the ones quotewire makes safe (built for wink-eng-lite-web-model 1.8); missing: ${missing.join(' ; ')}`,
    );
  }
  return trex;
}

/** White space wink splits tokens on (the model's `helpers.splitter`): plain and no-break spaces, CR, LF, tab. */
export function isWinkSpace(c: number): boolean {
  return (
    c === 32 ||
    c === 10 ||
    c === 13 ||
    c === 9 ||
    c === 0xa0 ||
    (c >= 0x2002 && c <= 0x2005) ||
    c === 0x2009 ||
    c === 0x200a ||
    c === 0x202f ||
    c === 0x205f
  );
}

/** Latin letters wink's model does not know, whose decomposition has no ASCII base: their ASCII look-alike. */
const FOLD_EXTRA: Record<string, string> = {
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
  Ĳ: 'I',
  ĳ: 'i',
  ĸ: 'k',
  Ŀ: 'L',
  ŀ: 'l',
  Ł: 'L',
  ł: 'l',
  ŉ: 'n',
  Ŋ: 'N',
  ŋ: 'n',
  Œ: 'O',
  œ: 'o',
  Ŧ: 'T',
  ŧ: 't',
  ſ: 's',
  ƀ: 'b',
  Ɓ: 'B',
  Ƈ: 'C',
  ƈ: 'c',
  Ɗ: 'D',
  Ƌ: 'D',
  ƌ: 'd',
  Ǝ: 'E',
  Ə: 'E',
  ə: 'e',
  Ɛ: 'E',
  Ƒ: 'F',
  ƒ: 'f',
  Ɠ: 'G',
  Ɣ: 'G',
  Ɨ: 'I',
  Ƙ: 'K',
  ƙ: 'k',
  ƚ: 'l',
  Ɲ: 'N',
  ƞ: 'n',
  Ɵ: 'O',
  Ƥ: 'P',
  ƥ: 'p',
  Ʀ: 'R',
  Ƭ: 'T',
  ƭ: 't',
  Ʈ: 'T',
  Ʋ: 'V',
  Ƴ: 'Y',
  ƴ: 'y',
  Ƶ: 'Z',
  ƶ: 'z',
  Ǥ: 'G',
  ǥ: 'g',
  Ȼ: 'C',
  ȼ: 'c',
  Ƚ: 'L',
  Ɉ: 'J',
  ɉ: 'j',
  Ɍ: 'R',
  ɍ: 'r',
  Ɏ: 'Y',
  ɏ: 'y',
  Ɇ: 'E',
  ɇ: 'e',
  Ƀ: 'B',
  Ʉ: 'U',
  Ɋ: 'Q',
  ɋ: 'q',
};

let fold: Uint16Array | null = null;

/**
 * For each code unit of Latin Extended-A and -B (U+0100–U+024F) and Latin Extended Additional (U+1E00–U+1EFF),
 * the ASCII letter wink should read instead, or 0. wink's model knows Latin-1 letters only: it cut "Łukasz" into
 * "Ł" + "ukasz" and "Erdoğan" into "Erdo" + "ğ" + "an", so such names lost their speakers. The base letter keeps
 * the case, so a capitalised name still reads as one.
 */
function foldTable(): Uint16Array {
  if (fold) return fold;
  const t = new Uint16Array(0x1f00 - 0x100);
  for (let c = 0x100; c < 0x1f00; c++) {
    if (c >= 0x250 && c < 0x1e00) continue;
    const ch = String.fromCharCode(c);
    const base = FOLD_EXTRA[ch] ?? ch.normalize('NFD')[0];
    const b = base.charCodeAt(0);
    if ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a)) t[c - 0x100] = b;
  }
  fold = t;
  return t;
}

/**
 * What wink reads in place of the code unit: a line feed for vertical white space wink would keep inside a
 * token (vertical tab, form feed, line and paragraph separators), a space for the other such white space, the
 * ASCII base of a Latin letter wink does not know (see foldTable); else 0, the unit itself.
 */
function stand(c: number): number {
  if (c < 0x100) return c === 11 || c === 12 ? 10 : 0;
  if (c < 0x1f00) return c < 0x250 || c >= 0x1e00 ? foldTable()[c - 0x100] : c === 0x1680 ? 32 : 0;
  if (c === 0x2028 || c === 0x2029) return 10;
  return c === 0x2000 || c === 0x2001 || (c >= 0x2006 && c <= 0x2008) || c === 0x3000 || c === 0xfeff ? 32 : 0;
}

/**
 * The text as wink should read it (see stand): white space wink would keep inside a token becomes white space it
 * splits on, and Latin letters it would cut out of a word become their ASCII base. Same length, one code unit
 * for one, so wink's offsets are the text's (tokens.ts takes each token's value from the text itself). Returns
 * the text itself when nothing changes.
 */
export function winkView(text: string): string {
  let out: string[] | null = null;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 11) continue;
    const r = stand(c);
    if (r === 0) continue;
    out ??= [];
    out.push(text.slice(from, i), String.fromCharCode(r));
    from = i + 1;
  }
  if (!out) return text;
  out.push(text.slice(from));
  return out.join('');
}
