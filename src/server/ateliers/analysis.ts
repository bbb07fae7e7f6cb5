import { CORE, type CoreKey } from './evaluation.js';
import type { AnswerRow, ItemRow } from './repo.js';
import type { Atelier, Question } from './atelier.js';

/** Results are shown (and exported) only when at least this many people answered. */
export const K_MIN = 3;

export interface Distribution {
  oui: number;
  moyen: number;
  non: number;
  sans_reponse: number;
}

/** What one workshop's evaluation says (the JSON export's shape, docs/ateliers.md). */
export interface Analysis {
  schema: 'lanterne-ateliers-evaluation/1';
  atelier: { id: number; titre: string; debut: string; duree_min: number; niveau: string };
  reponses: number;
  suffisant: boolean;
  socle?: Record<CoreKey, Distribution>;
  progression?: {
    /** Both "avant" and "après" answered. */
    paires: number;
    progres: number;
    stable: number;
    recul: number;
    moyenne_avant: number | null;
    moyenne_apres: number | null;
  };
  questions?: Array<{
    id: number;
    texte: string;
    type: 'choice' | 'open';
    choix?: Record<string, number>;
    /** Open answers the animateur kept (never the others). */
    textes_gardes?: string[];
  }>;
}

const mean = (xs: number[]) =>
  xs.length ? Math.round((xs.reduce((s, x) => s + x, 0) / xs.length) * 100) / 100 : null;

/** The core results of a set of answers: the same k ≥ 3 rule for a workshop and a period. */
export type CoreResults = Pick<Analysis, 'reponses' | 'suffisant' | 'socle' | 'progression'>;

export function coreResults(answers: AnswerRow[]): CoreResults {
  const base = { reponses: answers.length, suffisant: answers.length >= K_MIN };
  if (!base.suffisant) return base;
  const socle = {} as Record<CoreKey, Distribution>;
  for (const { key } of CORE) {
    const d: Distribution = { oui: 0, moyen: 0, non: 0, sans_reponse: 0 };
    for (const r of answers) {
      const v = r[key];
      if (v === 3) d.oui += 1;
      else if (v === 2) d.moyen += 1;
      else if (v === 1) d.non += 1;
      else d.sans_reponse += 1;
    }
    socle[key] = d;
  }
  const pairs = answers.filter((r) => r.alone_before !== null && r.alone_after !== null);
  const progression = {
    paires: pairs.length,
    progres: pairs.filter((r) => r.alone_after! > r.alone_before!).length,
    stable: pairs.filter((r) => r.alone_after === r.alone_before).length,
    recul: pairs.filter((r) => r.alone_after! < r.alone_before!).length,
    moyenne_avant: mean(pairs.map((r) => r.alone_before!)),
    moyenne_apres: mean(pairs.map((r) => r.alone_after!)),
  };
  return { ...base, socle, progression };
}

export function analyse(
  a: Atelier,
  answers: AnswerRow[],
  items: ItemRow[],
  questions: Question[],
): Analysis {
  const core = coreResults(answers);
  const base: Analysis = {
    schema: 'lanterne-ateliers-evaluation/1',
    atelier: {
      id: a.id,
      titre: a.title,
      debut: a.startsAt.toISOString(),
      duree_min: a.durationMin,
      niveau: a.level,
    },
    ...core,
  };
  if (!base.suffisant) return base;
  const qs = questions.map((q) => {
    const mine = items.filter((i) => i.question_id === q.id);
    if (q.kind === 'choice') {
      const choix: Record<string, number> = Object.fromEntries(q.choices.map((c) => [c, 0]));
      for (const i of mine) if (i.choice !== null && i.choice in choix) choix[i.choice]! += 1;
      return { id: q.id, texte: q.text, type: q.kind, choix };
    }
    const textes_gardes = mine
      .filter((i) => i.status === 'kept' && i.text)
      .map((i) => i.text ?? '');
    return { id: q.id, texte: q.text, type: q.kind, textes_gardes };
  });
  return { ...base, questions: qs };
}

/**
 * Every workshop of a period together: the core questions (the same on every workshop, so
 * they add up), k ≥ 3 over all the period's answers; each workshop with its count only.
 * The animateur's own questions differ per workshop: they stay on each workshop's page.
 */
export interface PeriodAnalysis extends CoreResults {
  schema: 'lanterne-ateliers-periode/1';
  periode: { mois: string; debut: string; fin: string };
  ateliers: Array<{ id: number; titre: string; debut: string; reponses: number }>;
}

export function analysePeriod(
  period: { mois: string; from: Date; to: Date },
  workshops: Array<{ a: Atelier; answers: AnswerRow[] }>,
): PeriodAnalysis {
  return {
    schema: 'lanterne-ateliers-periode/1',
    periode: { mois: period.mois, debut: period.from.toISOString(), fin: period.to.toISOString() },
    ateliers: workshops.map(({ a, answers }) => ({
      id: a.id,
      titre: a.title,
      debut: a.startsAt.toISOString(),
      reponses: answers.length,
    })),
    ...coreResults(workshops.flatMap((w) => w.answers)),
  };
}

/** One line per workshop and core question, for a spreadsheet (k < 3: counts only). */
export function csvOf(list: Analysis[]): string {
  const head = [
    'atelier_id',
    'titre',
    'debut',
    'reponses',
    'question',
    'oui',
    'moyen',
    'non',
    'sans_reponse',
  ];
  const cell = (v: string | number) => {
    const s = String(v);
    // Quote always; a leading = + - @ is defused so a spreadsheet never runs it.
    return `"${(/^[=+\-@]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"`;
  };
  const lines = [head.map(cell).join(',')];
  for (const an of list) {
    const start = [an.atelier.id, an.atelier.titre, an.atelier.debut, an.reponses];
    if (!an.socle) {
      lines.push([...start, '', '', '', '', ''].map(cell).join(','));
      continue;
    }
    for (const { key } of CORE) {
      const d = an.socle[key];
      lines.push([...start, key, d.oui, d.moyen, d.non, d.sans_reponse].map(cell).join(','));
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
