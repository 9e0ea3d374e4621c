import { studyDayRange, type DoneToday, type ReviewSettings, type StudyDay } from '@/core/review';
import { qb, queries } from '../db';
import { getReviewSettings } from './settings';

/** A user's settings and "today" (their study day in their time zone, with the rollover hour). */
export interface DayContext {
  userId: string;
  settings: ReviewSettings;
  now: Date;
  day: StudyDay;
  /** Start of today's study day. */
  start: Date;
  /** Start of tomorrow's study day. */
  end: Date;
}

export async function dayContext(userId: string, now: Date, settings?: ReviewSettings): Promise<DayContext> {
  const s = settings ?? (await getReviewSettings(userId));
  const { day, start, end } = studyDayRange(now, s.timeZone, s.dayRolloverHour);
  return { userId, settings: s, now, day, start, end };
}

/**
 * How many logs of today's study day, not undone, were made in `state` (before the review): the
 * core's countDoneToday rule, as a scalar subquery to add to another statement. why: the queue
 * reads its decks and today's done counts in one round trip.
 */
export function doneTodayCount(ctx: DayContext, state: 0 | 2) {
  return qb()
    .selectFrom('ReviewLog')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('userId', '=', ctx.userId)
    .where('review', '>=', ctx.start)
    .where('review', '<', ctx.end)
    .where('undone', '=', false)
    .where('state', '=', state);
}

/** Today's done counts for the daily limits. */
export async function doneToday(ctx: DayContext): Promise<DoneToday> {
  const row = await queries().first(
    qb().selectNoFrom([doneTodayCount(ctx, 0).as('newDone'), doneTodayCount(ctx, 2).as('reviewsDone')]),
  );
  return { newDone: Number(row?.newDone ?? 0), reviewsDone: Number(row?.reviewsDone ?? 0) };
}
