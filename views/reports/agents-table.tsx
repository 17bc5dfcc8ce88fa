import type { PageContext } from '../layout/page-context';
import type { AgentRow } from '../../src/reports/agents-report';
import type { MessageKey } from '../../src/i18n/translate';
import { formatNumber, formatPercent, formatReportDuration } from './report-format';

export const AGENT_COLUMNS: MessageKey[] = [
  'reports.agents.name',
  'reports.agents.handled',
  'reports.agents.resolutionRate',
  'reports.agents.firstResponse',
  'reports.agents.responseTime',
  'reports.agents.transferRate',
  'reports.agents.csat',
  'reports.agents.online',
  'reports.agents.slaBreaches',
  'reports.agents.thisWeek',
  'reports.agents.lastWeek',
];

/** The per-agent cells as text (page) — the CSV export writes raw numbers in the same column order. */
export function agentCells(page: PageContext, row: AgentRow): string[] {
  return [
    row.name,
    formatNumber(page, row.handled),
    formatPercent(page, row.resolutionRate),
    formatReportDuration(page, row.firstResponseMedian),
    formatReportDuration(page, row.responseMedian),
    formatPercent(page, row.transferRate),
    row.csatAverage === null ? '—' : page.t('reports.csat.averageOf', { average: page.format.number(row.csatAverage), n: page.format.number(row.csatAnswers) }),
    row.onlineMs === null ? page.t('reports.notTracked') : formatReportDuration(page, row.onlineMs),
    row.slaBreaches === null ? page.t('reports.sla.notConfigured') : formatNumber(page, row.slaBreaches),
    formatNumber(page, row.thisWeek),
    `${formatNumber(page, row.lastWeek)} ${weekChange(page, row)}`,
  ];
}

function weekChange(page: PageContext, row: AgentRow): string {
  if (row.lastWeek === 0) return '';
  const change = Math.round(((row.thisWeek - row.lastWeek) / row.lastWeek) * 100);
  return page.t('reports.agents.change', { n: `${change > 0 ? '+' : ''}${page.format.number(change)}` });
}

export function AgentsTable({ page, rows }: { page: PageContext; rows: AgentRow[] }) {
  if (rows.length === 0) {
    return (
      <p class="muted" safe>
        {page.t('reports.agents.none')}
      </p>
    );
  }
  return (
    <div class="table-scroll">
      <table class="report-table">
        <thead>
          <tr>
            {AGENT_COLUMNS.map((key) => (
              <th scope="col" safe>
                {page.t(key)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr>
              {agentCells(page, row).map((cell, i) =>
                i === 0 ? (
                  <th scope="row" safe>
                    {cell}
                  </th>
                ) : (
                  <td safe>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
