import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NoticePdfMaker } from '../../src/server/notices/pdf.js';

const dirs: string[] = [];
afterEach(() => {
  delete process.env['CHROMIUM_PATH'];
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('notice PDFs when Chromium fails', () => {
  it('does not start Chromium again for every visitor after a failure', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lanterne-pdf-'));
    dirs.push(dir);
    const runs = path.join(dir, 'runs');
    const fake = path.join(dir, 'chromium');
    writeFileSync(fake, `#!/bin/sh\necho run >> "${runs}"\nexit 1\n`);
    chmodSync(fake, 0o755);
    process.env['CHROMIUM_PATH'] = fake;
    const maker = new NoticePdfMaker(path.join(dir, 'cache'), 60_000);
    await expect(maker.pdf('wifi', '1', 'http://127.0.0.1:1/x')).rejects.toThrow();
    await expect(maker.pdf('wifi', '1', 'http://127.0.0.1:1/x')).rejects.toThrow(
      /échoué récemment/,
    );
    expect(readFileSync(runs, 'utf8').trim().split('\n')).toHaveLength(1);
    const retrying = new NoticePdfMaker(path.join(dir, 'cache'), 0);
    await expect(retrying.pdf('wifi', '1', 'http://127.0.0.1:1/x')).rejects.toThrow();
    expect(readFileSync(runs, 'utf8').trim().split('\n')).toHaveLength(2);
  });
});
