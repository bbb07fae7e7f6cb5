import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { eachLimited, type PlannedFile } from './inspect.js';
import { PackError, problems } from './problems.js';
import type { PackReader } from './read/reader.js';

const run = promisify(execFile);

/** Small files go several at a time (latency-bound); large ones one after another. */
const SMALL = 1024 * 1024;
const PARALLEL_SMALL = 8;

export interface CopyOptions {
  onBytes: (bytes: number, file: string) => void;
  signal?: AbortSignal | undefined;
}

function isDiskFull(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException).code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}

/**
 * Writes all of `data` with `write` (which returns how many bytes it wrote). A write
 * may stop short without an error (a disk that fills up mid-write only says ENOSPC on
 * the next one), so this loops until every byte is written or an error says why not.
 */
export async function writeAll(
  write: (data: Buffer, offset: number, length: number) => Promise<number>,
  data: Buffer,
): Promise<void> {
  let done = 0;
  while (done < data.length) {
    const n = await write(data, done, data.length - done);
    if (n <= 0) throw new Error(`écriture arrêtée après ${done} octets sur ${data.length}`);
    done += n;
  }
}

/**
 * Copies one file into the staging folder, hashing it on the way: the file is read
 * once, and a size or checksum that does not match stops the import.
 */
async function copyOne(
  reader: PackReader,
  file: PlannedFile,
  dest: string,
  options: CopyOptions,
): Promise<void> {
  const { ref, located } = file;
  const hash = createHash('sha256');
  let size = 0;
  let out: FileHandle | undefined;
  try {
    out = await open(dest, 'wx');
    const chunks = reader.chunks(located)[Symbol.asyncIterator]();
    // Read the next chunk while this one is written: the stick and the SD card work together.
    let next = chunks.next();
    for (;;) {
      const step = await next;
      if (step.done) break;
      if (options.signal?.aborted) throw new PackError(problems.interrupted());
      const chunk = step.value;
      size += chunk.length;
      if (size > ref.size) throw new PackError(problems.sizeMismatch(ref.path, ref.size, size));
      next = chunks.next();
      hash.update(chunk);
      const fh = out;
      await writeAll(
        async (buf, offset, length) => (await fh.write(buf, offset, length)).bytesWritten,
        chunk,
      );
      options.onBytes(chunk.length, ref.path);
    }
  } catch (err) {
    if (isDiskFull(err)) throw new PackError(problems.diskFullDuringCopy(ref.path));
    if (err instanceof PackError) throw err;
    throw new PackError(problems.readFailed(ref.path, (err as Error).message));
  } finally {
    await out?.close();
  }
  if (size !== ref.size) throw new PackError(problems.sizeMismatch(ref.path, ref.size, size));
  if (hash.digest('hex') !== ref.sha256 && !file.optional)
    throw new PackError(problems.checksumMismatch(ref.path));
}

/** Copies and verifies every planned file under `root` (the staging folder). */
export async function copyVerified(
  reader: PackReader,
  files: PlannedFile[],
  root: string,
  options: CopyOptions,
): Promise<void> {
  const dirs = new Set<string>();
  for (const f of files) dirs.add(path.dirname(path.join(root, f.ref.path)));
  try {
    for (const dir of dirs) await mkdir(dir, { recursive: true });
  } catch (err) {
    if (isDiskFull(err))
      throw new PackError(problems.diskFullDuringCopy(path.relative(root, [...dirs][0] ?? root)));
    throw err;
  }
  const small = files.filter((f) => f.ref.size <= SMALL);
  const large = files.filter((f) => f.ref.size > SMALL);
  let failed: unknown = null;
  await eachLimited(small, PARALLEL_SMALL, async (f) => {
    if (failed) return;
    try {
      await copyOne(reader, f, path.join(root, f.ref.path), options);
    } catch (err) {
      failed ??= err;
    }
  });
  if (failed) throw failed;
  for (const f of large) await copyOne(reader, f, path.join(root, f.ref.path), options);
}

/**
 * Makes the copied files durable before the catalogue points at them. One `syncfs`
 * (coreutils `sync -f`) flushes the whole filesystem at once, far cheaper on an SD card
 * than an fsync per file; where it is missing, each file is fsynced.
 */
export async function syncTree(root: string, files: string[]): Promise<void> {
  try {
    await run('sync', ['-f', root]);
    return;
  } catch {
    // Fall back below.
  }
  await eachLimited(files, PARALLEL_SMALL, async (rel) => {
    const fh = await open(path.join(root, rel), 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  });
}

/** fsync a folder, so a rename inside it survives a power cut. */
export async function syncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}
