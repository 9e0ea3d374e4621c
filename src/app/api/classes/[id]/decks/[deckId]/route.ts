import { json, requireUser, route } from '@/server/api';
import { db } from '@/server/db';
import { unpublishDeck } from '@/server/classes/class-decks';

type Ctx = { params: Promise<{ id: string; deckId: string }> };

/** DELETE /api/classes/:id/decks/:deckId (owner): takes the deck off the class. */
export const DELETE = route(async (req, { params }: Ctx) => {
  const user = await requireUser(req);
  const { id, deckId } = await params;
  await unpublishDeck(db(), user, id, deckId);
  return json({ ok: true });
});
