/**
 * Run a script in a child Node process (by default through tsx, so it may import src/ directly; `nodeArgs` go
 * before the script) and resolve with the JSON of the one line it prints as `RESULT {json}`. A child still running
 * at `deadlineMs` is killed, and the promise rejects saying so: a synchronous extract() that hangs cannot be
 * stopped from its own thread, nor by vitest.
 */
import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function resultOfChild<T>(script: string, spec: object, deadlineMs: number, nodeArgs: string[] = ['--import', 'tsx']): Promise<T> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, script, JSON.stringify(spec)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, deadlineMs);
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const m = out.match(/RESULT (.*)/);
      if (killed)
        reject(
          new Error(
            `${script} did not finish within ${deadlineMs / 1000} s on ${JSON.stringify(spec)} (killed): a hang or a superlinear path`,
          ),
        );
      else if (!m)
        reject(
          new Error(
            `${script} failed (code ${code}, signal ${signal}) on ${JSON.stringify(spec)}:\n${err.trim().split('\n').slice(-12).join('\n')}`,
          ),
        );
      else resolvePromise(JSON.parse(m[1]) as T);
    });
  });
}
