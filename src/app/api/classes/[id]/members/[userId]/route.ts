import { json, requireUser, route } from '@/server/api';
import { db } from '@/server/db';
import { removeMember } from '@/server/classes/class-service';

type Ctx = { params: Promise<{ id: string; userId: string }> };

/** DELETE /api/classes/:id/members/:userId: the owner removes a student, or a student leaves. */
export const DELETE = route(async (req, { params }: Ctx) => {
  const user = await requireUser(req);
  const { id, userId } = await params;
  await removeMember(db(), user, id, userId);
  return json({ ok: true });
});
