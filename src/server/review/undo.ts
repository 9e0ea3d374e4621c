import { createScheduler, type CardStateValue, type RatingValue } from '@/core/review';
import { db } from '../db';
import { dayContext } from './day';
import { ReviewError } from './errors';
import { forgetNewCursors } from './new-cursor';

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
 * Repeated calls walk further back through today's ratings, like Anki.
 */
export async function undoLastRating(userId: string, now: Date): Promise<UndoResult> {
  const ctx = await dayContext(userId, now);
  const scheduler = createScheduler(ctx.settings);
  const result = await db().$transaction(async (tx) => {
    const log = await tx.reviewLog.findFirst({
      where: { userId, undone: false, source: 'review', review: { gte: ctx.start } },
      orderBy: [{ review: 'desc' }, { createdAt: 'desc' }],
    });
    if (!log) throw new ReviewError(409, 'nothing_to_undo', 'There is no rating from today to undo.');
    const later = await tx.reviewLog.findFirst({
      where: { userId, cardId: log.cardId, undone: false, id: { not: log.id }, review: { gte: log.review } },
      select: { id: true },
    });
    const row = await tx.cardState.findUnique({ where: { userId_cardId: { userId, cardId: log.cardId } } });
    if (later || !row) {
      throw new ReviewError(409, 'undo_conflict', 'This card was answered again elsewhere since; that rating cannot be undone.');
    }
    const prev = scheduler.undoRating(
      { ...row, state: row.state as CardStateValue },
      { ...log, rating: log.rating as RatingValue, state: log.state as CardStateValue },
    );
    let version = 0;
    if (prev === null) {
      await tx.cardState.delete({ where: { id: row.id } });
    } else {
      const updated = await tx.cardState.update({
        where: { id: row.id },
        data: { ...prev, version: { increment: 1 } },
      });
      version = updated.version;
    }
    await tx.reviewLog.update({ where: { id: log.id }, data: { undone: true } });
    return { cardId: log.cardId, logId: log.id, rating: log.rating as RatingValue, version, newAgain: prev === null };
  });
  // why: after the commit, so a concurrent request cannot re-cache a cursor past the card.
  if (result.newAgain) forgetNewCursors(userId);
  return result;
}
