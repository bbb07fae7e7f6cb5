import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coverUrl, fileUrl, thumbnailUrl } from '../../src/server/files/urls.js';
import { addWorks, makeTestBox, work, type TestBox } from '../helpers/box.js';

// Every file URL a page prints is answered by both the fast path and the Hono routes.
describe('file URLs with odd names', () => {
  let box: TestBox;
  let base: string;
  const names = ["l'été à la plage #2 ?.txt", '100% bio.txt', 'ça là (1).txt', 'a&b=c.txt'];
  beforeAll(async () => {
    box = makeTestBox();
    addWorks(box.ctx, 'bizarre', [
      work('a.b-c_d', 'Noms bizarres', {
        files: names.map((name, i) => ({ name, content: `fichier ${i}`, mime: 'text/plain' })),
        cover: { name: 'c.png', content: 'PNG', mime: 'image/png' },
      }),
    ]);
    base = (await box.listen()).url;
  });
  afterAll(() => box.cleanup());

  it('the fast path and the Hono routes serve what fileUrl and coverUrl name', async () => {
    const urls = [
      ...names.flatMap((name, position) => [
        fileUrl('files', 'a.b-c_d', { position, name }),
        fileUrl('media', 'a.b-c_d', { position, name }),
      ]),
      coverUrl('a.b-c_d'),
    ];
    for (const url of urls) {
      const fast = await fetch(`${base}${url}`);
      const hono = await box.app.request(url);
      expect([url, fast.status, hono.status]).toEqual([url, 200, 200]);
      expect(await fast.text()).toBe(await hono.text());
    }
  });

  it('the portal and OPDS link to those URLs', async () => {
    const links = (body: string) =>
      [...body.matchAll(/(?:href|src)="(\/(?:files|media|covers)\/[^"]*)"/g)].map((m) =>
        (m[1] ?? '').replace(/&amp;/g, '&').replace(/&apos;|&#39;/g, "'"),
      );
    const downloads = names.map((name, position) =>
      fileUrl('files', 'a.b-c_d', { position, name }),
    );
    const page = await (await box.app.request('/fr/works/a.b-c_d')).text();
    expect(new Set(links(page))).toEqual(new Set([coverUrl('a.b-c_d'), ...downloads]));
    const opds = await (await box.app.request('/opds/new')).text();
    // OPDS also links the small thumbnail, made at import when the cover is a picture.
    const thumbnail = links(opds).includes(thumbnailUrl('a.b-c_d', 160))
      ? [thumbnailUrl('a.b-c_d', 160)]
      : [];
    expect(new Set(links(opds))).toEqual(
      new Set([coverUrl('a.b-c_d'), ...thumbnail, ...downloads]),
    );
  });
});
