import { createServer, type Server } from 'node:http';
import { describe, expect, it } from 'vitest';
import { SiteSearch } from '../../src/server/catalogue/site-search.js';
import { articleSearchSource } from '../../src/server/savoirs/index.js';
import { makeTestBox } from '../helpers/box.js';

/** A loopback server standing in for a kiwix-serve that hangs or lies. */
async function fakeKiwix(handler: Parameters<typeof createServer>[1]): Promise<{
  url: string;
  close: () => Promise<void>;
}> {
  const server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const BOOK = { workId: 'p.w', name: 'p_w', title: 'Wiki', language: 'fr', file: '/x.zim' };

describe('encyclopaedia articles in the site search', () => {
  it('are bounded in time, silent when kiwix-serve hangs, is down or answers nonsense', async () => {
    const box = makeTestBox();
    const hang = await fakeKiwix(() => undefined);
    const junk = await fakeKiwix((req, res) => {
      // A path leaving its book, a link elsewhere, and markup in a title.
      if (req.url?.includes('/suggest'))
        res.end(
          JSON.stringify([
            { value: 'Sortie', kind: 'path', path: '../../admin' },
            { value: '<b>Lune</b>', kind: 'path', path: 'Lune.html' },
          ]),
        );
      else
        res.end(
          '<rss><channel><item><title>Ailleurs</title><link>https://fr.wikipedia.org/wiki/Lune</link></item>' +
            '<item><title>Lune &amp; Terre</title><link>/savoirs/p_w/A/Lune_%26_Terre</link>' +
            '<description>La &lt;b&gt;Lune&lt;/b&gt;…</description></item></channel></rss>',
        );
    });
    try {
      let base = hang.url;
      let running = true;
      const server = { books: () => [BOOK], baseUrl: () => base, running: () => running };
      const search = new SiteSearch(box.ctx.catalogue, [], [articleSearchSource(() => server)]);
      const started = Date.now();
      expect(await search.remoteHits('lune', 6, 300)).toEqual([]);
      expect(Date.now() - started).toBeLessThan(5_000);

      running = false;
      expect(await search.remoteHits('lune')).toEqual([]);
      running = true;
      base = 'http://127.0.0.1:1';
      expect(await search.remoteHits('lune')).toEqual([]);

      base = junk.url;
      const hits = await search.remoteHits('lune');
      expect(hits.map((h) => h.url)).toEqual([
        '/savoirs/p_w/Lune.html',
        '/savoirs/p_w/A/Lune_%26_Terre',
      ]);
      expect(hits[1]).toMatchObject({
        kind: 'article',
        title: 'Lune & Terre',
        from: 'Wiki',
        snippet: 'La Lune…',
      });
      expect(await search.remoteHits('%%%')).toEqual([]);
    } finally {
      await hang.close();
      await junk.close();
      await box.cleanup();
    }
  });
});
