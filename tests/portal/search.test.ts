import { connect } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoxEvent } from '../../src/server/events/bus.js';
import type { KioskWorkList } from '../../src/server/kiosk/types.js';
import { loadBundledPack } from '../../src/server/packs/starter.js';
import type { RunningServer } from '../../src/server/server.js';
import { makeTestBox, type TestBox } from '../helpers/box.js';

const CONTENT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../content');

/** One raw HTTP/1.1 request, as a phone's browser would send it; the whole answer back. */
function rawGet(port: number, target: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('connect', () =>
      socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`),
    );
    socket.on('data', (d: Buffer) => chunks.push(d));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', reject);
  });
}

/** Search over everything the box holds: the demo pack's works and its e-notices. */
describe('searching works and e-notices', () => {
  let box: TestBox;
  let server: RunningServer;
  const events: BoxEvent[] = [];
  const get = async (p: string) => {
    const res = await box.app.request(p);
    return { status: res.status, html: await res.text() };
  };

  beforeAll(async () => {
    box = makeTestBox({ contentDir: CONTENT });
    expect(await loadBundledPack(box.ctx)).toMatchObject({ status: 'imported' });
    box.ctx.events.on((e) => events.push(e));
    server = await box.listen();
  });
  afterAll(() => box?.cleanup());

  it('finds the demo notices on the portal, accents ignored, each result with its kind', async () => {
    const expected: Array<[string, string]> = [
      ['wifi', 'wifi-de-la-boite'],
      ['Wi-Fi', 'wifi-de-la-boite'],
      ['photo', 'envoyer-une-photo'],
      ['appel vidéo', 'appel-video'],
      ['appel video', 'appel-video'],
      ['APPEL VIDEO', 'appel-video'],
      ['livre audio', 'livre-audio'],
    ];
    for (const [q, id] of expected) {
      const { html } = await get(`/search?q=${encodeURIComponent(q)}`);
      const card = new RegExp(
        `<li class="card" data-kind="notice"><a href="/notices/${id}">.*?Notice pas à pas`,
      );
      expect(html, q).toMatch(card);
      expect(html, q).not.toContain('0 résultat');
    }
    // Works keep their own kind (their type) beside the notices.
    const both = (await get('/search?q=livre')).html;
    expect(both).toMatch(/<p role="status">\d+ résultats \(\d+ notices?, \d+ œuvres?\)<\/p>/);
    expect(both).toContain('data-kind="notice"');
    expect(both).toContain('data-kind="work"');
    expect(both).toMatch(/data-kind="work">.*?Livre · /s);
  });

  it('finds the same notices from the kiosk, with a kind on every result', async () => {
    for (const [q, id] of [
      ['wifi', 'wifi-de-la-boite'],
      ['appel video', 'appel-video'],
      ['livre audio', 'livre-audio'],
    ]) {
      const res = await box.app.request(`/api/kiosk/works?q=${encodeURIComponent(q!)}`);
      const list = (await res.json()) as KioskWorkList;
      expect(
        list.items.find((i) => i.kind === 'notice' && i.id === id),
        q,
      ).toMatchObject({ kind: 'notice', title: expect.any(String), summary: expect.any(String) });
      for (const item of list.items) expect(['work', 'notice']).toContain(item.kind);
    }
    const books = (await (
      await box.app.request('/api/kiosk/works?type=book')
    ).json()) as KioskWorkList;
    expect(books.items.every((i) => i.kind === 'work')).toBe(true);
  });

  it('leaves notices out when a filter only works have is chosen', async () => {
    const { html } = await get('/search?q=livre&type=book');
    expect(html).not.toContain('data-kind="notice"');
    expect(html).toContain('data-kind="work"');
  });

  it('treats a query of only punctuation or emoji as empty, and says so', async () => {
    const total = box.ctx.catalogue.find({}).total;
    expect(total).toBeGreaterThan(3);
    for (const q of ['%', '🙂', `'";--`, '*', '… ?!']) {
      events.length = 0;
      const { status, html } = await get(`/search?q=${encodeURIComponent(q)}`);
      expect(status, q).toBe(200);
      expect(html, q).toContain('ni lettre ni chiffre');
      expect(html, q).not.toContain('data-kind=');
      expect(
        events.filter((e) => e.type === 'search'),
        q,
      ).toEqual([]);
      const kiosk = (await (
        await box.app.request(`/api/kiosk/works?q=${encodeURIComponent(q)}`)
      ).json()) as KioskWorkList;
      expect(kiosk.items, q).toEqual([]);
      // The catalogue itself never answers "everything" to punctuation (OPDS search too).
      expect(box.ctx.catalogue.find({ q }).total, q).toBe(0);
    }
    expect((await get('/search?q=')).html).toContain('Tapez un mot');
  });

  it('cuts a very long query and says so in French, links included', async () => {
    const long = `lanterne ${'a'.repeat(3000)}`;
    const { status, html } = await get(`/search?q=${encodeURIComponent(long)}`);
    expect(status).toBe(200);
    expect(html).toContain('Votre recherche était trop longue : seuls ses 200 premiers caractères');
    expect(Buffer.byteLength(html)).toBeLessThan(50_000);
    expect(html).not.toContain('a'.repeat(250));
  });

  it('answers a 20,000-character query URL with the box’s own page, not a blank 431', async () => {
    const answer = await rawGet(server.port, `/search?q=${'x'.repeat(20_000)}`);
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(answer).toContain('Votre recherche était trop longue');
    // Beyond what the box reads at all: still its own French page, with its style sheet.
    const huge = await rawGet(server.port, `/search?q=${'%C3%A9'.repeat(20_000)}`);
    expect(huge).toMatch(/^HTTP\/1\.1 431 /);
    expect(huge).toMatch(/content-type: text\/html; charset=utf-8/i);
    expect(huge).toContain('<html lang="fr"');
    expect(huge).toContain('Adresse trop longue');
    expect(huge).toContain('raccourcissez votre recherche');
    expect(huge).toContain('/static/portal.css');
    // And the server still answers afterwards.
    expect(await rawGet(server.port, '/about')).toMatch(/^HTTP\/1\.1 200 /);
  });

  it('says a page past the end does not exist and links to the last one', async () => {
    const { html } = await get('/browse?page=99999');
    expect(html).toContain('Cette page n’existe pas');
    expect(html).not.toContain('Rien ne correspond');
    expect(html).toMatch(/href="\/browse\?page=1"[^>]*>Aller à la dernière page/);
    const search = (await get('/search?q=lanterne&page=500')).html;
    expect(search).toContain('Cette page n’existe pas');
    expect(search).toMatch(/href="\/search\?q=lanterne&amp;page=1"/);
  });
});
