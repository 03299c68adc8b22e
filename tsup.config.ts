import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

// Two builds into dist/, run side by side:
//  - ESM: the library, plus the command line and its batch worker when they are present. One build, so that the
//    three share their chunks (the lexicons are in one file, not three).
//  - CommonJS: the library alone, for require(). The command line and the worker run as ESM only (the `bin` is
//    dist/cli.js; batch.ts starts dist/worker.js beside it), so no CommonJS copy of them is built or shipped.
const esmEntry: Record<string, string> = { index: 'src/index.ts' };
if (existsSync('src/cli/main.ts')) esmEntry.cli = 'src/cli/main.ts';
if (existsSync('src/cli/worker.ts')) esmEntry.worker = 'src/cli/worker.ts';

const shared: Options = {
  dts: { entry: { index: 'src/index.ts' } },
  sourcemap: false,
  target: 'node20',
  // the NLP models stay external: users get them as dependencies, and the bundle stays small
  external: ['wink-nlp', 'wink-eng-lite-web-model', 'compromise', 'piscina'],
};

export default defineConfig(() => {
  // tsup's own `clean` would race here (each build would clean the folder the other is writing to), so dist/ is
  // emptied once, before both start: no chunk of an earlier build is left behind to be packed.
  rmSync('dist', { recursive: true, force: true });
  return [
    {
      ...shared,
      entry: esmEntry,
      format: ['esm'],
      onSuccess: async () => {
        // The JSON Schema of the output ships as quotewire/schema.json, at the package's root so that the
        // subpath resolves even where `exports` is ignored (TypeScript's moduleResolution "node10").
        if (existsSync('src/export/schema.json')) copyFileSync('src/export/schema.json', 'schema.json');
      },
    },
    { ...shared, entry: { index: 'src/index.ts' }, format: ['cjs'] },
  ];
});
