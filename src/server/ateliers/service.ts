import type { Context } from '../context.js';
import { DeviceKeys } from '../core/device-keys.js';
import type { Client } from '../events/bus.js';
import { serviceKey } from '../core/services.js';
import { analyse, analysePeriod, type Analysis, type PeriodAnalysis } from './analysis.js';
import {
  formOf,
  validate,
  type AtelierForm,
  type FieldErrors,
  type QuestionFields,
} from './form.js';
import { AteliersRepo, type AnswerItem, type CoreAnswer, type ItemRow } from './repo.js';
import { toAtelier, toQuestion, type Atelier, type Question } from './atelier.js';
import { parisToUtc, parisWall } from './time.js';

export type { Atelier, Question } from './atelier.js';

/** The longest an evaluation may stay open, in minutes. */
export const MAX_EVAL_MINUTES = 24 * 60;

export type AnswerResult = 'saved' | 'already' | 'closed';

/**
 * The workshop agenda and its evaluation. Time comes from the statistics' trusted clock:
 * null while the box does not know what time it is, and then no date is called "today"
 * or "coming", and no evaluation opens.
 */
export class AteliersService {
  readonly repo: AteliersRepo;
  /** Devices that answered, as device keys (core/device-keys.ts): nothing on disk. */
  private readonly answered = new Set<string>();
  private readonly keys = new DeviceKeys();

  constructor(private readonly ctx: Context) {
    this.repo = new AteliersRepo(ctx.db);
  }

  /** The trusted time, or null when unknown. */
  now(): Date | null {
    return this.ctx.stats.clock.now();
  }

  all(): Atelier[] {
    return this.repo.all().map(toAtelier);
  }

  /** Workshops not over yet; null when the clock is unknown (we cannot tell). */
  upcoming(): Atelier[] | null {
    const now = this.now();
    return now ? this.repo.from(now.getTime()).map(toAtelier) : null;
  }

  /** Today's workshops (Paris day) not over yet; null when the clock is unknown. */
  today(): Atelier[] | null {
    const now = this.now();
    if (!now) return null;
    const day = parisWall(now).date;
    return (this.upcoming() ?? []).filter((a) => parisWall(a.startsAt).date === day);
  }

  get(id: number): Atelier | null {
    const row = Number.isSafeInteger(id) ? this.repo.get(id) : undefined;
    return row ? toAtelier(row) : null;
  }

  private noticeIds(): Set<string> {
    return new Set(this.ctx.notices.list().map((n) => n.id));
  }

  /** Creates (`id` null) or updates a workshop from the form. */
  save(
    id: number | null,
    form: AtelierForm,
  ): { ok: true; id: number } | { ok: false; errors: FieldErrors } {
    // A notice already linked stays acceptable even if it is no longer installed.
    const known = this.noticeIds();
    if (id !== null) for (const n of this.get(id)?.notices ?? []) known.add(n);
    const checked = validate(form, known);
    if (!checked.ok) return checked;
    if (id === null) return { ok: true, id: this.repo.insert(checked.fields) };
    this.repo.update(id, checked.fields);
    return { ok: true, id };
  }

  /** A stored workshop in the form's shape, for editing; null when it is gone. */
  form(id: number): AtelierForm | null {
    const row = this.repo.get(id);
    return row ? formOf(row) : null;
  }

  remove(id: number): void {
    this.repo.remove(id);
  }

  // --- Evaluation -------------------------------------------------------------------

  questions(id: number): Question[] {
    return this.repo.questions(id).map(toQuestion);
  }

  addQuestion(id: number, q: QuestionFields): void {
    this.repo.addQuestion(id, q.kind, q.text, q.choices);
  }

  removeQuestion(id: number, question: number): void {
    this.repo.removeQuestion(id, question);
  }

  answerCount(id: number): number {
    return this.repo.answers(id).length;
  }

  /** Counts, distributions and progress of one workshop's answers (k ≥ 3 inside). */
  analysis(a: Atelier): Analysis {
    return analyse(a, this.repo.answers(a.id), this.repo.items(a.id), this.questions(a.id));
  }

