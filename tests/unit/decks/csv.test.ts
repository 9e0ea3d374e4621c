import { describe, expect, it } from 'vitest';
import { formatCsv, formatCsvField, parseCsv } from '@/core/decks/csv';

describe('parseCsv', () => {
  it('splits plain rows and skips blank lines', () => {
    expect(parseCsv('a,b\n\nc,d\n', ',').rows).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['c', 'd'], line: 3 },
    ]);
  });

  it('handles quoted separators, doubled quotes and newlines, keeping line numbers', () => {
    const text = '"a,1","say ""hi"""\r\n"multi\r\nline",x\n"last",""\n';
    const { rows, errors } = parseCsv(text, ',');
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { fields: ['a,1', 'say "hi"'], line: 1 },
      { fields: ['multi\nline', 'x'], line: 2 },
      { fields: ['last', ''], line: 4 },
    ]);
  });

  it('uses any one-character separator and keeps empty trailing fields', () => {
    expect(parseCsv('a\tb\t\n', '\t').rows[0].fields).toEqual(['a', 'b', '']);
    expect(parseCsv('a|"b|c"', '|').rows[0].fields).toEqual(['a', 'b|c']);
  });

  it('keeps a quote inside an unquoted field literally', () => {
    expect(parseCsv('5" disk,b', ',').rows[0].fields).toEqual(['5" disk', 'b']);
  });

  it('reports a quote that is never closed', () => {
    const r = parseCsv('a,b\n"open,c\nd', ',', 5);
    expect(r.errors).toEqual([{ line: 6, message: 'quoted field is never closed' }]);
  });
});

describe('formatCsv', () => {
  it('quotes only when needed', () => {
    expect(formatCsvField('plain')).toBe('plain');
    expect(formatCsvField('a,b')).toBe('"a,b"');
    expect(formatCsvField('a\tb', '\t')).toBe('"a\tb"');
    expect(formatCsvField('say "x"')).toBe('"say ""x"""');
    expect(formatCsvField(' padded')).toBe('" padded"');
    expect(formatCsvField('#not a header')).toBe('"#not a header"');
  });

  it('round-trips awkward cells', () => {
    const rows = [['a,b', 'c"d', 'e\nf', ''], ['x', ' y ', '#z', 'w']];
    expect(parseCsv(formatCsv(rows), ',').rows.map((r) => r.fields)).toEqual(rows);
  });
});
