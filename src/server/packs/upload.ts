import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rm, statfs } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import busboy from 'busboy';
import type { Context } from '../context.js';
import { mo } from './admin/format.js';
import { shown } from './problems.js';
import type { UsbService } from './watch/service.js';

/**
 * A pack sent from a computer through the admin page (for boxes whose USB port nobody
 * can reach). The zip is streamed to `<data>/uploads/` — never held in memory — with a
 * size cap, then handed to the same queue as a stick's packs: the same inspection, the
 * same admission rule, the same approval, the same import.
 */
/** 4 GB: a large video pack; bigger ones travel better on a stick. */
export const MAX_UPLOAD_BYTES = 4_000_000_000;
/** Left free on the box while an upload is written (the import checks its own room later). */
const SPACE_MARGIN = 100_000_000;
/** The form's file field. */
export const UPLOAD_FIELD = 'pack';

export type UploadResult =
  { ok: true; key: string } | { ok: false; status: 400 | 413 | 507; message: string };

export function uploadsDir(ctx: Context): string {
  return path.join(ctx.paths.dataDir, 'uploads');
}

/** At start: uploads that no queue line knows any more (the queue lives in memory). */
export async function clearUploads(ctx: Context): Promise<void> {
  const dir = uploadsDir(ctx);
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) await rm(path.join(dir, name), { force: true, recursive: true });
}

const refuse = (status: 400 | 413 | 507, message: string): UploadResult => ({
  ok: false,
  status,
  message,
});

const NOT_A_ZIP =
  'Ce fichier n’est pas une archive .zip : envoyez le pack compressé en .zip (par exemple celui que produit « lanterne pack build »).';
const NO_FILE = 'Aucun fichier reçu : choisissez le fichier .zip du pack, puis envoyez-le.';
const BROKEN =
  'L’envoi s’est interrompu avant la fin : rien n’a été gardé. Vérifiez la connexion au Wi-Fi de la boîte et recommencez.';

function tooBig(limit: number, free: boolean): UploadResult {
  return free
    ? refuse(
        507,
        `Plus assez de place sur la boîte pour recevoir ce fichier (il reste de quoi recevoir ${mo(limit)}) : supprimez un pack devenu inutile, puis recommencez.`,
      )
    : refuse(
        413,
        `Ce fichier est trop gros pour un envoi (au plus ${mo(limit)}) : découpez le contenu en plusieurs packs, ou passez par une clé USB.`,
      );
}

/** Whether the first bytes are a zip's (a local header, or the end record of an empty zip). */
async function looksLikeZip(file: string): Promise<boolean> {
  const fh = await open(file, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await fh.read(head, 0, 4, 0);
    const sig = bytesRead === 4 ? head.readUInt32LE(0) : 0;
    return sig === 0x04034b50 || sig === 0x06054b50;
  } finally {
    await fh.close();
  }
}

/**
 * Receives one multipart/form-data upload (field `pack`), writes it under `uploads/`,
 * and offers it to the pack queue. Every refusal is one French sentence.
 */
export async function receivePackUpload(
  ctx: Context,
  service: UsbService,
  request: { headers: Record<string, string>; body: ReadableStream<Uint8Array> | null },
  maxBytes = MAX_UPLOAD_BYTES,
): Promise<UploadResult> {
  const type = request.headers['content-type'] ?? '';
  if (!type.startsWith('multipart/form-data') || !request.body) return refuse(400, NO_FILE);
  const dir = uploadsDir(ctx);
  await mkdir(dir, { recursive: true });
  const st = await statfs(dir);
  const room = st.bavail * st.bsize - SPACE_MARGIN;
  const limit = Math.max(0, Math.min(maxBytes, room));
  const declared = Number(request.headers['content-length'] ?? NaN);
  // Refused before a byte is read when the size is announced.
  if (Number.isFinite(declared) && declared > limit + 64 * 1024)
    return tooBig(limit, limit < maxBytes);

  const file = path.join(dir, `${randomBytes(8).toString('hex')}.zip`);
  let name = '';
  let truncated = false;
  let written: Promise<void> | null = null;
  const body = Readable.fromWeb(request.body as unknown as WebReadableStream<Uint8Array>);
  try {
    const parser = busboy({
      headers: request.headers,
      limits: { files: 1, fileSize: limit, fields: 4, fieldSize: 1024, parts: 5 },
    });
    parser.on('file', (field, stream, info) => {
      if (field !== UPLOAD_FIELD || written) {
        stream.resume();
        return;
      }
      name = info.filename ?? '';
      stream.on('limit', () => {
        truncated = true;
        body.destroy(); // no need to read the rest
      });
      written = pipeline(stream, createWriteStream(file, { flags: 'wx' }));
      // Seen at the end; never an unhandled rejection meanwhile.
      written.catch(() => undefined);
    });
    await pipeline(body, parser);
    if (!written) return refuse(400, NO_FILE);
    await written;
  } catch (err) {
    await rm(file, { force: true });
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC' || code === 'EDQUOT') return tooBig(0, true);
    if (truncated) return tooBig(limit, limit < maxBytes);
    return refuse(400, BROKEN);
  }
  if (truncated) {
    await rm(file, { force: true });
    return tooBig(limit, limit < maxBytes);
  }
  if (!(await looksLikeZip(file).catch(() => false))) {
    await rm(file, { force: true });
    return name === '' ? refuse(400, NO_FILE) : refuse(400, NOT_A_ZIP);
  }
  const key = service.offerUpload(file, shown(path.basename(name || 'pack.zip')));
  return { ok: true, key };
}
