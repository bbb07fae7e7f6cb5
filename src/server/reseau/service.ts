import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Context } from '../context.js';
import { serviceKey } from '../core/services.js';
import { MANIFEST_FILE } from '../packs/manifest.js';
import { exportPack, ExportError } from '../packs/export.js';
import { keptDailyFigures, statsToday, type DailyFigures } from '../stats/index.js';
import type { FolderConfig, SyncthingClient } from './client.js';
import { readDeviceId, shortId } from './device-id.js';
import { PACKS_FOLDER, reseauPaths, settingsOf, type ReseauPaths } from './home.js';
import { IncomingPacks, type IncomingState } from './packs-in.js';
import { ReseauRepo, type Peer, type Role } from './repo.js';
import {
  readRollup,
  rollupOf,
  statsFolderId,
  sumDays,
  writeRollup,
  type Figures,
} from './stats-roll.js';
import { SyncthingSupervisor, type SyncthingState } from './supervisor.js';

export type PeerErrors = Partial<Record<'deviceId' | 'name' | 'address', string>>;

/** What the network page shows. */
export interface ReseauView {
  role: Role | null;
  state: SyncthingState;
  peers: Array<Peer & { connected: boolean }>;
  /** Boxes that tried to connect and were refused (not in the list). */
  refused: string[];
  /** Coordinator: what the packs folder publishes. Member: where incoming packs stand. */
  published: Array<{ id: string; version: string }>;
  incoming: IncomingState;
}

/** Each box's figures over a period (null: no file from it yet), and the network's total. */
export interface NetworkStats {
  rows: Array<{
    name: string;
    figures: Figures | null;
    /** When the member wrote its file (null for this box). */
    updatedAt: string | null;
    daily: DailyFigures[];
  }>;
  total: Figures;
}

const ADDRESS = /^(tcp|quic):\/\/[A-Za-z0-9.:[\]-]+:\d{1,5}$/;

/**
 * The network of boxes: the role, the boxes accepted, and the box's Syncthing made to
 * match them through its REST API (devices, the "packs" folder: send-only on the
 * coordinator, receive-only on members). A member's received packs go to the one
 * pack pipeline through `IncomingPacks`.
 */
export class ReseauService {
  readonly repo: ReseauRepo;
  readonly paths: ReseauPaths;
  readonly syncthing: SyncthingSupervisor;
  readonly incoming: IncomingPacks;
  /** Syncthing's start time the config was last applied for (a restart applies again). */
  private appliedFor: string | undefined;
  private dirty = true;
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;
  private statsCheckedAt = 0;
  private statsSent: string | undefined;

  constructor(private readonly ctx: Context) {
    this.repo = new ReseauRepo(ctx.db);
    this.paths = reseauPaths(ctx.paths.dataDir);
    this.syncthing = new SyncthingSupervisor({
      paths: this.paths,
      settings: settingsOf(ctx.config),
      mode: ctx.config.syncthingMode,
    });
    this.incoming = new IncomingPacks(ctx, this.paths.packsDir);
  }

  role(): Role | null {
    return this.repo.role();
  }

  /** Starts Syncthing and the periodic look if the network is on (the feature's start). */
  async start(): Promise<void> {
    if (this.role() === null) return;
    await this.syncthing.start();
    this.schedule(0);
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.ticking;
    await this.syncthing.stop();
  }

  /** Turns the network on with this role, or changes the role. */
  async setRole(role: Role): Promise<void> {
    this.repo.setRole(role, this.ctx.clock.now());
    this.dirty = true;
    await this.start();
  }

  /** Adds (or renames) a box this one accepts; French errors per field, nothing saved then. */
  async addPeer(input: { deviceId: string; name: string; address: string }): Promise<PeerErrors> {
    const errors: PeerErrors = {};
    const id = readDeviceId(input.deviceId);
    if (!id.ok) errors.deviceId = id.message;
    const name = input.name.trim();
    if (name.length > 60) errors.name = 'Ce nom est trop long : 60 caractères au plus.';
    const address = input.address.trim();
    if (address !== '' && !ADDRESS.test(address))
      errors.address =
        'Écrivez une adresse comme tcp://192.168.1.20:22000, ou laissez vide : la boîte la trouvera sur le réseau local.';
    if (id.ok && id.id === this.syncthing.lastStatus()?.myID)
      errors.deviceId = 'C’est l’identifiant de cette boîte-ci : collez celui de l’autre boîte.';
    if (!id.ok || Object.keys(errors).length > 0) return errors;
    this.repo.savePeer(
      {
        deviceId: id.id,
        name: name || `Boîte ${id.id.slice(0, 7)}`,
        address: address || 'dynamic',
      },
      this.ctx.clock.now(),
    );
    this.dirty = true;
    this.schedule(0);
    return {};
  }

