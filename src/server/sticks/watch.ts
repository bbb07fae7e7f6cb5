import { mkdir } from 'node:fs/promises';
import { watch, type FSWatcher } from 'chokidar';

/**
 * Watches the folder where sticks are mounted. Events only say "something changed";
 * each burst of them leads to one pass (sticks mount with many files at once); a pass
 * asked for during a pass runs after it. What a pass does is the caller's (the packs
 * watcher compares what each stick offers with what it offered before).
 */
export class MediaWatcher {
  private watcher: FSWatcher | null = null;
  private timer: NodeJS.Timeout | null = null;
  private sweep: NodeJS.Timeout | null = null;
  private scanning: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly mediaDir: string,
    private readonly pass: () => Promise<void>,
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

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    if (this.sweep) clearInterval(this.sweep);
    await this.watcher?.close();
    this.watcher = null;
    await this.scanning;
  }
}
