import { useEffect, useState } from 'preact/hooks';
import { useT } from '../lib/store.js';
import { Button } from './Button.js';
import { Icon, type IconName } from './Icon.js';

/**
 * An AZERTY keyboard inside the page: system on-screen keyboards do not show over a
 * full-screen kiosk window under Wayland, and seniors need big keys anyway.
 *
 * Three layouts, chosen from the screen's size (docs/kiosk-screens.md), so that keys stay
 * at least 11 mm wide everywhere instead of shrinking:
 * - `wide` (1920×1080): three letter rows and the accents on a fourth row;
 * - `compact` (landscape screens under 900 px high): the accents on a second layer,
 *   behind the « é à ç » key, so the keyboard is one row shorter;
 * - `narrow` (portrait screens): the same AZERTY rows cut in halves, five keys a row,
 *   the accents behind « é à ç » too (the layer key then sits with « Espace »).
 */
export type KeyboardLayout = 'wide' | 'compact' | 'narrow';

type Key = string | 'backspace' | 'layer';
const LETTERS: Key[][] = [
  ['a', 'z', 'e', 'r', 't', 'y', 'u', 'i', 'o', 'p'],
  ['q', 's', 'd', 'f', 'g', 'h', 'j', 'k', 'l', 'm'],
  ['w', 'x', 'c', 'v', 'b', 'n', '’', '-'],
];
const ACCENTS: Key[] = ['é', 'è', 'ê', 'ë', 'à', 'â', 'ç', 'ù', 'û', 'ô', 'î', 'ï'];

/** The rows of keys for a layout and a layer (letters or accents). */
export function keyRows(layout: KeyboardLayout, accents: boolean): Key[][] {
  const [top, middle, bottom] = LETTERS as [Key[], Key[], Key[]];
  if (layout === 'wide') return [[...top, 'backspace'], middle, bottom, ACCENTS];
  if (layout === 'compact')
    return accents
      ? [[...ACCENTS.slice(0, 6), 'backspace'], ACCENTS.slice(6), ['layer']]
      : [[...top, 'backspace'], middle, [...bottom, 'layer']];
  const halves = (row: Key[]) => [row.slice(0, 5), row.slice(5)];
  return accents
    ? [ACCENTS.slice(0, 5), ACCENTS.slice(5, 10), [...ACCENTS.slice(10), 'backspace']]
    : [...halves(top), ...halves(middle), bottom.slice(0, 5), [...bottom.slice(5), 'backspace']];
}

export function layoutFor(width: number, height: number): KeyboardLayout {
  if (height > width && width < 1000) return 'narrow';
  return height >= 900 ? 'wide' : 'compact';
}

function useLayout(): KeyboardLayout {
  const [layout, setLayout] = useState(() => layoutFor(window.innerWidth, window.innerHeight));
  useEffect(() => {
    const update = () => setLayout(layoutFor(window.innerWidth, window.innerHeight));
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, []);
  return layout;
}

export const MAX_QUERY = 60;
/** Quick enough for a typist, slow enough to ignore a finger that bounces. */
const KEY_GAP_MS = 200;

interface Props {
  value: string;
  onChange: (value: string) => void;
  onSubmit: () => void;
  submitLabel: string;
  /** The longest text it types (a search by default). */
  max?: number;
  /** The submit key's icon. */
  submitIcon?: IconName;
}

export function Keyboard({
  value,
  onChange,
  onSubmit,
  submitLabel,
  max = MAX_QUERY,
  submitIcon = 'search',
}: Props) {
  const t = useT();
  const layout = useLayout();
  const [accents, setAccents] = useState(false);
  const type = (ch: string) => {
    if (value.length < max) onChange(value + ch);
  };
  const key = (k: Key) => {
    if (k === 'backspace')
      return (
        <Button
          key={k}
          class="key key-back"
          gapMs={KEY_GAP_MS}
          onPress={() => onChange(value.slice(0, -1))}
          label={t.keyBackspace}
          testId="key-backspace"
        >
          <Icon name="backspace" />
        </Button>
      );
    if (k === 'layer')
      return (
        <Button
          key={k}
          class="key key-wide key-layer"
          gapMs={KEY_GAP_MS}
          onPress={() => setAccents(!accents)}
          testId={accents ? 'key-letters' : 'key-accents'}
        >
          {/* Named by words, not by an aria-label its visible letters would contradict. */}
          <span aria-hidden="true">{accents ? 'a b c' : 'é à ç'}</span>
          <span class="visually-hidden">{accents ? t.keyLetters : t.keyAccents}</span>
        </Button>
      );
    return (
      <Button
        key={k}
        class="key"
        gapMs={KEY_GAP_MS}
        onPress={() => type(k === '’' ? "'" : k)}
        testId={`key-${k}`}
      >
        {k}
      </Button>
    );
  };
  return (
    <div class={`keyboard keyboard-${layout}`} role="group" aria-label={t.keyboard}>
      {keyRows(layout, accents && layout !== 'wide').map((row, i) => (
        <div class="key-row" key={`${layout}-${accents ? 'a' : 'l'}-${i}`}>
          {row.map(key)}
        </div>
      ))}
      <div class="key-row key-row-actions">
        {layout === 'narrow' && key('layer')}
        <Button class="key key-wide key-quiet" onPress={() => onChange('')} testId="key-clear">
          {t.keyClear}
        </Button>
        <Button
          class="key key-space"
          gapMs={KEY_GAP_MS}
          onPress={() => type(' ')}
          testId="key-space"
        >
          {t.keySpace}
        </Button>
        <Button
          class="key key-wide key-go"
          onPress={onSubmit}
          disabled={!value.trim()}
          testId="key-submit"
        >
          <Icon name={submitIcon} />
          {submitLabel}
        </Button>
      </div>
    </div>
  );
}
