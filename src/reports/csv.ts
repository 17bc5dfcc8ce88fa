export type CsvCell = string | number | null | undefined;

/** Spreadsheet apps run a cell starting with these as a formula ("CSV injection"): such text gets a leading quote. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: formula guard, then RFC 4180 quoting when it holds a comma, quote or line break. Numbers pass as they are. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

/** A whole CSV document with CRLF line ends, as RFC 4180 asks; a BOM so spreadsheet apps read Arabic as UTF-8. */
export function toCsv(header: string[], rows: CsvCell[][]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
