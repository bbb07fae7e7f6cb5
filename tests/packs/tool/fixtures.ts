import { copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The three real Standard Ebooks EPUBs (never committed here: copied into temp folders). */
export const REAL_EPUBS = path.resolve(
  import.meta.dirname,
  '../../../../shared/fixtures/real-epubs',
);

export function copyRealEpubs(
  dir = mkdtempSync(path.join(tmpdir(), 'lanterne-packtool-')),
): string {
  for (const f of readdirSync(REAL_EPUBS).filter((n) => n.endsWith('.epub')))
    copyFileSync(path.join(REAL_EPUBS, f), path.join(dir, f));
  return dir;
}

/** An ID3v2.3 tag with text frames, followed by a few bytes standing for the audio. */
export function mp3WithTags(tags: Record<'TIT2' | 'TPE1' | 'TCOP', string>): Buffer {
  const frames = Object.entries(tags).map(([id, value]) => {
    const body = Buffer.concat([Buffer.from([0]), Buffer.from(value, 'latin1')]);
    const header = Buffer.alloc(10);
    header.write(id, 0, 'latin1');
    header.writeUInt32BE(body.length, 4);
    return Buffer.concat([header, body]);
  });
  const all = Buffer.concat(frames);
  const size = all.length;
  const synchsafe = Buffer.from([
    (size >> 21) & 0x7f,
    (size >> 14) & 0x7f,
    (size >> 7) & 0x7f,
    size & 0x7f,
  ]);
  return Buffer.concat([
    Buffer.from('ID3\x03\x00\x00', 'latin1'),
    synchsafe,
    all,
    Buffer.alloc(64),
  ]);
}
