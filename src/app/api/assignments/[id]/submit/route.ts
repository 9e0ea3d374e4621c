import { json, requireUser, route } from '@/server/api';
import { db } from '@/server/db';
import { getTakeState, submitAttempt } from '@/server/assignments/assignment-take';

type Ctx = { params: Promise<{ id: string }> };

/** POST /api/assignments/:id/submit (student): submits the open attempt; after the due date it is marked late. */
export const POST = route(async (req, { params }: Ctx) => {
  const user = await requireUser(req);
  const { id } = await params;
  const attempt = await submitAttempt(db(), user, id, new Date());
  return json({ attempt, state: await getTakeState(db(), user, id) });
});
