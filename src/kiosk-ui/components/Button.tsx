import type { ComponentChildren } from 'preact';
import { acceptPress } from '../lib/guards.js';

interface Props {
  onPress: () => void;
  children: ComponentChildren;
  class?: string;
  label?: string;
  pressed?: boolean;
  disabled?: boolean;
  testId?: string;
  /** Keyboard keys accept quicker presses than buttons that change the screen. */
  gapMs?: number;
}

/** Every touchable thing on the kiosk: big, one action per press (see `acceptPress`). */
export function Button({
  onPress,
  children,
  class: cls,
  label,
  pressed,
  disabled,
  testId,
  gapMs,
}: Props) {
  return (
    <button
      type="button"
      class={`btn ${cls ?? ''}`}
      aria-label={label}
      aria-pressed={pressed}
      disabled={disabled}
      data-testid={testId}
      onClick={(e) => {
        e.preventDefault();
        if (acceptPress(gapMs)) onPress();
      }}
    >
      {children}
    </button>
  );
}
