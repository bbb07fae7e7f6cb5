import { lstat, open, readdir, readFile } from 'node:fs/promises';
import { constants, type BigIntStats, type Stats } from 'node:fs';
import path from 'node:path';
import { MANIFEST_FILE } from '../manifest.js';
import { decodeUtf8 } from '../names.js';
import { PackError, problems } from '../problems.js';
import { CHUNK, type FileIdentity, type Located, type PackReader } from './reader.js';

export type { FileIdentity } from './reader.js';

/**
 * What the inspection saw of a file: the copy opens the path again and must find this very
 * file (same device and inode, same size and modification time), or it stops.
 */
interface FolderFile extends Located {
  abs: string;
  seen: FileIdentity;
}

export function identityOf(st: BigIntStats): FileIdentity {
  return {
    dev: st.dev.toString(),
    ino: st.ino.toString(),
    size: Number(st.size),
    mtimeNs: st.mtimeNs.toString(),
  };
}

/**
 * Whether an opened file is the one inspected. A file or ANY folder on its way swapped
 * (for a symlink, another folder, a FIFO…) after the checks opens another inode: refused.
 * Returns the problem, or null when it is the same file.
 */
export function sameFile(name: string, seen: FileIdentity, now: FileIdentity, mode: number) {
  if ((mode & constants.S_IFMT) !== constants.S_IFREG)
    return problems.notRegular(name, kindOfMode(mode));
  if (now.dev !== seen.dev || now.ino !== seen.ino) return problems.changedDuringImport(name);
  if (now.size !== seen.size) return problems.sizeMismatch(name, seen.size, now.size);
  if (now.mtimeNs !== seen.mtimeNs) return problems.changedDuringImport(name);
  return null;
}

/** What a file that is not a regular one is, from its `st_mode`, in French. */
export function kindOfMode(mode: number): string {
  switch (mode & constants.S_IFMT) {
    case constants.S_IFDIR:
      return 'dossier';
    case constants.S_IFIFO:
      return 'tube nommé';
    case constants.S_IFSOCK:
      return 'socket';
    case constants.S_IFBLK:
    case constants.S_IFCHR:
      return 'périphérique';
    default:
      return 'type inconnu';
  }
}

function kindOf(st: Stats | BigIntStats): string {
  return kindOfMode(Number(st.mode));
}

function errCode(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException).code;
}

/**
 * A pack on disk (usually a mounted stick). Every path is walked one component at a
 * time with lstat, so a symlink anywhere on the way is refused, never followed.
 */
export class FolderReader implements PackReader {
  private readonly dirs = new Map<string, Promise<string>>();
  private readonly listings = new Map<
    string,
    Promise<Array<{ raw: Buffer; name: string | null }>>
  >();

  constructor(private readonly root: string) {}

  async readManifest(maxBytes: number): Promise<Buffer> {
    const file = path.join(this.root, MANIFEST_FILE);
    let st: Stats;
    try {
      st = await lstat(file);
    } catch (err) {
      if (errCode(err) === 'ENOENT' || errCode(err) === 'ENOTDIR')
        throw new PackError(problems.missingManifest());
      throw new PackError(problems.readFailed(MANIFEST_FILE, err));
    }
    if (!st.isFile()) throw new PackError(problems.manifestNotRegular());
    if (st.size > maxBytes) throw new PackError(problems.manifestTooBig(st.size, maxBytes));
    const bytes = await readFile(file);
    if (bytes.length > maxBytes)
      throw new PackError(problems.manifestTooBig(bytes.length, maxBytes));
    return bytes;
  }

  async locate(rel: string): Promise<FolderFile> {
    const parts = rel.split('/');
    const base = parts.pop() ?? rel;
    const dir = await this.dirAt(parts, rel);
    const { abs, st } = await this.entry(dir, base, rel);
    if (st.isSymbolicLink()) throw new PackError(problems.symlink(rel));
    if (!st.isFile()) throw new PackError(problems.notRegular(rel, kindOf(st)));
    return { name: rel, size: Number(st.size), abs, seen: identityOf(st) };
  }

