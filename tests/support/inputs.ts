/**
 * Deterministic input generators shared by the bench (linearity of pathological families, scaling corpus)
 * and by the pathological / robustness / crafted tests. No dependencies: the bench's plain-JavaScript scripts load
 * it through tsx's `tsImport`, the tests import it.
 *
 * Every generator is a pure function of its arguments (a seeded PRNG, never Math.random), so a bench run and a
 * test run see the same text and a failure can be reproduced from the family name and the size.
 */

/** A source of numbers in [0, 1), as Math.random gives them. */
export type Rng = () => number;

/** A pathological input family: (size in UTF-16 code units, seed) → a string of length ≤ size (≈ size). */
export type Family = (size: number, seed?: number) => string;

/** mulberry32: small, fast, good enough for picking words. */
export function rng(seed = 1): Rng {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

/** Cut `s` to at most `size` code units without leaving half a surrogate pair at the end. */
export function cutTo(s: string, size: number): string {
  if (s.length <= size) return s;
  let end = size;
  const c = s.charCodeAt(end - 1);
  if (end > 0 && c >= 0xd800 && c <= 0xdbff) end -= 1;
  return s.slice(0, end);
}

/** Repeat `make(i)` pieces until at least `size` code units, then cut. */
function fill(size: number, make: (i: number) => string): string {
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; n < size; i++) {
    const p = make(i);
    if (p.length === 0) continue;
    parts.push(p);
    n += p.length;
  }
  return cutTo(parts.join(''), size);
}

// ---------------------------------------------------------------------------------------------------------------
// news-ish vocabulary

export const QUOTE_MARKS = ['“', '”', '‘', '’', '"', "'", '«', '»', '„', '‚', '‹', '›', '「', '」', '＂', '〝', '〞'];
/** Opening/closing pairs as they appear in real copy, plus a few mismatched ones. */
export const QUOTE_PAIRS: [string, string][] = [
  ['“', '”'],
  ['“', '”'],
  ['“', '”'],
  ['"', '"'],
  ['"', '"'],
  ['‘', '’'],
  ["'", "'"],
  ['«', '»'],
  ['« ', ' »'],
  ['„', '“'],
  ['„', '”'],
  ['‹', '›'],
  ['「', '」'],
  ['”', '”'],
  ['“', '"'],
];
export const NAMES = [
  'Jane Doe',
  'John Smith',
  'Antony Blinken',
  'Nikol Pashinyan',
  'Ilham Aliyev',
  'Ana María López',
  'Seán O’Brien',
  "Conan O'Neill",
  'Zoë Ångström',
  'Mr. Smith',
  'Ms. Doe',
  'Dr. Chen Wei',
  'Prime Minister Kaja Kallas',
  'Secretary of State Marco Rubio',
  'Gov. Gavin Newsom',
  'Sen. Mitch McConnell',
  'Lt. Col. Ahmed Al-Masri',
  'Jean-Luc Picard',
  'Björk Guðmundsdóttir',
  'Nguyễn Văn An',
  'José',
  'Xi Jinping',
];
export const DESCRIPTIONS = [
  'the official',
  'a senior official',
  'a spokesperson for the ministry',
  'the Foreign Ministry',
  'the White House',
  'the State Department',
  'police',
  'the company',
  'officials',
  'analysts',
  'one resident',
  'a source familiar with the talks',
  'the Kremlin',
  'Reuters',
  'The New York Times',
  'the Minister’s office',
  'the group’s leader',
];
export const PRONOUNS = ['he', 'she', 'they', 'He', 'She', 'They', 'it', 'we', 'I'];
export const CUES = [
  'said',
  'says',
  'told reporters',
  'added',
  'said in a statement',
  'wrote on X',
  'denied',
  'insisted',
  'warned',
  'stressed',
  'claimed',
  'argued',
  'noted',
  'told The Associated Press',
  'said on Tuesday',
  'asked',
  'promised',
  'acknowledged',
  'confirmed',
  'tweeted',
];
export const WORDS = [
  'the',
  'government',
  'will',
  'not',
  'accept',
  'talks',
  'peace',
  'deal',
  'economy',
  'grew',
  'percent',
  'last',
  'year',
  'we',
  'expect',
  'discussions',
  'throughout',
  'week',
  'Minister’s',
  'don’t',
  'it’s',
  "isn't",
  '’90s',
  "'90s",
  'rock ’n’ roll',
  'O’Neill’s',
  'U.S.',
  'Jan.',
  'No.',
  '$4.5 billion',
  '37%',
  '5,000 km²',
  'May 1, 2023',
  'last Tuesday',
  'about 300 people',
  'between 5 and 10',
  'COVID-19',
  'e-mail',
  'well-known',
  'naïve',
  'café',
  'Zürich',
  'Kyiv',
  'Nagorno-Karabakh',
  '😀',
  '👍🏽',
  '👨‍👩‍👧',
  '🇺🇦',
  '#️⃣',
  '…',
  '—',
  '–',
  '(AP)',
  '[sic]',
  '&',
  'https://example.com/a?b=c',
  '@user',
  '#hashtag',
  '3:30 p.m.',
  '1990s',
  '2024',
  'twice',
  'never',
  'always',
];
export const DATELINES = [
  'WASHINGTON (AP) — ',
  'LONDON, May 3 (Reuters) - ',
  'KYIV, Ukraine — ',
  'PARIS (AFP) – ',
  'NEW YORK — ',
  'BEIJING, Jan. 5 (Xinhua) -- ',
  'YEREVAN (Azatutyun) — ',
  'SÃO PAULO, Brazil (AP) — ',
];

