import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunningServer } from '../../src/server/server.js';
import { addWorks, makeTestBox, work, type TestBox } from '../helpers/box.js';
import { rawRequest } from '../helpers/http.js';

const run = promisify(execFile);
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** Sends a request exactly as written (no URL normalisation), like a hostile client would. */
const rawGet = (port: number, rawPath: string) =>
  rawRequest({ hostname: '127.0.0.1', port, path: rawPath });

describe('downloads over real HTTP', () => {
  let box: TestBox;
  let server: RunningServer;
  let base: string;
  const big = randomBytes(6 * 1024 * 1024 + 123);
  const small = Buffer.from('Il était une fois une forêt.\n'.repeat(40));
  const work_dir = mkdtempSync(path.join(tmpdir(), 'lanterne-dl-'));

  beforeAll(async () => {
    box = makeTestBox();
    addWorks(box.ctx, 'demo', [
      work('demo.grand', 'Grand fichier', {
        type: 'video',
        files: [{ name: 'Vidéo été à Noël.webm', content: big, mime: 'video/webm' }],
      }),
      work('demo.petit', 'Petit fichier', {
        files: [{ name: 'conte.epub', content: small, mime: 'application/epub+zip' }],
      }),
      work('demo.page', 'Page piégée', {
        type: 'document',
        files: [{ name: 'piege.html', content: '<script>alert(1)</script>', mime: 'text/html' }],
      }),
    ]);
    server = await box.listen();
    base = server.url.replace('localhost', '127.0.0.1');
  });
  afterAll(async () => {
    await box.cleanup();
    rmSync(work_dir, { recursive: true, force: true });
  });

  const bigUrl = () => `${base}/files/demo.grand/0/video.webm`;

  it('answers a full GET with length, type, validators and a UTF-8 file name', async () => {
    const res = await fetch(bigUrl());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe(String(big.length));
    expect(res.headers.get('content-type')).toBe('video/webm');
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('etag')).toMatch(/^"[0-9a-f]{32}"$/);
    expect(Date.parse(res.headers.get('last-modified') ?? '')).not.toBeNaN();
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="Video ete a Noel.webm"; filename*=UTF-8''Vid%C3%A9o%20%C3%A9t%C3%A9%20%C3%A0%20No%C3%ABl.webm`,
    );
    expect(sha256(Buffer.from(await res.arrayBuffer()))).toBe(sha256(big));
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const res = await fetch(bigUrl(), { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe(String(big.length));
    expect((await res.arrayBuffer()).byteLength).toBe(0);
  });

  it('answers a single range with 206 and the exact bytes, in every range form', async () => {
    const cases: Array<[string, number, number]> = [
      ['bytes=0-99', 0, 99],
      ['bytes=1000-', 1000, big.length - 1],
      ['bytes=-500', big.length - 500, big.length - 1],
      [`bytes=10-${big.length + 5000}`, 10, big.length - 1],
    ];
    for (const [range, start, end] of cases) {
      const res = await fetch(bigUrl(), { headers: { range } });
      expect(res.status, range).toBe(206);
      expect(res.headers.get('content-range')).toBe(`bytes ${start}-${end}/${big.length}`);
      expect(res.headers.get('content-length')).toBe(String(end - start + 1));
      expect(Buffer.from(await res.arrayBuffer()).equals(big.subarray(start, end + 1))).toBe(true);
    }
  });

  it('answers an unsatisfiable range with 416 and the size', async () => {
    const res = await fetch(bigUrl(), { headers: { range: `bytes=${big.length}-` } });
    expect(res.status).toBe(416);
    expect(res.headers.get('content-range')).toBe(`bytes */${big.length}`);
  });

  it('ignores ranges it does not serve (several ranges, other units) and sends the whole file', async () => {
    for (const range of ['bytes=0-10,20-30', 'items=0-5', 'bytes=abc']) {
      const res = await fetch(bigUrl(), { headers: { range } });
      expect(res.status, range).toBe(200);
      await res.arrayBuffer();
    }
  });

  it('answers 304 to If-None-Match and If-Modified-Since, and honours If-Range', async () => {
    const first = await fetch(bigUrl(), { method: 'HEAD' });
    const etag = first.headers.get('etag') ?? '';
    const lastModified = first.headers.get('last-modified') ?? '';
    expect((await fetch(bigUrl(), { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect(
      (await fetch(bigUrl(), { headers: { 'if-none-match': `"other", W/${etag}` } })).status,
    ).toBe(304);
    expect((await fetch(bigUrl(), { headers: { 'if-modified-since': lastModified } })).status).toBe(
      304,
    );
    const stale = await fetch(bigUrl(), { headers: { 'if-none-match': '"stale"' } });
    expect(stale.status).toBe(200);
    await stale.arrayBuffer();
    const sameVersion = await fetch(bigUrl(), {
      headers: { range: 'bytes=0-9', 'if-range': etag },
    });
    expect(sameVersion.status).toBe(206);
    await sameVersion.arrayBuffer();
    const changed = await fetch(bigUrl(), {
      headers: { range: 'bytes=0-9', 'if-range': '"changed"' },
    });
    expect(changed.status).toBe(200);
    await changed.arrayBuffer();
    const byDate = await fetch(bigUrl(), {
      headers: { range: 'bytes=0-9', 'if-range': lastModified },
    });
    expect(byDate.status).toBe(206);
    await byDate.arrayBuffer();
  });

  it('serves small files from memory with the same semantics', async () => {
    const url = `${base}/files/demo.petit/0/conte.epub`;
    for (let i = 0; i < 3; i += 1) {
      const res = await fetch(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/epub+zip');
      expect(Buffer.from(await res.arrayBuffer()).equals(small)).toBe(true);
    }
    const part = await fetch(url, { headers: { range: 'bytes=3-8' } });
    expect(part.status).toBe(206);
    expect(Buffer.from(await part.arrayBuffer()).equals(small.subarray(3, 9))).toBe(true);
  });

  it('never shows untrusted HTML inline: it is a download', async () => {
    for (const kind of ['files', 'media']) {
      const res = await fetch(`${base}/${kind}/demo.page/0/piege.html`);
      expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toMatch(/^sandbox; default-src 'none'/);
      await res.arrayBuffer();
    }
  });

  it('plays media inline with ranges for seeking', async () => {
    const res = await fetch(`${base}/media/demo.grand/0/v.webm`, {
      headers: { range: 'bytes=100-199' },
    });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-disposition')).toMatch(/^inline;/);
    await res.arrayBuffer();
  });

  it('refuses unknown ids and path tricks without reading outside the content folder', async () => {
    writeFileSync(path.join(box.dir, 'secret.txt'), 'SECRET');
    const tricks = [
      '/files/inconnu/0/x',
      '/files/demo.petit/9/x',
      '/files/demo.petit/-1/x',
      '/files/../../secret.txt',
      '/files/%2e%2e/%2e%2e/secret.txt',
      '/files/demo.petit/0/..%2f..%2f..%2fsecret.txt',
      '/files/..%5c..%5csecret.txt/0/x',
      '/files/demo.petit%00/0/x',
      '/files//etc/passwd/0/x',
      '/media/%2e%2e%2f%2e%2e%2fsecret.txt/0/x',
      '/covers/../../../etc/passwd',
      '/covers/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '/static/../../package.json',
      '/static/%2e%2e/%2e%2e/package.json',
    ];
    for (const trick of tricks) {
      const res = await rawGet(server.port, trick);
      expect([400, 404], trick).toContain(res.status);
      expect(res.body.toString(), trick).not.toContain('SECRET');
      expect(res.body.toString(), trick).not.toContain('root:');
      expect(res.body.toString(), trick).not.toContain('"name": "lanterne"');
      expect(res.headers['content-type'], trick).toMatch(/^text\/html/);
    }
  });

  it('lets curl download and resume with -C -', async () => {
    const out = path.join(work_dir, 'curl.webm');
    writeFileSync(out, big.subarray(0, 1_000_000));
    await run('curl', ['-sS', '-f', '-C', '-', '-o', out, bigUrl()]);
    expect(sha256(readFileSync(out))).toBe(sha256(big));
  });

  it('lets wget resume with -c', async () => {
    const out = path.join(work_dir, 'wget.webm');
    writeFileSync(out, big.subarray(0, 2_500_000));
    await run('wget', ['-q', '-c', '-O', out, bigUrl()]);
    expect(sha256(readFileSync(out))).toBe(sha256(big));
  });

  it('lets aria2c download with several connections at once', async () => {
    const { stdout } = await run('aria2c', [
      '-x4',
      '-s4',
      '-k1M',
      '--min-split-size=1M',
      '--allow-overwrite=true',
      '--auto-file-renaming=false',
      '--console-log-level=warn',
      '--summary-interval=0',
      '-d',
      work_dir,
      '-o',
      'aria.webm',
      bigUrl(),
    ]);
    expect(stdout).toMatch(/OK|complete/i);
    expect(sha256(readFileSync(path.join(work_dir, 'aria.webm')))).toBe(sha256(big));
  });

  it('reads from disk only as fast as slow clients take the bytes (bounded memory)', async () => {
    // Four clients start a 48 MB download and then stop reading, as a phone on weak Wi-Fi
    // does. With backpressure the server stops reading the file after a few megabytes;
    // a server that buffered whole files would read all 4 × 48 MB. /proc/self/io counts
    // the bytes this process read, whatever the garbage collector is doing.
    const size = 48 * 1024 * 1024;
    addWorks(box.ctx, 'lourd', [
      work('lourd.film', 'Film lourd', {
        type: 'video',
        files: [{ name: 'film.webm', content: Buffer.alloc(size), mime: 'video/webm' }],
      }),
    ]);
    const expected = createHash('sha256').update(Buffer.alloc(size)).digest('hex');
    const bytesRead = () =>
      Number(/rchar:\s+(\d+)/.exec(readFileSync('/proc/self/io', 'utf8'))?.[1]);
    // The server-side sockets of these four downloads, to see when they are stuck.
    const sockets: Socket[] = [];
    const onConnection = (socket: Socket) => sockets.push(socket);
    server.server.on('connection', onConnection);
    const before = bytesRead();
    const responses = await Promise.all(
      Array.from(
        { length: 4 },
        () =>
          new Promise<IncomingMessage>((resolve, reject) => {
            const req = request(
              {
                host: '127.0.0.1',
                port: server.port,
                path: '/files/lourd.film/0/film.webm',
                // A fresh connection each: a kept-alive socket from an earlier test would
                // not raise 'connection', and the wait below would never see four.
                agent: false,
              },
              (res) => {
                res.pause();
                resolve(res);
              },
            );
            req.on('error', reject);
            req.end();
          }),
      ),
    );
    server.server.off('connection', onConnection);
    // Instead of a fixed wait: the server is stuck once every socket holds bytes the
    // kernel would not take (its buffers full because the client stopped reading); this
    // server then awaits the write before reading on. A server that buffered whole files
    // would have read them all by then.
    await vi.waitFor(
      () => {
        expect(sockets).toHaveLength(4);
        expect(sockets.every((socket) => socket.writableLength > 0)).toBe(true);
      },
      { timeout: 60_000, interval: 20 },
    );
    const readWhilePaused = bytesRead() - before;
    expect(readWhilePaused).toBeLessThan(size / 2);
    const sums = await Promise.all(
      responses.map(
        (res) =>
          new Promise<string>((resolve) => {
            const hash = createHash('sha256');
            res.on('data', (chunk: Buffer) => hash.update(chunk));
            res.on('end', () => resolve(hash.digest('hex')));
            res.resume();
          }),
      ),
    );
    expect(new Set(sums)).toEqual(new Set([expected]));
  }, 90_000);
});
