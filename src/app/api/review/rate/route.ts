import { z } from 'zod';
import { json, parseBody, requireUser } from '@/server/api';
import { applyReview } from '@/server/review';
import { ID_PATTERN, reviewRoute } from '@/server/review/http';

const body = z.strictObject({
  cardId: z.string().regex(ID_PATTERN, 'not a card id'),
  rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  clientId: z.uuid(),
  expectedVersion: z.number().int().min(0),
  durationMs: z.number().int().min(0).max(24 * 60 * 60 * 1000).default(0),
});

/** POST /api/review/rate — rates a card (idempotent per clientId; 409 when the card changed since it was shown). */
export const POST = reviewRoute(async (req) => {
  const user = await requireUser(req);
  const b = await parseBody(req, body, 4 * 1024);
  const result = await applyReview({ ...b, userId: user.id, source: 'review', now: new Date() });
  return json(result, { status: result.replayed ? 200 : 201 });
});
