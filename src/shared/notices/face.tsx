/**
 * The three feedback faces, drawn by us (no emoji font needed), shared by the phone
 * page and the kiosk stepper so both ask "did this help?" with the same pictures.
 */
export function Face({ kind, size }: { kind: 'yes' | 'neutral' | 'no'; size: number }) {
  const mouth =
    kind === 'yes' ? 'M14 28 Q24 38 34 28' : kind === 'no' ? 'M14 34 Q24 24 34 34' : 'M15 31 H33';
  return (
    <svg
      class="face"
      viewBox="0 0 48 48"
      width={size}
      height={size}
      aria-hidden="true"
      focusable="false"
    >
      <circle cx="24" cy="24" r="21" fill="#ffd166" stroke="#1b1b1f" stroke-width="3" />
      <circle cx="17" cy="19" r="3" fill="#1b1b1f" />
      <circle cx="31" cy="19" r="3" fill="#1b1b1f" />
      <path d={mouth} fill="none" stroke="#1b1b1f" stroke-width="3" stroke-linecap="round" />
    </svg>
  );
}
