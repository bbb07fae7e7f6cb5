import type { Context } from '../context.js';
import { DEVICE_FAMILIES, KIOSK_BUCKETS, type DeviceFamily, type KioskBucket } from './classify.js';
import { daysBetween, type Period } from './period.js';

export interface DailyFigures {
  day: string;
  visitors: number;
  views: number;
  searches: number;
  downloads: number;
  plays: number;
}

export interface NoticeFigures {
  id: string;
  title: string;
  opened: number;
  finished: number;
  /** finished / opened, 0–1, or null when never opened. */
  completion: number | null;
  /** Visitors who reached each step (per day, summed over the period). */
  steps: Array<{ step: number; reached: number }>;
  /** The step after which most people left, and how many. */
  stop: { step: number; left: number } | null;
  feedback: { yes: number; neutral: number; no: number };
}

export interface Report {
  period: Period;
  generatedAt: string;
  libraryName: string;
  totals: {
    /** Sum of the daily unique-visitor counts (a visitor on two days counts twice). */
    visitorDays: number;
    views: number;
    portalViews: number;
    kioskViews: number;
    opdsRequests: number;
    searches: number;
    searchesWithoutResult: number;
    downloads: number;
    plays: number;
    noticesOpened: number;
    noticesFinished: number;
    kioskSessions: number;
    packsImported: number;
    /** Readers' "merci" to the authors of contributions. */
    thanks: number;
  };
  daily: DailyFigures[];
  sections: Array<{ surface: string; section: string; views: number }>;
  devices: Record<DeviceFamily, number>;
  topWorks: Array<{ id: string; title: string; downloads: number; plays: number }>;
  notices: NoticeFigures[];
  failedSearches: Array<{ phrase: string; count: number }>;
  kioskHours: number[];
  kioskLengths: Record<KioskBucket, number>;
  packsImported: Array<{ id: string; count: number }>;
}

const TOP = 20;

const bump = (map: Map<string, number>, key: string, by: number) =>
  map.set(key, (map.get(key) ?? 0) + by);

/** Reads the period's counters into the figures the dashboard and the exports show. */
export function buildReport(ctx: Context, period: Period): Report {
  // Written counters plus those of the current minute, so the page is up to date
  // without an extra write to the SD card.
  const pending = ctx.stats.aggregator
    .peek()
    .filter((d) => d.day >= period.from && d.day <= period.to);
  const rows = [...ctx.stats.repo.range(period.from, period.to), ...pending];
  const days = daysBetween(period.from, period.to);
  const daily = new Map<string, DailyFigures>(
    days.map((day) => [day, { day, visitors: 0, views: 0, searches: 0, downloads: 0, plays: 0 }]),
  );
  const by = new Map<string, Map<string, number>>();
  for (const r of rows) {
    let m = by.get(r.metric);
    if (!m) by.set(r.metric, (m = new Map()));
    bump(m, r.key, r.value);
    const d = daily.get(r.day);
    if (!d) continue;
    if (r.metric === 'visitors') d.visitors += r.value;
    else if (r.metric === 'views') d.views += r.value;
    else if (r.metric === 'searches') d.searches += r.value;
    else if (r.metric === 'downloads') d.downloads += r.value;
    else if (r.metric === 'plays') d.plays += r.value;
  }
  const metric = (name: string) => by.get(name) ?? new Map<string, number>();
  const sum = (name: string, filter: (key: string) => boolean = () => true) =>
    [...metric(name)].reduce((acc, [k, v]) => (filter(k) ? acc + v : acc), 0);

  const sections = [...metric('views')]
    .map(([key, views]) => {
      const [surface = '', ...rest] = key.split(':');
      return { surface, section: rest.join(':'), views };
    })
    .sort((a, b) => b.views - a.views);

  const devices = Object.fromEntries(
    DEVICE_FAMILIES.map((f) => [f, metric('devices').get(f) ?? 0]),
  ) as Record<DeviceFamily, number>;

  const workIds = new Set([...metric('downloads').keys(), ...metric('plays').keys()]);
  const topWorks = [...workIds]
    .map((id) => ({
      id,
      title: id,
      downloads: metric('downloads').get(id) ?? 0,
      plays: metric('plays').get(id) ?? 0,
    }))
    .sort((a, b) => b.downloads + b.plays - (a.downloads + a.plays) || a.id.localeCompare(b.id))
    .slice(0, TOP)
    .map((w) => ({ ...w, title: ctx.catalogue.work(w.id)?.title ?? w.id }));

  const kioskHours = Array.from(
    { length: 24 },
    (_, h) => metric('kiosk-hour').get(String(h).padStart(2, '0')) ?? 0,
  );
  const kioskLengths = Object.fromEntries(
    KIOSK_BUCKETS.map((b) => [b, metric('kiosk-length').get(b) ?? 0]),
  ) as Record<KioskBucket, number>;

  return {
    period,
    generatedAt: (ctx.stats.clock.now() ?? ctx.clock.now()).toISOString(),
    libraryName: ctx.settings.current().libraryName,
    totals: {
      visitorDays: sum('visitors'),
      views: sum('views'),
      portalViews: sum('views', (k) => k.startsWith('portal:')),
      kioskViews: sum('views', (k) => k.startsWith('kiosk:')),
      opdsRequests: sum('views', (k) => k.startsWith('opds:')),
      searches: sum('searches'),
      searchesWithoutResult: sum('searches-empty'),
      downloads: sum('downloads'),
      plays: sum('plays'),
      noticesOpened: sum('notice-open'),
      noticesFinished: sum('notice-finish'),
      kioskSessions: sum('kiosk-sessions'),
      packsImported: sum('packs-imported'),
      thanks: sum('thanks'),
    },
    daily: [...daily.values()],
    sections,
    devices,
    topWorks,
    notices: noticeFigures(ctx, metric),
    failedSearches: [...metric('failed-phrase')]
      .map(([phrase, count]) => ({ phrase, count }))
      .sort((a, b) => b.count - a.count || a.phrase.localeCompare(b.phrase))
      .slice(0, 50),
    kioskHours,
    kioskLengths,
    packsImported: [...metric('packs-imported')].map(([id, count]) => ({ id, count })),
  };
}

