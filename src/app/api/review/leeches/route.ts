import { json, requireUser } from '@/server/api';
import { leechCards } from '@/server/review';
import { reviewRoute } from '@/server/review/http';

/** GET /api/review/leeches — the user's leech cards (tagged after 8 lapses). */
export const GET = reviewRoute(async (req) => {
  const user = await requireUser(req);
  return json({ leeches: await leechCards(user.id) });
});
