import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCAL_PACK_ID, LocalNotices, newDraft } from '../../src/server/notices/admin/local.js';
import { fieldProblems } from '../../src/server/notices/admin/problems.js';
import { makeTestBox, type TestBox } from '../helpers/box.js';
import { STARTER_DIR } from './helpers.js';
import type { Draft } from '../../src/server/notices/admin/local.js';

const require_ = (file: string) => readFileSync(file);
const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const newDraftFrom = (dir: string) =>
  JSON.parse(readFileSync(path.join(dir, 'notice.json'), 'utf8')) as Draft;

let box: TestBox | undefined;
afterEach(async () => {
  await box?.cleanup();
  box = undefined;
});

describe('the editor’s messages', () => {
  it('says what is missing in French, per field, never as a validator path', () => {
    const draft = newDraft('essai', '');
    draft.authors = [];
    draft.devices = [];
    draft.remember = ['x'.repeat(400)];
    draft.steps = [
      {
        action: 'Touchez Oui {2}.',
        picture: { path: '', sha256: '', width: 0, height: 0, alt: '' },
        markers: [
          { shape: 'circle', gesture: 'tap', colour: 'rouge', x: 0.9, y: 0.5, w: 0.3, h: 0.1 },
        ],
      },
      {
        action: '',
        picture: { path: 'image-1.png', sha256: 'abc', width: 3, height: 3, alt: '' },
        markers: [],
      },
    ];
    const problems = fieldProblems(draft);
    expect(Object.fromEntries(problems)).toEqual({
      title: 'Écrivez un titre.',
      summary: 'Écrivez un résumé : deux ou trois phrases courtes.',
      authors: 'Écrivez au moins un auteur, par exemple le nom de la bibliothèque.',
      devices: 'Cochez au moins un appareil.',
      remember: 'Une phrase à retenir est trop longue : 300 caractères au plus.',
      's1.picture': 'Ajoutez une image pour cette étape.',
      's1.m1': 'Repère 1 : le repère dépasse de l’image (x + w et y + h doivent rester ≤ 1).',
      's1.action': 'Le texte cite le repère {2} mais l’étape n’a pas de repère de ce numéro.',
      's2.action': 'Écrivez l’action de cette étape.',
      's2.picture': 'Cette image ne convient pas : envoyez-en une autre (PNG, JPEG, WebP ou GIF).',
    });
    for (const message of problems.values()) {
      expect(message).not.toMatch(/Too|expected|Invalid|›|steps|picture/);
      expect(message).toMatch(/^[A-ZÉ].*[.]$/u);
    }
  });
});

describe('drafts and publication on the box', () => {
  it('shows visitors only what was published, and keeps the draft when unpublished', () => {
    box = makeTestBox();
    const local = new LocalNotices(box.ctx.paths.dataDir, box.ctx.notices);
    const starter = path.join(STARTER_DIR, 'wifi-de-la-boite');
    const id = local.copyFrom(
      { notice: newDraftFrom(starter), dir: starter },
      'Le Wi-Fi de chez nous',
    );
    expect(box.ctx.notices.get(id)).toBeUndefined();
    const published = local.publish(id);
    expect(published.ok).toBe(true);
    expect(box.ctx.notices.get(id)?.packId).toBe(LOCAL_PACK_ID);
    // An edit stays in the draft.
    const draft = local.read(id);
    if (!draft) throw new Error('draft');
    local.save({ ...draft, summary: 'Un autre résumé.' });
    expect(local.hasUnpublishedChanges(id)).toBe(true);
    expect(box.ctx.notices.get(id)?.notice.summary).not.toBe('Un autre résumé.');
    local.unpublish(id);
    expect(box.ctx.notices.get(id)).toBeUndefined();
    expect(local.read(id)?.summary).toBe('Un autre résumé.');
    // A draft that is not valid is refused, nothing changes for visitors.
    local.save({ ...draft, summary: '' });
    const refused = local.publish(id);
    expect(refused.ok).toBe(false);
    expect(box.ctx.notices.get(id)).toBeUndefined();
  });

  it('keeps visible, on upgrade, the notices visitors already saw', () => {
    box = makeTestBox();
    // A box from before publication: the drafts folder itself was the installed pack.
    const drafts = path.join(box.ctx.paths.dataDir, 'notices-local');
    mkdirSync(drafts, { recursive: true });
    cpSync(path.join(STARTER_DIR, 'wifi-de-la-boite'), path.join(drafts, 'wifi-de-la-boite'), {
      recursive: true,
    });
    const local = new LocalNotices(box.ctx.paths.dataDir, box.ctx.notices);
    const ref = (id: string) => {
      const data = require_(path.join(drafts, id, 'notice.json'));
      return { id, path: `${id}/notice.json`, size: data.length, sha256: sha(data) };
    };
    box.ctx.notices.installPack(LOCAL_PACK_ID, drafts, { notices: [ref('wifi-de-la-boite')] });
    expect(box.ctx.notices.get('wifi-de-la-boite')).toBeDefined();
    expect(existsSync(local.publishedDir)).toBe(false);
    local.upgradeOnce();
    expect(local.isPublished('wifi-de-la-boite')).toBe(true);
    const after = box.ctx.notices.get('wifi-de-la-boite');
    expect(after?.dir).toBe(path.join(local.publishedDir, 'wifi-de-la-boite'));
    expect(
      box.ctx.notices.mediaFile(after!, 1, 'picture') &&
        existsSync(box.ctx.notices.mediaFile(after!, 1, 'picture')!),
    ).toBe(true);
  });
});
