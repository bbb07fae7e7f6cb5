import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkNotice, checkText } from '../../src/server/notices/falc.js';
import { parseNotice } from '../../src/server/notices/format.js';
import { STARTER_DIR, starterIds } from './helpers.js';

describe('FALC helper', () => {
  it('flags long sentences, initials, abbreviations, special characters, numbers and jargon', () => {
    const codes = (t: string) => checkText(t).map((w) => `${w.code}:${w.excerpt}`);
    expect(
      codes(
        'Cliquez sur l’icône en haut à droite de votre écran pour ouvrir le menu du téléphone.',
      ),
    ).toEqual([
      'long-sentence:Cliquez sur l’icône en haut à droite de votre écran pour ouvrir le menu du téléphone.',
      'jargon:cliquez',
      'jargon:icône',
    ]);
    expect(codes('Tapez l’URL de la SNCF.')).toEqual([
      'abbreviation:URL',
      'abbreviation:SNCF',
      'jargon:url',
    ]);
    expect(codes('Prenez des photos, etc.')).toEqual(['abbreviation:etc.']);
    expect(codes('Payez 1500 euros & gagnez 100 %.')).toEqual([
      'special-character:&',
      'large-number:1500',
      'large-number:100 %',
    ]);
  });

  it('leaves plain sentences, colour references and web addresses alone', () => {
    expect(checkText('Touchez Réglages {1}.')).toEqual([]);
    expect(checkText('Écrivez lanterne.lan {1}. Touchez Aller {2}.')).toEqual([]);
    expect(checkText('Touchez le bouton du haut. Il monte le son.')).toEqual([]);
  });

  it('finds no warning in any starter notice (actions, tips, warnings, results, titles)', () => {
    for (const id of starterIds()) {
      const parsed = parseNotice(
        JSON.parse(readFileSync(path.join(STARTER_DIR, id, 'notice.json'), 'utf8')),
      );
      if (!parsed.ok) throw new Error(`${id}: ${parsed.error}`);
      const warnings = checkNotice(parsed.notice).map((w) => `${id} ${w.where}: ${w.message}`);
      expect(warnings).toEqual([]);
    }
  });

  it('says where each warning is', () => {
    const warnings = checkNotice({
      title: 'La CAF',
      summary: 'Simple.',
      steps: [{ action: 'Touchez OK.', tip: 'Voir etc.' }],
    });
    expect(warnings.map((w) => `${w.where}|${w.code}`)).toEqual([
      'titre|abbreviation',
      'étape 1 › action|abbreviation',
      'étape 1 › astuce|abbreviation',
    ]);
  });
});
