import { XMLParser } from 'fast-xml-parser';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPack } from '../../src/server/packs/import.js';
import { makeTestBox, type TestBox } from '../helpers/box.js';
import { rawRequest } from '../helpers/http.js';
import { writePack } from '../packs/fixtures/packs.js';

/** A cover as packs have them: 600×800, with enough detail to weigh what real ones do. */
async function cover(format: 'png' | 'jpeg', seed: number): Promise<Buffer> {
  const width = 600;
  const height = 800;
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      pixels[i] = (x * 7 + seed * 31) % 256;
      pixels[i + 1] = (y * 3 + ((x * y) >> 6)) % 256;
      pixels[i + 2] = ((x ^ y) * seed) % 256;
    }
  }
  const image = sharp(pixels, { raw: { width, height, channels: 3 } });
  return format === 'png' ? image.png().toBuffer() : image.jpeg({ quality: 90 }).toBuffer();
}

const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="60" height="80"><rect width="60" height="80" fill="#123"/></svg>';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['entry', 'link'].includes(name),
});
interface Link {
  '@rel': string;
  '@href': string;
  '@type': string;
}
interface Feed {
  feed: { link: Link[]; entry?: Array<{ title: string; link: Link[] }> };
}

describe('thumbnails made at import, in OPDS and on the portal', () => {
  let box: TestBox;
  let src: string;
  let port: number;
  const get = (p: string, headers: Record<string, string> = {}) =>
    rawRequest({ hostname: '127.0.0.1', port, path: p, headers, timeoutMs: 10_000 });

  beforeAll(async () => {
    box = makeTestBox();
    src = mkdtempSync(path.join(tmpdir(), 'lanterne-thumbs-'));
    writePack(path.join(src, 'p'), {
      id: 'vignettes',
      items: [
        {
          id: 'png',
          title: 'Couverture PNG',
          files: [{ path: 'livres/png.epub', content: 'epub' }],
          cover: { path: 'couv/png.png', content: await cover('png', 3) },
        },
        {
          id: 'jpeg',
          title: 'Couverture JPEG',
          files: [{ path: 'livres/jpeg.epub', content: 'epub' }],
          cover: { path: 'couv/jpeg.jpg', content: await cover('jpeg', 5) },
        },
        {
          id: 'svg',
          title: 'Couverture SVG',
          files: [{ path: 'livres/svg.epub', content: 'epub' }],
          cover: { path: 'couv/svg.svg', content: SVG },
        },
        {
          id: 'casse',
          title: 'Couverture abîmée',
          files: [{ path: 'livres/casse.epub', content: 'epub' }],
          cover: { path: 'couv/casse.png', content: 'pas une image' },
        },
      ],
    });
    const outcome = await importPack(box.ctx, {
      kind: 'folder',
      path: path.join(src, 'p'),
      origin: 'usb',
    });
    expect(outcome.status).toBe('imported');
    port = (await box.listen()).port;
  });
  afterAll(async () => {
    await box.cleanup();
    rmSync(src, { recursive: true, force: true });
  });

  it('links each OPDS entry to a small JPEG thumbnail of the right size, and the full cover', async () => {
    const feed = (parser.parse((await get('/opds/new')).body.toString('utf8')) as Feed).feed;
    const entries = feed.entry ?? [];
    expect(entries).toHaveLength(4);
    for (const title of ['Couverture PNG', 'Couverture JPEG']) {
      const entry = entries.find((e) => e.title === title)!;
      const thumb = entry.link.find((l) => l['@rel'] === 'http://opds-spec.org/image/thumbnail')!;
      const image = entry.link.find((l) => l['@rel'] === 'http://opds-spec.org/image')!;
      expect(thumb['@href'], title).not.toBe(image['@href']);
      expect(thumb['@type'], title).toBe('image/jpeg');
      const small = await get(thumb['@href']);
      const full = await get(image['@href']);
      expect(small.status, title).toBe(200);
      expect(small.headers['content-type'], title).toBe('image/jpeg');
      expect(small.headers['content-encoding'], title).toBeUndefined();
      const meta = await sharp(small.body).metadata();
      expect([meta.format, meta.width, meta.height], title).toEqual(['jpeg', 160, 213]);
      expect((await sharp(full.body).metadata()).width, title).toBe(600);
      // Real thumbnails: a few kilobytes, a small share of the full cover.
      expect(small.body.length, title).toBeLessThan(20_000);
      expect(small.body.length, title).toBeLessThan(full.body.length / 4);
      expect(Number(small.headers['content-length']), title).toBe(small.body.length);
    }
    // Hono's own route (in-process requests) answers as the fast path does.
    const inProcess = await box.app.request('/covers/vignettes.png/160');
    expect(inProcess.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await inProcess.arrayBuffer()).length).toBeLessThan(20_000);
    // The larger thumbnail, for high-density screens.
    const medium = await get('/covers/vignettes.png/320');
    expect((await sharp(medium.body).metadata()).width).toBe(320);
  });

  it('serves the full cover where no thumbnail could be made (SVG, broken image)', async () => {
    const svg = await get('/covers/vignettes.svg/160');
    expect(svg.status).toBe(200);
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    const feed = (parser.parse((await get('/opds/new')).body.toString('utf8')) as Feed).feed;
    const entry = feed.entry!.find((e) => e.title === 'Couverture SVG')!;
    const thumb = entry.link.find((l) => l['@rel'] === 'http://opds-spec.org/image/thumbnail')!;
    expect(thumb['@href']).toBe('/covers/vignettes.svg');
    const broken = await get('/covers/vignettes.casse/160');
    expect(broken.status).toBe(200);
    expect(broken.body.toString('utf8')).toBe('pas une image');
    expect((await get('/covers/vignettes.png/999')).status).toBe(404);
    expect((await get('/covers/vignettes.png/abc')).status).toBe(404);
  });

  it('gives portal covers a srcset of thumbnails that all resolve', async () => {
    const home = (await get('/fr/')).body.toString('utf8');
    const srcset = /<img src="\/covers\/vignettes\.png" srcset="([^"]+)"/.exec(home)?.[1];
    expect(srcset).toBe(
      '/covers/vignettes.png/160 160w, /covers/vignettes.png/320 320w, /covers/vignettes.png 600w',
    );
    for (const candidate of srcset!.split(', ')) {
      const [url, w] = candidate.split(' ');
      const res = await get(url!);
      expect(res.status, url).toBe(200);
      expect((await sharp(res.body).metadata()).width, url).toBe(Number(w!.slice(0, -1)));
    }
    const work = (await get('/fr/works/vignettes.png')).body.toString('utf8');
    expect(work).toContain('srcset="/covers/vignettes.png/160 160w');
  });
});
