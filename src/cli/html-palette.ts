/**
 * The report's speaker colours. A story's speakers are ranked by how often they are quoted, and the n-th gets
 * the n-th colour: the palette is ordered so that its first colours are the farthest apart (scripts/palette.ts
 * chose it: every pair at CIEDE2000 ≥ 14, black text at 8:1 or better on each). Past the palette's length the
 * colours come round again with a pattern (stripes, then a dotted frame), so two speakers never look alike.
 */

export interface SpeakerColour {
  /** The highlight behind a speaker's quotes. */
  background: string;
  /** The same hue, dark: underlines, frames and names on white. */
  ink: string;
}

export const PALETTE: readonly SpeakerColour[] = [
  { background: '#ffd54f', ink: '#6c5704' },
  { background: '#87c3ff', ink: '#0c5e90' },
  { background: '#ffa5b4', ink: '#aa204c' },
  { background: '#78d2a5', ink: '#016743' },
  { background: '#c3b4a5', ink: '#695641' },
  { background: '#e1d2ff', ink: '#604f8e' },
  { background: '#5af0ff', ink: '#06636b' },
  { background: '#f0ffc3', ink: '#476203' },
  { background: '#a5c3c3', ink: '#316162' },
  { background: '#ffb496', ink: '#9a3b14' },
  { background: '#b4b478', ink: '#585e01' },
  { background: '#c3fff0', ink: '#006656' },
  { background: '#b4b4c3', ink: '#57586d' },
];

/** The patterns that tell apart speakers sharing a colour: none for the first round of the palette. */
export const PATTERNS = ['plain', 'striped', 'framed'] as const;
export type Pattern = (typeof PATTERNS)[number];

/** Quotes nobody could be found for: grey, in a dashed frame. */
export const UNATTRIBUTED: SpeakerColour = { background: '#e0e0e0', ink: '#616161' };

export interface SpeakerStyle extends SpeakerColour {
  pattern: Pattern;
  /** Rank among the story's speakers, 0 for the most quoted. */
  rank: number;
}

/** The style of the speaker at `rank` (0-based) in a story. */
export function styleForRank(rank: number): SpeakerStyle {
  const r = Number.isInteger(rank) && rank >= 0 ? rank : 0;
  const colour = PALETTE[r % PALETTE.length];
  const pattern = PATTERNS[Math.floor(r / PALETTE.length) % PATTERNS.length];
  return { ...colour, pattern, rank: r };
}

/** A style for each id, in the order given (most quoted first): the first id gets the first colour. */
export function speakerStyles(rankedIds: readonly string[]): Map<string, SpeakerStyle> {
  const styles = new Map<string, SpeakerStyle>();
  for (const id of rankedIds) if (!styles.has(id)) styles.set(id, styleForRank(styles.size));
  return styles;
}
