import type { Hono } from 'hono';
import type { AdminEnv } from './admin/env.js';
import { startAdmin } from './admin/start.js';
import {
  ateliersAdminRoutes,
  ateliersFileRoutes,
  ateliersKioskRoutes,
  ateliersPortalRoutes,
  evaluationRoutes,
} from './ateliers/index.js';
import { captiveRoutes, type BoxNames } from './captive/index.js';
import type { Context } from './context.js';
import {
  contributionAdminRoutes,
  contributionRoutes,
  registerPortalExtras,
  resumableRoutes,
  startContributions,
} from './contributions/index.js';
import { fileRoutes } from './files/routes.js';
import { healthRoutes } from './health/routes.js';
import { kioskApiRoutes } from './kiosk/api.js';
import { kioskStaticRoutes } from './kiosk/static.js';
import { noticesAdminRoutes } from './notices/admin/routes.js';
import { noticeFileRoutes, noticeRoutes } from './notices/routes.js';
import { opdsRoutes } from './opds/routes.js';
import {
  PARCOURS,
  parcoursAdminRoutes,
  parcoursFileRoutes,
  parcoursRoutes,
  parcoursSearchSource,
  registerParcoursExtras,
} from './parcours/index.js';
import { overviewRoutes } from './overview/routes.js';
import { packsAdminRoutes } from './packs/admin-routes.js';
import type { PackHook } from './packs/types.js';
import type { SearchSource } from './catalogue/site-search.js';
import { startPacks } from './packs/starter.js';
import { startUsbWatcher } from './packs/watch/watcher.js';
import { portalRoutes } from './portal/routes.js';
import {
  KIWIX,
  SAVOIRS,
  registerSavoirsExtras,
  savoirsPageFor,
  savoirsProxyRoutes,
  startSavoirs,
} from './savoirs/index.js';
import { bookEntryRoutes, readerPageRoutes, registerReaderExtras } from './reader/index.js';
import { reseauAdminRoutes, startReseau } from './reseau/index.js';
import { startStats, statsAdminRoutes } from './stats/index.js';
import { legacyAssetRoutes, staticRoutes } from './files/static.js';

export type Mount = readonly [path: string, app: Hono];
/** Admin sub-apps are typed with the admin shell's variables (`admin/env.ts`). */
export type AdminMount = readonly [path: string, app: Hono<AdminEnv>];
export type Stop = () => Promise<void> | void;

/** What the web side gives every feature's routes besides the context. */
export interface WebDeps {
  boxNames: BoxNames;
}

/**
 * A feature's public face: its name, its routes (public ones mounted at the root in
 * list order, admin ones under `/admin` behind the gate) and its background work.
 * `createApp`, the admin mount and `startFeatures` only iterate over `FEATURES`.
 */
export interface Feature {
  name: string;
  routes?(ctx: Context, web: WebDeps): { public?: Mount[]; admin?: AdminMount[] };
  /** More documents for the site search (`ctx.search`), each of its own `kind`. */
  searchSource?(ctx: Context): SearchSource;
  /** Run inside the pack import/removal transaction (`ctx.packHooks`, list order). */
  packHook?(ctx: Context): PackHook;
  /** Started once the server listens; returns how to stop. */
  start?(ctx: Context): Promise<Stop> | Stop;
}

