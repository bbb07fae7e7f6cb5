import { Hono, type Context as HonoContext } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Context } from '../context.js';
import { clientOf } from '../http/client.js';
import { CROSS_SITE_MESSAGE, crossSite } from '../http/cross-site.js';
import { renderDocument } from '../ui/page.js';
import { cleanAnswer, fieldOf, screensOf, toRows } from './evaluation.js';
import { EvalIntro, EvalMessage, EvalQuestion } from './eval-pages.js';
import { ATELIERS, type Atelier } from './service.js';

const CLOSED = {
  title: 'L’évaluation est fermée.',
  text: 'Vous ne pouvez pas répondre maintenant. Merci d’être venu·e à l’atelier !',
};
const ALREADY = {
  title: 'Vous avez déjà répondu.',
  text: 'Merci ! On garde une seule réponse par téléphone. Votre avis est bien enregistré.',
};
const THANKS = {
  title: 'Merci pour votre avis !',
  text: 'Vos réponses sont enregistrées. Elles aident l’équipe à préparer les prochains ateliers.',
};

const CROSS_SITE = { title: 'Réponse refusée.', text: CROSS_SITE_MESSAGE };

/**
 * The participants' evaluation, `/ateliers/:id/avis`: one question per screen, no
 * JavaScript. The answers so far travel in hidden fields from screen to screen; nothing
 * is stored before the last one, and then only the answers (no address, no cookie).
 */
export function evaluationRoutes(ctx: Context): Hono {
  const service = ctx.services.get(ATELIERS);
  const atelierOf = (c: HonoContext): Atelier => {
    const a = service.get(Number(c.req.param('id')));
    if (!a) throw new HTTPException(404);
    return a;
  };
  const message = (
    c: HonoContext,
    a: Atelier,
    m: { title: string; text: string },
    status: 200 | 403 = 200,
  ) =>
    c.html(renderDocument(<EvalMessage a={a} {...m} />), status, { 'cache-control': 'no-store' });

  return new Hono()
    .get('/ateliers/:id{[0-9]+}/avis', (c) => {
      const a = atelierOf(c);
      if (!service.isOpen(a)) return message(c, a, CLOSED);
      if (service.hasAnswered(a, clientOf(c))) return message(c, a, ALREADY);
      const count = screensOf(service.questions(a.id)).length;
      return c.html(renderDocument(<EvalIntro a={a} count={count} />), 200, {
        'cache-control': 'no-store',
      });
    })
    .post('/ateliers/:id{[0-9]+}/avis', async (c) => {
      const a = atelierOf(c);
      if (crossSite(c)) return message(c, a, CROSS_SITE, 403);
      if (!service.isOpen(a)) return message(c, a, CLOSED);
      const client = clientOf(c);
      if (service.hasAnswered(a, client)) return message(c, a, ALREADY);
      const body = await c.req.parseBody();
      const field = (k: string) => (typeof body[k] === 'string' ? body[k] : '');
      const screens = screensOf(service.questions(a.id));
      const values: Record<string, string> = {};
      for (const s of screens) {
        const v = cleanAnswer(s, field(fieldOf(s)));
        if (v) values[fieldOf(s)] = v;
      }
      const step = Math.min(screens.length, Math.max(0, Number(field('step')) || 0));
      let next = step;
      if (field('start') !== '1') {
        const current = screens[step];
        if (current) {
          const v = field('skip') === '1' ? '' : cleanAnswer(current, field('v'));
          if (v) values[fieldOf(current)] = v;
          else delete values[fieldOf(current)];
        }
        next = step + 1;
      }
      const screen = screens[next];
      if (screen) {
        return c.html(
          renderDocument(
            <EvalQuestion
              a={a}
              screen={screen}
              step={next}
              total={screens.length}
              values={values}
            />,
          ),
          200,
          { 'cache-control': 'no-store' },
        );
      }
      const rows = toRows(screens, values);
      const result = service.answer(a, client, rows.core, rows.items);
      return message(c, a, result === 'saved' ? THANKS : result === 'already' ? ALREADY : CLOSED);
    });
}
