/**
 * A small RFC 4180 style CSV/TSV reader and writer (any one-character separator).
 * Quoted fields may hold separators, newlines and doubled quotes.
 */

export interface CsvRow {
  fields: string[];
  /** 1-based line on which the row starts. */
  line: number;
}

export interface CsvParseResult {
  rows: CsvRow[];
  errors: { line: number; message: string }[];
}

/** Parses `text` (no header handling; blank lines are skipped). */
export function parseCsv(text: string, separator: string, firstLine = 1): CsvParseResult {
  const rows: CsvRow[] = [];
  const errors: { line: number; message: string }[] = [];
  let line = firstLine;
  let fields: string[] = [];
  let field = '';
  let rowLine = line;
  let i = 0;
  let atFieldStart = true;

  const endRow = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0].trim() === '')) rows.push({ fields, line: rowLine });
    fields = [];
    field = '';
    atFieldStart = true;
  };

  while (i < text.length) {
    const ch = text[i];
    if (atFieldStart && ch === '"') {
      const quoteLine = line;
      i += 1;
      let closed = false;
      while (i < text.length) {
        const c = text[i];
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i += 1;
          closed = true;
          break;
        }
        if (c === '\r' && text[i + 1] === '\n') {
          i += 1;
          continue;
        }
        if (c === '\n') line += 1;
        field += c;
        i += 1;
      }
      if (!closed) errors.push({ line: quoteLine, message: 'quoted field is never closed' });
      atFieldStart = false;
      continue;
    }
    atFieldStart = false;
    if (ch === separator) {
      fields.push(field);
      field = '';
      atFieldStart = true;
      i += 1;
    } else if (ch === '\n' || ch === '\r') {
      endRow();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line += 1;
      rowLine = line;
    } else {
      field += ch;
      i += 1;
    }
  }
  if (field !== '' || fields.length > 0) endRow();
  return { rows, errors };
}

export function formatCsvField(value: string, separator = ','): string {
  const needsQuotes =
    value.includes(separator) || /["\r\n]/.test(value) || value !== value.trim() || value.startsWith('#');
  return needsQuotes ? `"${value.replace(/"/g, '""')}"` : value;
}

export function formatCsv(rows: string[][], separator = ','): string {
  return rows.map((r) => r.map((v) => formatCsvField(v, separator)).join(separator)).join('\n') + '\n';
}
