import { json, requireUser, route } from '@/server/api';
import { db } from '@/server/db';
import { csvFileName } from '@/core/insight';
import { csvResponse, getClassInsight, insightCsv, wantsCsv } from '@/server/insight';

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/classes/:id/insight[?format=csv] (class owner; 404 otherwise): recall per section, reviews, overdue students. */
export const GET = route(async (req, { params }: Ctx) => {
  const user = await requireUser(req);
  const { id } = await params;
  const r = await getClassInsight(db(), user, id, new Date());
  if (wantsCsv(req)) return csvResponse(insightCsv(r), csvFileName(r.className, `insight-${r.now.toISOString().slice(0, 10)}`));
  return json(r);
});
