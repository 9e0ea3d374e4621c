import { json, requireUser, route } from '@/server/api';
import { db } from '@/server/db';
import { getClassReportsOverview } from '@/server/insight';

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/classes/:id/reports (class owner; 404 for anyone else): sessions, assignments, students. */
export const GET = route(async (req, { params }: Ctx) => {
  const user = await requireUser(req);
  const { id } = await params;
  return json(await getClassReportsOverview(db(), user, id));
});
