import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { apiKey, patchConfigXml, prepareHome, reseauPaths } from '../../src/server/reseau/home.js';
import { requireTool } from '../deploy/tools.js';

const dir = mkdtempSync(path.join(tmpdir(), 'lanterne-home-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const settings = { apiPort: 18093, syncPort: 22123, listenHost: '', localDiscovery: true };

describe('Syncthing home', () => {
  it('keeps one API key, made once, readable by the box alone', async () => {
    const paths = reseauPaths(path.join(dir, 'cle'));
    const key = await apiKey(paths);
    expect(key).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(await apiKey(paths)).toBe(key);
    expect(statSync(paths.apiKeyFile).mode & 0o777).toBe(0o600);
  });

  it('writes the box’s settings into the config.xml Syncthing generates, and changes nothing the second time', async (t) => {
    if (!requireTool('syncthing')) return t.skip();
    const paths = reseauPaths(path.join(dir, 'data'));
    await prepareHome(paths, settings);
    const file = path.join(paths.home, 'config.xml');
    const xml = readFileSync(file, 'utf8');
    const key = await apiKey(paths);
    expect(xml).toMatch(
      /<gui enabled="true" tls="false"[^>]*>\s*<address>127\.0\.0\.1:18093<\/address>/,
    );
    expect(xml).toContain(`<apikey>${key}</apikey>`);
    for (const off of [
      'globalAnnounceEnabled',
      'relaysEnabled',
      'natEnabled',
      'crashReportingEnabled',
      'startBrowser',
    ])
      expect(xml).toContain(`<${off}>false</${off}>`);
    expect(xml).toContain('<localAnnounceEnabled>true</localAnnounceEnabled>');
    expect(xml).toContain('<urAccepted>-1</urAccepted>');
    expect(xml).toContain('<autoUpgradeIntervalH>0</autoUpgradeIntervalH>');
    expect(xml).toContain('<stunKeepaliveStartS>0</stunKeepaliveStartS>');
    expect(xml.match(/<listenAddress>[^<]*<\/listenAddress>/g)).toEqual([
      '<listenAddress>tcp://:22123</listenAddress>',
      '<listenAddress>quic://:22123</listenAddress>',
    ]);
    // Syncthing still reads it (its own parser, not ours).
    const id = execFileSync('syncthing', ['--device-id', `--home=${paths.home}`], {
      encoding: 'utf8',
    });
    expect(id.trim()).toMatch(/^[A-Z2-7]{7}(-[A-Z2-7]{7}){7}$/);
    const mtime = statSync(file).mtimeMs;
    await prepareHome(paths, settings);
    expect(statSync(file).mtimeMs).toBe(mtime);
    expect(patchConfigXml(xml, { ...settings, localDiscovery: false }, key)).toContain(
      '<localAnnounceEnabled>false</localAnnounceEnabled>',
    );
  });
});