  /**
   * The workshops of one Paris month (`2026-11`) together; null for a month that is not
   * one. Only workshops already begun count (later ones have no answers yet).
   */
  periodAnalysis(month: string): PeriodAnalysis | null {
    const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
    if (!m) return null;
    const year = Number(m[1]);
    const next =
      Number(m[2]) === 12
        ? `${year + 1}-01`
        : `${year}-${String(Number(m[2]) + 1).padStart(2, '0')}`;
    const from = parisToUtc(`${month}-01`, '00:00');
    const to = parisToUtc(`${next}-01`, '00:00');
    if (!from.ok || !to.ok) return null;
    const workshops = this.all()
      .filter((a) => a.startsAt >= from.at && a.startsAt < to.at)
      .sort((x, y) => x.startsAt.getTime() - y.startsAt.getTime())
      .map((a) => ({ a, answers: this.repo.answers(a.id) }));
    return analysePeriod({ mois: month, from: from.at, to: to.at }, workshops);
  }

  /** The month to show first: this Paris month when the clock is known, else the latest one's. */
  defaultMonth(): string | null {
    const now = this.now();
    const at =
      now ??
      this.all().reduce<Date | null>((d, a) => (!d || a.startsAt > d ? a.startsAt : d), null);
    return at ? parisWall(at).date.slice(0, 7) : null;
  }

  /** The open answers, for the animateur to read and moderate. */
  openTexts(id: number): ItemRow[] {
    return this.repo.items(id).filter((i) => i.text !== null);
  }

  /** Deletes an open answer or marks it to keep; false when it is not this workshop's. */
  moderate(id: number, answer: number, question: number, keep: boolean): boolean {
    if (!this.repo.answers(id).some((r) => r.id === answer)) return false;
    this.repo.moderate(answer, question, keep);
    return true;
  }

  isOpen(a: Atelier): boolean {
    const now = this.now();
    return !!now && !!a.evalClosesAt && now.getTime() < a.evalClosesAt.getTime();
  }

  /** Opens the evaluation for `minutes`; false when the clock is unknown. */
  open(id: number, minutes: number): boolean {
    const now = this.now();
    if (!now) return false;
    this.repo.openEvaluation(id, now.getTime() + minutes * 60_000);
    return true;
  }

  close(id: number): void {
    const now = this.now();
    this.repo.closeEvaluation(id, now ? now.getTime() : 0);
  }

  private deviceKey(a: Atelier, client: Client): string {
    return this.keys.of(String(a.id), String(a.evalRound), client.ip, client.userAgent);
  }

  hasAnswered(a: Atelier, client: Client): boolean {
    return this.answered.has(this.deviceKey(a, client));
  }

  /** Records one participant's answer, once per device per opening. */
  answer(a: Atelier, client: Client, core: CoreAnswer, items: AnswerItem[]): AnswerResult {
    if (!this.isOpen(a)) return 'closed';
    const key = this.deviceKey(a, client);
    if (this.answered.has(key)) return 'already';
    this.repo.addAnswer(a.id, core, items);
    this.answered.add(key);
    return 'saved';
  }

  /**
   * Records an answer given on the box's own kiosk, a terminal shared by everyone in
   * the room: never deduplicated (each participant answers in turn). The route checks
   * that it comes from the box's screen. Nothing answered at all (every screen passed)
   * stores nothing: it would only count a passer-by in the k ≥ 3.
   */
  answerOnKiosk(a: Atelier, core: CoreAnswer, items: AnswerItem[]): 'saved' | 'empty' | 'closed' {
    if (!this.isOpen(a)) return 'closed';
    if (items.length === 0 && Object.values(core).every((v) => v === null)) return 'empty';
    this.repo.addAnswer(a.id, core, items);
    return 'saved';
  }
}

/** The agenda service, built once per context. */
export const ATELIERS = serviceKey('ateliers', (ctx: Context) => new AteliersService(ctx));
