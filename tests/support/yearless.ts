/**
 * Yearless "month day" dates in wire-copy sentences, with the year a reader of the story would give them: the
 * table tests/dates.test.ts checks, and that a scratch comparison of the old (always the past) and new (nearest,
 * cues override) rules reads.
 */
/** text, publishedAt, the date as a reader of the story would place it. */
export const YEARLESS: [string, string, string][] = [
  ['The trial is set to begin June 12, prosecutors said.', '2023-05-02', '2023-06-12'],
  ['The court is expected to rule by Jan. 14.', '2023-05-02', '2024-01-14'],
  ['The festival opens May 20 with a parade.', '2023-05-02', '2023-05-20'],
  ['Ministers meet again on May 9 in Geneva.', '2023-05-02', '2023-05-09'],
  ['The plant shut its gates on April 18.', '2023-05-02', '2023-04-18'],
  ['The levy took effect on Jan. 1.', '2023-05-02', '2023-01-01'],
  ['Voting will close on Nov. 7.', '2023-05-02', '2023-11-07'],
  ['The accord was signed on Nov. 7 after long talks.', '2023-05-02', '2022-11-07'],
  ['She had toured the site on June 2 with engineers.', '2023-05-02', '2022-06-02'],
  ['Prices have risen since March 3.', '2023-05-02', '2023-03-03'],
  ['The ban takes effect Jan. 1, the ministry said.', '2023-12-20', '2024-01-01'],
  ['Police said the raid took place Dec. 2.', '2023-12-20', '2023-12-02'],
  ['The storm made landfall on Dec. 28.', '2024-01-05', '2023-12-28'],
  ['Turnout in the Nov. 8 election could set a record.', '2023-09-27', '2023-11-08'],
  ['Filings are due Feb. 15.', '2023-12-01', '2024-02-15'],
  ['Results of the Oct. 30 runoff are awaited.', '2023-11-02', '2023-10-30'],
  ['The summit in Lisbon is heard on July 6.', '2023-05-02', '2023-07-06'],
  ['He was sworn in on Dec. 12.', '2023-05-02', '2022-12-12'],
  ['On Friday, June 9, the board will vote.', '2023-05-02', '2023-06-09'],
  ['On Thursday, June 9, the board met.', '2023-05-02', '2022-06-09'],
];
