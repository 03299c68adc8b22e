import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findDates } from '../src/claims/index';
import { extract } from '../src/index';
import { checkOptions } from '../src/options';
import type { DatePrecision } from '../src/types';
import { YEARLESS } from './support/yearless';

/** A publication date as the claims stage gets it (parsed by the options). */
const on = (publishedAt: string) => checkOptions({ publishedAt }).publishedAt;
type D = [string, string | null, DatePrecision];
const rows = (text: string, pub?: string): D[] =>
  findDates(text, 0, text.length, pub === undefined ? undefined : on(pub)).map((d): D => [d.span.text, d.value, d.precision]);

// ---------------------------------------------------------------------------------------------------------------
// quarters and halves
// ---------------------------------------------------------------------------------------------------------------

const PERIODS: [string, string, D[]][] = [
  // text, publishedAt, dates
  ['Harlow Mills said third-quarter profit rose 12% on firmer grain prices.', '2023-10-26', [['third-quarter', '2023-Q3', 'quarter']]],
  [
    'Net income in the third quarter fell to $41 million from $45 million in the year-ago quarter.',
    '2023-10-26',
    [
      ['third quarter', '2023-Q3', 'quarter'],
      ['year-ago quarter', '2022-Q3', 'quarter'],
    ],
  ],
  ['Revenue for Q3 2022 was flat, the filing shows.', '2023-10-26', [['Q3 2022', '2022-Q3', 'quarter']]],
  ['Shipments slowed in Q1, the carrier said.', '2023-10-26', [['Q1', '2023-Q1', 'quarter']]],
  ['The loss in the fourth quarter of 2022 was its first in a decade.', '2023-05-02', [['fourth quarter of 2022', '2022-Q4', 'quarter']]],
  // the latest quarter that has begun by publication
  ['The chain expects fourth-quarter sales to beat forecasts.', '2023-10-26', [['fourth-quarter', '2023-Q4', 'quarter']]],
  ['Fourth-quarter earnings missed estimates.', '2023-02-10', [['Fourth-quarter', '2022-Q4', 'quarter']]],
  [
    'The bank will report first-quarter results in April.',
    '2023-02-10',
    [
      ['first-quarter', '2023-Q1', 'quarter'],
      ['April', '2023-04', 'month'],
    ],
  ],
  [
    'Output grew 3% from the previous quarter, after a weak last quarter.',
    '2023-05-02',
    [
      ['the previous quarter', '2023-Q1', 'quarter'],
      ['last quarter', '2023-Q1', 'quarter'],
    ],
  ],
  [
    'Orders should pick up next quarter and again this quarter next year.',
    '2023-05-02',
    [
      ['next quarter', '2023-Q3', 'quarter'],
      ['this quarter', '2023-Q2', 'quarter'],
      ['next year', '2024', 'year'],
    ],
  ],
  ['Bookings doubled in the first half of 2024, the airline said.', '2023-05-02', [['first half of 2024', '2024-H1', 'half']]],
  ['First-half sales rose 8%.', '2023-08-15', [['First-half', '2023-H1', 'half']]],
  ['Hiring should recover in the second half of the year.', '2023-05-02', [['second half of the year', '2023-H2', 'half']]],
  ['The fund returned 6% in H1 2024.', '2023-05-02', [['H1 2024', '2024-H1', 'half']]],
  ['Margins narrowed in the third quarter of last year.', '2023-05-02', [['third quarter of last year', '2022-Q3', 'quarter']]],
  // not quarters or halves
  ['It was a third quarter of growth in a row.', '2023-05-02', []],
  ['They led at the end of the first half of the match.', '2023-05-02', []],
  ['A quarter of the vote went to independents.', '2023-05-02', []],
  ['It has been the first quarter-century of the club.', '2023-05-02', []],
];

