import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { CompressedCache, chooseCoding, compression } from '../../src/server/http/compress.js';
import { addWorks, makeTestBox, work, type TestBox } from '../helpers/box.js';
import { rawRequest, type RawReply } from '../helpers/http.js';

/** A work file the box must send as it is, although its type is text. */
const HTML_WORK = `<!doctype html><title>Œuvre</title>${'<p>Une page de livre libre.</p>'.repeat(200)}`;

function decode(reply: RawReply): Buffer {
  const coding = reply.headers['content-encoding'];
  if (coding === 'br') return brotliDecompressSync(reply.body);
  if (coding === 'gzip') return gunzipSync(reply.body);
  return reply.body;
}

describe('compression and HTML validators (raw requests)', () => {
  let box: TestBox;
  let port: number;
  let now = Date.parse('2026-06-01T10:00:00.000Z');
  const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
    rawRequest({ hostname: '127.0.0.1', port, path, method, headers, timeoutMs: 10_000 });

  beforeAll(async () => {
    box = makeTestBox({}, { now: () => new Date(now) });
    addWorks(
      box.ctx,
      'demo',
      Array.from({ length: 30 }, (_, i) =>
        work(`demo.w${i}`, `Œuvre numéro ${i + 1}`, {
          description: 'Une œuvre libre pour la démonstration de la boîte.',
          files: [{ name: 'page.html', content: HTML_WORK, mime: 'text/html' }],
        }),
      ),
    );
    port = (await box.listen()).port;
  });
  afterAll(() => box.cleanup());

  it('chooses brotli, then gzip, and honours q=0', () => {
    expect(chooseCoding('gzip, deflate, br, zstd')).toBe('br');
    expect(chooseCoding('gzip, deflate')).toBe('gzip');
    expect(chooseCoding('br;q=0, gzip')).toBe('gzip');
    expect(chooseCoding('gzip;q=0.5, br;q=0.8')).toBe('br');
    expect(chooseCoding('br;q=0.2, gzip;q=0.9')).toBe('gzip');
    expect(chooseCoding('identity')).toBeNull();
    expect(chooseCoding('*')).toBe('br');
    expect(chooseCoding('*, br;q=0')).toBe('gzip');
    expect(chooseCoding(undefined)).toBeNull();
  });

  it.each([
    ['the home page', '/fr/', 'text/html'],
    ['a browse page', '/browse?order=title', 'text/html'],
    ['the stylesheet', '/static/portal.css', 'text/css'],
    ['the script', '/static/portal.js', 'javascript'],
    ['an OPDS feed', '/opds/new', 'application/atom+xml'],
    ['the kiosk JSON', '/api/kiosk/works', 'application/json'],
  ])('compresses %s with brotli or gzip, identical once decoded', async (_, path, type) => {
    const plain = await get(path);
    expect(plain.status, path).toBe(200);
    expect(plain.headers['content-type'], path).toContain(type);
    expect(plain.headers['content-encoding'], path).toBeUndefined();
    expect(plain.headers['vary'], path).toMatch(/accept-encoding/i);
    expect(plain.body.length, path).toBeGreaterThan(512);
    for (const [accept, coding] of [
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
    ] as const) {
      const packed = await get(path, { 'accept-encoding': accept });
      expect(packed.headers['content-encoding'], `${path} ${accept}`).toBe(coding);
      expect(packed.headers['vary'], path).toMatch(/accept-encoding/i);
      expect(Number(packed.headers['content-length']), path).toBe(packed.body.length);
      expect(packed.body.length, path).toBeLessThan(plain.body.length * 0.6);
      expect(decode(packed).equals(plain.body), `${path} ${accept}`).toBe(true);
    }
  });

  it("never compresses works' files, media, covers or byte ranges", async () => {
    const id = 'demo.w0';
    for (const path of [`/files/${id}/0/page.html`, `/media/${id}/0/page.html`]) {
      const whole = await get(path, { 'accept-encoding': 'gzip, br' });
      expect(whole.status, path).toBe(200);
      expect(whole.headers['content-encoding'], path).toBeUndefined();
      expect(whole.body.toString('utf8'), path).toBe(HTML_WORK);
      const part = await get(path, { 'accept-encoding': 'gzip, br', range: 'bytes=10-99' });
      expect(part.status, path).toBe(206);
      expect(part.headers['content-encoding'], path).toBeUndefined();
      expect(part.body.length, path).toBe(90);
    }
    // The same through Hono's own file routes (in-process requests, no fast path).
    const inProcess = await box.app.request(`/files/${id}/0/page.html`, {
      headers: { 'accept-encoding': 'gzip, br' },
    });
    expect(inProcess.headers.get('content-encoding')).toBeNull();
    expect(await inProcess.text()).toBe(HTML_WORK);
  });

  it('gives HTML pages an ETag and answers 304 until the page changes', async () => {
    const first = await get('/fr/', { 'accept-encoding': 'br' });
    const etag = String(first.headers['etag']);
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    expect(first.headers['cache-control']).toBe('no-cache');

    const again = await get('/fr/', { 'accept-encoding': 'br', 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers['etag']).toBe(etag);
    expect(again.headers['vary']).toMatch(/accept-encoding/i);
    // The validator is the page's, not the encoding's: a gzip client gets 304 too.
    expect((await get('/fr/', { 'accept-encoding': 'gzip', 'if-none-match': etag })).status).toBe(
      304,
    );
    expect((await get('/fr/', { 'if-none-match': `"x", ${etag}` })).status).toBe(304);
    expect((await get('/fr/', { 'if-none-match': etag }, 'HEAD')).status).toBe(304);

    // Another language is another page.
    const en = await get('/en/', { 'if-none-match': etag });
    expect(en.status).toBe(200);
    expect(en.headers['etag']).not.toBe(etag);

    // A new catalogue generation changes the page: the old validator no longer matches.
    now += 60_000;
    addWorks(box.ctx, 'neuf', [work('neuf.un', 'Un livre tout neuf')]);
    const changed = await get('/fr/', { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.body.toString('utf8')).toContain('Un livre tout neuf');
    expect(changed.headers['etag']).not.toBe(etag);
  });

  it('compresses a page once for many phones', () => {
    const cache = new CompressedCache();
    let made = 0;
    const make = () => {
      made += 1;
      return Buffer.from('x');
    };
    cache.get('br /fr/ W/"a"', make);
    cache.get('br /fr/ W/"a"', make);
    expect(made).toBe(1);
    expect(cache.size).toBe(1);
  });

  it('keeps no compressed copy of pages with a query (searches)', async () => {
    const cache = new CompressedCache();
    const app = new Hono();
    app.use(compression(cache));
    app.get('/search', (c) =>
      c.html(`<p>${c.req.query('q') ?? ''}</p>`.repeat(100), 200, { etag: 'W/"s"' }),
    );
    app.get('/page', (c) => c.html('<p>page</p>'.repeat(100), 200, { etag: 'W/"p"' }));
    const search = await app.request('/search?q=secret', { headers: { 'accept-encoding': 'br' } });
    expect(search.headers.get('content-encoding')).toBe('br');
    expect(cache.size).toBe(0);
    await app.request('/page', { headers: { 'accept-encoding': 'br' } });
    expect(cache.size).toBe(1);
  });

  it('gives no validator to admin pages, which are personal', async () => {
    const admin = await get('/admin/login');
    expect(admin.headers['etag']).toBeUndefined();
  });
});