function noticeFigures(
  ctx: Context,
  metric: (name: string) => Map<string, number>,
): NoticeFigures[] {
  const titles = new Map(ctx.notices.listAll().map((n) => [n.id, n.title]));
  const ids = new Set<string>();
  for (const name of ['notice-open', 'notice-finish'])
    for (const id of metric(name).keys()) ids.add(id);
  const steps = new Map<string, Map<number, number>>();
  for (const [key, reached] of metric('notice-step')) {
    const at = key.lastIndexOf('#');
    const id = key.slice(0, at);
    const step = Number(key.slice(at + 1));
    ids.add(id);
    let m = steps.get(id);
    if (!m) steps.set(id, (m = new Map()));
    m.set(step, (m.get(step) ?? 0) + reached);
  }
  const feedback = new Map<string, { yes: number; neutral: number; no: number }>();
  for (const [key, count] of metric('notice-feedback')) {
    const at = key.lastIndexOf('#');
    const id = key.slice(0, at);
    const face = key.slice(at + 1);
    ids.add(id);
    const f = feedback.get(id) ?? { yes: 0, neutral: 0, no: 0 };
    if (face === 'yes' || face === 'neutral' || face === 'no') f[face] += count;
    feedback.set(id, f);
  }
  return [...ids]
    .map((id) => {
      const opened = metric('notice-open').get(id) ?? 0;
      const finished = metric('notice-finish').get(id) ?? 0;
      const reached = [...(steps.get(id) ?? new Map<number, number>())]
        .map(([step, n]) => ({ step, reached: n }))
        .sort((a, b) => a.step - b.step);
      // People who reached step n but not step n+1 (or, for the last step, did not finish).
      let stop: NoticeFigures['stop'] = null;
      reached.forEach((s, i) => {
        const next = reached[i + 1];
        const left =
          s.reached - (next && next.step === s.step + 1 ? next.reached : next ? 0 : finished);
        if (left > 0 && (!stop || left > stop.left)) stop = { step: s.step, left };
      });
      return {
        id,
        title: titles.get(id) ?? id,
        opened,
        finished,
        completion: opened > 0 ? Math.min(1, finished / opened) : null,
        steps: reached,
        stop,
        feedback: feedback.get(id) ?? { yes: 0, neutral: 0, no: 0 },
      };
    })
    .sort((a, b) => b.opened - a.opened || a.id.localeCompare(b.id))
    .slice(0, TOP);
}
