/**
 * Keeps small, immutable files (covers, thumbnails, short EPUBs, CSS) in memory so a
 * phone's burst of requests does not become a burst of reads on the SD card.
 * Least-recently-used eviction under a byte budget.
 */
export interface CachedFile {
  data: Buffer;
  size: number;
  mtimeMs: number;
}

export class SmallFileCache {
  private readonly entries = new Map<string, CachedFile>();
  private bytes = 0;

  constructor(
    readonly maxEntryBytes = 128 * 1024,
    private readonly maxTotalBytes = 16 * 1024 * 1024,
  ) {}

  get(key: string): CachedFile | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, entry: CachedFile): void {
    if (entry.data.length > this.maxEntryBytes) return;
    this.delete(key);
    this.entries.set(key, entry);
    this.bytes += entry.data.length;
    for (const [oldKey, old] of this.entries) {
      if (this.bytes <= this.maxTotalBytes) break;
      this.entries.delete(oldKey);
      this.bytes -= old.data.length;
    }
  }

  delete(key: string): void {
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.bytes -= old.data.length;
    }
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  get size(): number {
    return this.bytes;
  }
}
