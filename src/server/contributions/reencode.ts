import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

/**
 * Re-encodes a proposed picture with sharp (libvips) in a child process, as the pack
 * thumbnails do (packs/thumbnails.ts): the server never loads sharp. Decoding and
 * encoding again keeps only the pixels: EXIF (GPS, camera, date), XMP, IPTC, ICC and
 * comments are not written (sharp copies metadata only when asked to), and anything
 * hidden after the picture is gone. The orientation is applied to the pixels first.
 */
const CHILD_SOURCE = `
'use strict';
const fs = require('node:fs');
const sharp = require(process.argv[1]);
sharp.cache(false);
sharp.concurrency(1);
const [, , source, target, format, width] = process.argv;
(async () => {
  let img = sharp(source, { limitInputPixels: 50000000, failOn: 'error', animated: false }).rotate();
  if (Number(width) > 0) img = img.resize({ width: Number(width), height: Number(width), fit: 'inside', withoutEnlargement: true });
  if (format === 'jpg') img = img.flatten({ background: '#ffffff' }).jpeg({ quality: 88, mozjpeg: true });
  else if (format === 'webp') img = img.webp({ quality: 88 });
  else img = img.png();
  const data = await img.toBuffer();
  const tmp = target + '.tmp';
  const fd = fs.openSync(tmp, 'wx');
  try { fs.writeSync(fd, data); fs.fsyncSync(fd); } finally { fs.closeSync(fd); }
  fs.renameSync(tmp, target);
})().catch((err) => {
  try { fs.rmSync(target + '.tmp', { force: true }); } catch {}
  process.stderr.write(String((err && err.message) || err));
  process.exit(1);
});
`;

/** Writes `target` (jpg, png or webp) from the picture `source`; rejects when it cannot. */
export function reencodeImage(
  source: string,
  target: string,
  format: 'jpg' | 'png' | 'webp',
  width = 0,
): Promise<void> {
  const sharpPath = createRequire(import.meta.url).resolve('sharp');
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-e', CHILD_SOURCE, sharpPath, source, target, format, String(width)],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      if (err.length < 2000) err += d;
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(err.trim() || `code ${code}`)),
    );
  });
}
