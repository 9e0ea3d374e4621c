import { z } from 'zod';
import { notFound, requireUser, route } from '@/server/api';
import { canViewReport, getGameReport } from '@/server/games';
import { reportCsvFile, reportFileName } from '../../report-csv';

const Params = z.object({ id: z.string().min(1).max(64) });

/** GET /api/games/:id/report.csv — the host's report as CSV. Anyone else gets 404 (they may not know it exists). */
export const GET = route(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const user = await requireUser(req);
  const parsed = Params.safeParse(await ctx.params);
  if (!parsed.success) throw notFound('No such game.');
  const report = await getGameReport(parsed.data.id);
  if (!report || !canViewReport(report, user.id)) throw notFound('No such game.');
  return new Response(reportCsvFile(report), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${reportFileName(report)}"`,
      'cache-control': 'private, no-store',
    },
  });
});
