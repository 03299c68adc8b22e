import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildClaims, findDates, findEntities, findQuantities, buildEntityContext, REASONS } from '../src/claims/index';
import { extract } from '../src/index';
import { sentencesOf } from './support/sentences';
import { checkOptions } from '../src/options';
import type { Claim, Cue, CueStance, DocumentModel, Quote, QuoteKind, Span, Speaker, SpeakerKind } from '../src/types';

// ---------------------------------------------------------------------------------------------------------------
// The fixture, modelled by hand from its own text (tests may name its content; src/ may not)
// ---------------------------------------------------------------------------------------------------------------

const FIXTURE = readFileSync(fileURLToPath(new URL('../fixtures/article.txt', import.meta.url)), 'utf8');
const PUBLISHED = '2023-05-02';
/** A publication date as the claims stage gets it: parsed by the options, as extract() parses `publishedAt`. */
const on = (publishedAt: string) => checkOptions({ publishedAt }).publishedAt;
const PUB = on(PUBLISHED);

function span(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}

/** The n-th occurrence of `needle` at or after `from`; throws when absent so a test fails loudly. */
function find(text: string, needle: string, from = 0): Span {
  const at = text.indexOf(needle, from);
  if (at < 0) throw new Error(`fixture text not found: ${needle}`);
  return span(text, at, at + needle.length);
}

function lines(text: string): Span[] {
  const out: Span[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    if (line.trim()) out.push(span(text, at, at + line.length));
    at += line.length + 1;
  }
  return out;
}

function handDocument(text: string): DocumentModel {
  const ls = lines(text);
  const boilerplate = ls.filter((l) => /^Get the .* in your inbox:?$/.test(l.text.trim()));
  const headline = ls[0];
  const heading = ls.find((l) => l.text === 'Azerbaijan Issues Preconditions') ?? null;
  return {
    headline,
    dateline: { span: find(text, 'WASHINGTON (Azatutyun) —'), place: 'WASHINGTON', agency: 'Azatutyun' },
    sections: heading ? [{ heading, start: heading.start, end: text.length }] : [],
    paragraphs: ls.filter((l) => l !== headline && l !== heading && !boilerplate.includes(l)),
    sentences: sentencesOf(text, ls),
    boilerplate,
  };
}

function speaker(id: string, name: string, kind: SpeakerKind, aliases: string[], extra: Partial<Speaker> = {}): Speaker {
  return { id, name, kind, aliases, mentions: [], ...extra };
}

const SPEAKERS: Speaker[] = [
  speaker('s1', 'a senior official in the United States', 'anonymous', ['the official'], { title: 'senior official' }),
  speaker('s4', 'Ani Badalyan', 'person', ['Badalyan'], { title: 'spokesperson', affiliation: 'Armenia’s Ministry of Foreign Affairs' }),
  speaker('s5', 'Nikol Pashinyan', 'person', ['Pashinyan'], { title: 'Prime Minister' }),
  speaker('s6', 'International Court of Justice', 'organization', ['The Hague-based court']),
  speaker('s7', 'Armenia', 'organization', []),
];

