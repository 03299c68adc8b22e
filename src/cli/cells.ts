/**
 * Text cells for a terminal: display width (wide CJK and emoji count two columns, combining marks none),
 * cleaning a cell of anything that could move the cursor, and cutting or wrapping it to a width.
 */

/** Columns of a code point on a terminal: 0 for combining marks and joiners, 2 for wide and emoji. */
function cpWidth(cp: number): number {
  if (
    (cp >= 0x0300 && cp <= 0x036f) ||
    (cp >= 0x1ab0 && cp <= 0x1aff) ||
    (cp >= 0x1dc0 && cp <= 0x1dff) ||
    (cp >= 0x20d0 && cp <= 0x20ff) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0xfe20 && cp <= 0xfe2f) ||
    (cp >= 0x200b && cp <= 0x200d) ||
    (cp >= 0xe0100 && cp <= 0xe01ef) ||
    (cp >= 0x1f3fb && cp <= 0x1f3ff)
  ) {
    return 0;
  }
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x1fa70 && cp <= 0x1faff) ||
    (cp >= 0x1f680 && cp <= 0x1f6ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

/** Display width of a string on a terminal (an estimate: no font knows better). */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += cpWidth(ch.codePointAt(0)!);
  return w;
}

/**
 * One line of plain, printable text: white space runs (newlines, tabs, CR) become one space; control
 * characters (NUL, ESC …), bidi overrides and lone surrogates become U+FFFD, so nothing can move the cursor,
 * recolour the terminal or reorder the table.
 */
export function sanitizeCell(s: string): string {
  return s
    .replace(/[\s\u0085]+/g, ' ')
    .replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g, '\ufffd')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .trim();
}

/** Cut to at most `width` columns, ending in "…" when cut; never splits a surrogate pair. */
export function truncate(s: string, width: number): string {
  if (width <= 0) return '';
  if (displayWidth(s) <= width) return s;
  let out = '';
  let w = 0;
  for (const ch of s) {
    const cw = cpWidth(ch.codePointAt(0)!);
    if (w + cw > width - 1) break;
    out += ch;
    w += cw;
  }
  return out + '…';
}

export function pad(s: string, width: number): string {
  const w = displayWidth(s);
  return w >= width ? s : s + ' '.repeat(width - w);
}

/** Split a word wider than `width` columns into pieces that fit (never inside a surrogate pair). */
function breakWord(word: string, width: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  let w = 0;
  for (const ch of word) {
    const cw = cpWidth(ch.codePointAt(0)!);
    if (w + cw > width && piece !== '') {
      pieces.push(piece);
      piece = '';
      w = 0;
    }
    piece += ch;
    w += cw;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}

/**
 * Wrap a one-line cell (see sanitizeCell) at spaces into lines of at most `width` columns, a word wider than
 * that broken where it must be. With `maxLines`, text beyond the last line is cut and that line ends in "…".
 */
export function wrap(s: string, width: number, maxLines = Number.POSITIVE_INFINITY): string[] {
  if (width <= 0 || maxLines <= 0) return [];
  const lines: string[] = [];
  let line = '';
  const words = s.split(' ').filter((w) => w !== '');
  for (const whole of words) {
    for (const word of displayWidth(whole) > width ? breakWord(whole, width) : [whole]) {
      const joined = line === '' ? word : `${line} ${word}`;
      if (displayWidth(joined) <= width) {
        line = joined;
        continue;
      }
      lines.push(line);
      line = word;
      if (lines.length === maxLines) return cutLast(lines, width);
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** The last line of a wrap that ran out of lines: whole words dropped from its end until " …" fits after it. */
function cutLast(lines: string[], width: number): string[] {
  let last = lines[lines.length - 1];
  while (displayWidth(`${last} …`) > width && last.includes(' ')) last = last.slice(0, last.lastIndexOf(' '));
  lines[lines.length - 1] = displayWidth(`${last} …`) <= width ? `${last} …` : truncate(`${last}…`, width);
  return lines;
}
