/**
 * From the resolution registry to the public Speaker list: only entities that speak, and those they speak for.
 */
import type { Span, Speaker } from '../types';
import type { Entity } from './resolve';

const span = (text: string, start: number, end: number): Span => ({ start, end, text: text.slice(start, end) });

function displayName(e: Entity): string {
  if (e.nameWords && e.nameWords.length) return e.nameWords.join(' ').replace(/ ([-.]) ?/g, '$1');
  if (e.description) return e.description;
  return e.aliases[0] ?? 'unknown';
}

export function buildSpeakers(text: string, used: Set<Entity>): { speakers: Speaker[]; idOf: Map<Entity, string> } {
  // close over speaksFor so every id a speaker names exists
  const keep = new Set<Entity>();
  for (const e of used) {
    let x: Entity | null = e;
    while (x && !keep.has(x)) {
      keep.add(x);
      x = x.speaksFor;
    }
  }
  const ordered = [...keep].sort((a, b) => (a.mentions[0]?.start ?? 0) - (b.mentions[0]?.start ?? 0) || a.id - b.id);
  const idOf = new Map<Entity, string>();
  ordered.forEach((e, i) => {
    idOf.set(e, `s${i + 1}`);
  });
  const speakers = ordered.map((e): Speaker => {
    const name = displayName(e);
    const mentions = e.mentions.slice().sort((a, b) => a.start - b.start || a.end - b.end);
    const uniq: Span[] = [];
    for (const m of mentions) {
      const prev = uniq[uniq.length - 1];
      if (prev && prev.start === m.start && prev.end === m.end) continue;
      uniq.push(span(text, m.start, m.end));
    }
    const sp: Speaker = {
      id: idOf.get(e) as string,
      name,
      kind: e.kind,
      aliases: e.aliases.filter((a) => a !== name),
      mentions: uniq,
    };
    const title =
      [...e.titles][0] ??
      (e.classes.has('spokes') ? [...e.heads].find((h) => /spokes|representative|secretary|office/.test(h)) : undefined);
    if (title) sp.title = title;
    if (e.affiliationText) sp.affiliation = e.affiliationText;
    if (e.speaksFor && idOf.has(e.speaksFor)) sp.speaksFor = idOf.get(e.speaksFor);
    return sp;
  });
  return { speakers, idOf };
}
