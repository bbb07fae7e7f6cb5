import type { Context } from '../../context.js';
import { MediaWatcher } from '../../sticks/watch.js';
import { usbService, type UsbService } from './service.js';
import { listSticks, scanStick } from './sticks.js';

/**
 * Offers what sticks hold to the USB service: on each pass of the media watcher
 * (`sticks/watch.ts`), compares what each stick offers with what it offered before.
 */
export class StickWatcher {
  private readonly known = new Map<string, string>();
  private readonly media: MediaWatcher;

  constructor(
    private readonly mediaDir: string,
    private readonly service: UsbService,
    onError: (message: string) => void,
    quietMs = 250,
    sweepMs = 10_000,
  ) {
    this.media = new MediaWatcher(mediaDir, () => this.pass(), onError, quietMs, sweepMs);
  }

  start(): Promise<void> {
    return this.media.start();
  }

  rescan(): Promise<void> {
    return this.media.rescan();
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

  stop(): Promise<void> {
    return this.media.stop();
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
