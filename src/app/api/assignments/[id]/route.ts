import { json, requireUser, route } from '@/server/api';
import { db } from '@/server/db';
import { loadAssignmentAccess } from '@/server/assignments/assignment-access';
import { getTakeState } from '@/server/assignments/assignment-take';
import { assignmentOverview } from '@/server/assignments/assignment-list';
import { deleteAssignment } from '@/server/assignments/assignment-create';

type Ctx = { params: Promise<{ id: string }> };

/**
 * GET /api/assignments/:id: a student gets their take state (current question without its key);
 * the class's instructor gets the per-student overview. 404 for everyone else.
 */
export const GET = route(async (req, { params }: Ctx) => {
  const user = await requireUser(req);
  const { id } = await params;
  const { role } = await loadAssignmentAccess(db(), user, id);
  if (role === 'owner') return json({ role, overview: await assignmentOverview(db(), user, id) });
  return json({ role, state: await getTakeState(db(), user, id) });
});

/** DELETE /api/assignments/:id (owner): removes the assignment and its attempts. */
export const DELETE = route(async (req, { params }: Ctx) => {
  const user = await requireUser(req);
  const { id } = await params;
  await deleteAssignment(db(), user, id);
  return json({ ok: true });
});
