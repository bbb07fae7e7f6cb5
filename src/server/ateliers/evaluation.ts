import type { AnswerItem, CoreAnswer } from './repo.js';
import type { Question } from './atelier.js';

export type CoreKey = keyof CoreAnswer;
export type FaceKind = 'yes' | 'neutral' | 'no';

/**
 * The fixed core, the same on every box so results compare across workshops and boxes
 * (scores 3 = oui, 2 = un peu, 1 = non). Short sentences, one idea each (FALC).
 */
export const CORE: ReadonlyArray<{
  key: CoreKey;
  text: string;
  labels: Record<FaceKind, string>;
}> = [
  {
    key: 'useful',
    text: 'L’atelier vous a été utile ?',
    labels: { yes: 'Oui', neutral: 'Un peu', no: 'Non' },
  },
  {
    key: 'clear',
    text: 'Les explications étaient claires ?',
    labels: { yes: 'Oui', neutral: 'Un peu', no: 'Non' },
  },
  {
    key: 'alone_before',
    text: 'Avant l’atelier, vous saviez le faire seul·e ?',
    labels: { yes: 'Oui', neutral: 'Un peu', no: 'Non' },
  },
  {
    key: 'alone_after',
    text: 'Maintenant, vous savez le refaire seul·e ?',
    labels: { yes: 'Oui', neutral: 'Un peu', no: 'Non' },
  },
  {
    key: 'again',
    text: 'Vous reviendriez à un autre atelier ?',
    labels: { yes: 'Oui', neutral: 'Peut-être', no: 'Non' },
  },
];

export const SCORE: Record<FaceKind, number> = { yes: 3, neutral: 2, no: 1 };
export const FACES: readonly FaceKind[] = ['yes', 'neutral', 'no'];

export const MAX_OPEN_TEXT = 1000;

/** The screens of one evaluation, in order: the core, then the animateur's questions. */
export type Screen =
  | { kind: 'core'; key: CoreKey; text: string; labels: Record<FaceKind, string> }
  | { kind: 'question'; question: Question };

export function screensOf(questions: Question[]): Screen[] {
  return [
    ...CORE.map((c) => ({ kind: 'core' as const, ...c })),
    ...questions.map((question) => ({ kind: 'question' as const, question })),
  ];
}

/** The field a screen's answer travels in, from screen to screen (hidden inputs). */
export const fieldOf = (s: Screen) => (s.kind === 'core' ? s.key : `q${s.question.id}`);

/** Keeps only well-formed answers: a score 1–3, a choice's index, a text (trimmed). */
export function cleanAnswer(s: Screen, raw: string): string {
  if (s.kind === 'core') return /^[123]$/.test(raw) ? raw : '';
  if (s.question.kind === 'choice')
    return /^\d{1,2}$/.test(raw) && Number(raw) < s.question.choices.length ? raw : '';
  return raw.replace(/\r\n/g, '\n').trim().slice(0, MAX_OPEN_TEXT);
}

/** The collected answers as rows for the repository. */
export function toRows(
  screens: Screen[],
  values: Record<string, string>,
): {
  core: CoreAnswer;
  items: AnswerItem[];
} {
  const core: CoreAnswer = {
    useful: null,
    clear: null,
    alone_before: null,
    alone_after: null,
    again: null,
  };
  const items: AnswerItem[] = [];
  for (const s of screens) {
    const v = cleanAnswer(s, values[fieldOf(s)] ?? '');
    if (!v) continue;
    if (s.kind === 'core') core[s.key] = Number(v);
    else if (s.question.kind === 'choice')
      items.push({
        question: s.question.id,
        choice: s.question.choices[Number(v)] ?? null,
        text: null,
      });
    else items.push({ question: s.question.id, choice: null, text: v });
  }
  return { core, items };
}
