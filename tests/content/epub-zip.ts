import yauzl from 'yauzl';

export interface ZipEntryInfo {
  name: string;
  compressionMethod: number;
  extraFieldLength: number;
  data: Buffer;
}

/** Every entry of a zip, in the order of its central directory, with its bytes. */
export async function readZip(data: Buffer): Promise<ZipEntryInfo[]> {
  const zip = await yauzl.fromBufferPromise(data, { lazyEntries: true });
  const entries: ZipEntryInfo[] = [];
  return new Promise((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', () => resolve(entries));
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (err, stream) => {
        if (err || !stream) return reject(err ?? new Error('no stream'));
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('error', reject);
        stream.on('end', () => {
          entries.push({
            name: entry.fileName,
            compressionMethod: entry.compressionMethod,
            extraFieldLength: entry.extraFieldLength,
            data: Buffer.concat(chunks),
          });
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
}

/** What the local header at offset 0 says: the first entry as stored on disk. */
export function firstLocalEntry(data: Buffer): {
  name: string;
  method: number;
  extraLength: number;
  content: string;
} {
  if (data.readUInt32LE(0) !== 0x04034b50) throw new Error('not a zip local header');
  const method = data.readUInt16LE(8);
  const size = data.readUInt32LE(18);
  const nameLength = data.readUInt16LE(26);
  const extraLength = data.readUInt16LE(28);
  const name = data.toString('utf8', 30, 30 + nameLength);
  const start = 30 + nameLength + extraLength;
  return { name, method, extraLength, content: data.toString('latin1', start, start + size) };
}
