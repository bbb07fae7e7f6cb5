import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssetStore } from '../../src/server/ui/assets.js';
import { makeTestBox, type TestBox } from '../helpers/box.js';

describe('one static-asset server, content-hashed URLs', () => {
  let box: TestBox;
  beforeAll(() => {
    box = makeTestBox();
  });
  afterAll(() => box.cleanup());

  it('pages link hashed URLs, answered as immutable, with 304 on If-None-Match', async () => {
    const html = await (await box.app.request('/fr/')).text();
    const admin = await (await box.app.request('/admin/setup')).text();
    const links = [
      ...html.matchAll(/(?:href|src)="(\/static\/[^"]+)"/g),
      ...admin.matchAll(/(?:href|src)="(\/static\/[^"]+)"/g),
    ].map((m) => m[1] ?? '');
    for (const name of ['portal.css', 'portal.js', 'favicon.svg', 'admin.css', 'admin.js'])
      expect(links).toContain(box.ctx.assets.url(name));
    expect(links.length).toBeGreaterThanOrEqual(5);
    for (const url of new Set(links)) {
      expect(url, url).toMatch(/\.[0-9a-f]{10}\.[a-z0-9]+$/);
      const res = await box.app.request(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('cache-control'), url).toBe('public, max-age=31536000, immutable');
      const etag = res.headers.get('etag') ?? '';
      expect(etag, url).toMatch(/^"[0-9a-f]{10}"$/);
      const again = await box.app.request(url, { headers: { 'if-none-match': etag } });
      expect(again.status, url).toBe(304);
      expect(await again.text()).toBe('');
    }
  });

  it('an old or plain address gets the current file, revalidated every time', async () => {
    const current = await box.app.request(box.ctx.assets.url('portal.css'));
    const body = await current.text();
    for (const url of [
      '/static/portal.css',
      '/static/portal.0123456789.css',
      '/admin/static/admin.css',
      '/notice-assets/notices.css',
    ]) {
      const res = await box.app.request(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('cache-control'), url).toBe('no-cache');
      expect(res.headers.get('etag'), url).toMatch(/^"[0-9a-f]{10}"$/);
    }
    expect(await (await box.app.request('/static/portal.0123456789.css')).text()).toBe(body);
    expect((await box.app.request('/static/nope.css')).status).toBe(404);
    expect((await box.app.request('/notice-assets/nope.css')).status).toBe(404);
  });

  it('the URL changes when the content changes (a box update never pairs old CSS with new pages)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lanterne-assets-'));
    try {
      writeFileSync(path.join(dir, 'app.css'), 'body { color: black }\n');
      const before = new AssetStore([{ dir }]);
      const first = before.url('app.css');
      expect(new AssetStore([{ dir }]).url('app.css')).toBe(first);
      writeFileSync(path.join(dir, 'app.css'), 'body { color: navy }\n');
      const after = new AssetStore([{ dir }]);
      expect(after.url('app.css')).not.toBe(first);
      expect(after.url('app.css')).toMatch(/^\/static\/app\.[0-9a-f]{10}\.css$/);
      // The store read its files once: the running box keeps answering what its pages link.
      expect(before.url('app.css')).toBe(first);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a CSS @import links the hashed URL, so an imported sheet cannot stay old', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lanterne-assets-'));
    try {
      writeFileSync(path.join(dir, 'shared.css'), 'p { color: black }\n');
      writeFileSync(path.join(dir, 'page.css'), "@import url('/notice-assets/shared.css');\n");
      const before = new AssetStore([{ dir }]);
      const text = (store: AssetStore) => store.get('page.css')?.data.toString('utf8');
      expect(text(before)).toBe(`@import url('${before.url('shared.css')}');\n`);
      expect(before.url('shared.css')).toMatch(/^\/static\/shared\.[0-9a-f]{10}\.css$/);
      // Only the imported file changes: the importing one gets a new URL all the same.
      writeFileSync(path.join(dir, 'shared.css'), 'p { color: navy }\n');
      const after = new AssetStore([{ dir }]);
      expect(after.url('page.css')).not.toBe(before.url('page.css'));
      expect(text(after)).toBe(`@import url('${after.url('shared.css')}');\n`);
      writeFileSync(path.join(dir, 'shared.css'), "@import url('/static/page.css');\n");
      expect(() => new AssetStore([{ dir }]).get('page.css')).toThrow(/tournent en rond/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("the box's notice sheets import the hashed shared sheet, answered as immutable", async () => {
    for (const name of ['notices.css', 'print.css']) {
      const css = await (await box.app.request(box.ctx.assets.url(name))).text();
      const imported = /@import url\('([^']+)'\)/.exec(css)?.[1] ?? '';
      expect(imported, name).toBe(box.ctx.assets.url('shared.css'));
      const res = await box.app.request(imported);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    }
  });
});
