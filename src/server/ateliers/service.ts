import type { Context } from '../context.js';
import { DeviceKeys } from '../core/device-keys.js';
import type { Client } from '../events/bus.js';
import { serviceKey } from '../core/services.js';
import { validate, type AtelierForm, type FieldErrors } from './form.js';
import { AteliersRepo, type AtelierRow, type CoreAnswer, type QuestionRow } from './repo.js';
import { parisWall } from './time.js';

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

function toAtelier(row: AtelierRow): Atelier {
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

const toQuestion = (q: QuestionRow): Question => ({
  id: q.id,
  kind: q.kind,
  text: q.text,
  choices: JSON.parse(q.choices) as string[],
});

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

  remove(id: number): void {
    this.repo.remove(id);
  }

  // --- Evaluation -------------------------------------------------------------------

  questions(id: number): Question[] {
    return this.repo.questions(id).map(toQuestion);
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
  answer(
    a: Atelier,
    client: Client,
    core: CoreAnswer,
    items: Array<{ question: number; choice: string | null; text: string | null }>,
  ): AnswerResult {
    if (!this.isOpen(a)) return 'closed';
    const key = this.deviceKey(a, client);
    if (this.answered.has(key)) return 'already';
    this.repo.addAnswer(a.id, core, items);
    this.answered.add(key);
    return 'saved';
  }
}

/** The agenda service, built once per context. */
export const ATELIERS = serviceKey('ateliers', (ctx: Context) => new AteliersService(ctx));
