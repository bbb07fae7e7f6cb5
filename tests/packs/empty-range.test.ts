import { afterEach, describe, expect, it } from 'vitest';
import { addWorks, makeTestBox, work, type TestBox } from '../helpers/box.js';
import { rawRequest } from '../helpers/http.js';

/** A pack may hold a zero-byte file; a player asking for its last bytes gets a valid answer. */
describe('a zero-byte file asked for by range', () => {
  let box: TestBox;
  afterEach(async () => box.cleanup());

  it('answers 200 with the empty body, never `Content-Range: bytes 0--1/0`', async () => {
    box = makeTestBox();
    addWorks(box.ctx, 'demo', [
      work('demo.vide', 'Vide', {
        files: [{ name: 'vide.txt', content: '', mime: 'text/plain' }],
      }),
    ]);
    const { port } = await box.listen();
    for (const path of ['/files/demo.vide/0/vide.txt', '/media/demo.vide/0/vide.txt']) {
      for (const range of ['bytes=-5', 'bytes=0-', 'bytes=0-0']) {
        const r = await rawRequest({ hostname: '127.0.0.1', port, path, headers: { range } });
        expect({ path, range, status: r.status }).toEqual({ path, range, status: 200 });
        expect(r.headers['content-range']).toBeUndefined();
        expect(r.headers['content-length']).toBe('0');
        expect(r.body.length).toBe(0);
      }
    }
  });
});
