import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listSticks } from '../../src/server/sticks/list.js';
import { request, setUpAdmin } from '../admin/http.js';
import { addWorks, makeTestBox, work, type TestBox } from '../helpers/box.js';

let box: TestBox | undefined;
afterEach(async () => {
  await box?.cleanup();
  box = undefined;
});

function plug(media: string, rel: string, files: string[]): void {
  for (const f of files) {
    const file = path.join(media, rel, f);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, 'x');
  }
}

/** The labels of a `<select name=…>`'s options, in page order. */
function options(html: string, name: string): string[] {
  const select = new RegExp(`<select name="${name}">(.*?)</select>`, 's').exec(html)?.[1] ?? '';
  return [...select.matchAll(/<option[^>]*>([^<]*)<\/option>/g)].map((m) => m[1] ?? '');
}

describe('one definition of a stick', () => {
  it('a stick with only folders, a desktop user folder and a plain stick are read the same way', async () => {
    box = makeTestBox();
    const media = box.ctx.config.mediaDir;
    plug(media, 'LANTERNE-A', ['notes.txt']);
    plug(media, 'pi/LANTERNE-B', ['photo.jpg']);
    plug(media, 'LANTERNE-C', ['contes/lanterne-pack.json']);
    mkdirSync(path.join(media, 'LANTERNE-D', 'Livres'), { recursive: true });
    mkdirSync(path.join(media, 'LANTERNE-A', 'System Volume Information'), { recursive: true });
    const sticks = await listSticks(media);
    expect(sticks.map((s) => s.id)).toEqual([
      'LANTERNE-A',
      'LANTERNE-C',
      'LANTERNE-D/Livres',
      'pi/LANTERNE-B',
    ]);
    expect(sticks.find((s) => s.id === 'pi/LANTERNE-B')).toMatchObject({
      root: path.join(media, 'pi', 'LANTERNE-B'),
      label: 'LANTERNE-B',
    });
  });

  it('the statistics page and the packs page offer the same sticks', async () => {
    box = makeTestBox();
    const media = box.ctx.config.mediaDir;
    addWorks(box.ctx, 'voyage', [work('carnet', 'Carnet de voyage')]);
    plug(media, 'LANTERNE-A', ['notes.txt']);
    plug(media, 'pi/LANTERNE-B', ['photo.jpg']);
    // A stick holding only folders (no file at its root): once one stick for the
    // statistics page and its sub-folder for the packs page.
    mkdirSync(path.join(media, 'LANTERNE-D', 'Livres', 'Romans'), { recursive: true });
    const url = (await box.listen()).url;
    const { cookie } = await setUpAdmin(box, url);
    const stats = options(
      (await request(`${url}/admin/stats`, { headers: { cookie } })).body,
      'stick',
    );
    const packs = options(
      (await request(`${url}/admin/packs`, { headers: { cookie } })).body,
      'target',
    );
    expect(stats).toEqual(['LANTERNE-A', 'Livres', 'LANTERNE-B']);
    expect(packs).toEqual(stats);
  });
});
