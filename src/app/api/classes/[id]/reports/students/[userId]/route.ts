import { json, requireUser, route } from '@/server/api';
import { db } from '@/server/db';
import { csvFileName } from '@/core/insight';
import { csvResponse, getStudentReport, studentReportCsv, wantsCsv } from '@/server/insight';

type Ctx = { params: Promise<{ id: string; userId: string }> };

/** GET /api/classes/:id/reports/students/:userId[?format=csv] (class owner; 404 otherwise). */
export const GET = route(async (req, { params }: Ctx) => {
  const user = await requireUser(req);
  const { id, userId } = await params;
  const r = await getStudentReport(db(), user, id, userId, new Date());
  if (wantsCsv(req)) return csvResponse(studentReportCsv(r), csvFileName(`${r.className} ${r.student.name}`, 'student'));
  return json(r);
});
