import type { PageContext } from '../layout/page-context';
import type { Heatmap } from '../../src/reports/heatmap-report';
import type { MessageKey } from '../../src/i18n/translate';

const CELL_W = 26;
const CELL_H = 22;
const LEFT = 44;
const TOP = 20;

export const WEEKDAY_KEYS: MessageKey[] = ['reports.weekday.0', 'reports.weekday.1', 'reports.weekday.2', 'reports.weekday.3', 'reports.weekday.4', 'reports.weekday.5', 'reports.weekday.6'];

const hourLabel = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

/**
 * Busiest hours: weekdays down, hours across, in the business time zone. Darker = more conversations opened; the
 * shade is an SVG presentation attribute (CSP allows those, not style attributes). Each cell has a text tooltip.
 */
export function HeatmapChart({ page, heatmap }: { page: PageContext; heatmap: Heatmap }) {
  const width = LEFT + 24 * CELL_W;
  const height = TOP + 7 * CELL_H;
  return (
    <svg class="heatmap" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={page.t('reports.heatmap.title')} data-testid="heatmap" direction="ltr">
      {Array.from({ length: 24 }, (_, hour) =>
        hour % 3 === 0 ? (
          <text class="axis-label" x={String(LEFT + hour * CELL_W + 2)} y="14" safe>
            {hourLabel(hour)}
          </text>
        ) : (
          ''
        ),
      )}
      {heatmap.cells.map((row, weekday) => (
        <g>
          <text class="axis-label" x="0" y={String(TOP + weekday * CELL_H + 15)} safe>
            {page.t(WEEKDAY_KEYS[weekday]!)}
          </text>
          {row.map((count, hour) => (
            <rect
              class="heat-cell"
              x={String(LEFT + hour * CELL_W)}
              y={String(TOP + weekday * CELL_H)}
              width={String(CELL_W - 2)}
              height={String(CELL_H - 2)}
              rx="3"
              fill-opacity={heatmap.max > 0 ? (0.08 + 0.92 * (count / heatmap.max)).toFixed(2) : '0.08'}
              data-count={String(count)}
            >
              <title safe>{page.t('reports.heatmap.cell', { day: page.t(WEEKDAY_KEYS[weekday]!), hour: hourLabel(hour), count: page.format.number(count) })}</title>
            </rect>
          ))}
        </g>
      ))}
    </svg>
  );
}
