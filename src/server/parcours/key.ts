import type { Context } from '../context.js';
import { serviceKey } from '../core/services.js';
import { ParcoursService } from './service.js';

/** The parcours service, made once per context (its pack hook and pages share it). */
export const PARCOURS = serviceKey(
  'parcours',
  (ctx: Context) =>
    new ParcoursService(
      ctx.db,
      ctx.paths.packsDir,
      () => ctx.clock.now(),
      ctx.catalogue,
      ctx.notices,
    ),
);
