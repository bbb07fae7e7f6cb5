import { getRequestListener } from '@hono/node-server';
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { BoxNames } from '../../src/server/captive/index.js';
import type { BoxEvent } from '../../src/server/events/bus.js';
import { fileFastPath } from '../../src/server/files/fast.js';
import { isForBox } from '../../src/server/server.js';
import { addWorks, makeTestBox, work, type TestBox } from '../helpers/box.js';
import { rawRequest, type RawReply } from '../helpers/http.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** What must be identical whoever answers: status, the headers that matter, the bytes. */
const COMPARED = [
  'content-type',
  'content-length',
  'content-range',
  'content-disposition',
  'content-security-policy',
  'x-content-type-options',
  'referrer-policy',
  'accept-ranges',
  'etag',
  'last-modified',
  'cache-control',
  'location',
];
function shape(r: { status: number; headers: (name: string) => string | undefined; body: Buffer }) {
  const headers: Record<string, string | undefined> = {};
  for (const name of COMPARED) headers[name] = r.headers(name);
  return { status: r.status, headers, body: sha(r.body) };
}

/**
 * The plain Node fast path for files (files/fast.ts) must answer exactly as the Hono
 * routes do, and hand Hono everything that is not a plain file answer.
 */
describe('the files fast path', () => {
  let box: TestBox;
  let server: Server;
  let port: number;
  let declined: string[];
  const events: BoxEvent[] = [];
  const big = randomBytes(300 * 1024);

  beforeAll(async () => {
    box = makeTestBox({ hostnames: ['lanterne.lan'] });
    addWorks(box.ctx, 'demo', [
      work('demo.conte', 'Conte', {
        files: [
          { name: 'Conte été.epub', content: 'il était une fois', mime: 'application/epub+zip' },
        ],
        cover: { name: 'c.png', content: randomBytes(900), mime: 'image/png' },
      }),
      work('demo.film', 'Film', {
        type: 'video',
        files: [{ name: 'film.webm', content: big, mime: 'video/webm' }],
        cover: {
          name: 'c.svg',
          content: '<svg xmlns="http://www.w3.org/2000/svg"/>',
          mime: 'image/svg+xml',
        },
      }),
    ]);
    box.ctx.events.on((e) => events.push(e));
    const names = new BoxNames(box.ctx.config);
    const hono = getRequestListener(createApp(box.ctx, names).fetch);
    declined = [];
    server = createServer(
      fileFastPath(box.ctx, isForBox(names), (req, res) => {
        declined.push(`${req.method} ${req.url}`);
        void hono(req, res);
      }),
    );
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((done) => server.close(done));
    await box.cleanup();
  });

  const overSocket = async (method: string, path: string, headers: Record<string, string> = {}) => {
    const r: RawReply = await rawRequest({ hostname: '127.0.0.1', port, path, method, headers });
    const h = (name: string) => {
      const v = r.headers[name];
      return Array.isArray(v) ? v.join(', ') : v;
    };
    return shape({ status: r.status, headers: h, body: r.body });
  };
  const inProcess = async (method: string, path: string, headers: Record<string, string> = {}) => {
    const r = await box.app.request(`http://127.0.0.1${path}`, { method, headers });
    const body = Buffer.from(await r.arrayBuffer());
    return shape({ status: r.status, headers: (n) => r.headers.get(n) ?? undefined, body });
  };

  const etagOf = async (path: string) =>
    (await rawRequest({ hostname: '127.0.0.1', port, path, method: 'HEAD' })).headers.etag ?? '';

  it('answers files, playback and covers itself, exactly as the Hono routes would', async () => {
    const conteEtag = await etagOf('/files/demo.conte/0/x');
    const lastModified =
      (await overSocket('HEAD', '/files/demo.film/0/f')).headers['last-modified'] ?? '';
    const cases: Array<[string, string, Record<string, string>?]> = [
      ['GET', '/files/demo.conte/0/Conte.epub'],
      ['GET', '/files/demo.conte/0/Conte.epub?source=qr'],
      ['GET', '/files/demo.conte/0'],
      ['HEAD', '/files/demo.conte/0/x'],
      ['GET', '/files/demo.conte/0/x', { 'if-none-match': conteEtag }],
      ['GET', '/files/demo.conte/0/x', { 'if-none-match': '"autre"' }],
      ['GET', '/files/demo.film/0/f', { range: 'bytes=100-199' }],
      ['GET', '/files/demo.film/0/f', { range: 'bytes=-10' }],
      ['GET', '/files/demo.film/0/f', { range: 'bytes=999999999-' }],
      ['GET', '/files/demo.film/0/f', { range: 'bytes=5-9', 'if-range': '"perime"' }],
      ['GET', '/files/demo.film/0/f', { 'if-modified-since': lastModified }],
      ['GET', '/files/demo.film/0/f'],
      ['GET', '/media/demo.film/0/f', { range: 'bytes=0-' }],
      ['GET', '/media/demo.conte/0/x'],
      ['GET', '/covers/demo.conte'],
      ['GET', '/covers/demo.film'],
    ];
    declined = [];
    for (const [method, path, headers] of cases) {
      const fast = await overSocket(method, path, headers);
      expect(fast, `${method} ${path} ${JSON.stringify(headers)}`).toEqual(
        await inProcess(method, path, headers),
      );
    }
    expect(declined).toEqual([]);
    const sample = await overSocket('GET', '/files/demo.film/0/f', { range: 'bytes=100-199' });
    expect(sample.status).toBe(206);
    expect(sample.body).toBe(sha(big.subarray(100, 200)));
  });

  it('hands Hono what is not a plain file answer: tricks, unknown files, stray hosts, other methods', async () => {
    const cases: Array<[string, string, Record<string, string>?]> = [
      ['GET', '/files/demo.conte/0/..%2f..%2fetc%2fpasswd'],
      ['GET', '/files/demo.conte/%2e%2e/x'],
      ['GET', '/files/inconnu/0/x'],
      ['GET', '/files/demo.conte/7/x'],
      ['GET', '/files/demo.conte/0/a/b'],
      ['GET', '/covers/demo.inconnu'],
      ['POST', '/files/demo.conte/0/x'],
      ['GET', '/files/demo.conte/0/x', { host: 'connectivitycheck.gstatic.com' }],
    ];
    declined = [];
    for (const [method, path, headers] of cases) {
      const fast = await overSocket(method, path, headers);
      const hono = await inProcess(method, path, headers);
      // Both are Hono's answers; only the Node adapter adds a length to its pages.
      delete fast.headers['content-length'];
      delete hono.headers['content-length'];
      // In-process requests have no socket: the captive redirect then names the public URL.
      if (headers?.host)
        expect(fast.headers.location).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/bienvenue/);
      else expect(fast, `${method} ${path}`).toEqual(hono);
      expect(fast.status, path).toBe(hono.status);
      expect(fast.status, path).not.toBe(200);
    }
    expect(declined).toHaveLength(cases.length);
  });

  it('counts a download or a playback once per first-byte request, never a HEAD or a later range', async () => {
    events.length = 0;
    await overSocket('GET', '/files/demo.conte/0/x');
    await overSocket('HEAD', '/files/demo.conte/0/x');
    await overSocket('GET', '/media/demo.film/0/f', { range: 'bytes=0-' });
    await overSocket('GET', '/media/demo.film/0/f', { range: 'bytes=5000-' });
    await overSocket('GET', '/covers/demo.conte');
    expect(events.map((e) => [e.type, 'workId' in e ? e.workId : ''])).toEqual([
      ['download', 'demo.conte'],
      ['play', 'demo.film'],
    ]);
    const first = events[0];
    expect(first && 'client' in first && first.client.ip).toMatch(/127\.0\.0\.1/);
  });
});
