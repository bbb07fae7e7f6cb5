import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTestBox } from '../helpers/box.js';

const DIR = path.resolve('deploy/kiosk');
const SCRIPTS = ['install.sh', 'session.sh', 'wait-for-box.sh'].map((f) => path.join(DIR, f));

describe('deploy/kiosk', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'kiosk-deploy-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const conf = path.join(root, 'lanterne.conf');
  const dest = path.join(root, 'dest');
  const run = () =>
    spawnSync('bash', [path.join(DIR, 'install.sh')], {
      encoding: 'utf8',
      env: {
        ...process.env,
        LANTERNE_CONF: conf,
        LANTERNE_DESTDIR: dest,
        LANTERNE_NO_SYSTEM: '1',
        LANTERNE_LOCAL_URL: 'http://localhost:80',
      },
    });

  it('is shellcheck-clean', () => {
    const out = spawnSync('shellcheck', ['-x', ...SCRIPTS], { encoding: 'utf8' });
    expect(out.stdout + out.stderr).toBe('');
    expect(out.status).toBe(0);
  });

  it('installs the unit, policy and session from lanterne.conf, and a second run changes nothing', () => {
    writeFileSync(
      conf,
      'HOSTNAMES="biblio.lan biblio.local"\nBOX_IP="10.3.141.1"\nHTTP_PORT="80"\nKIOSK_BLANK_SECONDS="900"\n',
    );
    const first = run();
    expect(first.status, first.stderr).toBe(0);
    const policyFile = path.join(dest, 'etc/chromium/policies/managed/lanterne-kiosk.json');
    const policy = JSON.parse(readFileSync(policyFile, 'utf8')) as {
      URLBlocklist: string[];
      URLAllowlist: string[];
      DownloadRestrictions: number;
    };
    expect(policy.URLBlocklist).toEqual(['*']);
    expect(policy.URLAllowlist).toEqual([
      'http://localhost:80',
      'http://127.0.0.1:80',
      'http://biblio.lan',
      'http://biblio.local',
      'http://10.3.141.1',
    ]);
    expect(policy.DownloadRestrictions).toBe(3);

    const unit = readFileSync(path.join(dest, 'etc/systemd/system/lanterne-kiosk.service'), 'utf8');
    for (const line of [
      'Restart=always',
      'User=lanterne-kiosk',
      'TTYPath=/dev/tty1',
      'PAMName=login',
      'Conflicts=getty@tty1.service',
    ]) {
      expect(unit).toContain(line);
    }
    expect(unit).toMatch(/^ExecStart=\/usr\/bin\/cage -d -- /m);
    expect(readFileSync(path.join(dest, 'etc/lanterne/kiosk.env'), 'utf8')).toContain(
      'BLANK_SECONDS=900',
    );

    const session = readFileSync(
      path.join(dest, 'usr/local/lib/lanterne-kiosk/session.sh'),
      'utf8',
    );
    for (const flag of [
      '--kiosk',
      '--touch-events=enabled',
      '--disable-pinch',
      '--noerrdialogs',
      '--disable-session-crashed-bubble',
      '--overscroll-history-navigation=0',
      '--kiosk-printing',
    ]) {
      expect(session).toContain(flag);
    }
    expect(session).toContain('swayidle');
    expect(
      statSync(path.join(dest, 'usr/local/lib/lanterne-kiosk/session.sh')).mode & 0o111,
    ).not.toBe(0);

    const before = statSync(policyFile).mtimeMs;
    const second = run();
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toContain('rien à changer');
    expect(statSync(policyFile).mtimeMs).toBe(before);
  });

  it('follows a change of lanterne.conf, and warns about a screen that blanks too soon', () => {
    writeFileSync(conf, 'HOSTNAMES="autre.lan"\nHTTP_PORT="8080"\nKIOSK_BLANK_SECONDS="60"\n');
    const out = run();
    expect(out.status, out.stderr).toBe(0);
    expect(out.stderr).toContain('KIOSK_BLANK_SECONDS=60');
    const policy = JSON.parse(
      readFileSync(path.join(dest, 'etc/chromium/policies/managed/lanterne-kiosk.json'), 'utf8'),
    ) as {
      URLAllowlist: string[];
    };
    expect(policy.URLAllowlist).toContain('http://autre.lan:8080');
    expect(policy.URLAllowlist).not.toContain('http://biblio.lan');
  });

  it('has a unit systemd can parse', () => {
    const check = spawnSync('systemd-analyze', ['--version'], { encoding: 'utf8' });
    if (check.status !== 0) return;
    // `verify` also wants the binaries (cage…), absent on a build machine: only look for
    // syntax errors in the unit itself.
    const out = spawnSync(
      'systemd-analyze',
      ['verify', path.join(dest, 'etc/systemd/system/lanterne-kiosk.service')],
      {
        encoding: 'utf8',
      },
    );
    const problems = (out.stderr ?? '')
      .split('\n')
      .filter((l) => /Unknown (key|section)|Invalid|Failed to parse|Missing '='/i.test(l));
    expect(problems).toEqual([]);
  });

  it('waits for the box before starting Chromium, and goes on as soon as it answers', async () => {
    const box = makeTestBox();
    try {
      const server = await box.listen();
      const res = await new Promise<number | null>((resolve) => {
        const child = spawn('bash', [path.join(DIR, 'wait-for-box.sh')], {
          env: { ...process.env, KIOSK_URL: `${server.url}/kiosk/` },
        });
        child.on('exit', resolve);
      });
      expect(res).toBe(0);
    } finally {
      await box.cleanup();
    }
  });

  it('session script runs chromium with the kiosk URL (dry run with stand-in commands)', () => {
    const bin = path.join(root, 'bin');
    execFileSync('mkdir', ['-p', bin]);
    writeFileSync(path.join(bin, 'chromium'), '#!/bin/sh\necho "$@" > "$OUT"\n', { mode: 0o755 });
    const out = path.join(root, 'chromium-args');
    const res = spawnSync('bash', [path.join(DIR, 'session.sh')], {
      encoding: 'utf8',
      env: {
        PATH: `${bin}:/usr/bin:/bin`,
        OUT: out,
        KIOSK_URL: 'http://localhost:80/kiosk/',
        BLANK_SECONDS: '0',
        XDG_RUNTIME_DIR: root,
      },
    });
    expect(res.status, res.stderr).toBe(0);
    const args = readFileSync(out, 'utf8');
    expect(args).toContain('--kiosk ');
    expect(args.trim().endsWith('http://localhost:80/kiosk/')).toBe(true);
    expect(args).toContain(`--user-data-dir=${path.join(root, 'lanterne-kiosk-profile')}`);
  });
});
