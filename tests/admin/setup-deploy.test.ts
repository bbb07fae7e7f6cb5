import { mkdirSync, mkdtempSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasCommand, run } from '../deploy/tools.js';

const DEPLOY = path.resolve(import.meta.dirname, '../../deploy');
const temp = mkdtempSync(path.join(tmpdir(), 'lanterne-setup-deploy-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('deploy: where the set-up code can be read without a terminal', () => {
  it('mounts every stick read-write only while the box waits for its password', () => {
    const codeFile = path.join(temp, 'setup-code.txt');
    const config = path.join(temp, 'lanterne-usb');
    writeFileSync(config, `SETUP_CODE_FILE=${codeFile}\n`);
    const plan = () =>
      run('bash', [path.join(DEPLOY, 'usb/usb-mount.sh'), 'plan', 'sda1', 'vfat', 'MA CLE'], {
        LANTERNE_USB_CONFIG: config,
      }).stdout.trim();
    expect(plan()).toMatch(/^\/media\/MA_CLE ro,nosuid,nodev,noexec,/);
    writeFileSync(codeFile, 'ABCD-EFGH-2345\n');
    expect(plan()).toMatch(/^\/media\/MA_CLE rw,nosuid,nodev,noexec,/);
    rmSync(codeFile);
    expect(plan()).toMatch(/^\/media\/MA_CLE ro,/);
  });

  it.runIf(hasCommand('tar'))(
    'links the console message file into /etc/issue.d, and uninstall takes the link away',
    () => {
      const root = path.join(temp, 'root');
      const src = path.join(temp, 'rel', 'lanterne-9.9.9');
      mkdirSync(path.join(src, 'dist/server'), { recursive: true });
      writeFileSync(path.join(src, 'dist/server/main.js'), '// built server\n');
      const release = path.join(temp, 'release.tar.gz');
      expect(run('tar', ['-C', path.dirname(src), '-czf', release, 'lanterne-9.9.9']).status).toBe(
        0,
      );
      const env = { LANTERNE_DESTDIR: root };
      const installed = run(
        'bash',
        [path.join(DEPLOY, 'install.sh'), '--no-system', '--release', release],
        env,
      );
      expect(installed.status, installed.stderr).toBe(0);
      const link = path.join(root, 'etc/issue.d/lanterne-setup-code.issue');
      expect(readlinkSync(link)).toBe('/var/lib/lanterne/setup-code.issue');
      const removed = run('bash', [path.join(DEPLOY, 'uninstall.sh'), '--no-system'], env);
      expect(removed.status, removed.stderr).toBe(0);
      expect(() => readlinkSync(link)).toThrow();
    },
    120_000,
  );
});
