/**
 * The seed article: every required attribution of fixtures/article.expected.json found with the right
 * speaker, and the speakers clustered right — the same rows the outside seed check reads.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index';

interface Row {
  n: number;
  kind: string;
  content: string;
  start: number;
  end: number;
  alt: [number, number][];
  speaker: string;
  speakerLabel: string;
  required: boolean;
}

const text = readFileSync(new URL('../fixtures/article.txt', import.meta.url), 'utf8');
const rows: Row[] = JSON.parse(readFileSync(new URL('../fixtures/article.expected.json', import.meta.url), 'utf8')).items;
const result = extract(text);
const byId = new Map(result.speakers.map((s) => [s.id, s]));

// trim as the corpus metric does: white space, quote marks, edge punctuation, a leading "that "
const EDGE = /^(?:[\s"'“”‘’«»,.;:—–-]|that\s)+/i;
const TRAIL = /[\s"'“”‘’«»,.;:—–-]+$/;
function trimmed(start: number, end: number): [number, number] | null {
  const seg = text.slice(start, end);
  const lead = seg.match(EDGE)?.[0].length ?? 0;
  const trail = seg.match(TRAIL)?.[0].length ?? 0;
  return end - trail > start + lead ? [start + lead, end - trail] : null;
}
const overlap = (a: [number, number], b: [number, number]) => Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));

function bestQuote(row: Row) {
  let best: (typeof result.quotes)[number] | null = null;
  let bestRel = 0;
  for (const [s, e] of [[row.start, row.end] as [number, number], ...row.alt]) {
    const g = trimmed(s, e);
    if (!g) continue;
    for (const q of result.quotes) {
      const p = trimmed(q.content.start, q.content.end);
      if (!p) continue;
      const i = overlap(g, p);
      const rel = Math.min(i / (g[1] - g[0]), i / (p[1] - p[0]));
      if (rel > bestRel) {
        bestRel = rel;
        best = q;
      }
    }
  }
  return bestRel >= 0.5 ? best : null;
}

function names(speakerId: string | null): string[] {
  const s = speakerId ? byId.get(speakerId) : undefined;
  return s ? [s.name, ...s.aliases, ...s.mentions.map((m) => m.text)] : [];
}

describe('seed article', () => {
  const required = rows.filter((r) => r.required);
  it.each(required.map((r) => [r.n, r] as const))('row %i is found with the right speaker', (_n, row) => {
    const q = bestQuote(row);
    expect(q, `no quote overlaps "${row.content.slice(0, 50)}…"`).not.toBeNull();
    const rx = new RegExp(row.speaker, 'i');
    expect(
      names(q!.speakerId).some((n) => rx.test(n)),
      `speaker of "${row.content.slice(0, 40)}…" is ${names(q!.speakerId)[0]}, not ${row.speakerLabel}`,
    ).toBe(true);
  });

  // optional rows the seed check also counts ("31/32 in all"): the ones found so far must stay found
  const optionalFound = [20];
  it.each(optionalFound.map((n) => [n, rows.find((r) => r.n === n)!] as const))(
    'optional row %i is found with the right speaker',
    (_n, row) => {
      expect(row.required).toBe(false);
      const q = bestQuote(row);
      expect(q, `no quote overlaps "${row.content.slice(0, 50)}…"`).not.toBeNull();
      expect(names(q!.speakerId).some((n) => new RegExp(row.speaker, 'i').test(n))).toBe(true);
    },
  );

  it('keeps the two anonymous US officials apart and each speaker in one piece', () => {
    const idsOf = new Map<string, Set<string>>();
    for (const row of required) {
      const q = bestQuote(row);
      if (q?.speakerId) (idsOf.get(row.speakerLabel) ?? idsOf.set(row.speakerLabel, new Set()).get(row.speakerLabel)!).add(q.speakerId);
    }
    const first = idsOf.get('senior US official (anonymous, State Department)')!;
    const second = idsOf.get('another senior US official (anonymous)')!;
    expect(first.size).toBe(1);
    expect(second.size).toBe(1);
    expect([...first][0]).not.toBe([...second][0]);
    expect(idsOf.get('Ani Badalyan (spokesperson, Armenian Foreign Ministry)')!.size).toBe(1);
    expect(idsOf.get('Nikol Pashinyan (via his press office)')!.size).toBe(1);
  });

  it('names the spokesperson, with her title and ministry, and links offices to whom they speak for', () => {
    const badalyan = result.speakers.find((s) => s.name === 'Ani Badalyan');
    expect(badalyan?.kind).toBe('person');
    expect(badalyan?.title).toBe('spokesperson');
    expect(badalyan?.affiliation).toMatch(/Ministry of Foreign Affairs/);
    expect(badalyan?.mentions.map((m) => m.text)).toEqual(expect.arrayContaining(['Ani Badalyan', 'She', 'Badalyan']));
    const office = result.speakers.find((s) => s.mentions.some((m) => m.text === 'his press office'));
    expect(office?.speaksFor && byId.get(office.speaksFor)?.name).toBe('Nikol Pashinyan');
    const blinken = result.speakers.find((s) => s.name === 'Antony Blinken');
    expect(blinken?.title).toBe('secretary of state');
  });

  it('reads the document: headline, dateline, heading, boilerplate', () => {
    expect(result.document.headline?.text).toMatch(/^Armenia-Azerbaijan Talks/);
    expect(result.document.dateline).toMatchObject({ place: 'WASHINGTON', agency: 'Azatutyun' });
    expect(result.document.sections.map((s) => s.heading?.text ?? null)).toEqual([null, 'Azerbaijan Issues Preconditions']);
    expect(result.document.boilerplate.map((b) => b.text)).toEqual([
      'Get the Mirror in your inbox:',
      'Get the Mirror-Spectator Weekly in your inbox:',
    ]);
  });

  it('takes no quote from the headline or the boilerplate, and keeps the narrative out', () => {
    for (const q of result.quotes) {
      for (const b of [...result.document.boilerplate, result.document.headline!])
        expect(overlap([q.content.start, q.content.end], [b.start, b.end])).toBe(0);
    }
    // narrative sentences with no cue are not quotes
    const narrative = text.indexOf('The phone calls came amid heightened tensions');
    expect(result.quotes.some((q) => q.content.start <= narrative && q.content.end > narrative)).toBe(false);
  });

  it('gives every quote exact spans and a kind, cue and confidence that fit', () => {
    for (const q of result.quotes) {
      expect(text.slice(q.content.start, q.content.end)).toBe(q.content.text);
      if (q.source) expect(text.slice(q.source.start, q.source.end)).toBe(q.source.text);
      expect(q.confidence).toBeGreaterThan(0);
      expect(q.confidence).toBeLessThanOrEqual(1);
    }
    const row2 = bestQuote(rows.find((r) => r.n === 2)!)!;
    expect(row2).toMatchObject({ kind: 'direct', cue: { lemma: 'say' }, source: { text: 'the official' } });
    const row3 = bestQuote(rows.find((r) => r.n === 3)!)!;
    expect(row3.cue).toBeNull();
    expect(row3.confidence).toBeLessThan(row2.confidence);
    expect(bestQuote(rows.find((r) => r.n === 18)!)).toMatchObject({ kind: 'mixed', cue: { lemma: 'rule', stance: 'ruling' } });
  });
});
