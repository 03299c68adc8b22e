/**
 * What keeps wink's tokenizer linear on hostile text.
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
  [String.raw`(?:${LABEL}-*)*${LABEL}+`, String.raw`${LABEL}+(?:-+${LABEL}+)*`],
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
    throw new Error(`quotewire: the wink model's tokenizer regexes are not the ones quotewire makes safe (built for wink-eng-lite-web-model 1.8); missing: ${missing.join(' ; ')}`);
  }
  return trex;
}

/** White space wink splits tokens on (the model's `helpers.splitter`): plain and no-break spaces, CR, LF, tab. */
export function isWinkSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 0xa0 || (c >= 0x2002 && c <= 0x2005)
    || c === 0x2009 || c === 0x200a || c === 0x202f || c === 0x205f;
}

/** JavaScript's `\s`, as a char-code test. */
export function isJsSpace(c: number): boolean {
  return c <= 32
    ? c === 32 || (c >= 9 && c <= 13)
    : c >= 0xa0 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029
      || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff);
}

/**
 * The text as wink should see it: every white-space character wink would keep inside a token becomes one it
 * splits on — a line feed for the vertical ones (vertical tab, form feed, line and paragraph separators), a
 * space for the rest. Same length, so wink's offsets are the text's. Returns the text itself when it has none.
 */
export function winkView(text: string): string {
  let out: string[] | null = null;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!(c === 11 || c === 12 || c === 0x1680 || c === 0x2000 || c === 0x2001 || (c >= 0x2006 && c <= 0x2008)
      || c === 0x2028 || c === 0x2029 || c === 0x3000 || c === 0xfeff)) continue;
    out ??= [];
    out.push(text.slice(from, i), c === 11 || c === 12 || c === 0x2028 || c === 0x2029 ? '\n' : ' ');
    from = i + 1;
  }
  if (!out) return text;
  out.push(text.slice(from));
  return out.join('');
}
