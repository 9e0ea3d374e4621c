import { z } from 'zod';
import { json, parseBody, requireUser, route } from '@/server/api';
import { applyClassFit, classFsrsStatus, startClassFit, undoClassFit } from '@/server/classes/class-fsrs';
import { db } from '@/server/db';

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/classes/:id/fsrs (class owner only; 404 for everyone else, as for insight): the class's FSRS parameters, their figures, the running fit. */
export const GET = route(async (req, { params }: Ctx) => {
  const user = await requireUser(req);
  const { id } = await params;
  return json(await classFsrsStatus(db(), user, id));
});

const action = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('optimize') }),
  z.strictObject({ action: z.literal('apply'), jobId: z.uuid() }),
  z.strictObject({ action: z.literal('undo') }),
]);

/**
 * POST /api/classes/:id/fsrs (class owner only): `optimize` fits the members' pooled history of the
 * class's published decks; `apply` makes a finished fit that beats the defaults the class's parameters;
 * `undo` brings back the class's previous fit (or none). Members are rescheduled after each change.
 */
export const POST = route(async (req, { params }: Ctx) => {
  const user = await requireUser(req);
  const { id } = await params;
  const body = await parseBody(req, action, 1024);
  const now = new Date();
  if (body.action === 'optimize') return json({ job: await startClassFit(db(), user, id, now) }, { status: 202 });
  if (body.action === 'undo') return json({ change: await undoClassFit(db(), user, id, now) });
  return json({ change: await applyClassFit(db(), user, id, body.jobId, now) });
});
