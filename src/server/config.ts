import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * The box's configuration: one schema over a JSON config file and the environment,
 * parsed once in `main.ts` and passed down read-only.
 *
 * Precedence: environment variables > config file > defaults.
 * The config file is `LANTERNE_CONFIG`, else `<dataDir>/lanterne.config.json` if present.
 */
export const configSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(8080),
  host: z.string().min(1).default('0.0.0.0'),
  dataDir: z.string().min(1).default('./data'),
  contentDir: z.string().min(1).default('./content'),
  /** Where USB sticks are mounted (watched for packs). */
  mediaDir: z.string().min(1).default('/media'),
  /** The address visitors type, shown on QR codes and in the captive portal. */
  publicUrl: z.string().url().default('http://lanterne.lan'),
  /** Hostnames that are "the box" (anything else is a captive-portal probe or a stray name). */
  hostnames: z.array(z.string()).default(['lanterne.lan', 'lanterne.local', 'localhost']),
  /** Defaults for what the animateur can later change in the admin area. */
  library: z
    .object({
      name: z.string().default('Lanterne'),
      address: z.string().default(''),
      openingHours: z.string().default(''),
      contact: z.string().default(''),
      wifiName: z.string().default('Lanterne'),
    })
    .prefault({}),
  /** Packs must carry a free-culture licence, or any Creative Commons licence. */
  licencePolicy: z.enum(['free-culture', 'all-cc']).default('free-culture'),
  /** Port of the box's own kiwix-serve (ZIM encyclopaedias), always on 127.0.0.1. */
  kiwixPort: z.coerce.number().int().min(0).max(65535).default(8091),
  /**
   * `child`: the box starts kiwix-serve itself (development, tests); `service`: systemd
   * runs it (`lanterne-kiwix.service`, deploy/) and the box only rewrites its library.
   */
  kiwixMode: z.enum(['child', 'service']).default('child'),
  /**
   * The box's Syncthing (network of boxes, issue 20): its GUI/REST API on 127.0.0.1 at
   * `syncthingApiPort`; boxes reach each other on `syncthingSyncPort` (TCP and QUIC) on
   * `syncthingListenHost` ('' = every interface). `child`: the box runs it; `service`:
   * systemd does (deploy/), the box only talks to its API.
   */
  syncthingApiPort: z.coerce.number().int().min(0).max(65535).default(8093),
  syncthingSyncPort: z.coerce.number().int().min(0).max(65535).default(22000),
  syncthingListenHost: z.string().default(''),
  /** Boxes find each other on the local network (off in tests: nothing leaves loopback). */
  syncthingLocalDiscovery: z.boolean().default(true),
  syncthingMode: z.enum(['child', 'service']).default('child'),
  /** How often the box asks its Syncthing where the shared folders stand. */
  reseauPollMs: z.coerce.number().int().min(100).max(600_000).default(5000),
  kioskIdleSeconds: z.coerce.number().int().min(30).max(3600).default(120),
  logLevel: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});

export type Config = Readonly<z.infer<typeof configSchema>>;

const ENV_KEYS: Record<string, keyof z.input<typeof configSchema>> = {
  LANTERNE_PORT: 'port',
  PORT: 'port',
  LANTERNE_HOST: 'host',
  LANTERNE_DATA_DIR: 'dataDir',
  LANTERNE_CONTENT_DIR: 'contentDir',
  LANTERNE_MEDIA_DIR: 'mediaDir',
  LANTERNE_PUBLIC_URL: 'publicUrl',
  LANTERNE_LICENCE_POLICY: 'licencePolicy',
  LANTERNE_KIWIX_PORT: 'kiwixPort',
  LANTERNE_KIWIX_MODE: 'kiwixMode',
  LANTERNE_SYNCTHING_API_PORT: 'syncthingApiPort',
  LANTERNE_SYNCTHING_SYNC_PORT: 'syncthingSyncPort',
  LANTERNE_SYNCTHING_LISTEN_HOST: 'syncthingListenHost',
  LANTERNE_SYNCTHING_MODE: 'syncthingMode',
  LANTERNE_KIOSK_IDLE_SECONDS: 'kioskIdleSeconds',
  LANTERNE_LOG_LEVEL: 'logLevel',
};

export class ConfigError extends Error {}

/** Reads the config file and environment; throws `ConfigError` with a readable message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const fromEnv: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(ENV_KEYS)) {
    const value = env[key];
    if (value !== undefined && value !== '' && fromEnv[field] === undefined) fromEnv[field] = value;
  }
  const dataDir = String(fromEnv['dataDir'] ?? './data');
  const file =
    env['LANTERNE_CONFIG'] ?? path.join(path.resolve(cwd, dataDir), 'lanterne.config.json');
  let fromFile: Record<string, unknown> = {};
  if (existsSync(file)) {
    try {
      fromFile = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch (err) {
      throw new ConfigError(
        `Fichier de configuration illisible (${file}) : ${(err as Error).message}`,
      );
    }
  } else if (env['LANTERNE_CONFIG']) {
    throw new ConfigError(`Fichier de configuration introuvable : ${file}`);
  }
  const parsed = configSchema.safeParse({ ...fromFile, ...fromEnv });
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (i) => `- ${i.path.join('.') || '(racine)'} : ${i.message}`,
    );
    throw new ConfigError(`Configuration invalide :\n${lines.join('\n')}`);
  }
  const config = parsed.data;
  return Object.freeze({
    ...config,
    dataDir: path.resolve(cwd, config.dataDir),
    contentDir: path.resolve(cwd, config.contentDir),
    mediaDir: path.resolve(cwd, config.mediaDir),
  });
}

/** A config for tests and tools: defaults plus overrides, no file or environment read. */
export function makeConfig(overrides: Partial<z.input<typeof configSchema>> = {}): Config {
  return Object.freeze(configSchema.parse(overrides));
}

/**
 * Where the external tools are, as the environment says (`CHROMIUM_PATH`, `ESPEAK_PATH`;
 * `ESPEAK_PATH=''` means "no speech"). Read when a tool is about to be used rather than
 * once, so a tool installed or removed while the box runs is seen at the next use; this
 * file stays the only one that reads the environment.
 */
export function toolOverrides(env: NodeJS.ProcessEnv = process.env): {
  chromium: string | undefined;
  espeak: string | undefined;
} {
  return { chromium: env['CHROMIUM_PATH'], espeak: env['ESPEAK_PATH'] };
}
