import { WEEKDAYS, type BusinessCalendar } from '../calendar';
import { isOvernight } from './calendar-form';
import type { MessageKey, Translate } from '../../i18n/translate';

/** One line per open weekday for the calendars list: "Sunday: 09:00–12:00, 22:00–06:00 (overnight)". Closed days are left out. */
export function weeklySummary(calendar: BusinessCalendar, t: Translate): string[] {
  return WEEKDAYS.filter((day) => calendar.weekly[day].length > 0).map((day) => {
    const intervals = calendar.weekly[day].map((interval) =>
      t(isOvernight(interval) ? 'calendars.interval.rangeOvernight' : 'calendars.interval.range', { start: interval.start, end: interval.end }),
    );
    return t('calendars.daySummary', { day: t(`calendars.day.${day}` as MessageKey), intervals: intervals.join(t('calendars.interval.separator')) });
  });
}
