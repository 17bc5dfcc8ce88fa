import type { PageContext } from '../layout/page-context';
import type { OverviewReport } from '../../src/reports/overview-report';
import type { Spread } from '../../src/reports/statistics';
import type { MessageKey } from '../../src/i18n/translate';
import { formatNumber, formatPercent, formatReportDuration } from './report-format';

/** One line of the overview: shown as `text` on the page, exported as `raw` (durations in seconds) in CSV. */
export interface OverviewRow {
  label: string;
  text: string;
  raw: number | string | null;
}

const seconds = (ms: number | null) => (ms === null ? null : Math.round(ms / 1000));

/** The overview as labelled lines, in the viewer's language; the page and its CSV export both use this list. */
export function overviewRows(page: PageContext, report: OverviewReport): OverviewRow[] {
  const rows: OverviewRow[] = [];
  const count = (key: MessageKey, value: number | null) => rows.push({ label: page.t(key), text: formatNumber(page, value), raw: value });
  const percent = (key: MessageKey, value: number | null) => rows.push({ label: page.t(key), text: formatPercent(page, value), raw: value });
  const spread = (key: MessageKey, calendar: Spread, business: Spread) => {
    for (const [which, s] of [
      ['calendar', calendar],
      ['business', business],
    ] as const) {
      rows.push({ label: page.t('reports.metric.median', { metric: page.t(key), clock: page.t(`reports.clock.${which}`) }), text: formatReportDuration(page, s.median), raw: seconds(s.median) });
      rows.push({ label: page.t('reports.metric.p90', { metric: page.t(key), clock: page.t(`reports.clock.${which}`) }), text: formatReportDuration(page, s.p90), raw: seconds(s.p90) });
    }
  };
  count('reports.opened', report.opened);
  count('reports.resolved', report.resolved);
  count('reports.messagesIn', report.messagesIn);
  count('reports.messagesOut', report.messagesOut);
  spread('reports.firstResponse', report.firstResponse.calendar, report.firstResponse.business);
  spread('reports.responseTime', report.response.calendar, report.response.business);
  spread('reports.resolutionTime', report.resolution.calendar, report.resolution.business);
  count('reports.wait.within5', report.waits.within5);
  count('reports.wait.within15', report.waits.within15);
  count('reports.wait.over15', report.waits.over15);
  count('reports.wait.unanswered', report.waits.unanswered);
  rows.push({ label: page.t('reports.csat.average'), text: report.csat.average === null ? '—' : page.t('reports.csat.averageOf', { average: page.format.number(report.csat.average), n: page.format.number(report.csat.answered) }), raw: report.csat.average });
  percent('reports.csat.responseRate', report.csat.responseRate);
  percent('reports.containment', report.containmentRate);
  percent('reports.escalation', report.escalationRate);
  count('reports.repeat', report.repeatContacts);
  percent('reports.repeatRate', report.repeatRate);
  if (!report.sla.configured) {
    rows.push({ label: page.t('reports.sla.title'), text: page.t('reports.sla.notConfigured'), raw: page.t('reports.sla.notConfigured') });
  } else {
    for (const target of report.sla.targets) percent(`reports.sla.compliance.${target.target}`, target.compliance);
    count('reports.sla.breaches', report.sla.breaches);
  }
  return rows;
}
