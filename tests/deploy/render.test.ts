import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.js';
import { kiwixServeArgs } from '../../src/server/savoirs/index.js';
import { hasCommand, requireTool, run } from './tools.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DEPLOY = path.join(ROOT, 'deploy');
const RENDER = path.join(DEPLOY, 'render.mjs');
const EXAMPLE = path.join(DEPLOY, 'lanterne.conf.example');
const temp = mkdtempSync(path.join(tmpdir(), 'lanterne-deploy-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Renders the example config with overrides into a fresh folder; paths point at real files. */
function render(sets: Record<string, string> = {}): string {
  const out = mkdtempSync(path.join(temp, 'out-'));
  const app = path.join(temp, 'app');
  mkdirSync(path.join(app, 'dist/server'), { recursive: true });
  writeFileSync(path.join(app, 'dist/server/main.js'), '');
  const all = {
    APP_DIR: app,
    DATA_DIR: path.join(temp, 'data'),
    CONF_DIR: path.join(temp, 'etc'),
    NODE_BIN: process.execPath,
    ...sets,
  };
  const args = [
    RENDER,
    '--conf',
    EXAMPLE,
    '--out',
    out,
    ...Object.entries(all).flatMap(([k, v]) => ['--set', `${k}=${v}`]),
  ];
  const r = run(process.execPath, args);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return out;
}

function shellScripts(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.sh'))
    .map((e) => path.join(e.parentPath, e.name));
}

describe('deploy scripts', () => {
  it('pass shellcheck, every one of them', (t) => {
    if (!requireTool('shellcheck')) return t.skip();
    const scripts = shellScripts(DEPLOY);
    expect(scripts).toContain(path.join(DEPLOY, 'install.sh'));
    const r = run('shellcheck', ['-x', '-S', 'style', ...scripts]);
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

describe('rendered configuration', () => {
  it('gives systemd units that systemd-analyze verify accepts', (t) => {
    if (!requireTool('systemd-analyze')) return t.skip();
    const out = render();
    const units = readdirSync(out).filter(
      (f) => (f.endsWith('.service') || f.endsWith('.path')) && !f.startsWith('avahi'),
    );
    expect(units.sort()).toEqual([
      'lanterne-ap-address.service',
      'lanterne-kiwix.service',
      'lanterne-syncthing.path',
      'lanterne-syncthing.service',
      'lanterne.service',
    ]);
    const r = run('systemd-analyze', ['verify', ...units.map((u) => path.join(out, u))]);
    // Only complaints about our own units count; the host's other units are not ours to judge.
    const ours = (r.stdout + r.stderr).split('\n').filter((l) => l.includes('lanterne'));
    expect(ours).toEqual([]);
    expect(r.status).toBe(0);
    const unit = readFileSync(path.join(out, 'lanterne.service'), 'utf8');
    for (const line of [
      'User=lanterne',
      'ProtectSystem=strict',
      `ReadWritePaths=${path.join(temp, 'data')}`,
      'ProtectHome=yes',
      'PrivateTmp=yes',
      'NoNewPrivileges=yes',
      'CapabilityBoundingSet=CAP_NET_BIND_SERVICE',
      'AmbientCapabilities=CAP_NET_BIND_SERVICE',
      'Restart=on-failure',
      'KillSignal=SIGTERM',
    ]) {
      expect(unit).toContain(`\n${line}\n`);
    }
    expect(unit).toContain('\nWants=lanterne-kiwix.service\n');
    // kiwix-serve: loopback only, twice over, with the very arguments the box's child uses.
    const kiwix = readFileSync(path.join(out, 'lanterne-kiwix.service'), 'utf8');
    const library = path.join(temp, 'data', 'kiwix', 'library.xml');
    expect(kiwix).toContain(
      `\nExecStart=/usr/bin/kiwix-serve ${kiwixServeArgs(8091, library).join(' ')}\n`,
    );
    for (const line of [
      'User=lanterne',
      'IPAddressDeny=any',
      'IPAddressAllow=localhost',
      'ProtectSystem=strict',
      `ReadOnlyPaths=${path.join(temp, 'data')}`,
      'NoNewPrivileges=yes',
      'Restart=always',
    ])
      expect(kiwix).toContain(`\n${line}\n`);
    // The network of boxes: the box's settings written in before Syncthing starts; its
    // home in the data folder; no capability at all; started once its home exists.
    const syncthing = readFileSync(path.join(out, 'lanterne-syncthing.service'), 'utf8');
    for (const line of [
      'User=lanterne',
      `ExecStartPre=${process.execPath} ${path.join(temp, 'app')}/dist/server/reseau/prepare.js`,
      `Environment=LANTERNE_CONFIG=${path.join(temp, 'etc')}/server.json`,
      'CapabilityBoundingSet=',
      'ProtectSystem=strict',
      `ReadWritePaths=${path.join(temp, 'data')}`,
      'Restart=on-failure',
    ])
      expect(syncthing).toContain(`\n${line}\n`);
    expect(syncthing).toContain(`--home=${path.join(temp, 'data')}/syncthing/home `);
    expect(readFileSync(path.join(out, 'lanterne-syncthing.path'), 'utf8')).toContain(
      `\nPathExists=${path.join(temp, 'data')}/syncthing/home/config.xml\n`,
    );
  });

  it('gives dnsmasq configurations that dnsmasq --test accepts', (t) => {
    if (!requireTool('dnsmasq')) return t.skip();
    const out = render();
    for (const name of ['dnsmasq-standalone.conf', 'dnsmasq-shared.conf']) {
      const r = run('dnsmasq', ['--test', `--conf-file=${path.join(out, name)}`]);
      expect(r.stderr, name).toContain('syntax check OK');
      expect(r.status).toBe(0);
      const text = readFileSync(path.join(out, name), 'utf8');
      expect(text).toContain('address=/#/10.3.141.1');
      expect(text).toContain('dhcp-option=114,"http://10.3.141.1/captive-portal/api"');
    }
  });

  it('puts SSID, channel, country and password into hostapd and NetworkManager', () => {
    const open = render({ SSID: 'Médiathèque', WIFI_CHANNEL: '11', WIFI_COUNTRY: 'BE' });
    const hostapd = readFileSync(path.join(open, 'hostapd.conf'), 'utf8');
    expect(hostapd).toContain('ssid=Médiathèque\n');
    expect(hostapd).toContain('country_code=BE\n');
    expect(hostapd).toContain('channel=11\n');
    expect(hostapd).not.toContain('wpa_passphrase');
    expect(readFileSync(path.join(open, 'lanterne-hotspot.nmconnection'), 'utf8')).not.toContain(
      '[wifi-security]',
    );
    const closed = render({ WIFI_PASSWORD: 'bibliotheque2026', WIFI_CHANNEL: '36' });
    expect(readFileSync(path.join(closed, 'hostapd.conf'), 'utf8')).toMatch(
      /wpa=2\n[\s\S]*wpa_passphrase=bibliotheque2026\n/,
    );
    expect(readFileSync(path.join(closed, 'hostapd.conf'), 'utf8')).toContain('hw_mode=a\n');
    const nm = readFileSync(path.join(closed, 'lanterne-hotspot.nmconnection'), 'utf8');
    expect(nm).toContain('psk=bibliotheque2026\n');
    expect(nm).toContain('band=a\n');
    expect(nm).toContain('method=shared\naddress1=10.3.141.1/24\n');
    const server = JSON.parse(readFileSync(path.join(closed, 'server.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(server).toMatchObject({
      port: 80,
      publicUrl: 'http://lanterne.lan',
      hostnames: ['lanterne.lan', 'lanterne.local', 'lanterne', 'localhost'],
    });
  });

  it('gives a server.json the server itself accepts, and a well-formed avahi service', () => {
    const out = render({
      BOX_NAME: 'Médiathèque <Les Arts> & Co',
      HOSTNAMES: 'biblio.lan lanterne.lan',
      HTTP_PORT: '8081',
    });
    const config = loadConfig({ LANTERNE_CONFIG: path.join(out, 'server.json') }, temp);
    expect(config.port).toBe(8081);
    expect(config.syncthingMode).toBe('service');
    expect(config.publicUrl).toBe('http://biblio.lan:8081');
    expect(config.hostnames).toEqual([
      'biblio.lan',
      'lanterne.lan',
      'lanterne.local',
      'lanterne',
      'localhost',
    ]);
    expect(config.library.name).toBe('Médiathèque <Les Arts> & Co');
    expect(config.dataDir).toBe(path.join(temp, 'data'));
    expect(config.kiwixMode).toBe('service');
    expect(config.kiwixPort).toBe(8091);
    const avahi = readFileSync(path.join(out, 'avahi-lanterne.service'), 'utf8');
    expect(XMLValidator.validate(avahi)).toBe(true);
    expect(avahi).toContain('<name>Médiathèque &lt;Les Arts&gt; &amp; Co</name>');
    expect(avahi).toContain('<port>8081</port>');
  });

  it('refuses a config file with mistakes, saying which', () => {
    const bad = path.join(temp, 'bad.conf');
    writeFileSync(
      bad,
      'SSID="x"\nWIFI_COUNTRY="fr"\nWIFI_PASSWORD="court"\nBOX_IP="10.3.141.300"\n',
    );
    const r = run(process.execPath, [RENDER, '--conf', bad, '--out', path.join(temp, 'never')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('WIFI_COUNTRY');
    expect(r.stderr).toContain('WIFI_PASSWORD');
    expect(r.stderr).toContain('BOX_IP');
  });
});

describe.runIf(hasCommand('tar'))('install, update and uninstall into a temporary root', () => {
  const root = path.join(temp, 'root');
  const env = { LANTERNE_DESTDIR: root };
  const release = path.join(temp, 'release.tar.gz');

  it('installs, then changes nothing when run again, and switches hotspot mode cleanly', () => {
    const src = path.join(temp, 'rel', 'lanterne-9.9.9');
    mkdirSync(path.join(src, 'dist/server'), { recursive: true });
    writeFileSync(path.join(src, 'dist/server/main.js'), '// built server\n');
    expect(run('tar', ['-C', path.dirname(src), '-czf', release, 'lanterne-9.9.9']).status).toBe(0);

    const first = run(
      'bash',
      [path.join(DEPLOY, 'install.sh'), '--no-system', '--release', release],
      env,
    );
    expect(first.stderr.replace(/^Attention.*\n/gm, '')).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('écrit /etc/systemd/system/lanterne.service');
    expect(first.stdout).toContain('écrit /etc/systemd/system/lanterne-kiwix.service');
    expect(readFileSync(path.join(root, 'var/lib/lanterne/kiwix/library.xml'), 'utf8')).toContain(
      '<library',
    );
    expect(first.stdout).toContain('écrit /etc/systemd/system/lanterne-syncthing.service');
    expect(first.stdout).toContain('écrit /etc/systemd/system/lanterne-syncthing.path');
    expect(readFileSync(path.join(root, 'opt/lanterne/dist/server/main.js'), 'utf8')).toBe(
      '// built server\n',
    );
    expect(
      readFileSync(path.join(root, 'etc/NetworkManager/dnsmasq-shared.d/lanterne.conf'), 'utf8'),
    ).toContain('address=/#/');

    const again = run(
      'bash',
      [path.join(DEPLOY, 'install.sh'), '--no-system', '--release', release],
      env,
    );
    expect(again.status).toBe(0);
    expect(again.stdout).not.toContain('écrit ');

    const conf = path.join(root, 'etc/lanterne/lanterne.conf');
    writeFileSync(
      conf,
      readFileSync(conf, 'utf8').replace('HOTSPOT="networkmanager"', 'HOTSPOT="hostapd"'),
    );
    const hostapd = run(
      'bash',
      [path.join(DEPLOY, 'install.sh'), '--no-system', '--release', release],
      env,
    );
    expect(hostapd.status).toBe(0);
    expect(hostapd.stdout).toContain('écrit /etc/hostapd/hostapd.conf');
    expect(hostapd.stdout).toContain(
      'retiré /etc/NetworkManager/system-connections/lanterne-hotspot.nmconnection',
    );
  }, 90_000); // Runs install.sh, update.sh and uninstall.sh for real: about 20 s on a busy machine.

  it.runIf(existsSync(path.join(DEPLOY, 'usb/install.sh')))(
    'hands USB automount to deploy/usb/install.sh with the media folder of the config',
    () => {
      const r = run(
        'bash',
        [path.join(DEPLOY, 'install.sh'), '--no-system', '--release', release],
        env,
      );
      expect(r.status).toBe(0);
      expect(existsSync(path.join(root, 'etc/udev/rules.d/99-lanterne-usb.rules'))).toBe(true);
      expect(readFileSync(path.join(root, 'etc/default/lanterne-usb'), 'utf8')).toContain(
        '/media/lanterne',
      );
    },
  );

  it.runIf(existsSync(path.join(DEPLOY, 'kiosk/install.sh')))(
    'hands the kiosk part to deploy/kiosk/install.sh when asked',
    () => {
      const r = run(
        'bash',
        [path.join(DEPLOY, 'install.sh'), '--no-system', '--release', release, '--kiosk'],
        env,
      );
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('deploy/kiosk/install.sh');
      expect(existsSync(path.join(root, 'etc/systemd/system/lanterne-kiosk.service'))).toBe(true);
    },
  );

  it('updates with a database backup, and uninstalls keeping the data unless --purge', () => {
    const db = path.join(root, 'var/lib/lanterne/lanterne.db');
    writeFileSync(db, 'la base des statistiques');
    const update = run(
      'bash',
      [path.join(DEPLOY, 'update.sh'), '--no-system', '--release', release],
      env,
    );
    expect(update.status).toBe(0);
    const backups = readdirSync(path.join(root, 'var/lib/lanterne/backups'));
    expect(backups).toHaveLength(1);
    expect(
      readFileSync(
        path.join(root, 'var/lib/lanterne/backups', backups[0] ?? '', 'lanterne.db'),
        'utf8',
      ),
    ).toBe('la base des statistiques');
    expect(readFileSync(db, 'utf8')).toBe('la base des statistiques');

    // A failed new version: back to the previous one and to the saved database.
    writeFileSync(path.join(root, 'opt/lanterne/NOUVELLE'), '');
    writeFileSync(db, 'base abîmée par une migration');
    const rollback = run(
      'bash',
      [path.join(DEPLOY, 'update.sh'), '--no-system', '--rollback'],
      env,
    );
    expect(rollback.status).toBe(0);
    expect(readFileSync(db, 'utf8')).toBe('la base des statistiques');
    expect(readdirSync(path.join(root, 'opt/lanterne.failed'))).toContain('NOUVELLE');
    expect(readdirSync(path.join(root, 'opt/lanterne'))).not.toContain('NOUVELLE');

    const keep = run('bash', [path.join(DEPLOY, 'uninstall.sh'), '--no-system'], env);
    expect(keep.status).toBe(0);
    expect(readdirSync(path.join(root, 'opt'))).toEqual([]);
    expect(readFileSync(db, 'utf8')).toBe('la base des statistiques');
    expect(readdirSync(path.join(root, 'etc/lanterne'))).toEqual(['lanterne.conf']);

    const purge = run('bash', [path.join(DEPLOY, 'uninstall.sh'), '--no-system', '--purge'], env);
    expect(purge.status).toBe(0);
    expect(readdirSync(path.join(root, 'var/lib'))).toEqual([]);
  });
});
