import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { MANIFEST_FILE } from '../manifest.js';
import { decodeUtf8, findClashes, findFileFolderClash, unsafePathReason } from '../names.js';
import { PackError, problems } from '../problems.js';
import type { PackProblem } from '../types.js';
import type { Located, PackLimits, PackReader } from './reader.js';

interface ZipLocated extends Located {
  entry: Entry;
}

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
/** Fixed part of a local file header: entries whose data overlap are a bomb trick. */
const LOCAL_HEADER = 30;
const LOCAL_SIGNATURE = 0x04034b50;
const BATCH = 1024 * 1024;

/** The entry's name as text; null when it claims UTF-8 and is not. */
function decodeName(entry: Entry): string | null {
  const raw = entry.fileNameRaw;
  if ((entry.generalPurposeBitFlag & 0x800) !== 0) return decodeUtf8(raw);
  if (raw.every((b) => b < 0x80)) return raw.toString('ascii');
  if (entry.extraFields.some((f) => f.id === 0x7075)) {
    return yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, raw, entry.extraFields, true);
  }
  // Many tools write UTF-8 without setting the flag; real CP437 is rarely valid UTF-8.
  return decodeUtf8(raw) ?? yauzl.getFileNameLowLevel(0, raw, [], true);
}

/**
 * A failure of the zip library, in French: a system error (the stick went away…) is
 * said as such; anything else is a damaged archive. yauzl's English never shows.
 */
function zipProblem(err: unknown, file?: string): PackProblem {
  if (typeof (err as NodeJS.ErrnoException).code === 'string')
    return problems.readFailed(file ?? MANIFEST_FILE, err);
  return problems.zipInvalid(file);
}

function readEntries(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}

/**
 * A `.zip` pack read with yauzl (which only reads, and checks real against declared
 * sizes). Everything yauzl leaves to us is checked here before a byte is inflated:
 * names, symlinks, entry count, total size, compression ratios, overlapping entries.
 */
export class ZipReader implements PackReader {
  private readonly files = new Map<string, ZipLocated>();

  private constructor(private readonly zip: ZipFile) {}

  static async open(file: string, limits: PackLimits): Promise<ZipReader> {
    let zip: ZipFile;
    try {
      zip = await yauzl.openPromise(file, {
        lazyEntries: true,
        decodeStrings: false,
        validateEntrySizes: true,
        autoClose: false,
      });
    } catch (err) {
      throw new PackError(zipProblem(err));
    }
    const reader = new ZipReader(zip);
    try {
      if (zip.entryCount > limits.zipEntries)
        throw new PackError(problems.zipTooManyEntries(zip.entryCount, limits.zipEntries));
      let entries: Entry[];
      try {
        entries = await readEntries(zip);
      } catch (err) {
        throw new PackError(zipProblem(err));
      }
      reader.index(entries, zip.fileSize, limits);
      await reader.checkOverlaps(file, entries);
      return reader;
    } catch (err) {
      zip.close();
      throw err;
    }
  }

  private index(entries: Entry[], zipSize: number, limits: PackLimits): void {
    let total = 0;
    const named: Array<{ name: string; entry: Entry }> = [];
    const folders: string[] = [];
    const seen = new Set<string>();
    for (const entry of entries) {
      const name = decodeName(entry);
      const shown = name ?? entry.fileNameRaw.toString('latin1');
      if (name === null) throw new PackError(problems.badNameEncoding(shown));
      const isDir = name.endsWith('/');
      const why = unsafePathReason(isDir ? name.slice(0, -1) : name);
      if (why) throw new PackError(problems.zipUnsafeEntry(shown, why));
      const mode = (entry.externalFileAttributes >>> 16) & S_IFMT;
      if (mode === S_IFLNK) throw new PackError(problems.zipSymlink(shown));
      if (mode !== 0 && mode !== S_IFREG && mode !== S_IFDIR)
        throw new PackError(problems.zipUnsafeEntry(shown, 'fichier spécial'));
      if (entry.isEncrypted()) throw new PackError(problems.zipEncrypted(shown));
      // The same name twice: another zip tool would show the other one's content.
      if (seen.has(name)) throw new PackError(problems.zipDuplicate(shown));
      seen.add(name);
      if (isDir) {
        folders.push(name.slice(0, -1));
        continue;
      }
      total += entry.uncompressedSize;
      if (total > limits.zipTotalBytes)
        throw new PackError(problems.zipTooBig(total, limits.zipTotalBytes));
      const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
      if (entry.uncompressedSize > 1024 * 1024 && ratio > limits.zipEntryRatio) {
        throw new PackError(
          problems.zipBomb(shown, `taux de compression ${Math.round(ratio)} pour 1`),
        );
      }
      named.push({ name, entry });
    }
    if (total > 10 * 1024 * 1024 && total / Math.max(zipSize, 1) > limits.zipTotalRatio) {
      throw new PackError(
        problems.zipBomb('', `${Math.round(total / zipSize)} fois la taille de l’archive`),
      );
    }
    const [clash] = findClashes(named.map((n) => n.name));
    if (clash) throw new PackError(problems.nameClash(clash[0], clash[1]));
    const fileFolder = findFileFolderClash(
      named.map((n) => n.name),
      folders,
    );
    if (fileFolder) throw new PackError(problems.fileFolderClash(...fileFolder));
    // A zip "of a folder" may hold the pack inside one top-level folder.
    const prefix = this.rootPrefix(named.map((n) => n.name));
    for (const { name, entry } of named) {
      if (!name.startsWith(prefix)) continue;
      const rel = name.slice(prefix.length).normalize('NFC');
      this.files.set(rel, { name: rel, size: entry.uncompressedSize, entry });
    }
  }

