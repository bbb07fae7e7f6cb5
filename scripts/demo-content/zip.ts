import yazl from 'yazl';

/**
 * A fixed, timezone-proof time for every zip entry: DOS timestamps are local time, so
 * we build the date from local fields and leave out the UTC "UT" extra field. The same
 * sources then always give the same bytes, whatever the machine's clock or zone.
 */
const FIXED_MTIME = new Date(2026, 10, 1, 12, 0, 0);

export interface ZipEntry {
  path: string;
  data: Buffer;
  /** Deflate unless false (EPUB's `mimetype` must be stored). */
  compress?: boolean;
}

/** Zips entries in the given order, deterministically. */
export function zip(entries: ZipEntry[]): Promise<Buffer> {
  const archive = new yazl.ZipFile();
  for (const entry of entries) {
    const compress = entry.compress !== false;
    archive.addBuffer(entry.data, entry.path, {
      mtime: FIXED_MTIME,
      mode: 0o100644,
      compress,
      ...(compress ? { compressionLevel: 9 } : {}),
      forceDosTimestamp: true,
    });
  }
  archive.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    archive.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    archive.outputStream.on('error', reject);
    archive.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}
