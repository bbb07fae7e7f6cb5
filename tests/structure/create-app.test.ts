import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { makeConfig } from '../../src/server/config.js';
import { openBox } from '../../src/server/core/open-box.js';
import { FEATURES } from '../../src/server/features.js';
import { silentLogger } from '../../src/server/log.js';

// createApp builds routers only: with an install folder that holds nothing (no assets,
// no notice CSS, no package.json, no kiosk build), it still builds, and nothing is read
// until a request asks for it. (It used to read the notice CSS and the admin CSS/JS.)
it('createApp reads no files when called', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lanterne-noio-'));
  const box = openBox({
    config: makeConfig({ dataDir: path.join(dir, 'data'), mediaDir: path.join(dir, 'media') }),
    log: silentLogger,
    appRoot: path.join(dir, 'nowhere'),
  });
  try {
    const app = createApp(box.ctx);
    expect(app.routes.length).toBeGreaterThan(20);
    // The first request that needs an asset is where reading happens (and fails here).
    expect((await app.request('/static/portal.css')).status).toBe(500);
  } finally {
    box.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

it('the pack hooks are the ones the features declare, in list order', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lanterne-hooks-'));
  const box = openBox({ config: makeConfig({ dataDir: dir }), log: silentLogger });
  try {
    const declared = FEATURES.filter((f) => f.packHook).map((f) => f.name);
    expect(declared).toContain('notices');
    expect(box.ctx.packHooks.map((h) => h.name)).toEqual(declared);
  } finally {
    box.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
