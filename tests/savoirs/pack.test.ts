import { statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPack, removePack } from '../../src/server/packs/import.js';
import { inspectPack } from '../../src/server/packs/inspect.js';
import { usbService } from '../../src/server/packs/watch/service.js';
import { StickWatcher } from '../../src/server/packs/watch/watcher.js';
import { KIWIX, SAVOIRS, startSavoirs } from '../../src/server/savoirs/index.js';
import { makeTestBox } from '../helpers/box.js';
import { writePack } from '../packs/fixtures/packs.js';
import { plugStick, waitForEntry } from '../packs/usb/helpers.js';
import { freePort, until, useFrenchZim } from './zim-fixture.js';
import { ZIM_BOOK, ZIM_WORK, writeZimPack } from './zim-pack.js';

describe('a ZIM pack from a stick to the portal, and away again (real kiwix-serve)', () => {
  const fixture = useFrenchZim('lanterne-kiwix-pack-');

  it('is imported from a stick, opened from its work page, browsed, searched, then removed', async () => {
    const box = makeTestBox({ kiwixPort: await freePort() });
    const service = usbService(box.ctx);
    const watcher = new StickWatcher(box.ctx.config.mediaDir, service, () => undefined, 50);
    const stop = await startSavoirs(box.ctx);
    await watcher.start();
    try {
      expect(box.ctx.services.get(KIWIX).state().kind).toBe('empty');
      const empty = await box.app.request(`${ZIM_BOOK}/Lune.html`);
      expect(empty.status).toBe(404);
      expect(await empty.text()).toContain('Aucune encyclopédie n’est installée');

      plugStick(box.ctx.config.mediaDir, 'WIKI', (root) =>
        writeZimPack(path.join(root, 'encyclo'), fixture.zim()),
      );
      const waiting = await waitForEntry(service.queue, (e) => e.state === 'waiting');
      expect(waiting.summary).toMatchObject({ id: 'encyclo', itemCount: 1 });
      service.approve(waiting.key);
      const done = await waitForEntry(
        service.queue,
        (e) => e.state === 'imported' || e.state === 'failed' || e.state === 'rejected',
      );
      expect(done.problems).toEqual([]);
      expect(done.state).toBe('imported');
      await service.idle();
      await box.ctx.services.get(SAVOIRS).settled();

      // Browsed through the box's proxy, under the work's own name.
      const article = await until(async () => {
        const r = await box.app.request(`${ZIM_BOOK}/Lune.html`);
        return r.status === 200 ? r : undefined;
      });
      expect(await article.text()).toContain('unique satellite naturel');
      expect(article.headers.get('content-security-policy')).toBeTruthy();

      // The work page: its type, licence and attribution, and the way in.
      const page = await (await box.app.request(`/fr/works/${ZIM_WORK}`)).text();
      expect(page).toContain('Encyclopédie');
      expect(page).toContain('contributeurs de Wikipédia, CC BY-SA 4.0');
      expect(page).toContain(`href="${ZIM_BOOK}/"`);
      expect(page).toContain('Ouvrir l’encyclopédie');
      const library = await box.app.request('/savoirs/');
      expect(library.headers.get('location')).toBe('/browse?type=encyclopedia');
      const list = await (await box.app.request('/fr/browse?type=encyclopedia')).text();
      expect(list).toContain(`/works/${ZIM_WORK}`);
      const welcome = await box.app.request(`${ZIM_BOOK}/`);
      expect(welcome.headers.get('location')).toBe(`${ZIM_BOOK}/index.html`);

      // The same catalogue work in OPDS and the kiosk.
      const opds = await (await box.app.request('/opds/types/encyclopedia')).text();
      expect(opds).toContain('Mini encyclopédie');
      const kiosk = (await (await box.app.request(`/api/kiosk/works/${ZIM_WORK}`)).json()) as {
        type: string;
        attribution: string;
      };
      expect(kiosk).toMatchObject({ type: 'encyclopedia' });
      expect(kiosk.attribution).toContain('CC BY-SA 4.0');

      // Search: the articles apart from the works, by full text and by title.
      const found = await (await box.app.request('/fr/search?q=satellite')).text();
      expect(found).toContain('Articles des encyclopédies');
      expect(found).toContain(`href="${ZIM_BOOK}/Lune.html"`);
      expect(found).toMatch(/dans Mini encyclopédie/);
      const byTitle = await (await box.app.request('/fr/search?q=Loire')).text();
      expect(byTitle).toContain(`href="${ZIM_BOOK}/Loire.html"`);
      const books = await (await box.app.request('/fr/search?q=Loire&type=book')).text();
      expect(books).not.toContain('Articles des encyclopédies');
      const work = await (await box.app.request('/fr/search?q=encyclopedie')).text();
      expect(work).toContain(`/works/${ZIM_WORK}`);

      // Removed: the library is regenerated without it, and the box says so in French.
      const pid = box.ctx.services.get(KIWIX).state();
      expect(pid.kind).toBe('running');
      expect(await removePack(box.ctx, 'encyclo')).toBe(true);
      await box.ctx.services.get(SAVOIRS).settled();
      expect(box.ctx.services.get(KIWIX).books()).toEqual([]);
      expect(box.ctx.services.get(KIWIX).state().kind).toBe('empty');
      const gone = await box.app.request(`${ZIM_BOOK}/Lune.html`);
      expect(gone.status).toBe(404);
      expect(await gone.text()).toContain('Aucune encyclopédie n’est installée');
      const after = await (await box.app.request('/fr/search?q=satellite')).text();
      expect(after).not.toContain('Articles des encyclopédies');
      expect((await box.app.request(`/fr/works/${ZIM_WORK}`)).status).toBe(404);
    } finally {
      await watcher.stop();
      await service.idle();
      await stop();
      await box.cleanup();
    }
  }, 180_000);

  it('says in French when kiwix-serve is down, and keeps serving the rest, search included', async () => {
    const box = makeTestBox({ kiwixPort: await freePort() });
    const stop = await startSavoirs(box.ctx);
    try {
      const dir = path.join(box.dir, 'cle', 'encyclo');
      writeZimPack(dir, fixture.zim());
      const progress: Array<{ file?: string | undefined; bytesDone: number; bytesTotal: number }> =
        [];
      const outcome = await importPack(
        box.ctx,
        { kind: 'folder', path: dir, origin: 'usb' },
        { onProgress: (p) => progress.push(p) },
      );
      expect(outcome.status).toBe('imported');
      // The ZIM is copied (and its SHA-256 checked) like any big file, with its progress.
      const zimSize = statSync(path.join(dir, 'savoirs', 'mini-encyclo_fr.zim')).size;
      expect(progress.some((p) => p.file === 'savoirs/mini-encyclo_fr.zim')).toBe(true);
      expect(progress.at(-1)).toMatchObject({ bytesDone: zimSize, bytesTotal: zimSize });
      await box.ctx.services.get(SAVOIRS).settled();
      await until(async () =>
        (await box.app.request(`${ZIM_BOOK}/`)).status === 302 ? true : undefined,
      );
      // A second import of a pack without ZIM does not restart kiwix-serve.
      const running = box.ctx.services.get(KIWIX).state();
      const other = path.join(box.dir, 'cle', 'livres');
      writePack(other, {
        id: 'livres',
        items: [{ id: 'un', files: [{ path: 'un.txt', content: 'un' }] }],
      });
      expect(
        (await importPack(box.ctx, { kind: 'folder', path: other, origin: 'usb' })).status,
      ).toBe('imported');
      await box.ctx.services.get(SAVOIRS).settled();
      expect(box.ctx.services.get(KIWIX).state()).toEqual(running);

      await box.ctx.services.get(KIWIX).stop();
      const page = await (await box.app.request(`/fr/works/${ZIM_WORK}`)).text();
      expect(page).toContain('momentanément indisponibles');
      expect(page).not.toContain('data-testid="savoirs-open"');
      const down = await box.app.request(`${ZIM_BOOK}/Lune.html`);
      expect(down.status).toBe(503);
      expect(down.headers.get('content-type')).toMatch(/^text\/html/);
      const text = await down.text();
      expect(text).toContain('Le reste de la bibliothèque fonctionne');
      expect(text).not.toMatch(/ECONNREFUSED|fetch failed|127\.0\.0\.1/);
      const search = await box.app.request('/fr/search?q=satellite');
      expect(search.status).toBe(200);
      expect(await search.text()).not.toContain('Articles des encyclopédies');
      expect((await box.app.request('/fr/search?q=encyclopedie')).status).toBe(200);
    } finally {
      await stop();
      await box.cleanup();
    }
  }, 120_000);
});

