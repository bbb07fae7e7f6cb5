import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MANIFEST_FILE, manifestSchema } from '../../src/server/packs/manifest.js';
import { loadBundledPack } from '../../src/server/packs/starter.js';
import type { RunningServer } from '../../src/server/server.js';
import { makeTestBox, type TestBox } from '../helpers/box.js';

const CONTENT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../content');
const manifest = manifestSchema.parse(
  JSON.parse(readFileSync(path.join(CONTENT, MANIFEST_FILE), 'utf8')),
);
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** A first start: the real bundled pack, loaded the way main.ts loads it, then the portal. */
describe('first start with the bundled demo pack', () => {
  let box: TestBox;
  let server: RunningServer;

  beforeAll(async () => {
    box = makeTestBox({ contentDir: CONTENT });
    const outcome = await loadBundledPack(box.ctx);
    expect(outcome).toMatchObject({
      status: 'imported',
      packId: 'lanterne-demo',
      version: manifest.version,
    });
    server = await box.listen();
  });

  afterAll(async () => {
    await box?.cleanup();
  });

  it('shows our works on the portal home page', async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const shown = manifest.items.filter(
      (i) => html.includes(i.title.replace(/'/g, '&#39;')) || html.includes(i.title),
    );
    expect(shown.length, 'titres sur l’accueil').toBeGreaterThanOrEqual(4);
  });

  it('serves every work page, cover and file, byte for byte', async () => {
    for (const item of manifest.items) {
      const id = `${manifest.id}.${item.id}`;
      const page = await fetch(`${server.url}/works/${id}`);
      expect(page.status, id).toBe(200);
      const html = await page.text();
      const links = [...html.matchAll(/href="(\/files\/[^"]+)"/g)].map((m) => m[1] ?? '');
      expect(links.length, `${id}: lien de téléchargement`).toBe(item.files.length);
      for (const [i, link] of links.entries()) {
        const res = await fetch(`${server.url}${link.replace(/&amp;/g, '&')}`);
        expect(res.status, link).toBe(200);
        expect(sha256(Buffer.from(await res.arrayBuffer())), link).toBe(item.files[i]?.sha256);
      }
      const cover = await fetch(`${server.url}/covers/${id}`);
      expect(cover.status, `${id}: couverture`).toBe(200);
      expect(sha256(Buffer.from(await cover.arrayBuffer()))).toBe(item.cover?.sha256);
    }
  });

  it('finds the tale by a word of its text summary', async () => {
    const res = await fetch(`${server.url}/search?q=${encodeURIComponent('hérisson')}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Le Hérisson et la Lanterne');
  });

  it('leaves the catalogue alone on the next start', async () => {
    expect(await loadBundledPack(box.ctx)).toMatchObject({
      status: 'unchanged',
      packId: 'lanterne-demo',
    });
  });
});
