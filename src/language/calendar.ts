/**
 * The calendar the library reads dates on: the proleptic Gregorian calendar ISO 8601 uses, in plain arithmetic
 * (Date.UTC reads years 0–99 as 1900–1999).
 */

export function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Days in month `m` (1–12) of year `y`. */
export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}
