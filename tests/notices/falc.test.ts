import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionVerbs, checkAction, checkNotice, checkText } from '../../src/server/notices/falc.js';
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
    expect(checkText('Touchez Réglages, entouré en rouge {1}.')).toEqual([]);
    expect(checkText('Écrivez lanterne.lan, encadré en rouge {1}. Le bleu {2} aussi.')).toEqual([]);
    expect(checkText('Touchez le bouton du haut. Il monte le son.')).toEqual([]);
  });

  it('flags every verb of a step that does several actions, and not a step of one action', () => {
    const bad = checkAction('Touchez le fichier et cliquez sur Ouvrir puis téléchargez-le.');
    expect(bad.filter((w) => w.code === 'several-actions').map((w) => w.excerpt)).toEqual([
      'touchez',
      'cliquez',
      'téléchargez-le',
    ]);
    expect(bad.find((w) => w.code === 'several-actions')?.message).toContain(
      'une étape a une seule action (ici 3 : touchez, cliquez, téléchargez-le)',
    );
    expect(actionVerbs('Ne touchez pas le lien. N’ouvrez jamais la pièce jointe.')).toEqual([
      'touchez',
      'ouvrez',
    ]);
    expect(actionVerbs('Faites glisser le doigt, puis écrivez votre nom.')).toEqual([
      'faites',
      'écrivez',
    ]);
    // One action, even with "vous voulez", an infinitive or a past participle.
    for (const good of [
      'Touchez le livre que vous voulez, encadré en rouge {1}.',
      'Pour faire une pause, touchez le même bouton, entouré en rouge {1}.',
      'Gardez le doigt appuyé sur le message, encadré en rouge {1}.',
      'Si vous avez un doute, attendez.',
      'Faites glisser le rond comme la flèche rouge {1}.',
    ]) {
      expect(checkAction(good), good).toEqual([]);
    }
    // Only the action is held to one verb: a tip may say two things.
    const notice = checkNotice({
      title: 'Test',
      summary: 'Simple.',
      steps: [{ action: 'Touchez Oui, entouré en rouge {1}.', tip: 'Touchez ou glissez.' }],
    });
    expect(notice).toEqual([]);
  });

  it('asks for the colour word before a marker reference, so the sentence reads naturally', () => {
    const w = checkText('Touchez le nom de la personne {1} rouge.');
    expect(w.map((x) => `${x.code}:${x.excerpt}`)).toEqual(['colour-word:{1}']);
    expect(w[0]?.message).toBe(
      'Repère {1} : écrivez sa couleur juste avant, par exemple « entouré en rouge {1} ».',
    );
    expect(checkText('Touchez le nom de la personne, entouré en rouge {1}.')).toEqual([]);
    expect(checkText('La case encadrée en bleue {2}.')).toEqual([]);
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