function words(r: Rng, n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(pick(r, WORDS));
  return out.join(' ');
}
function who(r: Rng): string {
  const x = r();
  return x < 0.5 ? pick(r, NAMES) : x < 0.8 ? pick(r, DESCRIPTIONS) : pick(r, PRONOUNS);
}
const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** One news-like sentence; `quotes: false` keeps quote marks out (for the left-open-quote families). */
export function newsSentence(r: Rng, { quotes = true }: { quotes?: boolean } = {}): string {
  const k = Math.floor(r() * (quotes ? 7 : 3));
  const body = words(r, 3 + Math.floor(r() * 12));
  switch (k) {
    case 0:
      return `${cap(who(r))} ${pick(r, CUES)} that ${body}.`;
    case 1:
      return `According to ${who(r)}, ${body}.`;
    case 2:
      return `${cap(body)}.`;
    case 3: {
      const [o, c] = pick(r, QUOTE_PAIRS);
      return `${o}${cap(body)},${c} ${who(r)} ${pick(r, CUES)}.`;
    }
    case 4: {
      const [o, c] = pick(r, QUOTE_PAIRS);
      return `${cap(who(r))} ${pick(r, CUES)}: ${o}${cap(body)}.${c}`;
    }
    case 5: {
      const [o, c] = pick(r, QUOTE_PAIRS);
      return `${o}${cap(body)},${c} ${who(r)} ${pick(r, CUES)}, ${o}${words(r, 5)}.${c}`;
    }
    default: {
      const [o, c] = pick(r, QUOTE_PAIRS);
      return `${cap(who(r))} called it ${o}${words(r, 3)}${c} and left.`;
    }
  }
}

export function newsParagraph(r: Rng, opts?: { quotes?: boolean }): string {
  const n = 1 + Math.floor(r() * 5);
  const s: string[] = [];
  for (let i = 0; i < n; i++) s.push(newsSentence(r, opts));
  return s.join(' ');
}

// ---------------------------------------------------------------------------------------------------------------
// pathological families: (size in UTF-16 code units, seed) -> string of length <= size (≈ size)

const EMOJI = ['😀', '👍🏽', '👨‍👩‍👧', '🇺🇦', '🇬🇧', '#️⃣', '❤️', '🏳️‍🌈', '🧑🏿‍🚀', '💬', '🗣️', '📰', '🙂', '🤷‍♀️', '1️⃣', '🫡', '☺'];
const CONTROLS = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\u0008',
  '\u000b',
  '\u000c',
  '\u000e',
  '\u001b',
  '\u001f',
  '\u007f',
  '\u0085',
  '\u009f',
  '\u200b',
  '\u200d',
  '\u200e',
  '\u202e',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\u00ad',
  '\ufffd',
  '\ufffe',
  '\t',
];
const LINE_ENDS = ['\r\n\r\n', '\r\r', '\r\n', '\r', '\n\r', '\r\n\r\n\r\n', ' \r\n \r\n'];
const SYL = ['ka', 'ro', 'mi', 'lan', 'te', 'vo', 'su', 'der', 'na', 'bel', 'qui', 'os', 'tar', 'zen', 'ha', 'pe'];

