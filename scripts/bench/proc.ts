import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';

/** Every child this benchmark starts, so that only they are stopped (never by name). */
const children = new Set<ChildProcess>();

export function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** Stops one child we started, by its pid; SIGKILL if it lingers. */
export async function stop(child: ChildProcess, timeoutMs = 3000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  await exited;
  clearTimeout(timer);
}

export async function stopAll(): Promise<void> {
  await Promise.all([...children].map((c) => stop(c)));
}

/** Resident memory of a process in MB, from /proc (what the kernel really charges). */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 'NaN');
  return kb / 1024;
}

/**
 * CPU seconds (user + system) a process has used, from /proc/<pid>/stat. Dividing by the
 * requests served gives a cost per request that does not depend on what else the
 * machine is running, unlike requests per second.
 */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the file, 12 and 13 after "pid (comm) ".
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** One GET; resolves with the status code (0 when the connection failed). */
export function probe(url: string, timeoutMs = 1000): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false, timeout: timeoutMs }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

/** Polls in a tight loop until the URL answers 200; returns the ms since `since`. */
export async function waitFor200(url: string, since: number, limitMs = 30_000): Promise<number> {
  while (performance.now() - since < limitMs) {
    if ((await probe(url, 500)) === 200) return performance.now() - since;
    await new Promise((r) => setTimeout(r, 2));
  }
  throw new Error(`${url} n'a pas répondu en ${limitMs} ms`);
}

export function has(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** Installs Debian packages if a command is missing (the benchmark runs as root). */
export function ensureDebianPackage(command: string, pkg: string, log: (l: string) => void): void {
  if (has(command)) return;
  log(`${command} absent : apt-get install -y ${pkg}`);
  const result = spawnSync('apt-get', ['install', '-y', pkg], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0 || !has(command)) throw new Error(`Impossible d'installer ${pkg}`);
}

export function startPinned(
  core: number,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
): ChildProcess {
  return track(
    spawn('taskset', ['-c', String(core), command, ...args], {
      env,
      cwd,
      stdio: ['ignore', 'ignore', 'pipe'],
    }),
  );
}

/** Runs a command to completion and returns its stdout. */
export function run(
  command: string,
  args: string[],
  cwd?: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = track(spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] }));
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
