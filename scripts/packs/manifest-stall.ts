/**
 * How long a big manifest holds the event loop (the portal cannot answer meanwhile):
 * writes a folder pack whose manifest describes N works (about 500 bytes each), inspects
 * it three times while a 5 ms timer measures the longest gap, and prints the figures.
 *
 *   npx tsx scripts/packs/manifest-stall.ts 8000     # ≈ 3.9 MB, under the 4 MiB cap
 *   npx tsx scripts/packs/manifest-stall.ts 30000    # ≈ 15 MB, refused by the cap
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inspectPack } from '../../src/server/packs/inspect.js';

function manifest(n: number): Buffer {
  const items = Array.from({ length: n }, (_, i) => ({
    id: `oeuvre-${i}`,
    type: 'book',
    title: `Un titre d’œuvre assez long numéro ${i}`,
    description: 'Une description de taille moyenne pour une œuvre du pack, avec quelques mots.',
    authors: [{ name: 'Autrice Essai', role: 'author' }],
    language: 'fr',
    licence: 'CC-BY-4.0',
    attribution: `« Titre ${i} », Autrice Essai, CC BY 4.0`,
    themes: ['Essais'],
    files: [
      {
        path: `livres/livre-${i}.epub`,
        size: 1000,
        sha256: createHash('sha256').update(String(i)).digest('hex'),
      },
    ],
  }));
  return Buffer.from(
    JSON.stringify({
      format: 'lanterne-pack/1',
      id: 'gros',
      version: '1.0.0',
      title: 'Gros',
      publisher: 'Essai',
      languages: ['fr'],
      created: '2026-11-01',
      items,
    }),
  );
}

const n = Number(process.argv[2] ?? 8000);
/** `--no-cap` measures the parse itself above the cap (what a 16 MB manifest would cost). */
const noCap = process.argv.includes('--no-cap');
const dir = mkdtempSync(path.join(tmpdir(), 'lanterne-stall-'));
const bytes = manifest(n);
writeFileSync(path.join(dir, 'lanterne-pack.json'), bytes);
for (let round = 1; round <= 3; round += 1) {
  let worst = 0;
  let last = performance.now();
  const probe = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - 5);
    last = now;
  }, 5);
  const start = performance.now();
  const result = await inspectPack(
    { kind: 'folder', path: dir, origin: 'usb' },
    { licencePolicy: 'free-culture', ...(noCap ? { limits: { manifestBytes: 1e9 } } : {}) },
  );
  clearInterval(probe);
  console.log(
    `${n} œuvres, ${(bytes.length / 1e6).toFixed(1)} Mo : ${(performance.now() - start).toFixed(0)} ms en tout, ` +
      `boucle bloquée au plus ${worst.toFixed(0)} ms (${result.problems[0]?.code ?? 'ok'})`,
  );
}
rmSync(dir, { recursive: true, force: true });
