import type { KioskWorkList, KioskWorkType } from '../../shared/kiosk-types.js';
import { Pager } from '../components/Pager.js';
import { WorkCard } from '../components/WorkCard.js';
import { useJson } from '../lib/api.js';
import { replace, useT } from '../lib/store.js';
import { ScrollList } from '../components/ScrollList.js';

const TITLE = {
  book: 'books',
  audio: 'listen',
  video: 'watch',
  image: 'images',
  document: 'documents',
  software: 'software',
  encyclopedia: 'encyclopedias',
} as const;

/** Lists works of one kind, or the results of a search, six big cards per page. */
export function WorkList({ type, q, page }: { type?: KioskWorkType; q?: string; page: number }) {
  const t = useT();
  const params = new URLSearchParams({ page: String(page) });
  if (type) params.set('type', type);
  if (q) params.set('q', q);
  const list = useJson<KioskWorkList>(`/api/kiosk/works?${params.toString()}`);
  const title = q !== undefined ? t.resultsFor(q) : t[TITLE[type ?? 'book']];
  const onPage = (p: number) =>
    replace(
      q !== undefined
        ? { name: 'results', q, page: p }
        : { name: 'browse', type: type ?? 'book', page: p },
    );
  return (
    <main class="screen screen-list" data-testid={q !== undefined ? 'results' : 'browse'}>
      <h1 class="screen-title">{title}</h1>
      {list.state === 'loading' && <p class="calm">{t.loading}</p>}
      {list.state === 'ok' && (
        <>
          {q !== undefined && <p class="count">{t.results(list.data.total)}</p>}
          {list.data.items.length === 0 ? (
            <p class="calm">{q !== undefined ? t.noResults : t.nothingHere}</p>
          ) : (
            <ScrollList class="cards">
              {list.data.items.map((w) => (
                <WorkCard key={w.id} work={w} />
              ))}
            </ScrollList>
          )}
          <Pager page={list.data.page} pages={list.data.pages} onPage={onPage} />
        </>
      )}
    </main>
  );
}