  removePeer(deviceId: string): boolean {
    const removed = this.repo.removePeer(deviceId);
    if (removed) {
      this.dirty = true;
      this.schedule(0);
    }
    return removed;
  }

  /**
   * Coordinator: puts an installed pack in the shared folder, exactly as an export to a
   * stick writes it (`packs/export.ts`: assembled under a hidden name, renamed last),
   * then removes the versions it replaces and asks Syncthing to look now.
   */
  async publish(packId: string): Promise<{ ok: true } | { ok: false; message: string }> {
    if (this.role() !== 'coordinator')
      return { ok: false, message: 'Seule la boîte coordinatrice publie des packs sur le réseau.' };
    let written: string;
    try {
      written = await exportPack(this.ctx, packId, this.paths.packsDir);
    } catch (err) {
      if (err instanceof ExportError) return { ok: false, message: err.message };
      throw err;
    }
    for (const other of await this.publishedFolders()) {
      if (other.id === packId && other.dir !== written)
        await rm(other.dir, { recursive: true, force: true });
    }
    const client = await this.syncthing.api();
    await client?.scan(PACKS_FOLDER).catch(() => undefined);
    return { ok: true };
  }

  private async publishedFolders(): Promise<Array<{ id: string; version: string; dir: string }>> {
    const out: Array<{ id: string; version: string; dir: string }> = [];
    const entries = await readdir(this.paths.packsDir, { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      if (!e.isDirectory() || e.name.startsWith('.')) continue;
      const dir = path.join(this.paths.packsDir, e.name);
      try {
        const m = JSON.parse(await readFile(path.join(dir, MANIFEST_FILE), 'utf8')) as {
          id?: unknown;
          version?: unknown;
        };
        if (typeof m.id === 'string' && typeof m.version === 'string')
          out.push({ id: m.id, version: m.version, dir });
      } catch {
        // Not a pack folder (or not all there yet).
      }
    }
    return out.sort((a, b) => a.id.localeCompare(b.id));
  }

  async view(): Promise<ReseauView> {
    const role = this.role();
    const client = role ? await this.syncthing.api() : undefined;
    const connections = client ? await client.connections().catch(() => ({})) : {};
    const refused = client ? await client.pendingDevices().catch(() => []) : [];
    const peers = this.repo.peers();
    return {
      role,
      state: this.syncthing.state(),
      peers: peers.map((p) => ({
        ...p,
        connected:
          (connections as Record<string, { connected: boolean }>)[p.deviceId]?.connected ?? false,
      })),
      refused: refused.filter((id) => !peers.some((p) => p.deviceId === id)),
      published:
        role === 'coordinator'
          ? (await this.publishedFolders()).map(({ id, version }) => ({ id, version }))
          : [],
      incoming: this.incoming.state(),
    };
  }

  /** Runs one tick soon (after a change) and then every `reseauPollMs`. */
  private schedule(delayMs: number): void {
    if (this.role() === null) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.ticking = this.tick().finally(() => {
        this.ticking = undefined;
        if (this.timer) this.schedule(this.ctx.config.reseauPollMs);
      });
    }, delayMs);
    this.timer.unref();
  }

  /** One look: apply the config if Syncthing (re)started or the lists changed; member: packs. */
  async tick(): Promise<void> {
    const client = await this.syncthing.api();
    if (!client) return;
    try {
      const startTime = this.syncthing.lastStatus()?.startTime;
      if (this.dirty || this.appliedFor !== startTime) {
        this.dirty = false;
        await this.apply(client);
        this.appliedFor = startTime;
      }
      if (this.role() === 'member') {
        await this.incoming.pass(client);
        await this.sendStats(client);
      }
    } catch (err) {
      this.dirty = true;
      this.ctx.log.warn(`Réseau de boîtes : ${(err as Error).message}`);
    }
  }

  /** Syncthing's devices and "packs" folder as the box's tables say. */
  private async apply(client: SyncthingClient): Promise<void> {
    const role = this.role();
    if (!role) return;
    const me = (await client.status()).myID;
    const peers = this.repo.peers();
    for (const p of peers)
      await client.putDevice({
        deviceID: p.deviceId,
        name: p.name,
        addresses: [p.address],
        autoAcceptFolders: false,
        introducer: false,
      });
    for (const d of await client.devices())
      if (d.deviceID !== me && !peers.some((p) => p.deviceId === d.deviceID))
        await client.deleteDevice(d.deviceID);
    const folder = async (id: string, dir: string, type: FolderConfig['type'], with_: string[]) => {
      await mkdir(dir, { recursive: true });
      await client.putFolder({
        id,
        label: id,
        path: dir,
        type,
        devices: [me, ...with_].map((deviceID) => ({ deviceID })),
        rescanIntervalS: 3600,
        fsWatcherEnabled: true,
        fsWatcherDelayS: 10,
      });
    };
    const all = peers.map((p) => p.deviceId);
    await folder(
      PACKS_FOLDER,
      this.paths.packsDir,
      role === 'coordinator' ? 'sendonly' : 'receiveonly',
      all,
    );
    // Statistics: each member sends its own folder; the coordinator receives one per member.
    const wanted = new Set<string>();
    if (role === 'member') {
      wanted.add(statsFolderId(me));
      await folder(statsFolderId(me), this.paths.statsOutDir, 'sendonly', all);
    } else {
      for (const p of peers) {
        wanted.add(statsFolderId(p.deviceId));
        await folder(statsFolderId(p.deviceId), this.statsInDir(p.deviceId), 'receiveonly', [
          p.deviceId,
        ]);
      }
    }
    for (const f of await client.folders())
      if (f.id.startsWith('lanterne-stats-') && !wanted.has(f.id)) await client.deleteFolder(f.id);
  }

  private statsInDir(deviceId: string): string {
    return path.join(this.paths.statsInRoot, shortId(deviceId));
  }

  /**
   * Member: writes its statistics file when its figures changed (checked every tenth
   * look, so about every 50 s), and asks Syncthing to look at once.
   */
  private async sendStats(client: SyncthingClient): Promise<void> {
    const now = Date.now();
    if (now - this.statsCheckedAt < this.ctx.config.reseauPollMs * 10) return;
    this.statsCheckedAt = now;
    const me = this.syncthing.lastStatus()?.myID;
    const json = me ? rollupOf(this.ctx, me) : null;
    if (!me || !json) return;
    const sameFigures = JSON.stringify({ ...JSON.parse(json), generatedAt: '' });
    if (sameFigures === this.statsSent) return;
    await writeRollup(this.paths.statsOutDir, this.paths.publishStaging, json);
    this.statsSent = sameFigures;
    await client.scan(statsFolderId(me)).catch(() => undefined);
  }

  /**
   * Coordinator: this box and each member over the period, from each member's latest
   * file (a box away for weeks sends all its kept days when it is back), and the total.
   */
  async networkStats(from: string, to: string): Promise<NetworkStats> {
    const today = statsToday(this.ctx);
    const own = today ? keptDailyFigures(this.ctx, today) : [];
    const rows: NetworkStats['rows'] = [
      {
        name: `${this.ctx.settings.current().libraryName} (cette boîte)`,
        figures: sumDays(own, from, to),
        updatedAt: null,
        daily: own,
      },
    ];
    for (const p of this.repo.peers()) {
      const rollup = await readRollup(this.statsInDir(p.deviceId));
      rows.push({
        name: p.name,
        figures: rollup ? sumDays(rollup.daily, from, to) : null,
        updatedAt: rollup?.generatedAt ?? null,
        daily: rollup?.daily ?? [],
      });
    }
    const total = sumDays(
      rows.flatMap((r) => r.daily),
      from,
      to,
    );
    return { rows, total };
  }
}

/** The box's network service, made once per context. */
export const RESEAU = serviceKey('reseau', (ctx: Context) => new ReseauService(ctx));

/** The feature's start: Syncthing runs only once the animateur turned the network on. */
export async function startReseau(ctx: Context): Promise<() => Promise<void>> {
  const service = ctx.services.get(RESEAU);
  await service.start();
  return () => service.stop();
}
