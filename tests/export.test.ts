import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildClaims } from '../src/claims/index';
import { textFromSpans, toSchemaOrgClaims, toWebAnnotations, type WebAnnotation } from '../src/export/index';
import schema from '../src/export/schema.json';
import { extract } from '../src/index';
import { checkOptions } from '../src/options';
import { sentencesOf } from './support/sentences';
import type { DocumentModel, Extraction, Quote, Span, Speaker } from '../src/types';

const FIXTURE = readFileSync(fileURLToPath(new URL('../fixtures/article.txt', import.meta.url)), 'utf8');
/** 2023-05-02 as the claims stage gets it: parsed by the options, as extract() parses `publishedAt`. */
const PUB = checkOptions({ publishedAt: '2023-05-02' }).publishedAt;

function span(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}
function find(text: string, needle: string, from = 0): Span {
  const at = text.indexOf(needle, from);
  if (at < 0) throw new Error(`text not found: ${needle}`);
  return span(text, at, at + needle.length);
}
/** Code point slice, the way the W3C model counts. */
function cpSlice(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}

function simpleDocument(text: string, boilerplate: Span[] = []): DocumentModel {
  const paragraphs: Span[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    if (line.trim() && !boilerplate.some((b) => b.start === at)) paragraphs.push(span(text, at, at + line.length));
    at += line.length + 1;
  }
  return {
    headline: paragraphs[0] ?? null,
    dateline: null,
    sections: [],
    paragraphs,
    sentences: sentencesOf(text, paragraphs),
    boilerplate,
  };
}

/** A small extraction of the fixture, built by hand: Badalyan's quotes and the official's, with claims. */
function fixtureExtraction(): Extraction {
  const text = FIXTURE;
  const boilerplate = [find(text, 'Get the Mirror in your inbox:'), find(text, 'Get the Mirror-Spectator Weekly in your inbox:')];
  const document = simpleDocument(text, boilerplate);
  const badalyan: Speaker = {
    id: 's1',
    name: 'Ani Badalyan',
    kind: 'person',
    title: 'spokesperson',
    affiliation: 'Ministry of Foreign Affairs of Armenia',
    aliases: ['Badalyan'],
    mentions: [
      find(text, 'Ani Badalyan'),
      find(text, 'Badalyan reminded').start
        ? span(text, text.indexOf('Badalyan reminded'), text.indexOf('Badalyan reminded') + 8)
        : find(text, 'Badalyan'),
    ],
  };
  const ministry: Speaker = { id: 's2', name: 'Ministry of Foreign Affairs of Armenia', kind: 'organization', aliases: [], mentions: [] };
  const official: Speaker = {
    id: 's3',
    name: 'a senior official in the United States',
    kind: 'anonymous',
    aliases: ['the official'],
    mentions: [find(text, 'the official said')],
    speaksFor: 's4',
  };
  const state: Speaker = { id: 's4', name: 'US Department of State', kind: 'organization', aliases: [], mentions: [] };
  badalyan.speaksFor = 's2';
  const quote = (id: string, kind: Quote['kind'], content: Span, speakerId: string, cue: string, lemma: string): Quote => ({
    id,
    kind,
    content,
    cue: { span: find(text, cue, Math.max(0, content.start - 120)), lemma, stance: 'neutral' },
    source: null,
    speakerId,
    paragraph: Math.max(
      0,
      document.paragraphs.findIndex((p) => p.start <= content.start && p.end >= content.start),
    ),
    sentence: Math.max(
      0,
      document.sentences.findIndex((s) => s.start <= content.start && s.end >= content.start),
    ),
    confidence: 0.9,
  });
  const quotes = [
    quote(
      'q1',
      'direct',
      find(
        text,
        'We expect discussions throughout the week. Our goal is to make sure that the ministers are able to sit down and talk to each other.',
      ),
      's3',
      'the official said',
      'say',
    ),
    quote(
      'q2',
      'indirect',
      find(
        text,
        'that after the 2020 war in Nagorno-Karabakh, as a result of renewed aggression, Azerbaijan occupied another 150 square kilometers of sovereign Armenian territory',
      ),
      's1',
      'She said',
      'say',
    ),
    quote(
      'q3',
      'indirect',
      find(text, 'that the armed forces of Armenia served only in the sovereign territory of the republic'),
      's1',
      'said that the armed',
      'say',
    ),
  ];
  const speakers = [badalyan, ministry, official, state];
  const claims = buildClaims({ text, document, quotes, speakers, published: PUB });
  return { schemaVersion: 1, document, speakers, quotes, claims };
}

