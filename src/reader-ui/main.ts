/**
 * The box's EPUB reader (issue 17), loaded only by the reader page. foliate-js renders
 * the book; its chapters come one by one from `/epub/<work>/<n>/<entry>` (the server
 * reads them from the zip), never the whole book. The book's scripts never run: each
 * chapter is a `blob:` frame sandboxed without `allow-scripts` (see the kiosk's Vite
 * config) under the page's CSP. The place in the book and the settings stay in this
 * browser (settings.ts); nothing about the reading is sent to the box.
 */
import { EPUB, type Book, type Loader, type TocItem } from 'foliate-js/epub.js';
import 'foliate-js/view.js';
import type { FoliateView, Relocate } from 'foliate-js/view.js';
import { entryPath, leaveUrl } from '../shared/book-paths.js';
import './reader.css';
import {
  KIOSK_SIZE,
  STEPS,
  bookCss,
  clampStep,
  colours,
  hasSavedSettings,
  loadPlace,
  loadSettings,
  savePlace,
  saveSettings,
  type Flow,
  type Settings,
  type Theme,
} from './settings.js';

const $ = <T extends HTMLElement = HTMLElement>(id: string) =>
  document.getElementById(id) as T | null;

function bookLoader(base: string, sizes: Map<string, number>): Loader {
  const get = async (name: string): Promise<Response | null> => {
    if (!sizes.has(name)) return null;
    const res = await fetch(base + entryPath(name), { credentials: 'same-origin' });
    if (!res.ok) throw new Error(`entry ${res.status}`);
    return res;
  };
  return {
    loadText: async (name) => (await get(name))?.text() ?? null,
    loadBlob: async (name) => (await get(name))?.blob() ?? null,
    getSize: (name) => sizes.get(name) ?? 0,
  };
}

function tocList(items: TocItem[], go: (href: string) => void): HTMLOListElement {
  const ol = document.createElement('ol');
  for (const item of items) {
    const li = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    // The book's label as text: never as markup.
    button.textContent = item.label.trim() || '…';
    button.addEventListener('click', () => go(item.href));
    li.append(button);
    if (item.subitems?.length) li.append(tocList(item.subitems, go));
    ol.append(li);
  }
  return ol;
}

function showPanel(id: 'toc' | 'settings' | null): void {
  for (const name of ['toc', 'settings'] as const) {
    const panel = $(name);
    const button = $(`${name}-button`);
    if (!panel || !button) continue;
    const open = name === id;
    panel.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
  }
  if (id) $(id)?.querySelector<HTMLElement>('ol button, [data-step], button')?.focus();
}

/** At most this many passages listed (the count is still told). */
const SEARCH_LIST_MAX = 200;

/**
 * Search in the book, in the contents panel: foliate-js reads the chapters one by one in
 * the browser; the words never go to the box. An empty search shows the contents again.
 */
function searchTheBook(view: FoliateView, form: HTMLFormElement): void {
  const input = $<HTMLInputElement>('search-q');
  const status = $('search-status');
  const results = $<HTMLOListElement>('search-results');
  const toc = () => $('toc-list');
  let run = 0;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void (async () => {
      const query = input?.value.trim() ?? '';
      const mine = ++run;
      if (!status || !results) return;
      results.replaceChildren();
      view.clearSearch();
      if (!query) {
        status.textContent = '';
        results.hidden = true;
        toc()?.removeAttribute('hidden');
        return;
      }
      status.textContent = status.dataset['busy'] ?? '';
      toc()?.setAttribute('hidden', '');
      results.hidden = false;
      let found = 0;
      for await (const result of view.search({ query })) {
        if (mine !== run) return;
        if (typeof result === 'string' || !('subitems' in result)) continue;
        for (const item of result.subitems) {
          found += 1;
          if (found > SEARCH_LIST_MAX) continue;
          const li = document.createElement('li');
          const button = document.createElement('button');
          button.type = 'button';
          const mark = document.createElement('mark');
          mark.textContent = item.excerpt.match;
          // The book's text as text: never as markup.
          button.append(
            `${result.label ? `${result.label} : ` : ''}${item.excerpt.pre}`,
            mark,
            item.excerpt.post,
          );
          button.addEventListener('click', () => {
            showPanel(null);
            void view.goTo(item.cfi);
          });
          li.append(button);
          results.append(li);
        }
      }
      if (mine !== run) return;
      status.textContent =
        found === 0
          ? (status.dataset['none'] ?? '')
          : (status.dataset['count'] ?? '{n}').replace(
              '{n}',
              found.toLocaleString(document.documentElement.lang),
            );
    })();
  });
}

