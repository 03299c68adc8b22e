/**
 * How the report's speaker palette (src/cli/html-palette.ts) was chosen: `npx tsx scripts/palette.ts` prints it.
 *
 * Candidates are the sRGB colours on a grid of 15 steps a channel that black text reads on at a contrast of 8:1
 * or more, that are light (L* ≥ 72) and not garish (C* ≤ 40), and that stand out from the white page and from
 * the grey of unattributed quotes (CIEDE2000 ≥ 18 and ≥ 12). From amber, each next colour is the candidate
 * farthest (CIEDE2000) from those already chosen, until the nearest pair would be closer than MIN_DELTA_E: so
 * the first k colours are as far apart as the greedy order makes them, and a story with few speakers gets the
 * most distinct ones. Each colour gets an "ink": the same hue, dark enough for underlines and labels on white.
 */
import { contrast, deltaE, hexToRgb, labToRgb, rgbToHex, rgbToLab } from '../tests/support/colour';

export const MIN_DELTA_E = 14;
const TEXT = hexToRgb('#1a1a1a');

function candidates(): string[] {
  const out: string[] = [];
  for (let r = 0; r <= 255; r += 15) {
    for (let g = 0; g <= 255; g += 15) {
      for (let b = 0; b <= 255; b += 15) {
        const rgb = [r, g, b] as const;
        const [l, a, bb] = rgbToLab(rgb);
        if (contrast(rgb, TEXT) < 8 || l < 72 || Math.hypot(a, bb) > 40) continue;
        const hex = rgbToHex(rgb);
        if (deltaE(hex, '#ffffff') >= 18 && deltaE(hex, '#e0e0e0') >= 12) out.push(hex);
      }
    }
  }
  return out;
}

function choose(from: string[]): string[] {
  const chosen = ['#ffd54f'];
  for (;;) {
    let best = '';
    let bestD = -1;
    for (const c of from) {
      const d = Math.min(...chosen.map((x) => deltaE(c, x)));
      if (d > bestD) [best, bestD] = [c, d];
    }
    if (bestD < MIN_DELTA_E) return chosen;
    chosen.push(best);
  }
}

/** The same hue at L* 38, its chroma reduced until it is inside sRGB. */
function ink(hex: string): string {
  const [, a, b] = rgbToLab(hexToRgb(hex));
  for (let k = 1.6; k > 0; k -= 0.05) {
    const rgb = labToRgb([38, a * k, b * k]);
    if (rgb.every((v) => v >= 0 && v <= 255)) return rgbToHex(rgb);
  }
  return rgbToHex(labToRgb([38, 0, 0]));
}

if (process.argv[1]?.endsWith('palette.ts')) {
  for (const c of choose(candidates())) console.log(`  { background: '${c}', ink: '${ink(c)}' },`);
}
