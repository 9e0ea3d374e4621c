import { json, route } from '@/server/api';
import { userFromHeaders } from '@/server/auth';
import { db } from '@/server/db';
import { listDecks } from '@/server/decks/queries';

/** GET /api/decks: every deck the caller may see, with card counts (guests: built-in decks). */
export const GET = route(async (req) => {
  const user = await userFromHeaders(req.headers);
  return json({ decks: await listDecks(db(), user) });
});
