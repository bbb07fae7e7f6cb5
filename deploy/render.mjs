#!/usr/bin/env node
// Renders deploy/templates/* from the one config file (/etc/lanterne/lanterne.conf).
// Plain Node, no dependencies: it runs on the box before `npm ci`, and in the tests.
//
//   node deploy/render.mjs --conf /etc/lanterne/lanterne.conf --out /tmp/rendered \
//     [--set APP_DIR=/opt/lanterne] [--set NODE_BIN=/usr/bin/node] ...
//
// Templates use {{KEY}}, {{#KEY}}…{{/KEY}} (kept when KEY is non-empty and not "no")
// and {{^KEY}}…{{/KEY}} (kept when KEY is empty or "no").
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));

const DEFAULTS = {
  BOX_NAME: 'Lanterne',
  SSID: 'Lanterne',
  WIFI_COUNTRY: 'FR',
  WIFI_CHANNEL: '6',
  WIFI_PASSWORD: '',
  WIFI_INTERFACE: 'wlan0',
  HOTSPOT: 'networkmanager',
  BOX_IP: '10.3.141.1',
  NETMASK_BITS: '24',
  DHCP_START: '10.3.141.50',
  DHCP_END: '10.3.141.250',
  DHCP_LEASE: '12h',
  HOSTNAMES: 'lanterne.lan lanterne.local',
  MDNS_NAME: 'lanterne',
  HTTP_PORT: '80',
  // kiwix-serve's port, on 127.0.0.1 only (lanterne-kiwix.service).
  KIWIX_PORT: '8091',
  MEDIA_DIR: '/media/lanterne',
  KIOSK: 'no',
  PRINTING: 'no',
  VOLATILE_LOGS: 'yes',
  // Install layout; the tests point these at temporary folders.
  APP_DIR: '/opt/lanterne',
  DATA_DIR: '/var/lib/lanterne',
  CONF_DIR: '/etc/lanterne',
  NODE_BIN: '/usr/bin/node',
  KIWIX_SERVE_BIN: '/usr/bin/kiwix-serve',
  IP_BIN: '/usr/sbin/ip',
  SERVICE_USER: 'lanterne',
};

