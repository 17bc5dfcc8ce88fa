import { Elysia } from 'elysia';
import type { AppDeps } from '../deps';
import { webContext } from '../accounts/web-context.plugin';
import { MANAGERS, REPORT_READERS } from '../accounts/access-policy';
import { getBusinessSettings } from '../settings/business-settings';
import type { PageContext } from '../../views/layout/page-context';
import { ReportsPage } from '../../views/reports/reports.page';
import { LivePage } from '../../views/reports/live.page';
import { overviewRows } from '../../views/reports/overview-rows';
import { AGENT_COLUMNS } from '../../views/reports/agents-table';
import { WEEKDAY_KEYS } from '../../views/reports/heatmap-chart';
import { parseReportQuery, type ReportRange } from './report-range';
import { overviewReport } from './overview-report';
import { heatmapReport } from './heatmap-report';
import { agentsReport, type AgentRow } from './agents-report';
import { liveDashboard } from './live-dashboard';
import { reportChoices } from './report-choices';
import { toCsv, type CsvCell } from './csv';

const CSV_TABLES = ['overview', 'heatmap', 'agents'] as const;
type CsvTable = (typeof CSV_TABLES)[number];
const seconds = (ms: number | null) => (ms === null ? null : Math.round(ms / 1000));

/**
 * /reports for admins, supervisors and analysts (analysts see nothing else); /reports/live for supervisors and
 * admins. `?format=csv&table=overview|heatmap|agents` downloads that table with the same range and filters.
 */
export function reportsRoutes(deps: AppDeps) {
  return new Elysia()
    .use(webContext(deps))
    .get(
      '/reports',
      ({ page, query }) => {
        const now = deps.clock.now();
        const range = parseReportQuery(query, now, getBusinessSettings(deps.db).timeZone);
        const table = CSV_TABLES.find((name) => name === query.table);
        if (query.format === 'csv' && table) return csvResponse(table, page, range, deps, now);
        return (
          <ReportsPage
            page={page}
            range={range}
            choices={reportChoices(deps.db)}
            overview={overviewReport(deps.db, range)}
            heatmap={heatmapReport(deps.db, range)}
            agents={agentsReport(deps.db, range, now)}
            showLive={page.user?.role === 'admin' || page.user?.role === 'supervisor'}
          />
        );
      },
      { access: REPORT_READERS },
    )
    .get(
      '/reports/live',
      ({ page, query }) => {
        const live = liveDashboard(deps.db, deps.clock.now());
        if (query.format !== 'csv') return <LivePage page={page} live={live} />;
        const rows = live.queues.map((queue) => [queue.teamName ?? page.t('reports.live.noTeam'), queue.waiting, seconds(queue.longestWaitMs)]);
        const body = toCsv([page.t('reports.filter.team'), page.t('reports.live.waiting'), page.t('reports.live.longestWait')], rows);
        return new Response(body, { headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="rasil-queues.csv"' } });
      },
      { access: MANAGERS },
    );
}

function csvResponse(table: CsvTable, page: PageContext, range: ReportRange, deps: AppDeps, now: number): Response {
  let body: string;
  if (table === 'overview') {
    body = toCsv([page.t('reports.csv.metric'), page.t('reports.csv.value')], overviewRows(page, overviewReport(deps.db, range)).map((row) => [row.label, row.raw]));
  } else if (table === 'heatmap') {
    const { cells } = heatmapReport(deps.db, range);
    body = toCsv([page.t('reports.csv.weekday'), ...Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, '0')}:00`)], cells.map((row, day) => [page.t(WEEKDAY_KEYS[day]!), ...row]));
  } else {
    body = toCsv(
      AGENT_COLUMNS.map((key) => page.t(key)),
      agentsReport(deps.db, range, now).map(agentCsvRow),
    );
  }
  const filename = `rasil-${table}-${range.fromDate}-${range.toDate}.csv`;
  return new Response(body, { headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"` } });
}

/** Raw figures in the page's column order: durations in seconds (median), rates in percent, online time in minutes. */
function agentCsvRow(row: AgentRow): CsvCell[] {
  return [
    row.name,
    row.handled,
    row.resolutionRate,
    seconds(row.firstResponseMedian),
    seconds(row.responseMedian),
    row.transferRate,
    row.csatAverage,
    row.onlineMs === null ? null : Math.round(row.onlineMs / 60_000),
    row.slaBreaches,
    row.thisWeek,
    row.lastWeek,
  ];
}
