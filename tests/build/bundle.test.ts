import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CONTENT = path.join(ROOT, 'content');
const manifest = JSON.parse(readFileSync(path.join(CONTENT, 'lanterne-pack.json'), 'utf8')) as {
  items: Array<{ id: string; files: Array<{ sha256: string }> }>;
  notices: Array<{ id: string }>;
};

/**
 * `npm start` runs the esbuild bundle (dist/server), not the sources the other tests
 * import: files it reads at run time (migrations, admin and notice CSS, the kiosk build,
 * the demo pack) must still be found from there, and the pack tool must still run.
 */
describe('the built server (npm run build:server, then node dist/server/main.js)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lanterne-bundle-'));
  let child: ChildProcess;
  let base = '';
  let output = '';

  beforeAll(async () => {
    await run('npm', ['run', 'build:server'], { cwd: ROOT });
    child = spawn(process.execPath, ['dist/server/main.js'], {
      cwd: ROOT,
      env: {
        ...process.env,
        LANTERNE_DATA_DIR: path.join(dir, 'data'),
        LANTERNE_CONTENT_DIR: CONTENT,
        LANTERNE_MEDIA_DIR: path.join(dir, 'media'),
        LANTERNE_PORT: '0',
        LANTERNE_HOST: '127.0.0.1',
      },
    });
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    const deadline = Date.now() + 30_000;
    while (!/écoute sur http:\/\/127\.0\.0\.1:(\d+)/.test(output)) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(output);
      await new Promise((done) => setTimeout(done, 50));
    }
    base = `http://127.0.0.1:${/écoute sur http:\/\/127\.0\.0\.1:(\d+)/.exec(output)?.[1] ?? ''}`;
    // The demo pack is imported in the background, through the normal pack pipeline.
    const work = `lanterne-demo.${manifest.items[0]?.id ?? ''}`;
    while ((await fetch(`${base}/works/${work}`)).status !== 200) {
      if (Date.now() > deadline) throw new Error(output);
      await new Promise((done) => setTimeout(done, 100));
    }
  }, 90_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('migrates the database, serves the portal and the demo pack’s files', async () => {
    expect(output).toMatch(/schéma v\d+/);
    expect((await fetch(`${base}/`)).status).toBe(200);
    const item = manifest.items[1];
    const file = await fetch(`${base}/files/lanterne-demo.${item?.id}/0`);
    expect(file.status).toBe(200);
    const bytes = Buffer.from(await file.arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(item?.files[0]?.sha256);
  });

  it('finds the assets it reads from the sources and the kiosk build', async () => {
    for (const url of ['/admin/static/admin.css', '/notice-assets/notices.css', '/kiosk/']) {
      const res = await fetch(`${base}${url}`);
      expect(res.status, url).toBe(200);
      expect((await res.text()).length, url).toBeGreaterThan(100);
    }
    const notice = manifest.notices[0]?.id ?? '';
    expect((await fetch(`${base}/notices/${notice}`)).status).toBe(200);
  });

  it('runs the pack tool from dist/, as an installed box does', async () => {
    const { stdout } = await run(
      process.execPath,
      ['dist/server/packs/cli.js', 'verify', CONTENT],
      {
        cwd: ROOT,
      },
    );
    expect(stdout).toMatch(/lanterne-demo/);
  });

  it('stops cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
