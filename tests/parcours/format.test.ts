import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/server/notices/falc.js';
import {
  checkAnswer,
  decodeProgress,
  encodeProgress,
  parcoursKey,
} from '../../src/server/parcours/assets/parcours-core.js';
import {
  parcoursJsonSchema,
  parseParcoursText,
  type Exercise,
  type Parcours,
} from '../../src/server/parcours/format.js';
import { appRoot } from '../../src/server/paths.js';

const DIR = path.join(appRoot(), 'content', 'parcours');
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function starters(): Parcours[] {
  return readdirSync(DIR).map((id) => {
    const parsed = parseParcoursText(readFileSync(path.join(DIR, id, 'parcours.json'), 'utf8'));
    if (!parsed.ok) throw new Error(`${id}: ${parsed.error}`);
    return parsed.parcours;
  });
}

function starterText(id: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(DIR, id, 'parcours.json'), 'utf8')) as Record<
    string,
    unknown
  >;
}

describe('parcours format', () => {
  it('reads the starter parcours: three levels of path, every kind of exercise, one schema', () => {
    const all = starters();
    expect(all.length).toBeGreaterThanOrEqual(3);
    const types = new Set(
      all.flatMap((p) => p.steps.flatMap((s) => (s.kind === 'exercise' ? [s.exercise.type] : []))),
    );
    expect([...types].sort()).toEqual(['choice', 'message', 'password', 'tap', 'type-word']);
    const published = JSON.parse(
      readFileSync(path.join(appRoot(), 'docs', 'parcours.schema.json'), 'utf8'),
    ) as unknown;
    // If this fails: npx tsx scripts/parcours/schema.ts
    expect(published).toEqual(JSON.parse(JSON.stringify(parcoursJsonSchema())));
  });

  it('writes the starter parcours in short plain sentences (the FALC helper finds no long one)', () => {
    for (const p of starters()) {
      const texts = [p.title, p.summary];
      for (const s of p.steps) {
        if (s.kind !== 'exercise') {
          if (s.intro) texts.push(s.intro);
          continue;
        }
        const e = s.exercise;
        texts.push(e.title, e.question, e.hint, e.success);
        if (e.type === 'choice' || e.type === 'message')
          for (const o of e.options) texts.push(o.text, ...(o.feedback ? [o.feedback] : []));
      }
      const long = texts.flatMap((t) => checkText(t).filter((w) => w.code === 'long-sentence'));
      expect(long, p.id).toEqual([]);
    }
  });

  it('says what is wrong, in French, with the step it is in', () => {
    const broken = starterText('premiers-pas');
    const steps = broken['steps'] as Array<Record<string, unknown>>;
    const tap = steps[1]?.['exercise'] as { zones: Array<{ correct?: boolean; x: number }> };
    for (const z of tap.zones) z.correct = false;
    broken['level'] = 'expert';
    const parsed = parseParcoursText(JSON.stringify(broken));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error).toContain('étape 2');
    expect(parsed.error).toContain('une seule bonne réponse attendue');
    expect(parsed.error).toMatch(/^level/);
    expect(parseParcoursText('{ pas du json').ok).toBe(false);
    // No code from packs: an unknown kind of exercise is refused, not run.
    const withScript = starterText('premiers-pas');
    expect(parseParcoursText(JSON.stringify(withScript)).ok).toBe(true);
    (withScript['steps'] as unknown[])[1] = {
      kind: 'exercise',
      exercise: { type: 'script', src: 'alert(1)' },
    };
    expect(parseParcoursText(JSON.stringify(withScript)).ok).toBe(false);
  });
});

