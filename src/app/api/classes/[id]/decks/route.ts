import { z } from 'zod';
import { json, parseBody, requireUser, route } from '@/server/api';
import { db } from '@/server/db';
import { publishDeck } from '@/server/classes/class-decks';
import { loadOwnedClass } from '@/server/classes/access';

const PublishSchema = z.object({ deckId: z.string().min(1).max(100) }).strict();
type Ctx = { params: Promise<{ id: string }> };

/** POST /api/classes/:id/decks { deckId } (owner): publishes a built-in or own deck to the class. */
export const POST = route(async (req, { params }: Ctx) => {
  const user = await requireUser(req);
  const { id } = await params;
  await loadOwnedClass(db(), user, id);
  const { deckId } = await parseBody(req, PublishSchema, 1024);
  return json({ deck: await publishDeck(db(), user, id, deckId) }, { status: 201 });
});
