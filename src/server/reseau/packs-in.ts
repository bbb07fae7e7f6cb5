import path from 'node:path';
import type { Context } from '../context.js';
import { inspectPack } from '../packs/inspect.js';
import type { PackSource } from '../packs/types.js';
import { scanStick } from '../packs/watch/sticks.js';
import { usbService } from '../packs/watch/service.js';
import type { SyncthingClient } from './client.js';
import { PACKS_FOLDER } from './home.js';

/** Problems that mean "not all there yet" rather than "a bad pack". */
const ARRIVING: ReadonlySet<string> = new Set([
  'missing-file',
  'size-mismatch',
  'checksum-mismatch',
]);

/** Where the member's incoming packs stand, for the network page. */
export type IncomingState =
  | { kind: 'waiting' }
  /** Syncthing still needs items: nothing is offered to the import. */
  | { kind: 'syncing'; needItems: number; needBytes: number; completion: number }
  | { kind: 'ready'; offered: string[]; arriving: string[] }
  | { kind: 'error'; message: string };

/** The label the packs page shows where it says which stick a pack is on. */
export const NETWORK_LABEL = 'Réseau de boîtes';

/**
 * A member's received "packs" folder, handed to the USB service like a stick (the same
 * queue, checks, trust rule and import as every pack), but only once Syncthing needs
 * nothing more for the folder (folder status and completion from its API) and each
 * pack's files are all there with their checksums (`inspectPack`, `checksums: true`).
 */
export class IncomingPacks {
  private lastFingerprint: string | undefined;
  private current: IncomingState = { kind: 'waiting' };

  constructor(
    private readonly ctx: Context,
    private readonly folderDir: string,
  ) {}

  state(): IncomingState {
    return this.current;
  }

  /** One look at the folder; called on each tick of the network service. */
  async pass(client: SyncthingClient): Promise<IncomingState> {
    let status;
    let completion;
    try {
      status = await client.folderStatus(PACKS_FOLDER);
      completion = await client.completion(PACKS_FOLDER);
    } catch {
      this.current = {
        kind: 'error',
        message: 'Syncthing ne répond pas sur le dossier des packs.',
      };
      return this.current;
    }
    if (status.state !== 'idle' || status.needTotalItems > 0 || completion.needItems > 0) {
      this.current = {
        kind: 'syncing',
        needItems: Math.max(status.needTotalItems, completion.needItems),
        needBytes: Math.max(status.needBytes, completion.needBytes),
        completion: Math.floor(completion.completion),
      };
      return this.current;
    }
    const content = await scanStick(this.folderDir);
    const fingerprint = `${status.sequence}|${content.fingerprint}`;
    if (fingerprint === this.lastFingerprint && this.current.kind === 'ready') return this.current;
    const offered: PackSource[] = [];
    const arriving: string[] = [];
    for (const found of content.packs) {
      const source: PackSource = { ...found, origin: 'network' };
      const checked = await inspectPack(source, {
        licencePolicy: this.ctx.settings.current().licencePolicy,
        checksums: true,
      });
      if (checked.problems.some((p) => ARRIVING.has(p.code)))
        arriving.push(path.basename(found.path));
      else offered.push(source);
    }
    usbService(this.ctx).stickSeen({
      root: this.folderDir,
      label: NETWORK_LABEL,
      packs: offered,
      looseFiles: [],
      fingerprint,
    });
    this.lastFingerprint = fingerprint;
    this.current = { kind: 'ready', offered: offered.map((s) => path.basename(s.path)), arriving };
    return this.current;
  }
}
