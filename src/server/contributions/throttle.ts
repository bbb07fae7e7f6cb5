import { DeviceKeys } from '../core/device-keys.js';

/**
 * Counts what one device did in the last hour, in memory only: the key is the box's
 * device key (core/device-keys.ts) of the address, so even this map holds no address.
 */
export class Throttle {
  private readonly keys = new DeviceKeys();
  private readonly seen = new Map<string, number[]>();

  constructor(
    private readonly windowMs: number,
    private readonly now: () => number,
    private readonly maxDevices = 10_000,
  ) {}

  private key(device: string): string {
    return this.keys.of(device);
  }

  private recent(key: string): number[] {
    const since = this.now() - this.windowMs;
    const list = (this.seen.get(key) ?? []).filter((t) => t > since);
    if (list.length === 0) this.seen.delete(key);
    else this.seen.set(key, list);
    return list;
  }

  /** How many times the device acted in the window. */
  count(device: string): number {
    return this.recent(this.key(device)).length;
  }

  /** Records one action of the device. */
  hit(device: string): void {
    const key = this.key(device);
    const list = this.recent(key);
    if (!this.seen.has(key) && this.seen.size >= this.maxDevices) {
      for (const k of this.seen.keys()) {
        this.recent(k);
        if (this.seen.size < this.maxDevices) break;
      }
      const oldest = this.seen.keys().next().value;
      if (this.seen.size >= this.maxDevices && oldest !== undefined) this.seen.delete(oldest);
    }
    list.push(this.now());
    this.seen.set(key, list);
  }
}
