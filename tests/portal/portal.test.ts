import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainLicence } from '../../src/server/catalogue/licences.js';
import { addWorks, makeTestBox, work, type TestBox } from '../helpers/box.js';

const PNG_1PX = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('the visitor portal', () => {
  let box: TestBox;
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await box.app.request(path, { headers });
    return { status: res.status, html: await res.text(), headers: res.headers };
  };

  beforeAll(() => {
    box = makeTestBox({
      library: {
        name: 'Médiathèque des Tilleuls',
        address: '3 rue des Lilas',
        openingHours: 'Mardi 10h-18h',
      },
    });
    addWorks(box.ctx, 'demo', [
      work('demo.foret', 'La Forêt enchantée', {
        themes: ['Nature', 'Contes'],
        description: 'Une histoire de clairière.',
        cover: { name: 'foret.png', content: PNG_1PX, mime: 'image/png' },
      }),
      work('demo.ete', 'Un été à Noël', { type: 'audio', licence: 'CC0-1.0', language: 'fr' }),
      work('demo.sea', 'Songs of the Sea', {
        type: 'audio',
        licence: 'CC-BY-SA-4.0',
        language: 'en',
        themes: ['Nature'],
      }),
      work('demo.nc', 'Photographies du port', { type: 'image', licence: 'CC-BY-NC-ND-4.0' }),
      work('demo.pd', 'Le Horla', {
        licence: 'public-domain',
        authors: [{ name: 'Guy de Maupassant', role: 'author' }],
      }),
      work('demo.xss', '<script>alert("x")</script> Titre piégé', {
        description: '<img src=x onerror=alert(1)>',
        attribution: '"><script>alert(2)</script>',
      }),
    ]);
    const many = Array.from({ length: 30 }, (_, i) =>
      work(`serie.t${i}`, `Tome ${i + 1} de la série forestière`),
    );
    addWorks(box.ctx, 'serie', many);
  });
  afterAll(() => box.cleanup());

  it('finds works with or without accents and in any case', async () => {
    for (const q of ['foret', 'Forêt', 'FORET', 'forêt enchantee', 'ete', 'été noel']) {
      const { html } = await get(`/search?q=${encodeURIComponent(q)}`);
      expect(html, q).toMatch(/La Forêt enchantée|Un été à Noël/);
    }
    expect((await get('/search?q=foret')).html).toContain('La Forêt enchantée');
    expect((await get('/search?q=noel')).html).toContain('Un été à Noël');
  });

  it('matches prefixes as the visitor types, whole words ranking first', async () => {
    // "for" is the beginning of "Forêt" and of "forestière": 1 + 30 works.
    const typing = (await get('/search?q=for')).html;
    expect(typing).toContain('31 résultats');
    addWorks(box.ctx, 'rang', [
      work('rang.contemplations', 'Les Contemplations', { type: 'document' }),
      work('rang.conte', 'Conte de la lune', { type: 'document' }),
    ]);
    const { html } = await get('/search?q=conte');
    const whole = html.indexOf('Conte de la lune');
    const prefix = html.indexOf('Les Contemplations');
    expect(prefix).toBeGreaterThan(-1);
    expect(whole).toBeGreaterThan(-1);
    expect(whole).toBeLessThan(prefix);
  });

  it('finds by author and by theme', async () => {
    expect((await get('/search?q=maupassant')).html).toContain('Le Horla');
    expect((await get('/search?q=nature')).html).toContain('Songs of the Sea');
  });

  it('says so when nothing matches, and survives FTS syntax in the query', async () => {
    const none = await get('/search?q=zzzzquux');
    expect(none.status).toBe(200);
    expect(none.html).toContain('Rien ne correspond');
    for (const q of ['"', 'NEAR(a b)', 'a OR', '*', 'title:foret', '-', '(((', "l'été"]) {
      expect((await get(`/search?q=${encodeURIComponent(q)}`)).status, q).toBe(200);
    }
  });

  it('filters by type, language, licence and theme, alone or together', async () => {
    const audio = (await get('/browse?type=audio')).html;
    expect(audio).toContain('Un été à Noël');
    expect(audio).not.toContain('La Forêt enchantée');
    const english = (await get('/browse?language=en')).html;
    expect(english).toContain('Songs of the Sea');
    expect(english).not.toContain('Un été à Noël');
    const cc0 = (await get('/browse?licence=CC0-1.0')).html;
    expect(cc0).toContain('Un été à Noël');
    expect(cc0).not.toContain('Songs of the Sea');
    const nature = (await get('/browse?theme=nature&type=audio')).html;
    expect(nature).toContain('Songs of the Sea');
    expect(nature).not.toContain('La Forêt enchantée');
    const searchFiltered = (await get('/search?q=nature&type=book')).html;
    expect(searchFiltered).toContain('La Forêt enchantée');
    expect(searchFiltered).not.toContain('Songs of the Sea');
  });

  it('ignores malformed filters instead of failing', async () => {
    for (const q of [
      'type=nope',
      'language=%3Cscript%3E',
      'licence=MIT-ish',
      'theme=../../x',
      'page=-4',
      'page=abc',
      'page=99999',
    ]) {
      expect((await get(`/browse?${q}`)).status, q).toBe(200);
    }
  });

  it('pages through results with next and previous links that keep the filters', async () => {
    const first = (await get('/browse?type=book&order=title')).html;
    expect(first).toContain('Page 1 sur 2');
    expect(first).toMatch(
      /rel="next" class="button" href="\/browse\?type=book&amp;order=title&amp;page=2"/,
    );
    const second = (await get('/browse?type=book&order=title&page=2')).html;
    expect(second).toContain('Page 2 sur 2');
    expect(second).toContain('rel="prev"');
    expect(second).not.toContain('rel="next"');
    const titles = (html: string) =>
      [...html.matchAll(/class="card-title">([^<]+)</g)].map((m) => m[1]);
    const all = [...titles(first), ...titles(second)];
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(33);
  });

  it('shows the licence in plain words with the attribution to copy', async () => {
    const { html } = await get('/works/demo.sea');
    expect(html).toContain(explainLicence('CC-BY-SA-4.0', 'fr'));
    expect(explainLicence('CC-BY-SA-4.0', 'fr')).toMatch(
      /Vous pouvez copier, partager et modifier cette œuvre.*citer l'auteur.*même licence/,
    );
    expect(html).toContain(box.ctx.assets.url('licences/CC-BY-SA-4.0.svg'));
    expect(box.ctx.assets.url('licences/CC-BY-SA-4.0.svg')).toMatch(
      /^\/static\/licences\/CC-BY-SA-4\.0\.[0-9a-f]{10}\.svg$/,
    );
    expect(html).toContain('« Songs of the Sea », CC BY 4.0');
    expect((await get('/works/demo.nc')).html).toContain('pas pour un usage commercial');
    expect((await get('/works/demo.nc')).html).toContain(
      "Vous n'avez pas le droit de la modifier.",
    );
    expect((await get('/works/demo.pd')).html).toContain('domaine public');
    expect((await get('/works/demo.ete')).html).toContain('renoncé à tous ses droits');
    const badge = await box.app.request('/static/licences/CC-BY-SA-4.0.svg');
    expect(badge.headers.get('content-type')).toBe('image/svg+xml');
  });

  it('escapes titles, descriptions and attributions that come from packs', async () => {
    const { html } = await get('/works/demo.xss');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('<h1>&lt;script>alert(&quot;x&quot;)&lt;/script> Titre piégé</h1>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)>');
    expect((await get('/search?q=piege')).html).not.toContain('<script>alert');
  });

  it('speaks French by default, English when the browser or the visitor asks', async () => {
    expect((await get('/')).html).toContain('<html lang="fr">');
    const en = await get('/', { 'accept-language': 'en-GB,en;q=0.9,fr;q=0.5' });
    expect(en.html).toContain('<html lang="en">');
    expect(en.headers.get('vary')).toContain('Accept-Language');
    expect((await get('/', { 'accept-language': 'fr-FR,en;q=0.8' })).html).toContain(
      '<html lang="fr">',
    );
    expect((await get('/', { 'accept-language': 'de-DE' })).html).toContain('<html lang="fr">');
    const chosen = (await get('/en/works/demo.sea')).html;
    expect(chosen).toContain('<html lang="en">');
    expect(chosen).toContain('You may copy, share and change this work');
    expect(chosen).toContain('href="/fr/works/demo.sea"');
    expect(chosen).toContain('href="/en/browse"');
    expect((await get('/fr/', { 'accept-language': 'en' })).html).toContain('<html lang="fr">');
  });

  it('shows the practical information set for the box', async () => {
    const { html } = await get('/about');
    expect(html).toContain('Médiathèque des Tilleuls');
    expect(html).toContain('3 rue des Lilas');
    expect(html).toContain('Mardi 10h-18h');
    box.ctx.settings.update({ openingHours: 'Mercredi 14h-19h' });
    expect((await get('/about')).html).toContain('Mercredi 14h-19h');
  });

  it('has a privacy page that says what is and is not kept', async () => {
    const { html } = await get('/privacy');
    expect(html).toContain('ne garde ni votre adresse');
    expect(html).toContain('25 mois');
    expect(html).toContain('au moins 3 personnes');
  });

  it('keeps every page light, self-contained and usable without JavaScript', async () => {
    for (const path of [
      '/',
      '/browse',
      '/search?q=foret',
      '/works/demo.foret',
      '/about',
      '/privacy',
      '/nope',
    ]) {
      const { html, headers } = await get(path);
      expect(Buffer.byteLength(html), path).toBeLessThan(50_000);
      expect(html, path).not.toMatch(/(src|href)="(https?:)?\/\//);
      // One deferred enhancement script of the box's own, nothing inline.
      expect(html.match(/<script[^>]*>/g) ?? [], path).toEqual([
        `<script src="${box.ctx.assets.url('portal.js')}" defer>`,
      ]);
      expect(box.ctx.assets.url('portal.js')).toMatch(/^\/static\/portal\.[0-9a-f]{10}\.js$/);
      expect(headers.get('content-security-policy'), path).toContain("default-src 'self'");
    }
    const css = await box.app.request('/static/portal.css');
    expect(
      Number(css.headers.get('content-length') ?? (await css.arrayBuffer()).byteLength),
    ).toBeLessThan(20_000);
  });

  it('answers unknown pages and works with a 404 page in the visitor language', async () => {
    const missing = await get('/works/inconnu');
    expect(missing.status).toBe(404);
    expect(missing.html).toContain('Page introuvable');
    const en = await get('/en/works/inconnu');
    expect(en.status).toBe(404);
    expect(en.html).toContain('Page not found');
  });

  it('serves covers as images with validators', async () => {
    const res = await box.app.request('/covers/demo.foret');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const etag = res.headers.get('etag') ?? '';
    const again = await box.app.request('/covers/demo.foret', {
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
    expect((await box.app.request('/covers/demo.ete')).status).toBe(404);
  });
});
