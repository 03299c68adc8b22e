/**
 * The README's two pictures, from the fixture story: docs/report.png (`quotewire --format html`, a quote
 * hovered) and docs/demo.png (the demo page after "Try the sample story"). Needs chromium and `npm run demo`
 * first: `npx tsx scripts/readme-screenshots.ts`.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { renderHtmlPage } from '../src/cli/html';
import { extract } from '../src/index';

const text = readFileSync('fixtures/article.txt', 'utf8');
const result = extract(text, { publishedAt: '2023-05-02' });
const dir = mkdtempSync(join(tmpdir(), 'quotewire-shots-'));
const report = join(dir, 'article.html');
writeFileSync(report, renderHtmlPage([{ text, result, name: 'article.txt' }]));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--force-color-profile=srgb'],
});
try {
  const page = await browser.newPage({ viewport: { width: 960, height: 640 }, deviceScaleFactor: 1 });
  await page.goto(pathToFileURL(report).href);
  await page.locator('mark.q').nth(1).hover();
  await page.screenshot({ path: 'docs/report.png' });

  const demo = await browser.newPage({ viewport: { width: 960, height: 720 }, deviceScaleFactor: 1 });
  await demo.goto(pathToFileURL(resolve('demo/dist/index.html')).href);
  await demo.click('#sample');
  await demo.waitForFunction(
    () => (globalThis as unknown as { document: { body: { className: string } } }).document.body.className === 'done',
  );
  await demo.screenshot({ path: 'docs/demo.png' });
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
for (const f of ['docs/report.png', 'docs/demo.png']) console.log(f, statSync(f).size, 'bytes');
