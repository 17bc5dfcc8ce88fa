import type { ZodError } from 'zod';
import { intervalMinutes, MAX_INTERVALS_PER_DAY, WEEKDAYS, type BusinessCalendar, type Weekday } from '../calendar';

/**
 * The calendar editor's form as typed: rows of text, so a refused form comes back exactly as it was. Field names are
 * flat (`monday_0_start`, `holiday_2_from`) so plain form posts need no client script and no nested-key parsing.
 */
export interface IntervalRow {
  start: string;
  end: string;
}

export interface HolidayRow {
  from: string;
  to: string;
  yearly: boolean;
  name: string;
}

export interface CalendarFormValues {
  name: string;
  timeZone: string;
  weekly: Record<Weekday, IntervalRow[]>;
  holidays: HolidayRow[];
}

/** Field name → message key: `name`, `timeZone`, `monday` (the day), `monday_1` (a row), `monday_1_start`, `holiday_0_to`. */
export type CalendarFormErrors = Record<string, string>;

export const PRESETS = ['sun-thu', 'mon-fri', 'always'] as const;
export type Preset = (typeof PRESETS)[number];

const emptyWeek = (): Record<Weekday, IntervalRow[]> => Object.fromEntries(WEEKDAYS.map((day) => [day, []])) as unknown as Record<Weekday, IntervalRow[]>;

function presetWeek(preset: Preset): Record<Weekday, IntervalRow[]> {
  const week = emptyWeek();
  const days: Weekday[] = preset === 'sun-thu' ? ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday'] : preset === 'mon-fri' ? ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] : [...WEEKDAYS];
  const interval = preset === 'sun-thu' ? { start: '09:00', end: '17:00' } : preset === 'mon-fri' ? { start: '09:00', end: '18:00' } : { start: '00:00', end: '24:00' };
  for (const day of days) week[day] = [{ ...interval }];
  return week;
}

/** A new calendar: the business's time zone, Sunday to Thursday 09:00–17:00. */
export const newCalendarForm = (timeZone: string): CalendarFormValues => ({ name: '', timeZone, weekly: presetWeek('sun-thu'), holidays: [] });

export function calendarToForm(name: string, calendar: BusinessCalendar): CalendarFormValues {
  const weekly = emptyWeek();
  for (const day of WEEKDAYS) weekly[day] = calendar.weekly[day].map((interval) => ({ ...interval }));
  const holidays = calendar.holidays.map((h) => ({ from: h.from, to: h.to === h.from ? '' : h.to, yearly: h.yearly, name: h.name ?? '' }));
  return { name, timeZone: calendar.timeZone, weekly, holidays };
}

const field = (body: Record<string, unknown>, name: string): string => {
  const value = body[name];
  const text = Array.isArray(value) ? value[0] : value;
  return typeof text === 'string' ? text.trim() : '';
};

/** Row indexes present in the form for a prefix (`monday_`, `holiday_`), in order; gaps left by removed rows are fine. */
function rowIndexes(body: Record<string, unknown>, prefix: string): number[] {
  const indexes = new Set<number>();
  const pattern = new RegExp(`^${prefix}_(\\d{1,4})_`);
  for (const key of Object.keys(body)) {
    const match = pattern.exec(key);
    if (match) indexes.add(Number(match[1]));
  }
  return [...indexes].sort((a, b) => a - b);
}

export function readCalendarForm(input: unknown): CalendarFormValues {
  const body = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const weekly = emptyWeek();
  for (const day of WEEKDAYS) weekly[day] = rowIndexes(body, day).map((i) => ({ start: field(body, `${day}_${i}_start`), end: field(body, `${day}_${i}_end`) }));
  const holidays = rowIndexes(body, 'holiday').map((i) => ({
    from: field(body, `holiday_${i}_from`),
    to: field(body, `holiday_${i}_to`),
    yearly: field(body, `holiday_${i}_yearly`) === '1',
    name: field(body, `holiday_${i}_name`),
  }));
  return { name: field(body, 'name'), timeZone: field(body, 'timeZone'), weekly, holidays };
}

/** Rows left entirely blank are dropped on save (an added row nobody filled in). */
export function withoutBlankRows(values: CalendarFormValues): CalendarFormValues {
  const weekly = emptyWeek();
  for (const day of WEEKDAYS) weekly[day] = values.weekly[day].filter((row) => row.start || row.end);
  return { ...values, weekly, holidays: values.holidays.filter((h) => h.from || h.to || h.name) };
}

/** What businessCalendarSchema checks; a holiday without a last day lasts one day. */
export const calendarInput = (values: CalendarFormValues) => ({
  timeZone: values.timeZone,
  weekly: values.weekly,
  holidays: values.holidays.map((h) => ({ from: h.from, to: h.to || h.from, yearly: h.yearly, ...(h.name ? { name: h.name } : {}) })),
});

/** Schema issue paths (weekly.monday.0.start, holidays.1.to) → the form's field names. */
export function calendarFormErrors(error: ZodError): CalendarFormErrors {
  const errors: CalendarFormErrors = {};
  for (const issue of error.issues) {
    const name = issue.path.join('_').replace(/^weekly_/, '').replace(/^holidays_(?=\d)/, 'holiday_');
    errors[name || '_form'] ??= issue.message;
  }
  return errors;
}

/**
 * The editor's buttons besides Save post the form back with an intent: add or remove a row, or fill in a preset. The
 * values come back changed and nothing is stored. Unknown intents change nothing.
 */
export function applyFormIntent(values: CalendarFormValues, intent: string): CalendarFormValues {
  const [action, target, index] = intent.split(':');
  const weekly = { ...values.weekly };
  const day = WEEKDAYS.find((d) => d === target);
  if (action === 'preset' && (PRESETS as readonly string[]).includes(target ?? '')) return { ...values, weekly: presetWeek(target as Preset) };
  if (action === 'add' && day && weekly[day].length < MAX_INTERVALS_PER_DAY) weekly[day] = [...weekly[day], { start: '', end: '' }];
  else if (action === 'remove' && day) weekly[day] = weekly[day].filter((_, i) => i !== Number(index));
  else if (action === 'close' && day) weekly[day] = [];
  else if (action === 'addHoliday') return { ...values, holidays: [...values.holidays, { from: '', to: '', yearly: false, name: '' }] };
  else if (action === 'removeHoliday') return { ...values, holidays: values.holidays.filter((_, i) => i !== Number(target)) };
  return { ...values, weekly };
}

/** True for a valid row whose end is at or before its start: it runs past midnight (22:00–06:00). */
export function isOvernight(row: IntervalRow): boolean {
  if (!/^\d\d:\d\d$/.test(row.start) || !/^\d\d:\d\d$/.test(row.end)) return false;
  return intervalMinutes(row).end > 1440;
}
