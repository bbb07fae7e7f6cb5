import { copyFileSync, existsSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import yazl from 'yazl';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withPackLock } from '../../../src/server/packs/import.js';
import { generateSigningKey } from '../../../src/server/packs/trust/signature.js';
import { usbService, type UsbService } from '../../../src/server/packs/watch/service.js';
import { StickWatcher } from '../../../src/server/packs/watch/watcher.js';
import { makeTestBox, type TestBox } from '../../helpers/box.js';
import { REAL_EPUBS, mp3WithTags } from '../tool/fixtures.js';
import { plugStick, signPack, until, waitForEntry, writePack } from './helpers.js';

let box: TestBox;
let service: UsbService;
let watcher: StickWatcher;
let media: string;

beforeEach(async () => {
  box = makeTestBox();
  media = box.ctx.config.mediaDir;
  service = usbService(box.ctx);
  // A stick pulled out while it is being read may log a warning; that is fine here.
  watcher = new StickWatcher(media, service, () => undefined, 50);
  await watcher.start();
});

afterEach(async () => {
  await watcher.stop();
  await service.idle();
  await box.cleanup();
});

const packIds = () => box.ctx.catalogue.repo.listPacks().map((p) => `${p.id}@${p.version}`);

describe('USB sticks: real folders, real chokidar events', () => {
  it('an unsigned pack is detected, waits with its summary, and imports once approved', async () => {
    plugStick(media, 'pi/CLE-BIBLIO', (root) =>
      writePack(path.join(root, 'contes'), {
        id: 'contes',
        sizes: [1000, 2000],
        licence: 'CC-BY-SA-4.0',
      }),
    );
    const waiting = await waitForEntry(service.queue, (e) => e.state === 'waiting');
    expect(waiting.stick).toBe(path.join(media, 'pi', 'CLE-BIBLIO'));
    expect(waiting.summary).toMatchObject({
      id: 'contes',
      itemCount: 2,
      totalBytes: 3000,
      licences: ['CC-BY-SA-4.0'],
      signature: 'none',
    });
    expect(packIds()).toEqual([]);
    expect(service.approve(waiting.key)).toBe(true);
    const done = await waitForEntry(service.queue, (e) => e.state === 'imported');
    expect(done.automatic).toBe(false);
    expect(packIds()).toEqual(['contes@1.0.0']);
  });

  it('a pack signed with a trusted key imports by itself; an unknown key waits; a changed manifest is invalid', async () => {
    const trusted = generateSigningKey();
    const stranger = generateSigningKey();
    expect(service.trust.add('Réseau des médiathèques', trusted.publicKey)).toEqual({ ok: true });
    plugStick(media, 'SIGNES', (root) => {
      signPack(
        path.join(root, 'a'),
        writePack(path.join(root, 'a'), { id: 'pack-a' }),
        trusted.privateKeyPem,
      );
      signPack(
        path.join(root, 'b'),
        writePack(path.join(root, 'b'), { id: 'pack-b' }),
        stranger.privateKeyPem,
      );
      const manifest = writePack(path.join(root, 'c'), { id: 'pack-c' });
      signPack(path.join(root, 'c'), manifest, trusted.privateKeyPem);
      // Someone edits the manifest after signing it.
      writeFileSync(
        path.join(root, 'c', 'lanterne-pack.json'),
        manifest.toString().replace('Pack pack-c', 'Pack modifié'),
      );
    });
    const a = await waitForEntry(
      service.queue,
      (e) => e.summary?.id === 'pack-a' && e.state === 'imported',
    );
    expect(a.automatic).toBe(true);
    expect(a.summary).toMatchObject({ signature: 'valid', signer: 'Réseau des médiathèques' });
    const b = await waitForEntry(
      service.queue,
      (e) => e.summary?.id === 'pack-b' && e.state === 'waiting',
    );
    expect(b.summary?.signature).toBe('untrusted');
    const c = await waitForEntry(
      service.queue,
      (e) => e.summary?.id === 'pack-c' && e.state === 'waiting',
    );
    expect(c.summary?.signature).toBe('invalid');
    expect(c.message).toMatch(/signature ne correspond pas/);
    await service.idle();
    expect(packIds()).toEqual(['pack-a@1.0.0']);
    // Once the animateur trusts the second signer, its waiting pack imports by itself.
    service.trust.add('Bibliothèque voisine', stranger.publicKey);
    service.trustChanged();
    const bNow = await waitForEntry(
      service.queue,
      (e) => e.summary?.id === 'pack-b' && e.state === 'imported',
    );
    expect(bNow.automatic).toBe(true);
    await service.idle();
    expect(service.queue.list().find((e) => e.summary?.id === 'pack-c')?.state).toBe('waiting');
    expect(packIds().sort()).toEqual(['pack-a@1.0.0', 'pack-b@1.0.0']);
  });

  it('a stick pulled out mid-import fails cleanly, says "clé retirée", and resumes when plugged back', async () => {
    let pulled = '';
    const parked = path.join(path.dirname(media), 'parked');
    const stick = plugStick(media, 'GROSSE', (root) =>
      writePack(root, { id: 'gros', sizes: [12_000_000, 12_000_000, 12_000_000] }),
    );
    const waiting = await waitForEntry(service.queue, (e) => e.state === 'waiting');
    const off = service.queue.onChange((e) => {
      if (
        !pulled &&
        e.state === 'importing' &&
        e.progress?.phase === 'copying' &&
        e.progress.bytesDone > 0
      ) {
        pulled = stick;
        renameSync(stick, parked); // the stick leaves /media while the copy runs
      }
    });
    service.approve(waiting.key);
    const removed = await waitForEntry(service.queue, (e) => e.state === 'removed');
    off();
    expect(pulled).not.toBe('');
    expect(removed.message).toMatch(/^Clé retirée pendant l'import/);
    await service.idle();
    expect(packIds()).toEqual([]);
    expect(readdirSync(box.ctx.paths.stagingDir)).toEqual([]);
    // Same stick again: it was approved, so it imports without asking.
    renameSync(parked, stick);
    const back = await waitForEntry(service.queue, (e) => e.state === 'imported');
    expect(back.summary?.id).toBe('gros');
    expect(packIds()).toEqual(['gros@1.0.0']);
  });

  it('a stick swapped for another under the same name shows the new one and never imports the old', async () => {
    const first = plugStick(media, 'CLE', (root) => writePack(root, { id: 'premier' }));
    await waitForEntry(service.queue, (e) => e.summary?.id === 'premier' && e.state === 'waiting');
    rmSync(first, { recursive: true });
    plugStick(media, 'CLE', (root) => writePack(root, { id: 'second' }));
    const second = await waitForEntry(
      service.queue,
      (e) => e.summary?.id === 'second' && e.state === 'waiting',
    );
    await service.idle();
    expect(service.queue.list().map((e) => e.summary?.id)).toEqual(['second']);
    service.approve(second.key);
    await waitForEntry(service.queue, (e) => e.state === 'imported');
    expect(packIds()).toEqual(['second@1.0.0']);
  });

  it('a stick swapped during an approved import stops that import; the new stick waits for its own approval', async () => {
    let release = () => undefined as void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const busy = withPackLock(box.ctx, () => gate);
    const first = plugStick(media, 'CLE', (root) => writePack(root, { id: 'ancien' }));
    const waiting = await waitForEntry(
      service.queue,
      (e) => e.summary?.id === 'ancien' && e.state === 'waiting',
    );
    service.approve(waiting.key);
    await waitForEntry(service.queue, (e) => e.summary?.id === 'ancien' && e.state === 'queued');
    rmSync(first, { recursive: true });
    plugStick(media, 'CLE', (root) => writePack(root, { id: 'nouveau' }));
    await waitForEntry(service.queue, (e) => e.summary?.id === 'nouveau' && e.state === 'waiting');
    release();
    await busy;
    await service.idle();
    expect(service.queue.list().map((e) => [e.summary?.id, e.state])).toEqual([
      ['nouveau', 'waiting'],
    ]);
    expect(packIds()).toEqual([]);
  });

  it('a stick with files but no pack offers them to sort, and publishes the confirmed ones as the local pack', async () => {
    const stick = plugStick(media, 'VRAC', (root) => {
      copyFileSync(
        path.join(REAL_EPUBS, 'walt-whitman_leaves-of-grass.epub'),
        path.join(root, 'whitman.epub'),
      );
      writeFileSync(
        path.join(root, 'chanson.mp3'),
        mp3WithTags({ TIT2: 'La Chanson', TPE1: 'Chorale Été', TCOP: 'CC BY 4.0' }),
      );
      writeFileSync(path.join(root, 'notes.txt'), 'à jeter');
    });
    await until(() => service.sorting.get(stick)?.state === 'ready');
    const session = service.sorting.get(stick);
    expect(service.queue.list()).toEqual([]);
    const files = new Map(session?.files.map((f) => [f.rel, f]));
    expect(files.get('whitman.epub')).toMatchObject({
      type: 'book',
      title: 'Leaves of Grass',
      authors: 'Walt Whitman',
      licence: '',
    });
    expect(files.get('whitman.epub')?.note).toMatch(/^à confirmer/);
    expect(files.get('chanson.mp3')).toMatchObject({
      type: 'audio',
      title: 'La Chanson',
      licence: 'CC-BY-4.0',
    });

    const whitman = files.get('whitman.epub');
    const song = files.get('chanson.mp3');
    if (!whitman || !song) throw new Error('fichiers manquants');
    const refused = service.sorting.publish(stick, [
      { index: whitman.index, title: 'Leaves of Grass', authors: 'Walt Whitman', licence: '' },
    ]);
    expect(refused).toEqual({
      ok: false,
      errors: ['whitman.epub : choisissez la licence (ou décochez le fichier).'],
    });

    const first = service.sorting.publish(stick, [
      {
        index: whitman.index,
        title: 'Feuilles d’herbe',
        authors: 'Walt Whitman',
        licence: 'public-domain',
      },
    ]);
    if (!first.ok) throw new Error(first.errors.join());
    await first.done;
    expect(service.sorting.get(stick)?.state).toBe('published');
    expect(packIds()).toEqual(['pack-local@1.0.0']);
    const second = service.sorting.publish(stick, [
      {
        index: song.index,
        title: 'La Chanson',
        authors: 'Chorale Été (narrateur)',
        licence: 'CC-BY-4.0',
      },
    ]);
    if (!second.ok) throw new Error(second.errors.join());
    await second.done;
    expect(packIds()).toEqual(['pack-local@1.0.1']);
    const local = box.ctx.catalogue.repo.getPack('pack-local');
    expect(local?.workCount).toBe(2);
    expect(local?.origin).toBe('local');
    expect(
      existsSync(path.join(box.ctx.paths.packsDir, local?.dir ?? 'x', 'files', 'whitman.epub')),
    ).toBe(true);
  });

  it('a zip pack at the stick root is found; a zip that is not a pack is ignored', async () => {
    const { writePackZip } = await import('../../../src/server/packs/tool/zip-write.js');
    const { manifestSchema } = await import('../../../src/server/packs/manifest.js');
    const folder = path.join(box.dir, 'zip-src');
    const manifest = writePack(folder, { id: 'zippe' });
    const zip = await writePackZip(
      folder,
      manifestSchema.parse(JSON.parse(manifest.toString())),
      path.join(box.dir, 'zippe.zip'),
    );
    const photos = new yazl.ZipFile();
    photos.addBuffer(Buffer.from('pas une image'), 'vacances/photo-1.jpg');
    photos.end();
    const photosZip = await new Promise<Buffer>((resolve) => {
      const parts: Buffer[] = [];
      photos.outputStream
        .on('data', (c: Buffer) => parts.push(c))
        .on('end', () => resolve(Buffer.concat(parts)));
    });
    plugStick(media, 'ZIPS', (root) => {
      copyFileSync(zip, path.join(root, 'zippe.zip'));
      writeFileSync(path.join(root, 'photos.zip'), photosZip); // a zip, but not a pack
    });
    const entry = await waitForEntry(
      service.queue,
      (e) => e.summary?.id === 'zippe' && e.state === 'waiting',
    );
    expect(entry.source.kind).toBe('zip');
    await service.idle();
    expect(service.queue.list().map((e) => path.basename(e.source.path))).toEqual(['zippe.zip']);
  });
});
