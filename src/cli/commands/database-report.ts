import type { DatabaseCheck } from '../../platform/db/backup';
import { formatTable } from './text-table';

/** Size, integrity and rows per table, so an owner can see a copy really holds their data. */
export function formatCheck(check: DatabaseCheck): string {
  const rows = Object.entries(check.rowCounts).map(([table, count]) => [`  ${table}`, String(count)]);
  return `Size: ${formatBytes(check.bytes)}. Integrity: ${check.integrity}.\n` + formatTable(['  TABLE', 'ROWS'], rows);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
