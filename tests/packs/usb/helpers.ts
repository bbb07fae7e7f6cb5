import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MANIFEST_FILE } from '../../../src/server/packs/manifest.js';
import { signManifest } from '../../../src/server/packs/trust/signature.js';
import type { PackQueue, QueueEntry } from '../../../src/server/packs/watch/queue.js';
import { usbService, type UsbService } from '../../../src/server/packs/watch/service.js';
import { StickWatcher } from '../../../src/server/packs/watch/watcher.js';
import { makeTestBox, type TestBox } from '../../helpers/box.js';

export interface PackSpec {
  id: string;
  version?: string;
  title?: string;
  /** Sizes of the works' files, in bytes. */
  sizes?: number[];
  licence?: string;
}

/** Writes a valid pack (files + manifest) into `dir`; returns the manifest bytes. */
export function writePack(dir: string, spec: PackSpec): Buffer {
  mkdirSync(dir, { recursive: true });
  const items = (spec.sizes ?? [100]).map((size, i) => {
    const name = `oeuvre-${i + 1}.txt`;
    const content = Buffer.alloc(size, `${spec.id} œuvre ${i + 1} `);
    mkdirSync(path.join(dir, 'livres'), { recursive: true });
    writeFileSync(path.join(dir, 'livres', name), content);
    return {
      id: `oeuvre-${i + 1}`,
      type: 'document',
      title: `${spec.title ?? spec.id} : œuvre ${i + 1}`,
      authors: [{ name: 'Autrice Test', role: 'author' }],
      language: 'fr',
      licence: spec.licence ?? 'CC-BY-4.0',
      attribution: `« Œuvre ${i + 1} », Autrice Test, CC BY 4.0`,
      files: [
        {
          path: `livres/${name}`,
          size: content.length,
          sha256: createHash('sha256').update(content).digest('hex'),
        },
      ],
    };
  });
  const manifest = Buffer.from(
    JSON.stringify(
      {
        format: 'lanterne-pack/1',
        id: spec.id,
        version: spec.version ?? '1.0.0',
        title: spec.title ?? `Pack ${spec.id}`,
        publisher: 'Médiathèque test',
        languages: ['fr'],
        created: '2026-11-01',
        items,
      },
      null,
      2,
    ),
  );
  writeFileSync(path.join(dir, MANIFEST_FILE), manifest);
  return manifest;
}

export function signPack(dir: string, manifest: Buffer, privateKeyPem: string): void {
  writeFileSync(path.join(dir, 'lanterne-pack.sig'), signManifest(manifest, privateKeyPem));
}

/** Prepares a stick beside the media folder, then "mounts" it with one rename. */
export function plugStick(mediaDir: string, label: string, fill: (root: string) => void): string {
  const parent = path.dirname(mediaDir);
  const build = mkdtempSync(path.join(parent, 'stick-'));
  fill(build);
  const target = path.join(mediaDir, label);
  mkdirSync(path.dirname(target), { recursive: true });
  renameSync(build, target);
  return target;
}

/** Waits until the queue holds an entry matching `test` (the test's own timeout bounds it). */
export function waitForEntry(
  queue: PackQueue,
  test: (e: QueueEntry) => boolean,
): Promise<QueueEntry> {
  return new Promise((resolve) => {
    const found = queue.list().find(test);
    if (found) return resolve(found);
    const off = queue.onChange((e) => {
      if (test(e)) {
        off();
        resolve(e);
      }
    });
  });
}

/** Polls a condition that has no event (sorting sessions, files on disk). */
export async function until(test: () => boolean): Promise<void> {
  while (!test()) await new Promise((r) => setTimeout(r, 20));
}

/** A fresh box with its USB service and a real watcher on its media folder. */
export interface UsbBox {
  box: TestBox;
  service: UsbService;
  watcher: StickWatcher;
  media: string;
}

export async function startUsbBox(): Promise<UsbBox> {
  const box = makeTestBox();
  const service = usbService(box.ctx);
  // A stick pulled out while it is being read may log a warning; that is fine here.
  const watcher = new StickWatcher(box.ctx.config.mediaDir, service, () => undefined, 50);
  await watcher.start();
  return { box, service, watcher, media: box.ctx.config.mediaDir };
}

export async function stopUsbBox(u: UsbBox): Promise<void> {
  await u.watcher.stop();
  await u.service.idle();
  await u.box.cleanup();
}
