import type { PageContext } from '../layout/page-context';
import { AppShell } from '../layout/app-shell';
import type { LiveDashboard } from '../../src/reports/live-dashboard';
import { formatNumber, formatReportDuration } from './report-format';
import { CsvLink } from './report-filters';

/** /reports/live: what supervisors watch during the day; refreshes itself every 30 seconds. */
export function LivePage({ page, live }: { page: PageContext; live: LiveDashboard }) {
  return (
    <AppShell page={page} title={page.t('reports.live.title')}>
      <div class="report-head">
        <h1 safe>{page.t('reports.live.title')}</h1>
        <a href="/reports" safe>
          {page.t('reports.title')}
        </a>
      </div>
      <div id="live-dashboard" hx-get="/reports/live" hx-trigger="every 30s" hx-select="#live-dashboard" hx-target="this" hx-swap="outerHTML">
        <ul class="stat-cards">
          <li class="card">
            <span class="stat" safe>
              {formatNumber(page, live.agentsOnline)}
            </span>
            <span class="muted" safe>
              {page.t('reports.live.online')}
            </span>
          </li>
          <li class="card">
            <span class="stat" safe>
              {formatNumber(page, live.agentsAtCapacity)}
            </span>
            <span class="muted" safe>
              {page.t('reports.live.atCapacity')}
            </span>
          </li>
          <li class="card">
            <span class="stat" safe>
              {live.breachesNow === null ? '—' : formatNumber(page, live.breachesNow)}
            </span>
            <span class="muted" safe>
              {live.breachesNow === null ? page.t('reports.sla.notConfigured') : page.t('reports.live.breaches')}
            </span>
          </li>
        </ul>
        <section class="card">
          <div class="report-head">
            <h2 safe>{page.t('reports.live.queues')}</h2>
            <CsvLink page={page} href="/reports/live?format=csv" />
          </div>
          {live.queues.length === 0 ? (
            <p class="muted" safe>
              {page.t('reports.live.noQueue')}
            </p>
          ) : (
            <table class="report-table" data-testid="queues">
              <thead>
                <tr>
                  <th scope="col" safe>
                    {page.t('reports.filter.team')}
                  </th>
                  <th scope="col" safe>
                    {page.t('reports.live.waiting')}
                  </th>
                  <th scope="col" safe>
                    {page.t('reports.live.longestWait')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {live.queues.map((queue) => (
                  <tr>
                    <th scope="row" safe>
                      {queue.teamName ?? page.t('reports.live.noTeam')}
                    </th>
                    <td safe>{formatNumber(page, queue.waiting)}</td>
                    <td safe>{formatReportDuration(page, queue.longestWaitMs)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
    </AppShell>
  );
}
