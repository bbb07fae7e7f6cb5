import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearPdfMetadata, fileMetadata } from '../../src/server/contributions/inspect.js';
import { startContributions } from '../../src/server/contributions/index.js';
import { CONTRIBUTIONS } from '../../src/server/contributions/service.js';
import { makeTestBox, type TestBox } from '../helpers/box.js';
import { ANSWERS } from './helpers.js';

let box: TestBox;
beforeEach(() => {
  box = makeTestBox();
});
afterEach(() => box.cleanup());

const fields = { title: 'Mon livret', author: 'Zaza', description: '', text: '', ...ANSWERS };

async function pdfWithAuthor(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([200, 200]).drawText('Bonjour', { x: 20, y: 100 });
  doc.setAuthor('Jeanne Vraienom');
  doc.setTitle('Brouillon de Jeanne');
  doc.setCreator('Traitement de texte');
  return Buffer.from(await doc.save());
}

describe('moderating proposals', () => {
  it('shows the real name a PDF carries, and removes it from the file on request', async () => {
    const service = box.ctx.services.get(CONTRIBUTIONS);
    const result = await service.propose('10.0.0.2', fields, { data: await pdfWithAuthor() });
    expect(result.ok).toBe(true);
    const [c] = service.waiting();
    if (!c) throw new Error('no proposal');
    const file = service.fileOf(c);
    const before = await fileMetadata(c, file);
    expect(before).toContainEqual(['Auteur(s) dans le fichier', 'Jeanne Vraienom']);
    await clearPdfMetadata(file);
    const after = await fileMetadata(c, file);
    expect(JSON.stringify(after)).not.toContain('Jeanne');
    expect(readFileSync(file).includes(Buffer.from('Vraienom'))).toBe(false);
    // Still a PDF the box accepts.
    expect((await PDFDocument.load(readFileSync(file))).getPageCount()).toBe(1);
  });

  it('refuses wrong edits in French and publishes into the local pack with the attribution', async () => {
    const service = box.ctx.services.get(CONTRIBUTIONS);
    await service.propose('10.0.0.2', { ...fields, text: 'Il était une fois.' }, null);
    const [c] = service.waiting();
    if (!c) throw new Error('no proposal');
    expect(
      service.edit(c.id, { title: '  ', author: 'Zaza', description: '', licence: 'GPL' }),
    ).toEqual({
      title: 'Donnez un titre.',
      licence: 'Choisissez une licence de la liste.',
    });
    expect(
      service.edit(c.id, {
        title: 'Conte',
        author: 'Zaza',
        description: 'Court',
        licence: 'CC0-1.0',
      }),
    ).toBeNull();
    expect(await service.refuse(c.id, '   ')).toContain('Écrivez la raison');
    const published = await service.publish(c.id);
    if (!published.ok) throw new Error(published.message);
    const work = box.ctx.catalogue.work(published.workId);
    expect(work?.title).toBe('Conte');
    expect(work?.licence).toBe('CC0-1.0');
    expect(work?.attribution).toBe('« Conte », Zaza, CC0 1.0');
    expect(work?.packId).toBe('pack-local');
    expect(existsSync(service.fileOf(c))).toBe(false);
    expect(await service.publish(c.id)).toMatchObject({ ok: false });
    expect(await service.refuse(c.id, 'trop tard')).toContain('déjà été traitée');
  });

  it('clears at start what an interrupted proposal left in the quarantine', async () => {
    const service = box.ctx.services.get(CONTRIBUTIONS);
    await service.propose('10.0.0.2', { ...fields, text: 'Gardé.' }, null);
    const [kept] = service.waiting();
    writeFileSync(path.join(service.dir, '20261201-deadbeef00.upload'), 'half');
    writeFileSync(path.join(service.dir, 'contribution-x.jpg.tmp'), 'half');
    await startContributions(box.ctx);
    expect(existsSync(path.join(service.dir, '20261201-deadbeef00.upload'))).toBe(false);
    expect(existsSync(path.join(service.dir, 'contribution-x.jpg.tmp'))).toBe(false);
    expect(existsSync(service.fileOf(kept!))).toBe(true);
  });
});
