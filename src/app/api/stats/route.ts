import { json, requireUser } from '@/server/api';
import { statsForUser } from '@/server/review';
import { reviewRoute } from '@/server/review/http';

/** GET /api/stats — the signed-in user's review stats (heatmap, forecast, retention, counts, streak, decks). */
export const GET = reviewRoute(async (req) => {
  const user = await requireUser(req);
  return json(await statsForUser(user.id, new Date()));
});
