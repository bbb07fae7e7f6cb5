import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../kiosk-ui/lib/i18n.js';
import { typeLabel } from '../server/portal/components.js';
import { WORK_TYPES, isWorkType, workTypeLabel, workTypeLabels } from './work-types.js';

describe('work-type labels: one table', () => {
  it('names every type in both languages, singular and plural', () => {
    for (const lang of ['fr', 'en'] as const)
      for (const type of WORK_TYPES) {
        expect(workTypeLabel(lang, type)).toMatch(/^\p{Lu}/u);
        expect(workTypeLabel(lang, type, true)).toMatch(/^\p{Lu}/u);
      }
    expect(workTypeLabel('fr', 'video', true)).toBe('Vidéos');
    expect(workTypeLabel('en', 'book')).toBe('Book');
    expect(workTypeLabel('fr', 'inconnu')).toBe('inconnu');
    expect(isWorkType('book')).toBe(true);
    expect(isWorkType('toString')).toBe(false);
  });

  it('the portal and the kiosk read the same table', () => {
    for (const lang of ['fr', 'en'] as const) {
      expect(MESSAGES[lang].types).toEqual(workTypeLabels(lang));
      for (const type of WORK_TYPES)
        expect(typeLabel(lang, type, true)).toBe(workTypeLabel(lang, type, true));
    }
  });
});

it('mime: one lookup through mime-types', async () => {
  const { contentTypeOf, mimeOf, typesOf } = await import('../server/core/mime.js');
  expect(mimeOf('a/b/Livre.EPUB')).toBe('application/epub+zip');
  expect(mimeOf('x.avif')).toBe('image/avif');
  expect(mimeOf('sans-extension')).toBe('application/octet-stream');
  expect(contentTypeOf('app.css')).toBe('text/css; charset=utf-8');
  expect(contentTypeOf('x.png')).toBe('image/png');
  expect(typesOf(['.opus', 'm4a'])).toEqual({ '.opus': 'audio/ogg', m4a: 'audio/mp4' });
});
