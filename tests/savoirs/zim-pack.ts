import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MANIFEST_FILE, MANIFEST_FORMAT } from '../../src/server/packs/manifest.js';

/** The work id and kiwix-serve name of the test encyclopaedia pack. */
export const ZIM_WORK = 'encyclo.mini';
export const ZIM_BOOK = '/savoirs/encyclo_mini';

/** Writes a pack folder holding the test ZIM as an `encyclopedia` work (Wikipedia's licence). */
export function writeZimPack(dir: string, zim: string, version = '1.0.0'): void {
  mkdirSync(path.join(dir, 'savoirs'), { recursive: true });
  const target = path.join(dir, 'savoirs', 'mini-encyclo_fr.zim');
  copyFileSync(zim, target);
  const bytes = readFileSync(target);
  const manifest = {
    format: MANIFEST_FORMAT,
    id: 'encyclo',
    version,
    title: 'Encyclopédie de test',
    publisher: 'Tests',
    languages: ['fr'],
    created: '2026-12-01',
    items: [
      {
        id: 'mini',
        type: 'encyclopedia',
        title: 'Mini encyclopédie',
        description: 'Trois articles en français, lus par kiwix-serve.',
        language: 'fr',
        licence: 'CC-BY-SA-4.0',
        attribution: '« Mini encyclopédie », contributeurs de Wikipédia, CC BY-SA 4.0',
        files: [
          {
            path: 'savoirs/mini-encyclo_fr.zim',
            size: bytes.length,
            sha256: createHash('sha256').update(bytes).digest('hex'),
          },
        ],
      },
    ],
  };
  writeFileSync(path.join(dir, MANIFEST_FILE), JSON.stringify(manifest, null, 2));
}
