import { useEffect, useState } from 'preact/hooks';
import type { KioskWorkList } from '../../shared/kiosk-types.js';
import { Keyboard } from '../components/Keyboard.js';
import { getJson } from '../lib/api.js';
import { go, store, useKiosk, useT } from '../lib/store.js';

/** Typing with the on-screen keyboard; a live count reassures, "Rechercher" shows the works. */
export function Search() {
  const t = useT();
  const { query } = useKiosk();
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setCount(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      getJson<KioskWorkList>(`/api/kiosk/works?live=1&q=${encodeURIComponent(q)}`).then(
        (list) => live && setCount(list.total),
        () => {},
      );
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query]);
  const submit = () => {
    const q = query.trim();
    if (q) go({ name: 'results', q, page: 1 });
  };
  return (
    <main class="screen screen-search" data-testid="search">
      <h1 class="screen-title">{t.search}</h1>
      <div class="search-field">
        <label class="search-label" for="kiosk-query">
          {t.yourSearch}
        </label>
        <input
          id="kiosk-query"
          class="search-input"
          type="text"
          value={query}
          readOnly
          inputMode="none"
          tabIndex={-1}
          placeholder={t.searchHint}
          data-testid="query"
        />
        <p class="search-count" aria-live="polite" data-testid="live-count">
          {query.trim() ? (count === null ? '' : t.results(count)) : t.typeHere}
        </p>
      </div>
      <Keyboard
        value={query}
        onChange={(v) => store.set({ query: v })}
        onSubmit={submit}
        submitLabel={t.showResults}
      />
    </main>
  );
}
