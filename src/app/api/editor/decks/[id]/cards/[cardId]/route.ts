import { z } from 'zod';
import { json, parseBody, requireInstructor, route } from '@/server/api';
import { db } from '@/server/db';
import { deleteCard, updateCard } from '@/server/deck-editor/deck-editor-service';
import { withCardErrors } from '../../../../card-error';

type Ctx = { params: Promise<{ id: string; cardId: string }> };

/** PUT /api/editor/decks/:id/cards/:cardId (owner) with a card draft: the card keeps its id and key. */
export const PUT = route(async (req, { params }: Ctx) => {
  const user = await requireInstructor(req);
  const { id, cardId } = await params;
  const body = await parseBody(req, z.unknown(), 64 * 1024);
  return withCardErrors(async () => json({ card: await updateCard(db(), user, id, cardId, body) }));
});

/** DELETE /api/editor/decks/:id/cards/:cardId (owner): archives the card (review history kept). */
export const DELETE = route(async (req, { params }: Ctx) => {
  const user = await requireInstructor(req);
  const { id, cardId } = await params;
  await deleteCard(db(), user, id, cardId);
  return json({ ok: true });
});
