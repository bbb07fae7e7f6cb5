import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Config } from '../config.js';

const run = promisify(execFile);

/** The shared folders' Syncthing ids (the same on every box of a network). */
export const PACKS_FOLDER = 'lanterne-packs';

/** Where the box's Syncthing keeps things, all under the data folder. */
export interface ReseauPaths {
  /** Syncthing's home: config.xml, its keys (the device id) and its database. */
  home: string;
  /** The key the box and Syncthing share for the REST API (never leaves the box). */
  apiKeyFile: string;
  /** The "packs" folder: published (coordinator) or received (member). */
  packsDir: string;
  /** Where a file is assembled before one rename puts it in a shared folder. */
  publishStaging: string;
  /** Member: its own send-only statistics folder. */
  statsOutDir: string;
  /** Coordinator: one receive-only folder per member, under this one. */
  statsInRoot: string;
}

export function reseauPaths(dataDir: string): ReseauPaths {
  const base = path.join(dataDir, 'syncthing');
  return {
    home: path.join(base, 'home'),
    apiKeyFile: path.join(base, 'api-key'),
    packsDir: path.join(base, 'dossiers', 'packs'),
    publishStaging: path.join(base, 'dossiers', '.publication'),
    statsOutDir: path.join(base, 'dossiers', 'statistiques'),
    statsInRoot: path.join(base, 'dossiers', 'statistiques-recues'),
  };
}

/** What the box imposes on its Syncthing, whatever config.xml said before. */
export interface HomeSettings {
  apiPort: number;
  syncPort: number;
  /** '' = every interface. */
  listenHost: string;
  localDiscovery: boolean;
}

export function settingsOf(config: Config): HomeSettings {
  return {
    apiPort: config.syncthingApiPort,
    syncPort: config.syncthingSyncPort,
    listenHost: config.syncthingListenHost,
    localDiscovery: config.syncthingLocalDiscovery,
  };
}

/** The API key, made once (random, 0600) and kept in the data folder. */
export async function apiKey(paths: ReseauPaths): Promise<string> {
  try {
    const key = (await readFile(paths.apiKeyFile, 'utf8')).trim();
    if (key.length >= 24) return key;
  } catch {
    // First use: made below.
  }
  await mkdir(path.dirname(paths.apiKeyFile), { recursive: true, mode: 0o700 });
  const key = randomBytes(24).toString('base64url');
  const temp = `${paths.apiKeyFile}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temp, `${key}\n`, { mode: 0o600, flag: 'wx' });
  await rename(temp, paths.apiKeyFile);
  return key;
}

const xmlEscape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function setElement(block: string, name: string, value: string): string {
  const re = new RegExp(`<${name}>[^<]*</${name}>`);
  const element = `<${name}>${xmlEscape(value)}</${name}>`;
  if (re.test(block)) return block.replace(re, element);
  return block.replace(/\n(\s*)<\/(options|gui)>/, `\n$1    ${element}\n$1</$2>`);
}

/** The listen addresses: TCP and QUIC on the sync port, on one host or on all. */
export function listenAddresses(s: HomeSettings): string[] {
  return [`tcp://${s.listenHost}:${s.syncPort}`, `quic://${s.listenHost}:${s.syncPort}`];
}

/**
 * config.xml as the box wants it: GUI/API on 127.0.0.1 with the box's key, and nothing
 * that talks to the internet (global discovery, relays, NAT traversal, STUN, usage and
 * crash reports, upgrades off); local discovery as configured. Done on the file before
 * Syncthing starts, so not one packet goes out before the API could have said so.
 */
export function patchConfigXml(xml: string, s: HomeSettings, key: string): string {
  const gui = /<gui\b[^>]*>[\s\S]*?<\/gui>/;
  const options = /<options>[\s\S]*?<\/options>/;
  let out = xml.replace(gui, (block) =>
    setElement(
      setElement(block.replace(/\btls="true"/, 'tls="false"'), 'address', `127.0.0.1:${s.apiPort}`),
      'apikey',
      key,
    ),
  );
  out = out.replace(options, (block) => {
    let b = block.replace(/\n\s*<listenAddress>[^<]*<\/listenAddress>/g, '');
    b = b.replace(
      '<options>',
      `<options>${listenAddresses(s)
        .map((a) => `\n        <listenAddress>${xmlEscape(a)}</listenAddress>`)
        .join('')}`,
    );
    const wanted: Record<string, string> = {
      globalAnnounceEnabled: 'false',
      localAnnounceEnabled: String(s.localDiscovery),
      relaysEnabled: 'false',
      natEnabled: 'false',
      urAccepted: '-1',
      crashReportingEnabled: 'false',
      autoUpgradeIntervalH: '0',
      startBrowser: 'false',
      announceLANAddresses: String(s.localDiscovery),
      // 0 turns STUN off: no keep-alive to public STUN servers.
      stunKeepaliveStartS: '0',
    };
    for (const [name, value] of Object.entries(wanted)) b = setElement(b, name, value);
    return b;
  });
  return out;
}

/**
 * Makes Syncthing's home ready to start: its keys and config.xml on first use
 * (`syncthing generate`, which contacts nothing), then the box's settings written in.
 * Run by the box before it starts Syncthing, and by the systemd unit's ExecStartPre.
 */
export async function prepareHome(
  paths: ReseauPaths,
  s: HomeSettings,
  binary = 'syncthing',
): Promise<void> {
  await mkdir(paths.home, { recursive: true, mode: 0o700 });
  await mkdir(paths.packsDir, { recursive: true });
  const key = await apiKey(paths);
  const file = path.join(paths.home, 'config.xml');
  if (!existsSync(file))
    await run(binary, [
      'generate',
      `--home=${paths.home}`,
      '--no-default-folder',
      '--skip-port-probing',
    ]);
  const before = await readFile(file, 'utf8');
  const after = patchConfigXml(before, s, key);
  if (after !== before) {
    await writeFile(`${file}.lanterne`, after, { mode: 0o600 });
    await rename(`${file}.lanterne`, file);
  }
}
