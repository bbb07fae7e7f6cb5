import type { WorkSummary, WorkType } from '../catalogue/types.js';
import type { Context } from '../context.js';

export interface Overview {
  packs: Array<{
    id: string;
    title: string;
    version: string;
    workCount: number;
    installedAt: string;
  }>;
  types: Array<{ type: WorkType; count: number }>;
  totalWorks: number;
  notices: number;
  newest: WorkSummary[];
}

/** What is on the box, for the overview page. */
export function overview(ctx: Context): Overview {
  const types = ctx.catalogue.facets().types;
  const packs = ctx.catalogue
    .packs()
    .map((p) => ({
      id: p.id,
      title: p.title,
      version: p.version,
      workCount: p.workCount,
      installedAt: p.installedAt,
    }))
    .sort((a, b) => b.installedAt.localeCompare(a.installedAt));
  return {
    packs,
    types,
    totalWorks: types.reduce((sum, t) => sum + t.count, 0),
    notices: ctx.notices.list().length,
    newest: ctx.catalogue.find({ pageSize: 8 }).items,
  };
}