describe('ZIM files go through the pack checks', () => {
  const fixture = useFrenchZim('lanterne-kiwix-checks-');

  it('an encyclopedia carries exactly one real .zim, and only an encyclopedia carries one', async () => {
    const box = makeTestBox();
    try {
      const check = async (items: Parameters<typeof writePack>[1]['items']) => {
        const dir = path.join(box.dir, `p${Math.random().toString(36).slice(2)}`);
        writePack(dir, { id: 'essai', items });
        const r = await inspectPack(
          { kind: 'folder', path: dir, origin: 'usb' },
          { licencePolicy: 'free-culture' },
        );
        return r.problems.map((p) => p.code);
      };
      const { readFileSync } = await import('node:fs');
      const zim = readFileSync(fixture.zim());
      expect(
        await check([{ id: 'w', type: 'encyclopedia', files: [{ path: 'w.zim', content: zim }] }]),
      ).toEqual([]);
      expect(
        await check([{ id: 'w', type: 'book', files: [{ path: 'w.zim', content: zim }] }]),
      ).toEqual(['zim-outside-encyclopedia']);
      expect(
        await check([
          {
            id: 'w',
            type: 'encyclopedia',
            files: [
              { path: 'w.zim', content: zim },
              { path: 'l.txt', content: 'x' },
            ],
          },
        ]),
      ).toEqual(['encyclopedia-needs-one-zim']);
      expect(
        await check([{ id: 'w', type: 'encyclopedia', files: [{ path: 'w.txt', content: 'x' }] }]),
      ).toEqual(['encyclopedia-needs-one-zim']);
      expect(
        await check([
          {
            id: 'w',
            type: 'encyclopedia',
            files: [{ path: 'w.zim', content: '<html>pas un zim</html>' }],
          },
        ]),
      ).toEqual(['not-a-zim']);
    } finally {
      await box.cleanup();
    }
  }, 60_000);
});

it('the pack tool takes a .zim for an encyclopaedia', async () => {
  const { guessType } = await import('../../src/server/packs/tool/extract.js');
  expect(guessType('savoirs/vikidia_fr_all_maxi_2025-01.ZIM')).toBe('encyclopedia');
  expect(guessType('livres/conte.epub')).toBe('book');
});
