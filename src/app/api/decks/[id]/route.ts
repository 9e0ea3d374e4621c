import { json, notFound, route } from '@/server/api';
import { userFromHeaders } from '@/server/auth';
import { db } from '@/server/db';
import { getDeckDetail } from '@/server/decks/queries';

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/decks/:id: the deck and its live cards; 404 when it does not exist or is not visible. */
export const GET = route(async (req, { params }: Ctx) => {
  const { id } = await params;
  const user = await userFromHeaders(req.headers);
  const deck = await getDeckDetail(db(), id, user);
  if (!deck) throw notFound('No such deck.');
  return json({ deck });
});
