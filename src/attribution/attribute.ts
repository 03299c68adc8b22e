/**
 * The attribution rules: from quote regions and cues to raw attributions (content, cue, source mention).
 *
 * A transcript pass, then three passes, each linear in the tokens it looks at, one file each:
 *  0. label-pass.ts:                  NAME: … turns of a transcript
 *  1. quote-pass.ts, quotes with a cue beside them:  “…,” X said · “…,” said X · X said: “…” · X also “stressed …”
 *  2. cue-pass.ts, cues in the narrative: X said (that) … · According to X, … · …, X said. · , adding that …
 *  3. leftover-pass.ts, quotes left over: a whole-sentence quote continues the last speaker; a fragment with no cue is no statement.
 */
import type { Context } from './context';
import type { RawAttribution } from './types';
import { quotePass } from './quote-pass';
import { cuePass } from './cue-pass';
import { leftoverPass } from './leftover-pass';
import { labelPass } from './label-pass';

export function attribute(ctx: Context): RawAttribution[] {
  const out: RawAttribution[] = [];
  labelPass(ctx, out);
  quotePass(ctx, out);
  cuePass(ctx, out);
  leftoverPass(ctx, out);
  out.sort((x, y) => x.parts[0][0] - y.parts[0][0]);
  return out;
}
