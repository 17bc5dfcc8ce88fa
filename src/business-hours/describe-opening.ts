import type { BusinessCalendar } from './calendar';
import { isOpenAt, nextOpeningAfter } from './business-hours';
import { DAY_MS, dayOfWall, MINUTE_MS, utcToWall } from './local-time';

export type ReplyLanguage = 'en' | 'ar';

export type OpeningMessageKey =
  | 'hours.opening.now'
  | 'hours.opening.today'
  | 'hours.opening.tomorrow'
  | 'hours.opening.weekday'
  | 'hours.opening.date'
  | 'hours.opening.unknown';

/** The app's translator for the customer's language fits here; this module stays free of the i18n module. */
export type OpeningTranslate = (key: OpeningMessageKey, vars: Record<string, string>) => string;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(language: ReplyLanguage, timeZone: string, withDate: boolean): Intl.DateTimeFormat {
  const key = `${language}|${timeZone}|${withDate}`;
  let format = formatters.get(key);
  if (!format) {
    // Latin digits in both languages, so the date reads like the 24-hour time beside it (and the hours as entered).
    const options: Intl.DateTimeFormatOptions = withDate ? { weekday: 'long', day: 'numeric', month: 'long' } : { weekday: 'long' };
    format = new Intl.DateTimeFormat(`${language}-u-nu-latn`, { ...options, timeZone });
    formatters.set(key, format);
  }
  return format;
}

/**
 * A sentence for an out-of-hours reply saying when the business opens next, in the calendar's time zone:
 * "We open again tomorrow at 09:00." / "نفتح مجددًا يوم الأحد الساعة 09:00." Today and tomorrow are named as such,
 * the rest of the coming week by weekday, anything later by date.
 */
export function describeNextOpening(calendar: BusinessCalendar, now: number, language: ReplyLanguage, t: OpeningTranslate): string {
  if (isOpenAt(calendar, now)) return t('hours.opening.now', {});
  const opening = nextOpeningAfter(calendar, now);
  if (opening === undefined) return t('hours.opening.unknown', {});
  const zone = calendar.timeZone;
  const openingWall = utcToWall(zone, opening);
  const minuteOfDay = Math.floor((openingWall - dayOfWall(openingWall) * DAY_MS) / MINUTE_MS);
  const time = `${pad(Math.floor(minuteOfDay / 60))}:${pad(minuteOfDay % 60)}`;
  const daysAhead = dayOfWall(openingWall) - dayOfWall(utcToWall(zone, now));
  if (daysAhead === 0) return t('hours.opening.today', { time });
  if (daysAhead === 1) return t('hours.opening.tomorrow', { time });
  if (daysAhead < 7) return t('hours.opening.weekday', { weekday: formatter(language, zone, false).format(opening), time });
  return t('hours.opening.date', { date: formatter(language, zone, true).format(opening), time });
}

const pad = (n: number): string => String(n).padStart(2, '0');
