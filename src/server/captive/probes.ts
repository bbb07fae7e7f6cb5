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
}

export interface Probe {
  os: 'android' | 'chrome' | 'apple' | 'windows' | 'firefox';
  hosts: readonly string[];
  paths: readonly string[];
  online: OnlineAnswer;
  /** Windows opens `/redirect` when the visitor clicks "sign in": always the welcome page. */
  alwaysPortal?: true;
}

const NO_CONTENT: OnlineAnswer = { status: 204, body: '' };
const APPLE_SUCCESS = '<HTML><HEAD><TITLE>Success</TITLE></HEAD><BODY>Success</BODY></HTML>';
/** Firefox compares the body byte for byte with `captivedetect.canonicalContent`. */
export const FIREFOX_CANONICAL =
  '<meta http-equiv="refresh" content="0;url=https://support.mozilla.org/kb/captive-portal"/>';

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
    os: 'apple',
    hosts: [
      'captive.apple.com',
      'www.apple.com',
      'www.appleiphonecell.com',
      'www.ibook.info',
      'www.itools.info',
    ],
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
    if (probe.hosts.includes(host) && probe.paths.includes(path)) return probe;
  }
  return null;
}
