import { json, requireUser, route } from '@/server/api';
import { db } from '@/server/db';
import { getTakeState, startAttempt } from '@/server/assignments/assignment-take';

type Ctx = { params: Promise<{ id: string }> };

/** POST /api/assignments/:id/start (student member): starts an attempt or resumes the open one. */
export const POST = route(async (req, { params }: Ctx) => {
  const user = await requireUser(req);
  const { id } = await params;
  const started = await startAttempt(db(), user, id, new Date());
  return json({ ...started, state: await getTakeState(db(), user, id) });
});
