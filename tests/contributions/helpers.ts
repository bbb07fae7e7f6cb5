import { execFileSync } from 'node:child_process';
import sharp from 'sharp';

/** A JPEG carrying GPS coordinates and a real name in its EXIF, as a phone would write. */
export function gpsJpeg(width = 64, height = 48): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#c33' } })
    .jpeg()
    .withExif({
      IFD0: { Artist: 'Jeanne Vraienom', Make: 'PhoneCo' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '48/1 51/1 0/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '2/1 21/1 0/1',
      },
    })
    .toBuffer();
}

/** Every tag exiftool finds in a file, as "Group:Name" → value (a real tool, not ours). */
export function exifTags(file: string): Record<string, unknown> {
  const out = execFileSync('exiftool', ['-json', '-G', '-a', file], { encoding: 'utf8' });
  return (JSON.parse(out) as Array<Record<string, unknown>>)[0] ?? {};
}

/** The tags that would say where, who or with what a photo was taken. */
export function revealingTags(tags: Record<string, unknown>): string[] {
  return Object.keys(tags).filter(
    (k) => /^(EXIF|XMP|IPTC|Composite):.*(GPS|Artist|Make|Model)/i.test(k) || /^EXIF:/.test(k),
  );
}

export const ANSWERS = { credit: 'name', modify: 'same', commercial: 'yes', rights: 'yes' };

/** A proposal form as a phone sends it. */
export function proposalForm(
  fields: Record<string, string>,
  file?: { name: string; data: Buffer; type?: string },
): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  if (file)
    form.set(
      'file',
      new Blob([new Uint8Array(file.data)], { type: file.type ?? 'application/octet-stream' }),
      file.name,
    );
  return form;
}
