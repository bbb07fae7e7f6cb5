import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/server.js';
import { makeTestBox, type TestBox } from '../helpers/box.js';
import { axeViolations, describeViolations, launchBrowser, newPage } from '../helpers/browser.js';
import { REAL, addBooks, realEpub, tinyEpub } from './books.js';

/** The chapter frame foliate-js shows (a `blob:` copy of the chapter). */
function chapterFrame(page: Page): Frame | undefined {
  return page.frames().find((f) => f.url().startsWith('blob:'));
}

async function chapterText(page: Page): Promise<string> {
  const frame = chapterFrame(page);
  if (!frame) return '';
  return frame.evaluate(() => document.body?.innerText ?? '').catch(() => '');
}

/** Waits for the reader to show the book (the fallback hidden, a chapter with text). */
async function opened(page: Page): Promise<void> {
  await page.waitForSelector('#reader.ready', { timeout: 30_000 });
  await expect.poll(() => chapterText(page), { timeout: 30_000 }).toMatch(/\w{3,}/);
}

describe('the EPUB reader in a real Chromium', () => {
  let box: TestBox;
  let server: RunningServer;
  let browser: Browser;
  let base: string;
  /** A server "elsewhere" (another origin): a book must never reach it. */
  let outside: Server;
  let outsideUrl: string;
  const outsideHits: string[] = [];

  beforeAll(async () => {
    outside = createServer((req, res) => {
      outsideHits.push(req.url ?? '');
      res.end('x');
    });
    await new Promise<void>((resolve) => outside.listen(0, '127.0.0.1', resolve));
    outsideUrl = `http://127.0.0.1:${(outside.address() as AddressInfo).port}`;
    const o = outsideUrl;
    const hostile = await tinyEpub(
      `<h1>Chapitre piégé</h1>
<p>Texte lisible malgré tout. <a id="dehors" href="https://exemple.org/ailleurs">un lien vers Internet</a></p>
<script>parent.document.body.dataset.pwned = 'inline'; document.title = 'pwned';</script>
<script src="evil.js"></script>
<script src="${o}/script.js"></script>
<img src="${o}/image.png" alt="" onerror="parent.document.body.dataset.pwned = 'onerror'"/>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="" onload="parent.document.body.dataset.pwned = 'onload'"/>
<iframe src="${o}/frame.html"></iframe>
<iframe src="/admin"></iframe>
<object data="${o}/object.swf"></object>
<link rel="stylesheet" href="${o}/style.css"/>
<div style="position: fixed; inset: 0; z-index: 2147483647; background: url(${o}/cover.png)">recouvre tout</div>
<form action="${o}/form" method="post"><input name="mot-de-passe" value="secret"/><button id="envoyer">Envoyer</button></form>`,
      [
        { name: 'OEBPS/evil.js', data: "parent.document.body.dataset.pwned = 'src';" },
        { name: 'OEBPS/style.css', data: `@import url("${o}/import.css"); body { color: red; }` },
      ],
      '<item id="css" href="style.css" media-type="text/css"/><item id="js" href="evil.js" media-type="application/javascript"/>',
    );
    box = makeTestBox();
    addBooks(box.ctx, {
      bierce: realEpub(REAL.bierce),
      wodehouse: realEpub(REAL.wodehouse),
      whitman: realEpub(REAL.whitman),
      hostile,
    });
    server = await box.listen();
    base = server.url;
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await box?.cleanup();
    await new Promise((resolve) => outside.close(resolve));
  });

  it.each([REAL.bierce, REAL.wodehouse, REAL.whitman].map((f) => [f.split('_')[0], f]))(
    'opens the real EPUB of %s on its first page of text',
    async (_who, file) => {
      const id = Object.entries(REAL).find(([, f]) => f === file)?.[0] ?? '';
      const page = await newPage(browser, { viewport: { width: 375, height: 740 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${base}/fr/works/${id}/lire/0`);
      await opened(page);
      expect((await chapterText(page)).length).toBeGreaterThan(200);
      expect(await page.locator('#fallback').isHidden()).toBe(true);
      expect(errors).toEqual([]);
      await page.context().close();
    },
    60_000,
  );

  it('goes to a chapter from the table of contents, turns pages and resumes after a reload', async () => {
    const page = await newPage(browser, { viewport: { width: 375, height: 740 } });
    await page.goto(`${base}/fr/works/wodehouse/lire/0`);
    await opened(page);
    await page.click('#toc-button');
    await page.getByRole('button', { name: 'IV: The Arrival' }).click();
    await expect.poll(() => page.textContent('#where')).toContain('IV: The Arrival');
    await expect.poll(() => chapterText(page)).toContain('The Arrival');
    expect(await page.locator('#toc').isHidden()).toBe(true);

    const place = () =>
      page.evaluate(() => localStorage.getItem('lanterne.lire.place:wodehouse/0'));
    const before = await place();
    expect(before).toMatch(/^epubcfi\(/);
    await page.click('#next');
    await page.click('#next');
    await expect.poll(place).not.toBe(before);
    const after = await place();
    const where = await page.textContent('#where');

    // The place is in this browser only: nothing in the URL, nothing sent.
    expect(page.url()).toBe(`${base}/fr/works/wodehouse/lire/0`);
    await page.reload();
    await opened(page);
    await expect.poll(() => page.textContent('#where')).toBe(where);
    expect(await place()).toBe(after);
    await page.context().close();
  }, 90_000);

  it('searches the book in the browser (the words never reach the box) and goes to a passage', async () => {
    const page = await newPage(browser, { viewport: { width: 375, height: 740 } });
    const asked: string[] = [];
    page.on('request', (r) => asked.push(`${r.url()} ${r.postData() ?? ''}`));
    await page.goto(`${base}/fr/works/wodehouse/lire/0`);
    await opened(page);
    await page.click('#toc-button');
    await page.fill('#search-q', 'Dies Irae');
    await page.click('#search button[type=submit]');
    await expect
      .poll(() => page.textContent('#search-status'), { timeout: 60_000 })
      .toMatch(/^\d+ passage\(s\) trouvé\(s\)/);
    expect(await page.locator('#toc-list').isHidden()).toBe(true);
    const first = page.locator('#search-results button').first();
    expect(await first.locator('mark').textContent()).toBe('Dies Irae');
    await first.click();
    expect(await page.locator('#toc').isHidden()).toBe(true);
    await expect.poll(() => chapterText(page)).toContain('Dies Irae');
    expect(asked.filter((a) => /dies/i.test(a))).toEqual([]);
    // An empty search gives the contents back.
    await page.click('#toc-button');
    await page.fill('#search-q', '');
    await page.click('#search button[type=submit]');
    expect(await page.locator('#toc-list').isVisible()).toBe(true);
    await page.context().close();
  }, 90_000);

  it('makes the text larger and switches to night colours, and keeps them', async () => {
    const page = await newPage(browser, { viewport: { width: 375, height: 740 } });
    await page.goto(`${base}/fr/works/bierce/lire/0`);
    await opened(page);
    const size = () =>
      chapterFrame(page)?.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    const start = (await size()) ?? 0;
    await page.click('#settings-button');
    await page.getByRole('button', { name: 'Texte plus grand' }).click();
    await page.getByRole('button', { name: 'Texte plus grand' }).click();
    await expect.poll(size).toBeGreaterThan(start * 1.15);
    expect(await page.textContent('#size-value')).toBe('120 %');
    await page.getByLabel('Nuit').check();
    await expect.poll(() => page.evaluate(() => document.body.dataset['theme'])).toBe('night');
    const bg = await chapterFrame(page)?.evaluate(
      () => getComputedStyle(document.body).backgroundColor,
    );
    expect(bg).toBe('rgb(21, 23, 26)');
    await page.reload();
    await opened(page);
    expect(await page.evaluate(() => document.body.dataset['theme'])).toBe('night');
    expect(await page.textContent('#size-value')).toBe('120 %');
    await page.context().close();
  }, 90_000);

  it('contains a hostile EPUB: no script runs, nothing leaves the box, the controls stay usable', async () => {
    const page = await newPage(browser, { viewport: { width: 375, height: 740 } });
    // Chromium reports the requests the page's CSP stops (they fail as blocked): only
    // one that got an answer, or failed otherwise, would have left the box.
    const leaving: string[] = [];
    const elsewhere = (url: string) => !url.startsWith(base) && !/^(blob|data):/.test(url);
    page.on('requestfinished', (r) => {
      if (elsewhere(r.url())) leaving.push(r.url());
    });
    page.on('requestfailed', (r) => {
      if (elsewhere(r.url()) && !/^csp$|BLOCKED_BY_CSP/i.test(r.failure()?.errorText ?? ''))
        leaving.push(`${r.url()} (${r.failure()?.errorText})`);
    });
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${base}/fr/works/hostile/lire/0`);
    await opened(page);
    expect(await chapterText(page)).toContain('Texte lisible malgré tout');
    await page.waitForTimeout(1000);
    const frame = chapterFrame(page);
    // The chapter frame may not run scripts at all (the build took allow-scripts away).
    // (foliate-js keeps the frame in a closed shadow root: reached through the frame.)
    expect(await (await frame!.frameElement()).getAttribute('sandbox')).toBe('allow-same-origin');
    expect(await page.evaluate(() => document.body.dataset['pwned'] ?? null)).toBeNull();
    expect(await page.title()).not.toBe('pwned');
    expect(await frame?.evaluate(() => document.title)).not.toBe('pwned');

    // The book's form cannot be sent; its full-screen block stays inside its frame.
    await frame?.dispatchEvent('#envoyer', 'click');
    await page.click('#settings-button');
    expect(await page.locator('#settings').isVisible()).toBe(true);
    await page.click('[data-close="settings"]');

    // A link to the Internet goes to the box's own warning page first.
    await chapterFrame(page)?.dispatchEvent('#dehors', 'click');
    await page.waitForURL(/\/fr\/quitter\?/);
    expect(await page.textContent('h1')).toBe('Vous quittez la boîte');
    expect(await page.textContent('.address')).toBe('https://exemple.org/ailleurs');
    expect(await page.getAttribute('a:has-text("Revenir au livre")', 'href')).toBe(
      '/fr/works/hostile/lire/0',
    );
    expect(outsideHits).toEqual([]);
    expect(leaving).toEqual([]);
    expect(dialogs).toEqual([]);
    await page.context().close();
  }, 90_000);

  it('without JavaScript, says why and offers the download', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(`${base}/fr/works/bierce/lire/0`);
    expect(await page.textContent('#fallback')).toContain('doit accepter JavaScript');
    const link = page.locator('#fallback a.download');
    expect(await link.getAttribute('href')).toBe(`/files/bierce/0/bierce.epub`);
    expect(await page.locator('.tools').isHidden()).toBe(true);
    await page.context().close();
  }, 30_000);

  it('has no axe violations: the reader with a panel open, the leave page', async () => {
    const page = await newPage(browser, { viewport: { width: 375, height: 740 } });
    await page.goto(`${base}/fr/works/whitman/lire/0`);
    await opened(page);
    let violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await page.click('#settings-button');
    violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await page.click('[data-close="settings"]');
    await page.click('#toc-button');
    violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await page.goto(`${base}/fr/quitter?vers=https%3A%2F%2Fexemple.org%2F&retour=%2F`);
    violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await page.context().close();
  }, 90_000);
});
