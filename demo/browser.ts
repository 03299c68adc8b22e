/**
 * The browser bundle of quotewire (`npm run demo` builds it as demo/dist/quotewire.js, a classic script that
 * defines `window.quotewire`): the library, with its language model, and the report renderer the command line
 * uses for `--format html`, so the demo page shows what `quotewire --format html` writes.
 */
export { createExtractor, extract } from '../src/index';
export { renderHtmlPage } from '../src/cli/html';
