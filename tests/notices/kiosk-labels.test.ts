import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/kiosk-ui/lib/i18n.js';
import { parseNotice, type Notice } from '../../src/server/notices/format.js';
import { STARTER_DIR } from './helpers.js';

/**
 * "Utiliser la borne" teaches the kiosk: every button it names must be a real label of
 * the kiosk, read from the kiosk's own messages (src/kiosk-ui/lib/i18n.ts), so renaming
 * a button there makes this test ask for the notice to follow.
 */
function kioskLabels(): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown) => {
    if (typeof v === 'string') out.add(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(MESSAGES.fr);
  return out;
}

interface Text {
  where: string;
  text: string;
  step?: number;
  field?: string;
}

function textsOf(notice: Notice): Text[] {
  const out: Text[] = [{ where: 'résumé', text: notice.summary }];
  notice.needs.forEach((text, i) => out.push({ where: `besoin ${i + 1}`, text }));
  notice.remember.forEach((text, i) => out.push({ where: `à retenir ${i + 1}`, text }));
  notice.steps.forEach((s, i) => {
    for (const field of ['action', 'tip', 'warning', 'result'] as const) {
      const text = s[field];
      if (text) out.push({ where: `étape ${i + 1} › ${field}`, text, step: i, field });
    }
  });
  return out;
}

const QUOTED = /«\s*([^»]+?)\s*»/gu;

/** The text of the SVG picture's labels (what the picture shows written). */
function svgWords(file: string): string {
  const svg = readFileSync(file, 'utf8');
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)]
    .map((m) => (m[1] ?? '').replace(/&amp;/g, '&').replace(/&#39;|&apos;/g, '’'))
    .join('\n');
}

/** Every problem of a kiosk notice against the kiosk's labels (empty: it matches the box). */
export function kioskNoticeProblems(notice: Notice, dir: string | null): string[] {
  const labels = kioskLabels();
  const t = MESSAGES.fr;
  const problems: string[] = [];
  for (const { where, text, step, field } of textsOf(notice)) {
    const clean = text.replace(/\{[1-9]\}/g, '');
    for (const m of clean.matchAll(QUOTED)) {
      const name = m[1] ?? '';
      if (!labels.has(name))
        problems.push(`${where} : « ${name} » n’est pas un bouton de la borne`);
      if (field === 'action' && dir && step !== undefined) {
        const picture = notice.steps[step]?.picture.path ?? '';
        if (!svgWords(path.join(dir, picture)).includes(name))
          problems.push(`${where} : « ${name} » n’est pas sur l’image de l’étape`);
      }
    }
    // A name of the screen written without « » (a capital inside a sentence, or "A+").
    for (const sentence of clean.replace(QUOTED, '').split(/(?<=[.!?])\s+/u)) {
      const words = sentence.split(/[\s,;:]+/u).filter(Boolean);
      words.forEach((w, i) => {
        if ((i > 0 && /^\p{Lu}/u.test(w)) || /[+]/.test(w))
          problems.push(`${where} : « ${w} » : écrivez le nom du bouton entre « »`);
      });
    }
    // Only "Terminer" erases the visit: a text that says the kiosk forgets must be
    // in the step that touches it ("Accueil" only goes back to the tiles).
    if (/(?<!n’)(?<!n')\b(efface|oublie)/iu.test(clean) && step !== undefined) {
      const action = notice.steps[step]?.action ?? '';
      if (!action.includes(`« ${t.finish} »`))
        problems.push(`${where} : seul « ${t.finish} » efface la visite, l’action doit le nommer`);
    }
  }
  return problems;
}

function load(file: string): Notice {
  const parsed = parseNotice(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.notice;
}

describe('"Utiliser la borne" matches the kiosk', () => {
  const dir = path.join(STARTER_DIR, 'utiliser-la-borne');

  it('names only buttons the kiosk has, written as on the screen and drawn on the picture', () => {
    const notice = load(path.join(dir, 'notice.json'));
    expect(kioskNoticeProblems(notice, dir)).toEqual([]);
    // It does name the buttons it teaches (the test is not vacuous).
    const quoted = textsOf(notice).flatMap(({ text }) =>
      [...text.matchAll(QUOTED)].map((m) => m[1]),
    );
    const t = MESSAGES.fr;
    for (const label of [t.books, t.search, t.showResults, t.settings, t.finish, t.home])
      expect(quoted).toContain(label);
  });

  it('catches the old text: "A+", "Accueil" said to erase, names without « »', () => {
    const notice = load(path.join(dir, 'notice.json'));
    const old = structuredClone(notice);
    const settings = old.steps.find((s) => s.action.includes('Réglages'));
    const finish = old.steps.find((s) => s.action.includes('Terminer'));
    if (!settings || !finish) throw new Error('fixture');
    settings.action = 'Pour grossir le texte, touchez A+ {1}.';
    finish.action = 'Quand vous partez, touchez « Accueil » {1}.';
    finish.result = 'La borne oublie tout. La personne suivante ne voit rien.';
    old.steps[1] = { ...old.steps[1]!, action: 'Touchez une grande case, par exemple Livres {1}.' };
    const problems = kioskNoticeProblems(old, dir).join('\n');
    expect(problems).toContain('« A+ » : écrivez le nom du bouton entre « »');
    expect(problems).toContain('« Livres » : écrivez le nom du bouton entre « »');
    expect(problems).toContain('seul « Terminer » efface la visite');
    const invented = structuredClone(notice);
    invented.steps[0]!.tip = 'Touchez « A+ » pour grossir.';
    expect(kioskNoticeProblems(invented, dir)).toContain(
      'étape 1 › tip : « A+ » n’est pas un bouton de la borne',
    );
  });
});