/** A representative set of the fixture's quotes, as the pipeline should report them (real offsets, found by text). */
function handQuotes(text: string, doc: DocumentModel): Quote[] {
  let n = 0;
  const q: Quote[] = [];
  const add = (
    kind: QuoteKind,
    content: Span,
    speakerId: string,
    cue: [string, string, CueStance] | null,
    source: string | null,
    near = content.start,
  ) => {
    const from = Math.max(0, near - 200);
    const c: Cue | null = cue ? { span: find(text, cue[0], from), lemma: cue[1], stance: cue[2] } : null;
    const sentence = Math.max(
      0,
      doc.sentences.findIndex((s) => s.start <= content.start && s.end >= content.start),
    );
    const paragraph = Math.max(
      0,
      doc.paragraphs.findIndex((p) => p.start <= content.start && p.end >= content.start),
    );
    q.push({
      id: `q${++n}`,
      kind,
      content,
      cue: c,
      source: source ? find(text, source, from) : null,
      speakerId,
      paragraph,
      sentence,
      confidence: 0.9,
    });
  };
  /** The words inside the quote marks that open with `open`. */
  const inner = (open: string) => {
    const s = find(text, open);
    return span(text, s.start + 1, text.indexOf('”', s.start + 1));
  };
  add(
    'partial',
    find(text, 'a few days', text.indexOf('course of “')),
    's1',
    ['according to', 'according to', 'neutral'],
    'a senior official in the United States privy to the details of the negotiations schedule',
  );
  add('direct', inner('“Both parties have acknowledged'), 's1', ['said', 'say', 'neutral'], 'the official');
  add('direct', inner('“We expect discussions'), 's1', null, null);
  add('direct', inner('“It is for both parties'), 's1', ['said', 'say', 'neutral'], 'he', text.indexOf('in the region,” he said'));
  add('mixed', find(text, 'that “the steps taken by the Azerbaijani side'), 's5', ['emphasized', 'emphasize', 'assertive'], 'he');
  const ruling = find(text, 'that the Azerbaijani government must “take all measures');
  add('mixed', span(text, ruling.start, text.indexOf('”', ruling.end) + 1), 's6', ['ruled', 'rule', 'ruling'], 'The Hague-based court');
  add(
    'indirect',
    find(text, 'that the armed forces of Armenia served only in the sovereign territory of the republic'),
    's4',
    ['said', 'say', 'neutral'],
    'Ani Badalyan',
  );
  add(
    'indirect',
    find(text, 'that the defense forces in Nagorno-Karabakh were made up of local ethnic Armenians'),
    's4',
    ['stressed', 'stress', 'assertive'],
    'She',
  );
  add(
    'indirect',
    find(
      text,
      'that still back in the 1990s Azerbaijan occupied the Armenian village of Artsvashen, the arable lands of the villages of Vazashen and Aygeovit in the Tavush region and 70 percent of the arable land of the villages of Berkaber and Paravakar',
    ),
    's4',
    ['reminded', 'remind', 'neutral'],
    'Badalyan',
  );
  add(
    'indirect',
    find(
      text,
      'that after the 2020 war in Nagorno-Karabakh, as a result of renewed aggression, Azerbaijan occupied another 150 square kilometers of sovereign Armenian territory',
    ),
    's4',
    ['said', 'say', 'neutral'],
    'She',
  );
  add(
    'direct',
    inner('“It is known that since the 1990s'),
    's4',
    ['said', 'say', 'neutral'],
    'she',
    text.indexOf('decades ago,” she said'),
  );
  add(
    'mixed',
    find(text, 'that Baku’s policies “do not contribute to reducing tensions and establishing peace in the region.”'),
    's7',
    ['stating', 'state', 'neutral'],
    'Armenia',
  );
  add(
    'direct',
    inner('“Moreover, the proposal'),
    's4',
    ['added', 'add', 'neutral'],
    'she',
    text.indexOf('remained unanswered,” she added'),
  );
  return q;
}

function fixtureClaims(publishedAt: string | null = PUBLISHED) {
  const document = handDocument(FIXTURE);
  const quotes = handQuotes(FIXTURE, document);
  const claims = buildClaims({
    text: FIXTURE,
    document,
    quotes,
    speakers: SPEAKERS,
    ...(publishedAt ? { published: on(publishedAt) } : {}),
  });
  return { document, quotes, claims };
}

