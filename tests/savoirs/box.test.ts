import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KIWIX, startSavoirs } from '../../src/server/savoirs/index.js';
import { request, setUpAdmin } from '../admin/http.js';
import { makeTestBox } from '../helpers/box.js';
import { buildFrenchZim, freePort } from './zim-fixture.js';

describe('/savoirs through the whole box (real kiwix-serve)', () => {
  let dir: string;
  let zim: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'lanterne-kiwix-box-'));
    zim = await buildFrenchZim(dir);
  }, 120_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('serves an installed pack’s ZIM with the box’s security headers, and the rest when it is down', async () => {
    const box = makeTestBox({ kiwixPort: await freePort() });
    const packDir = path.join(box.ctx.paths.packsDir, 'encyclo-test');
    await mkdir(packDir, { recursive: true });
    await copyFile(zim, path.join(packDir, 'mini-encyclo.zim'));
    const stop = await startSavoirs(box.ctx);
    try {
      let res = await box.app.request('/savoirs/mini-encyclo/Lune.html');
      for (let i = 0; i < 300 && res.status !== 200; i++) {
        await new Promise((r) => setTimeout(r, 100));
        res = await box.app.request('/savoirs/mini-encyclo/Lune.html');
      }
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('unique satellite naturel');
      const base = (await box.listen()).url;
      const { cookie } = await setUpAdmin(box, base);
      const health = await request(`${base}/admin/health`, { headers: { cookie } });
      expect(health.body).toContain('Encyclopédies (kiwix-serve)');
      expect(health.body).toContain('en service');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toBeTruthy();
      expect(box.ctx.services.get(KIWIX).state().kind).toBe('running');

      await stop();
      const down = await box.app.request('/savoirs/mini-encyclo/Lune.html');
      expect(down.status).toBe(503);
      expect(await down.text()).toMatch(/Le reste de la bibliothèque fonctionne/);
      const opds = await box.app.request('/opds');
      expect(opds.status).toBeLessThan(400);
      const after = await request(`${base}/admin/health`, { headers: { cookie } });
      expect(after.body).toContain('Le service des encyclopédies est arrêté.');
      expect(after.body).not.toContain('Tout va bien.');
    } finally {
      await stop();
      await box.cleanup();
    }
  }, 120_000);
});
