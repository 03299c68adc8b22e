/**
 * Pass 0, before the quote passes: paragraphs that open with a speaker's label, "NAME: …" — transcript turns
 * and headline attributions.
 */
import { isCapitalised } from '../language/chars';
import type { Context } from './context';
import { tokenAt } from '../language/tokens';
import type { RawAttribution } from './types';
import type { CueHit } from '../cues/find';
import { IMPLIED_SAY } from '../cues/lexicon';
import { isQuoteMark } from '../language/np';
import { NOT_SPEAKERS, NOT_SPEAKER_HEADS } from './words';
import { sentOf, contentStartTok, charRange, regionsWithin } from './clause';
import { make } from './make';

/** Pass 0: "NAME: …" lines — transcript turns and headline attributions ("Pence: …", "WALLACE: …"). */
export function labelPass(ctx: Context, out: RawAttribution[]): void {
  const { tk, seg } = ctx;
  for (let p = 0; p < seg.paraSent.length; p++) {
    const role = seg.paraRole[p];
    if (role !== 'body' && role !== 'headline') continue;
    const [s0, s1] = seg.paraSent[p];
    if (s0 >= s1) continue;
    let i = contentStartTok(ctx, sentOf(ctx, s0));
    const paraEnd = seg.sentTok[s1 - 1][1];
    let inRegion = -1;
    if (i < paraEnd && isQuoteMark(tk.value[i]) && ctx.regionOfTok[i] >= 0) {
      inRegion = ctx.regionOfTok[i];
      i++;
      while (i < paraEnd && isQuoteMark(tk.value[i]) && ctx.regionOfTok[i] === inRegion && tk.start[i] === tk.end[i - 1]) i++;
    }
    const first = i;
    let j = i;
    while (
      j < paraEnd &&
      j - first < 7 &&
      (tk.pos[j] === 'PROPN' ||
        (isCapitalised(tk.value[j]) && tk.pos[j] !== 'PUNCT') ||
        tk.value[j] === '.' ||
        (tk.value[j] === '-' && tk.start[j] === tk.end[j - 1]))
    )
      j++;
    if (j === first || j >= paraEnd || tk.value[j] !== ':' || j + 1 >= paraEnd) continue;
    const label = ctx.text.slice(tk.start[first], tk.end[j - 1]).toLowerCase();
    if (NOT_SPEAKERS.has(label) || NOT_SPEAKER_HEADS.has(tk.lower[j - 1]) || tk.pos[first] === 'DET' || ctx.usedCue[j]) continue;
    // a name has no function words in it ("Stealth Over Health:" is a headline kicker, not a speaker)
    let functionWord = false;
    for (let t = first + 1; t < j && !functionWord; t++)
      functionWord =
        (tk.pos[t] === 'ADP' && tk.lower[t] !== 'of') ||
        tk.pos[t] === 'DET' ||
        tk.pos[t] === 'CCONJ' ||
        tk.pos[t] === 'VERB' ||
        tk.pos[t] === 'AUX';
    if (functionWord) continue;
    // the content: the rest of the paragraph (inside its quote, when the turn is quoted)
    let end = paraEnd;
    if (inRegion >= 0) {
      const reg = ctx.regions[inRegion];
      const lastPart = reg.parts.find(([a, b]) => a <= tk.start[j] && tk.start[j] < b);
      if (lastPart) end = tokenAt(tk, lastPart[1]);
      ctx.usedRegion[inRegion] = 1;
    }
    // a tally ("Clinton: 1,769.") says nothing: the content needs two words
    let words = 0;
    for (let t = j + 1; t < end && words < 2; t++) if (tk.type[t] === 'word') words++;
    if (words < 2) continue;
    const range = charRange(ctx, j + 1, end);
    if (!range) continue;
    for (const r of regionsWithin(ctx, range[0], range[1])) ctx.usedRegion[r] = 1;
    const cue: CueHit = { first: j, last: j, entry: IMPLIED_SAY, kind: 'verb' };
    out.push(
      make(ctx, { kind: inRegion >= 0 ? 'direct' : 'indirect', parts: [range], cue, source: [first, j], sentence: s0, rule: 'label' }),
    );
  }
}
