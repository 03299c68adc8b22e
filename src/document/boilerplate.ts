/**
 * Boilerplate lines (newsletter prompts, "Advertisement", "Read more: …", photo credits), from the data file
 * src/model/boilerplate.json. Each pattern is tested against one trimmed line.
 */
import boiler from '../model/boilerplate.json';

interface PatternEntry {
  source?: unknown;
  flags?: unknown;
  what?: unknown;
}

/** Lines longer than this are never boilerplate (and are never handed to the patterns). */
export const MAX_BOILERPLATE_LINE = 300;

let compiled: RegExp[] | null = null;

function compile(): RegExp[] {
  const out: RegExp[] = [];
  const data = boiler as unknown as { patterns?: unknown };
  const list = Array.isArray(data?.patterns) ? (data.patterns as PatternEntry[]) : [];
  for (const p of list) {
    if (!p || typeof p.source !== 'string' || p.source.length === 0) continue;
    // g / y make RegExp#test stateful; drop them. Unknown flags make the pattern invalid: skip it.
    const flags = typeof p.flags === 'string' ? p.flags.replace(/[gy]/g, '') : '';
    try {
      out.push(new RegExp(p.source, flags));
    } catch {
      /* an invalid pattern in the data file is ignored, never thrown */
    }
  }
  return out;
}

/** The compiled patterns (compiled once, on first use). */
export function boilerplatePatterns(): RegExp[] {
  if (!compiled) compiled = compile();
  return compiled;
}

/** Is text[start, end) (already trimmed, a single line) boilerplate? */
export function isBoilerplateLine(text: string, start: number, end: number): boolean {
  const len = end - start;
  if (len <= 0 || len > MAX_BOILERPLATE_LINE) return false;
  const pats = boilerplatePatterns();
  if (pats.length === 0) return false;
  const line = text.slice(start, end);
  for (const re of pats) {
    if (re.test(line)) return true;
  }
  return false;
}
