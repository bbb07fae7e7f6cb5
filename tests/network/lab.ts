import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { addWorks, makeTestBox, type TestWork } from '../helpers/box.js';

/**
 * A box and a phone on this machine, each in its own network namespace, joined by a
 * veth pair (the "Wi-Fi"): the box runs the real dnsmasq with the configuration that
 * deploy/render.mjs generates and the real Lanterne server on port 80; the phone gets
 * its address by DHCP (busybox udhcpc) and resolves names through the box.
 * Only addresses inside these namespaces are used (10.77.x.0/24).
 */
export interface Lab {
  boxNs: string;
  phoneNs: string;
  boxIp: string;
  /** What the phone got from DHCP. */
  lease: Record<string, string>;
  /** Runs a command inside the phone's namespace (its resolv.conf points at the box). */
  phone(
    cmd: string,
    args: string[],
    options?: { timeoutMs?: number },
  ): { status: number | null; stdout: string; stderr: string };
  /** Runs a command inside the box's namespace. */
  box(cmd: string, args: string[]): { status: number | null; stdout: string; stderr: string };
  /** The server's data folder (its SQLite database). */
  dataDir: string;
  /** The server's process id (ip netns exec and setpriv exec into it). */
  serverPid: number;
  /** The systemd unit rendered for this lab (the server runs under its privileges). */
  serviceUnit: string;
  /** Starts a long command inside the phone's namespace. */
  spawnInPhone(cmd: string, args: string[], env?: NodeJS.ProcessEnv): ChildProcess;
  works: TestWork[];
  /** Stops the server with SIGTERM, as systemd does, and says how it ended. */
  stopServer(): Promise<{ code: number | null; signal: NodeJS.Signals | null; log: string }>;
  close(): Promise<void>;
}

/** The unprivileged user the server runs as here (the box has its own `lanterne`). */
export const SERVICE_UID = 65534;

/**
 * The rendered unit's privilege settings as `setpriv` arguments, so the server runs
 * here the way systemd runs it on the box: another user, only the capabilities the
 * unit grants, no new privileges. (The rest of the sandbox needs systemd itself.)
 */
export function sandboxFromUnit(unit: string, uid = SERVICE_UID): string[] {
  const value = (key: string) => new RegExp(`^${key}=(.*)$`, 'm').exec(unit)?.[1]?.trim() ?? '';
  const caps = (key: string) =>
    value(key)
      .split(/\s+/)
      .filter(Boolean)
      .map((c) => `+${c.replace(/^CAP_/, '').toLowerCase()}`)
      .join(',');
  const list = (key: string) => ['-all', caps(key)].filter(Boolean).join(',');
  const args = [
    `--reuid=${uid}`,
    `--regid=${uid}`,
    '--clear-groups',
    `--inh-caps=${list('AmbientCapabilities')}`,
    `--ambient-caps=${list('AmbientCapabilities')}`,
    `--bounding-set=${list('CapabilityBoundingSet')}`,
  ];
  if (value('NoNewPrivileges') === 'yes') args.push('--no-new-privs');
  return args;
}

const ROOT = path.resolve(import.meta.dirname, '../..');

function sh(
  cmd: string,
  args: string[],
  timeoutMs = 30_000,
): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: timeoutMs });
  return {
    status: r.status,
    stdout: r.stdout ?? '',
    stderr: r.stderr ?? (r.error ? String(r.error) : ''),
  };
}

