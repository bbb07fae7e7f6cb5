import { COLOUR_KEYS } from '../shared/palette.js';
import { DEVICES, GESTURES, LEVELS, SHAPES } from '../format.js';
import { emptyStep, type Draft, type DraftStep } from './local.js';

/** The form's values: strings, and lists for repeated names (checkboxes). */
export type FormValues = Record<string, string | string[]>;

function one(form: FormValues, key: string): string {
  const v = form[key];
  return (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).replace(/\r\n/g, '\n').trim();
}

function many(form: FormValues, key: string): string[] {
  const v = form[key];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((s) => s.trim()).filter(Boolean);
}

function fraction(raw: string): number {
  const n = Number(raw.replace(',', '.'));
  if (!Number.isFinite(n)) return 0;
  return Math.round(Math.min(1, Math.max(0, n)) * 10_000) / 10_000;
}

const optional = (s: string) => (s ? s : undefined);
const isIn = <T extends string>(list: readonly T[], v: string): v is T =>
  (list as readonly string[]).includes(v);

/**
 * Applies the editor's form to a draft. Field names: `title`, `summary`…, then per step
 * `s2.action`, `s2.tip`…, and per marker `s2.m1.shape`, `s2.m1.x`… A marker row whose
 * shape is empty, or whose "remove" box is ticked, is dropped.
 */
export function applyForm(draft: Draft, form: FormValues): Draft {
  const level = one(form, 'level');
  const devices = many(form, 'devices').filter((d): d is (typeof DEVICES)[number] =>
    isIn(DEVICES, d),
  );
  const duration = Number(one(form, 'duration'));
  const steps: DraftStep[] = draft.steps.map((old, i) => {
    const p = `s${i + 1}.`;
    const markers: DraftStep['markers'] = [];
    for (let m = 1; m <= 7; m += 1) {
      const q = `${p}m${m}.`;
      const shape = one(form, `${q}shape`);
      if (!shape || one(form, `${q}remove`) || !isIn(SHAPES, shape)) continue;
      const gesture = one(form, `${q}gesture`);
      const colour = one(form, `${q}colour`);
      markers.push({
        shape,
        gesture: isIn(GESTURES, gesture) ? gesture : 'tap',
        colour: isIn(COLOUR_KEYS, colour) ? colour : 'rouge',
        x: fraction(one(form, `${q}x`)),
        y: fraction(one(form, `${q}y`)),
        w: fraction(one(form, `${q}w`)) || 0.1,
        h: fraction(one(form, `${q}h`)) || 0.1,
      });
    }
    const step: DraftStep = {
      action: one(form, `${p}action`),
      picture: { ...old.picture, alt: one(form, `${p}alt`) },
      markers,
    };
    const tip = optional(one(form, `${p}tip`));
    const warning = optional(one(form, `${p}warning`));
    const result = optional(one(form, `${p}result`));
    if (tip) step.tip = tip;
    if (warning) step.warning = warning;
    if (result) step.result = result;
    if (old.audio) step.audio = old.audio;
    return step;
  });
  return {
    ...draft,
    title: one(form, 'title') || draft.title,
    summary: one(form, 'summary'),
    level: isIn(LEVELS, level) ? level : draft.level,
    devices: devices.length ? devices : draft.devices,
    duration: Number.isInteger(duration) && duration > 0 ? Math.min(duration, 600) : draft.duration,
    themes: one(form, 'themes')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .slice(0, 10),
    authors: one(form, 'authors')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .slice(0, 20),
    needs: one(form, 'needs')
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean)
      .slice(0, 10),
    remember: one(form, 'remember')
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean)
      .slice(0, 8),
    licence: one(form, 'licence') || draft.licence,
    steps,
  };
}

/** Structural edits from the editor's buttons: add, move, delete a step. */
export function applyOp(draft: Draft, op: string): Draft {
  const steps = [...draft.steps];
  const match = /^(up|down|delete)-(\d{1,2})$/.exec(op);
  if (op === 'add-step' && steps.length < 40) steps.push(emptyStep());
  else if (match) {
    const i = Number(match[2]) - 1;
    const step = steps[i];
    if (step) {
      if (match[1] === 'delete' && steps.length > 1) steps.splice(i, 1);
      if (match[1] === 'up' && i > 0)
        [steps[i - 1], steps[i]] = [steps[i] ?? step, steps[i - 1] ?? step];
      if (match[1] === 'down' && i < steps.length - 1)
        [steps[i + 1], steps[i]] = [steps[i] ?? step, steps[i + 1] ?? step];
    }
  }
  return { ...draft, steps };
}
