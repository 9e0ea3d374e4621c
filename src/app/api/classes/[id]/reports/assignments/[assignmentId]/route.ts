import { json, requireUser, route } from '@/server/api';
import { db } from '@/server/db';
import { csvFileName } from '@/core/insight';
import { assignmentReportCsv, csvResponse, getAssignmentReport, wantsCsv } from '@/server/insight';

type Ctx = { params: Promise<{ id: string; assignmentId: string }> };

/** GET /api/classes/:id/reports/assignments/:assignmentId[?format=csv] (class owner; 404 otherwise). */
export const GET = route(async (req, { params }: Ctx) => {
  const user = await requireUser(req);
  const { id, assignmentId } = await params;
  const r = await getAssignmentReport(db(), user, id, assignmentId);
  if (wantsCsv(req)) return csvResponse(assignmentReportCsv(r), csvFileName(r.assignment.title, 'assignment'));
  return json(r);
});
