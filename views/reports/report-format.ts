import type { PageContext } from '../layout/page-context';

/** A duration for reports: seconds under a minute (response times are often short), else the inbox's compact form. */
export function formatReportDuration(page: PageContext, ms: number | null): string {
  if (ms === null) return '—';
  const seconds = Math.round(ms / 1000);
  const n = page.format.number;
  if (seconds < 60) return page.t('reports.duration.seconds', { s: n(seconds) });
  const minutes = Math.floor(seconds / 60);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return page.t('inbox.duration.daysHours', { d: n(days), h: n(hours) });
  if (hours > 0) return page.t('inbox.duration.hoursMinutes', { h: n(hours), m: n(minutes % 60) });
  return page.t('inbox.duration.minutes', { m: n(minutes) });
}

export const formatPercent = (page: PageContext, value: number | null): string => (value === null ? '—' : page.t('reports.percent', { n: page.format.number(value) }));

export const formatNumber = (page: PageContext, value: number | null): string => (value === null ? '—' : page.format.number(value));
