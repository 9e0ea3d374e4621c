import { Prisma, type CardState } from '@/generated/prisma/client';
import type { DoneToday } from '@/core/review';
import { db } from '../db';
import type { DayContext } from './day';

/** Learning cards are never capped by the daily limits; this only bounds a pathological backlog. */
const MAX_LEARNING = 1000;

const available = (now: Date): Prisma.CardStateWhereInput => ({
  suspended: false,
  OR: [{ buriedUntil: null }, { buriedUntil: { lte: now } }],
});

/**
 * Scheduled cards due today in `deckIds`: learning/relearning ones (all) and review ones (only as
 * many as the review limit leaves). Both queries walk the (userId, due) index in due order and stop
 * at their limit, so a user with 50,000 cards costs the same as one with 50.
 */
export async function loadDueRows(
  ctx: DayContext,
  deckIds: readonly string[],
  done: DoneToday,
): Promise<CardState[]> {
  if (deckIds.length === 0) return [];
  const base: Prisma.CardStateWhereInput = {
    userId: ctx.userId,
    due: { lt: ctx.end },
    ...available(ctx.now),
    card: { deckId: { in: [...deckIds] }, archived: false },
  };
  const reviewLeft = Math.max(0, ctx.settings.maxReviewsPerDay - done.reviewsDone);
  const [learning, reviews] = await Promise.all([
    db().cardState.findMany({
      where: { ...base, state: { in: [1, 3] } },
      orderBy: { due: 'asc' },
      take: MAX_LEARNING,
    }),
    reviewLeft === 0
      ? Promise.resolve([] as CardState[])
      : db().cardState.findMany({ where: { ...base, state: 2 }, orderBy: { due: 'asc' }, take: reviewLeft }),
  ]);
  return [...learning, ...reviews];
}

/**
 * Up to `limit` new cards of one deck in deck order: not archived, and without a studied,
 * suspended or buried state row (a plain row still in state New counts as new).
 */
export async function newCardIdsOfDeck(ctx: DayContext, deckId: string, limit: number): Promise<string[]> {
  if (limit <= 0) return [];
  const rows = await db().$queryRaw<{ id: string }[]>`
    SELECT c.id AS id FROM "Card" c
    WHERE c.deckId = ${deckId} AND c.archived = 0
      AND NOT EXISTS (
        SELECT 1 FROM "CardState" s
        WHERE s.userId = ${ctx.userId} AND s.cardId = c.id
          AND (s.state <> 0 OR s.suspended = 1 OR (s.buriedUntil IS NOT NULL AND s.buriedUntil > ${ctx.now})))
    ORDER BY c.ord
    LIMIT ${limit}`;
  return rows.map((r) => r.id);
}

/** New cards across decks in study order (deck by deck), at most `limit`. */
export async function loadNewCards(
  ctx: DayContext,
  deckIds: readonly string[],
  limit: number,
): Promise<{ cardId: string }[]> {
  const out: { cardId: string }[] = [];
  for (const deckId of deckIds) {
    if (out.length >= limit) break;
    for (const id of await newCardIdsOfDeck(ctx, deckId, limit - out.length)) out.push({ cardId: id });
  }
  return out;
}