/** A pronounceable capitalised name that is unique for each i (no digits). */
export function uniqueName(i: number): string {
  let s = '';
  let x = i;
  do {
    s += SYL[x % SYL.length];
    x = Math.floor(x / SYL.length);
  } while (x > 0);
  return cap(s);
}

export const families = {
  /** Nothing but quote marks of every kind, no white space. */
  quoteMarks: (size, seed = 11) => {
    const r = rng(seed);
    return fill(size, () => pick(r, QUOTE_MARKS));
  },
  /** Words, punctuation, quote marks and digits, never a white-space character. */
  noWhitespace: (size, seed = 12) => {
    const r = rng(seed);
    const glue = ['.', ',', '“', '”', '’', '—', '-', ':', ';', '(', ')', '"', "'", '!', '?', '/', ''];
    return fill(size, () => (r() < 0.1 ? 'said' : pick(r, ['Smith', 'the', 'Minister’s', 'deal', '2023', 'U.S.', 'Ok'])) + pick(r, glue));
  },
  /** One giant token: a single letter repeated. */
  giantToken: (size) => 'a'.repeat(size),
  /** One giant token of random base64 characters (like an inlined image or a key). */
  base64Run: (size, seed = 24) => {
    const r = rng(seed);
    const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    let s = '';
    for (let i = 0; i < size; i++) s += A[Math.floor(r() * 64)];
    return s;
  },
  /** News copy with every white-space character removed: “Hello,”saidJaneDoe.Thetalks… */
  newsNoSpaces: (size, seed = 25) => {
    const r = rng(seed);
    return fill(size, () => newsParagraph(r).replace(/\s+/g, ''));
  },
  /** Short one-line paragraphs separated by single line feeds. */
  oneLineParagraphs: (size, seed = 13) => {
    const r = rng(seed);
    return fill(size, (i) => {
      const k = i % 4;
      if (k === 0) return `${uniqueName(i % 200)} said “yes.”\n`;
      if (k === 1) return `“No,” ${pick(r, PRONOUNS)} said.\n`;
      if (k === 2) return `${words(r, 2)}\n`;
      return `Line ${i}.\n`;
    });
  },
  /** Quotes nested as deep as the size allows, a word at every level: “a ‘a “a ‘a … ’ ” ’ ”. */
  nestedQuotes: (size) => {
    const depth = Math.max(1, Math.floor((size - 4) / 5)); // each level is “a  … ” = 5 code units
    return cutTo(nested(depth), size);
  },
  /** Only emoji (ZWJ sequences, flags, skin tones, keycaps), no white space. */
  emojiOnly: (size, seed = 14) => {
    const r = rng(seed);
    return fill(size, () => pick(r, EMOJI));
  },
  /** News copy whose line ends are CRLF, lone CR and LF-CR. */
  crLineEnds: (size, seed = 15) => {
    const r = rng(seed);
    return fill(size, () => newsParagraph(r) + pick(r, LINE_ENDS));
  },
  /** News copy with NUL, C0/C1 controls, bidi and zero-width characters inside and between words. */
  controlChars: (size, seed = 16) => {
    const r = rng(seed);
    return fill(size, () => {
      const p = newsParagraph(r) + '\n\n';
      let out = '';
      for (let i = 0; i < p.length; i++) {
        if (r() < 0.05) out += pick(r, CONTROLS);
        const c = p.charCodeAt(i);
        // never cut a surrogate pair by inserting between its halves
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < p.length) {
          out += p[i] + p[i + 1];
          i++;
        } else out += p[i];
      }
      return out;
    });
  },
  /** A whole story that opens a quotation in its first character and never closes it. */
  openQuote: (size, seed = 17) => {
    const r = rng(seed);
    return '“' + fill(size - 1, () => newsParagraph(r, { quotes: false }) + '\n\n');
  },
  /** Every paragraph opens a quotation and never closes it. */
  unbalancedOpens: (size, seed = 18) => {
    const r = rng(seed);
    return fill(size, () => pick(r, ['“', '"', '‘', '«', '„']) + newsParagraph(r, { quotes: false }) + '\n\n');
  },
  /** One sentence with no end: words, commas and attributions, never a full stop. */
  longSentence: (size, seed = 19) => {
    const r = rng(seed);
    return fill(size, (i) => {
      const x = r();
      const w =
        x < 0.05
          ? `${pick(r, NAMES)} said`
          : x < 0.1
            ? 'and'
            : x < 0.15
              ? 'that'
              : pick(r, ['the', 'talks', 'deal', 'would', 'continue', 'officials', 'expect', 'more', 'people']);
      return (i ? (r() < 0.1 ? ', ' : ' ') : 'The ') + w;
    });
  },
  /** Thousands of distinct named speakers, each quoted once (speaker clustering must not be quadratic). */
  manySpeakers: (size) =>
    fill(
      size,
      (i) =>
        `“We disagree on point ${i},” said ${uniqueName(i)} ${uniqueName(i * 7 + 3)}, a spokesperson for ${uniqueName(i + 11)} Group.\n\n`,
    ),
  /** A few names, then pronoun after pronoun (coreference must not look back over every earlier mention). */
  pronounChain: (size, seed = 20) => {
    const r = rng(seed);
    return fill(size, (i) =>
      i % 50 === 0
        ? `${pick(r, NAMES)} spoke on ${pick(r, ['Monday', 'Tuesday', 'Friday'])}. `
        : `“${cap(words(r, 4))},” ${pick(r, ['he', 'she', 'they', 'the official'])} ${pick(r, CUES)}. ${i % 5 === 0 ? '\n\n' : ''}`,
    );
  },
  /** Reported speech inside reported speech, one sentence with no end: every mention looks back over one sentence. */
  reportedChain: (size, seed = 26) => {
    const r = rng(seed);
    return fill(
      size,
      () => `${pick(r, ['officials', 'sources', 'the official', 'the spokesman', 'aides', 'the ministry'])} ${pick(r, CUES)} that `,
    );
  },
  /** A cue after a cue after a cue: “said said said …”, one sentence with no end (cue search must not rescan). */
  cueFlood: (size) => fill(size, (i) => (i % 1000 === 999 ? 'said, ' : 'said ')),
  /** Dense numbers, money, percentages and dates (the claim extractor's food). */
  numbersAndDates: (size, seed = 21) => {
    const r = rng(seed);
    return fill(
      size,
      (i) =>
        `${cap(who(r))} said spending rose ${(i % 97) + 1}% to $${i % 13}.${i % 10} billion between ${1990 + (i % 30)} and May ${1 + (i % 28)}, 20${10 + (i % 15)}, up from about ${i * 3} people in the 1990s. `,
    );
  },
  /** Runs of punctuation, dashes and ellipses between spaces. */
  punctuationRuns: (size, seed = 22) => {
    const r = rng(seed);
    return fill(
      size,
      () =>
        pick(r, ['...', '!!!', '?', '—', '–', '-', '--', '…', '. .', ',', ';', ':', '“”', '()', '[]', '*', '•']) +
        pick(r, [' ', ' ', '\n', '']),
    );
  },
  /** Nothing but white space of every kind. */
  whitespaceOnly: (size, seed = 23) => {
    const r = rng(seed);
    return fill(size, () => pick(r, [' ', '\t', '\n', '\r\n', '\u00a0', '\u2009', '\u3000', '\u2028', '\u000b', '\u000c', '\n\n']));
  },
} satisfies Record<string, Family>;

