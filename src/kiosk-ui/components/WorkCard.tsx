import type { KioskWorkCard } from '../../shared/kiosk-types.js';
import { go, useT } from '../lib/store.js';
import { Button } from './Button.js';
import { Cover } from './Cover.js';

export function WorkCard({ work }: { work: KioskWorkCard }) {
  const t = useT();
  return (
    <Button
      class="card"
      onPress={() => go({ name: 'work', id: work.id })}
      testId={`work-${work.id}`}
    >
      <Cover src={work.cover} type={work.type} />
      <span class="card-text">
        <span class="card-title">{work.title}</span>
        {work.authors && <span class="card-authors">{work.authors}</span>}
        <span class="badge">{t.types[work.type]}</span>
      </span>
    </Button>
  );
}
