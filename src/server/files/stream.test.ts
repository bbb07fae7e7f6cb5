import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streamFile } from './stream.js';

/** A real HTTP server whose body comes from `streamFile` for the range in the URL. */
describe('streamFile', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lanterne-stream-'));
  const file = path.join(dir, 'data.bin');
  const content = randomBytes(3 * 1024 * 1024 + 12_345);
  let server: http.Server;
  let port = 0;

  beforeAll(async () => {
    writeFileSync(file, content);
    server = http.createServer((req, res) => {
      const [start = 0, end = 0] = (req.url ?? '/0/0').slice(1).split('/').map(Number);
      res.writeHead(200, { 'content-length': String(end - start + 1) });
      streamFile(file, start, end, res).catch(() => res.destroy());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  const fetchRange = async (start: number, end: number) =>
    Buffer.from(await (await fetch(`http://127.0.0.1:${port}/${start}/${end}`)).arrayBuffer());

  it('sends exactly the bytes asked for, across chunk boundaries, to concurrent clients', async () => {
    const ranges: Array<[number, number]> = [
      [0, content.length - 1],
      [0, 0],
      [524_287, 524_288],
      [1_000_000, 2_600_000],
      [content.length - 10, content.length - 1],
    ];
    const bodies = await Promise.all(ranges.map(([s, e]) => fetchRange(s, e)));
    bodies.forEach((body, i) => {
      const [s, e] = ranges[i] ?? [0, 0];
      expect(body.equals(content.subarray(s, e + 1))).toBe(true);
    });
  });

  it('stops reading and closes the file when the client goes away', async () => {
    const openFds = () => readdirSync('/proc/self/fd').length;
    const before = openFds();
    await new Promise<void>((resolve) => {
      const req = http.get({ host: '127.0.0.1', port, path: `/0/${content.length - 1}` }, (res) => {
        res.once('data', () => {
          req.destroy();
          resolve();
        });
      });
      req.on('error', () => resolve());
    });
    // The server notices the closed socket, then its loop ends and closes the handle.
    for (let i = 0; i < 50 && openFds() > before; i++) await new Promise((r) => setTimeout(r, 20));
    expect(openFds()).toBeLessThanOrEqual(before);
    // And it still serves the next client correctly.
    expect((await fetchRange(10, 20)).equals(content.subarray(10, 21))).toBe(true);
  });
});
