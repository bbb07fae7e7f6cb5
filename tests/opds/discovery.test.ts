import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorks, makeTestBox, work, type TestBox } from '../helpers/box.js';
import { axeViolations, describeViolations, launchBrowser, newPage } from '../helpers/browser.js';

const LINK =
  /<link rel="related" type="(application\/atom\+xml;profile=opds-catalog[^"]*)" href="([^"]+)" title="([^"]+)"\/>/;
const DESCRIPTION = /<meta name="description" content="([^"]*)"\/>/;

describe('OPDS is discoverable from the portal', () => {
  let box: TestBox;
  let base: string;
  let browser: Browser | undefined;

  beforeAll(async () => {
    box = makeTestBox({ publicUrl: 'http://lanterne.lan' });
    box.ctx.settings.update({ libraryName: 'Médiathèque du Port', wifiName: 'Lanterne-Port' });
    addWorks(box.ctx, 'demo', [
      work('demo.foret', 'La Forêt', {
        description: 'Un conte « sylvestre » où les arbres parlent & se souviennent. '.repeat(5),
      }),
    ]);
    base = (await box.listen()).url.replace('localhost', '127.0.0.1');
  });
  afterAll(async () => {
    await browser?.close();
    await box.cleanup();
  });

  it.each(['/fr/', '/en/', '/browse', '/fr/works/demo.foret', '/about', '/fr/reading-apps'])(
    '%s has the autodiscovery link, which leads to the catalogue, and a meta description',
    async (path) => {
      const html = await (await fetch(base + path)).text();
      const link = LINK.exec(html);
      expect(link, path).not.toBeNull();
      const feed = await fetch(new URL(link![2]!, base + path));
      expect(feed.status).toBe(200);
      expect(feed.headers.get('content-type')).toContain(link![1]);
      expect(await feed.text()).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
      const description = (DESCRIPTION.exec(html)?.[1] ?? '').replace(/&amp;/g, '&');
      expect(description.length, path).toBeGreaterThan(40);
      expect(description.length, path).toBeLessThanOrEqual(160);
    },
  );

  it('describes a work by its own text, cut at a word, and other pages by the box', async () => {
    const work = await (await fetch(`${base}/fr/works/demo.foret`)).text();
    const text = DESCRIPTION.exec(work)?.[1] ?? '';
    expect(
      text.startsWith('Un conte « sylvestre » où les arbres parlent &amp; se souviennent.'),
    ).toBe(true);
    expect(text.endsWith('…')).toBe(true);
    const home = await (await fetch(`${base}/fr/`)).text();
    expect(DESCRIPTION.exec(home)?.[1]).toContain('Médiathèque du Port : des livres');
    const en = await (await fetch(`${base}/en/`)).text();
    expect(DESCRIPTION.exec(en)?.[1]).toContain('Médiathèque du Port: free books');
  });

  it('explains how to add the catalogue, with its address and a QR code, linked from every page', async () => {
    const home = await (await fetch(`${base}/fr/`)).text();
    expect(home).toContain('<a href="/fr/reading-apps">Liseuses et applications</a>');
    const res = await fetch(`${base}/fr/reading-apps`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h1>Lire sur une liseuse ou une application</h1>');
    expect(html).toContain('<dd class="url">http://lanterne.lan/opds</dd>');
    // The address the visitor used works even when the name does not.
    expect(html).toContain(`<dd class="url">${base}/opds</dd>`);
    expect(html).toMatch(
      /role="img" aria-label="Code QR de l’adresse du catalogue : http:\/\/lanterne\.lan\/opds"><svg width="180"/,
    );
    for (const app of ['KOReader', 'Thorium Reader', 'Android', 'iPhone', 'Apple Livres'])
      expect(html, app).toContain(app);
    expect(html).toContain('« Lanterne-Port »');
    const en = await (await fetch(`${base}/en/reading-apps`)).text();
    expect(en).toContain('<h1>Read on an e-reader or in an app</h1>');
  });

  it('is accessible (axe, Chromium), in French and English', async () => {
    browser = await launchBrowser();
    for (const path of ['/fr/reading-apps', '/en/reading-apps']) {
      const page = await newPage(browser);
      try {
        await page.goto(base + path);
        const violations = await axeViolations(page);
        expect(violations, describeViolations(violations)).toEqual([]);
        if (process.env['SCREENSHOT_DIR'] && path.startsWith('/fr'))
          await page.screenshot({
            path: `${process.env['SCREENSHOT_DIR']}/reading-apps.png`,
            fullPage: true,
          });
      } finally {
        await page.context().close();
      }
    }
  });
});