describe('quarters and halves', () => {
  it.each(PERIODS)('%s (published %s)', (text, pub, expected) => {
    expect(rows(text, pub)).toEqual(expected);
  });

  it('without publishedAt a quarter with no year has value null; with a year it has its value', () => {
    expect(rows('third-quarter profit')).toEqual([['third-quarter', null, 'quarter']]);
    expect(rows('Q3 2023 revenue')).toEqual([['Q3 2023', '2023-Q3', 'quarter']]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// seasons (TIMEX3: SP, SU, FA, WI; a season belongs to the year it starts in)
// ---------------------------------------------------------------------------------------------------------------

const SEASONS: [string, string, D[]][] = [
  ['The museum closed last spring for repairs.', '2023-05-02', [['last spring', '2022-SP', 'season']]],
  ['The band tours Europe this summer.', '2023-05-02', [['this summer', '2023-SU', 'season']]],
  ['Prices peaked in the autumn of 2022, the agency said.', '2023-05-02', [['autumn of 2022', '2022-FA', 'season']]],
  ['Heating bills soared during the winter.', '2023-05-02', [['winter', '2022-WI', 'season']]],
  ['Work on the bridge resumes next winter.', '2023-05-02', [['next winter', '2023-WI', 'season']]],
  ['The lab opens in spring 2024.', '2023-05-02', [['spring 2024', '2024-SP', 'season']]],
  ['Enrolment fell in the fall.', '2023-05-02', [['fall', '2022-FA', 'season']]],
  ['Snow has been scarce this winter.', '2023-01-15', [['this winter', '2022-WI', 'season']]],
  ['The vote is planned for the summer.', '2023-02-10', [['summer', '2023-SU', 'season']]],
  // not seasons
  ['Protests recalled the Arab Spring.', '2023-05-02', []],
  ['Analysts expect a fall in prices.', '2023-05-02', []],
  ['It came after the fall of the government.', '2023-05-02', []],
  ['Winter is hard on the herds.', '2023-05-02', []],
  ['The town is known for its hot springs.', '2023-05-02', []],
];

describe('seasons', () => {
  it.each(SEASONS)('%s (published %s)', (text, pub, expected) => {
    expect(rows(text, pub)).toEqual(expected);
  });

  it('without publishedAt a season with no year has value null', () => {
    expect(rows('The museum closed last spring.')).toEqual([['last spring', null, 'season']]);
    expect(rows('The lab opens in spring 2024.')).toEqual([['spring 2024', '2024-SP', 'season']]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// yearless "month day": the date nearest to publication, unless a cue in the sentence says past or future
// ---------------------------------------------------------------------------------------------------------------

describe('yearless month-day dates', () => {
  it.each(YEARLESS)('%s (published %s) → %s', (text, pub, value) => {
    const days = findDates(text, 0, text.length, on(pub)).filter((d) => d.precision === 'day');
    expect(days.map((d) => d.value)).toEqual([value]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// references to another date of the story
// ---------------------------------------------------------------------------------------------------------------

const ANCHORED: [string, string | undefined, D[]][] = [
  [
    'Police arrested the driver on April 11. He was charged the same day.',
    '2023-05-02',
    [
      ['April 11', '2023-04-11', 'day'],
      ['the same day', '2023-04-11', 'day'],
    ],
  ],
  [
    'The ferry sank on April 11. Divers reached it the next day, and two days later the search ended.',
    '2023-05-02',
    [
      ['April 11', '2023-04-11', 'day'],
      ['the next day', '2023-04-12', 'day'],
      ['two days later', '2023-04-14', 'day'],
    ],
  ],
  [
    'The fund was set up in March 2019. A year earlier, its founder had left the bank.',
    '2023-05-02',
    [
      ['March 2019', '2019-03', 'month'],
      ['A year earlier', '2018-03', 'month'],
    ],
  ],
  [
    'Sales rose 4% in the third quarter of 2022 from a year earlier.',
    '2023-05-02',
    [
      ['third quarter of 2022', '2022-Q3', 'quarter'],
      ['a year earlier', '2021-Q3', 'quarter'],
    ],
  ],
  [
    'The treaty was signed in 2015. The following year, two states withdrew.',
    '2023-05-02',
    [
      ['2015', '2015', 'year'],
      ['The following year', '2016', 'year'],
    ],
  ],
  [
    'The strike began on April 3 and ended the following week.',
    '2023-05-02',
    [
      ['April 3', '2023-04-03', 'day'],
      ['the following week', '2023-W15', 'week'],
    ],
  ],
  [
    'Profit in the third quarter rose 5% from the same period last year.',
    '2023-10-26',
    [
      ['third quarter', '2023-Q3', 'quarter'],
      ['the same period last year', '2022-Q3', 'quarter'],
    ],
  ],
  [
    'Sales in March 2023 beat the year-earlier period.',
    '2023-10-26',
    [
      ['March 2023', '2023-03', 'month'],
      ['year-earlier period', '2022-03', 'month'],
    ],
  ],
  [
    'The plant opened on Oct. 3. That same week, rivals cut prices.',
    '2023-10-26',
    [
      ['Oct. 3', '2023-10-03', 'day'],
      ['That same week', '2023-W40', 'week'],
    ],
  ],
  // the nearest date that is fine enough: a day for "the same day" (not the year in between)
  [
    'The mine flooded on March 8, the worst since 1998. Rescuers arrived the same day.',
    '2023-05-02',
    [
      ['March 8', '2023-03-08', 'day'],
      ['1998', '1998', 'year'],
      ['the same day', '2023-03-08', 'day'],
    ],
  ],
  // no date before: the publication date anchors; without it, no value
  ['Officials met the day before, aides said.', '2023-05-02', [['the day before', '2023-05-01', 'day']]],
  ['He resigned the same day.', undefined, [['the same day', null, 'day']]],
  // relative to an event, not a date
  ['Turnout rose the day before the vote.', '2023-05-02', []],
  ['Until that day in April, he had never flown.', '2023-05-02', [['April', '2023-04', 'month']]],
];

describe('references to another date of the story', () => {
  it.each(ANCHORED)('%s', (text, pub, expected) => {
    expect(rows(text, pub)).toEqual(expected);
  });

  it('looks back to dates before the window', () => {
    const text = 'Police arrested him on April 11. He was charged the same day.';
    const start = text.indexOf('He was');
    const got = findDates(text, start, text.length, on('2023-05-02'));
    expect(got.map((d) => [d.span.text, d.value])).toEqual([['the same day', '2023-04-11']]);
  });

  it('anchors a claim on a date of an earlier claim', () => {
    const text = 'The council voted on March 14 to close the depot.\n\nWorkers walked out the following day, the union said.';
    const r = extract(text, { publishedAt: '2023-05-02' });
    const dates = r.claims.flatMap((c) => c.dates);
    expect(dates.map((d) => [d.span.text, d.value])).toEqual([
      ['March 14', '2023-03-14'],
      ['the following day', '2023-03-15'],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// the precisions in the types and in the schema
// ---------------------------------------------------------------------------------------------------------------

const PRECISIONS = ['day', 'week', 'month', 'quarter', 'half', 'season', 'year', 'decade'] as const satisfies readonly DatePrecision[];
// fails to compile when DatePrecision gains a value PRECISIONS lacks
const complete: Exclude<DatePrecision, (typeof PRECISIONS)[number]> extends never ? true : false = true;

describe('DatePrecision and ClaimDate.value in the schema', () => {
  const schema = JSON.parse(readFileSync(fileURLToPath(new URL('../src/export/schema.json', import.meta.url)), 'utf8'));
  it('the schema lists the same precisions as the types', () => {
    expect(complete).toBe(true);
    expect(schema.$defs.DatePrecision.enum).toEqual([...PRECISIONS]);
  });

  it('every value found above matches the schema pattern', () => {
    const pattern = new RegExp(schema.$defs.ClaimDate.properties.value.oneOf[0].pattern);
    const texts: [string, string | undefined][] = [...PERIODS, ...SEASONS, ...ANCHORED].map(([t, p]) => [t, p]);
    let n = 0;
    for (const [t, p] of texts) {
      for (const [, v] of rows(t, p)) {
        if (v === null) continue;
        expect(v).toMatch(pattern);
        n++;
      }
    }
    expect(n).toBeGreaterThan(40);
  });
});
