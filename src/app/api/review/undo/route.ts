import { z } from 'zod';
import { json, parseBody, requireUser } from '@/server/api';
import { studyCardForUser, undoLastRating } from '@/server/review';
import { reviewRoute } from '@/server/review/http';

/** POST /api/review/undo — undoes today's last rating and returns the card to show again. */
export const POST = reviewRoute(async (req) => {
  const user = await requireUser(req);
  await parseBody(req, z.strictObject({}), 1024);
  const now = new Date();
  const undone = await undoLastRating(user.id, now);
  return json({ undone, card: await studyCardForUser(user.id, undone.cardId, now) });
});
