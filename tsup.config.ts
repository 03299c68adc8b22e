import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { defineConfig } from 'tsup';

// The library, plus the command line and its worker when they are present.
const entry: Record<string, string> = { index: 'src/index.ts' };
if (existsSync('src/cli/main.ts')) entry.cli = 'src/cli/main.ts';
if (existsSync('src/cli/worker.ts')) entry.worker = 'src/cli/worker.ts';

export default defineConfig({
  entry,
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts' } },
  clean: true,
  sourcemap: false,
  target: 'node20',
  // the NLP models stay external: users get them as dependencies, and the bundle stays small
  external: ['wink-nlp', 'wink-eng-lite-web-model', 'compromise', 'piscina'],
  onSuccess: async () => {
    // the JSON Schema of the output ships as quotewire/schema.json
    if (existsSync('src/export/schema.json')) {
      mkdirSync('dist', { recursive: true });
      copyFileSync('src/export/schema.json', 'dist/schema.json');
    }
  },
});
