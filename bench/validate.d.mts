export declare const isHigh: (c: number) => boolean;
export declare const isLow: (c: number) => boolean;
export declare function splitsPair(s: string, i: number): boolean;
export declare function collectRanges(result: unknown): { path: string; range: { start: unknown; end: unknown; text?: unknown } }[];
export declare function checkExtraction(input: string, result: unknown, opts?: { max?: number }): string[];
export declare function assertValidExtraction(input: string, result: unknown): void;
