/** Left-aligned columns separated by two spaces, with a header row: readable in a terminal, easy to grep. */
export function formatTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)].join('\n') + '\n';
}

/** `2026-11-24 09:00 UTC`: the CLI runs on servers, so times are shown in UTC and say so. */
export const utcMinute = (epochMs: number): string => new Date(epochMs).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
