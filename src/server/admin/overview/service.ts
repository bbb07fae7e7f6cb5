import type { WorkSummary, WorkType } from '../../catalogue/types.js';
import type { Context } from '../../context.js';

export interface Overview {
  packs: Array<{ id: string; title: string; version: string; workCount: number; installedAt: string }>;
  types: Array<{ type: WorkType; count: number }>;
  totalWorks: number;
  /** null when the e-notices feature has no table on this box. */
  notices: number | null;
  newest: WorkSummary[];
}

/** What is on the box, for the overview page. */
export function overview(ctx: Context): Overview {
  const repo = ctx.catalogue.repo;
  const types = repo.types();
  const packs = repo
    .listPacks()
    .map((p) => ({ id: p.id, title: p.title, version: p.version, workCount: p.workCount, installedAt: p.installedAt }))
    .sort((a, b) => b.installedAt.localeCompare(a.installedAt));
  return {
    packs,
    types,
    totalWorks: types.reduce((sum, t) => sum + t.count, 0),
    notices: noticeCount(ctx),
    newest: ctx.catalogue.find({ pageSize: 8 }).items,
  };
}

/** The e-notices feature owns its table; the overview only counts it when it exists. */
function noticeCount(ctx: Context): number | null {
  const exists = ctx.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'notices'").get();
  if (!exists) return null;
  const row = ctx.db.prepare('SELECT count(*) AS n FROM notices').get() as { n: number };
  return row.n;
}
