import type { HttpBindings } from '@hono/node-server';
import type { Context as HonoContext } from 'hono';
import { networkInterfaces } from 'node:os';
import type { Config } from '../config.js';

/** `::ffff:10.3.141.1` → `10.3.141.1`: IPv4 clients on a dual-stack socket. */
export function plainIp(address: string | undefined): string {
  if (!address) return '';
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}

/** The Host header's name: lower case, no port, no brackets, no trailing dot. */
export function hostName(hostHeader: string | undefined): string {
  if (!hostHeader) return '';
  let host = hostHeader.trim().toLowerCase();
  if (host.startsWith('['))
    host = host.slice(1, host.indexOf(']') > 0 ? host.indexOf(']') : undefined);
  else if (host.indexOf(':') === host.lastIndexOf(':')) host = host.replace(/:\d*$/, '');
  return host.replace(/\.$/, '');
}

export interface SocketSides {
  client: string;
  local: string;
  localPort: number;
}

/** Both ends of the request's TCP connection; empty for in-process requests. */
export function socketSides(c: HonoContext): SocketSides {
  const socket = (c.env as Partial<HttpBindings> | undefined)?.incoming?.socket;
  return {
    client: plainIp(socket?.remoteAddress),
    local: plainIp(socket?.localAddress),
    localPort: socket?.localPort ?? 0,
  };
}

/** An address for a URL: IPv6 literals need brackets. */
function urlHost(ip: string): string {
  return ip.includes(':') ? `[${ip}]` : ip;
}

/**
 * The names that mean "this box": the configured hostnames, `localhost`, the public
 * URL's host and every address of the box's interfaces (re-read every few seconds,
 * since the Ethernet address can change under DHCP). Any other Host is a stray name
 * that DNS sent here because the box answers every name.
 */
export class BoxNames {
  private readonly names: Set<string>;
  private ips = new Set<string>();
  private readAt = -Infinity;

  constructor(
    private readonly config: Config,
    private readonly now: () => number = () => Date.now(),
  ) {
    const fixed = [...config.hostnames, 'localhost', '127.0.0.1', '::1'];
    try {
      fixed.push(hostName(new URL(config.publicUrl).host));
    } catch {
      // The schema already checks the URL; nothing to add if it cannot be parsed.
    }
    this.names = new Set(fixed.map((n) => hostName(n)));
  }

  /** Whether a request with this Host, arriving on this local address, is for the box. */
  isBox(host: string, localAddress: string): boolean {
    if (!host) return true; // HTTP/1.0 without Host: nothing to redirect to anyway.
    if (this.names.has(host) || host === localAddress) return true;
    return this.interfaceIps().has(host);
  }

  /** The box's own origin as the client reached it: the IP works even when names fail. */
  origin(sides: SocketSides): string {
    if (!sides.local) return new URL(this.config.publicUrl).origin;
    const port = sides.localPort && sides.localPort !== 80 ? `:${sides.localPort}` : '';
    return `http://${urlHost(sides.local)}${port}`;
  }

  private interfaceIps(): Set<string> {
    const now = this.now();
    if (now - this.readAt > 5_000) {
      const ips = new Set<string>();
      for (const list of Object.values(networkInterfaces())) {
        for (const info of list ?? []) ips.add(info.address.toLowerCase().replace(/%.*$/, ''));
      }
      this.ips = ips;
      this.readAt = now;
    }
    return this.ips;
  }
}