export type FamilyName = keyof typeof families;

/** Quotes nested `depth` deep with a word at every level, alternating “ and ‘, then closed in reverse. */
export function nested(depth: number, { closed = true }: { closed?: boolean } = {}): string {
  const open: string[] = [];
  const close: string[] = [];
  for (let i = 0; i < depth; i++) {
    const even = i % 2 === 0;
    open.push(even ? '“a ' : '‘a ');
    close.push(even ? ' ”' : ' ’');
  }
  return open.join('') + 'said' + (closed ? close.reverse().join('') : '');
}

/** `n` one-line paragraphs (each its own line, single LF between). */
export function oneLineParagraphsCount(n: number, seed = 13): string {
  const r = rng(seed);
  const lines: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const k = i % 4;
    lines[i] =
      k === 0 ? `${uniqueName(i % 200)} said “yes.”` : k === 1 ? `“No,” ${pick(r, PRONOUNS)} said.` : k === 2 ? words(r, 2) : `Line ${i}.`;
  }
  return lines.join('\n');
}

/** `n` paragraphs, each opening a quotation that is never closed. */
export function unbalancedOpensCount(n: number, seed = 18): string {
  const r = rng(seed);
  const ps: string[] = new Array(n);
  for (let i = 0; i < n; i++) ps[i] = pick(r, ['“', '"', '‘', '«', '„']) + newsParagraph(r, { quotes: false });
  return ps.join('\n\n');
}

