/**
 * Crafted tokens cost what ordinary text costs (issue 8 §1). Each crafted input of tests/support/inputs.ts — the URL
 * shapes that made the model's regex exponential, white space wink does not split on, and stories full of the
 * shapes recheck finds quadratic — is timed against an ordinary story of the same length, in one child process,
 * rounds interleaved. The target is 3× (`npm run bench` reports the ratios: 0.3–2.3× when written, and 2.2–4.0×
 * for the story of one-character tokens, whose regex-free control costs the same: that cost is wink's per token,
 * not backtracking); the test fails at twice the target, so a noisy machine does not fail it while a blow-up (a
 * second for 69 characters before) does.
 * No wall-clock limit: only ratios measured in the same process.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crafted } from './support/inputs';
import { ROOT, resultOfChild } from './support/child';

const RUNNER = join(ROOT, 'bench', 'crafted.mjs');
const TARGET = 3;
const MARGIN = 2;
/** A hang is killed here; the ratio, not this, is what the test asserts. */
const DEADLINE = 240_000;

function ratios(names: string[]): Promise<Record<string, number>> {
  return resultOfChild<Record<string, number>>(RUNNER, { lib: 'src', names, rounds: 5 }, DEADLINE);
}

describe('crafted tokens', () => {
  it(
    `each crafted input takes under ${TARGET}× (test margin ×${MARGIN}) an ordinary story of its length`,
    async () => {
      const names = Object.keys(crafted);
      expect(names.length).toBeGreaterThanOrEqual(10);
      const r = await ratios(names);
      const slow = Object.entries(r)
        .filter(([, x]) => !(x < TARGET * MARGIN))
        .map(([k, x]) => `${k}: ${x.toFixed(2)}×`);
      expect(slow).toEqual([]);
    },
    DEADLINE + 10_000,
  );
});
