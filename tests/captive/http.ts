import { rawRequest } from '../helpers/http.js';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface RawRequest {
  port: number;
  path: string;
  /** The Host header, as a phone asking for another site sends it. */
  host?: string;
  userAgent?: string;
  method?: string;
  /** Bind the client to another loopback address, to be another phone. */
  localAddress?: string;
  acceptLanguage?: string;
}

/** One real HTTP request to 127.0.0.1 with a chosen Host (fetch forbids setting it). */
export async function raw(r: RawRequest): Promise<RawResponse> {
  const headers: Record<string, string> = { host: r.host ?? `127.0.0.1:${r.port}` };
  if (r.userAgent) headers['user-agent'] = r.userAgent;
  if (r.acceptLanguage) headers['accept-language'] = r.acceptLanguage;
  const reply = await rawRequest({
    hostname: '127.0.0.1',
    port: r.port,
    path: r.path,
    method: r.method,
    headers,
    localAddress: r.localAddress,
    freshConnection: true,
    timeoutMs: 10_000,
  });
  return { ...reply, body: reply.body.toString('utf8') };
}

/** What each OS sends, and what its mini-browser looks like (user agents as seen in the wild). */
export const CLIENTS = {
  android: {
    probe: 'Dalvik/2.1.0 (Linux; U; Android 14; Pixel 7 Build/UQ1A.240205.002)',
    browser:
      'Mozilla/5.0 (Linux; Android 14; Pixel 7 Build/UQ1A.240205.002; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.230 Mobile Safari/537.36',
  },
  chrome: {
    probe:
      'Mozilla/5.0 (X11; CrOS x86_64 15633.69.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
    browser:
      'Mozilla/5.0 (X11; CrOS x86_64 15633.69.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
  },
  apple: {
    probe: 'CaptiveNetworkSupport-481.0.1 wispr',
    browser:
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
  },
  windows: {
    probe: 'Microsoft NCSI',
    browser:
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0',
  },
  firefox: {
    probe: 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
    browser: 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
  },
  kindle: {
    probe:
      'Mozilla/5.0 (X11; U; Linux armv7l like Android; en-us) AppleWebKit/531.2+ (KHTML, like Gecko) Version/5.0 Safari/533.2+ Kindle/3.0+',
    browser:
      'Mozilla/5.0 (X11; U; Linux armv7l like Android; en-us) AppleWebKit/531.2+ (KHTML, like Gecko) Version/5.0 Safari/533.2+ Kindle/3.0+',
  },
  huawei: {
    probe: 'Dalvik/2.1.0 (Linux; U; Android 12; NOH-NX9 Build/HUAWEINOH-N29)',
    browser:
      'Mozilla/5.0 (Linux; Android 12; NOH-NX9; HMSCore 6.13.0.302; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/114.0.5735.196 Mobile Safari/537.36',
  },
  xiaomi: {
    probe: 'Dalvik/2.1.0 (Linux; U; Android 13; 2201117TG MIUI/V14.0.4.0.TGCMIXM)',
    browser:
      'Mozilla/5.0 (Linux; Android 13; 2201117TG Build/TKQ1.221114.001; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.230 Mobile Safari/537.36',
  },
  samsung: {
    probe: 'Dalvik/2.1.0 (Linux; U; Android 14; SM-A546B Build/UP1A.231005.007)',
    browser:
      'Mozilla/5.0 (Linux; Android 14; SM-A546B Build/UP1A.231005.007; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.230 Mobile Safari/537.36',
  },
  gnome: {
    probe: 'NetworkManager/1.46.0',
    browser: 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
  },
  ubuntu: {
    probe: 'NetworkManager/1.46.0',
    browser: 'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
  },
} as const;
