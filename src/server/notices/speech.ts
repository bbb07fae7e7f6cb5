import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { toolOverrides } from '../config.js';

const run = promisify(execFile);

const CANDIDATES = ['/usr/bin/espeak-ng', '/usr/local/bin/espeak-ng'];

/** espeak-ng, when the box has it: the "Lire à voix haute" button hides without it. */
export function espeakPath(): string | null {
  const fromEnv = toolOverrides().espeak;
  if (fromEnv !== undefined) return fromEnv && existsSync(fromEnv) ? fromEnv : null;
  return CANDIDATES.find((c) => existsSync(c)) ?? null;
}

/**
 * Speech made on the box for a step's text, cached per notice version and step. The
 * text comes from an installed, validated notice, passed as one argument (no shell).
 */
export class SpeechMaker {
  private readonly running = new Map<string, Promise<string>>();

  constructor(private readonly cacheDir: string) {}

  async wav(key: string, text: string, voice: string): Promise<string> {
    const file = path.join(this.cacheDir, `${key}.wav`);
    const ready = await stat(file).catch(() => null);
    if (ready?.isFile() && ready.size > 0) return file;
    let job = this.running.get(file);
    if (!job) {
      job = this.make(file, text, voice).finally(() => this.running.delete(file));
      this.running.set(file, job);
    }
    return job;
  }

  private async make(file: string, text: string, voice: string): Promise<string> {
    const espeak = espeakPath();
    if (!espeak) throw new Error('espeak-ng absent');
    await mkdir(this.cacheDir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    try {
      // Slightly slower than the default (175 words/min): easier to follow for seniors.
      await run(espeak, ['-v', voice, '-s', '140', '-w', tmp, '--', text], { timeout: 30_000 });
      await rename(tmp, file);
      return file;
    } finally {
      await rm(tmp, { force: true });
    }
  }
}
