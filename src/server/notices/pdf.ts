import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { toolOverrides } from '../config.js';

const run = promisify(execFile);

/** Debian's Chromium (the same one the kiosk runs); the PDF link hides without it. */
export function chromiumPath(): string | null {
  const candidate = toolOverrides().chromium ?? '/usr/bin/chromium';
  return existsSync(candidate) ? candidate : null;
}

/**
 * Prints the handout page to PDF with headless Chromium and caches it per notice
 * version: pages are identical for everyone, so it is made once. Concurrent requests
 * for the same file share one Chromium run (a Pi cannot afford two).
 */
export class NoticePdfMaker {
  private readonly running = new Map<string, Promise<string>>();
  /** A failed run is not retried for a while: visitors must not each start a Chromium. */
  private readonly failedAt = new Map<string, number>();

  constructor(
    private readonly cacheDir: string,
    private readonly retryAfterMs = 5 * 60_000,
  ) {}

  async pdf(id: string, version: string, printUrl: string): Promise<string> {
    const file = path.join(this.cacheDir, `${id}@${version}.pdf`);
    const ready = await stat(file).catch(() => null);
    if (ready?.isFile() && ready.size > 0) return file;
    const failed = this.failedAt.get(file);
    if (failed !== undefined && Date.now() - failed < this.retryAfterMs) {
      throw new Error('La fabrication du PDF a échoué récemment');
    }
    let job = this.running.get(file);
    if (!job) {
      job = this.make(file, printUrl)
        .then(
          (made) => {
            this.failedAt.delete(file);
            return made;
          },
          (err: unknown) => {
            this.failedAt.set(file, Date.now());
            throw err;
          },
        )
        .finally(() => this.running.delete(file));
      this.running.set(file, job);
    }
    return job;
  }

  private async make(file: string, printUrl: string): Promise<string> {
    const chromium = chromiumPath();
    if (!chromium) throw new Error('Chromium absent');
    await mkdir(this.cacheDir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    const profile = `${file}.profile`;
    try {
      await run(
        chromium,
        [
          '--headless',
          // Chromium refuses its sandbox as root (tests, CI); the box's own user keeps it.
          // Nothing from a pack can run there anyway: the handout is served under the
          // box's script-src 'self' policy and pack pictures load as <img>.
          ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
          '--disable-gpu',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          `--user-data-dir=${profile}`,
          '--no-pdf-header-footer',
          `--print-to-pdf=${tmp}`,
          printUrl,
        ],
        { timeout: 90_000 },
      );
      const made = await stat(tmp).catch(() => null);
      if (!made || made.size === 0) throw new Error('Chromium n’a pas produit de PDF');
      await rename(tmp, file);
      // Older versions of this notice's PDF are never asked for again.
      const prefix = `${path.basename(file).split('@')[0]}@`;
      for (const name of await readdir(this.cacheDir)) {
        if (name.startsWith(prefix) && name.endsWith('.pdf') && name !== path.basename(file)) {
          await rm(path.join(this.cacheDir, name), { force: true });
        }
      }
      return file;
    } finally {
      await rm(tmp, { force: true });
      await rm(profile, { recursive: true, force: true });
    }
  }
}
