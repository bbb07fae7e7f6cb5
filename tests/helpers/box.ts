import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp } from '../../src/server/app.js';
import type { NewWork } from '../../src/server/catalogue/types.js';
import { makeConfig, type configSchema } from '../../src/server/config.js';
import type { Context } from '../../src/server/context.js';
import type { Clock } from '../../src/server/core/clock.js';
import { openBox } from '../../src/server/core/open-box.js';
import { silentLogger } from '../../src/server/log.js';
import { listen, type RunningServer } from '../../src/server/server.js';
import type { z } from 'zod';

export interface TestBox {
  dir: string;
  ctx: Context;
  app: ReturnType<typeof createApp>;
  /** Starts a real HTTP server on a free loopback port. */
  listen(): Promise<RunningServer>;
  cleanup(): Promise<void>;
}

/** A box of its own for one test: temp folder, freshly migrated SQLite file, real paths. */
export function makeTestBox(
  overrides: Partial<z.input<typeof configSchema>> = {},
  clock: Clock = { now: () => new Date() },
): TestBox {
  const dir = mkdtempSync(path.join(tmpdir(), 'lanterne-test-'));
  const config = makeConfig({
    dataDir: path.join(dir, 'data'),
    contentDir: path.join(dir, 'content'),
    mediaDir: path.join(dir, 'media'),
    port: 0,
    host: '127.0.0.1',
    ...overrides,
  });
  const box = openBox({ config, clock, log: silentLogger });
  const { ctx } = box;
  const app = createApp(ctx);
  const servers: RunningServer[] = [];
  return {
    dir,
    ctx,
    app,
    async listen() {
      const running = await listen(ctx, 0, '127.0.0.1');
      servers.push(running);
      return running;
    },
    async cleanup() {
      for (const s of servers) await s.close();
      box.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface TestFile {
  name: string;
  content: Buffer | string;
  mime: string;
  format?: string;
}

export type TestWork = Omit<NewWork, 'files' | 'coverPath' | 'coverMime'> & {
  files: TestFile[];
  cover?: TestFile;
};

/**
 * Puts works straight into the catalogue with real files on disk, bypassing the pack
 * pipeline (which has its own tests): for portal, download and OPDS tests.
 */
export function addWorks(ctx: Context, packId: string, works: TestWork[], version = '1.0.0'): void {
  const dir = `${packId}@${version}`;
  const root = path.join(ctx.paths.packsDir, dir);
  const write = (file: TestFile, sub: string) => {
    const rel = `${sub}/${file.name}`;
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), file.content);
    return rel;
  };
  const newWorks: NewWork[] = works.map((w) => {
    const files = w.files.map((f) => {
      const content = Buffer.from(f.content);
      return {
        path: write(f, w.id),
        name: f.name,
        format: f.format ?? path.extname(f.name).slice(1),
        mime: f.mime,
        size: content.length,
        sha256: createHash('sha256').update(content).digest('hex'),
      };
    });
    return {
      ...w,
      files,
      coverPath: w.cover ? write(w.cover, `${w.id}/cover`) : null,
      coverMime: w.cover ? w.cover.mime : null,
    };
  });
  ctx.catalogue.installPack(
    {
      id: packId,
      version,
      title: `Pack ${packId}`,
      description: '',
      publisher: 'tests',
      languages: ['fr'],
      created: '2026-01-01',
      dir,
      manifestSha256: '0'.repeat(64),
      origin: 'local',
    },
    newWorks,
  );
}

/** A minimal work with sensible defaults. */
export function work(id: string, title: string, extra: Partial<TestWork> = {}): TestWork {
  return {
    id,
    title,
    description: '',
    language: 'fr',
    type: 'book',
    licence: 'CC-BY-4.0',
    attribution: `« ${title} », CC BY 4.0`,
    source: '',
    published: null,
    authors: [{ name: 'Autrice Test', role: 'author' }],
    themes: [],
    files: [{ name: `${id}.txt`, content: `contenu de ${title}`, mime: 'text/plain' }],
    ...extra,
  };
}
