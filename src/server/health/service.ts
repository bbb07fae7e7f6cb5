import { execFile } from 'node:child_process';
import { existsSync, readFileSync, statfsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface DiskFigures {
  label: string;
  path: string;
  freeBytes: number;
  totalBytes: number;
}

export interface Health {
  collectedAt: string;
  version: string;
  node: string;
  cpu: { temperatureC: number | null; loadPercent: number | null; load1: number; cores: number };
  memory: { totalBytes: number; availableBytes: number };
  disks: DiskFigures[];
  systemUptimeSeconds: number;
  appUptimeSeconds: number;
  /** null when the box cannot tell (no `iw`, no dnsmasq leases file). */
  wifiClients: { count: number; source: string } | null;
  warnings: string[];
}

export interface HealthSources {
  appRoot: string;
  disks: Array<{ label: string; path: string }>;
  /** Wi-Fi interface for `iw dev <if> station dump`. */
  wifiInterface?: string;
  /** dnsmasq lease files tried when `iw` cannot answer. */
  leaseFiles?: string[];
  now?: () => Date;
}

const CACHE_MS = 5_000;
export const DISK_LOW_RATIO = 0.1;
export const DISK_LOW_BYTES = 1024 ** 3;
export const HOT_C = 80;
export const WARM_C = 70;

const withTimeout = <T>(p: Promise<T>, ms: number, fallback: T): Promise<T> =>
  Promise.race([
    p.catch(() => fallback),
    new Promise<T>((resolve) => setTimeout(() => resolve(fallback), ms).unref()),
  ]);

function stationCount(iface: string): Promise<number | null> {
  return new Promise((resolve) => {
    execFile('iw', ['dev', iface, 'station', 'dump'], { timeout: 1500 }, (err, stdout) => {
      if (err) return resolve(null);
      resolve(stdout.split('\n').filter((l) => l.startsWith('Station ')).length);
    });
  });
}

/** Leases whose expiry (first field, seconds since 1970; 0 = never) is still ahead. */
export function countLeases(text: string, nowMs: number): number {
  return text
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter(
      (f) =>
        f.length >= 3 && /^\d+$/.test(f[0] ?? '') && (f[0] === '0' || Number(f[0]) * 1000 > nowMs),
    ).length;
}

function readVersion(appRoot: string): string {
  try {
    const pkg = JSON.parse(readFileSync(path.join(appRoot, 'package.json'), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? 'inconnue';
  } catch {
    return 'inconnue';
  }
}

/** Plain warnings an animateur can act on. */
export function warningsFor(h: Omit<Health, 'warnings'>): string[] {
  const out: string[] = [];
  for (const d of h.disks) {
    if (
      d.totalBytes > 0 &&
      (d.freeBytes / d.totalBytes < DISK_LOW_RATIO || d.freeBytes < DISK_LOW_BYTES)
    ) {
      out.push(
        `Le disque « ${d.label} » est presque plein : retirez des packs qui ne servent plus.`,
      );
    }
  }
  const t = h.cpu.temperatureC;
  if (t !== null && t >= HOT_C)
    out.push(
      'La boîte est trop chaude : éloignez-la du soleil ou d’un radiateur, dégagez ses aérations.',
    );
  else if (t !== null && t >= WARM_C)
    out.push('La boîte chauffe : vérifiez qu’elle est bien aérée.');
  if (h.cpu.load1 > h.cpu.cores * 2)
    out.push('La boîte est très chargée : les pages peuvent être lentes un moment.');
  if (h.memory.totalBytes > 0 && h.memory.availableBytes / h.memory.totalBytes < 0.1) {
    out.push('La mémoire est presque pleine : si la boîte ralentit, redémarrez-la.');
  }
  return out;
}

/** System health with systeminformation, cached a few seconds so the page stays fast. */
export class HealthService {
  private cached: { at: number; value: Health } | null = null;
  private pending: Promise<Health> | null = null;
  private readonly version: string;
  private readonly startedAt = Date.now();

  constructor(private readonly sources: HealthSources) {
    this.version = readVersion(sources.appRoot);
  }

  async current(): Promise<Health> {
    const now = Date.now();
    if (this.cached && now - this.cached.at < CACHE_MS) return this.cached.value;
    this.pending ??= this.collect().finally(() => {
      this.pending = null;
    });
    const value = await this.pending;
    this.cached = { at: Date.now(), value };
    return value;
  }

  private async collect(): Promise<Health> {
    // Loaded when the health page is first asked for, not at every start of the box.
    const { default: si } = await import('systeminformation');
    const [temp, load, mem] = await Promise.all([
      withTimeout(si.cpuTemperature(), 2000, null),
      withTimeout(si.currentLoad(), 2000, null),
      withTimeout(si.mem(), 2000, null),
    ]);
    const disks: DiskFigures[] = [];
    for (const d of this.sources.disks) {
      if (!existsSync(d.path)) continue;
      try {
        const s = statfsSync(d.path);
        disks.push({
          label: d.label,
          path: d.path,
          freeBytes: s.bavail * s.bsize,
          totalBytes: s.blocks * s.bsize,
        });
      } catch {
        // A folder on a vanished stick: nothing to show.
      }
    }
    const base = {
      collectedAt: (this.sources.now?.() ?? new Date()).toISOString(),
      version: this.version,
      node: process.version,
      cpu: {
        temperatureC:
          typeof temp?.main === 'number' && temp.main > 0 ? Math.round(temp.main) : null,
        loadPercent: typeof load?.currentLoad === 'number' ? Math.round(load.currentLoad) : null,
        load1: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
        cores: os.cpus().length,
      },
      memory: {
        totalBytes: mem?.total ?? os.totalmem(),
        availableBytes: mem?.available ?? os.freemem(),
      },
      disks,
      systemUptimeSeconds: Math.round(os.uptime()),
      appUptimeSeconds: Math.round((Date.now() - this.startedAt) / 1000),
      wifiClients: await this.wifiClients(),
    };
    return { ...base, warnings: warningsFor(base) };
  }

  private async wifiClients(): Promise<Health['wifiClients']> {
    const iface = this.sources.wifiInterface ?? 'wlan0';
    const stations = await stationCount(iface);
    if (stations !== null) return { count: stations, source: `iw dev ${iface}` };
    const files = this.sources.leaseFiles ?? [
      '/var/lib/misc/dnsmasq.leases',
      '/var/lib/NetworkManager/dnsmasq-wlan0.leases',
    ];
    for (const file of files) {
      try {
        return {
          count: countLeases(readFileSync(file, 'utf8'), Date.now()),
          source: 'baux DHCP (dnsmasq)',
        };
      } catch {
        // Not this one.
      }
    }
    return null;
  }
}
