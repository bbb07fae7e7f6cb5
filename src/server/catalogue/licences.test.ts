import { describe, expect, it } from 'vitest';
import { negotiateLang } from '../i18n/lang.js';
import {
  allLicences,
  allowedByPolicy,
  explainLicence,
  getLicence,
  licenceBadgeSvg,
} from './licences.js';
import { fold, slugify, sortKey, toFtsQuery } from './text.js';

describe('licences', () => {
  it('knows CC 2.0/3.0/4.0 with every variant, CC0, the public domain and the Public Domain Mark', () => {
    for (const id of [
      'CC0-1.0',
      'public-domain',
      'PDM-1.0',
      'CC-BY-2.0',
      'CC-BY-SA-3.0',
      'CC-BY-NC-ND-4.0',
      'CC-BY-NC-SA-2.0',
      'CC-BY-ND-3.0',
    ]) {
      expect(getLicence(id), id).toBeDefined();
    }
    expect(allLicences().length).toBe(22);
  });

  it('explains each licence in plain French and English, saying what is allowed and what is asked', () => {
    expect(explainLicence('CC-BY-4.0', 'fr')).toBe(
      "Vous pouvez copier, partager et modifier cette œuvre, même pour un usage commercial, à condition de citer l'auteur et la licence.",
    );
    expect(explainLicence('CC-BY-SA-4.0', 'fr')).toContain(
      'et de partager vos modifications sous la même licence',
    );
    expect(explainLicence('CC-BY-NC-4.0', 'fr')).toContain('mais pas pour un usage commercial');
    expect(explainLicence('CC-BY-ND-4.0', 'fr')).toMatch(
      /^Vous pouvez copier et partager cette œuvre telle quelle.*Vous n'avez pas le droit de la modifier\.$/,
    );
    expect(explainLicence('public-domain', 'fr')).toMatch(
      /^Cette œuvre est dans le domaine public : ses droits d'auteur ont pris fin/,
    );
    expect(explainLicence('CC0-1.0', 'en')).toMatch(/^The author has waived all rights/);
    // The two public-domain entries say they are the same thing, in plain words.
    expect(getLicence('PDM-1.0')?.name).toContain('Domaine public');
    expect(explainLicence('PDM-1.0', 'fr')).toContain(
      "«\u00a0Public Domain Mark 1.0\u00a0» n'est pas une licence : c'est l'étiquette de Creative Commons",
    );
    expect(explainLicence('PDM-1.0', 'en')).toContain('is not a licence');
    expect(explainLicence('WTFPL', 'fr')).toContain("n'est pas connue");
    for (const l of allLicences()) {
      expect(explainLicence(l.id, 'fr').length, l.id).toBeGreaterThan(40);
      expect(explainLicence(l.id, 'en').length, l.id).toBeGreaterThan(40);
    }
  });

  it('applies the licence policy: free culture only, or every Creative Commons licence', () => {
    expect(allowedByPolicy('CC-BY-SA-4.0', 'free-culture')).toBe(true);
    expect(allowedByPolicy('CC-BY-NC-4.0', 'free-culture')).toBe(false);
    expect(allowedByPolicy('CC-BY-ND-3.0', 'free-culture')).toBe(false);
    expect(allowedByPolicy('CC-BY-NC-4.0', 'all-cc')).toBe(true);
    expect(allowedByPolicy('LAL-1.3', 'free-culture')).toBe(true);
    expect(allowedByPolicy('Proprietary', 'all-cc')).toBe(false);
  });

  it('draws a badge for each licence, readable without colour', () => {
    const svg = licenceBadgeSvg('CC-BY-SA-4.0');
    expect(svg).toContain('>CC BY-SA<');
    expect(svg).toContain('aria-label="CC BY-SA 4.0"');
    expect(licenceBadgeSvg('nope')).toBeUndefined();
  });
});

describe('text helpers', () => {
  it('folds accents and case, makes slugs and sort keys', () => {
    expect(fold('Forêt ÉTÉ')).toBe('foret ete');
    expect(slugify('Démarches en ligne !')).toBe('demarches-en-ligne');
    expect(sortKey('Le Horla')).toBe('horla');
    expect(sortKey("L'Étranger")).toBe('etranger');
  });
  it('turns visitor text into a safe FTS query', () => {
    expect(toFtsQuery('forêt')).toEqual({ exact: '"forêt"', prefix: '"forêt"*' });
    expect(toFtsQuery('NEAR(a OR "b")')).toEqual({
      exact: '"NEAR" "a" "OR" "b"',
      prefix: '"NEAR"* "a"* "OR"* "b"*',
    });
    expect(toFtsQuery('  -- ** ')).toBeNull();
  });
});

describe('language negotiation', () => {
  it('is French first, English when preferred, French for anything else', () => {
    expect(negotiateLang(undefined)).toBe('fr');
    expect(negotiateLang('en-US,en;q=0.9')).toBe('en');
    expect(negotiateLang('fr-CA,en;q=0.5')).toBe('fr');
    expect(negotiateLang('de,en;q=0.3,fr;q=0.8')).toBe('fr');
    expect(negotiateLang('es')).toBe('fr');
    expect(negotiateLang('en;q=0')).toBe('fr');
  });
});
