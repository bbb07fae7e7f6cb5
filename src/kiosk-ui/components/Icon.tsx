/** Simple line icons drawn for the kiosk (no icon font, nothing fetched). */
const PATHS = {
  book: 'M6 5h14a4 4 0 0 1 4 4v30a3 3 0 0 0-3-3H6zM42 5H28a4 4 0 0 0-4 4v30a3 3 0 0 1 3-3h15z',
  listen: 'M8 30v-6a16 16 0 0 1 32 0v6M8 30h6v12H8zM34 30h6v12h-6z',
  watch: 'M5 10h38v28H5zM20 17v14l12-7z',
  learn: 'M24 5a12 12 0 0 1 7 22v5H17v-5A12 12 0 0 1 24 5zM18 37h12M20 42h8',
  image: 'M5 9h38v30H5zM5 33l11-11 9 9 6-6 12 12M32 14a3 3 0 1 1 0 6 3 3 0 0 1 0-6z',
  document: 'M12 4h17l9 9v31H12zM29 4v9h9M18 22h14M18 29h14M18 36h9',
  software: 'M5 8h38v26H5zM17 42h14M24 34v8M19 15l-6 6 6 6M29 15l6 6-6 6',
  encyclopedia:
    'M24 4a20 20 0 1 1 0 40 20 20 0 0 1 0-40zM4 24h40M24 4c-7 6-7 34 0 40M24 4c7 6 7 34 0 40',
  infos: 'M24 4a20 20 0 1 1 0 40 20 20 0 0 1 0-40zM24 21v14M24 13v2',
  search: 'M20 6a14 14 0 1 1 0 28 14 14 0 0 1 0-28zM30 30l12 12',
  home: 'M6 22L24 7l18 15M11 18v22h26V18M20 40V28h8v12',
  back: 'M28 8L12 24l16 16M12 24h28',
  settings: 'M4 38L14 10h2l10 28M8 28h14M30 38l6-16h2l6 16M32 33h10',
  finish: 'M18 8H8v32h10M22 24h20M34 16l8 8-8 8',
  play: 'M14 8v32l26-16z',
  pause: 'M12 8h8v32h-8zM28 8h8v32h-8z',
  rewind: 'M22 12L8 24l14 12zM40 12L26 24l14 12z',
  forward: 'M26 12l14 12-14 12zM8 12l14 12L8 36z',
  phone: 'M14 4h20a3 3 0 0 1 3 3v34a3 3 0 0 1-3 3H14a3 3 0 0 1-3-3V7a3 3 0 0 1 3-3zM21 38h6',
  print: 'M12 18V6h24v12M12 34H6V18h36v16h-6M12 28h24v14H12z',
  next: 'M20 8l16 16-16 16',
  prev: 'M28 8L12 24l16 16',
  backspace: 'M16 10h26v28H16L4 24zM22 18l12 12M34 18L22 30',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 48 }: { name: IconName; size?: number }) {
  return (
    <svg
      class="icon"
      width={size}
      height={size}
      viewBox="0 0 48 48"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      stroke-width="3.5"
      stroke-linecap="round"
      stroke-linejoin="round"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
