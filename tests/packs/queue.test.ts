import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { PackQueue, type QueueState } from '../../src/server/packs/queue.js';
import { makeTestBox, type TestBox } from '../helpers/box.js';
import { simplePack, writePack } from './fixtures/packs.js';

let box: TestBox;
let src: string;
beforeEach(() => {
  box = makeTestBox();
  src = mkdtempSync(path.join(tmpdir(), 'lanterne-queue-'));
});
afterEach(async () => {
  await box.cleanup();
  rmSync(src, { recursive: true, force: true });
});

it('an unsigned pack waits for approval, then imports with progress', async () => {
  writePack(path.join(src, 'p'), simplePack(3));
  const queue = new PackQueue(box.ctx);
  const states: QueueState[] = [];
  queue.on((e) => {
    if (states.at(-1) !== e.state) states.push(e.state);
  });
  const entry = await queue.detect({ kind: 'folder', path: path.join(src, 'p'), origin: 'usb' });
  expect(entry).toMatchObject({
    state: 'waiting-approval',
    packId: 'essai',
    itemCount: 3,
    licences: ['CC-BY-4.0'],
    signature: 'none',
  });
  expect(box.ctx.catalogue.find({}).total).toBe(0);
  const done = await queue.approve(entry.id);
  expect(done?.state).toBe('imported');
  expect(done?.progress?.phase).toBe('done');
  expect(states).toEqual(['detected', 'waiting-approval', 'importing', 'imported']);
  expect(box.ctx.catalogue.find({}).total).toBe(3);
});

it('a trusted signature imports without approval; a broken pack fails with its problems', async () => {
  writePack(path.join(src, 'ok'), simplePack(2));
  writePack(path.join(src, 'bad'), simplePack(2, { id: 'casse' }), (m) => {
    (m.items[0] as Record<string, unknown>)['licence'] = 'Tous-droits-réservés';
  });
  const queue = new PackQueue(box.ctx, {
    checkSignature: async () => ({ signature: 'valid', signer: 'Médiathèque' }),
  });
  const ok = await queue.detect({ kind: 'folder', path: path.join(src, 'ok'), origin: 'usb' });
  expect(ok).toMatchObject({ state: 'imported', signer: 'Médiathèque' });
  const bad = await queue.detect({ kind: 'folder', path: path.join(src, 'bad'), origin: 'usb' });
  expect(bad.state).toBe('failed');
  expect(bad.problems[0]?.code).toBe('unknown-licence');
  queue.sourceGone(src);
  expect(
    queue
      .list()
      .map((e) => e.state)
      .sort(),
  ).toEqual(['failed', 'imported']);
  queue.dismiss(bad.id);
  expect(queue.list()).toHaveLength(1);
});
