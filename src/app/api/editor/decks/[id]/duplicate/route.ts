import { json, requireInstructor, route } from '@/server/api';
import { db } from '@/server/db';
import { duplicateDeck } from '@/server/deck-editor/deck-editor-service';

type Ctx = { params: Promise<{ id: string }> };

/** POST /api/editor/decks/:id/duplicate (instructors): copies a built-in or own deck into a new own deck. */
export const POST = route(async (req, { params }: Ctx) => {
  const user = await requireInstructor(req);
  const { id } = await params;
  return json({ deck: await duplicateDeck(db(), user, id) }, { status: 201 });
});
