import type { ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensureDebianPackage, startPinned, waitFor200 } from './proc.js';

/**
 * lighttpd (what PirateBox and LibraryBox ship) serving the same files from the same
 * folder, pinned to the same core as Lanterne: the reference for static serving.
 */
export async function startLighttpd(opts: {
  benchDir: string;
  docRoot: string;
  port: number;
  probePath: string;
  log: (l: string) => void;
}): Promise<ChildProcess> {
  ensureDebianPackage('lighttpd', 'lighttpd', opts.log);
  const conf = path.join(opts.benchDir, 'lighttpd.conf');
  writeFileSync(
    conf,
    [
      `server.document-root = "${opts.docRoot}"`,
      `server.port = ${opts.port}`,
      `server.bind = "127.0.0.1"`,
      `server.pid-file = "${path.join(opts.benchDir, 'lighttpd.pid')}"`,
      `server.errorlog = "${path.join(opts.benchDir, 'lighttpd-error.log')}"`,
      `server.max-connections = 1024`,
      `server.max-keep-alive-requests = 10000`,
      `server.modules = ( "mod_staticfile" )`,
      `mimetype.assign = ( ".epub" => "application/epub+zip", ".bin" => "application/octet-stream", "" => "application/octet-stream" )`,
      '',
    ].join('\n'),
  );
  const child = startPinned(0, 'lighttpd', ['-D', '-f', conf], process.env, opts.benchDir);
  await waitFor200(`http://127.0.0.1:${opts.port}${opts.probePath}`, performance.now(), 10_000);
  return child;
}
