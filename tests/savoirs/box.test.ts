import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KIWIX, startSavoirs } from '../../src/server/savoirs/index.js';
import { request, setUpAdmin } from '../admin/http.js';
import { makeTestBox } from '../helpers/box.js';
import { freePort, until } from '../helpers/wait.js';
import { useFrenchZim } from './zim-fixture.js';

describe('/savoirs through the whole box (real kiwix-serve)', () => {
  const fixture = useFrenchZim('lanterne-kiwix-box-');

  it('serves an installed pack’s ZIM with the box’s security headers, and the rest when it is down', async () => {
    const box = makeTestBox({ kiwixPort: await freePort() });
    const packDir = path.join(box.ctx.paths.packsDir, 'encyclo-test');
    await mkdir(packDir, { recursive: true });
    await copyFile(fixture.zim(), path.join(packDir, 'mini-encyclo.zim'));
    const stop = await startSavoirs(box.ctx);
    try {
      const res = await until(async () => {
        const r = await box.app.request('/savoirs/mini-encyclo/Lune.html');
        return r.status === 200 ? r : undefined;
      });
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
