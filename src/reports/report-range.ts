import { DAY_MS, dayOfWall, isoDateOfDay, utcToWall, wallToUtc } from '../business-hours/local-time';

/** What a report is asked for: a range of local days (inclusive) and optional inbox, team and agent filters. */
export interface ReportQuery {
  fromDate: string;
  toDate: string;
  inboxId: string | null;
  teamId: string | null;
  agentId: string | null;
}

/** The query resolved to instants: [from, to) in UTC epoch ms, local midnight to local midnight. */
export interface ReportRange extends ReportQuery {
  from: number;
  to: number;
  /** The same range as local day numbers (days since 1970-01-01 in the business time zone), inclusive. */
  fromDay: number;
  toDay: number;
  timeZone: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A year and a bit: enough for "last year" and keeps one request from scanning everything ever stored. */
const MAX_DAYS = 400;
const DEFAULT_DAYS = 7;

const dayOf = (date: string): number | undefined => {
  if (!ISO_DATE.test(date)) return undefined;
  const ms = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(ms) || isoDateOfDay(ms / DAY_MS) !== date ? undefined : ms / DAY_MS;
};

const idOrNull = (value: unknown): string | null => (typeof value === 'string' && /^[a-z]{2,5}_[0-9a-z]{1,40}$/.test(value) ? value : null);

/**
 * Reads the report's query string leniently (a report page should always render): a missing or bad date falls
 * back to the last 7 days ending today in the business time zone; a reversed range is swapped; ranges are capped.
 */
export function parseReportQuery(query: Record<string, unknown>, now: number, timeZone: string): ReportRange {
  const today = dayOfWall(utcToWall(timeZone, now));
  let toDay = dayOf(String(query.to ?? '')) ?? today;
  let fromDay = dayOf(String(query.from ?? '')) ?? toDay - (DEFAULT_DAYS - 1);
  if (fromDay > toDay) [fromDay, toDay] = [toDay, fromDay];
  if (toDay - fromDay >= MAX_DAYS) fromDay = toDay - (MAX_DAYS - 1);
  return {
    fromDate: isoDateOfDay(fromDay),
    toDate: isoDateOfDay(toDay),
    from: wallToUtc(timeZone, fromDay * DAY_MS),
    to: wallToUtc(timeZone, (toDay + 1) * DAY_MS),
    fromDay,
    toDay,
    timeZone,
    inboxId: idOrNull(query.inbox),
    teamId: idOrNull(query.team),
    agentId: idOrNull(query.agent),
  };
}
