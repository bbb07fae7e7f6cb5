import type { KioskCard } from '../../shared/kiosk-types.js';
import { go, useT } from '../lib/store.js';
import { Button } from './Button.js';
import { Cover } from './Cover.js';
import { Icon } from './Icon.js';

/** One result: a work (its cover and type), or an e-notice found by a search. */
export function WorkCard({ work }: { work: KioskCard }) {
  const t = useT();
  if (work.kind === 'notice') {
    return (
      <Button
        class="card"
        onPress={() => go({ name: 'notice', id: work.id })}
        testId={`notice-result-${work.id}`}
      >
        <span class="cover cover-none" aria-hidden="true">
          <Icon name="learn" size={88} />
        </span>
        <span class="card-text">
          <span class="card-title">{work.title}</span>
          <span class="card-authors">{work.summary}</span>
          <span class="badge">{t.kindNotice}</span>
        </span>
      </Button>
    );
  }
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
