import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyVerified, writeAll } from './copy.js';
import { SmallCopiers } from './copy-workers.js';
import type { PlannedFile } from './inspect.js';
import { FolderReader } from './read/folder.js';

describe('writeAll', () => {
  it('carries on after a short write until every byte is written', async () => {
    const out: number[] = [];
    const calls: Array<[number, number]> = [];
    await writeAll(async (data, offset, length) => {
      calls.push([offset, length]);
      const n = Math.min(length, 3);
      out.push(...data.subarray(offset, offset + n));
      return n;
    }, Buffer.from('0123456789'));
    expect(Buffer.from(out).toString()).toBe('0123456789');
    expect(calls).toEqual([
      [0, 10],
      [3, 7],
      [6, 4],
      [9, 1],
    ]);
  });

  it('reports the error of the write after a short one (a disk that filled up)', async () => {
    let first = true;
    const full = Object.assign(new Error('no space'), { code: 'ENOSPC' });
    await expect(
      writeAll(async (_data, _offset, length) => {
        if (!first) throw full;
        first = false;
        return length - 1;
      }, Buffer.alloc(8)),
    ).rejects.toBe(full);
  });

  it('never loops on a write that makes no progress', async () => {
    await expect(writeAll(async () => 0, Buffer.alloc(4))).rejects.toThrow(/arrêtée après 0/);
  });
});

describe('copyVerified', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'lanterne-copy-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** A folder with a few small files and one large one, planned as the import plans them. */
  async function planned(sha256Of: (rel: string, real: string) => string = (_r, s) => s) {
    const src = path.join(dir, 'src');
    const files = new Map<string, Buffer>([
      ...Array.from({ length: 70 }, (_, i): [string, Buffer] => [
        `livres/l${i}.epub`,
        Buffer.alloc(1000 + i * 37, i),
      ]),
      ['videos/film.mp4', Buffer.alloc(3 * 1024 * 1024 + 5, 7)],
    ]);
    const reader = new FolderReader(src);
    const plan: PlannedFile[] = [];
    for (const [rel, data] of files) {
      mkdirSync(path.dirname(path.join(src, rel)), { recursive: true });
      writeFileSync(path.join(src, rel), data);
      const sha256 = sha256Of(rel, createHash('sha256').update(data).digest('hex'));
      plan.push({
        ref: { path: rel, size: data.length, sha256 },
        located: await reader.locate(rel),
      });
    }
    return { reader, plan, files };
  }

  for (const withWorkers of [true, false]) {
    const how = withWorkers ? 'with worker threads' : 'on the main thread';

    it(`copies every file, counted once (${how})`, async () => {
      const { reader, plan, files } = await planned();
      const copiers = withWorkers ? SmallCopiers.start(2) : null;
      const root = path.join(dir, withWorkers ? 'w' : 'm');
      let bytes = 0;
      try {
        await copyVerified(reader, plan, root, { copiers, onBytes: (n) => (bytes += n) });
      } finally {
        await copiers?.close();
      }
      for (const [rel, data] of files)
        expect(readFileSync(path.join(root, rel)).equals(data)).toBe(true);
      expect(bytes).toBe([...files.values()].reduce((n, d) => n + d.length, 0));
    });

    it(`stops on a file whose checksum does not match (${how})`, async () => {
      const { reader, plan } = await planned((rel, real) =>
        rel === 'livres/l42.epub' ? 'a'.repeat(64) : real,
      );
      const copiers = withWorkers ? SmallCopiers.start(2) : null;
      try {
        await expect(
          copyVerified(reader, plan, path.join(dir, 'out'), { copiers, onBytes: () => undefined }),
        ).rejects.toMatchObject({
          problem: { code: 'checksum-mismatch', file: 'livres/l42.epub' },
        });
      } finally {
        await copiers?.close();
      }
    });
  }
});

describe('SmallCopiers', () => {
  it('a stopped worker fails the batch instead of leaving the copy waiting', async () => {
    const copiers = SmallCopiers.start(1);
    expect(copiers).not.toBeNull();
    await copiers?.close();
    await expect(copiers?.copy(0, [])).rejects.toThrow(/arrêté/);
  });
});
