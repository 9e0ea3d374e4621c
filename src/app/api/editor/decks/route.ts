import { z } from 'zod';
import { json, parseBody, requireInstructor, route } from '@/server/api';
import { db } from '@/server/db';
import { createEditorDeck, listEditorDecks } from '@/server/deck-editor/deck-editor-service';

/** GET /api/editor/decks (instructors): own decks and the built-in decks they can duplicate. */
export const GET = route(async (req) => {
  const user = await requireInstructor(req);
  return json(await listEditorDecks(db(), user));
});

/** POST /api/editor/decks { title, description? } (instructors): a new empty deck. */
export const POST = route(async (req) => {
  const user = await requireInstructor(req);
  const body = await parseBody(req, z.unknown(), 8 * 1024);
  const deck = await createEditorDeck(db(), user, body);
  return json({ deck: { id: deck.id, title: deck.title } }, { status: 201 });
});
