/** Builds the French test ZIM (no test framework: the bench uses it too). */
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { crc32, deflateSync } from 'node:zlib';
import type { ZimBook } from '../../src/server/savoirs/index.js';

const run = promisify(execFile);

/** A plain 48×48 PNG (zimwriterfs requires an illustration of that size). */
function png48(): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([head, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(48, 0);
  ihdr.writeUInt32BE(48, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(48 * 3, 0x30)]);
  const raw = Buffer.concat(Array.from({ length: 48 }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const ARTICLES: Record<string, { title: string; text: string }> = {
  'Lune.html': { title: 'Lune', text: 'La Lune est l’unique satellite naturel de la Terre.' },
  'Soleil.html': { title: 'Soleil', text: 'Le Soleil est l’étoile du Système solaire.' },
  'Loire.html': { title: 'Loire', text: 'La Loire est le plus long fleuve de France.' },
};

/** Builds a small French ZIM with the real zimwriterfs; returns its path. */
export async function buildFrenchZim(dir: string, name = 'mini-encyclo'): Promise<string> {
  const html = path.join(dir, `${name}-html`);
  await mkdir(html, { recursive: true });
  const links = Object.entries(ARTICLES)
    .map(([file, a]) => `<li><a href="${file}">${a.title}</a></li>`)
    .join('');
  await writeFile(
    path.join(html, 'index.html'),
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Accueil</title></head>` +
      `<body><h1>Mini encyclopédie</h1><ul>${links}</ul>` +
      `<p><a href="https://fr.wikipedia.org/wiki/Lune">Wikipédia</a></p></body></html>`,
  );
  for (const [file, a] of Object.entries(ARTICLES)) {
    await writeFile(
      path.join(html, file),
      `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${a.title}</title></head>` +
        `<body><h1>${a.title}</h1><p>${a.text}</p><a href="index.html">Accueil</a></body></html>`,
    );
  }
  await writeFile(path.join(html, 'illustration.png'), png48());
  const zim = path.join(dir, `${name}.zim`);
  await run(
    'zimwriterfs',
    [
      '--welcome=index.html',
      '--illustration=illustration.png',
      '--language=fra',
      '--title=Mini encyclopédie',
      '--description=Trois articles pour les tests',
      '--creator=Lanterne',
      '--publisher=Lanterne',
      `--name=${name}`,
      '--threads=1',
      html,
      zim,
    ],
    { timeout: 60_000 },
  );
  return zim;
}

/** A free loopback port for a test kiwix-serve. */
export { freePort, until } from '../helpers/wait.js';

/** The test ZIM as a book of the supervisor, served as /savoirs/mini-encyclo/. */
export function miniEncyclo(file: string): ZimBook {
  return {
    workId: 'mini-encyclo',
    name: 'mini-encyclo',
    title: 'Mini encyclopédie',
    language: 'fr',
    file,
  };
}
