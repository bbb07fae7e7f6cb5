import type { Config } from '../config.js';
import type { Db } from '../db/open.js';

/** What the animateur can change from the admin area; defaults come from the config. */
export interface BoxSettings {
  libraryName: string;
  address: string;
  openingHours: string;
  contact: string;
  wifiName: string;
  kioskIdleSeconds: number;
  licencePolicy: 'free-culture' | 'all-cc';
}

export class SettingsService {
  private readonly get;
  private readonly set;
  private cache: BoxSettings | null = null;

  constructor(
    db: Db,
    private readonly config: Config,
  ) {
    this.get = db.prepare('SELECT key, value FROM settings');
    this.set = db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
  }

  current(): BoxSettings {
    if (this.cache) return this.cache;
    const c = this.config;
    const base: BoxSettings = {
      libraryName: c.library.name,
      address: c.library.address,
      openingHours: c.library.openingHours,
      contact: c.library.contact,
      wifiName: c.library.wifiName,
      kioskIdleSeconds: c.kioskIdleSeconds,
      licencePolicy: c.licencePolicy,
    };
    const stored = this.get.all() as Array<{ key: string; value: string }>;
    const merged: Record<string, unknown> = { ...base };
    for (const { key, value } of stored) {
      if (key in base) merged[key] = JSON.parse(value) as unknown;
    }
    this.cache = merged as unknown as BoxSettings;
    return this.cache;
  }

  update(changes: Partial<BoxSettings>): BoxSettings {
    for (const [key, value] of Object.entries(changes)) {
      if (value !== undefined) this.set.run(key, JSON.stringify(value));
    }
    this.cache = null;
    return this.current();
  }
}
