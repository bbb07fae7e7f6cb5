import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KioskWork } from '../../src/server/kiosk/types.js';
import { addWorks, makeTestBox, work, type TestBox } from '../helpers/box.js';

// The portal's work page, the kiosk and the /media route once had three rules; an AVIF
// picture was shown by the kiosk and served inline, but the portal offered no picture.
describe('an AVIF picture is shown everywhere or nowhere', () => {
  let box: TestBox;
  beforeAll(() => {
    box = makeTestBox();
    addWorks(box.ctx, 'images', [
      work('phare', 'Le phare', {
        type: 'image',
        files: [{ name: 'phare.avif', content: 'AVIF bytes', mime: 'image/avif' }],
      }),
    ]);
  });
  afterAll(() => box.cleanup());

  it('the portal, the kiosk and /media agree', async () => {
    const page = await (await box.app.request('/fr/works/phare')).text();
    const img = /<img class="artwork" src="([^"]+)"/.exec(page)?.[1];
    expect(img).toBe('/media/phare/0/phare.avif');

    const kiosk = (await (await box.app.request('/api/kiosk/works/phare')).json()) as KioskWork;
    expect(kiosk.views.map((v) => [v.kind, v.url])).toEqual([['image', img]]);

    const media = await box.app.request(img ?? '');
    expect(media.status).toBe(200);
    expect(media.headers.get('content-type')).toMatch(/^image\/avif/);
    expect(media.headers.get('content-disposition') ?? 'inline').toMatch(/^inline/);
  });
});
