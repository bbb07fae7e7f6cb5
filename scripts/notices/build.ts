/**
 * Writes the starter notices into content/notices/<id>/ (notice.json + step-N.svg),
 * computing each picture's SHA-256 and each marker's box as fractions of its picture.
 * Run: npx tsx scripts/notices/build.ts
 */
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { NOTICE_FORMAT, noticeSchema, type NoticeInput } from '../../src/server/notices/format.js';
import { appRoot } from '../../src/server/paths.js';
import { KIOSK, PHONE, svgDocument } from './kit.js';
import { STARTERS } from './starter.js';

const round = (v: number) => Math.round(v * 10_000) / 10_000;
const clamp = (v: number) => Math.min(1, Math.max(0, v));

const root = path.join(appRoot(), 'content', 'notices');
for (const make of STARTERS) {
  const draft = make();
  const dir = path.join(root, draft.id);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const steps: NoticeInput['steps'] = draft.steps.map((step, i) => {
    const size = step.size === 'kiosk' ? KIOSK : PHONE;
    const file = `etape-${i + 1}.svg`;
    const svg = svgDocument(size.width, size.height, step.svg, step.alt);
    writeFileSync(path.join(dir, file), svg);
    return {
      action: step.action,
      picture: {
        path: file,
        sha256: createHash('sha256').update(svg).digest('hex'),
        width: size.width,
        height: size.height,
        alt: step.alt,
      },
      markers: step.markers.map((m) => {
        const [x, y, w, h] = m.box;
        const fx = clamp(round(x / size.width));
        const fy = clamp(round(y / size.height));
        return {
          shape: m.shape,
          gesture: m.gesture,
          colour: m.colour,
          x: fx,
          y: fy,
          w: round(Math.min(w / size.width, 1 - fx)),
          h: round(Math.min(h / size.height, 1 - fy)),
          ...(m.direction ? { direction: m.direction } : {}),
        };
      }),
      ...(step.tip ? { tip: step.tip } : {}),
      ...(step.warning ? { warning: step.warning } : {}),
      ...(step.result ? { result: step.result } : {}),
    };
  });
  const { steps: _drafts, ...meta } = draft;
  const notice: NoticeInput = {
    format: NOTICE_FORMAT,
    version: '1.0.0',
    language: 'fr',
    licence: 'CC-BY-SA-4.0',
    authors: ['Projet Lanterne'],
    ...meta,
    steps,
  };
  const parsed = noticeSchema.safeParse(notice);
  if (!parsed.success) throw new Error(`${draft.id}: ${parsed.error.message}`);
  writeFileSync(path.join(dir, 'notice.json'), `${JSON.stringify(notice, null, 2)}\n`);
  console.log(`${draft.id}: ${steps.length} étapes`);
}
