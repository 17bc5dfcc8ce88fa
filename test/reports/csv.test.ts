import { describe, expect, test } from 'bun:test';
import { csvCell, toCsv } from '../../src/reports/csv';

describe('CSV cells', () => {
  test('quotes a cell holding a comma, a quote or a line break, doubling quotes', () => {
    expect(csvCell('Sara, Riyadh')).toBe('"Sara, Riyadh"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  test('puts a quote before text a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('+966500')).toBe("'+966500");
    expect(csvCell('-1+1')).toBe("'-1+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  test('leaves numbers, including negative ones, as numbers and empties null', () => {
    expect(csvCell(-3.5)).toBe('-3.5');
    expect(csvCell(null)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });

  test('keeps Arabic text as it is', () => {
    expect(csvCell('سارة')).toBe('سارة');
  });
});

test('writes a document with a BOM, a header and CRLF line ends', () => {
  expect(toCsv(['a', 'b'], [[1, 'x']])).toBe('\uFEFFa,b\r\n1,x\r\n');
});
