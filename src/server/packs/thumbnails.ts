import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  THUMBNAILS_DIR,
  THUMBNAIL_WIDTHS,
  canThumbnail,
  thumbnailFile,
} from '../catalogue/covers.js';
import { containedPath } from '../files/safety.js';
import type { Logger } from '../log.js';
import type { Manifest } from './manifest.js';
import { mimeOf, workId } from './works.js';

/** One cover to reduce: where it is, and the files to write at each width. */
interface Job {
  id: string;
  source: string;
  outputs: Array<{ width: number; file: string }>;
}
type JobResult = { id: string; ok: true } | { id: string; error: string };

/**
 * The thumbnail maker, plain CommonJS run by `node -e` in a child process (the same text
 * under tsx, vitest and the built server). sharp (libvips) adds about 27 MB to a process
 * and keeps it: in a child, the server never loads it and its memory at rest stays as it
 * was, whatever it imported. For each cover: decode once (at most 50 megapixels, EXIF
 * orientation applied, transparency flattened on white), then each width as a JPEG,
 * written to a temporary name, fsynced, renamed. One line of JSON per cover on stdout.
 */
const CHILD_SOURCE = `
'use strict';
const fs = require('node:fs');
const sharp = require(process.argv[1]);
sharp.cache(false);
sharp.concurrency(1);
let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (d) => { input += d; });
process.stdin.on('end', async () => {
  for (const job of JSON.parse(input)) {
    try {
      const base = sharp(job.source, { limitInputPixels: 50000000, failOn: 'error' })
        .rotate()
        .flatten({ background: '#ffffff' });
      for (const out of job.outputs) {
        const data = await base
          .clone()
          .resize({ width: out.width, height: out.width * 2, fit: 'inside', withoutEnlargement: true })
          .jpeg({ quality: 78, mozjpeg: true })
          .toBuffer();
        const tmp = out.file + '.tmp';
        const fd = fs.openSync(tmp, 'wx');
        try { fs.writeSync(fd, data); fs.fsyncSync(fd); } finally { fs.closeSync(fd); }
        fs.renameSync(tmp, out.file);
      }
      process.stdout.write(JSON.stringify({ id: job.id, ok: true }) + '\\n');
    } catch (err) {
      for (const out of job.outputs) {
        for (const f of [out.file, out.file + '.tmp']) { try { fs.rmSync(f, { force: true }); } catch {} }
      }
      process.stdout.write(JSON.stringify({ id: job.id, error: String(err && err.message || err) }) + '\\n');
    }
  }
});
`;

function runChild(sharpPath: string, jobs: Job[], signal?: AbortSignal): Promise<JobResult[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', CHILD_SOURCE, sharpPath], {
      stdio: ['pipe', 'pipe', 'pipe'],
      signal,
    });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      if (err.length < 4000) err += d;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const results = out
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as JobResult);
      if (code === 0 || results.length > 0) resolve(results);
      else reject(new Error(err.trim().split('\n').slice(-1)[0] || `code ${code}`));
    });
    child.stdin.end(JSON.stringify(jobs));
  });
}

/**
 * Makes the small JPEG versions of every cover of a pack (see `catalogue/covers.ts`),
 * inside the pack's folder before it is switched in. A cover that cannot be read (bad
 * file, odd format, SVG), or a box where sharp cannot run, just gets no thumbnail: the
 * box then serves the full cover. Returns how many covers got their thumbnails.
 *
 * @example await makeThumbnails(staging, manifest, ctx.log)
 */
export async function makeThumbnails(
  packDir: string,
  manifest: Manifest,
  log: Logger,
  signal?: AbortSignal,
): Promise<number> {
  // The pack's own files never share the thumbnails' folder (a pack may ship dot folders).
  const clash = manifest.items
    .flatMap((i) => [...i.files, ...(i.cover ? [i.cover] : [])])
    .some((f) => f.path.normalize('NFC').split('/')[0] === THUMBNAILS_DIR);
  if (clash) {
    log.warn(`Pack ${manifest.id} : un dossier ${THUMBNAILS_DIR} existe déjà, pas de vignettes.`);
    return 0;
  }
  const jobs: Job[] = [];
  for (const item of manifest.items) {
    if (!item.cover || !canThumbnail(mimeOf(item.cover.path))) continue;
    const source = containedPath(packDir, item.cover.path.normalize('NFC'));
    if (!source) continue;
    const id = workId(manifest.id, item.id);
    jobs.push({
      id,
      source,
      outputs: THUMBNAIL_WIDTHS.map((width) => ({
        width,
        file: thumbnailFile(packDir, id, width),
      })),
    });
  }
  if (jobs.length === 0) return 0;
  await mkdir(path.join(packDir, THUMBNAILS_DIR), { recursive: true });
  let results: JobResult[];
  try {
    const sharpPath = createRequire(import.meta.url).resolve('sharp');
    results = await runChild(sharpPath, jobs, signal);
  } catch (err) {
    if (signal?.aborted) return 0;
    log.warn(`Pack ${manifest.id} : vignettes non faites (${(err as Error).message}).`);
    return 0;
  }
  const titles = new Map(manifest.items.map((i) => [workId(manifest.id, i.id), i.title]));
  for (const r of results) {
    if ('error' in r)
      log.warn(`Pack ${manifest.id} : pas de vignette pour « ${titles.get(r.id)} » (${r.error}).`);
  }
  return results.filter((r) => 'ok' in r).length;
}
