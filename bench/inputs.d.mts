export declare function rng(seed?: number): () => number;
export declare function cutTo(s: string, size: number): string;
export declare const QUOTE_MARKS: string[];
export declare const QUOTE_PAIRS: [string, string][];
export declare const NAMES: string[];
export declare const DESCRIPTIONS: string[];
export declare const PRONOUNS: string[];
export declare const CUES: string[];
export declare const WORDS: string[];
export declare const DATELINES: string[];
export declare function newsSentence(r: () => number, opts?: { quotes?: boolean }): string;
export declare function newsParagraph(r: () => number, opts?: { quotes?: boolean }): string;
export declare function uniqueName(i: number): string;
export type FamilyName =
  | 'quoteMarks'
  | 'noWhitespace'
  | 'giantToken'
  | 'base64Run'
  | 'newsNoSpaces'
  | 'oneLineParagraphs'
  | 'nestedQuotes'
  | 'emojiOnly'
  | 'crLineEnds'
  | 'controlChars'
  | 'openQuote'
  | 'unbalancedOpens'
  | 'longSentence'
  | 'manySpeakers'
  | 'pronounChain'
  | 'cueFlood'
  | 'numbersAndDates'
  | 'punctuationRuns'
  | 'whitespaceOnly';
export declare const families: Record<FamilyName, (size: number, seed?: number) => string>;
export declare function nested(depth: number, opts?: { closed?: boolean }): string;
export declare function oneLineParagraphsCount(n: number, seed?: number): string;
export declare function unbalancedOpensCount(n: number, seed?: number): string;
export declare function longSentenceWords(n: number, seed?: number): string;
export declare const crafted: Record<string, () => string>;
