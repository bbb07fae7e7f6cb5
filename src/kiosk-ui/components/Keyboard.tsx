import { useT } from '../lib/store.js';
import { Button } from './Button.js';
import { Icon } from './Icon.js';

/**
 * An AZERTY keyboard inside the page: system on-screen keyboards do not show over a
 * full-screen kiosk window under Wayland, and seniors need big keys anyway.
 */
const ROWS = [
  ['a', 'z', 'e', 'r', 't', 'y', 'u', 'i', 'o', 'p'],
  ['q', 's', 'd', 'f', 'g', 'h', 'j', 'k', 'l', 'm'],
  ['w', 'x', 'c', 'v', 'b', 'n', '’', '-'],
  ['é', 'è', 'ê', 'ë', 'à', 'â', 'ç', 'ù', 'û', 'ô', 'î', 'ï'],
];

export const MAX_QUERY = 60;
/** Quick enough for a typist, slow enough to ignore a finger that bounces. */
const KEY_GAP_MS = 200;

interface Props {
  value: string;
  onChange: (value: string) => void;
  onSubmit: () => void;
  submitLabel: string;
}

export function Keyboard({ value, onChange, onSubmit, submitLabel }: Props) {
  const t = useT();
  const type = (ch: string) => {
    if (value.length < MAX_QUERY) onChange(value + ch);
  };
  return (
    <div class="keyboard" role="group" aria-label={t.keyboard}>
      {ROWS.map((row, i) => (
        <div class="key-row" key={i}>
          {row.map((ch) => (
            <Button
              key={ch}
              class="key"
              gapMs={KEY_GAP_MS}
              onPress={() => type(ch === '’' ? "'" : ch)}
              testId={`key-${ch}`}
            >
              {ch}
            </Button>
          ))}
          {i === 0 && (
            <Button
              class="key key-wide"
              gapMs={KEY_GAP_MS}
              onPress={() => onChange(value.slice(0, -1))}
              label={t.keyBackspace}
              testId="key-backspace"
            >
              <Icon name="backspace" />
            </Button>
          )}
        </div>
      ))}
      <div class="key-row">
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
          <Icon name="search" />
          {submitLabel}
        </Button>
      </div>
    </div>
  );
}
