import { describe, expect, it } from 'vitest';
import { guessLicence } from './licence-map.js';

describe('guessLicence: rights prose → licence, or a question', () => {
  it.each([
    ['CC BY-SA 4.0', 'CC-BY-SA-4.0'],
    ['https://creativecommons.org/licenses/by-sa/4.0/', 'CC-BY-SA-4.0'],
    ['creativecommons.org/licenses/by-nc-nd/3.0', 'CC-BY-NC-ND-3.0'],
    ['CC0 1.0 Universal', 'CC0-1.0'],
    ['domaine public', 'public-domain'],
    ['Public domain', 'public-domain'],
    ['CC-BY-4.0', 'CC-BY-4.0'],
    ['Licence Art Libre', 'LAL-1.3'],
    ['Creative Commons Attribution-ShareAlike 4.0 International', 'CC-BY-SA-4.0'],
  ])('« %s » → %s, no question asked', (text, licence) => {
    expect(guessLicence(text)).toEqual({ licence, note: '' });
  });

  it('maps long prose that names CC0 explicitly, flagged for a check', () => {
    const g = guessLicence(
      'The author of this recording dedicates it to the worldwide public domain under the CC0 1.0 Universal dedication; do with it what you like, no permission needed.',
    );
    expect(g.licence).toBe('CC0-1.0');
    expect(g.note).toMatch(/^à vérifier/);
  });

  it('never guesses from prose that only says "public domain" at length', () => {
    const g = guessLicence(
      'This text was first printed long ago and we believe it to be in the public domain, but please check the rules where you live.',
    );
    expect(g.licence).toBe('');
    expect(g.note).toMatch(/^à confirmer/);
  });

  it('asks when the prose names CC0 but limits the public domain to the United States (Standard Ebooks)', () => {
    const g = guessLicence(
      'The source text and artwork in this ebook are believed to be in the United States public domain; they may still be copyrighted in other countries. The creators dedicate their contributions via the [CC0 1.0 Universal Public Domain Dedication](https://creativecommons.org/publicdomain/zero/1.0/).',
    );
    expect(g.licence).toBe('');
    expect(g.note).toMatch(/^à confirmer.*CC0-1\.0.*États-Unis/);
  });

  it('asks when two licences are named, and for unknown text', () => {
    expect(guessLicence('CC BY 4.0 or CC BY-SA 4.0, at your choice').licence).toBe('');
    const g = guessLicence('Tous droits réservés');
    expect(g).toMatchObject({ licence: '' });
    expect(g.note).toMatch(/^à confirmer : licence non reconnue/);
  });
});