/** KEY="value" lines; shell-like quoting without any expansion (nothing is executed). */
export function parseConf(text) {
  const out = {};
  text.split(/\r?\n/).forEach((line, i) => {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) return;
    const m = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(trimmed);
    if (!m) throw new Error(`ligne ${i + 1} illisible : ${trimmed}`);
    let value = m[2].trim();
    const quoted = /^"(.*)"$/.exec(value) ?? /^'(.*)'$/.exec(value);
    if (quoted) value = quoted[1];
    else value = value.replace(/\s+#.*$/, '');
    out[m[1]] = value.replace(/\\"/g, '"');
  });
  return out;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

/** Checks the values and adds the derived ones; throws a readable French message. */
export function resolveValues(conf) {
  const v = { ...DEFAULTS, ...conf };
  const errors = [];
  const ssidBytes = Buffer.byteLength(v.SSID, 'utf8');
  if (ssidBytes < 1 || ssidBytes > 32) errors.push('SSID : de 1 à 32 octets');
  if (/[\n\r"]/.test(v.SSID) || /[\n\r"]/.test(v.BOX_NAME))
    errors.push('SSID et BOX_NAME : ni guillemets ni retours à la ligne');
  if (!/^[A-Z]{2}$/.test(v.WIFI_COUNTRY))
    errors.push('WIFI_COUNTRY : code pays en deux lettres majuscules (FR, BE, CH…)');
  const channel = Number(v.WIFI_CHANNEL);
  if (
    !Number.isInteger(channel) ||
    !((channel >= 1 && channel <= 13) || (channel >= 36 && channel <= 165))
  ) {
    errors.push('WIFI_CHANNEL : 1 à 13 (2,4 GHz) ou 36 à 165 (5 GHz)');
  }
  if (v.WIFI_PASSWORD && !/^[\x20-\x7e]{8,63}$/.test(v.WIFI_PASSWORD))
    errors.push('WIFI_PASSWORD : vide (réseau ouvert) ou 8 à 63 caractères ASCII');
  if (
    !/^[a-z0-9][a-z0-9-]{0,14}$/.test(v.WIFI_INTERFACE) &&
    !/^veth[a-z0-9-]+$/.test(v.WIFI_INTERFACE)
  )
    errors.push('WIFI_INTERFACE : nom d’interface (wlan0)');
  if (!['networkmanager', 'hostapd', 'none'].includes(v.HOTSPOT))
    errors.push('HOTSPOT : networkmanager, hostapd ou none');
  for (const key of ['BOX_IP', 'DHCP_START', 'DHCP_END'])
    if (!IPV4.test(v[key])) errors.push(`${key} : adresse IPv4`);
  const bits = Number(v.NETMASK_BITS);
  if (!Number.isInteger(bits) || bits < 8 || bits > 30) errors.push('NETMASK_BITS : 8 à 30');
  if (!/^\d+[hm]?$|^infinite$/.test(v.DHCP_LEASE)) errors.push('DHCP_LEASE : 12h, 30m…');
  const hostnames = v.HOSTNAMES.split(/[\s,]+/).filter(Boolean);
  if (hostnames.length === 0 || hostnames.some((h) => !/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/.test(h)))
    errors.push('HOSTNAMES : noms en minuscules séparés par des espaces');
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(v.MDNS_NAME))
    errors.push('MDNS_NAME : un nom simple (lanterne)');
  const port = Number(v.HTTP_PORT);
  if (!Number.isInteger(port) || port < 1 || port > 65535) errors.push('HTTP_PORT : 1 à 65535');
  const kiwixPort = Number(v.KIWIX_PORT);
  if (!Number.isInteger(kiwixPort) || kiwixPort < 1024 || kiwixPort > 65535 || kiwixPort === port)
    errors.push('KIWIX_PORT : 1024 à 65535, autre que HTTP_PORT');
  for (const key of ['KIOSK', 'PRINTING', 'VOLATILE_LOGS'])
    if (!['yes', 'no'].includes(v[key])) errors.push(`${key} : yes ou no`);
  for (const key of [
    'APP_DIR',
    'DATA_DIR',
    'CONF_DIR',
    'NODE_BIN',
    'IP_BIN',
    'MEDIA_DIR',
    'KIWIX_SERVE_BIN',
  ]) {
    if (!path.isAbsolute(v[key]) || /\s/.test(v[key]))
      errors.push(`${key} : chemin absolu sans espace`);
  }
  if (errors.length > 0) throw new Error(`Configuration invalide :\n- ${errors.join('\n- ')}`);

  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  const netmask = [24, 16, 8, 0].map((s) => (mask >>> s) & 255).join('.');
  const portSuffix = port === 80 ? '' : `:${port}`;
  return {
    ...v,
    NETMASK: netmask,
    // The bare mDNS name too: phones append their search domain, or nothing at all.
    HOSTNAMES_JSON: JSON.stringify([
      ...new Set([...hostnames, `${v.MDNS_NAME}.local`, v.MDNS_NAME, 'localhost']),
    ]),
    BOX_NAME_XML: v.BOX_NAME.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
    BOX_NAME_JSON: JSON.stringify(v.BOX_NAME),
    SSID_JSON: JSON.stringify(v.SSID),
    PUBLIC_URL: `http://${hostnames[0]}${portSuffix}`,
    PORTAL_URL: `http://${v.BOX_IP}${portSuffix}`,
    WIFI_BAND: channel <= 13 ? 'bg' : 'a',
    HW_MODE: channel <= 13 ? 'g' : 'a',
    // NetworkManager wants a UUID; derive it from the SSID so re-renders are identical.
    NM_UUID: uuidFrom(`lanterne-hotspot:${v.WIFI_INTERFACE}`),
    KIOSK: v.KIOSK === 'yes' ? 'yes' : '',
    PRINTING: v.PRINTING === 'yes' ? 'yes' : '',
    VOLATILE_LOGS: v.VOLATILE_LOGS === 'yes' ? 'yes' : '',
  };
}

function uuidFrom(seed) {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function renderTemplate(template, values) {
  const sections = /\{\{([#^])([A-Z0-9_]+)\}\}([\s\S]*?)\{\{\/\2\}\}/g;
  const withSections = template.replace(sections, (_, kind, key, body) => {
    const on = Boolean(values[key]) && values[key] !== 'no';
    return (kind === '#') === on ? body : '';
  });
  return withSections.replace(/\{\{([A-Z0-9_]+)\}\}/g, (_, key) => {
    if (!(key in values)) throw new Error(`valeur inconnue dans un modèle : ${key}`);
    return String(values[key]);
  });
}

/** Renders every template into `outDir`; returns the written file names. */
export function renderAll(values, outDir, templatesDir = path.join(HERE, 'templates')) {
  mkdirSync(outDir, { recursive: true });
  const written = [];
  for (const name of readdirSync(templatesDir).sort()) {
    const text = renderTemplate(readFileSync(path.join(templatesDir, name), 'utf8'), values);
    writeFileSync(path.join(outDir, name), text, {
      mode: name.endsWith('.nmconnection') ? 0o600 : 0o644,
    });
    written.push(name);
  }
  return written;
}

function main(argv) {
  let conf = '/etc/lanterne/lanterne.conf';
  let out = '';
  let get = '';
  const sets = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--conf') conf = argv[++i];
    else if (arg === '--out') out = argv[++i];
    else if (arg === '--get') get = argv[++i];
    else if (arg === '--set') {
      const [k, ...rest] = argv[++i].split('=');
      sets[k] = rest.join('=');
    } else throw new Error(`option inconnue : ${arg}`);
  }
  const values = resolveValues({ ...parseConf(readFileSync(conf, 'utf8')), ...sets });
  if (get) {
    // Lets shell scripts read one checked value without sourcing the file.
    process.stdout.write(`${values[get] ?? ''}\n`);
    return;
  }
  if (!out) throw new Error('--out DOSSIER est obligatoire');
  for (const name of renderAll(values, out)) process.stdout.write(`${path.join(out, name)}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`render.mjs : ${err.message}\n`);
    process.exit(1);
  }
}
