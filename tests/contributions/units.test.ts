import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { chooseLicence } from '../../src/server/contributions/licence-choice.js';
import {
  newReceiptCode,
  normaliseReceipt,
  receiptHash,
} from '../../src/server/contributions/receipt.js';
import { sniffContribution } from '../../src/server/contributions/sniff.js';
import { Throttle } from '../../src/server/contributions/throttle.js';

const dir = mkdtempSync(path.join(tmpdir(), 'lanterne-contrib-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function epub(entries: Array<[string, string]>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from('application/epub+zip'), 'mimetype', { compress: false });
  for (const [name, text] of entries) zip.addBuffer(Buffer.from(text), name);
  zip.end();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

async function sniff(data: Buffer) {
  const file = path.join(dir, `f-${Math.random()}`);
  writeFileSync(file, data);
  return sniffContribution(data, file);
}

describe('licence chooser', () => {
  it('yields CC0, CC BY and CC BY-SA under the free-culture policy', () => {
    expect(chooseLicence({ credit: 'free', modify: '', commercial: '' }, 'free-culture')).toEqual({
      ok: true,
      licence: 'CC0-1.0',
    });
    expect(
      chooseLicence({ credit: 'name', modify: 'yes', commercial: 'yes' }, 'free-culture'),
    ).toEqual({ ok: true, licence: 'CC-BY-4.0' });
    expect(
      chooseLicence({ credit: 'name', modify: 'same', commercial: 'yes' }, 'free-culture'),
    ).toEqual({ ok: true, licence: 'CC-BY-SA-4.0' });
  });
  it('refuses NC and ND unless the box accepts every Creative Commons licence', () => {
    const nc = { credit: 'name', modify: 'same', commercial: 'no' };
    expect(chooseLicence(nc, 'free-culture')).toMatchObject({ ok: false, field: 'commercial' });
    expect(chooseLicence(nc, 'all-cc')).toEqual({ ok: true, licence: 'CC-BY-NC-SA-4.0' });
    expect(
      chooseLicence({ credit: 'name', modify: 'no', commercial: 'yes' }, 'free-culture'),
    ).toMatchObject({ ok: false, field: 'modify' });
    expect(chooseLicence({ credit: 'name', modify: 'no', commercial: 'no' }, 'all-cc')).toEqual({
      ok: true,
      licence: 'CC-BY-NC-ND-4.0',
    });
  });
  it('asks each question it needs', () => {
    expect(chooseLicence({ credit: '', modify: '', commercial: '' }, 'all-cc')).toMatchObject({
      ok: false,
      field: 'credit',
    });
    expect(
      chooseLicence({ credit: 'name', modify: 'maybe', commercial: 'yes' }, 'all-cc'),
    ).toMatchObject({ ok: false, field: 'modify' });
  });
});

describe('receipt codes', () => {
  it('are read back whatever the case and dashes, and only their hash is kept', () => {
    const code = newReceiptCode();
    expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    expect(normaliseReceipt(` ${code.toLowerCase().replace('-', ' ')} `)).toBe(
      code.replace('-', ''),
    );
    expect(receiptHash(code.toLowerCase())).toBe(receiptHash(code));
    expect(receiptHash(code)).not.toContain(code.replace('-', ''));
    expect(normaliseReceipt('O0O0O-11111')).toBeNull();
  });
});

describe('throttle', () => {
  it('forgets a device after the window, and never keeps its address', () => {
    let now = 0;
    const t = new Throttle(1000, () => now);
    t.hit('10.0.0.7');
    t.hit('10.0.0.7');
    expect(t.count('10.0.0.7')).toBe(2);
    expect(t.count('10.0.0.8')).toBe(0);
    expect(
      JSON.stringify([...(t as unknown as { seen: Map<string, number[]> }).seen.keys()]),
    ).not.toContain('10.0.0.7');
    now = 1500;
    expect(t.count('10.0.0.7')).toBe(0);
  });
});

describe('sniffing proposals', () => {
  it('accepts an EPUB by its content', async () => {
    const data = await epub([
      ['META-INF/container.xml', '<container/>'],
      ['OEBPS/ch1.xhtml', '<p>Bonjour</p>'],
    ]);
    expect(await sniff(data)).toEqual({ ok: true, file: { kind: 'epub', ext: 'epub' } });
  });
  it('refuses an EPUB carrying a program or a dangerous name', async () => {
    expect(await sniff(await epub([['OEBPS/setup.exe', 'MZ']]))).toMatchObject({
      ok: false,
      message: expect.stringContaining('programme'),
    });
    expect(await sniff(await epub([['OEBPS/a\u0007b.xhtml', 'x']]))).toMatchObject({
      ok: false,
      message: expect.stringContaining('dangereux'),
    });
  });
  it('knows audio files by their first bytes', async () => {
    expect(
      await sniff(Buffer.concat([Buffer.from('ID3\x04\x00', 'latin1'), Buffer.alloc(100, 1)])),
    ).toMatchObject({ ok: true, file: { kind: 'audio', ext: 'mp3' } });
    expect(
      await sniff(Buffer.concat([Buffer.from('OggS', 'latin1'), Buffer.alloc(100, 1)])),
    ).toMatchObject({ ok: true, file: { ext: 'ogg' } });
    expect(
      await sniff(Buffer.concat([Buffer.from('fLaC', 'latin1'), Buffer.alloc(100, 1)])),
    ).toMatchObject({ ok: true, file: { ext: 'flac' } });
  });
  it('refuses a PDF with an attached file and text with control characters', async () => {
    expect(
      await sniff(Buffer.from('%PDF-1.7\n<< /Names << /EmbeddedFiles 3 0 R >> >>')),
    ).toMatchObject({ ok: false });
    expect(await sniff(Buffer.from('bonjour\u0000\u0001'))).toMatchObject({ ok: false });
  });
  it('refuses a ZIP that is not an EPUB', async () => {
    const zip = new yazl.ZipFile();
    zip.addBuffer(Buffer.from('x'), 'a.txt');
    zip.end();
    const data = await new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = [];
      zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
      zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    });
    expect(await sniff(data)).toMatchObject({ ok: false });
  });
});
