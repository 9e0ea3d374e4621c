/** Small helpers shared by the report route handlers. */
export const wantsCsv = (req: Request) => new URL(req.url).searchParams.get('format') === 'csv';

/** A CSV download; the UTF-8 byte-order mark first so Excel shows accents (see CSV_BOM in report-csv.ts). */
export function csvResponse(body: string, fileName: string): Response {
  return new Response(`\uFEFF${body}`, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${fileName}"`,
      'cache-control': 'private, no-store',
    },
  });
}
