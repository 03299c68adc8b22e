/**
 * The demo page (`npm run demo` → demo/dist): built here, opened from disk in Debian's chromium, a story
 * pasted, and the report and the JSON checked against what the library gives in Node — the same result, the
 * same report, nothing fetched from the network.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PALETTE, renderHtmlPage } from '../src/cli/html';
import { extract } from '../src/index';
import { chromiumFor, countColour, decodePng, launch } from './support/browser';
import { hexToRgb } from './support/colour';

const CHROMIUM = chromiumFor('demo.test');
const DIST = resolve('demo/dist');
const FIXTURE = readFileSync(resolve('fixtures/article.txt'), 'utf8');

describe.skipIf(!CHROMIUM && !process.env.CI)('the demo page in chromium', () => {
  let browser: import('playwright-core').Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    if (!CHROMIUM) throw new Error('CI is set but no chromium executable was found (bash scripts/ensure-chromium.sh installs it)');
    const build = spawnSync(process.execPath, [resolve('node_modules/tsx/dist/cli.mjs'), 'scripts/build-demo.ts'], {
      encoding: 'utf8',
      timeout: 300_000,
    });
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);
    browser = await launch(CHROMIUM);
    page = await browser.newPage({ viewport: { width: 1200, height: 900 }, deviceScaleFactor: 1 });
    page.on('request', (r) => {
      if (!r.url().startsWith('file:') && !r.url().startsWith('blob:')) problems.push(`request ${r.url()}`);
    });
    page.on('pageerror', (e) => problems.push(`error ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.text()}`);
    });
    await page.goto(pathToFileURL(`${DIST}/index.html`).href);
  }, 360_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('is a static folder: a page, the browser bundle of quotewire and the page’s script', () => {
    for (const f of ['index.html', 'quotewire.js', 'app.js']) expect(existsSync(`${DIST}/${f}`), f).toBe(true);
    const html = readFileSync(`${DIST}/index.html`, 'utf8');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
    expect(statSync(`${DIST}/quotewire.js`).size).toBeGreaterThan(100_000); // the language model is in it
  });

  it('reads a pasted story: the report and the JSON are what the library gives in Node', { timeout: 120_000 }, async () => {
    expect(await page.textContent('#status')).toContain('Ready');
    await page.fill('#story', FIXTURE);
    await page.fill('#published', '2023-05-02');
    await page.click('#run');
    await page.waitForFunction(
      () => (globalThis as unknown as { document: { body: { className: string } } }).document.body.className === 'done',
      null,
      {
        timeout: 90_000,
      },
    );
    const expected = extract(FIXTURE, { publishedAt: '2023-05-02' });
    expect(await page.textContent('#status')).toMatch(
      new RegExp(`^${expected.quotes.length} quotes from \\d+ speakers, ${expected.claims.length} claims`),
    );

    const frame = page.frameLocator('#report');
    const srcdoc = await page.getAttribute('#report', 'srcdoc');
    expect(srcdoc).toBe(renderHtmlPage([{ text: FIXTURE, result: expected }]));
    expect(await frame.locator('mark.q').count()).toBe((srcdoc!.match(/<mark /g) ?? []).length);
    // the report's script runs in the frame: hover names the speaker, a click picks one out
    const first = frame.locator('mark.q[data-speaker]').first();
    const speaker = await first.getAttribute('data-speaker');
    await first.hover();
    const name = expected.speakers.find((s) => s.id === speaker)!.name;
    expect(await frame.locator('.qw-tip b').textContent()).toBe(name);
    await frame.locator(`.chip[data-speaker="${speaker}"]`).click();
    expect(await frame.locator('article.story').getAttribute('data-focus')).toBe(speaker);
    await frame.locator(`.chip[data-speaker="${speaker}"]`).click();

    const img = decodePng(await page.screenshot());
    const colour = (await first.getAttribute('data-colour'))!;
    expect(PALETTE.map((c) => c.background)).toContain(colour);
    expect(countColour(img, hexToRgb(colour)), 'the first quote’s colour is not on screen').toBeGreaterThan(1000);
    expect(countColour(img, hexToRgb('#1f4e79')), 'the page’s button is not on screen').toBeGreaterThan(100);

    await page.click('[role="tab"][data-tab="json"]');
    expect(await page.isVisible('#json')).toBe(true);
    expect(await page.isVisible('#report')).toBe(false);
    expect(JSON.parse((await page.textContent('#json')) ?? '')).toEqual(JSON.parse(JSON.stringify(expected)));
    await page.click('[role="tab"][data-tab="report"]');
    expect(await page.isVisible('#report')).toBe(true);
    expect(problems).toEqual([]);
  });

  it('loads the sample story, and says so when there is nothing to read', { timeout: 120_000 }, async () => {
    await page.fill('#story', '   ');
    await page.click('#run');
    await page.waitForFunction(
      () =>
        (globalThis as unknown as { document: { getElementById(id: string): { textContent: string } } }).document.getElementById('status')
          .textContent !== 'Reading…',
    );
    expect(await page.textContent('#status')).toBe('Paste a story first.');
    await page.click('#sample');
    await page.waitForFunction(
      () =>
        /quotes from/.test(
          (globalThis as unknown as { document: { getElementById(id: string): { textContent: string } } }).document.getElementById('status')
            .textContent,
        ),
      null,
      { timeout: 90_000 },
    );
    expect(await page.inputValue('#story')).toBe(FIXTURE);
    expect(problems).toEqual([]);
  });
});
