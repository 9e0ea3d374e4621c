import { z } from 'zod';
import { json, parseBody, requireInstructor, route } from '@/server/api';
import { db } from '@/server/db';
import { addCard } from '@/server/deck-editor/deck-editor-service';
import { withCardErrors } from '../../../card-error';

type Ctx = { params: Promise<{ id: string }> };

/** POST /api/editor/decks/:id/cards (owner) with a card draft: 201 with the card, or 422 with errors per field. */
export const POST = route(async (req, { params }: Ctx) => {
  const user = await requireInstructor(req);
  const { id } = await params;
  const body = await parseBody(req, z.unknown(), 64 * 1024);
  return withCardErrors(async () => json({ card: await addCard(db(), user, id, body) }, { status: 201 }));
});
