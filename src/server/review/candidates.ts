import { Prisma, type CardState } from '@/generated/prisma/client';
import type { DoneToday } from '@/core/review';
import { db } from '../db';
import type { DayContext } from './day';
import { newCursor, newCursorOrd, setNewCursor } from './new-cursor';

/** Learning rows loaded per request (the soonest); the rest are counted in SQL. */
const LEARNING_ROWS = 20;
/**
 * Counting stops here: the screen shows "1000" for a bigger backlog and the new-card spacing treats
 * it as 1000 cards. why: counting walks every due row (an index probe each), the one per-request
 * cost that grows with the backlog.
 */
const COUNT_CAP = 1000;
/** Review rows loaded per request; only the first is shown, the rest are counted in SQL. */
const REVIEW_ROWS = 20;

/** The columns the queue needs; the picked card's full row is read afterwards. */
export type DueRow = Pick<CardState, 'cardId' | 'due' | 'state'>;

export interface DueRows {
  /** Learning/relearning rows due today (soonest first) and the first review rows due. */
  rows: DueRow[];
  /** Review cards due today within the review limit (may exceed the review rows loaded). */
  reviewCount: number;
  /** Learning cards due today (may exceed the learning rows loaded). */
  learningCount: number;
}

/**
 * Scheduled cards due today in `deckIds`: learning/relearning ones, the first review ones, and the
 * number of review cards the limit leaves. why raw SQL: each query walks the (userId, state, due)
 * index in due order and probes Card by id (CROSS JOIN fixes that order), stopping at its limit;
 * Prisma's relation filter would instead build the set of every card id of the decks first.
 */
export async function loadDueRows(ctx: DayContext, deckIds: readonly string[], done: DoneToday): Promise<DueRows> {
  if (deckIds.length === 0) return { rows: [], reviewCount: 0, learningCount: 0 };
  const reviewLeft = Math.max(0, ctx.settings.maxReviewsPerDay - done.reviewsDone);
  const decks = Prisma.join([...deckIds]);
  const where = (states: Prisma.Sql) => Prisma.sql`
    s.userId = ${ctx.userId} AND s.state IN (${states}) AND s.due < ${ctx.end} AND s.suspended = 0
    AND (s.buriedUntil IS NULL OR s.buriedUntil <= ${ctx.now})
    AND c.deckId IN (${decks}) AND c.archived = 0`;
  const countOf = (states: Prisma.Sql, limit: number) => db().$queryRaw<{ n: number | bigint }[]>`
    SELECT COUNT(*) AS n FROM (
      SELECT 1 FROM "CardState" s CROSS JOIN "Card" c ON c.id = s.cardId WHERE ${where(states)} LIMIT ${limit})`;
  const [learning, reviews, counted, learningCounted] = await Promise.all([
    db().$queryRaw<DueRow[]>`
      SELECT s.cardId AS cardId, s.due AS due, s.state AS state FROM "CardState" s CROSS JOIN "Card" c ON c.id = s.cardId
      WHERE ${where(Prisma.sql`1, 3`)} ORDER BY s.due LIMIT ${LEARNING_ROWS}`,
    reviewLeft === 0
      ? Promise.resolve([] as DueRow[])
      : db().$queryRaw<DueRow[]>`
          SELECT s.cardId AS cardId, s.due AS due, s.state AS state FROM "CardState" s CROSS JOIN "Card" c ON c.id = s.cardId
          WHERE ${where(Prisma.sql`2`)} ORDER BY s.due LIMIT ${Math.min(reviewLeft, REVIEW_ROWS)}`,
    reviewLeft <= REVIEW_ROWS ? Promise.resolve(null) : countOf(Prisma.sql`2`, Math.min(reviewLeft, COUNT_CAP)),
    countOf(Prisma.sql`1, 3`, COUNT_CAP),
  ]);
  const reviewCount = counted ? Number(counted[0]?.n ?? 0) : reviews.length;
  const learningCount = Number(learningCounted[0]?.n ?? 0);
  return { rows: [...learning, ...reviews], reviewCount, learningCount };
}

