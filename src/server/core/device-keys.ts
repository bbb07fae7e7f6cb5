import { createHmac, randomBytes } from 'node:crypto';

/**
 * The one way the box tells devices apart without knowing them (unique visitors, one
 * evaluation answer per phone, proposals per hour, one "merci" a day): an HMAC of what a
 * request says (its address, its browser, what it acts on) under a secret drawn at
 * random, kept only in memory and never written anywhere. `renew()` draws a new secret,
 * after which no earlier key can be made again: the box forgets who was who.
 *
 * @example
 *   const keys = new DeviceKeys();
 *   keys.of('visitor', client.ip, client.userAgent); // the same string for the same phone
 */
export class DeviceKeys {
  private secret = randomBytes(32);

  /** A fresh secret: every key made before can no longer be matched. */
  renew(): void {
    this.secret = randomBytes(32);
  }

  /** The key of `parts` (joined by line breaks, which no address or browser name holds). */
  of(...parts: readonly string[]): string {
    return createHmac('sha256', this.secret).update(parts.join('\n')).digest('base64url');
  }
}
