/**
 * Recognises an uploaded picture by its first bytes (never by its name or declared
 * type) and reads its size in pixels. Only raster types a browser shows safely inline.
 */
export interface ImageInfo {
  mime: 'image/png' | 'image/jpeg' | 'image/webp' | 'image/gif';
  ext: 'png' | 'jpg' | 'webp' | 'gif';
  width: number;
  height: number;
}

function jpegSize(b: Buffer): { width: number; height: number } | null {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1] ?? 0;
    const len = b.readUInt16BE(i + 2);
    // SOF0…SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
    }
    i += 2 + len;
  }
  return null;
}

function webpSize(b: Buffer): { width: number; height: number } | null {
  const chunk = b.toString('latin1', 12, 16);
  if (chunk === 'VP8X' && b.length >= 30)
    return { width: 1 + b.readUIntLE(24, 3), height: 1 + b.readUIntLE(27, 3) };
  if (chunk === 'VP8 ' && b.length >= 30)
    return { width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff };
  if (chunk === 'VP8L' && b.length >= 25) {
    const bits = b.readUInt32LE(21);
    return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >> 14) & 0x3fff) };
  }
  return null;
}

export function sniffImage(b: Buffer): ImageInfo | null {
  let size: { width: number; height: number } | null = null;
  let kind: Pick<ImageInfo, 'mime' | 'ext'> | null = null;
  if (
    b.length > 24 &&
    b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  ) {
    kind = { mime: 'image/png', ext: 'png' };
    size = { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  } else if (b.length > 4 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) {
    kind = { mime: 'image/jpeg', ext: 'jpg' };
    size = jpegSize(b);
  } else if (
    b.length > 16 &&
    b.toString('latin1', 0, 4) === 'RIFF' &&
    b.toString('latin1', 8, 12) === 'WEBP'
  ) {
    kind = { mime: 'image/webp', ext: 'webp' };
    size = webpSize(b);
  } else if (b.length > 10 && /^GIF8[79]a$/.test(b.toString('latin1', 0, 6))) {
    kind = { mime: 'image/gif', ext: 'gif' };
    size = { width: b.readUInt16LE(6), height: b.readUInt16LE(8) };
  }
  if (
    !kind ||
    !size ||
    size.width < 16 ||
    size.height < 16 ||
    size.width > 10_000 ||
    size.height > 10_000
  )
    return null;
  return { ...kind, ...size };
}
