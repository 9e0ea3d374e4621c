import { z } from 'zod';
import { json, parseQuery, requireUser } from '@/server/api';
import { dueCountsForUser } from '@/server/review';
import { ID_PATTERN, reviewRoute } from '@/server/review/http';

const query = z.object({
  deckIds: z
    .string()
    .max(2000)
    .optional()
    .refine((v) => !v || v.split(',').every((id) => ID_PATTERN.test(id)), 'comma-separated deck ids')
    .transform((v) => (v ? v.split(',').slice(0, 100) : undefined)),
});

/** GET /api/review/counts?deckIds=a,b — new/learning/review left today per subscribed deck and in total. */
export const GET = reviewRoute(async (req) => {
  const user = await requireUser(req);
  const q = parseQuery(req, query);
  return json(await dueCountsForUser(user.id, q.deckIds, new Date()));
});
