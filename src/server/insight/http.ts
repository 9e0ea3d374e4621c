/** Small helpers shared by the report route handlers. */
export const wantsCsv = (req: Request) => new URL(req.url).searchParams.get('format') === 'csv';

export function csvResponse(body: string, fileName: string): Response {
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${fileName}"`,
      'cache-control': 'private, no-store',
    },
  });
}
