import type { WorkType } from '../catalogue/types.js';

/**
 * Line icons drawn inline (about 200 bytes each): no request, no font, no JavaScript.
 * 24×24 grid, stroke in `currentColor`.
 */
const PATHS: Record<WorkType | 'notice' | 'parcours', string> = {
  book: 'M4 5.5C6.5 4 9.5 4 12 6c2.5-2 5.5-2 8-.5V19c-2.5-1.5-5.5-1.5-8 .5-2.5-2-5.5-2-8-.5zM12 6v13.5',
  audio: 'M4 15v-3a8 8 0 0 1 16 0v3M4 15h3v5H4zM17 15h3v5h-3z',
  video: 'M3 6h13v12H3zM16 10l5-3v10l-5-3',
  image: 'M3 5h18v14H3zM3 16l5-5 4 4 3-3 6 6M15.5 9.5h.01',
  document: 'M6 3h8l4 4v14H6zM14 3v4h4M9 12h6M9 16h6',
  software: 'M4 5h16v11H4zM9 20h6M12 16v4M8 9l-2 1.5L8 12M16 9l2 1.5-2 1.5',
  encyclopedia:
    'M12 3a9 9 0 1 1 0 18 9 9 0 0 1 0-18zM3 12h18M12 3c-3.5 3-3.5 15 0 18M12 3c3.5 3 3.5 15 0 18',
  notice: 'M5 4h14v16H5zM8.5 8h7M8.5 12h7M8.5 16h4',
  parcours: 'M5 19h4v-4h4v-4h4V7h3M5 19v1M17 7l3-3M20 4v3M20 4h-3',
};

export function KindIcon({
  kind,
  size = 32,
}: {
  kind: WorkType | 'notice' | 'parcours';
  size?: number;
}) {
  return (
    <svg
      class="icon"
      viewBox="0 0 24 24"
      width={size}
      height={size}
      aria-hidden="true"
      focusable="false"
    >
      <path
        d={PATHS[kind]}
        fill="none"
        stroke="currentColor"
        stroke-width="1.8"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
  );
}
