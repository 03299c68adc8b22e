/**
 * What the command line says about input it cannot use: a file it cannot read, in words rather than errno
 * codes, and input that is not text (a binary file, or text in an encoding other than UTF-8).
 */

/** Why a file could not be read, in a few words: "no such file", "is a directory", "permission denied" … */
export function readFailure(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many symbolic links';
    case 'ENAMETOOLONG':
      return 'the file name is too long';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    default:
      return whatHappened(err instanceof Error ? err.message : String(err));
  }
}

/** Node words the rest "CODE: what happened, syscall 'path'" (the path is not always there): what happened. */
function whatHappened(message: string): string {
  let rest = message.replace(/^[A-Z][A-Z0-9_]+: /, '');
  const comma = rest.indexOf(', ');
  if (comma > 0 && /^[a-z]\w*(?: '|$)/.test(rest.slice(comma + 2))) rest = rest.slice(0, comma);
  return rest || 'unknown error';
}

/** What to add to the reason: what quotewire reads instead. */
export const TEXT_EXPECTED = 'quotewire reads UTF-8 text';

/** Share of the characters that may be undecodable or control characters before input is taken for binary. */
const MAX_UNREADABLE = 0.1;

/**
 * Why `text` (decoded as UTF-8, invalid bytes as U+FFFD) is not a story but binary data: it holds NUL, or more
 * than a tenth of it is invalid UTF-8 or control characters. Null when it reads as text. A few stray bytes (a
 * Latin-1 "é", an escape sequence) leave it text: the library reads them as it reads any odd text.
 */
export function notText(text: string): string | null {
  let unreadable = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return 'it holds NUL characters';
    // U+FFFD (an invalid byte), and the C0 controls but tab, newline, vertical tab, form feed, CR and ESC
    if (c === 0xfffd || (c < 0x20 && (c < 0x09 || c > 0x0d) && c !== 0x1b) || c === 0x7f) unreadable++;
  }
  if (text.length > 0 && unreadable / text.length > MAX_UNREADABLE) {
    const share = Math.round((100 * unreadable) / text.length);
    return `${share}% of it is invalid UTF-8 or control characters`;
  }
  return null;
}
