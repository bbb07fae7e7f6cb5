import type { ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cpuSeconds, startPinned, stop, waitFor200 } from './proc.js';

export interface LanterneRun {
  child: ChildProcess;
  pid: number;
  firstAnswerMs: number;
  /** CPU the process used until that first answer: its start time on a core of its own. */
  startCpuMs: number;
  stderr: () => string;
}

/**
 * Starts the built server (`dist/server/main.js`, or `entry`) pinned to core 0 over the bench data
 * folder, with an empty content folder (no demo pack import) and no USB folder.
 * Returns once `/` answers 200, with the time from spawn to that first answer.
 */
export async function startLanterne(opts: {
  root: string;
  benchDir: string;
  dataDir: string;
  port: number;
  /** The script to run, from `root` (the box's build by default). */
  entry?: string;
  env?: NodeJS.ProcessEnv;
}): Promise<LanterneRun> {
  const content = path.join(opts.benchDir, 'content-vide');
  const media = path.join(opts.benchDir, 'media-vide');
  mkdirSync(content, { recursive: true });
  mkdirSync(media, { recursive: true });
  // The captive portal treats unknown Host headers as probes: declare the loopback name.
  writeFileSync(
    path.join(opts.dataDir, 'lanterne.config.json'),
    JSON.stringify({
      hostnames: ['127.0.0.1', 'localhost', 'lanterne.lan'],
      publicUrl: `http://127.0.0.1:${opts.port}`,
    }),
  );
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    LANTERNE_DATA_DIR: opts.dataDir,
    LANTERNE_CONTENT_DIR: content,
    LANTERNE_MEDIA_DIR: media,
    LANTERNE_PORT: String(opts.port),
    LANTERNE_HOST: '127.0.0.1',
    LANTERNE_LOG_LEVEL: 'warn',
    ...opts.env,
  };
  const started = performance.now();
  const child = startPinned(
    0,
    process.execPath,
    [path.join(opts.root, opts.entry ?? 'dist/server/main.js')],
    env,
    opts.root,
  );
  let err = '';
  child.stderr?.on('data', (d: Buffer) => {
    if (err.length < 20_000) err += d.toString();
  });
  try {
    const firstAnswerMs = await waitFor200(`http://127.0.0.1:${opts.port}/`, started, 30_000);
    // taskset execs node in place: the child's pid is the server's pid.
    const pid = child.pid ?? 0;
    return { child, pid, firstAnswerMs, startCpuMs: cpuSeconds(pid) * 1000, stderr: () => err };
  } catch (e) {
    await stop(child);
    throw new Error(`${(e as Error).message}\n${err}`);
  }
}
