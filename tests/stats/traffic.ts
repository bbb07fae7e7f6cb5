import { request, type Reply } from '../admin/http.js';

/** A made-up visitor: a loopback source address and a user agent of its own. */
export interface Visitor {
  ip: string;
  ua: string;
}

export function visitor(
  n: number,
  ua = `Mozilla/5.0 (Linux; Android 14) LanterneFakePhone/${n}.7 Mobile`,
): Visitor {
  return { ip: `127.${40 + n}.${(n * 7) % 250}.${10 + n}`, ua };
}

/** A GET from this visitor's address and user agent. */
export function visit(
  base: string,
  v: Visitor,
  path: string,
  headers: Record<string, string> = {},
): Promise<Reply> {
  return request(`${base}${path}`, {
    headers: { 'user-agent': v.ua, ...headers },
    localAddress: v.ip,
  });
}
