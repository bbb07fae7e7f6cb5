import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundledPack } from '../../src/server/packs/starter.js';
import { counted } from '../../src/server/portal/messages.js';
import { dateInWords } from '../../src/server/portal/dates.js';
import { addWorks, makeTestBox, work, type TestBox } from '../helpers/box.js';

const CONTENT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../content');

describe('plurals and dates in words', () => {
  it('uses real plurals in both languages', () => {
    expect(counted('fr', 'workCount', 0)).toBe('0 œuvre');
    expect(counted('fr', 'workCount', 1)).toBe('1 œuvre');
    expect(counted('fr', 'workCount', 2)).toBe('2 œuvres');
    expect(counted('fr', 'downloadsWeek', 1)).toBe('1 téléchargement cette semaine');
    expect(counted('fr', 'downloadsWeek', 12)).toBe('12 téléchargements cette semaine');
    expect(counted('fr', 'workCount', 1500)).toMatch(/^1\s500 œuvres$/);
    expect(counted('en', 'workCount', 1)).toBe('1 work');
    expect(counted('en', 'workCount', 0)).toBe('0 works');
  });

  it('writes dates in words, whatever precision the pack gives', () => {
    expect(dateInWords('fr', '2026-11-01')).toBe('1 novembre 2026');
    expect(dateInWords('en', '2026-11-01')).toBe('November 1, 2026');
    expect(dateInWords('fr', '1862-03')).toBe('mars 1862');
    expect(dateInWords('fr', '1862')).toBe('1862');
    expect(dateInWords('fr', 'vers 1900')).toBe('vers 1900');
  });
});