describe('progress codes', () => {
  it('carry the parcours and the steps done, and come back from a hand-copied code', () => {
    const code = encodeProgress('premiers-pas', [1, 2, 5]);
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]$/);
    const back = decodeProgress(code.toLowerCase().replace(/-/g, ' '));
    expect(back).toEqual({ ok: true, key: parcoursKey('premiers-pas'), steps: [1, 2, 5] });
    // Every step of the longest parcours fits.
    const all = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(decodeProgress(encodeProgress('x', all))).toMatchObject({ ok: true, steps: all });
    expect(decodeProgress(encodeProgress('x', []))).toMatchObject({ ok: true, steps: [] });
    // O for 0 and I or L for 1, as people copy them.
    const zero = encodeProgress('se-proteger-en-ligne', [1, 2]);
    expect(decodeProgress(zero.replace(/0/g, 'O'))).toMatchObject({ ok: true });
  });

  it('refuses every code with one symbol copied wrong, and most swapped neighbours', () => {
    const code = encodeProgress('echanger-avec-ses-proches', [1, 3, 4, 6]).replace(/-/g, '');
    let swapsCaught = 0;
    let swaps = 0;
    for (let i = 0; i < code.length; i += 1) {
      for (const ch of ALPHABET) {
        if (ch === code[i]) continue;
        const typo = code.slice(0, i) + ch + code.slice(i + 1);
        expect(decodeProgress(typo), typo).toMatchObject({ ok: false, reason: 'check' });
      }
      if (i + 1 < code.length && code[i] !== code[i + 1]) {
        swaps += 1;
        const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
        if (!decodeProgress(swapped).ok) swapsCaught += 1;
      }
    }
    expect(swapsCaught / swaps).toBeGreaterThanOrEqual(0.8);
    expect(decodeProgress('')).toEqual({ ok: false, reason: 'empty' });
    expect(decodeProgress('ABCD-EFGH')).toEqual({ ok: false, reason: 'length' });
    expect(decodeProgress('ABCD-EFGH-U')).toEqual({ ok: false, reason: 'symbol' });
  });
});

describe('checking an answer', () => {
  const word = {
    type: 'type-word',
    title: 't',
    question: 'q',
    hint: 'h',
    success: 's',
    label: 'l',
    answer: 'Médiathèque',
  } as Exercise;
  it('tells a missing accent, capital or @ apart from a wrong word', () => {
    expect(checkAnswer(word, ' Médiathèque ')).toEqual({ ok: true, code: 'right' });
    expect(checkAnswer(word, 'médiathèque').code).toBe('case');
    expect(checkAnswer(word, 'Mediatheque').code).toBe('accent');
    expect(checkAnswer(word, 'mediatheque').code).toBe('both');
    expect(checkAnswer(word, 'Média thèque').code).toBe('space');
    expect(checkAnswer(word, 'Bibliothèque').code).toBe('wrong');
    expect(checkAnswer(word, '').code).toBe('empty');
    const mail = { ...word, answer: 'marie.dupont@exemple.fr' } as Exercise;
    expect(checkAnswer(mail, 'marie.dupontexemple.fr').code).toBe('at');
  });

  it('judges a password kindly, rule by rule', () => {
    const pw = {
      type: 'password',
      title: 't',
      question: 'q',
      hint: 'h',
      success: 's',
      service: 'x',
      minLength: 12,
      avoid: ['Marie', '1952'],
    } as Exercise;
    expect(checkAnswer(pw, 'marie-1952-chat').code).toBe('personal');
    expect(checkAnswer(pw, 'Azerty-123456!').code).toBe('common');
    expect(checkAnswer(pw, 'Chat-Pom-7').code).toBe('short');
    expect(checkAnswer(pw, 'chatpommevelo').code).toBe('kinds');
    expect(checkAnswer(pw, 'Chat-Pomme-Vélo-7')).toEqual({ ok: true, code: 'right' });
  });

  it('reads a choice by its number and nothing else', () => {
    const p = starters().find((x) => x.id === 'premiers-pas');
    const ex = p?.steps.find((s) => s.kind === 'exercise' && s.exercise.type === 'choice');
    if (ex?.kind !== 'exercise') throw new Error('fixture');
    expect(checkAnswer(ex.exercise, '1')).toEqual({ ok: true, code: 'right', chosen: 1 });
    expect(checkAnswer(ex.exercise, '0')).toEqual({ ok: false, code: 'wrong', chosen: 0 });
    expect(checkAnswer(ex.exercise, '9').code).toBe('empty');
    expect(checkAnswer(ex.exercise, 'constructor').code).toBe('empty');
  });
});
