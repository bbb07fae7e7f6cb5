import http from 'node:http';

export interface RawReply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export interface RawOptions {
  /** Where to connect; the Host header defaults to `hostname:port`. */
  hostname: string;
  port: number;
  /** Sent exactly as written: no URL normalisation, as a hostile client would. */
  path: string;
  method?: string | undefined;
  headers?: Record<string, string> | undefined;
  body?: string | undefined;
  /** Loopback source address (127.0.0.2…) to play a different client. */
  localAddress?: string | undefined;
  /** A fresh connection per request instead of Node's shared keep-alive agent. */
  freshConnection?: boolean | undefined;
  timeoutMs?: number | undefined;
}

/** One real HTTP request with no cookie jar and no redirects followed. */
export function rawRequest(o: RawOptions): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        hostname: o.hostname,
        port: o.port,
        path: o.path,
        method: o.method ?? 'GET',
        headers: o.headers ?? {},
        ...(o.localAddress ? { localAddress: o.localAddress } : {}),
        ...(o.freshConnection ? { agent: false } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
        res.on('error', reject);
      },
    );
    if (o.timeoutMs) req.setTimeout(o.timeoutMs, () => req.destroy(new Error(`timeout ${o.path}`)));
    req.on('error', reject);
    req.end(o.body);
  });
}
