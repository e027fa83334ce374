export interface Bar {
  label: string;
  value: number;
  /** The value as the table writes it. */
  text: string;
}

interface BarChartProps {
  title: string;
  bars: Bar[];
  /** The scale's end: 100 for percentages, else the largest value. */
  max: number;
  /** A note under the title (which bars are shown). */
  note?: string;
  color?: string;
}

const WIDTH = 320;
const ROW = 34;

/**
 * Horizontal bars drawn on the server as SVG: no charting library in the
 * worker. Each bar's name sits above it, so long machine names fit a 360 px
 * phone; the same numbers are in the table below, which screen readers use
 * (the figure is named by its title and otherwise hidden from them).
 */
export function BarChart({ title, bars, max, note, color = "#b45309" }: BarChartProps) {
  const height = bars.length * ROW + 4;
  const scale = max > 0 ? (WIDTH - 56) / max : 0;
  return (
    <figure className="min-w-0 rounded-lg border border-slate-200 bg-white p-4">
      <figcaption className="font-semibold">{title}</figcaption>
      {note && <p className="text-sm text-slate-600">{note}</p>}
      <svg viewBox={`0 0 ${WIDTH} ${height}`} className="mt-3 block w-full max-w-xl" role="img" aria-label={title}>
        {bars.map((bar, i) => {
          const y = i * ROW;
          const width = Math.max(bar.value > 0 ? 2 : 0, bar.value * scale);
          return (
            <g key={`${bar.label}-${i}`} aria-hidden="true">
              <text x={0} y={y + 11} fontSize={11} fill="#334155">
                {bar.label.length > 48 ? `${bar.label.slice(0, 47)}…` : bar.label}
              </text>
              <rect x={0} y={y + 15} width={width} height={14} rx={2} fill={color} />
              <text x={width + 4} y={y + 26} fontSize={11} fill="#0f172a">
                {bar.text}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
