import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { exportPack } from '../../src/server/packs/export.js';
import { importPack, removePack } from '../../src/server/packs/import.js';
import { PARCOURS } from '../../src/server/parcours/index.js';
import { appRoot } from '../../src/server/paths.js';
import { request, setUpAdmin } from '../admin/http.js';
import { makeTestBox, type TestBox } from '../helpers/box.js';

let box: TestBox;
const dirs: string[] = [];
afterEach(async () => {
  await box?.cleanup();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const sha = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
const CONTENT = path.join(appRoot(), 'content');

function demo() {
  return importPack(box.ctx, { kind: 'folder', path: CONTENT, origin: 'bundled' });
}

/** A pack of parcours only: a good one and broken ones, each broken in its own way. */
function brokenPack(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'parcours-pack-'));
  dirs.push(dir);
  const picture = readFileSync(path.join(CONTENT, 'parcours/premiers-pas/livre.svg'));
  const good = JSON.parse(
    readFileSync(path.join(CONTENT, 'parcours/se-proteger-en-ligne/parcours.json'), 'utf8'),
  ) as Record<string, unknown>;
  const write = (name: string, text: string) => {
    mkdirSync(path.join(dir, name), { recursive: true });
    writeFileSync(path.join(dir, name, 'parcours.json'), text);
    return {
      id: name,
      path: `${name}/parcours.json`,
      size: Buffer.byteLength(text),
      sha256: sha(text),
    };
  };
  const withPicture = (id: string, picSha: string) => ({
    ...good,
    id,
    steps: [
      {
        kind: 'exercise',
        exercise: {
          type: 'choice',
          title: 'Un livre',
          question: 'Quelle image montre un livre ?',
          hint: 'Il a des pages.',
          success: 'Oui.',
          options: [
            {
              text: 'Un livre',
              correct: true,
              picture: {
                path: 'livre.svg',
                sha256: picSha,
                width: 200,
                height: 160,
                alt: 'Un livre.',
              },
            },
            { text: 'Un chat' },
          ],
        },
      },
    ],
  });
  const refs = [
    write(
      'bon',
      JSON.stringify({
        ...good,
        id: 'bon',
        steps: [
          ...(good['steps'] as unknown[]),
          { kind: 'work', work: 'lanterne-demo.licence-libre' },
        ],
      }),
    ),
    write('illisible', '{ "format": "lanterne-parcours/1", '),
    write('sans-niveau', JSON.stringify({ ...good, id: 'sans-niveau', level: 'expert' })),
    write('image-fausse', JSON.stringify(withPicture('image-fausse', sha('autre chose')))),
    write(
      'oeuvre-absente',
      JSON.stringify({
        ...good,
        id: 'oeuvre-absente',
        steps: [{ kind: 'work', work: 'atelier-test.nulle-part' }],
      }),
    ),
    write('autre-nom', JSON.stringify({ ...good, id: 'pas-le-meme' })),
  ];
  writeFileSync(path.join(dir, 'image-fausse', 'livre.svg'), picture);
  writeFileSync(
    path.join(dir, 'lanterne-pack.json'),
    JSON.stringify({
      format: 'lanterne-pack/1',
      id: 'atelier-test',
      version: '1.0.0',
      title: 'Parcours d’essai',
      languages: ['fr'],
      created: '2026-12-01',
      parcours: refs,
    }),
  );
  return dir;
}

it('installs the starter parcours from the demo pack through the real import, and removes them with it', async () => {
  box = makeTestBox();
  const outcome = await demo();
  expect(outcome.status).toBe('imported');
  const service = box.ctx.services.get(PARCOURS);
  expect(service.errors()).toEqual([]);
  expect(
    service
      .list()
      .map((p) => p.id)
      .sort(),
  ).toEqual(['echanger-avec-ses-proches', 'premiers-pas', 'se-proteger-en-ligne']);
  // The parcours hook runs after the notices one (a parcours names notices of its pack).
  const hooks = box.ctx.packHooks.map((h) => h.name);
  expect(hooks.indexOf('parcours')).toBeGreaterThan(hooks.indexOf('notices'));
  expect(hooks.indexOf('notices')).toBeGreaterThanOrEqual(0);
  const pic = await box.app.request('/apprendre/premiers-pas/images/livre.svg');
  expect(pic.status).toBe(200);
  expect(pic.headers.get('content-security-policy')).toMatch(/^sandbox; default-src 'none'/);
  // Only the pictures a parcours names are served, never another file of its folder.
  expect((await box.app.request('/apprendre/premiers-pas/images/parcours.json')).status).toBe(404);
  expect(
    (await box.app.request('/apprendre/premiers-pas/images/..%2F..%2Flanterne-pack.json')).status,
  ).toBe(404);
  if (outcome.status !== 'imported') return;
  await removePack(box.ctx, outcome.packId);
  expect(service.list()).toEqual([]);
}, 60_000);

it('skips each broken parcours with a French reason shown in the admin, and installs the rest of the pack', async () => {
  box = makeTestBox();
  await demo();
  const outcome = await importPack(box.ctx, { kind: 'folder', path: brokenPack(), origin: 'usb' });
  expect(outcome.status).toBe('imported');
  const service = box.ctx.services.get(PARCOURS);
  expect(service.get('bon')?.packId).toBe('atelier-test');
  const reasons = Object.fromEntries(
    service
      .errors()
      .filter((e) => e.pack_id === 'atelier-test')
      .map((e) => [e.parcours_id, e.message]),
  );
  expect(reasons).toEqual({
    illisible: expect.stringMatching(/^parcours invalide : JSON illisible/),
    'sans-niveau': expect.stringMatching(/^parcours invalide : level : /),
    'image-fausse': 'image : empreinte SHA-256 fausse pour livre.svg',
    'oeuvre-absente': 'étape 1 : l’œuvre atelier-test.nulle-part n’est pas dans ce pack',
    'autre-nom': 'l’identifiant du parcours (pas-le-meme) diffère du manifeste (autre-nom)',
  });
  const server = await box.listen();
  const { cookie } = await setUpAdmin(box, server.url);
  const page = await request(`${server.url}/admin/parcours`, { headers: { cookie } });
  expect(page.status).toBe(200);
  expect(page.body).toContain('Parcours refusés');
  expect(page.body).toContain('n’est pas dans ce pack');
  expect(page.body).toContain('Se protéger en ligne');
  // Removing the pack takes its parcours and its reasons away.
  await removePack(box.ctx, 'atelier-test');
  expect(service.get('bon')).toBeUndefined();
  expect(service.errors()).toEqual([]);
}, 60_000);

it('travels: the demo pack exported to a stick brings its parcours and their pictures to another box', async () => {
  box = makeTestBox();
  await demo();
  const stick = path.join(box.ctx.config.mediaDir, 'CLE');
  mkdirSync(stick, { recursive: true });
  const written = await exportPack(box.ctx, 'lanterne-demo', stick);
  const other = makeTestBox();
  try {
    const outcome = await importPack(other.ctx, { kind: 'folder', path: written, origin: 'usb' });
    expect(outcome.status).toBe('imported');
    const service = other.ctx.services.get(PARCOURS);
    expect(service.errors()).toEqual([]);
    expect(other.ctx.notices.errors()).toEqual([]);
    expect(service.list()).toHaveLength(3);
    expect((await other.app.request('/apprendre/premiers-pas/images/wifi-liste.svg')).status).toBe(
      200,
    );
    expect((await other.app.request('/notices/appel-video/pictures/3')).status).toBe(200);
  } finally {
    await other.cleanup();
  }
}, 90_000);
