import { json, requireUser, route } from '@/server/api';
import { db } from '@/server/db';
import { csvFileName } from '@/core/insight';
import { csvResponse, getClassSessionReport, wantsCsv } from '@/server/insight';
import { reportToCsv } from '@/app/api/games/report-csv';

type Ctx = { params: Promise<{ id: string; gameId: string }> };

/** GET /api/classes/:id/reports/sessions/:gameId[?format=csv] (class owner; 404 otherwise). */
export const GET = route(async (req, { params }: Ctx) => {
  const user = await requireUser(req);
  const { id, gameId } = await params;
  const r = await getClassSessionReport(db(), user, id, gameId);
  if (wantsCsv(req)) return csvResponse(reportToCsv(r.report), csvFileName(r.report.title, `${r.report.createdAt.toISOString().slice(0, 10)}-session`));
  return json(r);
});
