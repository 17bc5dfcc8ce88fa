import type { Locale } from './translate';

// Intl formatters cost ~0.1 ms each to build and every request needs one; they are immutable, so share them.
const formatters = new Map<string, ReturnType<typeof buildFormatter>>();
const knownZones = new Map<string, boolean>();

/** Formats instants, numbers and durations for one viewer: their language, the business's time zone. */
export function createFormatter(locale: Locale, timeZone: string) {
  const key = `${locale}|${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) formatters.set(key, (formatter = buildFormatter(locale, timeZone)));
  return formatter;
}

function buildFormatter(locale: Locale, timeZone: string) {
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone });
  const number = new Intl.NumberFormat(locale);
  return {
    dateTime: (epochMs: number) => dateTime.format(epochMs),
    date: (epochMs: number) => date.format(epochMs),
    number: (n: number) => number.format(n),
    bytes: (n: number) => formatBytes(n, number),
  };
}

export type Formatter = ReturnType<typeof buildFormatter>;

function formatBytes(n: number, number: Intl.NumberFormat): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${number.format(Math.round(value * 10) / 10)} ${units[unit]}`;
}

/** True when the runtime knows this IANA zone name (e.g. Asia/Riyadh). */
export function isValidTimeZone(zone: string): boolean {
  let valid = knownZones.get(zone);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      valid = true;
    } catch {
      valid = false;
    }
    if (knownZones.size < 1000) knownZones.set(zone, valid);
  }
  return valid;
}
