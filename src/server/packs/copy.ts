import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { fsyncPath } from '../core/fsync.js';
import type { SmallCopiers, SmallCopyResult } from './copy-workers.js';
import { eachLimited, type PlannedFile } from './inspect.js';
import { PackError, problems } from './problems.js';
import { storedPath } from './names.js';
import { kindOfMode } from './read/folder.js';
import type { PackReader } from './read/reader.js';

const run = promisify(execFile);

/** Small files go several at a time (latency-bound); large ones one after another. */
const SMALL = 1024 * 1024;
const PARALLEL_SMALL = 8;
/** A worker gets small files by batches of at most this many files and bytes. */
const BATCH_FILES = 32;
const BATCH_BYTES = 4 * 1024 * 1024;
/** After this many bytes copied, the disk starts writing them in the background. */
const EARLY_FLUSH = 32 * 1024 * 1024;

export interface CopyOptions {
  onBytes: (bytes: number, file: string) => void;
  signal?: AbortSignal | undefined;
  /** Worker threads for the small files of a folder pack (else the main thread copies). */
  copiers?: SmallCopiers | null | undefined;
}

function isDiskFull(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException).code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}

/** What the copy of one file failed on, as the animateur will read it. */
function copyProblem(err: unknown, file: string): PackError {
  if (isDiskFull(err)) return new PackError(problems.diskFullDuringCopy(file));
  if (err instanceof PackError) return err;
  return new PackError(problems.readFailed(file, err));
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
 * Starts writing the copied bytes to the disk while the copy goes on: once enough
 * bytes are copied, one `sync -f` runs in the background (never two at once). This is
 * only a head start, so that the disk works while the stick is read: the import still
 * waits for `syncTree` after the last file, before the switch.
 */
class EarlyFlush {
  private running: Promise<void> | null = null;
  private since = 0;
  private unavailable = false;

  constructor(private readonly root: string) {}

  copied(bytes: number): void {
    this.since += bytes;
    if (this.since < EARLY_FLUSH || this.running || this.unavailable) return;
    this.since = 0;
    this.running = run('sync', ['-f', this.root]).then(
      () => {
        this.running = null;
      },
      () => {
        this.running = null;
        this.unavailable = true;
      },
    );
  }

  /** Waits for the background flush, if one is running (it never fails). */
  async settle(): Promise<void> {
    await this.running;
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

/** Groups small files into batches for the workers (by count and by bytes). */
function batches(files: PlannedFile[]): PlannedFile[][] {
  const out: PlannedFile[][] = [];
  let batch: PlannedFile[] = [];
  let bytes = 0;
  for (const f of files) {
    if (batch.length > 0 && (batch.length >= BATCH_FILES || bytes + f.ref.size > BATCH_BYTES)) {
      out.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(f);
    bytes += f.ref.size;
  }
  if (batch.length > 0) out.push(batch);
  return out;
}

/** Checks what a worker did with one file, as `copyOne` checks its own copy. */
function checkCopied(file: PlannedFile, result: SmallCopyResult, options: CopyOptions): void {
  const { ref } = file;
  if ('error' in result) {
    const err = Object.assign(new Error(result.error.message), { code: result.error.code });
    throw copyProblem(err, ref.path);
  }
  if ('mode' in result) throw new PackError(problems.notRegular(ref.path, kindOfMode(result.mode)));
  if ('changed' in result) throw new PackError(problems.changedDuringImport(ref.path));
  if (result.size !== ref.size)
    throw new PackError(problems.sizeMismatch(ref.path, ref.size, result.size));
  if (result.sha256 !== ref.sha256 && !file.optional)
    throw new PackError(problems.checksumMismatch(ref.path));
  options.onBytes(result.size, ref.path);
}

/**
 * Copies the small files of a folder pack with the workers: each takes the next batch;
 * the first problem stops the handing out, and is thrown once every worker is idle.
 */
async function copyWithWorkers(
  copiers: SmallCopiers,
  pathOnDisk: NonNullable<PackReader['pathOnDisk']>,
  files: PlannedFile[],
  root: string,
  options: CopyOptions,
): Promise<void> {
  const queue = batches(files);
  let next = 0;
  let failed: unknown = null;
  const worker = async (index: number) => {
    while (!failed && next < queue.length) {
      const batch = queue[next] ?? [];
      next += 1;
      try {
        if (options.signal?.aborted) throw new PackError(problems.interrupted());
        const jobs = batch.map((f) => {
          const { path: from, seen } = pathOnDisk(f.located);
          return { from, to: storedPath(root, f.ref.path), size: f.ref.size, seen };
        });
        const results = await copiers.copy(index, jobs);
        batch.forEach((f, i) => {
          const result = results[i];
          if (!result) throw new Error(`le copieur n’a pas traité « ${f.ref.path} »`);
          checkCopied(f, result, options);
        });
      } catch (err) {
        failed ??= err;
      }
    }
  };
  await Promise.all(Array.from({ length: copiers.count }, (_, i) => worker(i)));
  if (failed) throw failed;
}

/** Copies and verifies every planned file under `root` (the staging folder). */
export async function copyVerified(
  reader: PackReader,
  files: PlannedFile[],
  root: string,
  options: CopyOptions,
): Promise<void> {
  const dirs = new Set<string>();
  for (const f of files) dirs.add(path.dirname(storedPath(root, f.ref.path)));
  try {
    for (const dir of dirs) await mkdir(dir, { recursive: true });
  } catch (err) {
    if (isDiskFull(err))
      throw new PackError(problems.diskFullDuringCopy(path.relative(root, [...dirs][0] ?? root)));
    throw err;
  }
  const small = files.filter((f) => f.ref.size <= SMALL);
  const large = files.filter((f) => f.ref.size > SMALL);
  const flush = new EarlyFlush(root);
  const counted: CopyOptions = {
    signal: options.signal,
    onBytes: (bytes, file) => {
      flush.copied(bytes);
      options.onBytes(bytes, file);
    },
  };
  const pathOnDisk = reader.pathOnDisk?.bind(reader);
  try {
    if (options.copiers && pathOnDisk) {
      await copyWithWorkers(options.copiers, pathOnDisk, small, root, counted);
    } else {
      let failed: unknown = null;
      await eachLimited(small, PARALLEL_SMALL, async (f) => {
        if (failed) return;
        try {
          await copyOne(reader, f, storedPath(root, f.ref.path), counted);
        } catch (err) {
          failed ??= err;
        }
      });
      if (failed) throw failed;
    }
    for (const f of large) await copyOne(reader, f, storedPath(root, f.ref.path), counted);
  } finally {
    await flush.settle();
  }
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
export const syncDir = fsyncPath;
