import type { CardStateValue, DoneToday } from '@/core/review';
import type { DayContext } from './day';
import { newCursor, newCursorOrd, setNewCursor } from './new-cursor';
import { placeholders, sqlTime, type Sql } from './sql';

/** Learning rows loaded per request (the soonest); the rest are counted in SQL. */
const LEARNING_ROWS = 20;
/**
 * Counting stops here: the screen shows "1000" for a bigger backlog and the new-card spacing treats
 * it as 1000 cards. why: counting walks every due row (one index entry each), the one per-request
 * cost that grows with the backlog.
 */
const COUNT_CAP = 1000;
/** Review rows loaded per request; only the first is shown, the rest are counted in SQL. */
const REVIEW_ROWS = 20;

/** The columns the queue needs; the picked card's full row is read afterwards. */
export interface DueRow {
  cardId: string;
  due: Date;
  state: CardStateValue;
}

export interface DueRows {
  /** Learning/relearning rows due today (soonest first) and the first review rows due. */
  rows: DueRow[];
  /** Review cards due today within the review limit (may exceed the review rows loaded). */
  reviewCount: number;
  /** Learning cards due today (may exceed the learning rows loaded). */
  learningCount: number;
}

/**
 * The filter for the user's scheduled cards of `deckIds` due before the end of today, as SQL on
 * CardState `s` plus its parameters. Everything it tests is in the queue index
 * (userId, state, due, suspended, buriedUntil, deckId, cardId), so no table row is read; archived
 * cards (rare) are left out through the small list of archived card ids of those decks.
 */
export function dueFilter(ctx: DayContext, deckIds: readonly string[], states: string): [string, unknown[]] {
  const decks = placeholders(deckIds);
  return [
    `s.userId = ? AND s.state IN (${states}) AND s.due < ? AND s.suspended = 0
     AND (s.buriedUntil IS NULL OR s.buriedUntil <= ?) AND s.deckId IN (${decks})
     AND s.cardId NOT IN (SELECT id FROM "Card" WHERE deckId IN (${decks}) AND archived = 1)`,
    [ctx.userId, sqlTime(ctx.end), sqlTime(ctx.now), ...deckIds, ...deckIds],
  ];
}

/** why INDEXED BY: for two states SQLite otherwise walks the (userId, due) index and reads rows. */
export const QUEUE_INDEX = 'INDEXED BY "CardState_userId_state_due_suspended_buriedUntil_deckId_cardId_idx"';

function dueList(sql: Sql, ctx: DayContext, deckIds: readonly string[], states: string, limit: number): DueRow[] {
  const [where, params] = dueFilter(ctx, deckIds, states);
  return sql
    .all<{ cardId: string; due: string; state: CardStateValue }>(
      `SELECT s.cardId AS cardId, s.due AS due, s.state AS state FROM "CardState" s ${QUEUE_INDEX}
       WHERE ${where} ORDER BY s.due LIMIT ?`,
      ...params,
      limit,
    )
    .map((r) => ({ ...r, due: new Date(r.due) }));
}

function dueCount(sql: Sql, ctx: DayContext, deckIds: readonly string[], states: string, limit: number): number {
  const [where, params] = dueFilter(ctx, deckIds, states);
  return sql.get<{ n: number }>(
    `SELECT COUNT(*) AS n FROM (SELECT 1 FROM "CardState" s ${QUEUE_INDEX} WHERE ${where} LIMIT ?)`,
    ...params,
    limit,
  )!.n;
}

/**
 * Scheduled cards due today in `deckIds`: learning/relearning ones, the first review ones, and the
 * number of review cards the limit leaves. Each list walks the queue index in due order and stops
 * at its limit.
 */
export function loadDueRows(sql: Sql, ctx: DayContext, deckIds: readonly string[], done: DoneToday): DueRows {
  if (deckIds.length === 0) return { rows: [], reviewCount: 0, learningCount: 0 };
  const reviewLeft = Math.max(0, ctx.settings.maxReviewsPerDay - done.reviewsDone);
  const learning = dueList(sql, ctx, deckIds, '1, 3', LEARNING_ROWS);
  const reviews = reviewLeft === 0 ? [] : dueList(sql, ctx, deckIds, '2', Math.min(reviewLeft, REVIEW_ROWS));
  // A list shorter than its limit is the whole set: no count needed.
  const reviewCount =
    reviewLeft <= REVIEW_ROWS || reviews.length < REVIEW_ROWS
      ? reviews.length
      : dueCount(sql, ctx, deckIds, '2', Math.min(reviewLeft, COUNT_CAP));
  const learningCount =
    learning.length < LEARNING_ROWS ? learning.length : dueCount(sql, ctx, deckIds, '1, 3', COUNT_CAP);
  return { rows: [...learning, ...reviews], reviewCount, learningCount };
}

