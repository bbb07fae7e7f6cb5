import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { importPack } from '../../src/server/packs/import.js';
import { appRoot } from '../../src/server/paths.js';
import { makeTestBox, type TestBox } from '../helpers/box.js';

let box: TestBox;
afterEach(async () => box?.cleanup());

it('finds parcours in the site search as their own kind, by title, summary or level, and leaves them out of the kiosk', async () => {
  box = makeTestBox();
  await importPack(box.ctx, {
    kind: 'folder',
    path: path.join(appRoot(), 'content'),
    origin: 'bundled',
  });
  const ids = (q: string) =>
    box.ctx.search.search({ q }).hits.flatMap((h) => (h.kind === 'parcours' ? [h.doc.id] : []));
  expect(ids('protéger')).toEqual(['se-proteger-en-ligne']);
  expect(ids('mot de passe')).toEqual(['se-proteger-en-ligne']);
  expect(ids('intermediaire')).toEqual(['se-proteger-en-ligne']);
  expect(ids('parcours').sort()).toEqual([
    'echanger-avec-ses-proches',
    'premiers-pas',
    'se-proteger-en-ligne',
  ]);
  const result = box.ctx.search.search({ q: 'proteger' });
  expect(result.byKind.parcours).toBe(1);
  // A title match comes before the works.
  expect(result.hits[0]).toMatchObject({ kind: 'parcours' });
  const page = await (await box.app.request('/fr/search?q=proteger')).text();
  expect(page).toContain('href="/fr/apprendre/se-proteger-en-ligne"');
  expect(page).toContain('Parcours pour apprendre');
  // The kiosk has no parcours screen yet: its search keeps to works and notices.
  const kiosk = (await (await box.app.request('/api/kiosk/works?q=proteger')).json()) as {
    items: Array<{ kind: string }>;
  };
  expect(kiosk.items.every((i) => i.kind !== 'parcours')).toBe(true);
}, 60_000);

it('invites to the parcours from the home page once the box has some', async () => {
  box = makeTestBox();
  expect(await (await box.app.request('/fr/')).text()).not.toContain('Voir les parcours');
  await importPack(box.ctx, {
    kind: 'folder',
    path: path.join(appRoot(), 'content'),
    origin: 'bundled',
  });
  const home = await (await box.app.request('/fr/')).text();
  expect(home).toContain('3 parcours pour apprendre le numérique');
  expect(home).toContain('href="/fr/apprendre"');
}, 60_000);