/** Every feature of the box, in the order their routes are tried and started. */
export const FEATURES: readonly Feature[] = [
  {
    // First: OS connectivity probes and the welcome page, before any page of the box.
    name: 'captive',
    routes: (ctx, web) => ({ public: [['/', captiveRoutes(ctx, web.boxNames)]] }),
  },
  { name: 'admin', start: startAdmin },
  { name: 'overview', routes: (ctx) => ({ admin: [['/', overviewRoutes(ctx)]] }) },
  { name: 'health', routes: (ctx) => ({ admin: [['/health', healthRoutes(ctx)]] }) },
  {
    name: 'stats',
    routes: (ctx) => ({ admin: [['/stats', statsAdminRoutes(ctx)]] }),
    start: startStats,
  },
  {
    name: 'assets',
    routes: (ctx) => ({
      public: [
        ['/static', staticRoutes(ctx)],
        ['/', legacyAssetRoutes(ctx)],
      ],
    }),
  },
  { name: 'files', routes: (ctx) => ({ public: [['/', fileRoutes(ctx)]] }) },
  {
    // Offline encyclopaedias: /savoirs/… proxied to the box's kiwix-serve (issue 19).
    // Its pack hook regenerates kiwix-serve's library once a ZIM pack comes or goes.
    name: 'savoirs',
    packHook: (ctx) => ctx.services.get(SAVOIRS).packHook(),
    routes: (ctx) => {
      registerSavoirsExtras(ctx);
      return {
        public: [['/', savoirsProxyRoutes(ctx.services.get(KIWIX), savoirsPageFor(ctx))]],
      };
    },
    start: startSavoirs,
  },
  { name: 'opds', routes: (ctx) => ({ public: [['/opds', opdsRoutes(ctx)]] }) },
  {
    name: 'kiosk',
    routes: (ctx) => ({
      public: [
        ['/kiosk', kioskStaticRoutes(ctx)],
        ['/api/kiosk', kioskApiRoutes(ctx)],
      ],
    }),
  },
  {
    // Pictures, PDF and kiosk API (no language), then their pages per language.
    name: 'notices',
    packHook: (ctx) => ctx.notices.packHook(),
    routes: (ctx) => ({
      public: [
        ['/', noticeFileRoutes(ctx)],
        ['/fr', noticeRoutes(ctx, 'fr')],
        ['/en', noticeRoutes(ctx, 'en')],
        ['/', noticeRoutes(ctx, null)],
      ],
      admin: [['/notices', noticesAdminRoutes(ctx)]],
    }),
  },
  {
    // Learning paths from packs (after the notices: a parcours names notices of its pack).
    name: 'parcours',
    packHook: (ctx) => ctx.services.get(PARCOURS).packHook(),
    searchSource: (ctx) => parcoursSearchSource(ctx.services.get(PARCOURS)),
    routes: (ctx) => {
      registerParcoursExtras(ctx);
      return {
        public: [
          ['/', parcoursFileRoutes(ctx)],
          ['/fr', parcoursRoutes(ctx, 'fr')],
          ['/en', parcoursRoutes(ctx, 'en')],
          ['/', parcoursRoutes(ctx, null)],
        ],
        admin: [['/parcours', parcoursAdminRoutes(ctx)]],
      };
    },
  },
  {
    name: 'packs',
    routes: (ctx) => ({ admin: [['/packs', packsAdminRoutes(ctx)]] }),
    start: startPacks,
  },
  { name: 'usb', start: startUsbWatcher },
  {
    // A network of boxes through Syncthing: pairing, packs from the coordinator (issue 20).
    name: 'reseau',
    routes: (ctx) => ({ admin: [['/reseau', reseauAdminRoutes(ctx)]] }),
    start: startReseau,
  },
  {
    name: 'ateliers',
    routes: (ctx) => ({
      public: [
        ['/', ateliersFileRoutes(ctx)],
        ['/', evaluationRoutes(ctx)],
        ['/', ateliersKioskRoutes(ctx)],
        ['/fr', ateliersPortalRoutes(ctx, 'fr')],
        ['/en', ateliersPortalRoutes(ctx, 'en')],
        ['/', ateliersPortalRoutes(ctx, null)],
      ],
      admin: [['/ateliers', ateliersAdminRoutes(ctx)]],
    }),
  },
  {
    // Visitors propose works (French pages); animateurs publish them into the local pack.
    name: 'contributions',
    routes: (ctx) => {
      registerPortalExtras(ctx);
      return {
        public: [
          ['/fr', contributionRoutes(ctx, 'fr')],
          ['/en', contributionRoutes(ctx, 'en')],
          ['/', contributionRoutes(ctx, null)],
          ['/', resumableRoutes(ctx)],
        ],
        admin: [['/contributions', contributionAdminRoutes(ctx)]],
      };
    },
    start: startContributions,
  },
  {
    // Books read in the page (issue 17): entries from the EPUB's zip, the reader page.
    name: 'reader',
    routes: (ctx) => {
      registerReaderExtras(ctx);
      return {
        public: [
          ['/', bookEntryRoutes(ctx)],
          ['/fr', readerPageRoutes(ctx, 'fr')],
          ['/en', readerPageRoutes(ctx, 'en')],
          ['/', readerPageRoutes(ctx, null)],
        ],
      };
    },
  },
  {
    // Last: the visitor portal, in the browser's language or in the one chosen.
    name: 'portal',
    routes: (ctx) => ({
      public: [
        ['/fr', portalRoutes(ctx, 'fr')],
        ['/en', portalRoutes(ctx, 'en')],
        ['/', portalRoutes(ctx, null)],
      ],
    }),
  },
];
