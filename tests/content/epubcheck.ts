import { execFile } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface EpubcheckResult {
  ok: boolean;
  fatals: number;
  errors: number;
  warnings: number;
  output: string;
}

/**
 * Debian's `epubcheck` is a jar linked into /usr/bin; it runs directly only where the
 * kernel knows how to start jars (binfmt), so we start it with `java -jar` ourselves.
 * Undefined when epubcheck is not installed.
 */
export function findEpubcheck(): string[] | undefined {
  const bin = process.env['EPUBCHECK'] ?? '/usr/bin/epubcheck';
  if (!existsSync(bin)) return undefined;
  const real = realpathSync(bin);
  // A short-lived JVM: the quick compiler tier and the serial collector halve its CPU time.
  return real.endsWith('.jar')
    ? ['java', '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-jar', real]
    : [real];
}

export async function epubcheck(command: string[], file: string): Promise<EpubcheckResult> {
  const [exe, ...args] = command;
  if (!exe) throw new Error('empty epubcheck command');
  let output: string;
  try {
    const { stdout, stderr } = await run(exe, [...args, file], { maxBuffer: 16 * 1024 * 1024 });
    output = stdout + stderr;
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    output = `${e.stdout ?? ''}${e.stderr ?? ''}` || e.message;
  }
  const counts = /Messages: (\d+) fatals? \/ (\d+) errors? \/ (\d+) warnings?/.exec(output);
  const [fatals, errors, warnings] = counts
    ? [Number(counts[1]), Number(counts[2]), Number(counts[3])]
    : [1, 0, 0];
  return {
    ok: counts !== null && fatals + errors + warnings === 0,
    fatals,
    errors,
    warnings,
    output,
  };
}
