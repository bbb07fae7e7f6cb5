import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestBox, type TestBox } from '../helpers/box.js';
import { request, setUpAdmin } from './http.js';

let box: TestBox;
let base: string;
beforeEach(async () => {
  box = makeTestBox();
  base = (await box.listen()).url;
});
afterEach(() => box.cleanup());

const post = (session: { cookie: string; csrf: string }, form: Record<string, string>) =>
  request(`${base}/admin/settings`, {
    method: 'POST',
    headers: { cookie: session.cookie, origin: base },
    form: { _csrf: session.csrf, ...form },
  });

const good = {
  libraryName: 'Médiathèque des Tilleuls',
  address: '2 rue des Lilas',
  openingHours: 'Mardi 10 h – 18 h',
  contact: '01 23 45 67 89',
  wifiName: 'Bibliothèque',
  kioskIdleSeconds: '180',
  licencePolicy: 'free-culture',
};

describe('the settings form', () => {
  it('leaves checking to the box (no browser bubbles), so its own French messages are seen', async () => {
    const session = await setUpAdmin(box, base);
    const page = await request(`${base}/admin/settings`, { headers: { cookie: session.cookie } });
    expect(page.body).toMatch(
      /<form class="stack" method="post" action="\/admin\/settings" novalidate/,
    );
    // No maxlength: a long paste is kept whole and explained, never cut by the browser.
    expect(page.body).not.toContain('maxlength');
    expect(page.body).not.toContain('type="number"');
  });

  it('puts each error next to its field and keeps everything that was typed', async () => {
    const session = await setUpAdmin(box, base);
    const long = 'x'.repeat(90);
    const reply = await post(session, {
      ...good,
      libraryName: long,
      wifiName: '   ',
      kioskIdleSeconds: 'deux minutes',
      address: 'Une adresse <b>tapée</b>',
    });
    expect(reply.status).toBe(400);
    const html = reply.body;
    expect(html).toContain('3 champs sont à corriger');
    expect(html).toMatch(
      /<span class="field-error" id="libraryName-error">Ce texte est trop long : 80 caractères au plus\.<\/span><input id="field-libraryName" name="libraryName" aria-invalid="true" aria-describedby="libraryName-error" value="x{90}"/,
    );
    expect(html).toContain('id="wifiName-error">Le nom du Wi-Fi est obligatoire : écrivez-le.');
    expect(html).toMatch(
      /aria-describedby="idle-hint kioskIdleSeconds-error" inputmode="numeric" value="deux minutes"/,
    );
    expect(html).toContain('Une adresse &lt;b>tapée&lt;/b></textarea>');
    expect(html).toContain('value="01 23 45 67 89"');
    // Nothing was saved.
    expect(box.ctx.settings.current().libraryName).not.toBe(long);
  });

  it('saves good values and says so', async () => {
    const session = await setUpAdmin(box, base);
    const reply = await post(session, good);
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('Réglages enregistrés.');
    expect(box.ctx.settings.current()).toMatchObject({
      libraryName: 'Médiathèque des Tilleuls',
      kioskIdleSeconds: 180,
    });
    const low = await post(session, { ...good, kioskIdleSeconds: '5' });
    expect(low.status).toBe(400);
    expect(low.body).toContain('Au moins 30 secondes');
    expect(low.body).toContain('value="5"');
  });
});
