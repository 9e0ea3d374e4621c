import type { QueueCounts } from '@/core/review';
import { asDate, qb, queries } from '../db';
import { COUNT_CAP, dueWhere, queueCounts, withQueueIndex } from './candidates';
import { dayContext } from './day';
import { studyDecks } from './study-decks';
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
  if (deckIds && deckIds.length === 0) {
    return { day: ctx.day, decks: [], total: { new: 0, learning: 0, review: 0, total: 0 }, nextDueAt: null };
  }
  const { decks, done } = await studyDecks(ctx, deckIds);
  const newLeft = Math.max(0, ctx.settings.newPerDay - done.newDone);
  const reviewLeft = Math.max(0, ctx.settings.maxReviewsPerDay - done.reviewsDone);
  const ids = decks.map((d) => d.deckId);
  if (ids.length === 0) {
    return { day: ctx.day, decks: [], total: { new: 0, learning: 0, review: 0, total: 0 }, nextDueAt: null };
  }

  const q = queries();
  const [grouped, counted] = await Promise.all([
    q.all(
      withQueueIndex(
        qb()
          .selectFrom('CardState as s')
          .select(['s.deckId as deckId', 's.state as state', (eb) => eb.fn.countAll<number>().as('n')])
          .where(dueWhere(ctx, decks, [1, 2, 3]))
          .groupBy(['s.deckId', 's.state']),
      ),
    ),
    // why at least one: a new card is looked for even when the limit is used up, to tell
    // "done for today, more tomorrow" from "no cards left at all".
    queueCounts(q, ctx, decks, { learning: 0, review: 0, newPerDeck: Math.max(1, Math.min(newLeft, COUNT_CAP)) }),
  ]);

  let learningSum = 0;
  let reviewSum = 0;
  let newSum = 0;
  const perDeck = decks.map((d, i) => {
    let learning = 0;
    let review = 0;
    for (const r of grouped) {
      if (r.deckId !== d.deckId) continue;
      if (Number(r.state) === 2) review += Number(r.n);
      else learning += Number(r.n);
    }
    const fresh = counted.newPerDeck[i]!;
    learningSum += learning;
    reviewSum += review;
    newSum += fresh;
    return {
      deckId: d.deckId,
      title: d.title,
      new: Math.min(fresh, newLeft),
      learning,
      review: Math.min(review, reviewLeft),
    };
  });
  const total = { new: Math.min(newSum, newLeft), learning: learningSum, review: Math.min(reviewSum, reviewLeft) };
  const sum = total.new + total.learning + total.review;

  let nextDueAt: string | null = null;
  if (sum === 0) {
    const blockedByLimit = (newLeft === 0 && newSum > 0) || (reviewLeft === 0 && reviewSum > 0);
    const first = await q.first(
      withQueueIndex(
        qb()
          .selectFrom('CardState as s')
          .select(['s.due as due', 's.buriedUntil as buriedUntil'])
          .where('s.userId', '=', userId)
          .where('s.state', 'in', [1, 2, 3])
          .where('s.suspended', '=', false)
          .where('s.deckId', 'in', ids)
          .where('s.cardId', 'not in', qb().selectFrom('Card as a').select('a.id').where('a.deckId', 'in', ids).where('a.archived', '=', true))
          .orderBy('s.due')
          .limit(1),
      ),
    );
    const candidates = [
      blockedByLimit ? ctx.end.getTime() : Infinity,
      first ? Math.max(asDate(first.due)!.getTime(), asDate(first.buriedUntil)?.getTime() ?? 0) : Infinity,
      // Buried new cards (or new cards held back by nothing else) come back tomorrow.
      newSum > 0 ? ctx.end.getTime() : Infinity,
    ];
    const t = Math.min(...candidates);
    if (Number.isFinite(t)) nextDueAt = new Date(Math.max(t, now.getTime())).toISOString();
  }
  return { day: ctx.day, decks: perDeck, total: { ...total, total: sum }, nextDueAt };
}