/**
 * On the kiosk the reader is a frame of the kiosk app: touches here (and in the chapter's
 * own frame) tell the app someone is reading, so its idle timer does not end the visit
 * under the reader's fingers. No menu on a long press.
 */
function keepKioskAwake(view: FoliateView): void {
  const poke = () => parent.postMessage({ lanterne: 'activity' }, location.origin);
  const watch = (doc: Document) => {
    for (const type of ['pointerdown', 'keydown', 'wheel', 'touchstart'])
      doc.addEventListener(type, poke, { passive: true });
    doc.addEventListener('contextmenu', (e) => e.preventDefault());
  };
  watch(document);
  view.addEventListener('load', (e) => watch((e as CustomEvent<{ doc: Document }>).detail.doc));
}

/**
 * On the kiosk, the reader takes the kiosk app's own sizes (its target side `--t` and
 * its text size, which follow the screen and the visitor's choice) and its high
 * contrast: one rule, the kiosk's CSS, for both. Returns whether high contrast is on.
 */
function adoptKioskLook(): boolean {
  try {
    const root = parent.document.documentElement;
    const style = getComputedStyle(root);
    const target = style.getPropertyValue('--t').trim();
    if (target) document.documentElement.style.setProperty('--t', target);
    document.documentElement.style.fontSize = style.fontSize;
    return root.dataset['contrast'] === 'high';
  } catch {
    // Opened on its own (not in the kiosk's frame): the reader's own kiosk sizes apply.
    return false;
  }
}

