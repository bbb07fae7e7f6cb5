import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { importPack, removePack } from '../../src/server/packs/import.js';
import { appRoot } from '../../src/server/paths.js';
import { makeTestBox, type TestBox } from '../helpers/box.js';
import { starterIds } from './helpers.js';

let box: TestBox;
afterEach(async () => box?.cleanup());

it('installs the starter notices from the bundled demo pack through the real pack import, and removes them with it', async () => {
  box = makeTestBox();
  const outcome = await importPack(box.ctx, {
    kind: 'folder',
    path: path.join(appRoot(), 'content'),
    origin: 'bundled',
  });
  expect(outcome.status).toBe('imported');
  expect(box.ctx.notices.errors()).toEqual([]);
  expect(
    box.ctx.notices
      .list()
      .map((n) => n.id)
      .sort(),
  ).toEqual(starterIds());
  const res = await box.app.request('/notices/appel-video/pictures/3');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('image/svg+xml');
  expect((await box.app.request('/fr/notices/appel-video')).status).toBe(200);
  if (outcome.status !== 'imported') return;
  await removePack(box.ctx, outcome.packId);
  expect(box.ctx.notices.list()).toEqual([]);
}, 60_000);
