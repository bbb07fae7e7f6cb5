import { Hono } from 'hono';
import { kioskSetup } from '../admin/setup/kiosk.js';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { isWorkType } from '../catalogue/service.js';
import type { Context } from '../context.js';
import { ID_PATTERN } from '../files/safety.js';
import { clientOf } from '../http/client.js';
import { KIOSK_SERVICE } from './service.js';
import { KIOSK_SECTIONS } from './types.js';

const listQuery = z.object({
  type: z.string().optional(),
  /** Longer than a search reads is cut by the search itself (see `readQuery`). */
  q: z.string().max(2000).optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
  /** Set while the visitor is still typing: shows a count, is not counted as a search. */
  live: z.literal('1').optional(),
});

/** What the kiosk tells the statistics; no identifiers, no text typed by a visitor. */
const kioskEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('page'), section: z.enum(KIOSK_SECTIONS) }),
  z.object({
    type: z.literal('kiosk-session'),
    seconds: z
      .number()
      .int()
      .min(0)
      .max(24 * 3600),
  }),
]);

const NO_STORE = { 'cache-control': 'no-store' };

/**
 * The kiosk's JSON API (`/api/kiosk/…`): thin handlers over `KioskService`.
 *
 * @example GET /api/kiosk/works?type=book&q=forêt&page=1
 */
export function kioskApiRoutes(ctx: Context): Hono {
  const service = ctx.services.get(KIOSK_SERVICE);
  return (
    new Hono()
      .get('/info', async (c) => c.json(await service.info(), 200, NO_STORE))
      // The set-up code, for the box's own screen only (loopback): see admin/setup/kiosk.ts.
      .get('/setup', (c) => c.json(kioskSetup(ctx, c), 200, NO_STORE))
      .get('/works', (c) => {
        const parsed = listQuery.safeParse(c.req.query());
        if (!parsed.success) throw new HTTPException(400, { message: 'requête invalide' });
        const { type, q, page, live } = parsed.data;
        const workType = isWorkType(type) ? type : undefined;
        const query = q?.trim() ? q.trim() : undefined;
        const list = service.list(workType, query, page ?? 1);
        if (query && !live && (page ?? 1) === 1) {
          ctx.events.emit({
            type: 'search',
            surface: 'kiosk',
            query,
            results: list.total,
            client: clientOf(c),
          });
        }
        return c.json(list, 200, NO_STORE);
      })
      .get('/works/:id', async (c) => {
        const id = c.req.param('id');
        const work = ID_PATTERN.test(id) ? await service.work(id) : undefined;
        if (!work) throw new HTTPException(404, { message: 'œuvre introuvable' });
        return c.json(work, 200, NO_STORE);
      })
      .post('/events', async (c) => {
        const body: unknown = await c.req.json().catch(() => null);
        const parsed = kioskEvent.safeParse(body);
        if (!parsed.success) throw new HTTPException(400, { message: 'évènement invalide' });
        const event = parsed.data;
        if (event.type === 'page') {
          ctx.events.emit({
            type: 'page',
            surface: 'kiosk',
            section: event.section,
            client: clientOf(c),
          });
        } else {
          // The box's clock decides when the session began; the kiosk only says how long.
          const startedAt = new Date(ctx.clock.now().getTime() - event.seconds * 1000);
          ctx.events.emit({ type: 'kiosk-session', seconds: event.seconds, startedAt });
        }
        return c.body(null, 204);
      })
  );
}
