import { z } from 'zod';
import { json, parseBody, requireUser, route } from '@/server/api';
import { db } from '@/server/db';
import { createAssignment } from '@/server/assignments/assignment-create';
import { listClassAssignments } from '@/server/assignments/assignment-list';

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/classes/:id/assignments: students get their status per assignment, the owner submission counts. */
export const GET = route(async (req, { params }: Ctx) => {
  const user = await requireUser(req);
  const { id } = await params;
  return json({ assignments: await listClassAssignments(db(), user, id) });
});

/**
 * POST /api/classes/:id/assignments (owner) { title, deckId + sections? | questionSetId, questionCount,
 * kinds?, dueAt, attemptsAllowed? }: draws the questions once and stores them.
 */
export const POST = route(async (req, { params }: Ctx) => {
  const user = await requireUser(req);
  const { id } = await params;
  const body = await parseBody(req, z.unknown(), 16 * 1024);
  const a = await createAssignment(db(), user, id, body);
  return json(
    { assignment: { id: a.id, title: a.title, dueAt: a.dueAt, attemptsAllowed: a.attemptsAllowed, questionCount: (a.questions as unknown[]).length } },
    { status: 201 },
  );
});
