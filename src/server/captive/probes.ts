/**
 * The connectivity probes each operating system sends when it joins a Wi-Fi network,
 * and the exact answer that makes it believe it is online (see
 * shared/reference/appliance.md). Any other answer makes the OS open its "sign in to
 * the network" mini-browser, which is how visitors land on the welcome page.
 */
export interface OnlineAnswer {
  status: 200 | 204;
  contentType?: string;
  body: string;
  /** Extra headers some checkers read before the body (NetworkManager's status header). */
  headers?: Readonly<Record<string, string>>;
}

export interface Probe {
  os:
    | 'android'
    | 'chrome'
    | 'apple'
    | 'windows'
    | 'firefox'
    | 'kindle'
    | 'huawei'
    | 'xiaomi'
    | 'samsung'
    | 'gnome'
    | 'ubuntu';
  hosts: readonly string[];
  /** `'any'` for hosts that exist only to be probed (old iOS asks random paths on them). */
  paths: readonly string[] | 'any';
  online: OnlineAnswer;
  /** Windows opens `/redirect` when the visitor clicks "sign in": always the welcome page. */
  alwaysPortal?: true;
}

const NO_CONTENT: OnlineAnswer = { status: 204, body: '' };
const APPLE_SUCCESS = '<HTML><HEAD><TITLE>Success</TITLE></HEAD><BODY>Success</BODY></HTML>';
/** Firefox compares the body byte for byte with `captivedetect.canonicalContent`. */
export const FIREFOX_CANONICAL =
  '<meta http-equiv="refresh" content="0;url=https://support.mozilla.org/kb/captive-portal"/>';

/**
 * Kindle and Fire OS look for this marker in the body (Amazon's own SDKs check it as
 * `VALIDATION_STRING`); the page is the one Amazon serves, marker in comment and body.
 */
export const KINDLE_MARKER = '81ce4465-7167-4dcb-835b-dcc9e44c112a';
const KINDLE_STUB = [
  '<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01//EN" "http://www.w3.org/TR/html4/strict.dtd">',
  '<html>',
  '<head>',
  '<title>Kindle Reachability Probe Page</title>',
  '<META http-equiv="Content-Type" content="text/html; charset=iso-8859-1">',
  `<!--${KINDLE_MARKER} created with python 2.5 uuid.uuid4()-->`,
  '</head>',
  '<body bgcolor="#ffffff" text="#000000">',
  KINDLE_MARKER,
  '</body>',
  '</html>',
  '',
].join('\n');
/**
 * NetworkManager (nm-connectivity.c) says "full connectivity" as soon as it reads this
 * header, whatever the body; without it, the body must start with the configured
 * `response` (GNOME's is "NetworkManager is online"; Ubuntu's URI has none, and its
 * server answers 204 with this header).
 */
const NM_ONLINE = { 'x-networkmanager-status': 'online' } as const;

export const PROBES: readonly Probe[] = [
  {
    os: 'android',
    hosts: [
      'connectivitycheck.gstatic.com',
      'www.google.com',
      'play.googleapis.com',
      'connectivitycheck.android.com',
    ],
    paths: ['/generate_204', '/gen_204'],
    online: NO_CONTENT,
  },
  {
    os: 'chrome',
    hosts: ['www.gstatic.com', 'clients3.google.com', 'clients1.google.com'],
    paths: ['/generate_204'],
    online: NO_CONTENT,
  },
  {
    // Android's fallback URLs on some builds and older Chrome.
    os: 'chrome',
    hosts: ['clients4.google.com'],
    paths: ['/generate_204'],
    online: NO_CONTENT,
  },
  {
    // Samsung One UI asks its own host on some models and regions.
    os: 'samsung',
    hosts: ['connectivitycheck.samsung.com'],
    paths: ['/generate_204'],
    online: NO_CONTENT,
  },
  {
    // Huawei EMUI / HarmonyOS (and Honor, which kept the same check on its own host).
    os: 'huawei',
    hosts: [
      'connectivitycheck.platform.hicloud.com',
      'connectivitycheck.platform.hihonorcloud.com',
    ],
    paths: ['/generate_204'],
    online: NO_CONTENT,
  },
  {
    // Xiaomi MIUI / HyperOS (MiuiConfigCaptivePortal: CN_CAPTIVE_PORTAL_SERVER).
    os: 'xiaomi',
    hosts: ['connect.rom.miui.com'],
    paths: ['/generate_204'],
    online: NO_CONTENT,
  },
  {
    os: 'kindle',
    hosts: ['spectrum.s3.amazonaws.com'],
    paths: ['/kindle-wifi/wifistub.html', '/kindle-wifi/wifistub-eink.html'],
    online: { status: 200, contentType: 'text/html', body: KINDLE_STUB },
  },
  {
    os: 'gnome',
    hosts: ['nmcheck.gnome.org'],
    paths: ['/check_network_status.txt'],
    online: {
      status: 200,
      contentType: 'text/plain',
      body: 'NetworkManager is online\n',
      headers: NM_ONLINE,
    },
  },
  {
    os: 'ubuntu',
    hosts: ['connectivity-check.ubuntu.com'],
    paths: ['/'],
    online: { status: 204, body: '', headers: NM_ONLINE },
  },
  {
    // iOS before 9 picked one of these hosts (and a random path on the dedicated ones).
    os: 'apple',
    hosts: [
      'www.appleiphonecell.com',
      'www.ibook.info',
      'www.itools.info',
      'www.airport.us',
      'www.thinkdifferent.us',
    ],
    paths: 'any',
    online: { status: 200, contentType: 'text/html', body: APPLE_SUCCESS },
  },
  {
    os: 'apple',
    hosts: ['captive.apple.com', 'www.apple.com'],
    paths: ['/hotspot-detect.html', '/library/test/success.html'],
    online: { status: 200, contentType: 'text/html', body: APPLE_SUCCESS },
  },
  {
    os: 'windows',
    hosts: ['www.msftconnecttest.com', 'ipv6.msftconnecttest.com'],
    paths: ['/connecttest.txt'],
    online: { status: 200, contentType: 'text/plain', body: 'Microsoft Connect Test' },
  },
  {
    os: 'windows',
    hosts: ['www.msftncsi.com', 'ipv6.msftncsi.com'],
    paths: ['/ncsi.txt'],
    online: { status: 200, contentType: 'text/plain', body: 'Microsoft NCSI' },
  },
  {
    os: 'windows',
    hosts: ['www.msftconnecttest.com', 'ipv6.msftconnecttest.com'],
    paths: ['/redirect'],
    online: NO_CONTENT,
    alwaysPortal: true,
  },
  {
    os: 'firefox',
    hosts: ['detectportal.firefox.com'],
    paths: ['/canonical.html'],
    online: { status: 200, contentType: 'text/html', body: FIREFOX_CANONICAL },
  },
  {
    os: 'firefox',
    hosts: ['detectportal.firefox.com'],
    paths: ['/success.txt'],
    online: { status: 200, contentType: 'text/plain', body: 'success\n' },
  },
];

/** The probe a request is, by host (lower case, no port) and path; null if none. */
export function findProbe(host: string, path: string): Probe | null {
  for (const probe of PROBES) {
    if (!probe.hosts.includes(host)) continue;
    if (probe.paths === 'any' || probe.paths.includes(path)) return probe;
  }
  return null;
}
