import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FileIdentity } from './read/folder.js';

/** One small file for a worker: read `from`, write the new file `to`, expect `size` bytes. */
export interface SmallCopy {
  from: string;
  to: string;
  size: number;
  /** What the inspection saw: the worker copies only that very file. */
  seen: FileIdentity;
}

/**
 * What a worker did with one file: copied it (`sha256` of the very bytes written),
 * found it the wrong size (`size` only, nothing written), found it is not a regular
 * file (`mode`), or failed (`error`, with the system's code: ENOSPC, ELOOP…).
 */
export type SmallCopyResult =
  | { size: number; sha256?: string }
  | { mode: number }
  | { changed: true }
  | { error: { code: string | undefined; message: string } };

/**
 * The worker, plain CommonJS run with `eval` (the same text under tsx, vitest and the
 * built server). For each file, with synchronous calls and no round trip to the main
 * thread: open the source with O_NOFOLLOW (a file swapped for a symlink after the
 * checks is not followed) and O_NONBLOCK (nor does a FIFO block it), fstat it (a regular file, or its mode is reported), read at
 * most one byte more than expected (a file that grew reads too long; nothing is
 * written unless the size is exact), hash, create the destination with O_EXCL and
 * write every byte (looping on short writes), close. A batch stops at its first
 * failure. One buffer per worker, grown to the largest file (small files only).
 */
const WORKER_SOURCE = `
'use strict';
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const { createHash } = require('node:crypto');
const { O_RDONLY, O_NOFOLLOW, O_NONBLOCK, O_WRONLY, O_CREAT, O_EXCL, S_IFMT, S_IFREG } = fs.constants;
let buf = Buffer.alloc(0);

function copy({ from, to, size, seen }) {
  let n = 0;
  // O_NONBLOCK: a FIFO put there after the checks must not hang the worker in open().
  const src = fs.openSync(from, O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
  try {
    const st = fs.fstatSync(src, { bigint: true });
    if ((Number(st.mode) & S_IFMT) !== S_IFREG) return { mode: Number(st.mode) };
    // Another inode (a folder on the way swapped for a symlink…) or a rewritten file.
    if (String(st.dev) !== seen.dev || String(st.ino) !== seen.ino) return { changed: true };
    if (Number(st.size) !== seen.size) return { size: Number(st.size) };
    if (String(st.mtimeNs) !== seen.mtimeNs) return { changed: true };
    const want = Math.min(Number(st.size), size) + 1;
    if (buf.length < want) buf = Buffer.allocUnsafe(want);
    for (;;) {
      const got = fs.readSync(src, buf, n, want - n, n);
      if (got === 0) break;
      n += got;
      if (n === want) break;
    }
  } finally {
    fs.closeSync(src);
  }
  if (n !== size) return { size: n };
  const data = buf.subarray(0, n);
  const sha256 = createHash('sha256').update(data).digest('hex');
  const out = fs.openSync(to, O_WRONLY | O_CREAT | O_EXCL, 0o666);
  try {
    for (let done = 0; done < n; ) {
      const wrote = fs.writeSync(out, data, done, n - done, done);
      if (wrote <= 0) throw new Error('écriture arrêtée après ' + done + ' octets sur ' + n);
      done += wrote;
    }
  } finally {
    fs.closeSync(out);
  }
  return { size: n, sha256 };
}

parentPort.on('message', (jobs) => {
  const results = [];
  for (const job of jobs) {
    let result;
    try {
      result = copy(job);
    } catch (err) {
      result = { error: { code: err && err.code, message: String((err && err.message) || err) } };
    }
    results.push(result);
    if (!result.sha256) break;
  }
  parentPort.postMessage(results);
});
`;

/** Workers for a machine with this many cores: all of them, at most three. */
function defaultCount(): number {
  return Math.max(1, Math.min(3, availableParallelism()));
}

/**
 * Worker threads that copy the small files of a folder pack. Each copy through the
 * thread pool costs the main thread a wake-up per system call (seven per file); a
 * worker does the whole file — read, SHA-256, write — with plain system calls and
 * answers once per batch, and the hashing is spread over the cores.
 *
 * Started before the checks so that they are ready when the copy begins; always
 * `close` them. `start` returns null where workers cannot be started (the copy then
 * runs on the main thread).
 */
export class SmallCopiers {
  /** Why each worker stopped, once it has (an error, or its exit). */
  private readonly stopped: Array<Error | null>;

  private constructor(private readonly workers: Worker[]) {
    this.stopped = workers.map(() => null);
    workers.forEach((w, i) => {
      // Reported by `copy` (now or at the next batch); never as an uncaught error.
      w.on('error', (err) => {
        this.stopped[i] ??= err;
      });
      w.on('exit', (code) => {
        this.stopped[i] ??= new Error(`le copieur s’est arrêté (code ${code})`);
      });
    });
  }

  static start(count = defaultCount()): SmallCopiers | null {
    const workers: Worker[] = [];
    try {
      for (let i = 0; i < count; i += 1)
        workers.push(new Worker(WORKER_SOURCE, { eval: true, execArgv: [] }));
    } catch {
      for (const w of workers) void w.terminate();
      return null;
    }
    return new SmallCopiers(workers);
  }

  get count(): number {
    return this.workers.length;
  }

  /** Runs one batch on worker `index` (one batch per worker at a time). */
  copy(index: number, jobs: SmallCopy[]): Promise<SmallCopyResult[]> {
    const worker = this.workers[index];
    if (!worker) return Promise.reject(new Error(`pas de copieur n° ${index}`));
    const stopped = this.stopped[index];
    if (stopped) return Promise.reject(stopped);
    return new Promise((resolve, reject) => {
      const done = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const onMessage = (results: SmallCopyResult[]) => {
        done();
        resolve(results);
      };
      const onError = (err: Error) => {
        done();
        reject(err);
      };
      const onExit = (code: number) => {
        done();
        reject(new Error(`le copieur s’est arrêté (code ${code})`));
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(jobs);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
