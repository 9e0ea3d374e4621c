import { z } from 'zod';
import { json, parseBody, requireInstructor, route } from '@/server/api';
import { db } from '@/server/db';
import { getEditorDeck, updateDeckMeta } from '@/server/deck-editor/deck-editor-service';

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/editor/decks/:id (instructors): an own deck (editable) or a built-in one (readOnly). */
export const GET = route(async (req, { params }: Ctx) => {
  const user = await requireInstructor(req);
  const { id } = await params;
  return json({ deck: await getEditorDeck(db(), user, id) });
});

/** PATCH /api/editor/decks/:id { title, description? } (owner). */
export const PATCH = route(async (req, { params }: Ctx) => {
  const user = await requireInstructor(req);
  const { id } = await params;
  const body = await parseBody(req, z.unknown(), 8 * 1024);
  const deck = await updateDeckMeta(db(), user, id, body);
  return json({ deck: { id: deck.id, title: deck.title, description: deck.description } });
});
