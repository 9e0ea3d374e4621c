import { z } from 'zod';
import { badRequest, json, parseBody, requireUser } from '@/server/api';
import { requireStudyableDeck, subscribeDeck, subscriptionFlags, unsubscribeDeck } from '@/server/review';
import { ID_PATTERN, reviewRoute } from '@/server/review/http';

type Ctx = { params: Promise<{ id: string }> };

async function deckIdOf(params: Ctx['params']): Promise<string> {
  const { id } = await params;
  if (!ID_PATTERN.test(id)) throw badRequest('id: not a deck id');
  return id;
}

/** GET /api/decks/:id/subscription — whether the signed-in user studies this deck. */
export const GET = reviewRoute(async (req, { params }: Ctx) => {
  const user = await requireUser(req);
  const deckId = await deckIdOf(params);
  await requireStudyableDeck(user.id, deckId);
  const flags = await subscriptionFlags(user.id, [deckId]);
  return json({ deckId, subscribed: flags.get(deckId) ?? false });
});

/** POST /api/decks/:id/subscription — adds the deck to the user's daily review (idempotent). */
export const POST = reviewRoute(async (req, { params }: Ctx) => {
  const user = await requireUser(req);
  const deckId = await deckIdOf(params);
  await parseBody(req, z.strictObject({}), 1024);
  const sub = await subscribeDeck(user.id, deckId);
  return json({ deckId, subscribed: true, title: sub.title }, { status: 201 });
});

/** DELETE /api/decks/:id/subscription — removes it from the review; history is kept (idempotent). */
export const DELETE = reviewRoute(async (req, { params }: Ctx) => {
  const user = await requireUser(req);
  const deckId = await deckIdOf(params);
  await unsubscribeDeck(user.id, deckId);
  return json({ deckId, subscribed: false });
});
