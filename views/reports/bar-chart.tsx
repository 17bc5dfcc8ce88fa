const ROW_H = 26;
const LABEL_W = 150;
const BAR_W = 300;

/** Horizontal bars with their label and value: small enough to draw by hand, no chart library. */
export function BarChart({ label, bars }: { label: string; bars: { label: string; value: number; text: string }[] }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <svg class="bar-chart" viewBox={`0 0 ${LABEL_W + BAR_W + 60} ${bars.length * ROW_H}`} role="img" aria-label={label}>
      {bars.map((bar, i) => (
        <g>
          <text class="axis-label" x="0" y={String(i * ROW_H + 17)} safe>
            {bar.label}
          </text>
          <rect class="bar" x={String(LABEL_W)} y={String(i * ROW_H + 4)} width={String(Math.max(1, Math.round((bar.value / max) * BAR_W)))} height={String(ROW_H - 8)} rx="3" />
          <text class="axis-label" x={String(LABEL_W + BAR_W + 8)} y={String(i * ROW_H + 17)} safe>
            {bar.text}
          </text>
        </g>
      ))}
    </svg>
  );
}
