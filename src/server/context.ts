import { AdminAuth } from './admin/auth/service.js';
import { CaptivePasses } from './captive/passes.js';
import { CatalogueRepo } from './catalogue/repo.js';
import { CatalogueService } from './catalogue/service.js';
import { SiteSearch, type SearchSource } from './catalogue/site-search.js';
import type { Config } from './config.js';
import type { Db } from './db/open.js';
import { EventBus } from './events/bus.js';
import { FileDesk } from './files/desk.js';
import type { Logger } from './log.js';
import { noticeSearchSource } from './notices/search-source.js';
import { NoticeService } from './notices/service.js';
import { PackOwners } from './packs/trust/owners.js';
import { articleSearchSource } from './savoirs/articles.js';
import { KIWIX } from './savoirs/supervisor.js';
import type { PackHook } from './packs/types.js';
import type { Paths } from './paths.js';
import { SettingsService } from './settings/service.js';
import { Statistics } from './stats/service.js';
import { Sticks } from './sticks/list.js';
import { AssetStore, assetSources } from './ui/assets.js';

import type { Clock } from './core/clock.js';
import { Services } from './core/services.js';

/** Kept for older imports: the clock lives in `core/clock.ts`. */
export { systemClock, type Clock } from './core/clock.js';

/** What the box is made of, passed in from `main.ts` (or a test). */
export interface Deps {
  config: Config;
  db: Db;
  paths: Paths;
  clock: Clock;
  log: Logger;
}

/** The services built once over the dependencies; routes only call these. */
export interface Context extends Deps {
  catalogue: CatalogueService;
  /** One search over works, e-notices and what features add (parcours…), portal and kiosk. */
  search: SiteSearch;
  /** Where works' files and covers are, and how each is sent (kept warm in memory). */
  files: FileDesk;
  settings: SettingsService;
  events: EventBus;
  assets: AssetStore;
  /** Who passed the captive portal's welcome page: in memory only, never written. */
  captivePasses: CaptivePasses;
  /** Run inside the pack import/removal transaction: those the features declare. */
  packHooks: PackHook[];
  /** Which signing keys each pack id belongs to (the packs' admission rule). */
  packOwners: PackOwners;
  /** E-notices (installed through their pack hook). */
  notices: NoticeService;
  /** The animateur's password, set-up code and sessions. */
  admin: AdminAuth;
  /** Anonymous usage statistics (listens to `events`). */
  stats: Statistics;
  /** The USB sticks under the media folder: one list for every page that names them. */
  sticks: Sticks;
  /** Services built over the whole context, once, on first use (`core/services.ts`). */
  services: Services<Context>;
}

/**
 * What `createContext` needs of the features (`FEATURES` in `features.ts`, passed in by
 * `openBox`, so that this file imports no feature list): the pack hooks they declare.
 */
export type PackHookSources = ReadonlyArray<{
  packHook?(ctx: Context): PackHook;
  searchSource?(ctx: Context): SearchSource;
}>;

export function createContext(deps: Deps, features: PackHookSources): Context {
  const now = () => deps.clock.now();
  const events = new EventBus();
  const notices = new NoticeService(deps.db, deps.paths.packsDir, now);
  const catalogue = new CatalogueService(deps.db, new CatalogueRepo(deps.db), now);
  const sources: SearchSource[] = [noticeSearchSource(notices)];
  const ctx: Context = {
    ...deps,
    catalogue,
    search: new SiteSearch(catalogue, sources, [
      articleSearchSource(() => ctx.services.get(KIWIX)),
    ]),
    files: new FileDesk(catalogue, deps.paths.packsDir),
    settings: new SettingsService(deps.db, deps.config),
    events,
    assets: new AssetStore(assetSources(deps.paths)),
    captivePasses: new CaptivePasses(() => deps.clock.now().getTime()),
    packHooks: [],
    packOwners: new PackOwners(deps.db, now),
    notices,
    admin: new AdminAuth(deps.db, deps.paths.dataDir, deps.clock, deps.log),
    stats: new Statistics(deps.db, events, deps.clock, deps.log),
    sticks: new Sticks(deps.config.mediaDir),
    services: new Services(() => ctx),
  };
  for (const feature of features) {
    if (feature.packHook) ctx.packHooks.push(feature.packHook(ctx));
    if (feature.searchSource) sources.push(feature.searchSource(ctx));
  }
  return ctx;
}
