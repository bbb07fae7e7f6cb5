/** What inspection saw of a file on disk; the copy opens only that very file. */
export interface FileIdentity {
  dev: string;
  ino: string;
  size: number;
  mtimeNs: string;
}

/**
 * Reading a pack without trusting it: a folder or a `.zip`, behind one interface so
 * the checks and the copy are the same for both.
 */
export interface Located {
  /** The name as the manifest writes it (NFC). */
  name: string;
  /** The size found on disk or declared by the zip (the zip reader enforces it). */
  size: number;
}

export interface PackReader {
  /** The manifest's bytes (size-capped); throws PackError. */
  readManifest(maxBytes: number): Promise<Buffer>;
  /** Finds a file the manifest names; throws PackError (missing, symlink, clash…). */
  locate(rel: string): Promise<Located>;
  /** The file's bytes, in chunks, read once. */
  chunks(file: Located): AsyncIterable<Buffer>;
  /**
   * Optional: where the file can be opened directly on this machine (a folder pack), for
   * a copy that reads it itself with the same care as `chunks`: O_NOFOLLOW, still a
   * regular file, no more bytes than expected.
   */
  pathOnDisk?(file: Located): { path: string; seen: FileIdentity };
  close(): Promise<void>;
}

/** Caps against hostile archives; the defaults suit any real pack. */
export interface PackLimits {
  manifestBytes: number;
  zipEntries: number;
  zipTotalBytes: number;
  /** Above this expansion (uncompressed ÷ compressed) an entry is treated as a bomb… */
  zipEntryRatio: number;
  /** …and above this one, the whole archive. */
  zipTotalRatio: number;
}

export const DEFAULT_LIMITS: PackLimits = {
  manifestBytes: 4 * 1024 * 1024,
  zipEntries: 50_000,
  zipTotalBytes: 64 * 1024 ** 3,
  zipEntryRatio: 200,
  zipTotalRatio: 50,
};

/**
 * Large files are read in chunks of this size. Each chunk is read, hashed and written
 * while it is still in the CPU cache: with 4 MiB chunks the 600 MB bench pack took
 * twice as long (1.7 s of system time instead of 0.45 s) for a quarter of the calls.
 */
export const CHUNK = 256 * 1024;
