import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeTestBox, type TestBox } from '../helpers/box.js';
import { request, setUpAdmin } from './http.js';

let box: TestBox;
let base: string;

beforeAll(async () => {
  box = makeTestBox();
  base = (await box.listen()).url;
});
afterAll(() => box.cleanup());

const cli = (...args: string[]) =>
  execFileSync(process.execPath, ['--import', 'tsx', 'src/server/admin/cli.ts', ...args], {
    env: { ...process.env, LANTERNE_DATA_DIR: box.ctx.paths.dataDir },
    encoding: 'utf8',
  });

it('resets the password from the shell; the running box then asks for a new set-up code', async () => {
  const { cookie } = await setUpAdmin(box, base);
  expect(cli('status')).toContain('Un mot de passe animateur est défini');
  expect(cli('reset-password')).toContain('Mot de passe animateur effacé');
  expect(cli('status')).toContain('Aucun mot de passe animateur');
  const after = await request(`${base}/admin`, { headers: { cookie } });
  expect(after.headers.location).toBe('/admin/setup');
  await setUpAdmin(box, base);
  // Three tsx start-ups and two scrypt hashes: slow on a busy 2-core machine.
}, 120_000);
