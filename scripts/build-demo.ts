/**
 * `npm run demo`: builds demo/dist, a static folder anyone can host or open from disk: index.html, the browser
 * bundle of quotewire (quotewire.js, which defines `window.quotewire`) and the page's script (app.js).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build, type Options } from 'tsup';
import { REPORT_SCRIPT_HASH } from '../src/cli/html-script';

const OUT = 'demo/dist';

/** The page may run its own two scripts and, in the report's frame, the report's script; it loads nothing else. */
const CSP = `default-src 'none'; script-src 'self' ${REPORT_SCRIPT_HASH}; style-src 'unsafe-inline'; frame-src 'self'; img-src 'self' data:`;

const common: Options = {
  format: ['iife'],
  platform: 'browser',
  target: 'es2020',
  minify: true,
  outDir: OUT,
  noExternal: [/.*/],
  silent: true,
  config: false,
  outExtension: () => ({ js: '.js' }),
};

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
await build({ ...common, entry: { quotewire: 'demo/browser.ts' }, globalName: 'quotewire' });
await build({ ...common, entry: { app: 'demo/app.ts' }, loader: { '.txt': 'text' } });
const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const page = readFileSync('demo/index.html', 'utf8').replace('%CSP%', CSP).replace('%VERSION%', version);
writeFileSync(`${OUT}/index.html`, page);
console.log(`demo built in ${OUT}/: open ${OUT}/index.html`);
