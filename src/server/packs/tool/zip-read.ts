import yauzl from 'yauzl';

/** Per-entry cap: metadata files are small; anything bigger is not read (zip bombs). */
const MAX_ENTRY = 16 * 1024 * 1024;

/** Reads the entries a predicate picks (after listing them all) from a zip file. */
export function readZipEntries(
  file: string,
  pick: (names: string[]) => string[],
): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.open(
      file,
      { lazyEntries: true, autoClose: false, strictFileNames: false },
      (err, zip) => {
        if (err) return reject(err);
        const entries = new Map<string, yauzl.Entry>();
        zip.on('entry', (entry: yauzl.Entry) => {
          entries.set(entry.fileName, entry);
          zip.readEntry();
        });
        zip.on('error', (e: Error) => {
          zip.close();
          reject(e);
        });
        zip.on('end', () => {
          const wanted = pick([...entries.keys()])
            .map((n) => entries.get(n))
            .filter((e): e is yauzl.Entry => e !== undefined);
          const out = new Map<string, Buffer>();
          const next = (i: number): void => {
            const entry = wanted[i];
            if (!entry) {
              zip.close();
              return resolve(out);
            }
            if (entry.uncompressedSize > MAX_ENTRY) return next(i + 1);
            zip.openReadStream(entry, (e, stream) => {
              if (e) {
                zip.close();
                return reject(e);
              }
              const chunks: Buffer[] = [];
              let size = 0;
              stream.on('data', (c: Buffer) => {
                size += c.length;
                if (size > MAX_ENTRY)
                  stream.destroy(new Error(`Entrée trop grande : ${entry.fileName}`));
                else chunks.push(c);
              });
              stream.on('error', (se: Error) => {
                zip.close();
                reject(se);
              });
              stream.on('end', () => {
                out.set(entry.fileName, Buffer.concat(chunks));
                next(i + 1);
              });
            });
          };
          next(0);
        });
        zip.readEntry();
      },
    );
  });
}
