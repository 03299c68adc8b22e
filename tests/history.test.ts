/**
 * A story reads the same whatever the process read before (issue 8 §2).
 *
 * wink learns from every text: words, and the shapes, prefixes and suffixes it numbers for them in packed fields
 * of fixed width. Each property run reads a long random history — tens of thousands of texts in many scripts,
 * arbitrary Unicode, lone surrogates, odd white space — in a child process, then probe stories; another child
 * reads the same probes, each with a fresh wink instance. The results must be identical, JSON for JSON.
 */
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CHILD = join(ROOT, 'tests', 'support', 'history-child.ts');
const HISTORY = Math.round(20_000 * (Number(process.env.QW_FUZZ_RUNS ?? 1) || 1));

function readInChild(spec: object): Promise<string[]> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, JSON.stringify(spec)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('close', (code) => {
      const m = out.match(/RESULT (.*)/);
      if (!m) reject(new Error(`history child failed (code ${code}) on ${JSON.stringify(spec)}:\n${err.slice(-2000)}`));
      else resolvePromise(JSON.parse(m[1]) as string[]);
    });
  });
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
