import { describe, expect, it } from 'vitest';
import { coverUrl, fileUrl, parseFileUrl, workUrl } from './urls.js';

const ODD_IDS = ['a', '0', 'a.b-c_d', 'x'.repeat(160), 'l-ete..2', 'été #2 ?', '100%', 'a/b'];
const ODD_NAMES = ['plain.txt', "l'été à la plage #2 ?.mp3", '100%.txt', 'a/b.txt', 'dos\\x.pdf'];

describe('file URLs: built and parsed in one place', () => {
  it('round-trips every id and position, whatever the file name', () => {
    for (const workId of ODD_IDS) {
      for (const name of ODD_NAMES) {
        for (const use of ['files', 'media'] as const) {
          const url = fileUrl(use, workId, { position: 7, name });
          expect(url.split('/')).toHaveLength(5);
          expect(parseFileUrl(url), url).toEqual({ use, workId, position: '7' });
          expect(parseFileUrl(`${url}?v=1`), url).toEqual({ use, workId, position: '7' });
        }
      }
      expect(parseFileUrl(coverUrl(workId))).toEqual({ use: 'covers', workId });
      expect(decodeURIComponent(workUrl(workId).slice('/works/'.length))).toBe(workId);
    }
  });

  it('a URL without a name still names the file; anything else is not a file URL', () => {
    expect(parseFileUrl('/files/conte/0')).toEqual({
      use: 'files',
      workId: 'conte',
      position: '0',
    });
    for (const url of [
      '/',
      '/files',
      '/files/',
      '/files/conte',
      '/files/conte/0/a/b',
      '/covers/conte/x',
      '/covers/',
      '/static/app.css',
      '/files/%E0%A4%A/0/x',
    ])
      expect(parseFileUrl(url), url).toBeNull();
  });
});