  /**
   * Overlapping entries let a few MB of data expand to petabytes: refuse them. Each
   * entry spans its local header, the local header's OWN name and extra field (which may
   * differ from the central directory's: an overlap can hide in a long local extra
   * field), then its compressed data. Spans must not meet, and must stay in the file.
   */
  async checkOverlaps(file: string, entries: Entry[]): Promise<void> {
    const sorted = [...entries].sort(
      (a, b) => a.relativeOffsetOfLocalHeader - b.relativeOffsetOfLocalHeader,
    );
    const header = Buffer.alloc(LOCAL_HEADER);
    const fh = await open(file, 'r');
    try {
      let end = 0;
      let before: Entry | undefined;
      for (const entry of sorted) {
        const start = entry.relativeOffsetOfLocalHeader;
        const shown = entry.fileNameRaw.toString('latin1');
        if (before && start < end)
          throw new PackError(problems.zipBomb(shown, 'des entrées se chevauchent'));
        const { bytesRead } = await fh.read(header, 0, LOCAL_HEADER, start);
        if (bytesRead < LOCAL_HEADER || header.readUInt32LE(0) !== LOCAL_SIGNATURE)
          throw new PackError(problems.zipInvalid());
        const dataStart = start + LOCAL_HEADER + header.readUInt16LE(26) + header.readUInt16LE(28);
        end = dataStart + entry.compressedSize;
        if (end > this.zip.fileSize) throw new PackError(problems.zipInvalid());
        before = entry;
      }
    } finally {
      await fh.close();
    }
  }

  private rootPrefix(names: string[]): string {
    if (names.includes(MANIFEST_FILE)) return '';
    const nested = names.filter(
      (n) => n.endsWith(`/${MANIFEST_FILE}`) && n.split('/').length === 2,
    );
    const only = nested.length === 1 ? nested[0] : undefined;
    if (!only) return '';
    const prefix = only.slice(0, -MANIFEST_FILE.length);
    return names.every((n) => n.startsWith(prefix)) ? prefix : '';
  }

  async readManifest(maxBytes: number): Promise<Buffer> {
    const file = this.files.get(MANIFEST_FILE);
    if (!file) throw new PackError(problems.missingManifest(true));
    if (file.size > maxBytes) throw new PackError(problems.manifestTooBig(file.size, maxBytes));
    const parts: Buffer[] = [];
    for await (const chunk of this.chunks(file)) parts.push(chunk);
    return Buffer.concat(parts);
  }

  /** Every file of the archive (not its folders), names in NFC, sizes as declared. */
  list(): Located[] {
    return [...this.files.values()].map(({ name, size }) => ({ name, size }));
  }

  async locate(rel: string): Promise<ZipLocated> {
    const file = this.files.get(rel.normalize('NFC'));
    if (!file) throw new PackError(problems.missingFile(rel));
    return file;
  }

  async *chunks(file: Located): AsyncIterable<Buffer> {
    const { entry } = file as ZipLocated;
    let stream: Readable;
    try {
      stream = await this.zip.openReadStreamPromise(entry);
    } catch (err) {
      throw new PackError(zipProblem(err, file.name));
    }
    try {
      // Inflate hands out small pieces; writing them in 1 MiB batches is much cheaper.
      let batch: Buffer[] = [];
      let batched = 0;
      for await (const chunk of stream) {
        batch.push(chunk as Buffer);
        batched += (chunk as Buffer).length;
        if (batched >= BATCH) {
          yield Buffer.concat(batch, batched);
          batch = [];
          batched = 0;
        }
      }
      if (batched > 0) yield Buffer.concat(batch, batched);
    } catch (err) {
      if (err instanceof PackError) throw err;
      const message = (err as Error).message;
      // yauzl compares the inflated bytes with the declared size: a lying entry is a bomb attempt.
      const problem: PackProblem = /too many bytes|not enough bytes/i.test(message)
        ? problems.zipBomb(file.name, 'taille réelle différente de la taille annoncée')
        : problems.zipInvalid(file.name);
      throw new PackError(problem);
    } finally {
      stream.destroy();
    }
  }

  async close(): Promise<void> {
    this.zip.close();
  }
}
