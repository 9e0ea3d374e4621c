import { z } from 'zod';
import { json, parseQuery, requireUser } from '@/server/api';
import { nextCardForUser } from '@/server/review';
import { ID_PATTERN, reviewRoute } from '@/server/review/http';

const query = z.object({
  deckId: z.string().regex(ID_PATTERN, 'not a deck id').optional(),
  /** Comma-separated card ids not to hand out (the card on screen when prefetching). */
  exclude: z
    .string()
    .max(1000)
    .optional()
    .transform((v) => (v ? v.split(',').filter((id) => ID_PATTERN.test(id)).slice(0, 20) : [])),
});

/** GET /api/review/queue?deckId=&exclude= — today's counts and the next card with its rating previews. */
export const GET = reviewRoute(async (req) => {
  const user = await requireUser(req);
  const q = parseQuery(req, query);
  return json(await nextCardForUser(user.id, new Date(), { deckId: q.deckId, exclude: q.exclude }));
});
