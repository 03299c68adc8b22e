import type { CueStance, QuoteKind } from '../types';
import type { Range } from '../language/np';

/** An attribution as the attribution stage finds it, before its source is resolved to a speaker. */
export interface RawAttribution {
  kind: QuoteKind;
  /** Content parts as char ranges [start, end). */
  parts: [number, number][];
  /** Cue token range, or null (a continuation quote). */
  cue: Range | null;
  cueLemma: string | null;
  stance: CueStance;
  /** Token range of the source mention, or null. */
  source: Range | null;
  /** An appositive that describes the source ("Jane Doe, a spokeswoman for X, said"). */
  appositive: Range | null;
  /** When the source is missing: continue the speaker of the attribution before. */
  continues: boolean;
  sentence: number;
  paragraph: number;
  confidence: number;
}
