import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import type { BoxEvent } from '../../src/server/events/bus.js';
import { bookEntryUrl, parseBookEntryUrl, readerUrl } from '../../src/server/files/urls.js';
import { makeTestBox, type TestBox } from '../helpers/box.js';
import { REAL, addBooks, realEpub, tinyEpub } from './books.js';

const first = { position: 0 };

describe('books read in place: entries from the zip', () => {
  let box: TestBox;
  let books: Record<string, Buffer>;
  beforeAll(async () => {
    books = {
      bierce: realEpub(REAL.bierce),
      wodehouse: realEpub(REAL.wodehouse),
      bomb: await tinyEpub('<p>bombe</p>', [
        { name: 'OEBPS/zeros.bin', data: Buffer.alloc(20 * 1024 * 1024) },
      ]),
      huge: await tinyEpub('<p>long</p>', [
        {
          name: 'OEBPS/long.xhtml',
          data: randomBytes(9 * 1024 * 1024).toString('base64'),
          store: true,
        },
      ]),
      scripted: await tinyEpub('<p>texte</p><script src="evil.js"></script>', [
        { name: 'OEBPS/evil.js', data: 'document.title = "pwned"' },
      ]),
      plain: Buffer.from('not a zip at all'),
    };
  });
  beforeEach(() => {
    box = makeTestBox();
    addBooks(box.ctx, books);
  });
  afterEach(() => box.cleanup());

  it('serves a chapter of a real EPUB with its type, an ETag and a sandboxing CSP', async () => {
    const url = bookEntryUrl('bierce', first, 'epub/text/e.xhtml');
    expect(url).toBe('/epub/bierce/0/epub/text/e.xhtml');
    const res = await box.app.request(url);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('<html');
    expect(res.headers.get('content-type')).toMatch(/^application\/xhtml\+xml/);
    expect(res.headers.get('content-length')).toBe(String(Buffer.byteLength(text)));
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/^sandbox;/);
    expect(csp).not.toContain('script');
    expect(csp).toContain("default-src 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');

    const etag = res.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
    const again = await box.app.request(url, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    const other = await box.app.request(bookEntryUrl('bierce', first, 'epub/content.opf'));
    expect(other.headers.get('etag')).not.toBe(etag);
  });

  it('answers a Range on a compressed entry with exactly those bytes', async () => {
    const url = bookEntryUrl('wodehouse', first, 'epub/text/chapter-8.xhtml');
    const whole = Buffer.from(await (await box.app.request(url)).arrayBuffer());
    expect(whole.length).toBe(16917);
    const part = await box.app.request(url, { headers: { range: 'bytes=1000-1999' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 1000-1999/16917');
    expect(Buffer.from(await part.arrayBuffer())).toEqual(whole.subarray(1000, 2000));
    const tail = await box.app.request(url, { headers: { range: 'bytes=-10' } });
    expect(Buffer.from(await tail.arrayBuffer())).toEqual(whole.subarray(-10));
    const past = await box.app.request(url, { headers: { range: 'bytes=99999-' } });
    expect(past.status).toBe(416);
  });

  it('opens the slightly malformed real EPUB too, and counts the opening like a play', async () => {
    const events: BoxEvent[] = [];
    box.ctx.events.on((e) => events.push(e));
    const res = await box.app.request(readerUrl('wodehouse', first));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('epub/content.opf');
    expect(events.map((e) => [e.type, 'workId' in e ? e.workId : ''])).toEqual([
      ['read', 'wodehouse'],
    ]);
    // Entries (what the reader fetches while reading) count nothing.
    await box.app.request(bookEntryUrl('wodehouse', first, 'epub/content.opf'));
    expect(events).toHaveLength(1);
  });

  it('refuses names with dot segments, unknown entries and the book’s scripts', async () => {
    for (const path of [
      '/epub/bierce/0/epub%2ftext/chapter-1.xhtml',
      '/epub/bierce/0/nothing.xhtml',
      '/epub/nobody/0/META-INF/container.xml',
      '/epub/bierce/7/META-INF/container.xml',
      bookEntryUrl('scripted', first, 'OEBPS/evil.js'),
    ]) {
      const res = await box.app.request(path);
      expect(res.status, path).toBe(404);
    }
  });

  it('reads entry URLs with no dot segment, encoded slash or bad escape', () => {
    expect(parseBookEntryUrl('/epub/w/3/OEBPS/Text/ch%201.xhtml')).toEqual({
      workId: 'w',
      position: '3',
      entry: 'OEBPS/Text/ch 1.xhtml',
    });
    expect(bookEntryUrl('w', { position: 3 }, 'OEBPS/Text/ch 1.xhtml')).toBe(
      '/epub/w/3/OEBPS/Text/ch%201.xhtml',
    );
    for (const raw of [
      '/epub/w/3/OEBPS/../x.xhtml',
      '/epub/w/3/OEBPS/%2e%2e/x.xhtml',
      '/epub/w/3/./x.xhtml',
      '/epub/w/3/OEBPS//x.xhtml',
      '/epub/w/3/a%2fb.xhtml',
      '/epub/w/3/a%5cb.xhtml',
      '/epub/w/3/a%00b.xhtml',
      '/epub/w/3/a%E0b.xhtml',
      '/epub/w/x/a.xhtml',
      '/epub/w/3/',
    ]) {
      expect(parseBookEntryUrl(raw), raw).toBeNull();
    }
  });

  it('refuses a zip bomb, a huge chapter and a file that is no zip, in French', async () => {
    const cases: Array<[string, RegExp]> = [
      ['bomb', /anormalement compressé/],
      ['huge', /chapitre de ce livre est trop long/],
      ['plain', /abîmé/],
    ];
    for (const [id, message] of cases) {
      const page = await box.app.request(readerUrl(id, first), {
        headers: { 'accept-language': 'fr' },
      });
      expect(page.status, id).toBe(422);
      const html = await page.text();
      expect(html, id).toMatch(message);
      expect(html, id).toContain(`/files/${id}/0/`);
      const entry = await box.app.request(bookEntryUrl(id, first, 'OEBPS/c1.xhtml'));
      expect(entry.status, id).toBe(403);
      expect(await entry.text()).toMatch(message);
    }
  });

  it('offers "Lire ici" on a work page with an EPUB, and only there', async () => {
    const html = await (await box.app.request('/fr/works/bierce')).text();
    expect(html).toContain('href="/fr/works/bierce/lire/0"');
    expect(html).toContain('Lire ici');
  });

  it('warns before a link in a book leaves the box, and never links a script URL', async () => {
    const res = await box.app.request(
      '/fr/quitter?vers=https%3A%2F%2Fexample.org%2Fa&retour=%2Ffr%2Fworks%2Fbierce%2Flire%2F0',
    );
    const html = await res.text();
    expect(html).toContain('Vous quittez la boîte');
    expect(html).toContain('href="https://example.org/a"');
    expect(html).toContain('href="/fr/works/bierce/lire/0"');
    const bad = await (
      await box.app.request('/fr/quitter?vers=javascript%3Aalert(1)&retour=%2F%2Fevil.example')
    ).text();
    expect(bad).not.toContain('href="javascript:');
    expect(bad).not.toContain('href="//evil.example');
    expect(bad).toContain('n’est pas une adresse web');
  });
});