function expectExactSpans(text: string, claims: Claim[]) {
  for (const c of claims) {
    expect(text.slice(c.text.start, c.text.end)).toBe(c.text.text);
    for (const x of [...c.entities, ...c.quantities, ...c.dates]) {
      expect(text.slice(x.span.start, x.span.end)).toBe(x.span.text);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// quantities
// ---------------------------------------------------------------------------------------------------------------

type Q = [string, number, string | null, string?, number?];
const QUANTITIES: [string, Q[]][] = [
  ['Azerbaijan occupied another 150 square kilometers of territory.', [['150 square kilometers', 150, 'km²']]],
  [
    'an area of 150 km² and 2 sq km',
    [
      ['150 km²', 150, 'km²'],
      ['2 sq km', 2, 'km²'],
    ],
  ],
  ['70 percent of the arable land', [['70 percent', 70, '%']]],
  [
    '70% of it, 70 per cent of that',
    [
      ['70%', 70, '%'],
      ['70 per cent', 70, '%'],
    ],
  ],
  ['rose by 3 percentage points', [['3 percentage points', 3, 'pp']]],
  ['as many as eight preconditions', [['as many as eight preconditions', 8, 'precondition', 'up-to']]],
  [
    'eight occupied villages and 1,500 troops',
    [
      ['eight occupied villages', 8, 'village'],
      ['1,500 troops', 1500, 'troop'],
    ],
  ],
  ['the five-kilometer-wide corridor', [['five-kilometer-wide', 5, 'km']]],
  [
    'a 5 km road and a 10-mile trip',
    [
      ['5 km', 5, 'km'],
      ['10-mile', 10, 'mi'],
    ],
  ],
  ['3.5 tons of aid', [['3.5 tons', 3.5, 't']]],
  ['$3 billion in aid', [['$3 billion', 3e9, 'USD']]],
  [
    'US$3bn and €5m and £2.5 million',
    [
      ['US$3bn', 3e9, 'USD'],
      ['€5m', 5e6, 'EUR'],
      ['£2.5 million', 2.5e6, 'GBP'],
    ],
  ],
  ['3 billion dollars', [['3 billion dollars', 3e9, 'USD']]],
  ['twenty-five soldiers were hurt', [['twenty-five soldiers', 25, 'soldier']]],
  ['a dozen times', [['a dozen', 12, null]]],
  ['two million people', [['two million people', 2e6, 'people']]],
  ['two hundred and fifty thousand', [['two hundred and fifty thousand', 250000, null]]],
  ['about 500 people', [['about 500 people', 500, 'people', 'approximate']]],
  ['nearly 40 of them', [['nearly 40', 40, null, 'at-most']]],
  ['more than 1,000 troops', [['more than 1,000 troops', 1000, 'troop', 'at-least']]],
  ['at least 12 were hurt', [['at least 12', 12, null, 'at-least']]],
  ['between 5 and 10 km', [['between 5 and 10 km', 5, 'km', 'range', 10]]],
  ['5-10 km away', [['5-10 km', 5, 'km', 'range', 10]]],
  ['two or three days', [['two or three days', 2, 'day', 'range', 3]]],
  [
    '1,200 people and 3.5',
    [
      ['1,200 people', 1200, 'people'],
      ['3.5', 3.5, null],
    ],
  ],
  ['between two and three cuts', [['between two and three cuts', 2, 'cut', 'range', 3]]],
  [
    'roughly $1.5 trillion and 3.9 percent',
    [
      ['roughly $1.5 trillion', 1.5e12, 'USD', 'approximate'],
      ['3.9 percent', 3.9, '%'],
    ],
  ],
  // not quantities: years, decades, dates, ordinals, codes, times, fractions, "one of", referential counts
  // fractions in words are proportions (unit "ratio"), never a count of "thirds"
  [
    'cut by three-quarters of a point, two-thirds of voters',
    [
      ['three-quarters', 0.75, 'ratio'],
      ['two-thirds', 2 / 3, 'ratio'],
    ],
  ],
  ['after the 2020 war, in 1991, since the 1990s', []],
  ['on April 23 and Monday, May 1 and Feb. 22, 2023', []],
  ['COVID-19, F-16, 9/11, 10:30, 5 p.m., Article 5, the 23rd', []],
  ['one of them, no one, the first, the two countries', []],
];

describe('findQuantities', () => {
  it.each(QUANTITIES)('%s', (text, expected) => {
    const got = findQuantities(text, 0, text.length).map((q): Q => {
      const row: Q = [q.span.text, q.value, q.unit];
      if (q.qualifier) row.push(q.qualifier);
      if (q.high !== undefined) row.push(q.high);
      return row;
    });
    expect(got).toEqual(expected);
  });

  it('keeps absolute offsets inside a window', () => {
    const text = 'Intro. Then 70 percent voted. Outro 80 percent.';
    const start = text.indexOf('Then');
    const end = text.indexOf('Outro');
    const got = findQuantities(text, start, end);
    expect(got).toHaveLength(1);
    expect(got[0].span).toEqual({ start: text.indexOf('70'), end: text.indexOf(' voted'), text: '70 percent' });
  });
});

// ---------------------------------------------------------------------------------------------------------------
// dates
// ---------------------------------------------------------------------------------------------------------------

type D = [string, string | null, string];
const DATES: [string, D[], D[]][] = [
  // text, with publishedAt 2023-05-02, without publishedAt
  ['blocked on April 23 when', [['April 23', '2023-04-23', 'day']], [['April 23', '--04-23', 'day']]],
  ['took place on Monday, May 1, and', [['Monday, May 1', '2023-05-01', 'day']], [['Monday, May 1', '--05-01', 'day']]],
  ['protesters since December.', [['December', '2022-12', 'month']], [['December', '--12', 'month']]],
  ['since the 1990s', [['1990s', '1990s', 'decade']], [['1990s', '1990s', 'decade']]],
  ['the USSR in 1991, as well', [['1991', '1991', 'year']], [['1991', '1991', 'year']]],
  ['after the 2020 war', [['2020', '2020', 'year']], [['2020', '2020', 'year']]],
  ['on Feb. 22, 2023 and', [['Feb. 22, 2023', '2023-02-22', 'day']], [['Feb. 22, 2023', '2023-02-22', 'day']]],
  ['on 22 February 2023', [['22 February 2023', '2023-02-22', 'day']], [['22 February 2023', '2023-02-22', 'day']]],
  ['dated 2023-02-22.', [['2023-02-22', '2023-02-22', 'day']], [['2023-02-22', '2023-02-22', 'day']]],
  ['ruled on February 22 that', [['February 22', '2023-02-22', 'day']], [['February 22', '--02-22', 'day']]],
  ['in December 2022', [['December 2022', '2022-12', 'month']], [['December 2022', '2022-12', 'month']]],
  ['yesterday', [['yesterday', '2023-05-01', 'day']], [['yesterday', null, 'day']]],
  ['met on Tuesday', [['Tuesday', '2023-05-02', 'day']], [['Tuesday', null, 'day']]],
  ['met on Friday', [['Friday', '2023-04-28', 'day']], [['Friday', null, 'day']]],
  ['met last Tuesday', [['last Tuesday', '2023-04-25', 'day']], [['last Tuesday', null, 'day']]],
  ['meets next Friday', [['next Friday', '2023-05-05', 'day']], [['next Friday', null, 'day']]],
  ['last week', [['last week', '2023-W17', 'week']], [['last week', null, 'week']]],
  ['next week', [['next week', '2023-W19', 'week']], [['next week', null, 'week']]],
  [
    'on Jan. 2, 2021, last week',
    [
      ['Jan. 2, 2021', '2021-01-02', 'day'],
      ['last week', '2023-W17', 'week'],
    ],
    [
      ['Jan. 2, 2021', '2021-01-02', 'day'],
      ['last week', null, 'week'],
    ],
  ],
  // a future context takes the first such date on or after publication
  ['will meet on May 10', [['May 10', '2023-05-10', 'day']], [['May 10', '--05-10', 'day']]],
  ['the vote is set for Dec. 3', [['Dec. 3', '2023-12-03', 'day']], [['Dec. 3', '--12-03', 'day']]],
  ['elections are planned in June', [['June', '2023-06', 'month']], [['June', '--06', 'month']]],
  ['will meet on Friday', [['Friday', '2023-05-05', 'day']], [['Friday', null, 'day']]],
  ['will meet on Tuesday', [['Tuesday', '2023-05-02', 'day']], [['Tuesday', null, 'day']]],
  // "set" is a plan only as "set for" / "set to" (Nov. 10: the past one is nearer, a future cue would flip it)
  ['they set fire to it on Nov. 10', [['Nov. 10', '2022-11-10', 'day']], [['Nov. 10', '--11-10', 'day']]],
  // a future word in the sentence before does not reach; "were" leans to the past
  ['It will rain. They were there on May 10', [['May 10', '2022-05-10', 'day']], [['May 10', '--05-10', 'day']]],
  ['last month', [['last month', '2023-04', 'month']], [['last month', null, 'month']]],
  ['last year', [['last year', '2022', 'year']], [['last year', null, 'year']]],
  ['two years ago', [['two years ago', '2021', 'year']], [['two years ago', null, 'year']]],
  ['3 days ago', [['3 days ago', '2023-04-29', 'day']], [['3 days ago', null, 'day']]],
  ['in the ’90s', [['’90s', '1990s', 'decade']], [['’90s', null, 'decade']]],
  ['in mid-March', [['March', '2023-03', 'month']], [['March', '--03', 'month']]],
  // not dates
  ['Theresa May said it may rain', [], []],
  ['1,500 troops and 2000 people', [], []],
];

describe('findDates', () => {
  it.each(DATES)('%s', (text, withPub, withoutPub) => {
    const rows = (pub?: string) =>
      findDates(text, 0, text.length, pub === undefined ? undefined : on(pub)).map((d): D => [d.span.text, d.value, d.precision]);
    expect(rows(PUBLISHED)).toEqual(withPub);
    expect(rows()).toEqual(withoutPub);
  });

  it('takes the nearest date to publication (or the latest before it with a past cue), across a year boundary', () => {
    expect(findDates('on December 30', 0, 14, on('2023-01-05'))[0].value).toBe('2022-12-30');
    expect(findDates('on January 2', 0, 12, on('2023-01-05'))[0].value).toBe('2023-01-02');
    expect(findDates('was born on February 29', 0, 23, on('2023-05-02'))[0].value).toBe('2020-02-29');
    expect(findDates('on February 29', 0, 15, on('2023-05-02'))[0].value).toBe('2024-02-29'); // the nearer one
    // a year below 100 is that year, not 19xx (Date.UTC's reading)
    expect(findDates('yesterday', 0, 9, on('0050-03-10'))[0].value).toBe('0050-03-09');
    expect(findDates('yesterday', 0, 9, on('2023-03-01'))[0].value).toBe('2023-02-28');
    expect(findDates('in May', 0, 6, on('2023-05-02T10:00:00Z'))[0].value).toBe('2023-05');
  });

  it('never guesses a year without publishedAt; an unusable publishedAt is refused before the claims stage', () => {
    expect(findDates('on April 23', 0, 11, null)[0].value).toBe('--04-23');
    expect(() => checkOptions({ publishedAt: 'not a date' })).toThrow(RangeError);
    expect(findDates('on April 31', 0, 11)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// entities
// ---------------------------------------------------------------------------------------------------------------

describe('findEntities', () => {
  it('types names and links speakers', () => {
    const text =
      'Ani Badalyan, a spokesperson for Armenia’s Ministry of Foreign Affairs, said US Secretary of State Antony Blinken met officials in Baku and the village of Foo near the Bar region.';
    const ctx = buildEntityContext(text, [speaker('s4', 'Ani Badalyan', 'person', ['Badalyan'])]);
    const got = findEntities(text, 0, text.length, ctx).map((e) => [e.span.text, e.type, e.speakerId ?? null]);
    expect(got).toEqual([
      ['Ani Badalyan', 'person', 's4'],
      ['Armenia', 'place', null],
      ['Ministry of Foreign Affairs', 'organization', null],
      ['US', 'place', null],
      ['Antony Blinken', 'person', null],
      ['Baku', 'place', null],
      ['Foo', 'place', null],
      ['Bar', 'place', null],
    ]);
  });

  it('reads a dateline, hyphen compounds and one type per name', () => {
    const text = 'PARIS (AFP) — Fresh talks began in Baden-Württemberg and Foo-Bar on Friday. Later the Foo-Bar delegation left.';
    const got = findEntities(text, 0, text.length, buildEntityContext(text, [])).map((e) => [e.span.text, e.type]);
    expect(got).toEqual([
      ['PARIS', 'place'],
      ['AFP', 'organization'],
      ['Baden-Württemberg', 'place'],
      ['Foo-Bar', 'place'],
      ['Foo-Bar', 'place'],
    ]);
  });

  it('reads a lone surname as the person named in full elsewhere, and skips sentence-initial words', () => {
    const text = 'Jane Roe arrived. Roe said the plan failed. Bilateral talks resumed. According to Roe, The Defense Army left.';
    const ctx = buildEntityContext(text, []);
    const got = findEntities(text, 0, text.length, ctx).map((e) => [e.span.text, e.type]);
    expect(got).toEqual([
      ['Jane Roe', 'person'],
      ['Roe', 'person'],
      ['Roe', 'person'],
      ['Defense Army', 'organization'],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// claims on the fixture
// ---------------------------------------------------------------------------------------------------------------

describe('buildClaims on the fixture (hand-built quotes)', () => {
  const { document, claims } = fixtureClaims();
  const containing = (s: string) => claims.filter((c) => c.text.text.includes(s));

  it('keeps every span exact and numbers claims in text order', () => {
    expect(claims.length).toBeGreaterThan(20);
    expectExactSpans(FIXTURE, claims);
    claims.forEach((c, i) => {
      expect(c.id).toBe(`c${i + 1}`);
      if (i) expect(c.text.start).toBeGreaterThanOrEqual(claims[i - 1].text.start);
    });
  });

  it("finds Badalyan's 150 square kilometers, attributed, as km²", () => {
    const [c] = containing('150 square kilometers');
    expect(c).toBeDefined();
    expect(c.speakerId).toBe('s4');
    expect(c.quoteId).not.toBeNull();
    expect(c.quantities).toContainEqual(expect.objectContaining({ value: 150, unit: 'km²' }));
    expect(c.types).toContain('quantity');
    expect(c.dates.map((d) => d.value)).toContain('2020');
  });

  it('finds 70 percent as (70, %)', () => {
    const [c] = containing('70 percent');
    expect(c.quantities).toContainEqual(expect.objectContaining({ value: 70, unit: '%' }));
    // the list of occupied places stays addressable in the same claim
    expect(c.entities.filter((e) => e.type === 'place').map((e) => e.span.text)).toEqual(
      expect.arrayContaining(['Artsvashen', 'Vazashen', 'Aygeovit', 'Tavush', 'Berkaber', 'Paravakar']),
    );
  });

  it('resolves April 23 in a claim about the checkpoint, February 22 in the ruling, since December', () => {
    const april = claims.filter((c) => c.text.text.includes('checkpoint') && c.dates.some((d) => d.span.text === 'April 23'));
    expect(april.length).toBeGreaterThan(0);
    for (const c of april) expect(c.dates.find((d) => d.span.text === 'April 23')?.value).toBe('2023-04-23');
    const ruling = claims.find((c) => c.dates.some((d) => d.span.text === 'February 22'));
    expect(ruling?.dates.find((d) => d.span.text === 'February 22')?.value).toBe('2023-02-22');
    expect(ruling?.stance).toBe('ruled');
    expect(ruling?.types).toContain('rule');
    expect(ruling?.speakerId).toBe('s6');
    const dec = containing('since December')[0];
    expect(dec.dates).toContainEqual(expect.objectContaining({ value: '2022-12', precision: 'month' }));
    expect(containing('May 1')[0].dates[0].value).toBe('2023-05-01');
  });

  it('scores the 150 km² claim above "Our goal is to make sure …"', () => {
    const km = containing('150 square kilometers')[0];
    const goal = containing('Our goal is to make sure that the ministers are able to sit down and talk to each other')[0];
    expect(goal).toBeDefined();
    expect(km.checkworthiness).toBeGreaterThan(goal.checkworthiness);
    expect(goal.reasons).toEqual(expect.arrayContaining(['first-person-opinion', 'intention']));
    expect(km.reasons).toEqual(expect.arrayContaining(['quantity', 'date', 'named-entity', 'causal']));
  });

  it('never touches the boilerplate lines', () => {
    for (const c of claims) for (const b of document.boilerplate) expect(c.text.end <= b.start || c.text.start >= b.end).toBe(true);
    expect(claims.some((c) => /inbox/.test(c.text.text))).toBe(false);
  });

  it('takes stance and negation from the cue and the words', () => {
    expect(containing('do not contribute')[0]).toMatchObject({ speakerId: 's7', stance: 'reported', negated: true });
    expect(containing('the defense forces in Nagorno-Karabakh')[0].stance).toBe('asserted');
    expect(containing('perhaps even to reinforce')[0].stance).toBe('hedged');
    const narrative = containing('Azerbaijan’s roadblock tightened')[0];
    expect(narrative).toMatchObject({ quoteId: null, speakerId: null, stance: 'asserted', negated: false });
  });

  it('splits a direct quote into sentences and cuts the dateline', () => {
    expect(containing('We expect discussions throughout the week.')[0].text.text).toBe('We expect discussions throughout the week.');
    expect(claims.some((c) => c.text.text.includes('WASHINGTON'))).toBe(false);
    const head = claims.find((c) => c.text.start === document.headline?.start);
    expect(head?.reasons).toContain('headline');
  });

  it('links speakers in entities', () => {
    const withBadalyan = claims.flatMap((c) => c.entities).filter((e) => e.span.text === 'Badalyan' || e.span.text === 'Ani Badalyan');
    for (const e of withBadalyan) expect(e).toMatchObject({ type: 'person', speakerId: 's4' });
    const icj = claims.flatMap((c) => c.entities).find((e) => e.span.text === 'International Court of Justice');
    expect(icj).toMatchObject({ type: 'organization', speakerId: 's6' });
  });

  it('without publishedAt keeps partial dates', () => {
    const { claims: bare } = fixtureClaims(null);
    const c = bare.find((x) => x.dates.some((d) => d.span.text === 'April 23'));
    expect(c?.dates.find((d) => d.span.text === 'April 23')?.value).toBe('--04-23');
    expect(bare.flatMap((x) => x.dates).find((d) => d.span.text === 'December')?.value).toBe('--12');
  });

  it('uses the gold quotes of fixtures/article.expected.json when present', () => {
    let gold: { items: { n: number; kind: QuoteKind; start: number; end: number; speakerLabel: string }[] } | null = null;
    try {
      gold = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/article.expected.json', import.meta.url)), 'utf8'));
    } catch {
      gold = null;
    }
    if (!gold) return;
    const ids = new Map<string, string>();
    const speakers: Speaker[] = [];
    const quotes: Quote[] = gold.items.map((it) => {
      let id = ids.get(it.speakerLabel);
      if (!id) {
        id = `g${ids.size + 1}`;
        ids.set(it.speakerLabel, id);
        speakers.push(speaker(id, it.speakerLabel.replace(/\s*\(.*$/, ''), /anonymous/.test(it.speakerLabel) ? 'anonymous' : 'person', []));
      }
      return {
        id: `q${it.n}`,
        kind: it.kind,
        content: span(FIXTURE, it.start, it.end),
        cue: null,
        source: null,
        speakerId: id,
        paragraph: 0,
        sentence: 0,
        confidence: 1,
      };
    });
    const document = handDocument(FIXTURE);
    const got = buildClaims({ text: FIXTURE, document, quotes, speakers, published: PUB });
    expectExactSpans(FIXTURE, got);
    const km = got.find((c) => c.text.text.includes('150 square kilometers'));
    const goal = got.find((c) => c.text.text.includes('Our goal is to make sure'));
    expect(km && goal && km.checkworthiness > goal.checkworthiness).toBe(true);
    expect(km?.speakerId).toBe(ids.get('Ani Badalyan (spokesperson, Armenian Foreign Ministry)') ?? km?.speakerId);
    for (const c of got) for (const b of document.boilerplate) expect(c.text.end <= b.start || c.text.start >= b.end).toBe(true);
  });
});

describe("buildClaims on the pipeline's own output for the fixture", () => {
  it('meets the issue checks (skipped while the pipeline finds no quotes)', () => {
    const r = extract(FIXTURE, { publishedAt: PUBLISHED });
    if (!r.quotes.length) return;
    const claims = r.claims.length
      ? r.claims
      : buildClaims({ text: FIXTURE, document: r.document, quotes: r.quotes, speakers: r.speakers, published: PUB });
    expectExactSpans(FIXTURE, claims);
    const speakerName = (c: Claim | undefined) => r.speakers.find((s) => s.id === c?.speakerId)?.name ?? '';
    const km = claims.find((c) => c.quantities.some((q) => q.value === 150 && q.unit === 'km²'));
    expect(km?.text.text).toContain('150 square kilometers');
    expect(speakerName(km)).toMatch(/Badalyan/);
    expect(claims.some((c) => c.quantities.some((q) => q.value === 70 && q.unit === '%'))).toBe(true);
    expect(
      claims.some((c) => c.text.text.includes('checkpoint') && c.dates.some((d) => d.span.text === 'April 23' && d.value === '2023-04-23')),
    ).toBe(true);
    expect(claims.some((c) => c.dates.some((d) => d.span.text === 'February 22' && d.value === '2023-02-22'))).toBe(true);
    expect(claims.some((c) => c.dates.some((d) => d.span.text === 'December' && d.value === '2022-12' && d.precision === 'month'))).toBe(
      true,
    );
    for (const c of claims) for (const b of r.document.boilerplate) expect(c.text.end <= b.start || c.text.start >= b.end).toBe(true);
    const goal = claims.find((c) =>
      c.text.text.includes('Our goal is to make sure that the ministers are able to sit down and talk to each other'),
    );
    expect(goal).toBeDefined();
    expect(km!.checkworthiness).toBeGreaterThan(goal!.checkworthiness);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// claims on small hand-built documents
// ---------------------------------------------------------------------------------------------------------------

function docOf(text: string, boilerplate: Span[] = []): DocumentModel {
  const sentences = sentencesOf(text);
  return { headline: null, dateline: null, sections: [], paragraphs: lines(text), sentences, boilerplate };
}

describe('buildClaims on small documents', () => {
  it('never yields claims from boilerplate, even for a quote inside it', () => {
    const text =
      'Prices rose 5 percent in March, the ministry said.\nGet the Daily News in your inbox:\nRead more: 300 people were killed in 2020, police said.\nThe council approved a $3 million budget on Monday.';
    const ls = lines(text);
    const doc = docOf(text, [ls[1], ls[2]]);
    const inBoiler = find(text, '300 people were killed in 2020');
    const q: Quote = {
      id: 'q1',
      kind: 'indirect',
      content: inBoiler,
      cue: { span: find(text, 'said', inBoiler.end), lemma: 'say', stance: 'neutral' },
      source: find(text, 'police'),
      speakerId: 's1',
      paragraph: 1,
      sentence: 2,
      confidence: 0.5,
    };
    const claims = buildClaims({ text, document: doc, quotes: [q], speakers: [speaker('s1', 'police', 'group', [])], published: PUB });
    expect(claims.map((c) => c.text.text)).toEqual([
      'Prices rose 5 percent in March, the ministry said.',
      'The council approved a $3 million budget on Monday.',
    ]);
    for (const c of claims) for (const b of doc.boilerplate) expect(c.text.end <= b.start || c.text.start >= b.end).toBe(true);
    expect(claims[1].quantities[0]).toMatchObject({ value: 3e6, unit: 'USD' });
    expect(claims[1].dates[0]).toMatchObject({ span: { text: 'Monday' }, value: '2023-05-01' });
  });

  it('orders check-worthiness by the documented features', () => {
    const text = [
      'The ministry said 1,200 people were evacuated on March 3 because of the flood.',
      'I think we should talk more.',
      'Will they ever agree?',
      'Officials expect the talks will probably continue.',
    ].join('\n');
    const claims = buildClaims({ text, document: docOf(text), quotes: [], speakers: [] });
    const score = (s: string) => claims.find((c) => c.text.text.startsWith(s))?.checkworthiness ?? -1;
    expect(score('The ministry said')).toBeGreaterThan(score('Officials expect'));
    expect(score('Officials expect')).toBeGreaterThan(score('I think'));
    expect(score('I think')).toBeGreaterThanOrEqual(score('Will they'));
    expect(claims.find((c) => c.text.text.startsWith('Will they'))?.reasons).toContain('question');
    expect(claims.find((c) => c.text.text.startsWith('I think'))?.reasons).toContain('first-person-opinion');
    for (const c of claims) for (const r of c.reasons) expect(REASONS).toContain(r);
  });

  it('maps cue stances', () => {
    const text =
      'The company denied that it fired 40 workers in 2021. The court ruled that the law must be repealed by June. The mayor pledged that the city will build 300 homes. The minister wondered whether 5 percent was enough.';
    const doc = docOf(text);
    const mk = (id: string, content: string, cue: string, stance: CueStance): Quote => ({
      id,
      kind: 'indirect',
      content: find(text, content),
      cue: { span: find(text, cue), lemma: cue, stance },
      source: null,
      speakerId: 's1',
      paragraph: 0,
      sentence: 0,
      confidence: 1,
    });
    const quotes = [
      mk('q1', 'that it fired 40 workers in 2021', 'denied', 'denial'),
      mk('q2', 'that the law must be repealed by June', 'ruled', 'ruling'),
      mk('q3', 'that the city will build 300 homes', 'pledged', 'commitment'),
      mk('q4', 'whether 5 percent was enough', 'wondered', 'question'),
    ];
    const claims = buildClaims({ text, document: doc, quotes, speakers: [speaker('s1', 'X', 'organization', [])] });
    const st = Object.fromEntries(claims.map((c) => [c.quoteId, c.stance]));
    expect(st).toEqual({ q1: 'denied', q2: 'ruled', q3: 'committed', q4: 'reported' });
    expect(claims.find((c) => c.quoteId === 'q4')?.reasons).toContain('question');
    expect(claims.find((c) => c.quoteId === 'q2')?.types).toContain('rule');
  });

  it('never throws on odd input', () => {
    const odd = [
      { text: '', document: docOf(''), quotes: [], speakers: [] },
      { text: '\u0000\uD800 😀 “ ” ..', document: docOf('x'), quotes: [], speakers: [] },
      {
        text: 'abc',
        document: { headline: { start: 5, end: 2, text: '' } } as unknown as DocumentModel,
        quotes: [{ content: { start: -3, end: 99, text: '' } }] as unknown as Quote[],
        speakers: [null] as unknown as Speaker[],
      },
    ];
    for (const o of odd) expect(() => buildClaims(o)).not.toThrow();
  });
});

// ---------------------------------------------------------------------------------------------------------------
// properties and scale
// ---------------------------------------------------------------------------------------------------------------

const PIECES = [
  'April',
  'May',
  '23',
  '1,200',
  '3.5',
  ' ',
  ' ',
  '\n',
  '.',
  ',',
  '-',
  '–',
  '$',
  '€',
  '%',
  '²',
  'km',
  'percent',
  'square',
  'kilometers',
  'eight',
  'twenty',
  'hundred',
  'million',
  'a',
  'dozen',
  'Monday',
  'since',
  'December',
  'the',
  '1990s',
  '2020',
  '’',
  "'",
  's',
  'Ani',
  'Badalyan',
  'Ministry',
  'of',
  'Armenia',
  '“',
  '”',
  '😀',
  '🎉',
  'between',
  'and',
  'to',
  'as',
  'many',
  'ago',
  'years',
  'last',
  'week',
  'not',
  '?',
  'U.S.',
  '\uD800',
];

describe('robustness', () => {
  it('finders never throw and keep spans exact on arbitrary token soup', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }), fc.string({ maxLength: 20 }), (parts, junk) => {
        const text = parts.join('') + junk;
        for (const x of [
          ...findQuantities(text, 0, text.length),
          ...findDates(text, 0, text.length, PUB),
          ...findEntities(text, 0, text.length),
        ]) {
          expect(text.slice(x.span.start, x.span.end)).toBe(x.span.text);
          expect(x.span.end).toBeGreaterThan(x.span.start);
        }
        const claims = buildClaims({ text, document: docOf(text), quotes: [], speakers: [], published: PUB });
        expectExactSpans(text, claims);
      }),
      { numRuns: 300 },
    );
  });

  it('stays roughly linear on a long story', () => {
    const run = (copies: number) => {
      const text = Array(copies).fill(FIXTURE).join('\n\n');
      const document = docOf(text);
      const t0 = performance.now();
      const claims = buildClaims({ text, document, quotes: [], speakers: SPEAKERS, published: PUB });
      return { ms: performance.now() - t0, n: claims.length };
    };
    run(1);
    const small = run(4);
    const big = run(32);
    expect(big.n).toBeGreaterThan(small.n * 7);
    // 8x the text: allow generous slack for GC and JIT, but not quadratic growth (64x)
    expect(big.ms / Math.max(small.ms, 1)).toBeLessThan(24);
  }, 60_000);
});
