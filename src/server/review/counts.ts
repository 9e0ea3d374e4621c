import type { QueueCounts } from '@/core/review';
import { dueFilter, newCardIdsOfDeck, QUEUE_INDEX } from './candidates';
import { dayContext, doneTodaySql } from './day';
import { placeholders, sqlite } from './sql';
import { subscribedDecksSql } from './subscriptions';

export interface DeckDueCounts extends QueueCounts {
  deckId: string;
  title: string;
}

export interface DueCounts {
  /** Study day 'YYYY-MM-DD' in the user's time zone (rollover hour applied). */
  day: string;
  /** Per subscribed deck, in study order. Each deck's counts are capped by the daily limits alone. */
  decks: DeckDueCounts[];
  /** All subscribed decks together (the limits apply once, so this can be less than the sum). */
  total: QueueCounts & { total: number };
  /** When nothing is left today: when the next card becomes due (ISO), or null with no cards at all. */
  nextDueAt: string | null;
}

/**
 * New / learning / review cards left today per subscribed deck and in total, respecting the daily
 * limits and the user's study day. Aggregates in SQL (no card rows are loaded), so the /decks page
 * can call it for every render.
 */
export async function dueCountsForUser(
  userId: string,
  deckIds?: readonly string[],
  now: Date = new Date(),
): Promise<DueCounts> {
  const ctx = await dayContext(userId, now);
  const sql = await sqlite();
  const decks = subscribedDecksSql(sql, userId, deckIds);
  const done = doneTodaySql(sql, ctx);
  const newLeft = Math.max(0, ctx.settings.newPerDay - done.newDone);
  const reviewLeft = Math.max(0, ctx.settings.maxReviewsPerDay - done.reviewsDone);
  const ids = decks.map((d) => d.deckId);
  if (ids.length === 0) {
    return { day: ctx.day, decks: [], total: { new: 0, learning: 0, review: 0, total: 0 }, nextDueAt: null };
  }

  const [where, params] = dueFilter(ctx, ids, '1, 2, 3');
  const grouped = sql.all<{ deckId: string; state: number; n: number }>(
    `SELECT s.deckId AS deckId, s.state AS state, COUNT(*) AS n FROM "CardState" s ${QUEUE_INDEX}
     WHERE ${where} GROUP BY s.deckId, s.state`,
    ...params,
  );
  // why: at least one new card is looked up even when the limit is used up, to tell
  // "done for today, more tomorrow" from "no cards left at all".
  const newRaw = ids.map((id) => newCardIdsOfDeck(sql, ctx, id, Math.max(1, Math.min(newLeft, 1000))));

  let learningSum = 0;
  let reviewSum = 0;
  let newSum = 0;
  const perDeck = decks.map((d, i) => {
    let learning = 0;
    let review = 0;
    for (const r of grouped) {
      if (r.deckId !== d.deckId) continue;
      if (r.state === 2) review += Number(r.n);
      else learning += Number(r.n);
    }
    learningSum += learning;
    reviewSum += review;
    newSum += newRaw[i]!.length;
    return {
      deckId: d.deckId,
      title: d.title,
      new: Math.min(newRaw[i]!.length, newLeft),
      learning,
      review: Math.min(review, reviewLeft),
    };
  });
  const total = { new: Math.min(newSum, newLeft), learning: learningSum, review: Math.min(reviewSum, reviewLeft) };
  const sum = total.new + total.learning + total.review;

  let nextDueAt: string | null = null;
  if (sum === 0) {
    const blockedByLimit = (newLeft === 0 && newSum > 0) || (reviewLeft === 0 && reviewSum > 0);
    const inDecks = placeholders(ids);
    const first = sql.get<{ due: string; buriedUntil: string | null }>(
      `SELECT s.due AS due, s.buriedUntil AS buriedUntil FROM "CardState" s ${QUEUE_INDEX}
       WHERE s.userId = ? AND s.state IN (1, 2, 3) AND s.suspended = 0 AND s.deckId IN (${inDecks})
         AND s.cardId NOT IN (SELECT id FROM "Card" WHERE deckId IN (${inDecks}) AND archived = 1)
       ORDER BY s.due LIMIT 1`,
      userId,
      ...ids,
      ...ids,
    );
    const candidates = [
      blockedByLimit ? ctx.end.getTime() : Infinity,
      first ? Math.max(Date.parse(first.due), first.buriedUntil ? Date.parse(first.buriedUntil) : 0) : Infinity,
      // Buried new cards (or new cards held back by nothing else) come back tomorrow.
      newSum > 0 ? ctx.end.getTime() : Infinity,
    ];
    const t = Math.min(...candidates);
    if (Number.isFinite(t)) nextDueAt = new Date(Math.max(t, now.getTime())).toISOString();
  }
  return { day: ctx.day, decks: perDeck, total: { ...total, total: sum }, nextDueAt };
}
