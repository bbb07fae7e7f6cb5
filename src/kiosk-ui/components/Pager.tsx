import { useT } from '../lib/store.js';
import { Button } from './Button.js';
import { Icon } from './Icon.js';

/** Big "previous / next" instead of scrolling through long lists. */
export function Pager({
  page,
  pages,
  onPage,
}: {
  page: number;
  pages: number;
  onPage: (p: number) => void;
}) {
  const t = useT();
  if (pages <= 1) return null;
  return (
    <nav class="pager" aria-label={t.pageOf(page, pages)}>
      <Button
        class="pager-btn"
        onPress={() => onPage(page - 1)}
        disabled={page <= 1}
        testId="page-prev"
      >
        <Icon name="prev" />
        {t.previous}
      </Button>
      <p class="pager-where">{t.pageOf(page, pages)}</p>
      <Button
        class="pager-btn"
        onPress={() => onPage(page + 1)}
        disabled={page >= pages}
        testId="page-next"
      >
        {t.next}
        <Icon name="next" />
      </Button>
    </nav>
  );
}
