import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SetupCodeOutlets } from '../../src/server/admin/setup/outlets.js';
import type { Logger } from '../../src/server/log.js';
import { makeTestBox, type TestBox } from '../helpers/box.js';
import { PASSWORD } from './http.js';

let box: TestBox;
let outlets: SetupCodeOutlets;
afterEach(async () => {
  outlets?.stop();
  await box?.cleanup();
});

function start(): { warnings: string[] } {
  box = makeTestBox();
  const warnings: string[] = [];
  const log: Logger = { debug() {}, info() {}, error() {}, warn: (m) => void warnings.push(m) };
  // A long poll: the test calls tick() itself.
  outlets = new SetupCodeOutlets({ ...box.ctx, log }, 3_600_000);
  return { warnings };
}

const stick = (name: string) => {
  const dir = path.join(box.ctx.config.mediaDir, name);
  mkdirSync(dir, { recursive: true });
  // A stick holds something (an empty folder under /media is not a stick: sticks/list.ts).
  writeFileSync(path.join(dir, 'photo.jpg'), 'x');
  return dir;
};

describe('where the set-up code is written', () => {
  it('shows a code made before the start on the console too (no event is missed)', async () => {
    start();
    box.ctx.admin.ensureSetupCode();
    const code = box.ctx.admin.pendingSetupCode() ?? '';
    await outlets.start();
    expect(readFileSync(outlets.consoleFile, 'utf8')).toContain(code);
  });

  it('writes each stick once, never through a link, and takes back only its own file', async () => {
    start();
    const a = stick('CLE_A');
    await outlets.start();
    const code = box.ctx.admin.pendingSetupCode() ?? '';
    expect(readFileSync(path.join(a, 'LANTERNE-CODE.txt'), 'utf8')).toContain(code);
    // A link planted at the name on a new stick is replaced, its target left alone.
    const b = stick('CLE_B');
    const target = path.join(box.dir, 'dehors.txt');
    writeFileSync(target, 'à ne pas toucher');
    symlinkSync(target, path.join(b, 'LANTERNE-CODE.txt'));
    await outlets.tick();
    expect(readFileSync(target, 'utf8')).toBe('à ne pas toucher');
    expect(readFileSync(path.join(b, 'LANTERNE-CODE.txt'), 'utf8')).toContain(code);
    // Someone replaced the file on stick A with their own: it stays after the set-up.
    writeFileSync(path.join(a, 'LANTERNE-CODE.txt'), 'mes notes');
    expect(await box.ctx.admin.setUp(code, PASSWORD)).toBe(true);
    expect(readFileSync(path.join(a, 'LANTERNE-CODE.txt'), 'utf8')).toBe('mes notes');
    expect(existsSync(path.join(b, 'LANTERNE-CODE.txt'))).toBe(false);
    expect(existsSync(outlets.consoleFile)).toBe(false);
    // A stick plugged in once the password exists gets nothing at the next look.
    const c = stick('AUTRE_CLE');
    await outlets.tick();
    expect(existsSync(path.join(c, 'LANTERNE-CODE.txt'))).toBe(false);
  });

  it('says once, in French, when a stick cannot be written, and carries on', async () => {
    const { warnings } = start();
    const ro = stick('CLE_RO');
    // A folder standing at the file's name makes every write fail, as a read-only mount
    // does (root ignores permission bits, so chmod would prove nothing here).
    mkdirSync(path.join(ro, 'LANTERNE-CODE.txt'));
    await outlets.start();
    await outlets.tick();
    await outlets.tick();
    expect(warnings.filter((w) => w.includes('CLE_RO'))).toEqual([
      "Impossible d'écrire le code de mise en service sur la clé « CLE_RO ».",
    ]);
    // No half-written file is left on the stick.
    expect(readdirSync(ro).sort()).toEqual(['LANTERNE-CODE.txt', 'photo.jpg']);
  });
});
