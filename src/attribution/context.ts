/**
 * The shared view of a story that the attribution rules read: tokens, sentences, quote regions,
 * and the per-token lookups (sentence, quote region) built once in linear time.
 */
import type { Tokens } from '../language/tokens';
import type { Segmented } from '../document/segment';
import type { QuoteRegion } from '../quotes/marks';

export interface Context {
  text: string;
  tk: Tokens;
  seg: Segmented;
  regions: QuoteRegion[];
  /** Sentence index of each token (-1 for white space between sentences). */
  sentOfTok: Int32Array;
  /** Quote region index of each token inside a region's marks (marks included), else -1. */
  regionOfTok: Int32Array;
  /** Cue tokens already used by an attribution. */
  usedCue: Uint8Array;
  /** Regions already covered by an attribution. */
  usedRegion: Uint8Array;
  /** Sentences whose paragraph is boilerplate or a heading: never a source of quotes. */
  mutedSentence: Uint8Array;
}

export function buildContext(text: string, tk: Tokens, seg: Segmented, regions: QuoteRegion[]): Context {
  const sentOfTok = new Int32Array(tk.n).fill(-1);
  seg.sentTok.forEach(([a, b], s) => {
    for (let i = a; i < b; i++) sentOfTok[i] = s;
  });
  const regionOfTok = new Int32Array(tk.n).fill(-1);
  let t = 0;
  for (let r = 0; r < regions.length; r++) {
    const { open, close } = regions[r];
    while (t < tk.n && tk.start[t] < open) t++;
    let k = t;
    while (k < tk.n && tk.start[k] < close) {
      regionOfTok[k] = r;
      k++;
    }
  }
  const mutedSentence = new Uint8Array(seg.sentTok.length);
  seg.sentPara.forEach((p, s) => {
    const role = seg.paraRole[p];
    if (role === 'boilerplate' || role === 'heading') mutedSentence[s] = 1;
  });
  return {
    text,
    tk,
    seg,
    regions,
    sentOfTok,
    regionOfTok,
    usedCue: new Uint8Array(tk.n),
    usedRegion: new Uint8Array(regions.length),
    mutedSentence,
  };
}
