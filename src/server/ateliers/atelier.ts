import type { AtelierRow, QuestionRow } from './repo.js';

/** A workshop as features see it (dates as Date, notices as a list). */
export interface Atelier {
  id: number;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  durationMin: number;
  place: string;
  level: string;
  audience: string;
  seats: number | null;
  notices: string[];
  evalRound: number;
  evalClosesAt: Date | null;
}

export function toAtelier(row: AtelierRow): Atelier {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    startsAt: new Date(row.starts_at),
    endsAt: new Date(row.starts_at + row.duration_min * 60_000),
    durationMin: row.duration_min,
    place: row.place,
    level: row.level,
    audience: row.audience,
    seats: row.seats,
    notices: JSON.parse(row.notices) as string[],
    evalRound: row.eval_round,
    evalClosesAt: row.eval_closes_at === null ? null : new Date(row.eval_closes_at),
  };
}

export interface Question {
  id: number;
  kind: 'choice' | 'open';
  text: string;
  choices: string[];
}

export const toQuestion = (q: QuestionRow): Question => ({
  id: q.id,
  kind: q.kind,
  text: q.text,
  choices: JSON.parse(q.choices) as string[],
});
