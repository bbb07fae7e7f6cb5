import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestBox, type TestBox } from '../helpers/box.js';
import { request, setUpAdmin } from './http.js';

// "Nothing an animateur typed is ever lost": a refused admin form comes back with what was
// typed in it, through the one form reader (src/server/http/form.ts).
let box: TestBox;
let base: string;
let session: { cookie: string; csrf: string };

beforeEach(async () => {
  box = makeTestBox();
  base = (await box.listen()).url;
  session = await setUpAdmin(box, base);
});
afterEach(() => box.cleanup());

const post = (path: string, form: Record<string, string>) =>
  request(`${base}${path}`, {
    method: 'POST',
    headers: { cookie: session.cookie, origin: base },
    form: { _csrf: session.csrf, ...form },
  });

describe('refused admin forms keep what was typed', () => {
  it('a trusted key that is not a key: French message, name and key shown again', async () => {
    const reply = await post('/admin/packs/keys/add', {
      name: 'Réseau des médiathèques',
      key: 'pas-une-clé',
    });
    expect(reply.status).toBe(400);
    expect(reply.body).toContain('value="Réseau des médiathèques"');
    expect(reply.body).toContain('value="pas-une-clé"');
    expect(reply.body).toMatch(/class="[^"]*error[^"]*"/);
  });

  it('settings with a wrong number: every field comes back as typed, nothing saved', async () => {
    const before = box.ctx.settings.current();
    const reply = await post('/admin/settings', {
      libraryName: 'Médiathèque des Tilleuls',
      address: '3 rue des Lilas',
      openingHours: 'mardi 10 h – 18 h',
      contact: '01 23 45 67 89',
      wifiName: 'Lanterne',
      kioskIdleSeconds: 'deux minutes',
      licencePolicy: 'free-culture',
    });
    expect(reply.status).toBe(400);
    expect(reply.body).toContain('value="deux minutes"');
    expect(reply.body).toContain('3 rue des Lilas');
    expect(reply.body).toContain('Écrivez un nombre entier de secondes');
    expect(box.ctx.settings.current()).toEqual(before);
  });

  it('a form with a field missing is refused in French, never with a raw error', async () => {
    const reply = await post('/admin/settings', { libraryName: 'Médiathèque' });
    expect(reply.status).toBe(400);
    expect(reply.body).toContain('value="Médiathèque"');
    expect(reply.body).not.toMatch(/Invalid input|expected string/);
  });
});