function checkAnnotations(text: string, anns: WebAnnotation[]) {
  for (const a of anns) {
    expect(a['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(a.type).toBe('Annotation');
    const [quoteSel, posSel] = a.target.selector;
    expect(quoteSel.type).toBe('TextQuoteSelector');
    expect(posSel.type).toBe('TextPositionSelector');
    expect(quoteSel.exact).toBe(cpSlice(text, posSel.start, posSel.end));
    expect(Array.from(quoteSel.prefix).length).toBeLessThanOrEqual(32);
    expect(Array.from(quoteSel.suffix).length).toBeLessThanOrEqual(32);
    expect(cpSlice(text, posSel.start - Array.from(quoteSel.prefix).length, posSel.start)).toBe(quoteSel.prefix);
    expect(cpSlice(text, posSel.end, posSel.end + Array.from(quoteSel.suffix).length)).toBe(quoteSel.suffix);
    expect(a.body.length).toBeGreaterThan(0);
    for (const b of a.body) expect(b).toMatchObject({ type: 'TextualBody', format: 'text/plain' });
  }
}

describe('toWebAnnotations', () => {
  it('annotates each quote and claim of the fixture with exact code point selectors', () => {
    const result = fixtureExtraction();
    const anns = toWebAnnotations(result, { source: 'https://example.org/story', text: FIXTURE });
    expect(anns).toHaveLength(result.quotes.length + result.claims.length);
    checkAnnotations(FIXTURE, anns);
    const q2 = anns.find((a) => a.id.endsWith('quote-q2'));
    expect(q2?.motivation).toBe('describing');
    expect(q2?.body.map((b) => b.value)).toEqual(expect.arrayContaining(['speaker: Ani Badalyan', 'kind: indirect', 'cue: say']));
    expect(q2?.body[0].purpose).toBe('describing');
    const claim = anns.find((a) => a.motivation === 'classifying' && a.target.selector[0].exact.includes('150 square kilometers'));
    expect(claim?.body.map((b) => b.value)).toEqual(expect.arrayContaining(['claim-type: quantity', 'speaker: Ani Badalyan', 'quote: q2']));
    expect(new Set(anns.map((a) => a.id)).size).toBe(anns.length);
    // the fixture has curly quotes and a no-break space but nothing astral: code points equal UTF-16 units here
    expect(q2?.target.selector[1].start).toBe(result.quotes[1].content.start);
  });

  it('counts code points, not UTF-16 units, around emoji', () => {
    const text = '😀 “We won,” she said. 🎉 Later 😀😀 “We lost 3 games,” he said 🎉.';
    const content = find(text, 'We won,');
    const content2 = find(text, 'We lost 3 games,');
    const speakers: Speaker[] = [
      { id: 's1', name: 'Jane Doe', kind: 'person', aliases: [], mentions: [find(text, 'she')] },
      { id: 's2', name: 'John Roe', kind: 'person', aliases: [], mentions: [find(text, 'he said 🎉')] },
    ];
    const document = simpleDocument(text);
    const quotes: Quote[] = [
      {
        id: 'q1',
        kind: 'direct',
        content,
        cue: { span: find(text, 'said'), lemma: 'say', stance: 'neutral' },
        source: find(text, 'she'),
        speakerId: 's1',
        paragraph: 0,
        sentence: 0,
        confidence: 1,
      },
      {
        id: 'q2',
        kind: 'direct',
        content: content2,
        cue: { span: find(text, 'said', content2.end), lemma: 'say', stance: 'neutral' },
        source: null,
        speakerId: 's2',
        paragraph: 0,
        sentence: 1,
        confidence: 1,
      },
    ];
    const claims = buildClaims({ text, document, quotes, speakers });
    const result: Extraction = { schemaVersion: 1, document, speakers, quotes, claims };
    const anns = toWebAnnotations(result, { source: 'urn:test', text });
    checkAnnotations(text, anns);
    const pos = anns[0].target.selector[1];
    expect(pos.start).toBe(3); // "😀 “" is three code points (four UTF-16 units)
    expect(anns[0].target.selector[0].exact).toBe('We won,');
    expect(anns[1].target.selector[1].start).toBe(Array.from(text.slice(0, content2.start)).length);
    // without the text, the result's spans rebuild it
    checkAnnotations(text, toWebAnnotations(result, { source: 'urn:test' }).slice(0, 2));
    expect(textFromSpans(result).length).toBeLessThanOrEqual(text.length);
  });

  it('keeps selectors exact on random text with astral characters', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', ' ', '😀', '🎉', '“', '”', 'é', '\u0301', '𝒳', '\n'), { minLength: 1, maxLength: 80 }),
        fc.nat(),
        fc.nat(),
        (parts, x, y) => {
          const text = parts.join('');
          let s = x % (text.length + 1);
          let e = y % (text.length + 1);
          if (s > e) [s, e] = [e, s];
          const q: Quote = {
            id: 'q1',
            kind: 'direct',
            content: span(text, s, e),
            cue: null,
            source: null,
            speakerId: null,
            paragraph: 0,
            sentence: 0,
            confidence: 1,
          };
          const result: Extraction = { schemaVersion: 1, document: simpleDocument(text), speakers: [], quotes: [q], claims: [] };
          const [a] = toWebAnnotations(result, { source: 'urn:x', text });
          const [sel, pos] = a.target.selector;
          expect(sel.exact).toBe(cpSlice(text, pos.start, pos.end));
          // offsets that split a surrogate pair widen to the whole character
          expect(sel.exact.includes(text.slice(s, e).replace(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/g, ''))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('toSchemaOrgClaims', () => {
  const result = fixtureExtraction();
  const out = toSchemaOrgClaims(result, { url: 'https://example.org/story', datePublished: '2023-05-02' });

  it('emits schema.org Claims with authors, appearance and date', () => {
    expect(out.length).toBeGreaterThan(0);
    for (const c of out) {
      expect(c['@context']).toBe('https://schema.org');
      expect(c['@type']).toBe('Claim');
      expect(typeof c.text).toBe('string');
      expect(['Person', 'Organization']).toContain(c.author['@type']);
      expect(c.author.name).toBeTruthy();
      expect(c.appearance).toEqual({ '@type': 'CreativeWork', url: 'https://example.org/story', datePublished: '2023-05-02' });
      expect(c.datePublished).toBe('2023-05-02');
    }
    const names = out.map((c) => c.author.name);
    expect(names).toContain('Ani Badalyan');
    const km = out.find((c) => c.text.includes('150 square kilometers'));
    expect(km?.author).toEqual({
      '@type': 'Person',
      name: 'Ani Badalyan',
      jobTitle: 'spokesperson',
      affiliation: { '@type': 'Organization', name: 'Ministry of Foreign Affairs of Armenia' },
    });
    expect(km?.mentions).toEqual(expect.arrayContaining([{ '@type': 'Place', name: 'Azerbaijan' }]));
    const anon = out.find((c) => c.text.startsWith('Our goal'));
    expect(anon?.author).toMatchObject({
      '@type': 'Person',
      name: 'a senior official in the United States',
      affiliation: { '@type': 'Organization', name: 'US Department of State' },
    });
  });

  it("leaves the article's own claims out unless a publisher is named", () => {
    const own = result.claims.filter((c) => c.speakerId === null && c.quoteId === null).length;
    expect(own).toBeGreaterThan(0);
    expect(out.every((c) => result.claims.find((x) => x.id === c.identifier)?.speakerId)).toBe(true);
    const all = toSchemaOrgClaims(result, { url: 'https://example.org/story', publisher: 'The Armenian Mirror-Spectator' });
    expect(all.length).toBe(out.length + own);
    expect(all.some((c) => c.author['@type'] === 'Organization' && c.author.name === 'The Armenian Mirror-Spectator')).toBe(true);
    expect(all[0].datePublished).toBeUndefined();
  });
});

describe('the exports default to the url the result was extracted with (issue 9)', () => {
  const URL_A = 'https://news.test/story';
  const withUrl = extract(FIXTURE, { publishedAt: '2023-05-02', url: URL_A });
  const without = extract(FIXTURE, { publishedAt: '2023-05-02' });

  it('toWebAnnotations: the target source is options.url', () => {
    const anns = toWebAnnotations(withUrl, { text: FIXTURE });
    expect(anns.length).toBe(withUrl.quotes.length + withUrl.claims.length);
    for (const a of anns) expect(a.target.source).toBe(URL_A);
    // ids are tagged with the source, as when it is passed explicitly: the same annotations either way
    expect(anns).toEqual(toWebAnnotations(without, { source: URL_A, text: FIXTURE }));
    expect(toWebAnnotations(withUrl)).toEqual(toWebAnnotations(without, { source: URL_A }));
  });

  it("toSchemaOrgClaims: the claims' url and appearance are options.url", () => {
    const claims = toSchemaOrgClaims(withUrl, { datePublished: '2023-05-02' });
    expect(claims.length).toBeGreaterThan(0);
    for (const c of claims) expect(c.appearance).toEqual({ '@type': 'CreativeWork', url: URL_A, datePublished: '2023-05-02' });
    expect(claims).toEqual(toSchemaOrgClaims(without, { url: URL_A, datePublished: '2023-05-02' }));
    expect(toSchemaOrgClaims(withUrl).every((c) => c.appearance.url === URL_A)).toBe(true);
  });

  it('an explicit export option still wins', () => {
    for (const a of toWebAnnotations(withUrl, { source: 'urn:other', text: FIXTURE })) expect(a.target.source).toBe('urn:other');
    for (const c of toSchemaOrgClaims(withUrl, { url: 'https://other.test/' })) expect(c.appearance.url).toBe('https://other.test/');
  });

  it('without either: annotations name a placeholder urn; schema.org claims, which need a URL, throw a TypeError naming opts.url', () => {
    for (const a of toWebAnnotations(without, { text: FIXTURE })) expect(a.target.source).toBe('urn:quotewire:source');
    expect(() => toSchemaOrgClaims(without)).toThrow(TypeError);
    expect(() => toSchemaOrgClaims(without, { datePublished: '2023-05-02' })).toThrow(/opts\.url/);
  });

  it('the result with its url validates against schema.json', () => {
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
    expect(validate(JSON.parse(JSON.stringify(withUrl)))).toBe(true);
    expect(validate({ ...JSON.parse(JSON.stringify(without)), url: 42 })).toBe(false);
    expect(validate({ ...JSON.parse(JSON.stringify(without)), url: '' })).toBe(false);
  });
});

describe('schema.json', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  const validate = ajv.compile(schema);
  const valid = (x: unknown) => {
    const ok = validate(x);
    if (!ok) console.error(JSON.stringify(validate.errors, null, 2));
    return ok;
  };

  it('validates a hand-built extraction with every optional field', () => {
    const result = fixtureExtraction();
    result.quotes[0].spans = [result.quotes[0].content];
    result.claims[0].quantities.push({ span: span(FIXTURE, 0, 1), value: 5, unit: null, qualifier: 'range', high: 10 });
    result.claims[0].entities.push({ span: span(FIXTURE, 0, 1), type: 'person', speakerId: 's1' });
    result.claims[0].dates.push(
      { span: span(FIXTURE, 0, 1), value: null, precision: 'day' },
      { span: span(FIXTURE, 0, 1), value: '--04-23', precision: 'day' },
      { span: span(FIXTURE, 0, 1), value: '1990s', precision: 'decade' },
    );
    result.document.dateline = { span: span(FIXTURE, 0, 10), place: 'WASHINGTON', agency: null };
    result.document.sections = [{ heading: null, start: 0, end: 10 }];
    result.url = 'https://example.org/story';
    expect(valid(JSON.parse(JSON.stringify(result)))).toBe(true);
  });

  it('rejects missing, extra and mistyped fields', () => {
    const result = JSON.parse(JSON.stringify(fixtureExtraction()));
    expect(valid(result)).toBe(true);
    const bad = (mutate: (r: Extraction & Record<string, unknown>) => void) => {
      const r = JSON.parse(JSON.stringify(result));
      mutate(r);
      return validate(r);
    };
    expect(
      bad((r) => {
        r.extra = 1;
      }),
    ).toBe(false);
    expect(
      bad((r) => {
        (r.claims[0] as unknown as Record<string, unknown>).stance = 'maybe';
      }),
    ).toBe(false);
    expect(
      bad((r) => {
        delete (r.quotes[0] as unknown as Record<string, unknown>).confidence;
      }),
    ).toBe(false);
    expect(
      bad((r) => {
        (r.speakers[0] as unknown as Record<string, unknown>).kind = 'robot';
      }),
    ).toBe(false);
    expect(
      bad((r) => {
        (r as unknown as Record<string, unknown>).schemaVersion = 2;
      }),
    ).toBe(false);
    expect(
      bad((r) => {
        r.claims[0].checkworthiness = 1.5;
      }),
    ).toBe(false);
    expect(
      bad((r) => {
        (r.claims[0].text as unknown as Record<string, unknown>).len = 3;
      }),
    ).toBe(false);
  });

  it("validates the pipeline's real output on the fixture, with claims", () => {
    const raw = extract(FIXTURE, { publishedAt: '2023-05-02' });
    expect(valid(JSON.parse(JSON.stringify(raw)))).toBe(true);
    // until the pipeline wires buildClaims in, add the claims here the way it will
    const result: Extraction = raw.claims.length
      ? raw
      : {
          ...raw,
          claims: buildClaims({ text: FIXTURE, document: raw.document, quotes: raw.quotes, speakers: raw.speakers, published: PUB }),
        };
    expect(valid(JSON.parse(JSON.stringify(result)))).toBe(true);
    checkAnnotations(FIXTURE, toWebAnnotations(result, { source: 'urn:fixture', text: FIXTURE }));
    const jsonld = toSchemaOrgClaims(result, { url: 'https://example.org/story', datePublished: '2023-05-02' });
    if (result.quotes.length) expect(jsonld.map((c) => c.author.name)).toContain('Ani Badalyan');
  });
});