/** A single sentence of exactly `n` white-space-separated words and no full stop. */
export function longSentenceWords(n: number, seed = 19): string {
  const r = rng(seed);
  const w: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const x = r();
    w[i] =
      x < 0.03
        ? 'Smith said'
        : x < 0.06
          ? 'that,'
          : pick(r, ['the', 'talks', 'deal', 'would', 'continue', 'officials', 'expect', 'more', 'people', 'and']);
    if (w[i] === 'Smith said') {
      w[i] = 'Smith';
      if (i + 1 < n) {
        w[i + 1] = 'said';
        i++;
      }
    }
  }
  w[0] = 'The';
  return w.join(' ');
}

// ---------------------------------------------------------------------------------------------------------------
// crafted tokens (issue 8): URL-, e-mail- and number-like tokens just under the 120 characters past which
// quotewire keeps a run away from wink; they once made wink's tokenizer backtrack for seconds to days.

/** A story of about `size` code units made of the token, in sentences and alone. */
function tokenStory(token: string, size = 32_768): string {
  return fill(size, (i) => (i % 2 ? `He said ${token} today. ` : `${token} `));
}

/** Each crafted input by name: first the single strings issue 8 names, then stories full of one crafted shape. */
export const crafted: Record<string, () => string> = {
  // the model's URL regex was exponential: 53 characters took 28 ms, 69 took 1.1 s, 85 took 95 s
  urlNested85: () => '//0.A' + 'PP.P'.repeat(20),
  urlNested117: () => '//0.A' + 'PP.P'.repeat(28),
  visitLabels: () => 'Visit http://' + 'a1b.'.repeat(16) + 'a1 now.',
  wwwLabels: () => 'http://' + 'www.'.repeat(16) + 'a1',
  // white space wink does not split on used to glue short runs into one piece past the 120-character guard
  gluedBySpaces: () => 'He said //0.A' + 'PP.P'.repeat(12) + '\u3000' + 'PP.P'.repeat(12) + '\f' + 'PP.P'.repeat(12),
  // stories full of one shape each: URLs, and the quadratic regexes recheck finds in the model
  storyUrlNested: () => tokenStory('//0.A' + 'PP.P'.repeat(28)),
  storyUrlLabels: () => tokenStory('http://' + 'a1b-c.'.repeat(18) + 'a1'),
  storyUrlStarts: () => tokenStory('//0'.repeat(37) + './/0.AA'),
  // the same story with nothing for a regex to catch (no "//", no "@"): as many tokens a character, so the same cost
  storyUrlStartsControl: () => tokenStory('/;0'.repeat(37) + './;0.AA'),
  storyUserInfo: () => tokenStory('//@' + '@A.AA/'.repeat(19) + '!'),
  storyEmail: () => tokenStory('-@0-' + 'A.A-'.repeat(28) + '`'),
  storyDigits: () => tokenStory('0'.repeat(118) + '\u0000'),
  storyOrdinal: () => tokenStory('1'.repeat(119)),
  storyDots: () => tokenStory('!' + '.'.repeat(116) + '."'),
};
