import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  noticeJsonSchema,
  parseNotice,
  parseNoticeText,
  type NoticeInput,
} from '../../src/server/notices/format.js';
import { appRoot } from '../../src/server/paths.js';
import { makeTestBox, type TestBox } from '../helpers/box.js';
import { STARTER_DIR, installStarters, refOf, starterIds } from './helpers.js';

function starter(id: string): NoticeInput {
  return JSON.parse(readFileSync(path.join(STARTER_DIR, id, 'notice.json'), 'utf8')) as NoticeInput;
}

describe('notice format', () => {
  it('accepts every starter notice, with 3 to 8 steps, free licence, our authors', () => {
    const ids = starterIds();
    expect(ids.length).toBeGreaterThanOrEqual(10);
    for (const id of ids) {
      const parsed = parseNotice(starter(id));
      expect(parsed.ok, `${id}: ${parsed.ok ? '' : parsed.error}`).toBe(true);
      if (!parsed.ok) continue;
      expect(parsed.notice.steps.length).toBeGreaterThanOrEqual(3);
      expect(parsed.notice.steps.length).toBeLessThanOrEqual(8);
      expect(parsed.notice.licence).toBe('CC-BY-SA-4.0');
      expect(parsed.notice.authors).toEqual(['Projet Lanterne']);
      for (const step of parsed.notice.steps) expect(step.markers.length).toBeGreaterThan(0);
    }
  });

  it('keeps advice out of the steps: "À retenir" is its own list, schema-checked', () => {
    const fraud = parseNotice(starter('message-frauduleux'));
    if (!fraud.ok) throw new Error(fraud.error);
    expect(fraud.notice.remember.length).toBeGreaterThanOrEqual(4);
    expect(fraud.notice.remember.join(' ')).toContain('code secret');
    // The steps left are actions: each has a marker the reader acts on, not just looks at.
    for (const step of fraud.notice.steps)
      expect(step.markers.some((m) => m.gesture !== 'look')).toBe(true);
    const withRef = { ...starter('message-frauduleux'), remember: ['Regardez le rouge {1}.'] };
    const refused = parseNotice(withRef);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toContain('remember › n° 1 : pas de repère {n}');
    const tooMany = { ...starter('message-frauduleux'), remember: Array(9).fill('Une phrase.') };
    expect(parseNotice(tooMany).ok).toBe(false);
    // The published schema carries the field.
    const schema = JSON.parse(
      readFileSync(path.join(appRoot(), 'docs', 'notice.schema.json'), 'utf8'),
    ) as { properties: Record<string, { maxItems?: number }> };
    expect(schema.properties['remember']?.maxItems).toBe(8);
  });

  it('says what is wrong, in French, with where it is', () => {
    const broken = starter('wifi-de-la-boite');
    const step = broken.steps[1];
    if (!step?.markers?.[0]) throw new Error('fixture');
    step.markers[0].x = 1.4;
    broken.licence = 'WTFPL-9';
    const parsed = parseNotice(broken);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error).toContain('étape 2 › repère 1 › x : entre 0 et 1');
    expect(parsed.error).toContain('licence : licence inconnue');
  });

  it('refuses a colour reference to a marker the step does not have', () => {
    const broken = starter('wifi-de-la-boite');
    if (!broken.steps[0]) throw new Error('fixture');
    broken.steps[0].action = 'Touchez le bouton {3}.';
    const parsed = parseNotice(broken);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.error).toContain('étape 1 › action : le texte cite le repère {3}');
  });

  it('refuses paths that climb out, and unreadable JSON', () => {
    const broken = starter('wifi-de-la-boite');
    if (!broken.steps[0]) throw new Error('fixture');
    broken.steps[0].picture.path = '../../etc/passwd.png';
    expect(parseNotice(broken).ok).toBe(false);
    const text = parseNoticeText('{"format": "lanterne-notice/1",');
    expect(text.ok).toBe(false);
    if (!text.ok) expect(text.error).toMatch(/^JSON illisible/);
  });

  it('publishes an up-to-date JSON Schema in docs/', () => {
    const published = JSON.parse(
      readFileSync(path.join(appRoot(), 'docs', 'notice.schema.json'), 'utf8'),
    ) as unknown;
    expect(published).toEqual(JSON.parse(JSON.stringify(noticeJsonSchema())));
  });
});

