// Small SVG charts rendered on the server: readable without JavaScript, with a title and a
// description for screen readers, and each point's value in a tooltip (<title>).
const WIDTH = 640;
const HEIGHT = 220;
const PAD = { top: 12, right: 16, bottom: 28, left: 36 };

export type Series = { label: string; values: (number | null)[]; className: string };

export function TrendChart({ title, description, labels, series, max = 100 }: { title: string; description: string; labels: string[]; series: Series[]; max?: number }) {
  const id = `chart-${title.replace(/\W+/g, "-").toLowerCase()}`;
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (labels.length <= 1 ? plotW / 2 : (plotW * i) / (labels.length - 1));
  const y = (v: number) => PAD.top + plotH - (plotH * Math.max(0, Math.min(max, v))) / max;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => Math.round(f * max));
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} data-testid="trend-chart">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {ticks.map((tick) => (
          <g key={tick} className="chart-grid">
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} />
            <text x={PAD.left - 6} y={y(tick) + 4} textAnchor="end">
              {tick}
            </text>
          </g>
        ))}
        {labels.map((label, i) => (
          <text key={label} className="chart-label" x={x(i)} y={HEIGHT - 8} textAnchor="middle">
            {label.slice(5)}
          </text>
        ))}
        {series.map((s) => {
          const points = s.values.map((v, i) => (v === null ? null : ([x(i), y(v), v] as const))).filter((p) => p !== null);
          return (
            <g key={s.label} className={`chart-series ${s.className}`}>
              <polyline fill="none" points={points.map(([px, py]) => `${px},${py}`).join(" ")} />
              {points.map(([px, py, v], i) => (
                <circle key={i} cx={px} cy={py} r={3}>
                  <title>{`${s.label}: ${v.toFixed(1)}`}</title>
                </circle>
              ))}
            </g>
          );
        })}
      </svg>
      <figcaption className="chart-legend">
        {series.map((s) => (
          <span key={s.label} className={`chart-key ${s.className}`}>
            {s.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

export function BarChart({ title, description, bars }: { title: string; description: string; bars: { label: string; value: number; className?: string }[] }) {
  const id = `chart-${title.replace(/\W+/g, "-").toLowerCase()}`;
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const slot = plotW / Math.max(1, bars.length);
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} data-testid="bar-chart">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <line className="chart-axis" x1={PAD.left} x2={WIDTH - PAD.right} y1={PAD.top + plotH} y2={PAD.top + plotH} />
        {bars.map((b, i) => {
          const h = (plotH * b.value) / max;
          const bx = PAD.left + i * slot + slot * 0.15;
          return (
            <g key={b.label} className={`chart-bar ${b.className ?? ""}`}>
              <rect x={bx} y={PAD.top + plotH - h} width={slot * 0.7} height={h}>
                <title>{`${b.label}: ${b.value}`}</title>
              </rect>
              <text x={bx + slot * 0.35} y={PAD.top + plotH - h - 4} textAnchor="middle">
                {b.value}
              </text>
              <text className="chart-label" x={bx + slot * 0.35} y={HEIGHT - 8} textAnchor="middle">
                {b.label}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
