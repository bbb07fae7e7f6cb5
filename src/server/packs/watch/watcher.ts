import { mkdir } from 'node:fs/promises';
import { watch, type FSWatcher } from 'chokidar';
import type { Context } from '../../context.js';
import { usbService, type UsbService } from './service.js';
import { listSticks, scanStick } from './sticks.js';

/**
 * Watches the folder where sticks are mounted. Events only say "something changed";
 * each burst of them leads to one rescan (sticks mount with many files at once), which
 * compares what each stick offers with what it offered before.
 */
export class StickWatcher {
  private watcher: FSWatcher | null = null;
  private readonly known = new Map<string, string>();
  private timer: NodeJS.Timeout | null = null;
  private sweep: NodeJS.Timeout | null = null;
  private scanning: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly mediaDir: string,
    private readonly service: UsbService,
    private readonly onError: (message: string) => void,
    private readonly quietMs = 250,
    /** A slow safety net: a mount over an existing folder makes no file event at all. */
    private readonly sweepMs = 10_000,
  ) {}

  async start(): Promise<void> {
    await mkdir(this.mediaDir, { recursive: true }).catch(() => undefined);
    const watcher = watch(this.mediaDir, {
      // /media/LABEL/pack/lanterne-pack.json and /media/user/LABEL/pack are both seen.
      depth: 2,
      ignoreInitial: true,
      followSymlinks: false,
      ignorePermissionErrors: true,
    });
    this.watcher = watcher;
    watcher.on('all', () => this.schedule());
    watcher.on('error', (err) =>
      this.onError(`Surveillance des clés USB : ${(err as Error).message}`),
    );
    await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
    await this.rescan();
    this.sweep = setInterval(() => void this.rescan(), this.sweepMs);
    this.sweep.unref();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.rescan();
    }, this.quietMs);
  }

  /** One pass over the media folder; a pass asked for during a pass runs after it. */
  rescan(): Promise<void> {
    if (this.scanning) {
      this.again = true;
      return this.scanning;
    }
    this.scanning = (async () => {
      try {
        do {
          this.again = false;
          try {
            await this.pass();
          } catch (err) {
            this.onError(`Lecture des clés USB : ${(err as Error).message}`);
          }
        } while (this.again);
      } finally {
        this.scanning = null;
      }
    })();
    return this.scanning;
  }

  private async pass(): Promise<void> {
    const sticks = await listSticks(this.mediaDir);
    for (const root of [...this.known.keys()]) {
      if (!sticks.includes(root)) {
        this.known.delete(root);
        this.service.stickGone(root);
      }
    }
    for (const root of sticks) {
      const content = await scanStick(root);
      // Same content as last time: nothing to do, unless an import found the stick gone
      // in between (pulled out and plugged back faster than the events came).
      if (this.known.get(root) === content.fingerprint && !this.service.lostTrackOf(root)) continue;
      this.known.set(root, content.fingerprint);
      this.service.stickSeen(content);
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    if (this.sweep) clearInterval(this.sweep);
    await this.watcher?.close();
    this.watcher = null;
    await this.scanning;
  }
}

/** The starter registered in `start.ts`. */
export async function startUsbWatcher(ctx: Context): Promise<() => Promise<void>> {
  const service = usbService(ctx);
  const watcher = new StickWatcher(ctx.config.mediaDir, service, (m) => ctx.log.warn(m));
  await watcher.start();
  ctx.log.info(`Surveillance des clés USB dans ${ctx.config.mediaDir}`);
  return async () => {
    await watcher.stop();
    await service.idle();
  };
}