  async *chunks(file: Located): AsyncIterable<Buffer> {
    const { abs, seen } = file as FolderFile;
    // O_NOFOLLOW: a file swapped for a symlink after the checks is still not followed;
    // O_NONBLOCK: one swapped for a FIFO does not hold a thread of the pool in open().
    let fh;
    try {
      fh = await open(abs, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    } catch (err) {
      throw new PackError(problems.readFailed(file.name, err));
    }
    try {
      const st = await fh.stat({ bigint: true });
      // Whatever the path now leads to (a folder on the way swapped for a symlink…),
      // only the very file inspected is read.
      const changed = sameFile(file.name, seen, identityOf(st), Number(st.mode));
      if (changed) throw new PackError(changed);
      if (file.size <= CHUNK) {
        yield await fh.readFile();
        return;
      }
      for (;;) {
        const buf = Buffer.allocUnsafe(CHUNK);
        const { bytesRead } = await fh.read(buf, 0, CHUNK, null);
        if (bytesRead === 0) return;
        yield bytesRead === CHUNK ? buf : buf.subarray(0, bytesRead);
      }
    } finally {
      await fh.close();
    }
  }

  pathOnDisk(file: Located): { path: string; seen: FileIdentity } {
    const { abs, seen } = file as FolderFile;
    return { path: abs, seen };
  }

  async close(): Promise<void> {
    this.dirs.clear();
    this.listings.clear();
  }

  /** The real folder for a list of components, checked once per folder. */
  private dirAt(parts: string[], rel: string): Promise<string> {
    if (parts.length === 0) return Promise.resolve(this.root);
    const key = parts.join('/');
    let found = this.dirs.get(key);
    if (!found) {
      found = (async () => {
        const parent = await this.dirAt(parts.slice(0, -1), rel);
        const { abs, st } = await this.entry(parent, parts[parts.length - 1] ?? '', key);
        if (st.isSymbolicLink()) throw new PackError(problems.symlink(key));
        if (!st.isDirectory()) throw new PackError(problems.missingFile(rel));
        return abs;
      })();
      this.dirs.set(key, found);
    }
    return found;
  }

  /**
   * The path (and lstat) of one name inside a folder. Exact match first; otherwise a name
   * that is the same after NFC normalisation (macOS writes NFD), refusing ambiguous matches.
   */
  private async entry(
    dir: string,
    name: string,
    rel: string,
  ): Promise<{ abs: string; st: BigIntStats }> {
    const exact = path.join(dir, name);
    try {
      return { abs: exact, st: await lstat(exact, { bigint: true }) };
    } catch (err) {
      if (errCode(err) !== 'ENOENT') throw new PackError(problems.readFailed(rel, err));
    }
    const listing = await this.list(dir);
    const wanted = name.normalize('NFC');
    const matches = listing.filter((e) => e.name !== null && e.name.normalize('NFC') === wanted);
    if (matches.length > 1) throw new PackError(problems.nameClash(rel, matches[1]?.name ?? name));
    const match = matches[0];
    if (match) {
      const abs = path.join(dir, match.name ?? name);
      try {
        return { abs, st: await lstat(abs, { bigint: true }) };
      } catch (err) {
        throw new PackError(problems.readFailed(rel, err));
      }
    }
    const undecodable = listing.find((e) => e.name === null);
    if (undecodable)
      throw new PackError(
        problems.badNameEncoding(
          path.posix.join(path.posix.dirname(rel), undecodable.raw.toString('latin1')),
        ),
      );
    throw new PackError(problems.missingFile(rel));
  }

  private list(dir: string): Promise<Array<{ raw: Buffer; name: string | null }>> {
    let listing = this.listings.get(dir);
    if (!listing) {
      const rel = path.relative(this.root, dir) || '.';
      listing = readdir(dir, { encoding: 'buffer' }).then(
        (names) => names.map((raw) => ({ raw, name: decodeUtf8(raw) })),
        (err: unknown) => {
          throw new PackError(problems.readFailed(rel, err));
        },
      );
      this.listings.set(dir, listing);
    }
    return listing;
  }
}
