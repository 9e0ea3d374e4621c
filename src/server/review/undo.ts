import { sql } from 'kysely';
import { createScheduler, type CardStateValue, type RatingValue } from '@/core/review';
import { asBool, asDate, asJson, qb, transaction } from '../db';
import { dayContext } from './day';
import { ReviewError } from './errors';
import { JOINED_STATE_COLUMNS, joinedState } from './rows';
import { forgetNewCursors } from './new-cursor';
import { deleteCardState, markLogUndone, storeCardState } from './rating-writes';

export interface UndoResult {
  cardId: string;
  logId: string;
  rating: RatingValue;
  /** The restored schedule version (0 when the card is new again). */
  version: number;
  /** The card was new before the undone rating; its state row was removed. */
  newAgain: boolean;
}

/**
 * Undoes the user's last rating of today made on the review screen: restores the card's previous
 * state (or deletes the row when it was new) and marks the log undone (it is never deleted).
 * Repeated calls walk further back through today's ratings, like Anki. Writes go through the same
 * version-checked statements as ratings (rating-writes.ts), so an undo racing a rating of the same
 * card on another connection runs again on the fresh row instead of overwriting it.
 */
export async function undoLastRating(userId: string, now: Date): Promise<UndoResult> {
  const ctx = await dayContext(userId, now);
  const scheduler = createScheduler(ctx.settings);
  const result = await transaction(async (q) => {
    const r = await q.first(
      qb()
        .selectFrom('ReviewLog as l')
        .leftJoin('CardState as s', (j) => j.onRef('s.userId', '=', 'l.userId').onRef('s.cardId', '=', 'l.cardId'))
        .selectAll('l')
        .select(JOINED_STATE_COLUMNS)
        .select((eb) => [
          eb
            .exists(
              eb
                .selectFrom('ReviewLog as o')
                .select(sql<number>`1`.as('one'))
                .whereRef('o.userId', '=', 'l.userId')
                .whereRef('o.cardId', '=', 'l.cardId')
                .where('o.undone', '=', false)
                .whereRef('o.id', '<>', 'l.id')
                .whereRef('o.review', '>=', 'l.review'),
            )
            .as('later'),
        ])
        .where('l.userId', '=', userId)
        .where('l.undone', '=', false)
        .where('l.source', '=', 'review')
        .where('l.review', '>=', ctx.start)
        .orderBy('l.review', 'desc')
        .orderBy('l.createdAt', 'desc')
        .limit(1),
    );
    // why returned, not thrown: on SQLite, statements outside a transaction share its connection,
    // so a rollback would take a concurrent request's write with it; refusing commits nothing.
    if (!r) return new ReviewError(409, 'nothing_to_undo', 'There is no rating from today to undo.');
    const current = joinedState(r, userId, r.cardId);
    if (asBool(r.later) || current === null) {
      return new ReviewError(409, 'undo_conflict', 'This card was answered again elsewhere since; that rating cannot be undone.');
    }
    const prev = scheduler.undoRating({ ...current, state: current.state as CardStateValue }, {
      rating: r.rating as RatingValue,
      state: r.state as CardStateValue,
      due: asDate(r.due)!,
      stability: r.stability,
      difficulty: r.difficulty,
      elapsedDays: r.elapsedDays,
      lastElapsedDays: r.lastElapsedDays,
      scheduledDays: r.scheduledDays,
      learningSteps: r.learningSteps,
      review: asDate(r.review)!,
      previous: asJson(r.previous),
    });
    let version = 0;
    if (prev === null) {
      await deleteCardState(q, current.id, current.version);
    } else {
      version = current.version + 1;
      await storeCardState(q, { userId, cardId: r.cardId, deckId: current.deckId }, { ...prev, id: current.id, version }, current.version, new Date());
    }
    await markLogUndone(q, r.id);
    return { cardId: r.cardId, logId: r.id, rating: r.rating as RatingValue, version, newAgain: prev === null };
  });
  if (result instanceof ReviewError) throw result;
  // why: after the commit, so a concurrent request cannot re-cache a cursor past the card.
  if (result.newAgain) forgetNewCursors(userId);
  return result;
}