/** The demo pack as a visitor sees it: no developer text, no raw dates, no empty fields. */
describe('a portal that looks like a library', () => {
  let box: TestBox;
  const get = async (p: string) => (await box.app.request(p)).text();

  beforeAll(async () => {
    box = makeTestBox({ contentDir: CONTENT });
    expect(await loadBundledPack(box.ctx)).toMatchObject({ status: 'imported' });
  });
  afterAll(() => box?.cleanup());

  it('shows no "(s)" plurals, ISO dates or developer text on the pages', async () => {
    for (const p of [
      '/',
      '/browse',
      '/search?q=lanterne',
      '/works/lanterne-demo.bienvenue-sur-lanterne',
    ]) {
      const html = await get(p);
      expect(html, p).not.toMatch(/\(s\)/);
      expect(html, p).not.toMatch(/>\s*\d{4}-\d{2}-\d{2}\s*</);
      expect(html, p).not.toContain('scripts/demo-content');
    }
    const work = await get('/works/lanterne-demo.bienvenue-sur-lanterne');
    expect(work).toContain('1 novembre 2026');
    expect(await get('/browse')).toContain('16 œuvres');
    expect(await get('/')).toMatch(/1 œuvre</);
  });

  it('keeps the weight budget and needs no JavaScript on the demo pack’s pages', async () => {
    for (const p of ['/', '/search?q=livre', '/browse', '/works/lanterne-demo.licence-libre']) {
      const html = await get(p);
      expect(Buffer.byteLength(html), p).toBeLessThan(50_000);
      const scripts = html.match(/<script[^>]*>/g) ?? [];
      expect(scripts, p).toHaveLength(1);
      expect(scripts[0], p).toMatch(/^<script src="\/static\/portal\.[0-9a-f]+\.js" defer>$/);
      expect(html, p).not.toMatch(/ on[a-z]+="/);
    }
  });

  it('hides empty practical information instead of "Non renseigné"', async () => {
    const html = await get('/about');
    expect(html).not.toContain('Non renseigné');
    expect(html).not.toContain('<dt>Adresse</dt>');
  });

  it('shows a video’s cover once, as the player’s poster', async () => {
    const html = await get('/works/lanterne-demo.la-lanterne-s-allume');
    expect(html).toContain('poster="/covers/lanterne-demo.la-lanterne-s-allume"');
    expect(html.match(/\/covers\/lanterne-demo\.la-lanterne-s-allume/g)).toHaveLength(1);
    // Other works keep their cover at the top.
    expect(await get('/works/lanterne-demo.bienvenue-sur-lanterne')).toContain('class="cover"');
  });

  it('links "Télécharger EPUB" to the box’s own notices on opening a book', async () => {
    const html = await get('/works/lanterne-demo.bienvenue-sur-lanterne');
    expect(html).toContain('Télécharger EPUB');
    expect(html).toMatch(/href="\/notices\/livre-android">Ouvrir un EPUB sur un téléphone Android/);
    expect(html).toMatch(/href="\/notices\/livre-iphone">Ouvrir un EPUB sur un iPhone/);
    const en = await get('/en/works/lanterne-demo.bienvenue-sur-lanterne');
    expect(en).toMatch(/href="\/en\/notices\/livre-android">Opening an EPUB on an Android phone/);
    // A PDF or an audio file gets no such line.
    expect(await get('/works/lanterne-demo.affiche-lanterne')).not.toContain('Ouvrir un EPUB');
  });

  it('shows notice metadata in English on English pages', async () => {
    const list = await get('/en/notices');
    // Titles stay in the notices' own language; the box's words around them do not.
    const meta = (list.match(/<p class="notice-meta">.*?<\/p>/g) ?? []).join('\n');
    expect(meta).toContain('Level: beginner');
    expect(meta).toContain('For: Android phone');
    expect(meta).not.toMatch(/débutant|téléphone|ordinateur|tablette|borne/);
    const one = await get('/en/notices/livre-android');
    expect(one).toContain('Level: beginner');
    expect(await get('/notices')).toContain('Niveau : débutant');
  });

  it('invites on the home page: type tiles with icons, large covers, the notices', async () => {
    const html = await get('/');
    const tiles = html.match(/<a class="tile [^"]*"[^>]*><svg class="icon"/g) ?? [];
    // Books, audio, video, images, documents and the notices.
    expect(tiles.length).toBe(6);
    expect(html).toMatch(/<ul class="shelf">.*?width="150" height="200"/s);
    expect(html).toContain('href="/notices"');
    expect(html).not.toContain('Populaires cette semaine');
  });

  it('shows what was downloaded most this week, from the anonymous daily counts', async () => {
    const download = async (id: string, file: string, times: number) => {
      for (let i = 0; i < times; i += 1)
        await box.app.request(`/files/lanterne-demo.${id}/0/${file}`);
    };
    await download('licence-libre', 'licence-libre.epub', 4);
    await download('affiche-lanterne', 'affiche-lanterne.pdf', 3);
    await download('welcome-to-lanterne', 'welcome-to-lanterne.epub', 2);
    box.ctx.stats.flush();
    const html = await get('/');
    const popular = html.slice(html.indexOf('id="popular"'), html.indexOf('id="by-theme"'));
    expect(popular).toContain('Populaires cette semaine');
    expect(popular.indexOf('lanterne-demo.licence-libre')).toBeLessThan(
      popular.indexOf('lanterne-demo.affiche-lanterne'),
    );
    expect(popular).toContain('4 téléchargements cette semaine');
    expect(popular).toContain('3 téléchargements cette semaine');
    // Under 3 downloads a work is not singled out (who took what, in a small library).
    expect(popular).not.toContain('welcome-to-lanterne');
  });
});

describe('EPUB help when the box has no notice about it', () => {
  let box: TestBox;
  beforeAll(() => {
    box = makeTestBox();
    addWorks(box.ctx, 'p', [
      work('p.livre', 'Un livre', {
        files: [{ name: 'l.epub', content: 'epub', mime: 'application/epub+zip' }],
      }),
    ]);
  });
  afterAll(() => box?.cleanup());

  it('says in a sentence how an EPUB is read', async () => {
    const html = await (await box.app.request('/works/p.livre')).text();
    expect(html).toContain('Un EPUB se lit avec une application de lecture');
    expect(html).not.toContain('href="/notices/');
  });
});
