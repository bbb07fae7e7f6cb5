import { createServer } from 'node:net';

/** A free loopback port (a test's own kiwix-serve, Syncthing…), never a fixed one. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Polls `probe` every 100 ms until it gives a value (a helper program takes a moment to
 * start, a sync a moment to finish); throws after `ms` saying what was awaited.
 */
export async function until<T>(
  probe: () => Promise<T | undefined>,
  ms = 30_000,
  what = 'the awaited condition',
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`Timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