/** Cards of a deck from `ord` on that are new to the user: not archived, no studied, suspended or buried state row. */
const NEW_CARDS_FROM = `
  FROM "Card" c
  WHERE c.deckId = ? AND c.archived = 0 AND c.ord >= ?
    AND NOT EXISTS (
      SELECT 1 FROM "CardState" s
      WHERE s.userId = ? AND s.cardId = c.id
        AND (s.state <> 0 OR s.suspended = 1 OR (s.buriedUntil IS NOT NULL AND s.buriedUntil > ?)))
  ORDER BY c.ord`;

/**
 * Up to `limit` new cards of one deck in deck order: not archived, and without a studied,
 * suspended or buried state row (a plain row still in state New counts as new).
 */
export function newCardIdsOfDeck(sql: Sql, ctx: DayContext, deckId: string, limit: number): string[] {
  if (limit <= 0) return [];
  const deck = sql.get<{ updatedAt: string }>(`SELECT updatedAt FROM "Deck" WHERE id = ?`, deckId);
  if (!deck) return [];
  const stamp = new Date(deck.updatedAt).getTime();
  // First card (from the cached lower bound) that has not been studied: the new cursor.
  const first = sql.get<{ ord: number }>(
    `SELECT c.ord AS ord FROM "Card" c
     WHERE c.deckId = ? AND c.archived = 0 AND c.ord >= ?
       AND NOT EXISTS (SELECT 1 FROM "CardState" s WHERE s.userId = ? AND s.cardId = c.id AND s.state <> 0)
     ORDER BY c.ord LIMIT 1`,
    deckId,
    newCursor(ctx.userId, deckId, stamp),
    ctx.userId,
  );
  if (!first) {
    const last = sql.get<{ ord: number | null }>(`SELECT MAX(ord) AS ord FROM "Card" WHERE deckId = ?`, deckId);
    setNewCursor(ctx.userId, deckId, stamp, (last?.ord ?? -1) + 1);
    return [];
  }
  setNewCursor(ctx.userId, deckId, stamp, first.ord);
  return sql
    .all<{ id: string }>(`SELECT c.id AS id ${NEW_CARDS_FROM} LIMIT ?`, deckId, first.ord, ctx.userId, sqlTime(ctx.now), limit)
    .map((r) => r.id);
}

/**
 * New cards across decks in study order (deck by deck): the first `rows` ids and how many there
 * are up to `limit` (the new-card limit left today, capped for counting).
 */
export function loadNewCards(
  sql: Sql,
  ctx: DayContext,
  deckIds: readonly string[],
  limit: number,
  rows = 20,
): { cards: { cardId: string }[]; count: number } {
  const cards: { cardId: string }[] = [];
  let count = 0;
  const want = Math.min(limit, COUNT_CAP);
  for (const deckId of deckIds) {
    if (count >= want) break;
    const ids = newCardIdsOfDeck(sql, ctx, deckId, Math.min(rows - cards.length, want - count));
    for (const id of ids) cards.push({ cardId: id });
    if (cards.length < rows) {
      count += ids.length; // this deck has no more new cards than we loaded
    } else {
      count += ids.length + countNewOfDeck(sql, ctx, deckId, want - count - ids.length, ids.length);
    }
  }
  return { cards, count: Math.min(count, want) };
}

/** New cards of a deck after the first `skip`, counting at most `limit`. */
function countNewOfDeck(sql: Sql, ctx: DayContext, deckId: string, limit: number, skip: number): number {
  if (limit <= 0) return 0;
  return sql.get<{ n: number }>(
    `SELECT COUNT(*) AS n FROM (SELECT 1 ${NEW_CARDS_FROM} LIMIT ? OFFSET ?)`,
    deckId,
    newCursorOrd(ctx.userId, deckId),
    ctx.userId,
    sqlTime(ctx.now),
    limit,
    skip,
  )!.n;
}
