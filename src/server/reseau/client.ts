/**
 * The few calls of Syncthing's REST API the box makes, on 127.0.0.1 with the box's key.
 * Shapes are only the fields the box reads.
 */
export interface FolderStatus {
  state: string;
  needTotalItems: number;
  needBytes: number;
  globalFiles: number;
  globalBytes: number;
  inSyncBytes: number;
  /** Grows whenever the folder's content changes (local or pulled). */
  sequence: number;
  errors: number;
  pullErrors?: number;
}

export interface Completion {
  completion: number;
  needItems: number;
  needBytes: number;
  globalBytes: number;
}

export interface DeviceConfig {
  deviceID: string;
  name: string;
  addresses: string[];
  autoAcceptFolders: boolean;
  introducer: boolean;
}

export interface FolderConfig {
  id: string;
  label: string;
  path: string;
  type: 'sendonly' | 'receiveonly' | 'sendreceive';
  devices: Array<{ deviceID: string }>;
  rescanIntervalS: number;
  fsWatcherEnabled: boolean;
  fsWatcherDelayS: number;
}

export interface Connection {
  connected: boolean;
  address: string;
}

export class SyncthingError extends Error {}

export class SyncthingClient {
  constructor(
    private readonly baseUrl: string,
    private readonly key: string,
  ) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { 'X-API-Key': this.key, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) throw new SyncthingError(`${method} ${path}: ${res.status} ${await res.text()}`);
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** This Syncthing's device id, and when it started (a restart changes it). */
  status(): Promise<{ myID: string; startTime: string }> {
    return this.call('GET', '/rest/system/status');
  }

  devices(): Promise<DeviceConfig[]> {
    return this.call('GET', '/rest/config/devices');
  }

  putDevice(device: Partial<DeviceConfig> & { deviceID: string }): Promise<void> {
    return this.call('PUT', `/rest/config/devices/${encodeURIComponent(device.deviceID)}`, device);
  }

  deleteDevice(id: string): Promise<void> {
    return this.call('DELETE', `/rest/config/devices/${encodeURIComponent(id)}`);
  }

  folders(): Promise<FolderConfig[]> {
    return this.call('GET', '/rest/config/folders');
  }

  putFolder(folder: FolderConfig): Promise<void> {
    return this.call('PUT', `/rest/config/folders/${encodeURIComponent(folder.id)}`, folder);
  }

  deleteFolder(id: string): Promise<void> {
    return this.call('DELETE', `/rest/config/folders/${encodeURIComponent(id)}`);
  }

  folderStatus(folder: string): Promise<FolderStatus> {
    return this.call('GET', `/rest/db/status?folder=${encodeURIComponent(folder)}`);
  }

  /** How far this box is from the folder's global state (no device: this box). */
  completion(folder: string): Promise<Completion> {
    return this.call('GET', `/rest/db/completion?folder=${encodeURIComponent(folder)}`);
  }

  scan(folder: string): Promise<void> {
    return this.call('POST', `/rest/db/scan?folder=${encodeURIComponent(folder)}`);
  }

  async connections(): Promise<Record<string, Connection>> {
    return (
      await this.call<{ connections: Record<string, Connection> }>(
        'GET',
        '/rest/system/connections',
      )
    ).connections;
  }

  /** Boxes that tried to connect without being in the list (refused by Syncthing). */
  async pendingDevices(): Promise<string[]> {
    return Object.keys(
      await this.call<Record<string, unknown>>('GET', '/rest/cluster/pending/devices'),
    );
  }
}
