import { Button } from '../components/Button.js';
import { Icon, type IconName } from '../components/Icon.js';
import { go, useT, type Route } from '../lib/store.js';
import type { Messages } from '../lib/i18n.js';

type TileKey =
  'search' | 'books' | 'listen' | 'watch' | 'images' | 'documents' | 'software' | 'learn' | 'infos';

const TILES: Array<{ key: TileKey; icon: IconName; hint: keyof Messages; route: Route }> = [
  {
    key: 'books',
    icon: 'book',
    hint: 'booksHint',
    route: { name: 'browse', type: 'book', page: 1 },
  },
  {
    key: 'listen',
    icon: 'listen',
    hint: 'listenHint',
    route: { name: 'browse', type: 'audio', page: 1 },
  },
  {
    key: 'watch',
    icon: 'watch',
    hint: 'watchHint',
    route: { name: 'browse', type: 'video', page: 1 },
  },
  {
    key: 'images',
    icon: 'image',
    hint: 'imagesHint',
    route: { name: 'browse', type: 'image', page: 1 },
  },
  {
    key: 'documents',
    icon: 'document',
    hint: 'documentsHint',
    route: { name: 'browse', type: 'document', page: 1 },
  },
  {
    key: 'software',
    icon: 'software',
    hint: 'softwareHint',
    route: { name: 'browse', type: 'software', page: 1 },
  },
  { key: 'learn', icon: 'learn', hint: 'learnHint', route: { name: 'notices' } },
  { key: 'search', icon: 'search', hint: 'searchHintTile', route: { name: 'search' } },
  { key: 'infos', icon: 'infos', hint: 'infosHint', route: { name: 'infos' } },
];

/** Every kind of work has its tile: nothing is reachable only by searching. */
export function Home() {
  const t = useT();
  return (
    <main class="screen" data-testid="home">
      <h1 class="screen-title">{t.welcome}</h1>
      <div class="tiles">
        {TILES.map((tile) => (
          <Button
            key={tile.key}
            class={`tile tile-${tile.key}`}
            onPress={() => go(tile.route)}
            testId={`tile-${tile.key}`}
          >
            <Icon name={tile.icon} size={96} />
            <span class="tile-text">
              <span class="tile-label">{t[tile.key]}</span>
              <span class="tile-hint">{t[tile.hint] as string}</span>
            </span>
          </Button>
        ))}
      </div>
    </main>
  );
}
