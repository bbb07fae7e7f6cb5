import { describe, expect, it } from 'vitest';
import { writeAll } from './copy.js';

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
