import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KiwixSupervisor, savoirsProxyRoutes } from '../../src/server/savoirs/index.js';
import { freePort, until } from '../helpers/wait.js';
import { useFrenchZim } from './zim-fixture.js';

describe('the box’s kiwix-serve (real kiwix-serve, real ZIM)', () => {
  const fixture = useFrenchZim('lanterne-kiwix-');

  it('serves the ZIM on loopback, restarts after a crash, and stops when no ZIM is left', async () => {
    const port = await freePort();
    const sup = new KiwixSupervisor({
      port,
      workDir: path.join(fixture.dir(), 'kiwix'),
      backoffMs: 200,
    });
    try {
      expect(sup.state().kind).toBe('empty');
      await sup.setZims([fixture.zim()]);
      const article = async (): Promise<string | undefined> => {
        const res = await fetch(`${sup.baseUrl()}/savoirs/mini-encyclo/Lune.html`);
        return res.ok ? await res.text() : undefined;
      };
      expect(await until(article)).toContain('unique satellite naturel');
      const state = sup.state();
      expect(state.kind).toBe('running');
      const pid = state.kind === 'running' ? state.pid : 0;

      process.kill(pid, 'SIGKILL');
      await until(async () => (sup.state().kind === 'down' ? true : undefined));
      const down = sup.state();
      expect(down.kind === 'down' && down.message).toMatch(/redémarre tout seul/);
      expect(await until(article)).toContain('unique satellite naturel');
      const again = sup.state();
      expect(again.kind === 'running' && again.pid).not.toBe(pid);

      await sup.setZims([]);
      expect(sup.state().kind).toBe('empty');
      await expect(fetch(`${sup.baseUrl()}/`)).rejects.toThrow();
    } finally {
      await sup.stop();
    }
  }, 120_000);

  it('passes articles, Range, ETag and suggestions through /savoirs, and says when it is down', async () => {
    const sup = new KiwixSupervisor({
      port: await freePort(),
      workDir: path.join(fixture.dir(), 'proxy'),
      backoffMs: 200,
    });
    const app = savoirsProxyRoutes(sup);
    try {
      await sup.setZims([fixture.zim()]);
      const page = await until(async () => {
        const res = await app.request('/savoirs/mini-encyclo/Soleil.html');
        return res.status === 200 ? res : undefined;
      });
      expect(await page.text()).toContain('étoile du Système solaire');
      expect(page.headers.get('access-control-allow-origin')).toBeNull();
      const etag = page.headers.get('etag');
      expect(etag).toBeTruthy();

      const again = await app.request('/savoirs/mini-encyclo/Soleil.html', {
        headers: { 'if-none-match': etag ?? '' },
      });
      expect(again.status).toBe(304);

      const part = await app.request('/savoirs/mini-encyclo/Soleil.html', {
        headers: { range: 'bytes=0-14' },
      });
      expect(part.status).toBe(206);
      expect(part.headers.get('content-range')).toMatch(/^bytes 0-14\//);
      expect(await part.text()).toBe('<!doctype html>');

      const home = await app.request('/savoirs/mini-encyclo/');
      expect(home.status).toBe(302);
      expect(home.headers.get('location')).toBe('/savoirs/mini-encyclo/index.html');

      const suggest = await app.request('/savoirs/suggest?content=mini-encyclo&term=Lo');
      const entries = (await suggest.json()) as { value: string; path?: string }[];
      expect(entries.some((e) => e.value === 'Loire' && e.path === 'Loire.html')).toBe(true);

      const state = sup.state();
      await sup.stop();
      expect(state.kind).toBe('running');
      const down = await app.request('/savoirs/mini-encyclo/Soleil.html');
      expect(down.status).toBe(503);
      expect(await down.text()).toMatch(/momentanément indisponibles/);
    } finally {
      await sup.stop();
    }
  }, 120_000);

  it('says in plain French when kiwix-serve is missing', async () => {
    const sup = new KiwixSupervisor({
      port: await freePort(),
      workDir: path.join(fixture.dir(), 'absent'),
      kiwixManage: path.join(fixture.dir(), 'pas-de-kiwix-manage'),
    });
    await sup.setZims([fixture.zim()]);
    const state = sup.state();
    expect(state.kind).toBe('absent');
    expect(state.kind === 'absent' && state.message).toMatch(/kiwix-serve manque/);
    await sup.stop();
  });
});
