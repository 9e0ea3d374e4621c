import { z } from 'zod';
import { json, parseBody, requireUser } from '@/server/api';
import { reviewRoute } from '@/server/review/http';
import { applyUserFit, chooseUserParams, fsrsStatus, startUserFit, undoUserParams } from '@/server/review/fsrs-service';

/** GET /api/settings/fsrs — which FSRS parameters schedule the user, their history size, the running fit. */
export const GET = reviewRoute(async (req) => {
  const user = await requireUser(req);
  return json(await fsrsStatus(user.id));
});

const action = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('optimize') }),
  z.strictObject({ action: z.literal('apply'), jobId: z.uuid() }),
  z.strictObject({ action: z.literal('choose'), choice: z.enum(['own', 'class', 'default']) }),
  z.strictObject({ action: z.literal('undo') }),
]);

/**
 * POST /api/settings/fsrs — `optimize` starts a fit of the user's own history (poll GET for progress);
 * `apply` uses a finished fit that beats the defaults; `choose` switches to own, class or default
 * parameters; `undo` reverts the last change. Every change reschedules the user's cards.
 */
export const POST = reviewRoute(async (req) => {
  const user = await requireUser(req);
  const body = await parseBody(req, action, 1024);
  const now = new Date();
  switch (body.action) {
    case 'optimize':
      return json({ job: await startUserFit(user.id, now) }, { status: 202 });
    case 'apply':
      return json({ change: await applyUserFit(user.id, body.jobId, now) });
    case 'choose':
      return json({ change: await chooseUserParams(user.id, body.choice, now) });
    case 'undo':
      return json({ change: await undoUserParams(user.id, now) });
  }
});
