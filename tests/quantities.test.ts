import { describe, expect, it } from 'vitest';
import { findQuantities } from '../src/claims/index';
import { extract } from '../src/index';

/** span text, value, unit, then qualifier and high when present. */
type Q = [string, number, string | null, ...(string | number)[]];
const rows = (text: string): Q[] =>
  findQuantities(text, 0, text.length).map((q): Q => {
    const row: Q = [q.span.text, q.value, q.unit];
    if (q.qualifier) row.push(q.qualifier);
    if (q.high !== undefined) row.push(q.high);
    return row;
  });

// ---------------------------------------------------------------------------------------------------------------
// ranges whose scale word is written once
// ---------------------------------------------------------------------------------------------------------------

const RANGES: [string, Q[]][] = [
  [
    'The repairs will cost between 5 and 10 million dollars, engineers said.',
    [['between 5 and 10 million dollars', 5e6, 'USD', 'range', 1e7]],
  ],
  ['The flood displaced between two and three million people.', [['between two and three million people', 2e6, 'people', 'range', 3e6]]],
  ['Analysts put the bill at 5-10 million.', [['5-10 million', 5e6, null, 'range', 1e7]]],
  ['The deal is worth between $5 and $10 billion.', [['between $5 and $10 billion', 5e9, 'USD', 'range', 1e10]]],
  ['Losses of 2 to 3 billion euros are likely.', [['2 to 3 billion euros', 2e9, 'EUR', 'range', 3e9]]],
  ['Between 1.5 and 2 million tonnes of grain are stuck.', [['Between 1.5 and 2 million tonnes', 1.5e6, 't', 'range', 2e6]]],
  // each end has its scale, or the low end would pass the high one
  ['between 5 million and 10 million', [['between 5 million and 10 million', 5e6, null, 'range', 1e7]]],
  ['Crowds of between 500 and 1 million people', [['between 500 and 1 million people', 500, 'people', 'range', 1e6]]],
  ['between 5 and 10 people', [['between 5 and 10 people', 5, 'people', 'range', 10]]],
];

describe('ranges share the scale written after the high end', () => {
  it.each(RANGES)('%s', (text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// fractions and multiples in words: unit "ratio"
// ---------------------------------------------------------------------------------------------------------------

const RATIOS: [string, Q[]][] = [
  ['A third of the delegates walked out.', [['A third', 1 / 3, 'ratio']]],
  ['The measure needs two-thirds of the chamber.', [['two-thirds', 2 / 3, 'ratio']]],
  ['Three quarters of the homes lost power.', [['Three quarters', 0.75, 'ratio']]],
  ['Half of the wells have run dry.', [['Half', 0.5, 'ratio']]],
  ['The city cut the budget in half.', [['half', 0.5, 'ratio']]],
  ['More than half of voters backed the plan.', [['More than half', 0.5, 'ratio', 'at-least']]],
  ['Nearly a third of nurses plan to quit.', [['Nearly a third', 1 / 3, 'ratio', 'at-most']]],
  ['About one-fifth of the crop was lost.', [['About one-fifth', 0.2, 'ratio', 'approximate']]],
  ['The firm wants to double the size of its fleet.', [['double', 2, 'ratio']]],
  ['Rents have doubled since 2019.', [['doubled', 2, 'ratio']]],
  ['Twice as many people applied this year.', [['Twice', 2, 'ratio']]],
  ['Imports cost three times as much as local grain.', [['three times', 3, 'ratio']]],
  ['The death rate was 10 times the national average.', [['10 times', 10, 'ratio']]],
  ['It recorded a threefold increase in claims.', [['threefold', 3, 'ratio']]],
  ['Exports saw a 5-fold rise.', [['5-fold', 5, 'ratio']]],
  ['Fares are more than twice what they were.', [['more than twice', 2, 'ratio', 'at-least']]],
  // not proportions
  ['She is seeking a third term.', []],
  ['Critics decried a double standard.', []],
  ['The region saw double-digit growth.', []],
  ['The talks lasted half an hour.', []],
  ['The envoys met three times.', [['three', 3, null]]],
  ['The drive takes two and a half hours.', [['two', 2, null]]],
  ['The first half of 2024 was dry.', []],
];

describe('fractions and multiples', () => {
  it.each(RATIOS)('%s', (text, expected) => {
    expect(rows(text)).toEqual(expected);
  });

  it('a fraction of a scale word is part of an amount, not a proportion', () => {
    expect(rows('He did not need a quarter of a million dollars.').some((q) => q[2] === 'ratio')).toBe(false);
  });

  it('claims carry ratios and shared-scale ranges', () => {
    const r = extract('Officials said two-thirds of the pumps failed, at a cost of between 5 and 10 million dollars.', {});
    const qs = r.claims.flatMap((c) => c.quantities);
    expect(qs).toContainEqual(expect.objectContaining({ value: 2 / 3, unit: 'ratio' }));
    expect(qs).toContainEqual(expect.objectContaining({ value: 5e6, high: 1e7, unit: 'USD', qualifier: 'range' }));
  });
});
