import { rescheduleCard, type CardStateValue, type RatingValue, type SchedulerSettings } from '@/core/review';
import type { FitFigures } from '@/core/optimizer';
import { Prisma } from '@/generated/prisma/client';
import { db } from '../db';
import { ReviewError } from './errors';
import { activeFsrsParams, storedParams, type FsrsChoice } from './fsrs-params';
import { forgetReviewSettings, getReviewSettings } from './settings';
import { sqlTime, writeTransaction } from './sql';

interface StateRow {
  id: string;
  cardId: string;
  due: string;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: number;
  lastReview: string | null;
  version: number;
}

/**
 * Recomputes every studied card's memory state from its review log with the parameters now in
 * `settings.w`, moving due dates of review cards, in one transaction. Logs are only read: nothing
 * of the history is lost, so running it again with other parameters (undo) is exact. Returns the
 * number of cards that changed; each changed card's version goes up, so a rating made against the
 * old schedule in another tab is refused rather than applied to the wrong state.
 */
export async function rescheduleUser(userId: string, settings: SchedulerSettings, now: Date): Promise<number> {
  return writeTransaction((sql) => {
    const rows = sql.all<StateRow>(
      `SELECT id, cardId, due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, state,
         lastReview, version FROM "CardState" WHERE userId = ? AND state > 0`,
      userId,
    );
    const logs = sql.all<{ cardId: string; rating: number; review: string }>(
      `SELECT cardId, rating, review FROM "ReviewLog" WHERE userId = ? AND undone = 0 ORDER BY cardId, review`,
      userId,
    );
    const byCard = new Map<string, { rating: RatingValue; review: Date }[]>();
    for (const l of logs) {
      const list = byCard.get(l.cardId) ?? [];
      list.push({ rating: l.rating as RatingValue, review: new Date(l.review) });
      byCard.set(l.cardId, list);
    }
    let changed = 0;
    const written = sqlTime(now);
    for (const row of rows) {
      const next = rescheduleCard(
        settings,
        {
          due: new Date(row.due),
          stability: row.stability,
          difficulty: row.difficulty,
          elapsedDays: row.elapsedDays,
          scheduledDays: row.scheduledDays,
          learningSteps: row.learningSteps,
          reps: row.reps,
          lapses: row.lapses,
          state: row.state as CardStateValue,
          lastReview: row.lastReview ? new Date(row.lastReview) : null,
        },
        byCard.get(row.cardId) ?? [],
        now,
      );
      if (!next) continue;
      changed += sql.run(
        `UPDATE "CardState" SET stability = ?, difficulty = ?, due = ?, scheduledDays = ?, version = version + 1,
           updatedAt = ? WHERE id = ? AND version = ?`,
        next.stability, next.difficulty, sqlTime(next.due), next.scheduledDays, written, row.id, row.version,
      );
    }
    return changed;
  });
}

export interface ParamsChangeResult {
  choice: FsrsChoice;
  source: FsrsChoice;
  cardsRescheduled: number;
}

/**
 * Switches which parameters schedule a user (and, for "optimize", stores their newly fitted
 * ones), reschedules their cards and logs the change with what it replaced, for undo.
 */
export async function changeUserParams(
  userId: string,
  to: { choice: FsrsChoice; own?: number[] },
  reason: 'optimize' | 'choice' | 'undo',
  now: Date,
  figures?: { default: FitFigures; fitted: FitFigures } | null,
): Promise<ParamsChangeResult> {
  const before = await activeFsrsParams(userId);
  if (to.choice === 'own' && !to.own && !before.own) {
    throw new ReviewError(409, 'no_own_params', 'You have no fitted parameters yet: run "Optimize my parameters" first.');
  }
  const ownJson = to.own ? { fsrsParams: to.own } : {};
  await db().userSettings.upsert({
    where: { userId },
    create: { userId, fsrsChoice: to.choice, ...ownJson },
    update: { fsrsChoice: to.choice, ...ownJson },
  });
  forgetReviewSettings(userId);
  const settings = await getReviewSettings(userId);
  const cardsRescheduled = await rescheduleUser(userId, settings, now);
  const after = await activeFsrsParams(userId);
  await db().fsrsParamsChange.create({
    data: {
      userId,
      reason,
      fromChoice: before.choice,
      fromParams: before.own ?? undefined,
      toChoice: after.choice,
      toParams: after.own ?? undefined,
      figures: figures ? (figures as unknown as Prisma.InputJsonObject) : undefined,
      cardsRescheduled,
      createdAt: now,
    },
  });
  return { choice: after.choice, source: after.source, cardsRescheduled };
}

/**
 * Reverts the user's latest parameter change that is not itself an undo: their choice and own
 * parameters go back to what they were, and cards are rescheduled again. Repeated undos walk back.
 */
export async function undoUserParamsChange(userId: string, now: Date): Promise<ParamsChangeResult> {
  const last = await db().fsrsParamsChange.findFirst({
    where: { userId, undone: false, reason: { not: 'undo' } },
    orderBy: { createdAt: 'desc' },
  });
  if (!last) throw new ReviewError(409, 'nothing_to_undo', 'There is no parameter change to undo.');
  const previousOwn = storedParams(last.fromParams);
  // why: DbNull clears the column; `undefined` would leave the newer fitted parameters in place.
  await db().userSettings.update({ where: { userId }, data: { fsrsParams: previousOwn ?? Prisma.DbNull } });
  const result = await changeUserParams(userId, { choice: (last.fromChoice as FsrsChoice | null) ?? 'class' }, 'undo', now);
  await db().fsrsParamsChange.update({ where: { id: last.id }, data: { undone: true } });
  return result;
}
