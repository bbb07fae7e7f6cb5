import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exportPack, ExportError } from '../../../src/server/packs/export.js';
import { importPack } from '../../../src/server/packs/import.js';
import { publishLocal } from '../../../src/server/packs/watch/local-pack.js';
import { makeTestBox, type TestBox } from '../../helpers/box.js';
import { writePack } from './helpers.js';

const boxes: TestBox[] = [];
function box(): TestBox {
  const b = makeTestBox();
  boxes.push(b);
  return b;
}
afterEach(async () => {
  for (const b of boxes.splice(0)) await b.cleanup();
});

function localFile(dir: string, name: string, content: string) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, name), content);
  return {
    from: path.join(dir, name),
    type: 'document' as const,
    title: `Document ${name}`,
    authors: [{ name: 'Bibliothécaire', role: 'author' as const }],
    licence: 'CC-BY-4.0',
    language: 'fr',
  };
}

describe('export to a stick', () => {
  it('writes an installed pack as a pack folder that a fresh box imports', async () => {
    const a = box();
    const src = path.join(a.dir, 'src');
    writePack(src, { id: 'voyage', version: '2.1.0', sizes: [10, 2_000_000] });
    expect((await importPack(a.ctx, { kind: 'folder', path: src, origin: 'usb' })).status).toBe(
      'imported',
    );
    const stick = path.join(a.ctx.config.mediaDir, 'CLE');
    mkdirSync(stick, { recursive: true });
    const written = await exportPack(a.ctx, 'voyage', stick);
    expect(written).toBe(path.join(stick, 'voyage-2.1.0'));
    // Again: replaces the folder, leaves no temporary one.
    await exportPack(a.ctx, 'voyage', stick);
    expect(readdirSync(stick)).toEqual(['voyage-2.1.0']);
    // Someone's own folder with that name is never replaced.
    const theirs = path.join(a.ctx.config.mediaDir, 'AUTRE');
    mkdirSync(path.join(theirs, 'voyage-2.1.0'), { recursive: true });
    writeFileSync(path.join(theirs, 'voyage-2.1.0', 'mes-photos.txt'), 'à garder');
    expect(await exportPack(a.ctx, 'voyage', theirs)).toBe(path.join(theirs, 'voyage-2.1.0-2'));
    expect(readFileSync(path.join(theirs, 'voyage-2.1.0', 'mes-photos.txt'), 'utf8')).toBe(
      'à garder',
    );
    const b = box();
    const outcome = await importPack(b.ctx, { kind: 'folder', path: written, origin: 'usb' });
    expect(outcome).toEqual({ status: 'imported', packId: 'voyage', version: '2.1.0' });
    expect(b.ctx.catalogue.repo.getPack('voyage')?.workCount).toBe(2);
  });

  it("exports the local pack under the library's name, so it never replaces another box's own", async () => {
    const a = box();
    a.ctx.settings.update({ libraryName: 'Médiathèque de Morlaix' });
    const files = path.join(a.dir, 'vrac');
    const outcome = await publishLocal(
      a.ctx,
      [localFile(files, 'plan.txt', 'plan du quartier')],
      'Médiathèque de Morlaix',
    );
    expect(outcome.status).toBe('imported');
    const stick = path.join(a.dir, 'cle');
    mkdirSync(stick);
    const written = await exportPack(a.ctx, 'pack-local', stick);
    expect(path.basename(written)).toBe('fonds-mediatheque-de-morlaix-1.0.0');
    const manifest = JSON.parse(readFileSync(path.join(written, 'lanterne-pack.json'), 'utf8')) as {
      id: string;
    };
    expect(manifest.id).toBe('fonds-mediatheque-de-morlaix');

    const b = box();
    await publishLocal(
      b.ctx,
      [localFile(path.join(b.dir, 'vrac'), 'horaires.txt', 'ouvert le mardi')],
      'Bibliothèque B',
    );
    expect((await importPack(b.ctx, { kind: 'folder', path: written, origin: 'usb' })).status).toBe(
      'imported',
    );
    expect(
      b.ctx.catalogue.repo
        .listPacks()
        .map((p) => p.id)
        .sort(),
    ).toEqual(['fonds-mediatheque-de-morlaix', 'pack-local']);
    expect(b.ctx.catalogue.repo.getPack('pack-local')?.workCount).toBe(1);
  });

  it('says so in French when the pack is not installed', async () => {
    const a = box();
    await expect(exportPack(a.ctx, 'absent', a.dir)).rejects.toThrow(ExportError);
    await expect(exportPack(a.ctx, 'absent', a.dir)).rejects.toThrow(
      "Le pack « absent » n'est pas installé sur la boîte.",
    );
    expect(existsSync(path.join(a.dir, 'absent-1.0.0'))).toBe(false);
  });
});
