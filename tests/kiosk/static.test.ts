import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KIOSK_JS_BUDGET_KB, measureBundle } from '../../scripts/bench/kiosk.js';
import { makeTestBox, type TestBox } from '../helpers/box.js';

describe('kiosk static serving', () => {
  let box: TestBox;
  beforeAll(() => {
    box = makeTestBox();
    if (!existsSync(path.join(box.ctx.paths.kioskDist, 'index.html'))) {
      throw new Error(
        'dist/kiosk is missing: run `npm run build:kiosk` (npm test does it in pretest)',
      );
    }
  });
  afterAll(() => box.cleanup());

  it('answers the app for /kiosk and its routes, never cached', async () => {
    for (const url of ['/kiosk', '/kiosk/', '/kiosk/search', '/kiosk/works/abc']) {
      const res = await box.app.request(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toContain('<div id="app">');
      // The kiosk runs only its own scripts and loads nothing from elsewhere.
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    }
  });

  it('serves hashed assets with a long cache, and nothing outside them', async () => {
    const js = readdirSync(path.join(box.ctx.paths.kioskDist, 'assets')).find((n) =>
      n.endsWith('.js'),
    );
    expect(js).toBeDefined();
    const res = await box.app.request(`/kiosk/assets/${js}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('immutable');
    expect(res.headers.get('content-type')).toContain('javascript');
    expect((await box.app.request('/kiosk/assets/..%2Findex.html')).status).toBe(404);
    expect((await box.app.request('/kiosk/assets/nope.js')).status).toBe(404);
  });

  it('keeps its JavaScript within 60 KB gzipped, lazy parts included, and loads nothing from elsewhere', async () => {
    const bundle = measureBundle(box.ctx.paths.kioskDist);
    expect(bundle.initialKb).toBeGreaterThan(1);
    expect(bundle.totalKb).toBeLessThanOrEqual(KIOSK_JS_BUDGET_KB);
    const dir = path.join(box.ctx.paths.kioskDist, 'assets');
    for (const name of readdirSync(dir)) {
      const text = readFileSync(path.join(dir, name), 'utf8');
      expect(text, name).not.toMatch(/(src|href)=["']?https?:\/\//);
      expect(text, name).not.toMatch(/url\(["']?https?:/);
    }
    const html = await (await box.app.request('/kiosk/')).text();
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('answers a calm French 503 when the kiosk was never built', async () => {
    const other = makeTestBox();
    try {
      other.ctx.paths.kioskDist = path.join(other.dir, 'no-kiosk');
      const { createApp } = await import('../../src/server/app.js');
      const res = await createApp(other.ctx).request('/kiosk');
      expect(res.status).toBe(503);
      expect(await res.text()).toContain('build:kiosk');
    } finally {
      await other.cleanup();
    }
  });
});
