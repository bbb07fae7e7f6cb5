import type { Db } from '../db/open.js';

export interface AtelierRow {
  id: number;
  title: string;
  description: string;
  starts_at: number;
  duration_min: number;
  place: string;
  level: string;
  audience: string;
  seats: number | null;
  notices: string;
  eval_round: number;
  eval_closes_at: number | null;
}

export type AtelierFields = Omit<AtelierRow, 'id' | 'eval_round' | 'eval_closes_at'>;

export interface QuestionRow {
  id: number;
  atelier_id: number;
  position: number;
  kind: 'choice' | 'open';
  text: string;
  choices: string;
}

export interface AnswerRow {
  id: number;
  useful: number | null;
  clear: number | null;
  alone_before: number | null;
  alone_after: number | null;
  again: number | null;
}

export interface ItemRow {
  answer_id: number;
  question_id: number;
  choice: string | null;
  text: string | null;
  status: 'new' | 'kept';
}

/** One answer to an animateur's question: a choice's words, or an open text. */
export interface AnswerItem {
  question: number;
  choice: string | null;
  text: string | null;
}

export interface CoreAnswer {
  useful: number | null;
  clear: number | null;
  alone_before: number | null;
  alone_after: number | null;
  again: number | null;
}

/** Prepared statements over the ateliers tables (056-ateliers.sql). */
export class AteliersRepo {
  private readonly s;

  constructor(private readonly db: Db) {
    this.s = {
      all: db.prepare<[], AtelierRow>('SELECT * FROM ateliers ORDER BY starts_at, id'),
      from: db.prepare<[number], AtelierRow>(
        'SELECT * FROM ateliers WHERE starts_at + duration_min * 60000 > ? ORDER BY starts_at, id',
      ),
      get: db.prepare<[number], AtelierRow>('SELECT * FROM ateliers WHERE id = ?'),
      insert: db.prepare<AtelierFields>(
        `INSERT INTO ateliers (title, description, starts_at, duration_min, place, level, audience, seats, notices)
         VALUES (@title, @description, @starts_at, @duration_min, @place, @level, @audience, @seats, @notices)`,
      ),
      update: db.prepare<AtelierFields & { id: number }>(
        `UPDATE ateliers SET title = @title, description = @description, starts_at = @starts_at,
           duration_min = @duration_min, place = @place, level = @level, audience = @audience,
           seats = @seats, notices = @notices WHERE id = @id`,
      ),
      remove: db.prepare<[number]>('DELETE FROM ateliers WHERE id = ?'),
      openEval: db.prepare<[number, number]>(
        'UPDATE ateliers SET eval_round = eval_round + 1, eval_closes_at = ? WHERE id = ?',
      ),
      closeEval: db.prepare<[number, number]>(
        'UPDATE ateliers SET eval_closes_at = ? WHERE id = ?',
      ),
      questions: db.prepare<[number], QuestionRow>(
        'SELECT * FROM atelier_questions WHERE atelier_id = ? ORDER BY position, id',
      ),
      addQuestion: db.prepare<{ id: number; kind: string; text: string; choices: string }>(
        `INSERT INTO atelier_questions (atelier_id, position, kind, text, choices)
         VALUES (@id, (SELECT COALESCE(MAX(position), 0) + 1 FROM atelier_questions WHERE atelier_id = @id),
                 @kind, @text, @choices)`,
      ),
      removeQuestion: db.prepare<[number, number]>(
        'DELETE FROM atelier_questions WHERE id = ? AND atelier_id = ?',
      ),
      addAnswer: db.prepare<CoreAnswer & { atelier_id: number }>(
        `INSERT INTO atelier_answers (atelier_id, useful, clear, alone_before, alone_after, again)
         VALUES (@atelier_id, @useful, @clear, @alone_before, @alone_after, @again)`,
      ),
      addItem: db.prepare<[number, number, string | null, string | null]>(
        'INSERT INTO atelier_answer_items (answer_id, question_id, choice, text) VALUES (?, ?, ?, ?)',
      ),
      answers: db.prepare<[number], AnswerRow>(
        'SELECT id, useful, clear, alone_before, alone_after, again FROM atelier_answers WHERE atelier_id = ? ORDER BY id',
      ),
      items: db.prepare<[number], ItemRow>(
        `SELECT i.* FROM atelier_answer_items i JOIN atelier_answers a ON a.id = i.answer_id
         WHERE a.atelier_id = ? ORDER BY i.answer_id, i.question_id`,
      ),
      keepText: db.prepare<[number, number]>(
        "UPDATE atelier_answer_items SET status = 'kept' WHERE answer_id = ? AND question_id = ? AND text IS NOT NULL",
      ),
      dropText: db.prepare<[number, number]>(
        'DELETE FROM atelier_answer_items WHERE answer_id = ? AND question_id = ? AND text IS NOT NULL',
      ),
    };
  }

  all(): AtelierRow[] {
    return this.s.all.all();
  }
  /** Workshops not yet over at `ms`. */
  from(ms: number): AtelierRow[] {
    return this.s.from.all(ms);
  }
  get(id: number): AtelierRow | undefined {
    return this.s.get.get(id);
  }
  insert(f: AtelierFields): number {
    return Number(this.s.insert.run(f).lastInsertRowid);
  }
  update(id: number, f: AtelierFields): void {
    this.s.update.run({ ...f, id });
  }
  remove(id: number): void {
    this.s.remove.run(id);
  }
  openEvaluation(id: number, closesAt: number): void {
    this.s.openEval.run(closesAt, id);
  }
  closeEvaluation(id: number, at: number): void {
    this.s.closeEval.run(at, id);
  }
  questions(id: number): QuestionRow[] {
    return this.s.questions.all(id);
  }
  addQuestion(id: number, kind: 'choice' | 'open', text: string, choices: string[]): void {
    this.s.addQuestion.run({ id, kind, text, choices: JSON.stringify(choices) });
  }
  removeQuestion(atelierId: number, questionId: number): void {
    this.s.removeQuestion.run(questionId, atelierId);
  }
  /** One participant's answer, core and own questions together, in one transaction. */
  addAnswer(atelierId: number, core: CoreAnswer, items: AnswerItem[]): void {
    this.db.transaction(() => {
      const id = Number(this.s.addAnswer.run({ ...core, atelier_id: atelierId }).lastInsertRowid);
      for (const i of items) this.s.addItem.run(id, i.question, i.choice, i.text);
    })();
  }
  answers(id: number): AnswerRow[] {
    return this.s.answers.all(id);
  }
  items(id: number): ItemRow[] {
    return this.s.items.all(id);
  }
  moderate(answerId: number, questionId: number, keep: boolean): void {
    (keep ? this.s.keepText : this.s.dropText).run(answerId, questionId);
  }
}
