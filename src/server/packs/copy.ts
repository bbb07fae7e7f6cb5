import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs, { constants } from 'node:fs';
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { eachLimited, type PlannedFile } from './inspect.js';
import { PackError, problems } from './problems.js';
import type { PackReader } from './read/reader.js';

const run = promisify(execFile);
const openFd = promisify(fs.open);
const writeFd = promisify(fs.write);
const closeFd = promisify(fs.close);

/** Small files go several at a time (latency-bound); large ones one after another. */
const SMALL = 1024 * 1024;
const PARALLEL_SMALL = 8;
/**
 * Small files read in one piece (a folder pack) cost a few thread-pool round trips each
 * and little memory: more of them in flight keeps both the disk and the CPU busy.
 */
const PARALLEL_WHOLE = 16;

export interface CopyOptions {
  onBytes: (bytes: number, file: string) => void;
  signal?: AbortSignal | undefined;
}

function isDiskFull(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException).code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}

/** What the copy of one file failed on, as the animateur will read it. */
function copyProblem(err: unknown, file: string): PackError {
  if (isDiskFull(err)) return new PackError(problems.diskFullDuringCopy(file));
  if (err instanceof PackError) return err;
  return new PackError(problems.readFailed(file, (err as Error).message));
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

/** Creates `dest` (never replacing a file) holding `data`: open, write, close. */
async function writeNewFile(dest: string, data: Buffer): Promise<void> {
  const fd = await openFd(dest, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o666);
  let failure: unknown = null;
  try {
    let position = 0;
    await writeAll(async (buf, offset, length) => {
      const { bytesWritten } = await writeFd(fd, buf, offset, length, position);
      position += bytesWritten;
      return bytesWritten;
    }, data);
  } catch (err) {
    failure = err;
  }
  try {
    await closeFd(fd);
  } catch (err) {
    failure ??= err;
  }
  if (failure) throw failure;
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
      // The thread pool writes the chunk while this thread hashes the same bytes.
      const fh = out;
      const written = writeAll(
        async (buf, offset, length) => (await fh.write(buf, offset, length)).bytesWritten,
        chunk,
      );
      hash.update(chunk);
      await written;
      options.onBytes(chunk.length, ref.path);
    }
  } catch (err) {
    throw copyProblem(err, ref.path);
  } finally {
    await out?.close();
  }
  if (size !== ref.size) throw new PackError(problems.sizeMismatch(ref.path, ref.size, size));
  if (hash.digest('hex') !== ref.sha256 && !file.optional)
    throw new PackError(problems.checksumMismatch(ref.path));
}

/**
 * Copies a small file read in one piece: one read, one write, and its size and
 * SHA-256 checked on the very bytes written (hashed while the write runs).
 */
async function copyWhole(
  readWhole: (file: PlannedFile['located']) => Promise<Buffer>,
  file: PlannedFile,
  dest: string,
  options: CopyOptions,
): Promise<void> {
  const { ref, located } = file;
  if (options.signal?.aborted) throw new PackError(problems.interrupted());
  let data: Buffer;
  try {
    data = await readWhole(located);
  } catch (err) {
    throw copyProblem(err, ref.path);
  }
  if (data.length !== ref.size)
    throw new PackError(problems.sizeMismatch(ref.path, ref.size, data.length));
  const written = writeNewFile(dest, data);
  const sha256 = createHash('sha256').update(data).digest('hex');
  try {
    await written;
  } catch (err) {
    throw copyProblem(err, ref.path);
  }
  if (sha256 !== ref.sha256 && !file.optional)
    throw new PackError(problems.checksumMismatch(ref.path));
  options.onBytes(data.length, ref.path);
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
  const readWhole = reader.readSmall?.bind(reader);
  let failed: unknown = null;
  await eachLimited(small, readWhole ? PARALLEL_WHOLE : PARALLEL_SMALL, async (f) => {
    if (failed) return;
    try {
      const dest = path.join(root, f.ref.path);
      if (readWhole) await copyWhole(readWhole, f, dest, options);
      else await copyOne(reader, f, dest, options);
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
