import type { CueStance, QuoteKind } from '../types';
import type { CharRange, TokenRange } from '../language/tokens';

/** An attribution as the attribution stage finds it, before its source is resolved to a speaker. */
export interface RawAttribution {
  kind: QuoteKind;
  /** Content parts as char ranges [start, end). */
  parts: CharRange[];
  /** Cue token range, or null (a continuation quote). */
  cue: TokenRange | null;
  cueLemma: string | null;
  stance: CueStance;
  /** Token range of the source mention, or null. */
  source: TokenRange | null;
  /** An appositive that describes the source ("Jane Doe, a spokeswoman for X, said"). */
  appositive: TokenRange | null;
  /** When the source is missing: continue the speaker of the attribution before. */
  continues: boolean;
  sentence: number;
  paragraph: number;
  confidence: number;
}
