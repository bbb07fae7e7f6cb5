/** Bar charts as inline SVG (no script, no external resource), with a title and description. */
export interface Bar {
  label: string;
  value: number;
}

export interface BarChartProps {
  id: string;
  title: string;
  desc: string;
  bars: Bar[];
  /** Show every n-th label under the bars (long periods). */
  labelEvery?: number;
}

const W = 720;
const H = 240;
const PAD = { top: 16, right: 12, bottom: 44, left: 44 };

function niceMax(max: number): number {
  if (max <= 5) return 5;
  const pow = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 5, 10].map((s) => s * pow).find((s) => s * 5 >= max) ?? pow * 10;
  return step * 5;
}

export function BarChart({ id, title, desc, bars, labelEvery }: BarChartProps) {
  const max = niceMax(Math.max(0, ...bars.map((b) => b.value)));
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const slot = innerW / Math.max(1, bars.length);
  const barW = Math.max(1, slot * 0.7);
  const every = labelEvery ?? Math.max(1, Math.ceil(bars.length / 12));
  // niceMax is five round steps: the grid lines fall on whole, readable numbers.
  const ticks = [0, 1, 2, 3, 4, 5].map((i) => (max / 5) * i);
  return (
    <svg
      class="chart"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{desc}</desc>
      {ticks.map((t) => {
        const y = PAD.top + innerH - (t / max) * innerH;
        return (
          <g key={t} aria-hidden="true">
            <line
              x1={PAD.left}
              x2={W - PAD.right}
              y1={y}
              y2={y}
              stroke="#d6d3c7"
              stroke-width="1"
            />
            <text x={PAD.left - 6} y={y + 4} text-anchor="end" font-size="12" fill="#4a4a55">
              {t}
            </text>
          </g>
        );
      })}
      {bars.map((b, i) => {
        const h = (b.value / max) * innerH;
        const x = PAD.left + i * slot + (slot - barW) / 2;
        return (
          <g key={b.label} aria-hidden="true">
            <rect x={x} y={PAD.top + innerH - h} width={barW} height={h} fill="#0b4f8a" />
            {i % every === 0 && (
              <text
                x={x + barW / 2}
                y={H - PAD.bottom + 16}
                text-anchor="middle"
                font-size="12"
                fill="#4a4a55"
              >
                {b.label}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
