/** CSV for report exports: RFC 4180 quoting plus spreadsheet formula defusing. */

export type CsvValue = string | number | boolean | null | undefined;

/**
 * One field, always quoted. A text value starting with = + - @ tab or CR gets a leading ' so a
 * spreadsheet shows a nickname like `=HYPERLINK(...)` as text instead of evaluating it.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '""';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

/** Header plus rows, CRLF line ends (what spreadsheets expect), trailing newline. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [header.map((h) => csvCell(h)).join(',')];
  for (const r of rows) lines.push(r.map(csvCell).join(','));
  return lines.join('\r\n') + '\r\n';
}

/** A safe download name: `<slug>-<suffix>.csv`. */
export function csvFileName(title: string, suffix: string): string {
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'report';
  return `${slug}-${suffix}.csv`;
}