/**
 * Up to `limit` new cards of one deck in deck order: not archived, and without a studied,
 * suspended or buried state row (a plain row still in state New counts as new).
 */
export async function newCardIdsOfDeck(ctx: DayContext, deckId: string, limit: number): Promise<string[]> {
  if (limit <= 0) return [];
  const [deck] = await db().$queryRaw<{ updatedAt: Date }[]>`SELECT updatedAt FROM "Deck" WHERE id = ${deckId}`;
  if (!deck) return [];
  const stamp = new Date(deck.updatedAt).getTime();
  // First card (from the cached lower bound) that has not been studied: the new cursor.
  const first = await db().$queryRaw<{ ord: number }[]>`
    SELECT c.ord AS ord FROM "Card" c
    WHERE c.deckId = ${deckId} AND c.archived = 0 AND c.ord >= ${newCursor(ctx.userId, deckId, stamp)}
      AND NOT EXISTS (SELECT 1 FROM "CardState" s WHERE s.userId = ${ctx.userId} AND s.cardId = c.id AND s.state <> 0)
    ORDER BY c.ord
    LIMIT 1`;
  if (first.length === 0) {
    const last = await db().card.aggregate({ where: { deckId }, _max: { ord: true } });
    setNewCursor(ctx.userId, deckId, stamp, (last._max.ord ?? -1) + 1);
    return [];
  }
  const from = Number(first[0]!.ord);
  setNewCursor(ctx.userId, deckId, stamp, from);
  const rows = await db().$queryRaw<{ id: string }[]>`
    SELECT c.id AS id FROM "Card" c
    WHERE c.deckId = ${deckId} AND c.archived = 0 AND c.ord >= ${from}
      AND NOT EXISTS (
        SELECT 1 FROM "CardState" s
        WHERE s.userId = ${ctx.userId} AND s.cardId = c.id
          AND (s.state <> 0 OR s.suspended = 1 OR (s.buriedUntil IS NOT NULL AND s.buriedUntil > ${ctx.now})))
    ORDER BY c.ord
    LIMIT ${limit}`;
  return rows.map((r) => r.id);
}

/**
 * New cards across decks in study order (deck by deck): the first `rows` ids and how many there
 * are up to `limit` (the new-card limit left today, capped for counting).
 */
export async function loadNewCards(
  ctx: DayContext,
  deckIds: readonly string[],
  limit: number,
  rows = 20,
): Promise<{ cards: { cardId: string }[]; count: number }> {
  const cards: { cardId: string }[] = [];
  let count = 0;
  const want = Math.min(limit, COUNT_CAP);
  for (const deckId of deckIds) {
    if (count >= want) break;
    const ids = await newCardIdsOfDeck(ctx, deckId, Math.min(rows - cards.length, want - count));
    for (const id of ids) cards.push({ cardId: id });
    if (cards.length < rows) {
      count += ids.length; // this deck has no more new cards than we loaded
    } else {
      count += ids.length + (await countNewOfDeck(ctx, deckId, want - count - ids.length, ids.length));
    }
  }
  return { cards, count: Math.min(count, want) };
}

/** New cards of a deck after the first `skip`, counting at most `limit`. */
async function countNewOfDeck(ctx: DayContext, deckId: string, limit: number, skip: number): Promise<number> {
  if (limit <= 0) return 0;
  const [row] = await db().$queryRaw<{ n: number | bigint }[]>`
    SELECT COUNT(*) AS n FROM (
      SELECT 1 FROM "Card" c
      WHERE c.deckId = ${deckId} AND c.archived = 0 AND c.ord >= ${newCursorOrd(ctx.userId, deckId)}
        AND NOT EXISTS (
          SELECT 1 FROM "CardState" s
          WHERE s.userId = ${ctx.userId} AND s.cardId = c.id
            AND (s.state <> 0 OR s.suspended = 1 OR (s.buriedUntil IS NOT NULL AND s.buriedUntil > ${ctx.now})))
      ORDER BY c.ord LIMIT ${limit} OFFSET ${skip})`;
  return Number(row?.n ?? 0);
}
