/**
 * Attribution patterns, quote marks and speaker resolution, table-driven, on made-up wire copy.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index';
import type { Extraction, Quote } from '../src/types';

function run(text: string) {
  const r = extract(text);
  const name = (q: Quote) => r.speakers.find((s) => s.id === q.speakerId)?.name ?? null;
  return {
    r,
    rows: r.quotes.map((q) => ({
      kind: q.kind,
      content: q.content.text,
      cue: q.cue?.lemma ?? null,
      source: q.source?.text ?? null,
      speaker: name(q),
    })),
  };
}

const find = (rows: ReturnType<typeof run>['rows'], fragment: string) => rows.find((q) => q.content.includes(fragment));

describe('attribution patterns', () => {
  const cases: {
    name: string;
    text: string;
    fragment: string;
    expect: Partial<{ kind: string; cue: string | null; source: string | null; speaker: string | null; content: string }>;
  }[] = [
    {
      name: '“…,” X said',
      text: '“We will not back down,” Jane Doe said.',
      fragment: 'back down',
      expect: { kind: 'direct', cue: 'say', source: 'Jane Doe', speaker: 'Jane Doe', content: 'We will not back down,' },
    },
    {
      name: '“…,” X, an apposition, said (issue 10)',
      text: '“We will reopen the mill,” Tara Quist, a manager, said.',
      fragment: 'reopen',
      expect: { kind: 'direct', cue: 'say', source: 'Tara Quist', speaker: 'Tara Quist' },
    },
    {
      name: '“…,” X - a long apposition set off by dashes - told (issue 10)',
      text: '“We used to see this kind of thing in the markets,” Lev Orlov - then an economic adviser to the president - told a news conference.',
      fragment: 'kind of thing',
      expect: { kind: 'direct', cue: 'tell', source: 'Lev Orlov', speaker: 'Lev Orlov' },
    },
    {
      name: '“…,” X, a long apposition with a participle, said (issue 10)',
      text: '“The rules will not hold,” Ines Vahl, a well-known critic of the plan in the northern provinces, said.',
      fragment: 'rules will not hold',
      expect: { kind: 'direct', cue: 'say', source: 'Ines Vahl', speaker: 'Ines Vahl' },
    },
    {
      name: 'he: Mr X, the subject of the sentence before, behind a long apposition (issue 10)',
      text: '“It was a swindle,” Nora Pike, a senior aide, said. Mr Rask, a well-known opponent of state ownership in most parts of the market, was keen to keep his distance. The sale had been badly handled, he said.',
      fragment: 'badly handled',
      expect: { kind: 'indirect', cue: 'say', source: 'he', speaker: 'Rask' },
    },
    {
      name: '“Mr. Dunn” is not “Jane Dunn”: an honorific of the other gender starts a new person (issue 10)',
      text: 'Jane Dunn, the mayor, opened the bridge. “It took ten years,” she said. Her husband watched. “I am proud of her,” Mr. Dunn said.',
      fragment: 'proud of her',
      expect: { kind: 'direct', cue: 'say', source: 'Mr. Dunn', speaker: 'Dunn' },
    },
    {
      name: '“the company” and “it” take up a business described by an apposition (issue 10)',
      text: 'Shares in Norrland Minerals, a Swedish mining firm, fell 12% on Monday. The company said a test drill had found no ore. It also said the tax office had sent it a bill.',
      fragment: 'tax office',
      expect: { kind: 'indirect', cue: 'say', source: 'It', speaker: 'Norrland Minerals' },
    },
    {
      name: 'a business head before the name makes it a business, and its initials name it (issue 10)',
      text: 'Games giant Northwind Studios (NS) says it wants to make films. NS said the first one would come out in 2027.',
      fragment: 'first one',
      expect: { kind: 'indirect', cue: 'say', source: 'NS', speaker: 'Northwind Studios' },
    },
    {
      name: 'a title after an organisation word makes a titled person, not an organisation (issue 10)',
      text: '“We have the votes,” Senate Majority Leader Tom Vickery said. “We will pass it,” Vickery said later.',
      fragment: 'pass it',
      expect: { kind: 'direct', cue: 'say', source: 'Vickery', speaker: 'Tom Vickery' },
    },
    {
      name: '“The Labour leader said”: a capitalised role takes up the subject of the sentence before (issue 10)',
      text: 'Rhona Galt has denied her front bench was split over the plan.\n\nThe Labour leader said her team had reached a collective view after a long talk.',
      fragment: 'collective view',
      expect: { kind: 'indirect', cue: 'say', source: 'The Labour leader', speaker: 'Rhona Galt' },
    },
    {
      name: '“the Dundee MP told …”: a role takes up the speaker quoted two sentences back (issue 10)',
      text: 'Ewan Carr said checks would rise. Rules for imams could be made tougher, he told a committee. His remarks were condemned by a rights group.\n\n“The threat comes from a small group,” the Dundee MP told the committee.',
      fragment: 'small group',
      expect: { kind: 'direct', cue: 'tell', source: 'the Dundee MP', speaker: 'Ewan Carr' },
    },
    {
      name: 'a capitalised thing named like a role is not a person (issue 10)',
      text: 'Mara Voss leads the race. She is ahead by six points, according to the Daily Ledger Pollster.',
      fragment: 'six points',
      expect: { source: 'the Daily Ledger Pollster', speaker: 'the Daily Ledger Pollster' },
    },
    {
      name: '“…,” said ROLE, NAME.: the name after the role is the speaker (issue 10)',
      text: '“Rates must hold for now,” said the union’s chief economist, Ann Roe.',
      fragment: 'Rates must hold',
      expect: { kind: 'direct', cue: 'say', source: 'Ann Roe', speaker: 'Ann Roe' },
    },
    {
      name: '“the company” is the company already quoted, not a rival named in passing (issue 10)',
      text: 'Consumer goods giant Halvorsen said profit fell 36%. Rival Brightwell, an oil firm, cut costs last year. “We welcome the news,” said Ida Moe, an analyst.\n\nThe company said it would speed up decisions.',
      fragment: 'speed up decisions',
      expect: { kind: 'indirect', cue: 'say', source: 'The company', speaker: 'Halvorsen' },
    },
    {
      name: '“The NHF report said”: the name before a document’s head is its author, and “the report” after it too (issue 10)',
      text: 'The National Housing Forum (NHF) met on Monday. The NHF report said rents rose 9% last year. Most tenants have no savings, according to the report.',
      fragment: 'no savings',
      expect: { source: 'the report', speaker: 'National Housing Forum' },
    },
    {
      name: '“Mr Sands’ book suggests”: a plural possessive names the author (issue 10)',
      text: 'Mr Sands has written about the war. Mr Sands’ book suggests the memo was drafted by two aides.',
      fragment: 'memo was drafted',
      expect: { source: 'Mr Sands’ book', speaker: 'Sands' },
    },
    {
      name: '“a report earlier this week from X”: the author after a time adjunct (issue 10)',
      text: 'Demand for large goods fell sharply, according to a report earlier this week from the Retail Trade Council.',
      fragment: 'Demand for large goods',
      expect: { speaker: 'Retail Trade Council' },
    },
    {
      name: 'a code or a text is never “she” (issue 10)',
      text: 'Clara Voss resigned in May. The advice should have been attached, according to the ministerial code. “We need a full inquiry,” she said.',
      fragment: 'full inquiry',
      expect: { source: 'she', speaker: 'Clara Voss' },
    },
    {
      name: 'a fronted adjunct, then NAME, an appositive, says: the name is the subject, not the adjunct (issue 10)',
      text: 'In a book published this week, Aled Price QC, a member of the chambers, says the lawyer warned the minister.',
      fragment: 'lawyer warned',
      expect: { kind: 'indirect', cue: 'say', source: 'Aled Price QC', speaker: 'Aled Price QC' },
    },
    {
      name: '“It said …”: a business the lead describes ("engineering giant X"), a name the lexicon knows as an organisation’s (issue 10)',
      text: 'Profits slip at Siemens\n\nEngineering giant Siemens is to merge its two boards after a poor year.\n\nIt said slow decisions and a wet summer had hurt sales.',
      fragment: 'wet summer',
      expect: { source: 'It', speaker: 'Siemens' },
    },
    {
      name: '“the charity said”: a body named as one before (issue 10)',
      text: 'The Keswick Reform Society invited the party leaders to a debate. Two have accepted, the non-partisan charity said.',
      fragment: 'Two have accepted',
      expect: { source: 'the non-partisan charity', speaker: 'Keswick Reform Society' },
    },
    {
      name: '“…,” X, an age, said (issue 10)',
      text: '“It is the right thing,” Jo Smith, 54, said.',
      fragment: 'right thing',
      expect: { kind: 'direct', cue: 'say', source: 'Jo Smith', speaker: 'Jo Smith' },
    },
    {
      name: '“…,” Grant said — a surname that is also a word, in the speaker slot (issue 10)',
      text: 'Ann Grant runs the depot. “We are ready,” Grant said.',
      fragment: 'ready',
      expect: { kind: 'direct', cue: 'say', source: 'Grant', speaker: 'Ann Grant' },
    },
    {
      name: '“…,” said Hope (issue 10)',
      text: '“The line will open in May,” said Hope.',
      fragment: 'line will open',
      expect: { kind: 'direct', cue: 'say', source: 'Hope', speaker: 'Hope' },
    },
    {
      name: 'a broadcaster’s call sign is not a title (KING-TV)',
      text: 'Marchers carried white roses through the city, KING-TV reported.',
      fragment: 'white roses',
      expect: { cue: 'report', source: 'KING-TV', speaker: 'KING-TV' },
    },
    {
      name: 'X said in a statement: “…” — an adjunct between the cue and the colon (issue 10)',
      text: 'The ministry said in a statement: “We regret the loss of life.”',
      fragment: 'regret',
      expect: { kind: 'direct', cue: 'say', source: 'The ministry' },
    },
    {
      name: 'X wrote on Twitter: “…”',
      text: 'Ms. Grey wrote on Twitter: “I never agreed to this.”',
      fragment: 'never agreed',
      expect: { kind: 'direct', cue: 'write', source: 'Ms. Grey', speaker: 'Grey' },
    },
    {
      name: 'X, who … the parents’ committee, said … — a plural possessive is no quote mark (issue 11)',
      text: "Ines Varga, who chairs the parents' committee, said the new timetable leaves too little pool time.",
      fragment: 'timetable',
      expect: { kind: 'indirect', cue: 'say', source: 'Ines Varga', speaker: 'Ines Varga' },
    },
    {
      name: 'A, X said, and B — two statements around one cue are two quotes (issue 11)',
      text: 'The pool will stay shut until June, Varga said, and the repairs will cost less than planned.',
      fragment: 'repairs',
      expect: { kind: 'indirect', cue: 'say', source: 'Varga', content: 'and the repairs will cost less than planned' },
    },
    {
      name: 'A, according to X, B — the statement goes on past a mid-sentence "according to" (issue 11)',
      text: 'The depot, according to the fire marshal, had no working sprinklers.',
      fragment: 'sprinklers',
      expect: {
        kind: 'indirect',
        cue: 'according to',
        source: 'the fire marshal',
        content: 'The depot, according to the fire marshal, had no working sprinklers',
      },
    },
    {
      name: 'X said as …, Y — a subordinate clause first, then the main clause (issue 11)',
      text: 'He said as the doors opened, a queue had already formed around the block.',
      fragment: 'queue',
      expect: { kind: 'indirect', cue: 'say', source: 'He', content: 'as the doors opened, a queue had already formed around the block' },
    },
    {
      name: '“….” ― Name: a dash signature after a quote that ends its sentence (issue 10)',
      text: 'Readers wrote in after the debate.\n\n“We will not close the library.” ― Mayor Ed Price\n\n“It is a sad day.” — Eastvale Library (@eastvalelib) March 3',
      fragment: 'close the library',
      expect: { kind: 'direct', source: 'Mayor Ed Price', speaker: 'Ed Price' },
    },
    {
      name: '“….” — Name (@handle) date: a post signed with its handle',
      text: '“It is a sad day.” — Eastvale Library (@eastvalelib) March 3',
      fragment: 'sad day',
      expect: { kind: 'direct', source: 'Eastvale Library', speaker: 'Eastvale Library' },
    },
    {
      name: '“…,” said X',
      text: '“The talks are over,” said the ambassador.',
      fragment: 'talks are over',
      expect: { kind: 'direct', cue: 'say', source: 'the ambassador' },
    },
    {
      name: 'X said: “…”',
      text: 'The minister told reporters: “We have done our part.”',
      fragment: 'done our part',
      expect: { kind: 'direct', cue: 'tell', source: 'The minister' },
    },
    {
      name: 'X said (that) …',
      text: 'Police Chief Maria Lopez said that three people were arrested on Monday.',
      fragment: 'three people',
      expect: { kind: 'indirect', cue: 'say', speaker: 'Maria Lopez', content: 'that three people were arrested on Monday' },
    },
    {
      name: 'X said … without that',
      text: 'Senator Tom Reed said he would vote against the bill.',
      fragment: 'vote against',
      expect: { kind: 'indirect', speaker: 'Tom Reed', content: 'he would vote against the bill' },
    },
    {
      name: 'According to X, …',
      text: 'According to the health ministry, 40 people died in the floods.',
      fragment: '40 people',
      expect: { kind: 'indirect', cue: 'according to', source: 'the health ministry', content: '40 people died in the floods' },
    },
    {
      name: '…, according to X.',
      text: 'The factory will close in March, according to two people familiar with the plan.',
      fragment: 'factory',
      expect: { cue: 'according to', source: 'two people familiar with the plan', content: 'The factory will close in March' },
    },
    {
      name: 'X told Y that …',
      text: 'Governor Ann Wells told reporters on Tuesday that the state would appeal.',
      fragment: 'appeal',
      expect: { cue: 'tell', speaker: 'Ann Wells', content: 'that the state would appeal' },
    },
    {
      name: '…, X said.',
      text: 'The ceasefire is holding, a United Nations spokesman said.',
      fragment: 'ceasefire',
      expect: { kind: 'indirect', cue: 'say', source: 'a United Nations spokesman', content: 'The ceasefire is holding' },
    },
    {
      name: 'X, appositive, said',
      text: 'John Carter, a lawyer for the family, said the police had ignored the warnings.',
      fragment: 'ignored',
      expect: { speaker: 'John Carter', content: 'the police had ignored the warnings' },
    },
    {
      name: 'role, Name, said (a surname wink tags as a verb)',
      text: 'The mayor’s press secretary, Peter Cook, said that the city would appeal the ruling.',
      fragment: 'appeal the ruling',
      expect: {
        kind: 'indirect',
        source: 'The mayor’s press secretary',
        speaker: 'Peter Cook',
        content: 'that the city would appeal the ruling',
      },
    },
    {
      name: 'X, relative clause, said',
      text: 'Chris Cox, who runs the group’s lobbying arm, says the new rules would not have prevented the shootings.',
      fragment: 'new rules',
      expect: {
        kind: 'indirect',
        source: 'Chris Cox',
        speaker: 'Chris Cox',
        content: 'the new rules would not have prevented the shootings',
      },
    },
    {
      name: 'X said on <day> … without that',
      text: 'The donor Sheldon Marks said on Friday he met the candidate earlier this week.',
      fragment: 'met the candidate',
      expect: { kind: 'indirect', speaker: 'Sheldon Marks', content: 'he met the candidate earlier this week' },
    },
    {
      name: 'X said in an interview … without that',
      text: 'Senator Ann Bright said in an interview she would run again.',
      fragment: 'run again',
      expect: { kind: 'indirect', speaker: 'Ann Bright', content: 'she would run again' },
    },
    {
      name: 'X, participle aside with a reduced relative, said',
      text: 'Florida delegate John Archer, wearing a Canova T-Shirt covered in campaign buttons, said he was proud of the campaign.',
      fragment: 'proud',
      expect: { kind: 'indirect', speaker: 'John Archer', content: 'he was proud of the campaign' },
    },
    {
      name: 'X, aside holding a capitalised name wink tags as a verb, said',
      text: 'Kevin Brady, chairman of the House Ways and Means Committee, said that the tax would be delayed.',
      fragment: 'delayed',
      expect: { kind: 'indirect', speaker: 'Kevin Brady', content: 'that the tax would be delayed' },
    },
    {
      name: 'Rep. X (D-Md.), aside, said',
      text: 'Rep. Elijah Cummings (D-Md.), chair of the drafting committee, said the platform was nearly done.',
      fragment: 'platform',
      expect: { kind: 'indirect', speaker: 'Elijah Cummings', content: 'the platform was nearly done' },
    },
    {
      name: 'X — dash aside — said',
      text: 'Many speakers at the service — including Muslims, Christians and Jews — said his death was painful.',
      fragment: 'painful',
      expect: { kind: 'indirect', source: 'Many speakers at the service', content: 'his death was painful' },
    },
    {
      name: '…, X told the newspaper.',
      text: 'He had been completing his second year, a school spokesman told The Wall Street Journal.',
      fragment: 'second year',
      expect: { kind: 'indirect', cue: 'tell', source: 'a school spokesman', content: 'He had been completing his second year' },
    },
    {
      name: 'X said in an interview with The Y that …',
      text: 'Justice Ruth Ginsburg said in an interview with The Associated Press last week that she would not retire.',
      fragment: 'retire',
      expect: { kind: 'indirect', speaker: 'Ruth Ginsburg', content: 'that she would not retire' },
    },
    {
      name: '…, X said the next day (a time, not content)',
      text: 'The talks had failed, the envoy said the next day.',
      fragment: 'talks',
      expect: { kind: 'indirect', source: 'the envoy', content: 'The talks had failed' },
    },
    {
      name: 'a report published <day> said',
      text: 'WASHINGTON (AP) — A news report published Wednesday said the secretary used a personal email account.',
      fragment: 'personal email',
      expect: { kind: 'indirect', source: 'A news report', content: 'the secretary used a personal email account' },
    },
    {
      name: 'X told Y, “lower-case start” is still direct',
      text: 'The candidate told his supporters, “our nation is in horrible trouble.”',
      fragment: 'horrible trouble',
      expect: { kind: 'direct', cue: 'tell', source: 'The candidate' },
    },
    {
      name: 'X did A, but told Y, “…”',
      text: 'Carson spoke for an hour, but told his supporters, “Our nation is in horrible trouble.”',
      fragment: 'horrible trouble',
      expect: { kind: 'direct', cue: 'tell', source: 'Carson', speaker: 'Carson' },
    },
    {
      name: 'a clause with a verb of its own after a comma stays in the content',
      text: 'Jeb Bush pointed out that since Peyton Manning was supporting him, he would support the Denver Broncos.',
      fragment: 'Peyton',
      expect: {
        kind: 'indirect',
        speaker: 'Jeb Bush',
        content: 'that since Peyton Manning was supporting him, he would support the Denver Broncos',
      },
    },
    {
      name: 'poll shares: N in M say …',
      text: 'About 4 in 10 say they want the next president to have more liberal policies.',
      fragment: 'liberal policies',
      expect: {
        kind: 'indirect',
        cue: 'say',
        source: 'About 4 in 10',
        speaker: 'About 4 in 10',
        content: 'they want the next president to have more liberal policies',
      },
    },
    {
      name: 'cue inside the quote',
      text: 'The president also “stressed the need for calm in the region.”',
      fragment: 'need for calm',
      expect: { kind: 'partial', cue: 'stress', source: 'The president' },
    },
    {
      name: 'mixed: that + quote',
      text: 'The company said that its profits were “better than expected.”',
      fragment: 'profits',
      expect: { kind: 'mixed', cue: 'say', source: 'The company', content: 'that its profits were “better than expected.”' },
    },
    {
      name: 'participle keeps the speaker',
      text: '“We are ready,” Ali Hassan said, adding that talks would resume next week.',
      fragment: 'talks would resume',
      expect: { kind: 'indirect', cue: 'add', speaker: 'Ali Hassan', content: 'that talks would resume next week' },
    },
    {
      name: 'readout released by',
      text: 'A statement released by the Foreign Ministry said the ambassador had been summoned.',
      fragment: 'summoned',
      expect: { cue: 'say', speaker: 'Foreign Ministry', source: 'A statement released by the Foreign Ministry' },
    },
    {
      name: 'ruling cue',
      text: 'The Supreme Court ruled on Friday that the law was unconstitutional.',
      fragment: 'unconstitutional',
      expect: { cue: 'rule', source: 'The Supreme Court', content: 'that the law was unconstitutional' },
    },
    {
      name: 'denial stance',
      text: 'The mayor denied that she had known about the payments.',
      fragment: 'payments',
      expect: { cue: 'deny', source: 'The mayor' },
    },
    {
      name: 'doubled apostrophes as quote marks',
      text: "''There is a lot of new complexity,'' said Mr. Burman.",
      fragment: 'complexity',
      expect: { kind: 'direct', speaker: 'Burman', content: 'There is a lot of new complexity,' },
    },
    {
      name: 'straight double quotes',
      text: '"It is a good deal for workers," the union leader said.',
      fragment: 'good deal',
      expect: { kind: 'direct', source: 'the union leader' },
    },
    {
      name: 'guillemets',
      text: '« Nous resterons unis », said President Emile Faure.',
      fragment: 'Nous',
      expect: { kind: 'direct', speaker: 'Emile Faure' },
    },
    {
      name: 'transcript label',
      text: 'SMITH: We never agreed to those terms.',
      fragment: 'never agreed',
      expect: { source: 'SMITH', content: 'We never agreed to those terms' },
    },
  ];
  it.each(cases)('$name', ({ text, fragment, expect: want }) => {
    const { rows } = run(text);
    const q = find(rows, fragment);
    expect(q, JSON.stringify(rows)).toBeDefined();
    expect(q).toMatchObject(want);
  });

  it('reads a Reuters-style story: sources after the content, "one of …", modals and non-statements', () => {
    const text = [
      'BRUSSELS, March 3 (Reuters) - The European Union will propose new tariffs on imported vehicles next week, three diplomats told Reuters, as the bloc seeks to protect its carmakers.',
      '"It\'s a done deal," said one of the diplomats, who declined to be named because the matter is confidential.',
      'A Commission spokesperson declined to comment. The commerce ministry said in a statement on Friday that it "firmly opposes" the move.',
    ].join('\n\n');
    const { r, rows } = run(text);
    expect(find(rows, 'new tariffs')).toMatchObject({
      kind: 'indirect',
      cue: 'tell',
      source: 'three diplomats',
      content: 'The European Union will propose new tariffs on imported vehicles next week',
    });
    expect(find(rows, 'done deal')).toMatchObject({ kind: 'direct', source: 'one of the diplomats' });
    expect(r.speakers.find((s) => s.name === 'one of the diplomats')?.kind).toBe('anonymous');
    expect(find(rows, 'to comment')).toBeUndefined();
    expect(find(rows, 'to be named')).toBeUndefined();
    expect(find(rows, 'firmly opposes')).toMatchObject({ kind: 'mixed', cue: 'say', source: 'The commerce ministry' });
  });

  it('reads an AP-style story: a title before the name, a possessive body, Telegram posts', () => {
    const text = [
      'KYIV, Ukraine (AP) — Shelling killed at least three people overnight, regional Gov. Ivan Petrenko said Thursday.',
      '“They will not succeed,” Petrenko wrote on Telegram.',
      'Ukraine’s military said it had repelled 15 attacks near the city.',
    ].join('\n\n');
    const { rows } = run(text);
    expect(find(rows, 'Shelling killed')).toMatchObject({ cue: 'say', speaker: 'Ivan Petrenko' });
    expect(find(rows, 'not succeed')).toMatchObject({ kind: 'direct', cue: 'write', speaker: 'Ivan Petrenko' });
    expect(find(rows, 'repelled')).toMatchObject({ source: 'Ukraine’s military' });
  });

  it('takes only a clause before ", X said" as what was said', () => {
    const { rows } = run(
      'As an immigrant, she felt for me. But on trade, he did find himself in trouble. These were not omissions, the lawyer noted.',
    );
    expect(find(rows, 'immigrant')).toBeUndefined();
    expect(find(rows, 'on trade')).toBeUndefined();
    expect(find(rows, 'omissions')).toMatchObject({ kind: 'indirect', source: 'the lawyer', content: 'These were not omissions' });
  });

  it('reads "Name: …" as a turn, but not a column name, a kicker led by "The" or a tally', () => {
    const text = [
      'The Ninth Circle: A View from Inside the Beltway',
      'Paid Notice: Deaths of the week',
      'Delegates so far.',
      'Clinton: 1,769. Sanders: 1,501.',
      'WALLACE: Do you accept the result?',
      'TRUMP: I will look at it at the time.',
    ].join('\n\n');
    const { rows } = run(text);
    expect(find(rows, 'Inside the Beltway')).toBeUndefined();
    expect(find(rows, 'Deaths')).toBeUndefined();
    expect(find(rows, '1,769')).toBeUndefined();
    expect(find(rows, 'accept the result')).toMatchObject({ source: 'WALLACE' });
    expect(find(rows, 'look at it')).toMatchObject({ source: 'TRUMP' });
  });

  it('ends a mixed quote at its closing mark when a participle cue follows (“…,” adding that …)', () => {
    const { rows } = run('The senator insisted that he has “expanded the party,” claiming that he is responsible for the turnout.');
    expect(find(rows, 'expanded')).toMatchObject({ kind: 'mixed', cue: 'insist', content: 'that he has “expanded the party,”' });
    expect(find(rows, 'responsible')).toMatchObject({
      kind: 'indirect',
      cue: 'claim',
      source: 'The senator',
      content: 'that he is responsible for the turnout',
    });
  });

  it('reads "advanced", "voiced", "presented" only with an object that names what was put forward', () => {
    const { rows } = run(
      'The envoy advanced as many as eight new demands for a deal. Troops advanced on the city. The minister voiced concerns that the deal would collapse. She presented the award to the winner. He presented a plan to cut taxes.',
    );
    expect(find(rows, 'eight new demands')).toMatchObject({ kind: 'indirect', cue: 'advance', source: 'The envoy' });
    expect(find(rows, 'on the city')).toBeUndefined();
    expect(find(rows, 'would collapse')).toMatchObject({ cue: 'voice', source: 'The minister', content: 'that the deal would collapse' });
    expect(find(rows, 'award')).toBeUndefined();
    expect(find(rows, 'cut taxes')).toMatchObject({ cue: 'present', source: 'He' });
  });

  it('takes a poll share for a group of respondents, not a person named "Six"', () => {
    const { r } = run('Six in 10 say he is at least somewhat decisive.');
    expect(r.speakers.map((s) => [s.name, s.kind])).toEqual([['Six in 10', 'group']]);
  });

  it('takes a name ending in a corporate word for an organisation', () => {
    for (const [text, name] of [
      ['Pfizer Inc said the vaccine was safe.', 'Pfizer Inc'],
      ['Exxon Mobil Corp told investors that output would rise.', 'Exxon Mobil Corp'],
      ['Acme Holdings said in a filing that sales fell.', 'Acme Holdings'],
    ]) {
      const { r } = run(text);
      expect(r.speakers.find((s) => s.name === name)?.kind, text).toBe('organization');
    }
  });

  it('continues the speaker into the next quote and the next all-quote paragraph', () => {
    const text =
      '“We won the vote,” the senator said. “Now the work begins.”\n\n“It will not be easy, but we are ready.”\n\nThe bill goes to the House next week.';
    const { rows } = run(text);
    expect(find(rows, 'work begins')).toMatchObject({ kind: 'direct', cue: null, speaker: 'the senator' });
    expect(find(rows, 'not be easy')).toMatchObject({ speaker: 'the senator' });
    expect(find(rows, 'goes to the House')).toBeUndefined();
  });

  it('names the quote a follow-on quote continues, and only on follow-on quotes', () => {
    const text =
      '“We won the vote,” the senator said. “Now the work begins.”\n\n“It will not be easy, but we are ready.”\n\n“Ask me again in June,” the governor said.';
    const { quotes } = extract(text);
    const byText = (s: string) => quotes.find((q) => q.content.text.includes(s));
    const first = byText('won the vote');
    const second = byText('work begins');
    expect(first?.continues).toBeUndefined();
    expect(second?.continues).toBe(first?.id);
    expect(byText('not be easy')?.continues).toBe(second?.id);
    expect(byText('Ask me again')?.continues).toBeUndefined();
    expect(JSON.parse(JSON.stringify(quotes))).toEqual(quotes);
  });

  it('joins an interrupted quote into one quote with two spans', () => {
    const text = '“The first step is to listen,” she said, “and then we act.”';
    const r = extract(text);
    expect(r.quotes).toHaveLength(1);
    expect(r.quotes[0].spans?.map((s) => s.text)).toEqual(['The first step is to listen,', 'and then we act.']);
  });

  it('keeps the narrative, scare quotes and titles out', () => {
    const text =
      'The so-called “peace plan” was unveiled on Monday. Protesters gathered outside the “Blue House” in the rain.\n\nThe film “Gone Tomorrow” opens next week.';
    expect(extract(text).quotes).toEqual([]);
  });

  it('takes no bare noun-phrase object for a statement (issue 11 convention)', () => {
    expect(extract('Jo Bloggs has criticised the plan. The senator denied the allegations on Monday.').quotes).toEqual([]);
    // a clause, or quoted words, after the same verbs still are
    const { rows } = run('The senator denied that she had met the lobbyist.');
    expect(find(rows, 'met the lobbyist')?.source).toBe('The senator');
  });

  it('does not read apostrophes as quote marks', () => {
    const text = 'The Minister’s aides said the ’90s were different. It was rock ’n’ roll, the band’s manager said.';
    const r = extract(text);
    for (const q of r.quotes) expect(q.content.text).not.toMatch(/^s |^90s/);
    expect(r.quotes.map((q) => q.content.text)).toContain('the ’90s were different');
  });

  it('keeps an unbalanced quote mark local to its paragraph', () => {
    const text = 'He said “this will never end.\n\nThe markets closed higher. “We are pleased,” the chairman said.';
    const r = extract(text);
    const pleased = r.quotes.find((q) => q.content.text.includes('pleased'));
    expect(pleased?.content.text).toBe('We are pleased,');
    for (const q of r.quotes) expect(q.content.text).not.toContain('markets closed');
  });

  it('follows a quote that runs over paragraphs', () => {
    const text =
      'The governor said: “We will rebuild every home.\n\n“We will reopen every school. And we will do it this year.”\n\nThe storm killed 12 people.';
    const r = extract(text);
    const q = r.quotes.find((x) => x.content.text.includes('rebuild'))!;
    expect(q.kind).toBe('direct');
    expect(q.spans?.map((s) => s.text)).toEqual([
      'We will rebuild every home.',
      'We will reopen every school. And we will do it this year.',
    ]);
  });

  it('never quotes boilerplate', () => {
    const text =
      'Officials said the bridge would reopen.\n\nGet the Morning Brief in your inbox:\n\n“Sign up now,” the newsletter said.\n\nAdvertisement';
    const r = extract(text);
    for (const q of r.quotes)
      for (const b of r.document.boilerplate) expect(q.content.end <= b.start || q.content.start >= b.end).toBe(true);
  });
});

describe('speaker resolution', () => {
  it('takes the name right before ", who" for the relative pronoun (issue 10)', () => {
    const { rows } = run('Ann Lee welcomed the plan. But Dan Frost, who argues the deal is unfair, said the town would lose money.');
    expect(find(rows, 'the deal is unfair')?.speaker).toBe('Dan Frost');
    const agent = run('Ann Smith spoke first. The claim was denied by Tom Brown, who said it was false.').rows;
    expect(find(agent, 'it was false')?.speaker).toBe('Tom Brown');
  });

  it('lets "the company" take up a business named before it, and nothing else (issue 10)', () => {
    const { r, rows } = run('Acme said sales fell in March. The company said it would cut 300 jobs. It added that prices would rise.');
    expect(find(rows, 'cut 300 jobs')?.speaker).toBe('Acme');
    expect(find(rows, 'prices would rise')?.speaker).toBe('Acme');
    expect(r.speakers.find((s) => s.name === 'Acme')?.kind).toBe('organization');
    // a description with another head, or a one-word "name" that is a weekday, stays apart
    const other = run('The FBI said it had no comment. The campaign said the report was false.').rows;
    expect(find(other, 'report was false')?.speaker).not.toBe('FBI');
    const person = run('Jane Okoro said sales fell. The company said it would cut jobs.').rows;
    expect(find(person, 'cut jobs')?.speaker).not.toBe('Jane Okoro');
  });

  it('lets "the minister" take up the one person just named as a subject, and not across another (issue 10)', () => {
    const { rows } = run('Jo Bloggs has criticised the plan. The minister told MPs the scheme would fail.');
    expect(find(rows, 'scheme would fail')?.speaker).toBe('Jo Bloggs');
    const two = run('Jo Bloggs met Sam Green on Monday. The minister told MPs the scheme would fail.').rows;
    expect(find(two, 'scheme would fail')?.speaker).not.toBe('Jo Bloggs');
  });

  it('gives "the report said" to the body that released the report (issue 10)', () => {
    const { rows } = run(
      'The Eastvale Water Board released its annual report on Tuesday. The report said leaks cost the city 8% of its supply.',
    );
    expect(find(rows, 'leaks cost')?.speaker).toBe('Eastvale Water Board');
  });

  it('never runs a name over a sentence end (issue 10)', () => {
    const { r, rows } = run('Critics sided with Ms. Ortiz. Paul Reyes agreed. “We lost,” Reyes said.');
    expect(r.speakers.map((s) => s.name)).not.toContain('Ortiz.Paul Reyes');
    expect(find(rows, 'We lost')?.speaker).toBe('Paul Reyes');
    const two = run('He congratulated primary winner Donald Trump. Rubio offered the crowd a farewell. “We lost,” Rubio said.');
    expect(find(two.rows, 'We lost')?.speaker).toBe('Rubio');
  });

  it('names an unnamed speaker when the next source has its title and a name (issue 10)', () => {
    const { rows } = run('A senior minister has warned that the budget will fail. Minister Jo Bloggs told MPs the plan was unworkable.');
    expect(find(rows, 'budget will fail')?.speaker).toBe('Jo Bloggs');
    expect(find(rows, 'unworkable')?.speaker).toBe('Jo Bloggs');
  });

  it('gives a "she said" nothing earlier can take to the name opening its sentence (issue 10)', () => {
    const { rows } = run('Okoro kept calm, however: “No one will be fired,” she said.');
    expect(find(rows, 'fired')?.speaker).toBe('Okoro');
  });

  it('gives "a report from X" to X (issue 10)', () => {
    const { rows } = run('Leaks cost the city 8% of its water, according to a report from the Eastvale Consortium.');
    expect(find(rows, 'Leaks cost')?.speaker).toBe('Eastvale Consortium');
  });

  it('links an acronym to the organisation whose initials it is (issue 10)', () => {
    const { rows } = run('The British Retail Consortium said sales fell. “It was a bad month,” the BRC said.');
    expect(find(rows, 'bad month')?.speaker).toBe('British Retail Consortium');
  });

  it('never gives "he" or "she" to a document (issue 10)', () => {
    const { rows } = run(
      'Senator Ann Marsh spoke on Monday. A statement from the committee said the vote was delayed. “We will try again,” she said.',
    );
    expect(find(rows, 'try again')?.speaker).toBe('Ann Marsh');
  });

  it('keeps a subject with an apposition as the subject "he" picks up (issue 10)', () => {
    const { rows } = run(
      '“We acted fast,” said Sam Green. Tom Brown, a critic of the plan, was keen to distance himself. “It was mishandled,” he said.',
    );
    expect(find(rows, 'mishandled')?.speaker).toBe('Tom Brown');
  });

  it('resolves names with titles, surnames and pronouns by gender', () => {
    const text = [
      'WASHINGTON (AP) — Secretary of State Mary Collins met Foreign Minister Pedro Alves on Monday.',
      '“The meeting was productive,” Collins said.',
      'Alves said that his government would send a delegation. He added that the talks would continue.',
      '“We are hopeful,” she said.',
    ].join('\n\n');
    const { r, rows } = run(text);
    expect(find(rows, 'productive')?.speaker).toBe('Mary Collins');
    expect(find(rows, 'delegation')?.speaker).toBe('Pedro Alves');
    expect(find(rows, 'talks would continue')?.speaker).toBe('Pedro Alves');
    expect(find(rows, 'hopeful')?.speaker).toBe('Mary Collins');
    const collins = r.speakers.find((s) => s.name === 'Mary Collins')!;
    expect(collins.title).toBe('secretary of state');
    expect(collins.kind).toBe('person');
    expect(collins.mentions.map((m) => m.text)).toEqual(expect.arrayContaining(['Collins', 'she']));
  });

  it('keeps "another official" apart and lets "the official" continue the last one', () => {
    const text = [
      'A senior European official said the sanctions would stay in place.',
      '“There is no appetite for change,” the official said.',
      'Another senior official said that talks could resume in spring.',
      'The official also said that the timing was uncertain.',
    ].join('\n\n');
    const { r } = run(text);
    const ids = r.quotes.map((q) => q.speakerId);
    expect(ids[0]).toBe(ids[1]);
    expect(ids[2]).toBe(ids[3]);
    expect(ids[0]).not.toBe(ids[2]);
    expect(r.speakers.every((s) => s.kind === 'anonymous')).toBe(true);
  });

  it('joins a spokesperson introduced by role with the name given right after', () => {
    const text = [
      'A spokeswoman for the Interior Ministry said the border crossing would stay closed.',
      'Lena Novak said that the decision was temporary. She stressed that aid convoys could still pass.',
      '“We are monitoring the situation,” the spokeswoman for the Interior Ministry added.',
    ].join('\n\n');
    const { r } = run(text);
    const ids = new Set(r.quotes.map((q) => q.speakerId));
    expect(ids.size).toBe(1);
    const novak = r.speakers[0];
    expect(novak).toMatchObject({ name: 'Lena Novak', kind: 'person', title: 'spokeswoman' });
  });

  it('links an office to the person it speaks for, and resolves the person named right after', () => {
    const text = 'According to her office, Governor Janet Price signed the order on Friday. She said that more funds would follow.';
    const { r } = run(text);
    const office = r.speakers.find((s) => s.mentions.some((m) => m.text === 'her office'))!;
    expect(office.speaksFor).toBeDefined();
    expect(r.speakers.find((s) => s.id === office.speaksFor)?.name).toBe('Janet Price');
  });

  it('lets organisations, countries and courts speak', () => {
    const text = [
      'The International Court of Justice ordered the parties to halt construction. The court said that its ruling was binding.',
      'France said on Tuesday that it would abide by the decision.',
    ].join('\n\n');
    const { r, rows } = run(text);
    expect(find(rows, 'binding')?.speaker).toBe('International Court of Justice');
    const france = r.speakers.find((s) => s.name === 'France');
    expect(france?.kind).toBe('organization');
  });

  it.each([
    {
      text: 'President Joe Biden met Chancellor Olaf Scholz on Friday. Scholz said the talks were constructive. “We agree on the essentials,” he said.\n\nBiden, speaking later, said he was pleased. “This is a good day,” the president said.',
      want: { essentials: 'Olaf Scholz', pleased: 'Joe Biden', 'good day': 'Joe Biden' },
    },
    {
      text: 'LONDON (Reuters) - Britain will raise taxes, Finance Minister Rachel Green said on Tuesday, adding that spending cuts alone would not close the gap.\n\n“We have no choice,” Green told parliament. She said the plan would be published next month.',
      want: { 'raise taxes': 'Rachel Green', 'spending cuts': 'Rachel Green', 'no choice': 'Rachel Green', published: 'Rachel Green' },
    },
    {
      text: 'A Kremlin spokesman, Dmitry Petrov, said on Monday that Moscow had not been consulted. Petrov told reporters the decision was “unfriendly.”',
      want: { consulted: 'Dmitry Petrov', decision: 'Dmitry Petrov' },
    },
    {
      text: 'The company’s chief executive, Mark Lee, said profits would rise. Analysts were skeptical. “The numbers don’t add up,” said one analyst, who asked not to be named.',
      want: { profits: 'Mark Lee', numbers: 'one analyst' },
    },
    {
      text: '“We are ready,” said coach Tom Brown. His captain, Mike Lee, was less sure. “We have injuries,” he said.\n\nSmith said Jones was wrong. “He has no plan,” he said.',
      want: { ready: 'Tom Brown', injuries: 'Mike Lee', 'no plan': 'Smith' },
    },
  ])('resolves wire-copy speakers: $want', ({ text, want }) => {
    const { rows } = run(text);
    for (const [fragment, speaker] of Object.entries(want)) expect(find(rows, fragment)?.speaker, fragment).toBe(speaker);
  });

  it('reads a story the same way whatever was read before it (wink learns words it has seen)', () => {
    const story =
      'Analysts told reporters: "We expect O’Neill’s plan to pass." Foo-Bar Corp. said the Nagorno-Karabakh-style deal A0.. was off.';
    const first = extract(story);
    extract('O’Neill’s Foo-Bar A0.. Nagorno-Karabakh-style; “other words,” she said.');
    expect(extract(story)).toEqual(first);
  });

  it('is deterministic and JSON-serialisable', () => {
    const text = '“We will see,” the coach said. Fans were not convinced, a club official said.';
    const a: Extraction = extract(text);
    const b = extract(text);
    expect(a).toEqual(b);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });
});
