import type { PageContext } from '../layout/page-context';

/** "2 d 3 h", "5 h 12 m", "7 m" or "just now": compact enough for a list row on a phone. */
export function formatDuration(page: PageContext, ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const n = page.format.number;
  if (days > 0) return page.t('inbox.duration.daysHours', { d: n(days), h: n(hours) });
  if (hours > 0) return page.t('inbox.duration.hoursMinutes', { h: n(hours), m: n(rest) });
  if (rest > 0) return page.t('inbox.duration.minutes', { m: n(rest) });
  return page.t('inbox.duration.now');
}
