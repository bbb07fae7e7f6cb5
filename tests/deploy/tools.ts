import { spawnSync } from 'node:child_process';

/** Whether a command exists here (CI installs them all: see .ci/run). */
export function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).status === 0;
}

/**
 * In CI a missing tool is a failure (the test would otherwise vanish silently);
 * elsewhere the test is skipped with a message saying why (the caller calls `t.skip()` on
 * false, so it shows as skipped, never as passed).
 */
export function requireTool(name: string): boolean {
  if (hasCommand(name)) return true;
  if (process.env['CI']) throw new Error(`${name} est requis en CI (voir .ci/run)`);
  console.warn(`[deploy] ${name} absent : test sauté (installez-le pour le lancer)`);
  return false;
}

export function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(cmd, args, {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}
