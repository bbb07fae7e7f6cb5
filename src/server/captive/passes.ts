/**
 * Which clients have passed the welcome page ("Entrer"), so that their phone's probes
 * can answer "online" and the phone stays on the box's Wi-Fi.
 *
 * Kept in memory only, keyed by the client's address, with an expiry: it is never
 * written to disk and never logged, and a restart simply shows the welcome page again.
 */
export class CaptivePasses {
  private readonly until = new Map<string, number>();

  constructor(
    private readonly now: () => number = () => Date.now(),
    /** About one DHCP lease: the same address is probably the same phone. */
    private readonly ttlMs = 12 * 60 * 60 * 1000,
    /** A crowd at an event stays far below this; the cap bounds memory if not. */
    private readonly maxClients = 10_000,
  ) {}

  pass(ip: string): void {
    if (!ip) return;
    const now = this.now();
    if (this.until.size >= this.maxClients) this.prune(now);
    if (this.until.size >= this.maxClients) {
      // Still full: forget the oldest entry (Map keeps insertion order).
      const oldest = this.until.keys().next();
      if (!oldest.done) this.until.delete(oldest.value);
    }
    this.until.delete(ip);
    this.until.set(ip, now + this.ttlMs);
  }

  hasPassed(ip: string): boolean {
    const until = this.until.get(ip);
    if (until === undefined) return false;
    if (until > this.now()) return true;
    this.until.delete(ip);
    return false;
  }

  /** How long the client stays "online", for the RFC 8908 API. */
  secondsRemaining(ip: string): number {
    const until = this.until.get(ip);
    return until === undefined ? 0 : Math.max(0, Math.floor((until - this.now()) / 1000));
  }

  get size(): number {
    return this.until.size;
  }

  private prune(now: number): void {
    for (const [ip, until] of this.until) if (until <= now) this.until.delete(ip);
  }
}
