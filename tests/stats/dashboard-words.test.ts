import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestBox, type TestBox } from '../helpers/box.js';
import { request, setUpAdmin } from '../admin/http.js';

let box: TestBox;
let base: string;
const now = new Date(Date.UTC(2026, 10, 20, 14, 30));

beforeEach(async () => {
  box = makeTestBox({}, { now: () => now });
  base = (await box.listen()).url;
});
afterEach(() => box.cleanup());

describe('the statistics page speaks to an animateur', () => {
  it('titles the period in words, offers period buttons, draws the feedback faces', async () => {
    const client = { ip: '10.0.0.9', userAgent: 'Test' };
    box.ctx.events.emit({ type: 'notice', noticeId: 'envoyer-un-mail', action: 'open', client });
    box.ctx.events.emit({ type: 'notice-feedback', noticeId: 'envoyer-un-mail', face: 'yes' });
    box.ctx.events.emit({ type: 'notice-feedback', noticeId: 'envoyer-un-mail', face: 'no' });
    const { cookie } = await setUpAdmin(box, base);
    const page = await request(`${base}/admin/stats`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('Du 1 au 30 novembre 2026');
    expect(page.body).not.toMatch(/Du 2026-\d\d-\d\d/);
    expect(page.body).toContain('visites (une personne comptée une fois par jour)');
    expect(page.body).not.toContain('visiteurs uniques');
    // Period buttons and the folded date choice, not three fields and a menu.
    expect(page.body).toMatch(
      /<a class="button" href="[^"]*period=month[^"]*" aria-current="true">Ce mois-ci<\/a>/,
    );
    expect(page.body).toContain('<summary>Choisir des dates</summary>');
    expect(page.body).not.toContain('<select name="period"');
    // Faces are drawn in SVG: no emoji (Debian and the Pi have no emoji font).
    expect(page.body).not.toMatch(/\p{Extended_Pictographic}/u);
    expect(page.body).toMatch(/<svg class="face"[^>]*>.*?<\/svg> 1 oui/);
    expect(page.body).toMatch(/<svg class="face"[^>]*>.*?<\/svg> 1 non/);
  });

  it('says so in French when the chosen dates are not dates', async () => {
    const { cookie } = await setUpAdmin(box, base);
    const page = await request(`${base}/admin/stats?period=custom&from=2026-13-45&to=hier`, {
      headers: { cookie },
    });
    expect(page.status).toBe(400);
    expect(page.body).toContain('Ces dates ne conviennent pas');
    expect(page.body).toContain('Du 1 au 30 novembre 2026');
  });
});
