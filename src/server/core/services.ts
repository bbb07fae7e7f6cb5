/**
 * Services a feature builds over the whole context (the USB queue, the pack lock, the
 * kiosk, health, notice makers…), made once per context on first use and kept by it:
 * no module-level singleton or WeakMap, and `context.ts` needs to import none of them.
 *
 * A feature declares its service next to it:
 *   export const USB = serviceKey('usb', (ctx: Context) => new UsbService(ctx));
 * and asks for it: `ctx.services.get(USB)`.
 */
export interface ServiceKey<T, C> {
  readonly name: string;
  readonly create: (ctx: C) => T;
}

export function serviceKey<T, C>(name: string, create: (ctx: C) => T): ServiceKey<T, C> {
  return { name, create };
}

export class Services<C> {
  private readonly made = new Map<ServiceKey<unknown, C>, unknown>();
  private readonly making = new Set<ServiceKey<unknown, C>>();

  constructor(private readonly owner: () => C) {}

  get<T>(key: ServiceKey<T, C>): T {
    if (this.made.has(key)) return this.made.get(key) as T;
    if (this.making.has(key)) throw new Error(`Service ${key.name} needs itself to be built`);
    this.making.add(key);
    try {
      const service = key.create(this.owner());
      this.made.set(key, service);
      return service;
    } finally {
      this.making.delete(key);
    }
  }

  /** The services built so far (for stopping them in order). */
  built(): unknown[] {
    return [...this.made.values()];
  }
}
