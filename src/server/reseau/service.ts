import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Context } from '../context.js';
import { serviceKey } from '../core/services.js';
import { MANIFEST_FILE } from '../packs/manifest.js';
import { exportPack, ExportError } from '../packs/export.js';
import type { SyncthingClient } from './client.js';
import { readDeviceId } from './device-id.js';
import { PACKS_FOLDER, reseauPaths, settingsOf, type ReseauPaths } from './home.js';
import { IncomingPacks, type IncomingState } from './packs-in.js';
import { ReseauRepo, type Peer, type Role } from './repo.js';
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
      if (this.role() === 'member') await this.incoming.pass(client);
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
    await client.putFolder({
      id: PACKS_FOLDER,
      label: 'Packs Lanterne',
      path: this.paths.packsDir,
      type: role === 'coordinator' ? 'sendonly' : 'receiveonly',
      devices: [{ deviceID: me }, ...peers.map((p) => ({ deviceID: p.deviceId }))],
      rescanIntervalS: 3600,
      fsWatcherEnabled: true,
      fsWatcherDelayS: 10,
    });
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