function must(cmd: string, args: string[]): string {
  const r = sh(cmd, args);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} : ${r.stderr.trim()}`);
  return r.stdout;
}

/** Null when namespaces work here; otherwise the reason (for a visible skip). */
export function netnsUnavailable(): string | null {
  for (const tool of ['ip', 'dnsmasq', 'busybox', 'curl', 'setpriv', 'getent']) {
    if (sh('sh', ['-c', `command -v ${tool}`]).status !== 0) return `${tool} absent (voir .ci/run)`;
  }
  const probe = `lt-probe-${randomBytes(3).toString('hex')}`;
  const r = sh('ip', ['netns', 'add', probe]);
  if (r.status !== 0)
    return `espaces de noms réseau interdits ici (ip netns add : ${r.stderr.trim()})`;
  sh('ip', ['netns', 'del', probe]);
  return null;
}

/** A few works with real files; one is large enough for ranged, resumed downloads. */
export function labWorks(): TestWork[] {
  const big = randomBytes(3 * 1024 * 1024);
  const books: TestWork[] = [];
  for (let i = 0; i < 12; i++) {
    books.push({
      id: `conte-${i}`,
      title: `Conte numéro ${i} de la lanterne`,
      description: 'Un conte libre pour les tests du réseau.',
      language: 'fr',
      type: 'book',
      licence: 'CC-BY-4.0',
      attribution: `« Conte ${i} », CC BY 4.0`,
      source: '',
      published: null,
      authors: [{ name: 'Autrice Réseau', role: 'author' }],
      themes: [],
      files: [
        {
          name: `conte-${i}.txt`,
          content: `Il était une fois la lanterne numéro ${i}.\n`.repeat(200),
          mime: 'text/plain',
        },
      ],
    });
  }
  books.push({
    id: 'grand-film',
    title: 'Grand film libre',
    description: 'Un gros fichier pour reprendre un téléchargement.',
    language: 'fr',
    type: 'video',
    licence: 'CC-BY-4.0',
    attribution: '« Grand film libre », CC BY 4.0',
    source: '',
    published: null,
    authors: [{ name: 'Studio Réseau', role: 'author' }],
    themes: [],
    files: [{ name: 'grand-film.bin', content: big, mime: 'application/octet-stream' }],
  });
  return books;
}

async function waitFor(what: string, check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`délai dépassé : ${what}`);
}

function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Builds the lab; on any failure everything built so far is torn down. */
export async function startLab(): Promise<Lab> {
  const id = randomBytes(3).toString('hex');
  const subnet = 1 + (parseInt(id.slice(0, 2), 16) % 250);
  const boxNs = `lt-box-${id}`;
  const phoneNs = `lt-ph-${id}`;
  const boxIf = `ltb${id}`;
  const phoneIf = `ltp${id}`;
  const boxIp = `10.77.${subnet}.1`;
  const temp = mkdtempSync(path.join(tmpdir(), 'lanterne-lab-'));
  const netnsEtc = path.join('/etc/netns', phoneNs);
  let dnsmasq: ChildProcess | undefined;
  let server: ChildProcess | undefined;
  let serverLog = '';

  const close = async () => {
    await stopChild(server);
    await stopChild(dnsmasq);
    sh('ip', ['netns', 'del', phoneNs]);
    sh('ip', ['netns', 'del', boxNs]);
    rmSync(netnsEtc, { recursive: true, force: true });
    rmSync(temp, { recursive: true, force: true });
  };

  try {
    must('ip', ['netns', 'add', boxNs]);
    must('ip', ['netns', 'add', phoneNs]);
    must('ip', ['link', 'add', boxIf, 'type', 'veth', 'peer', 'name', phoneIf]);
    must('ip', ['link', 'set', boxIf, 'netns', boxNs]);
    must('ip', ['link', 'set', phoneIf, 'netns', phoneNs]);
    must('ip', ['-n', boxNs, 'addr', 'add', `${boxIp}/24`, 'dev', boxIf]);
    for (const [ns, dev] of [
      [boxNs, boxIf],
      [boxNs, 'lo'],
      [phoneNs, phoneIf],
      [phoneNs, 'lo'],
    ] as const) {
      must('ip', ['-n', ns, 'link', 'set', dev, 'up']);
    }

    // The same generator as on a real box, with the lab's addresses and interface.
    const rendered = path.join(temp, 'rendered');
    const sets = {
      BOX_IP: boxIp,
      DHCP_START: `10.77.${subnet}.50`,
      DHCP_END: `10.77.${subnet}.150`,
      WIFI_INTERFACE: boxIf,
    };
    must(process.execPath, [
      path.join(ROOT, 'deploy/render.mjs'),
      '--conf',
      path.join(ROOT, 'deploy/lanterne.conf.example'),
      '--out',
      rendered,
      ...Object.entries(sets).flatMap(([k, v]) => ['--set', `${k}=${v}`]),
    ]);
    dnsmasq = spawn(
      'ip',
      [
        'netns',
        'exec',
        boxNs,
        'dnsmasq',
        '--keep-in-foreground',
        `--conf-file=${path.join(rendered, 'dnsmasq-standalone.conf')}`,
        `--dhcp-leasefile=${path.join(temp, 'leases')}`,
        `--pid-file=${path.join(temp, 'dnsmasq.pid')}`,
        '--user=root',
        '--group=root',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );

    // A box with works: a freshly migrated database filled in this process, then
    // handed to the real server started inside the box's namespace.
    const box = makeTestBox();
    const works = labWorks();
    addWorks(box.ctx, 'reseau', works);
    box.ctx.db.close();
    const media = path.join(temp, 'media');
    const content = path.join(temp, 'content');
    mkdirSync(media, { recursive: true });
    mkdirSync(content, { recursive: true });
    const dataDir = path.join(temp, 'data');
    rmSync(dataDir, { recursive: true, force: true });
    must('cp', ['-a', path.join(box.dir, 'data'), dataDir]);
    rmSync(box.dir, { recursive: true, force: true });
    // The service user owns its data and nothing else (ReadWritePaths in the unit).
    chmodSync(temp, 0o755);
    must('chown', ['-R', `${SERVICE_UID}:${SERVICE_UID}`, dataDir]);
    const unit = readFileSync(path.join(rendered, 'lanterne.service'), 'utf8');

    server = spawn(
      'ip',
      [
        'netns',
        'exec',
        boxNs,
        'setpriv',
        ...sandboxFromUnit(unit),
        process.execPath,
        '--import',
        'tsx',
        path.join(ROOT, 'src/server/main.ts'),
      ],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          LANTERNE_PORT: '80',
          LANTERNE_HOST: '0.0.0.0',
          LANTERNE_DATA_DIR: dataDir,
          LANTERNE_CONTENT_DIR: content,
          LANTERNE_MEDIA_DIR: media,
          LANTERNE_PUBLIC_URL: 'http://lanterne.lan',
          LANTERNE_LOG_LEVEL: 'info',
          HOME: dataDir,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    server.stdout?.on('data', (d: Buffer) => (serverLog += d.toString()));
    server.stderr?.on('data', (d: Buffer) => (serverLog += d.toString()));
    const running = server;

    // The phone joins: DHCP from the box's dnsmasq.
    const leaseFile = path.join(temp, 'lease');
    const dhcp = spawnSync(
      'ip',
      [
        'netns',
        'exec',
        phoneNs,
        'busybox',
        'udhcpc',
        '-i',
        phoneIf,
        '-n',
        '-q',
        '-f',
        '-t',
        '10',
        '-T',
        '1',
        '-O',
        '114',
        '-s',
        path.join(ROOT, 'tests/network/udhcpc-script.sh'),
      ],
      { encoding: 'utf8', env: { ...process.env, LEASE_FILE: leaseFile }, timeout: 30_000 },
    );
    if (dhcp.status !== 0 || !existsSync(leaseFile))
      throw new Error(`DHCP : pas de bail (${dhcp.stderr})`);
    const lease: Record<string, string> = {};
    for (const line of readFileSync(leaseFile, 'utf8').split('\n')) {
      const eq = line.indexOf('=');
      if (eq > 0) lease[line.slice(0, eq)] = line.slice(eq + 1);
    }
    // Like a phone, use the DNS server DHCP gave: ip netns exec mounts this resolv.conf.
    mkdirSync(netnsEtc, { recursive: true });
    writeFileSync(path.join(netnsEtc, 'resolv.conf'), `nameserver ${lease['dns'] ?? ''}\n`);

    await waitFor(
      'le serveur Lanterne écoute dans la boîte',
      () => {
        if (running.exitCode !== null) throw new Error(`le serveur s'est arrêté :\n${serverLog}`);
        return (
          sh('ip', [
            'netns',
            'exec',
            phoneNs,
            'curl',
            '-s',
            '-o',
            '/dev/null',
            '--max-time',
            '2',
            `http://${boxIp}/bienvenue`,
          ]).status === 0
        );
      },
      60_000,
    );

    return {
      boxNs,
      phoneNs,
      boxIp,
      lease,
      works,
      serviceUnit: unit,
      serverPid: running.pid ?? 0,
      dataDir,
      box: (cmd, args) => sh('ip', ['netns', 'exec', boxNs, cmd, ...args]),
      stopServer: async () => {
        const exited = running.exitCode !== null || running.signalCode !== null;
        const ended = exited
          ? Promise.resolve()
          : new Promise<void>((resolve) => running.once('exit', () => resolve()));
        running.kill('SIGTERM');
        await ended;
        return { code: running.exitCode, signal: running.signalCode, log: serverLog };
      },
      phone: (cmd, args, options) =>
        sh('ip', ['netns', 'exec', phoneNs, cmd, ...args], options?.timeoutMs ?? 30_000),
      spawnInPhone: (cmd, args, env) =>
        spawn('ip', ['netns', 'exec', phoneNs, cmd, ...args], {
          cwd: ROOT,
          env: { ...process.env, ...env },
          stdio: ['ignore', 'pipe', 'pipe'],
        }),
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}
