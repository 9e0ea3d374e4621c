import { rescheduleCard, type CardStateValue, type RatingValue, type SchedulerSettings } from '@/core/review';
import type { FitFigures } from '@/core/optimizer';
import { Prisma } from '@/generated/prisma/client';
import { asDate, db, qb, queries, rowsTable, transaction } from '../db';
import { ReviewError } from './errors';
import { activeFsrsParams, storedParams, type FsrsChoice } from './fsrs-params';
import { forgetReviewSettings, getReviewSettings } from './settings';

/** Changed cards per UPDATE statement (one statement for many rows: a statement is a round trip). */
const UPDATE_CHUNK = 500;

/**
 * Recomputes every studied card's memory state from its review log with the parameters now in
 * `settings.w`, moving due dates of review cards; the new rows are written in one transaction.
 * Logs are only read: nothing of the history is lost, so running it again with other parameters
 * (undo) is exact. Returns the number of cards that changed; each changed card's version goes up,
 * so a rating made against the old schedule in another tab is refused rather than applied to the
 * wrong state.
 *
 * why read and compute outside the transaction: a heavy history (a million reviews) takes seconds
 * to read and replay, longer than a transaction may stay open. Each write names the version read,
 * so a card rated meanwhile keeps its rating's state instead of being overwritten.
 */
export async function rescheduleUser(userId: string, settings: SchedulerSettings, now: Date): Promise<number> {
  const q = queries();
  const [rows, logs] = await Promise.all([
    q.all(
      qb()
        .selectFrom('CardState')
        .select(['id', 'cardId', 'due', 'stability', 'difficulty', 'elapsedDays', 'scheduledDays', 'learningSteps', 'reps', 'lapses', 'state', 'lastReview', 'version'])
        .where('userId', '=', userId)
        .where('state', '>', 0),
    ),
    q.all(
      qb()
        .selectFrom('ReviewLog')
        .select(['cardId', 'rating', 'review'])
        .where('userId', '=', userId)
        .where('undone', '=', false)
        .orderBy('cardId')
        .orderBy('review'),
    ),
  ]);
  const byCard = new Map<string, { rating: RatingValue; review: Date }[]>();
  for (const l of logs) {
    const list = byCard.get(l.cardId) ?? [];
    list.push({ rating: l.rating as RatingValue, review: asDate(l.review)! });
    byCard.set(l.cardId, list);
  }
  const changes: { rowId: string; readVersion: number; stability: number; difficulty: number; due: Date; scheduledDays: number }[] = [];
  for (const row of rows) {
    const next = rescheduleCard(
      settings,
      {
        due: asDate(row.due)!,
        stability: row.stability,
        difficulty: row.difficulty,
        elapsedDays: row.elapsedDays,
        scheduledDays: row.scheduledDays,
        learningSteps: row.learningSteps,
        reps: row.reps,
        lapses: row.lapses,
        state: row.state as CardStateValue,
        lastReview: asDate(row.lastReview),
      },
      byCard.get(row.cardId) ?? [],
      now,
    );
    if (next) {
      changes.push({ rowId: row.id, readVersion: row.version, stability: next.stability, difficulty: next.difficulty, due: next.due, scheduledDays: next.scheduledDays });
    }
  }
  return transaction(async (tx) => {
    let changed = 0;
    for (let i = 0; i < changes.length; i += UPDATE_CHUNK) {
      const chunk = changes.slice(i, i + UPDATE_CHUNK);
      const v = rowsTable(chunk, { rowId: 'text', readVersion: 'int', stability: 'float', difficulty: 'float', due: 'time', scheduledDays: 'int' }).as('v');
      changed += await tx.run(
        qb()
          .updateTable('CardState')
          .from(v)
          .set((eb) => ({
            stability: eb.ref('v.stability'),
            difficulty: eb.ref('v.difficulty'),
            due: eb.ref('v.due'),
            scheduledDays: eb.ref('v.scheduledDays'),
            version: eb(eb.ref('CardState.version'), '+', 1),
            updatedAt: now,
          }))
          .whereRef('CardState.id', '=', 'v.rowId')
          .whereRef('CardState.version', '=', 'v.readVersion'),
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
