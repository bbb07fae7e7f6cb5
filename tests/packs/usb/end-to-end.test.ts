import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/server/packs/cli.js';
import { readCsv, writeCsv } from '../../../src/server/packs/tool/csv.js';
import { usbService } from '../../../src/server/packs/watch/service.js';
import { StickWatcher } from '../../../src/server/packs/watch/watcher.js';
import { makeTestBox, type TestBox } from '../../helpers/box.js';
import { copyRealEpubs } from '../tool/fixtures.js';
import { plugStick, waitForEntry } from './helpers.js';

let box: TestBox;
let work: string;

beforeAll(() => {
  box = makeTestBox();
  work = copyRealEpubs();
});
afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  await box.cleanup();
});

describe('from three real EPUBs to the portal search, through a signed stick', () => {
  it('init → person confirms licences → build → sign → stick → automatic import → searchable', async () => {
    const quiet = () => undefined;
    expect(await runCli(['init', work], quiet, quiet)).toBe(0);
    expect(await runCli(['build', work], quiet, quiet)).toBe(1); // licences still to confirm
    const csv = path.join(work, 'metadata.csv');
    const rows = readCsv(readFileSync(csv, 'utf8')).map((r) => ({
      ...r.row,
      licence: 'public-domain',
    }));
    writeFileSync(csv, writeCsv(rows));
    expect(
      await runCli(
        ['build', work, '--id', 'classiques-en', '--title', 'Classiques en anglais'],
        quiet,
        quiet,
      ),
    ).toBe(0);
    const lines: string[] = [];
    const keyFile = path.join(box.dir, 'reseau.key');
    expect(await runCli(['keygen', '--out', keyFile], (l) => lines.push(l), quiet)).toBe(0);
    expect(await runCli(['sign', work, '--key', keyFile], quiet, quiet)).toBe(0);

    const service = usbService(box.ctx);
    expect(service.trust.add('Réseau des médiathèques', lines.at(-1) ?? '')).toEqual({ ok: true });
    const watcher = new StickWatcher(box.ctx.config.mediaDir, service, quiet, 50);
    await watcher.start();
    try {
      plugStick(box.ctx.config.mediaDir, 'RESEAU', (root) => {
        const target = path.join(root, 'classiques');
        writeFileSync(path.join(root, 'lisez-moi.txt'), 'Clé du réseau');
        // A stick holds a copy of the built folder.
        for (const rel of [
          'lanterne-pack.json',
          'lanterne-pack.sig',
          ...rows.flatMap((r) => [r.file, r.cover]),
        ]) {
          const from = path.join(work, rel);
          const to = path.join(target, rel);
          mkdirSync(path.dirname(to), { recursive: true });
          writeFileSync(to, readFileSync(from));
        }
      });
      const done = await waitForEntry(
        service.queue,
        (e) => e.state === 'imported' || e.state === 'failed' || e.state === 'rejected',
      );
      expect(done.problems).toEqual([]);
      expect(done).toMatchObject({ state: 'imported', automatic: true });
      expect(done.summary).toMatchObject({
        id: 'classiques-en',
        itemCount: 3,
        signature: 'valid',
        signer: 'Réseau des médiathèques',
      });
    } finally {
      await watcher.stop();
    }
    const { url } = await box.listen();
    const page = await (await fetch(`${url}/fr/search?q=whitman`)).text();
    expect(page).toContain('Leaves of Grass');
  });
});
