import type { PageContext } from '../layout/page-context';
import { AppShell } from '../layout/app-shell';
import type { ReportRange } from '../../src/reports/report-range';
import type { OverviewReport } from '../../src/reports/overview-report';
import type { Heatmap } from '../../src/reports/heatmap-report';
import type { AgentRow } from '../../src/reports/agents-report';
import { ReportFilters, CsvLink, csvHref, type ReportChoices } from './report-filters';
import { HeatmapChart } from './heatmap-chart';
import { BarChart } from './bar-chart';
import { AgentsTable } from './agents-table';
import { overviewRows } from './overview-rows';
import { formatNumber } from './report-format';

export interface ReportsPageProps {
  page: PageContext;
  range: ReportRange;
  choices: ReportChoices;
  overview: OverviewReport;
  heatmap: Heatmap;
  agents: AgentRow[];
  /** Supervisors and admins also get the live dashboard link. */
  showLive: boolean;
}

/** /reports: the overview of a range, its busiest hours and the agents table; each table downloads as CSV. */
export function ReportsPage({ page, range, choices, overview, heatmap, agents, showLive }: ReportsPageProps) {
  const w = overview.waits;
  return (
    <AppShell page={page} title={page.t('reports.title')}>
      <div class="report-head">
        <h1 safe>{page.t('reports.title')}</h1>
        {showLive ? (
          <a href="/reports/live" safe>
            {page.t('reports.live.title')}
          </a>
        ) : (
          ''
        )}
      </div>
      <p class="muted" safe>
        {page.t('reports.intro', { timeZone: range.timeZone })}
      </p>
      <ReportFilters page={page} range={range} choices={choices} action="/reports" />

      <section class="card" aria-labelledby="overview-title">
        <div class="report-head">
          <h2 id="overview-title" safe>
            {page.t('reports.overview.title')}
          </h2>
          <CsvLink page={page} href={csvHref('/reports', range, 'overview')} />
        </div>
        <div class="table-scroll">
          <table class="report-table" data-testid="overview">
            <tbody>
              {overviewRows(page, overview).map((row) => (
                <tr>
                  <th scope="row" safe>
                    {row.label}
                  </th>
                  <td safe>{row.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h3 safe>{page.t('reports.wait.title')}</h3>
        <BarChart
          label={page.t('reports.wait.title')}
          bars={[
            { label: page.t('reports.wait.within5'), value: w.within5, text: formatNumber(page, w.within5) },
            { label: page.t('reports.wait.within15'), value: w.within15, text: formatNumber(page, w.within15) },
            { label: page.t('reports.wait.over15'), value: w.over15, text: formatNumber(page, w.over15) },
            { label: page.t('reports.wait.unanswered'), value: w.unanswered, text: formatNumber(page, w.unanswered) },
          ]}
        />
        <p class="muted small" safe>
          {page.t('reports.definitions')}
        </p>
      </section>

      <section class="card" aria-labelledby="heatmap-title">
        <div class="report-head">
          <h2 id="heatmap-title" safe>
            {page.t('reports.heatmap.title')}
          </h2>
          <CsvLink page={page} href={csvHref('/reports', range, 'heatmap')} />
        </div>
        <p class="muted" safe>
          {page.t('reports.heatmap.intro', { timeZone: range.timeZone })}
        </p>
        <HeatmapChart page={page} heatmap={heatmap} />
      </section>

      <section class="card" aria-labelledby="agents-title">
        <div class="report-head">
          <h2 id="agents-title" safe>
            {page.t('reports.agents.title')}
          </h2>
          <CsvLink page={page} href={csvHref('/reports', range, 'agents')} />
        </div>
        <AgentsTable page={page} rows={agents} />
      </section>
    </AppShell>
  );
}
