import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPack, withPackLock } from '../../../src/server/packs/import.js';
import { generateSigningKey } from '../../../src/server/packs/trust/signature.js';
import { usbService, type UsbService } from '../../../src/server/packs/watch/service.js';
import { StickWatcher } from '../../../src/server/packs/watch/watcher.js';
import { setUpAdmin } from '../../admin/http.js';
import { makeTestBox, type TestBox } from '../../helpers/box.js';
import {
  axeViolations,
  describeViolations,
  launchBrowser,
  newPage,
} from '../../helpers/browser.js';
import { zipFolder } from '../fixtures/packs.js';
import { REAL_EPUBS } from '../tool/fixtures.js';
import { plugStick, until, waitForEntry, writePack } from './helpers.js';

let box: TestBox;
let url: string;
let browser: Browser;
let page: Page;
let service: UsbService;
let watcher: StickWatcher;

async function expectClean(label: string): Promise<void> {
  for (const viewport of [
    { width: 1280, height: 900 },
    { width: 360, height: 740 },
  ]) {
    await page.setViewportSize(viewport);
    const violations = await axeViolations(page);
    expect(
      violations,
      `${label} at ${viewport.width}px\n${describeViolations(violations)}`,
    ).toEqual([]);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

beforeAll(async () => {
  box = makeTestBox();
  url = (await box.listen()).url;
  service = usbService(box.ctx);
  watcher = new StickWatcher(box.ctx.config.mediaDir, service, () => undefined, 50);
  await watcher.start();
  const { cookie } = await setUpAdmin(box, url);
  const [name = '', value = ''] = cookie.split('=');
  browser = await launchBrowser();
  page = await newPage(browser);
  await page.context().addCookies([{ name, value, url }]);
});

afterAll(async () => {
  await browser?.close();
  await watcher?.stop();
  await service?.idle();
  await box?.cleanup();
});

describe('/admin/packs in Chromium', () => {
  it('refuses anonymous visitors', async () => {
    const res = await fetch(`${url}/admin/packs`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const post = await fetch(`${url}/admin/packs/keys/add`, {
      method: 'POST',
      redirect: 'manual',
      body: new URLSearchParams({ name: 'x', key: 'y' }),
    });
    expect([302, 401, 403]).toContain(post.status);
    expect(service.trust.list()).toEqual([]);
  });

  it('shows a waiting pack with title, count, size, licences and signature; approving imports it', async () => {
    plugStick(box.ctx.config.mediaDir, 'CLE-CONTES', (root) =>
      writePack(root, {
        id: 'contes',
        title: 'Contes <b>du</b> monde',
        sizes: [1500, 2500],
        licence: 'CC-BY-SA-4.0',
      }),
    );
    await waitForEntry(service.queue, (e) => e.state === 'waiting');
    await page.goto(`${url}/admin/packs`);
    const card = page.locator('#pack-queue li').first();
    await expect(card.textContent()).resolves.toContain('Contes <b>du</b> monde (contes 1.0.0)');
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('En attente de votre accord');
    expect(text).toContain('2 œuvre(s)');
    expect(text).toContain('CC-BY-SA-4.0');
    expect(text).toContain('non signé');
    expect(text).toContain('CLE-CONTES');
    await expectClean('/admin/packs with a waiting pack');
    await page
      .getByRole('button', { name: 'Approuver et importer « Contes <b>du</b> monde »' })
      .click();
    await expect(page.getByRole('status').first().textContent()).resolves.toContain(
      "l'import commence",
    );
    await waitForEntry(service.queue, (e) => e.state === 'imported');
    await page.goto(`${url}/admin/packs`);
    await expect(page.locator('#pack-queue li').first().textContent()).resolves.toContain(
      'Importé',
    );
    await expect(
      page.getByRole('region', { name: 'Packs installés', exact: true }).textContent(),
    ).resolves.toContain('Contes <b>du</b> monde');
  });

  it('says in French what is wrong with a damaged pack, which file, and what to do', async () => {
    plugStick(box.ctx.config.mediaDir, 'CLE-ABIMEE', (root) => {
      writePack(root, { id: 'abime', sizes: [300] });
      writeFileSync(path.join(root, 'livres', 'oeuvre-1.txt'), Buffer.alloc(299, 'x'));
    });
    await waitForEntry(
      service.queue,
      (e) => e.summary?.id === 'abime' || (e.stickLabel === 'CLE-ABIMEE' && e.state === 'rejected'),
    );
    await service.idle();
    await page.goto(`${url}/admin/packs`);
    const card = page.locator('#pack-queue li', { hasText: 'CLE-ABIMEE' });
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('Refusé par les contrôles');
    expect(text).toContain('livres/oeuvre-1.txt');
    expect(text).toContain('que faire');
    await expectClean('/admin/packs with a rejected pack');
  });

  it('adds a trusted key (and refuses a malformed one)', async () => {
    await page.goto(`${url}/admin/packs`);
    await page.getByLabel('Nom de la clé (qui signe ces packs)').fill('Réseau');
    await page.getByLabel('Clé publique').fill('pas une clé');
    await page.getByRole('button', { name: 'Ajouter la clé' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain("n'est pas valable");
    const key = generateSigningKey().publicKey;
    await page.getByLabel('Nom de la clé (qui signe ces packs)').fill('Réseau des médiathèques');
    await page.getByLabel('Clé publique').fill(key);
    await page.getByRole('button', { name: 'Ajouter la clé' }).click();
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('Clé ajoutée');
    expect(service.trust.list().map((k) => k.name)).toEqual(['Réseau des médiathèques']);
  });

  it('lets the animateur sort the files of a stick without a pack into the local pack', async () => {
    const stick = plugStick(box.ctx.config.mediaDir, 'VRAC', (root) => {
      copyFileSync(
        path.join(REAL_EPUBS, 'ambrose-bierce_the-devils-dictionary.epub'),
        path.join(root, 'bierce.epub'),
      );
      writeFileSync(path.join(root, 'affiche.png'), Buffer.from('89504e470d0a1a0a', 'hex'));
    });
    await until(() => service.sorting.get(stick)?.state === 'ready');
    await page.goto(`${url}/admin/packs`);
    await expectClean('/admin/packs with files to sort');
    await page.getByLabel('Publier bierce.epub').check();
    await page.getByLabel('Licence de bierce.epub').selectOption('public-domain');
    await page
      .getByRole('button', { name: 'Publier les fichiers cochés dans le fonds local' })
      .click();
    await expect(page.getByRole('status').first().textContent()).resolves.toContain(
      'Publication lancée',
    );
    await until(() => service.sorting.get(stick)?.state === 'published');
    const local = box.ctx.catalogue.repo.getPack('pack-local');
    expect(local?.workCount).toBe(1);
    expect(box.ctx.catalogue.find({ q: 'Devil' } as never).items.map((w) => w.title)).toContain(
      'The Devil’s Dictionary',
    );
  });

  it('exports an installed pack to a stick, and another box imports the export', async () => {
    await page.goto(`${url}/admin/packs`);
    await page
      .getByLabel('Exporter « Contes <b>du</b> monde » vers')
      .selectOption({ label: 'VRAC' });
    await page.getByRole('button', { name: 'Exporter' }).first().click();
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('Pack exporté');
    const exported = path.join(box.ctx.config.mediaDir, 'VRAC', 'contes-1.0.0');
    expect(existsSync(path.join(exported, 'lanterne-pack.json'))).toBe(true);
    const other = makeTestBox();
    try {
      const outcome = await importPack(other.ctx, {
        kind: 'folder',
        path: exported,
        origin: 'usb',
      });
      expect(outcome).toMatchObject({ status: 'imported', packId: 'contes', version: '1.0.0' });
      expect(other.ctx.catalogue.repo.getPack('contes')?.workCount).toBe(2);
    } finally {
      await other.cleanup();
    }
  });

  it('follows an import live on the page (a small script refreshes the list while it runs)', async () => {
    let release = () => undefined as void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // Another pack operation holds the box: the approved pack waits its turn, visibly.
    const busy = withPackLock(box.ctx, () => gate);
    plugStick(box.ctx.config.mediaDir, 'CLE-LIVE', (root) =>
      writePack(root, { id: 'direct', title: 'En direct' }),
    );
    const entry = await waitForEntry(
      service.queue,
      (e) => e.summary?.id === 'direct' && e.state === 'waiting',
    );
    service.approve(entry.key);
    await waitForEntry(service.queue, (e) => e.key === entry.key && e.state === 'queued');
    await page.goto(`${url}/admin/packs`);
    const live = page.locator('#pack-queue');
    await expect(live.getAttribute('data-active')).resolves.toBe('1');
    const card = live.locator('li', { hasText: 'En direct' });
    await expect(card.textContent()).resolves.toContain("En file d'attente");
    await page.evaluate(() => {
      (window as unknown as { stillHere: boolean }).stillHere = true;
    });
    release();
    await busy;
    await card.getByText('Importé', { exact: true }).waitFor();
    // Same document: the list changed without a reload.
    await expect(
      page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere),
    ).resolves.toBe(true);
    await expect(live.getAttribute('data-active')).resolves.toBe('0');
  });

  it('removes an installed pack after a confirmation page', async () => {
    await page.goto(`${url}/admin/packs`);
    await page.getByRole('link', { name: 'Retirer « Contes <b>du</b> monde »…' }).click();
    await expectClean('remove confirmation');
    await page.getByRole('button', { name: 'Oui, retirer « Contes <b>du</b> monde »' }).click();
    await expect(page.getByRole('status').first().textContent()).resolves.toContain(
      'Le pack a été retiré',
    );
    expect(box.ctx.catalogue.repo.getPack('contes')).toBeUndefined();
    expect(box.ctx.catalogue.repo.getPack('pack-local')).toBeDefined();
  });
});

describe('sending a pack from the page', () => {
  it('uploads with a progress bar (JavaScript) and without JavaScript, through the same queue', async () => {
    const zipFile = path.join(box.dir, 'envoi.zip');
    const dir = path.join(box.dir, 'envoi');
    writePack(dir, { id: 'envoi', title: 'Pack envoyé', sizes: [300_000, 200_000] });
    writeFileSync(zipFile, zipFolder(dir));
    await page.goto(`${url}/admin/packs`);
    const form = page.getByRole('region', { name: 'Envoyer un pack depuis cet ordinateur' });
    await expectClean('/admin/packs with the upload form');
    // With JavaScript a refusal shows in the form's status line, without leaving the page.
    const notZip = path.join(box.dir, 'notes.zip');
    writeFileSync(notZip, 'ceci est un texte');
    await form.getByLabel(/Fichier du pack/).setInputFiles(notZip);
    await form.getByRole('button', { name: 'Envoyer le pack' }).click();
    await form
      .locator('#upload-status')
      .filter({ hasText: 'n’est pas une archive .zip' })
      .waitFor();
    await page.screenshot({ path: '/tmp/packs-upload-refused.png', fullPage: true });
    await form.getByLabel(/Fichier du pack/).setInputFiles(zipFile);
    const sent = page.waitForRequest(
      (r) => r.url().includes('/admin/packs/upload') && r.resourceType() === 'xhr',
    );
    await form.getByRole('button', { name: 'Envoyer le pack' }).click();
    await sent; // sent by the script (progress bar), not by a plain form post
    await page.waitForURL(/msg=uploaded/);
    await expect(page.locator('.flash').textContent()).resolves.toContain('Pack reçu');
    const entry = await waitForEntry(
      service.queue,
      (e) => e.summary?.id === 'envoi' && e.state === 'waiting',
    );
    expect(entry.source.origin).toBe('upload');
    await page.goto(`${url}/admin/packs`);
    await expect(page.locator('#pack-queue').textContent()).resolves.toContain(
      'Envoyé depuis un ordinateur (envoi.zip)',
    );
    await page.screenshot({ path: '/tmp/packs-upload.png', fullPage: true });

    // The same form with JavaScript off: a plain multipart post, and a French refusal.
    const plain = await newPage(browser, { javaScriptEnabled: false });
    await plain.context().addCookies(await page.context().cookies());
    await plain.goto(`${url}/admin/packs`);
    await plain.getByLabel(/Fichier du pack/).setInputFiles(notZip);
    await plain.getByRole('button', { name: 'Envoyer le pack' }).click();
    await expect(plain.getByRole('alert').textContent()).resolves.toContain(
      'n’est pas une archive .zip',
    );
    await plain.getByLabel(/Fichier du pack/).setInputFiles(zipFile);
    await plain.getByRole('button', { name: 'Envoyer le pack' }).click();
    await plain.waitForURL(/msg=uploaded/);
    await plain.context().close();
  });
});