async function start(root: HTMLElement): Promise<void> {
  const opening = $('fallback-opening');
  const noScript = $('fallback-text');
  if (opening) opening.hidden = false;
  if (noScript) noScript.hidden = true;

  const base = root.dataset['base'] ?? '';
  const key = root.dataset['key'] ?? '';
  const kiosk = root.dataset['kiosk'] === '1';
  const entries = JSON.parse(root.dataset['entries'] ?? '[]') as Array<[string, number]>;
  const book: Book = await new EPUB(bookLoader(base, new Map(entries))).init();

  const view = document.createElement('foliate-view') as FoliateView;
  $('book')?.append(view);
  await view.open(book);

  if (kiosk) keepKioskAwake(view);

  const highContrast = kiosk && adoptKioskLook();
  let settings: Settings = loadSettings();
  // The kiosk starts in large print (and in its high contrast when that is on).
  if (kiosk && !hasSavedSettings())
    settings = { ...settings, size: KIOSK_SIZE, theme: highContrast ? 'contrast' : settings.theme };
  const apply = () => {
    view.renderer.setAttribute('flow', settings.flow);
    view.renderer.setAttribute('max-column-count', '1');
    view.renderer.setAttribute('margin', kiosk ? '24px' : '16px');
    view.renderer.setStyles(bookCss(settings));
    document.body.dataset['theme'] = settings.theme;
    document.body.style.setProperty('--book-bg', colours(settings.theme).bg);
    const size = $('size-value');
    const spacing = $('spacing-value');
    if (size) size.textContent = `${settings.size} %`;
    if (spacing)
      spacing.textContent = (settings.spacing / 10).toLocaleString(document.documentElement.lang);
    for (const input of document.querySelectorAll<HTMLInputElement>(
      '#settings input[type=radio]',
    )) {
      input.checked = input.value === settings[input.name as 'theme' | 'flow'];
    }
  };
  const change = (next: Partial<Settings>) => {
    settings = { ...settings, ...next };
    saveSettings(settings);
    apply();
  };
  apply();

  // Links in the book: inside it, foliate goes there; to the Internet, the box warns
  // first (the phone) or does nothing (the kiosk has no way out).
  view.addEventListener('external-link', (e) => {
    e.preventDefault();
    if (kiosk) return;
    const href = (e as CustomEvent<{ href: string }>).detail.href;
    location.href = leaveUrl(root.dataset['langBase'] ?? '', href, location.pathname);
  });

  const where = $('where');
  view.addEventListener('relocate', (e) => {
    const detail = (e as CustomEvent<Relocate>).detail;
    if (detail.cfi) savePlace(key, detail.cfi);
    if (where) {
      const percent = Math.round((detail.fraction ?? 0) * 100);
      const label = detail.tocItem?.label?.trim();
      where.textContent = label ? `${label} · ${percent} %` : `${percent} %`;
    }
  });

  const tocHost = $('toc-list');
  if (tocHost && book.toc?.length) {
    tocHost.replaceWith(
      Object.assign(
        tocList(book.toc, (href) => {
          showPanel(null);
          void view.goTo(href);
        }),
        { id: 'toc-list' },
      ),
    );
  } else $('toc-button')?.setAttribute('hidden', '');

  const form = $<HTMLFormElement>('search');
  if (form) searchTheBook(view, form);

  $('prev')?.addEventListener('click', () => void view.goLeft());
  $('next')?.addEventListener('click', () => void view.goRight());
  document.addEventListener('keydown', (e) => {
    if ((e.target as HTMLElement | null)?.closest?.('input, .panel')) return;
    if (e.key === 'ArrowLeft') void view.goLeft();
    if (e.key === 'ArrowRight') void view.goRight();
    if (e.key === 'Escape') showPanel(null);
  });
  $('toc-button')?.addEventListener('click', () => showPanel($('toc')?.hidden ? 'toc' : null));
  $('settings-button')?.addEventListener('click', () =>
    showPanel($('settings')?.hidden ? 'settings' : null),
  );
  for (const close of document.querySelectorAll<HTMLElement>('[data-close]')) {
    close.addEventListener('click', () => {
      const from = close.dataset['close'];
      showPanel(null);
      $(`${from}-button`)?.focus();
    });
  }
  for (const step of document.querySelectorAll<HTMLElement>('[data-step]')) {
    step.addEventListener('click', () => {
      const name = step.dataset['step'] as keyof typeof STEPS;
      const by = Number(step.dataset['by']) * STEPS[name][kiosk ? 'kiosk' : 'phone'];
      change({ [name]: clampStep(name, settings[name] + by) });
    });
  }
  for (const input of document.querySelectorAll<HTMLInputElement>('#settings input[type=radio]')) {
    input.addEventListener('change', () => {
      if (input.name === 'theme') change({ theme: input.value as Theme });
      if (input.name === 'flow') change({ flow: input.value as Flow });
    });
  }

  await view.init({ lastLocation: loadPlace(key), showTextStart: true });
  $('fallback')?.setAttribute('hidden', '');
  for (const el of document.querySelectorAll<HTMLElement>('.tools, .turns')) el.hidden = false;
  root.classList.add('ready');
  // For `npm run bench` (scripts/bench/reader.ts): navigation start → first page shown.
  performance.mark('reader-first-page');
}

const root = $('reader');
if (root) {
  start(root).catch(() => {
    // A damaged book or a lost connection: say so, and keep the download link shown.
    const opening = $('fallback-opening');
    const failed = $('fallback-failed');
    if (opening) opening.hidden = true;
    if (failed) failed.hidden = false;
    $('fallback')?.removeAttribute('hidden');
    root.classList.add('failed');
  });
}
