import { z } from 'zod';
import { badRequest, json, parseBody, requireUser } from '@/server/api';
import { suspendCard } from '@/server/review';
import { ID_PATTERN, reviewRoute } from '@/server/review/http';

type Ctx = { params: Promise<{ cardId: string }> };

/** POST /api/review/cards/:cardId/suspend — takes the card out of review until unsuspended. */
export const POST = reviewRoute(async (req, { params }: Ctx) => {
  const user = await requireUser(req);
  const { cardId } = await params;
  if (!ID_PATTERN.test(cardId)) throw badRequest('cardId: not a card id');
  await parseBody(req, z.strictObject({}), 1024);
  return json({ card: await suspendCard(user.id, cardId, new Date()) });
});