describe('notices pack hook', () => {
  let box: TestBox;
  afterEach(async () => box.cleanup());

  it('is registered on the context and installs every starter notice', () => {
    box = makeTestBox();
    expect(box.ctx.packHooks.map((h) => h.name)).toContain('notices');
    const { errors } = installStarters(box.ctx);
    expect(errors).toEqual([]);
    expect(
      box.ctx.notices
        .list()
        .map((n) => n.id)
        .sort(),
    ).toEqual(starterIds());
  });

  it('skips a broken notice with a recorded French error, and the rest still loads', () => {
    box = makeTestBox();
    const packDir = path.join(box.ctx.paths.packsDir, 'mixte@1.0.0');
    const { refs } = installStarters(box.ctx, 'mixte', [
      'wifi-de-la-boite',
      'appel-video',
      'livre-audio',
    ]);
    // 1. invalid content; 2. a picture whose checksum is wrong; 3. a path out of the pack.
    const bad = starter('appel-video');
    bad.title = '';
    writeFileSync(path.join(packDir, 'notices/appel-video/notice.json'), JSON.stringify(bad));
    writeFileSync(
      path.join(packDir, 'notices/livre-audio/etape-2.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg"/>',
    );
    mkdirSync(path.join(packDir, 'notices/evade'), { recursive: true });
    const manifest = {
      notices: [
        refOf(packDir, 'notices/wifi-de-la-boite/notice.json', 'wifi-de-la-boite'),
        refOf(packDir, 'notices/appel-video/notice.json', 'appel-video'),
        refs[2] ?? refOf(packDir, 'notices/livre-audio/notice.json', 'livre-audio'),
        {
          id: 'evade',
          path: '../../../etc/passwd',
          size: 1,
          sha256: createHash('sha256').update('x').digest('hex'),
        },
      ],
    };
    const hook = box.ctx.packHooks.find((h) => h.name === 'notices');
    box.ctx.db.transaction(() => hook?.install('mixte', packDir, { ...manifest } as never))();
    expect(box.ctx.notices.list().map((n) => n.id)).toEqual(['wifi-de-la-boite']);
    const errors = box.ctx.notices.errors();
    expect(errors.map((e) => e.notice_id).sort()).toEqual(['appel-video', 'evade', 'livre-audio']);
    const byId = new Map(errors.map((e) => [e.notice_id, e.message]));
    expect(byId.get('appel-video')).toBe('notice invalide : title : texte vide');
    expect(byId.get('livre-audio')).toBe('étape 2 : empreinte SHA-256 fausse pour etape-2.svg');
    expect(byId.get('evade')).toBe('chemin de notice refusé (il sort du pack)');

    hook?.remove('mixte');
    expect(box.ctx.notices.list()).toEqual([]);
    expect(box.ctx.notices.errors()).toEqual([]);
  });

  it('refuses a notice whose JSON does not match the manifest checksum', () => {
    box = makeTestBox();
    const { packDir } = installStarters(box.ctx, 'p', ['wifi-de-la-boite']);
    const ref = refOf(packDir, 'notices/wifi-de-la-boite/notice.json', 'wifi-de-la-boite');
    const errors = box.ctx.notices.installPack('p', packDir, {
      notices: [{ ...ref, sha256: '0'.repeat(64) }],
    });
    expect(errors[0]?.message).toMatch(/empreinte SHA-256 de la notice ne correspond pas/);
    expect(box.ctx.notices.list()).toEqual([]);
  });

  it('keeps one pack from taking over a notice id another pack provides', () => {
    box = makeTestBox();
    installStarters(box.ctx, 'premier', ['wifi-de-la-boite']);
    const { errors } = installStarters(box.ctx, 'second', ['wifi-de-la-boite']);
    expect(errors[0]?.message).toBe(
      'une notice « wifi-de-la-boite » est déjà fournie par le pack premier',
    );
    expect(box.ctx.notices.get('wifi-de-la-boite')?.packId).toBe('premier');
  });

  it('serves a recorded audio from the pack and prefers it to speech made on the box', async () => {
    box = makeTestBox();
    const { packDir } = installStarters(box.ctx, 'voix', ['livre-audio']);
    const notice = starter('livre-audio');
    const wav = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(60, 1)]);
    writeFileSync(path.join(packDir, 'notices/livre-audio/etape-1.wav'), wav);
    if (!notice.steps[0]) throw new Error('fixture');
    notice.steps[0].audio = {
      path: 'etape-1.wav',
      sha256: createHash('sha256').update(wav).digest('hex'),
    };
    writeFileSync(path.join(packDir, 'notices/livre-audio/notice.json'), JSON.stringify(notice));
    const ref = refOf(packDir, 'notices/livre-audio/notice.json', 'livre-audio');
    expect(box.ctx.notices.installPack('voix', packDir, { notices: [ref] })).toEqual([]);
    const api = (await (await box.app.request('/api/notices/livre-audio')).json()) as {
      notice: { steps: Array<{ audioUrl: string | null; speechUrl: string | null }> };
    };
    expect(api.notice.steps[0]).toMatchObject({
      audioUrl: '/notices/livre-audio/audio/1',
      speechUrl: null,
    });
    const res = await box.app.request('/notices/livre-audio/audio/1');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('audio/wav');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(wav);
    // The phone page offers the recording too.
    expect(await (await box.app.request('/fr/notices/livre-audio')).text()).toContain(
      'src="/notices/livre-audio/audio/1"',
    );
  });
});
