/**
 * A story reads the same whatever the process read before (issue 8 §2).
 *
 * wink learns from every text: words, and the shapes, prefixes and suffixes it numbers for them in packed fields
 * of fixed width. Each property run reads a long random history — tens of thousands of texts in many scripts,
 * arbitrary Unicode, lone surrogates, odd white space — in a child process, then probe stories; another child
 * reads the same probes, each with a fresh wink instance. The results must be identical, JSON for JSON.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROOT, resultOfChild } from './support/child';

const CHILD = join(ROOT, 'tests', 'support', 'history-child.ts');
const HISTORY = Math.round(20_000 * (Number(process.env.QW_FUZZ_RUNS ?? 1) || 1));

function readInChild(spec: object): Promise<string[]> {
  return resultOfChild<string[]>(CHILD, spec, 240_000);
}

describe('reading without history', () => {
  it(`probe stories read after ${HISTORY.toLocaleString('en')} random texts read as in a fresh process`, async () => {
    // two histories (seeds drawn by fast-check, so a failure names its seed); each one alone is a whole run
    const seeds = fc.sample(fc.integer({ min: 1, max: 2 ** 31 - 1 }), { seed: Number(process.env.QW_FUZZ_SEED ?? 8), numRuns: 2 });
    for (const seed of seeds) {
      const [afterHistory, fresh] = await Promise.all([
        readInChild({ seed, history: HISTORY }),
        readInChild({ seed, history: 0, fresh: true }),
      ]);
      expect(afterHistory.length).toBe(fresh.length);
      for (let i = 0; i < fresh.length; i++) {
        expect(JSON.parse(afterHistory[i]), `probe ${i} after the history of seed ${seed}`).toEqual(JSON.parse(fresh[i]));
      }
    }
  }, 300_000);
});
