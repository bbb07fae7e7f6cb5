import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCAL_PACK_ID as LOCAL_NOTICES_ID } from '../../src/server/notices/admin/local.js';
import { importPack } from '../../src/server/packs/import.js';
import { RESERVED_PACK_IDS } from '../../src/server/packs/reserved.js';
import { LOCAL_PACK_ID } from '../../src/server/packs/watch/local-pack.js';
import { makeTestBox, type TestBox } from '../helpers/box.js';
import { simplePack, writePack } from './fixtures/packs.js';

let box: TestBox;
let src: string;
beforeEach(() => {
  box = makeTestBox();
  src = mkdtempSync(path.join(tmpdir(), 'lanterne-reserved-'));
});
afterEach(async () => {
  await box.cleanup();
  rmSync(src, { recursive: true, force: true });
});

describe('pack ids made on the box', () => {
  it('are the ids the local pack and the notice editor really use', () => {
    expect([...RESERVED_PACK_IDS].sort()).toEqual([LOCAL_NOTICES_ID, LOCAL_PACK_ID].sort());
  });

  it('cannot be taken by a pack from a stick or an upload', async () => {
    for (const id of RESERVED_PACK_IDS) {
      for (const origin of ['usb', 'upload'] as const) {
        const dir = path.join(src, `${id}-${origin}`);
        writePack(dir, simplePack(1, { id }));
        const outcome = await importPack(box.ctx, { kind: 'folder', path: dir, origin });
        expect(outcome.status, `${id} from ${origin}`).toBe('rejected');
        if (outcome.status === 'rejected') {
          expect(outcome.problems[0]).toMatchObject({
            code: 'reserved-id',
            file: 'lanterne-pack.json',
          });
          expect(outcome.problems[0]?.message).toContain('réservé');
        }
      }
    }
    expect(box.ctx.catalogue.repo.listPacks()).toEqual([]);
  });

  it('stay usable by the box itself', async () => {
    const dir = path.join(src, 'local');
    writePack(dir, simplePack(1, { id: LOCAL_PACK_ID }));
    const outcome = await importPack(box.ctx, { kind: 'folder', path: dir, origin: 'local' });
    expect(outcome.status).toBe('imported');
  });
});
