import { createHash } from 'node:crypto';
import path from 'node:path';
import { Hono, type Context as HonoContext } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { validator } from 'hono/validator';
import { z } from 'zod';
import type {
  KioskAnswerReply,
  KioskEvalScreen,
  KioskEvaluation,
} from '../../shared/ateliers-types.js';
import { isLocalKiosk } from '../admin/setup/local.js';
import type { Context } from '../context.js';
import { serviceKey } from '../core/services.js';
import { sendFile } from '../files/deliver.js';
import { crossSite } from '../http/cross-site.js';
import { SpeechMaker, espeakPath } from '../notices/speech.js';
import {
  FACES,
  MAX_OPEN_TEXT,
  SCORE,
  fieldOf,
  screensOf,
  toRows,
  type Screen,
} from './evaluation.js';
import { ATELIERS, type Atelier } from './service.js';
import { kioskSpeechPath } from './urls.js';

/** The evaluation's voice (espeak-ng, as for the notices), cached by the words it says. */
const EVAL_SPEECH = serviceKey(
  'ateliers-speech',
  (ctx: Context) => new SpeechMaker(path.join(ctx.paths.dataDir, 'ateliers-speech')),
);

/** What the voice reads for a screen: the question, then what can be pressed. */
function spoken(s: Screen): string {
  if (s.kind === 'core') return `${s.text} ${FACES.map((f) => s.labels[f]).join(', ')}.`;
  if (s.question.kind === 'choice') return `${s.question.text} ${s.question.choices.join(', ')}.`;
  return s.question.text;
}

/** One server screen in the kiosk's shape (the same words as the phone pages). */
export function kioskScreen(s: Screen, speechUrl: string | null): KioskEvalScreen {
  const field = fieldOf(s);
  if (s.kind === 'core')
    return {
      field,
      kind: 'faces',
      text: s.text,
      options: FACES.map((f) => ({ value: String(SCORE[f]), label: s.labels[f], face: f })),
      maxLength: 0,
      speechUrl,
    };
  if (s.question.kind === 'choice')
    return {
      field,
      kind: 'choice',
      text: s.question.text,
      options: s.question.choices.map((label, i) => ({ value: String(i), label })),
      maxLength: 0,
      speechUrl,
    };
  return {
    field,
    kind: 'open',
    text: s.question.text,
    options: [],
    maxLength: MAX_OPEN_TEXT,
    speechUrl,
  };
}

const answerBody = z.object({
  values: z.record(z.string().max(40), z.string().max(MAX_OPEN_TEXT * 2)),
});

const NO_STORE = { 'cache-control': 'no-store' };

/**
 * The kiosk's evaluation API. Anyone may read the screens (the phone pages show the same
 * questions); only the box's own screen may post an answer (`isLocalKiosk`: the socket
 * is loopback), and those answers are not deduplicated: the kiosk is shared by everyone.
 */
export function ateliersKioskRoutes(ctx: Context): Hono {
  const service = ctx.services.get(ATELIERS);
  const speech = ctx.services.get(EVAL_SPEECH);
  const atelierOf = (c: HonoContext): Atelier => {
    const a = service.get(Number(c.req.param('id')));
    if (!a) throw new HTTPException(404);
    return a;
  };
  const reply = (c: HonoContext, result: KioskAnswerReply['result'], status: 200 | 403 = 200) =>
    c.json({ result } satisfies KioskAnswerReply, status, NO_STORE);

  return new Hono()
    .get('/api/ateliers/:id{[0-9]+}/evaluation', (c) => {
      const a = atelierOf(c);
      const voice = espeakPath() !== null;
      const body: KioskEvaluation = {
        id: a.id,
        title: a.title,
        open: service.isOpen(a),
        screens: screensOf(service.questions(a.id)).map((s, i) =>
          kioskScreen(s, voice ? kioskSpeechPath(a.id, i + 1) : null),
        ),
      };
      return c.json(body, 200, NO_STORE);
    })
    .get('/api/ateliers/:id{[0-9]+}/evaluation/:n{[0-9]+}/speech.wav', async (c) => {
      const a = atelierOf(c);
      const screen = screensOf(service.questions(a.id))[Number(c.req.param('n')) - 1];
      if (!screen || !espeakPath()) throw new HTTPException(404);
      const text = spoken(screen);
      // Keyed by the words: an edited question gets a new recording, never an old one.
      const key = `voice-${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
      const file = await speech.wav(key, text, 'fr');
      return sendFile(c, file, {
        mime: 'audio/wav',
        disposition: { type: 'inline', filename: 'question.wav' },
      });
    })
    .post(
      '/api/ateliers/:id{[0-9]+}/evaluation',
      validator('json', (value) => answerBody.safeParse(value).data ?? null),
      (c) => {
        const a = atelierOf(c);
        if (crossSite(c) || !isLocalKiosk(c)) return reply(c, 'refused', 403);
        const body = c.req.valid('json');
        if (!body) throw new HTTPException(400, { message: 'réponse mal formée' });
        const rows = toRows(screensOf(service.questions(a.id)), body.values);
        return reply(c, service.answerOnKiosk(a, rows.core, rows.items));
      },
    );
}
